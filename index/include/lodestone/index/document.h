// The document record: what ingest produces and the index stores.
//
// A Document is a plain aggregate (no I/O, no hidden work). Readers in
// ingest/ fill it from one or more source files; the analyser turns its text
// into Tokens; the index writer persists both. The record lives in index/
// because it is exactly what gets stored: index and graph can use it without
// depending on ingest's parsers. Thread-safety: plain values.
#ifndef LODESTONE_INDEX_DOCUMENT_H_
#define LODESTONE_INDEX_DOCUMENT_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lodestone {

// Kinds of document. The string forms are a contract (kind: filter, JSON).
enum class Kind {
  kExecutiveOrder,
  kPresidentialMemorandum,
  kProclamation,
  kLaw,
  kRegulation,
  kNotice,
  kFactSheet,
  kStatement,
  kPaper,
  kOther,
};

const char* KindName(Kind kind);                       // "executive_order", ...
std::optional<Kind> KindFromName(const std::string& name);
const std::vector<Kind>& AllKinds();

// One file that contributed to a document.
struct SourceFile {
  std::string path;     // absolute, lexically normal
  std::string format;   // "fr-xml", "gpo-html", "markdown", ...
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  uint64_t hash = 0;    // XXH3-64 of the bytes
};

// One entry of a paper's reference list, as structured as its source allows.
// Resolution (the graph) matches it to a document by DOI, by ids, then by
// keys made of the first author, year, volume and page or title.
struct Reference {
  std::string label;
  std::string text;     // as printed (JATS mixed citation, WoS CR line, Scopus string)
  std::string doi;      // lowercased, without "doi:" or a resolver URL
  std::string title;
  std::string year;     // YYYY
  std::vector<std::string> authors;  // as printed ("Chao A", "Alho, J. M."); the first is the first author
  std::string journal;  // source title or its abbreviation
  std::string volume;
  std::string page;     // first page (or article number)
  std::vector<std::string> ids;  // other ids of the cited work: s2:…, pmid:…, arxiv:…, openalex:…, eo:…, pl:…
};

// One address of a paper's authors as the record gives it (Web of Science
// C1, Scopus affiliations, JATS aff, RIS AD). These are reader fields, as
// printed: no knowledge-base matching happens here.
struct Affiliation {
  std::string organization;  // the organisation as the source names it: WoS "Guangzhou Univ" (the address's
                             // first part, as VOSviewer takes it), JATS <institution>, Scopus the address
                             // without its country
  std::string country;       // the country as printed: "Peoples R China", "USA" (WoS "DC 20052 USA" -> "USA"),
                             // "" when the address does not end in one
  std::string address;       // the whole address as printed
  std::vector<std::string> authors;  // the authors at this address as the record lists them ("Li, Haoqi"),
                                     // empty when the source does not say
};

// What extraction found in a document (see ingest/extract.h). Offsets are
// byte offsets into Document::text (at most a few kept per item).
struct EntityRef {
  std::string id;    // mineral:lithium
  std::string name;  // display name from the knowledge base
  uint32_t count = 0;
  std::vector<uint32_t> offsets;
};

struct CitationRef {
  std::string id;    // eo:13817, usc:50/4501, pl:117-169
  uint32_t count = 0;
  std::vector<uint32_t> offsets;
};

inline constexpr uint32_t kNoOffset = 0xFFFFFFFF;  // evidence not in this text

// What one document does to another: the one list that ingest writes and
// graph reads (issue 10). The names are persisted (the record's "type" and
// the XR terms, schema.h) and shown: never rename one.
enum class RelationType : uint8_t {
  kRevokes,
  kAmends,
  kSupersedes,
  kDirects,
  // What a later order did to this one (disposition tables and notes):
  // the same edge as kRevokes ... seen from its target.
  kRevokedBy,
  kAmendedBy,
  kSupersededBy,
};
const char* RelationTypeName(RelationType type);  // "revokes", "revoked_by", ...
std::optional<RelationType> RelationTypeFromName(const std::string& name);
// kRevokedBy -> kRevokes (and so on); the other types are their own active form.
RelationType ActiveForm(RelationType type);
// kRevokes -> kRevokedBy (and so on); nullopt for kDirects, which has none.
std::optional<RelationType> PassiveForm(RelationType type);
inline bool IsPassive(RelationType type) { return ActiveForm(type) != type; }

struct RelationRef {
  // Stored and shown by its name (RelationTypeName: revokes, amends, ...,
  // revoked_by); a record's type this version does not know is dropped when
  // the record is read (record_json.cc), as the graph drops its term.
  RelationType type = RelationType::kRevokes;
  std::string target;  // eo:13990, agency:interior-department
  uint32_t offset = 0;       // evidence in the text, or kNoOffset
  std::string origin;        // "text" or "metadata" (Federal Register disposition notes)
};

struct Document {
  std::string id;          // design identifier: eo:13603, usc:30/1606, doc:3fa2...
  Kind kind = Kind::kOther;
  std::string title;
  std::string date;        // YYYY-MM-DD, or "" when unknown
  std::string number;      // the document's own number ("13603", "117-169")
  std::string language;    // BCP-47 primary tag: "en", "zh"
  std::string url;
  std::string format;      // format of the file whose text was kept
  int richness = 0;        // how clean that format's text is (ingest's reader registry: structured
                           // XML 6 ... metadata-only records 0); the richer text wins a merge (merge.h)
  std::string jurisdiction;  // "us", "cn", "intl" (joint statements, allied deals), or "" (papers, other);
                             // set at ingest (ingest/attribution.h)
  std::string text;        // UTF-8 plain text (the richest available)
  std::vector<std::string> authors;
  std::vector<std::string> aliases;  // other ids of this document (doi:…, s2:…, wos:…, pmid:…, openalex:…)
  std::vector<Reference> references;
  // Paper records: keywords as the record gives them, one per entry (not
  // normalised; see ingest's FoldKeyword), and the authors' addresses.
  std::vector<std::string> keywords;        // the authors' own: WoS DE, Scopus Author Keywords, BibTeX keywords,
                                            // RIS KW, JATS kwd
  std::vector<std::string> index_keywords;  // a database's: WoS ID (Keywords Plus), Scopus Index Keywords
  std::vector<Affiliation> affiliations;
  std::map<std::string, std::string> meta;  // citation, president, agencies, journal, volume, page, ...
  std::vector<SourceFile> sources;
  std::vector<EntityRef> entities;
  std::vector<CitationRef> citations;
  std::vector<RelationRef> relations;
};

// A word of the text as the analyser found it: normalised (NFKC, case folded)
// and numbered. `stem` says whether an English stem should be indexed too.
struct Token {
  std::string term;
  uint32_t position = 0;
  bool stem = false;
};

// A document ready for the writer.
struct AnalyzedDocument {
  Document doc;
  std::vector<Token> body;    // tokens of title + text, positions continue
  std::vector<Token> title;   // tokens of the title alone (for title:)
};

}  // namespace lodestone

#endif  // LODESTONE_INDEX_DOCUMENT_H_
