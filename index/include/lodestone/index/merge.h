// Merging the records of one document (same id, different source files).
//
// The Federal Register publishes each order in several formats (XML, HTML,
// GPO text, API JSON); a researcher's folder may also hold a note about the
// same order. They become one document: the richest text wins (by format
// rank, then length) and every other key is taken from the richest record
// that has it. Pure functions; thread-safe.
//
// The rule is per key and depends on the set of records only, never on the
// order they are merged in (issue 11): a build meets the records of one id
// in docid order, an update meets the indexed record first and the new one
// second, and both must store the same document. To merge an already merged
// record with another one the rule needs to know, for each key, whose value
// it holds: MergeInfo says so (the index stores it beside the record, value
// slot schema::kSlotMerge; a record without one is a single record).
#ifndef LODESTONE_INDEX_MERGE_H_
#define LODESTONE_INDEX_MERGE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lodestone/index/document.h"

namespace lodestone {

// The total order of records, as a byte string: the smaller key is the
// richer record. A text beats none, then the higher Document::richness (the
// index knows no format names: ingest's readers rank their formats), then
// the longer text; ties go by content (a hash of the text, the title, the
// authors, the date, the format) and last by the first source path, so two
// records of different files never tie.
std::string RankKey(const Document& d);

// True when a's text should be kept over b's (RankKey(a) <= RankKey(b)).
bool TextIsRicher(const Document& a, const Document& b);

// Provenance of a merged record: the rank keys of the records merged into
// it (sorted, ranks[0] the winner's, whose text it carries), and for each
// key whose value came from another record the index of that record's rank.
// Keys: "title", "date", ..., "authors", "meta:K", "president" (the three
// president keys go together), "e:ENTITY", "c:CITATION", "r:TYPE\tTARGET",
// "a:ALIAS".
struct MergeInfo {
  std::vector<std::string> ranks;
  std::map<std::string, uint32_t> from;
};

// The provenance of a record that was never merged.
MergeInfo SingleRecordInfo(const Document& d);

// Merges two (possibly merged) records: the text, its format and richness
// come from the richer winner; each other key from the record of smallest
// rank that has it (a president the source states beats one derived from
// the date); lists of found things (entities, citations, relations,
// aliases) are the union, the winner's own first in its order, the others
// sorted, with evidence offsets dropped (they point into another text);
// sources are the union sorted by path. Commutative and associative: any
// order of merging the same records gives the same record and *out.
Document MergeRecords(const Document& a, const MergeInfo& ia, const Document& b, const MergeInfo& ib,
                      MergeInfo* out = nullptr, bool* a_wins = nullptr);

// MergeRecords of two single records.
Document MergeDocuments(const Document& a, const Document& b);

// Stored form of a MergeInfo (length-prefixed strings); nullopt when
// damaged.
std::string EncodeMergeInfo(const MergeInfo& info);
std::optional<MergeInfo> DecodeMergeInfo(const std::string& bytes);

}  // namespace lodestone

#endif  // LODESTONE_INDEX_MERGE_H_
