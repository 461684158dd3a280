// The index schema: term prefixes, value slots and the stored-data layout.
//
// PERSISTED: indexes on disk depend on every constant in this file. Never
// renumber or reuse a slot or prefix; add new ones instead, and bump
// kSchemaVersion when the meaning of stored data changes.
#ifndef LODESTONE_INDEX_SCHEMA_H_
#define LODESTONE_INDEX_SCHEMA_H_

namespace lodestone::schema {

// 2 (issue 10): no Z/ZS stem term per word; stems are expanded at query time
// from the stem table (synonym keys "Z" + stem -> words). An index of schema
// 1 must be rebuilt (`lode ingest --rebuild`); opening it says so.
inline constexpr int kSchemaVersion = 2;

// Boolean (filter) term prefixes.
inline constexpr char kPrefixId[] = "Q";        // Q + id: unique key of a document
inline constexpr char kPrefixKind[] = "K";      // K + kind name
inline constexpr char kPrefixYear[] = "Y";      // Y + YYYY
inline constexpr char kPrefixFormat[] = "F";    // F + format of any source file
inline constexpr char kPrefixLanguage[] = "L";  // L + language
inline constexpr char kPrefixSource[] = "P";    // P + source path (or P# + hash if long)
inline constexpr char kPrefixJurisdiction[] = "J";  // J + us | cn | intl (none: no term)

// Extraction (ingest/extract.h): wdf = number of occurrences.
inline constexpr char kPrefixEntity[] = "XE";    // XE + entity id (XEmineral:lithium)
inline constexpr char kPrefixCitation[] = "XC";  // XC + cited id (XCeo:13817, XCusc:50/4501)
inline constexpr char kPrefixRelation[] = "XR";  // XR + type + ":" + target (XRrevokes:eo:13990)
// Papers (paper_keys.h).
inline constexpr char kPrefixAlias[] = "XA";      // XA + another id of the document (XAwos:000…, XAs2:…)
inline constexpr char kPrefixPaperKey[] = "XK";   // XK + a matching key of the paper itself (avp:…, aty:…)
inline constexpr char kPrefixReference[] = "XL";  // XL + one packed reference (wdf = times listed)

// Free-text prefixes.
inline constexpr char kPrefixTitle[] = "S";     // S + title word (positional)
// Stem terms: the query parser's form of a stemmed word. Since schema 2 no
// document holds them: "Z" + stem is the stem table's key in the synonym
// table, and the searcher expands Z/ZS terms into the words (stem_table.h).
inline constexpr char kPrefixStem[] = "Z";      // Z + English stem (Xapian convention)
inline constexpr char kPrefixTitleStem[] = "ZS";

// Value slots.
inline constexpr unsigned kSlotDate = 0;   // "YYYYMMDD" string, sorts and ranges
inline constexpr unsigned kSlotYear = 1;   // sortable_serialise(year)
inline constexpr unsigned kSlotKind = 2;   // kind name (facet counts)
inline constexpr unsigned kSlotId = 3;     // id
inline constexpr unsigned kSlotYearStr = 4;  // "YYYY" (facet counts)
inline constexpr unsigned kSlotMinerals = 5;   // mineral ids, '\n'-separated (facets)
inline constexpr unsigned kSlotAgencies = 6;   // agency ids, '\n'-separated (facets)
inline constexpr unsigned kSlotCountries = 7;  // country ids, '\n'-separated (facets)
inline constexpr unsigned kSlotTitle = 8;      // title (the graph reads it without the record)
inline constexpr unsigned kSlotPresident = 9;  // meta "president" (person id), when known
inline constexpr unsigned kSlotJurisdiction = 10;  // us | cn | intl (facet counts, the graph), when known
inline constexpr unsigned kSlotTitleWords = 11;  // number of title words, decimal (title coverage in ranking)
inline constexpr unsigned kSlotMerge = 12;  // merged records only: whose value each key holds (merge.h MergeInfo)

// Metadata keys (Xapian user metadata, committed atomically with documents).
inline constexpr char kMetaSchema[] = "lode:schema";
inline constexpr char kMetaSourcePrefix[] = "src:";  // src:<path> -> manifest entry

// Stored document data: a JSON object
// {"id","kind","title","date","number","language","url","format","richness","jurisdiction","text",
//  "authors":[...],"references":[{...}],"meta":{...},
//  "sources":[{"path","format","size","mtime_ns","hash"}],
//  "entities":[{"id","name","count","offsets"}],"citations":[{"id","count","offsets"}],
//  "relations":[{"type","target","offset","origin"}],
//  papers only, when present: "keywords":[...],"index_keywords":[...],
//  "affiliations":[{"organization","country","address","authors":[...]}]}
// Records written before the paper fields or "richness" existed simply lack
// them (an index built then needs `lode ingest --rebuild` to gain them; a
// record without richness ranks as metadata when merged).

}  // namespace lodestone::schema

#endif  // LODESTONE_INDEX_SCHEMA_H_
