// What the knowledge graph is built from: the index's own postings.
//
// The graph (graph/) is derived from the index and never from a second
// store: every document contributes a row (id, kind, date, title, president,
// jurisdiction from value slots) and every extraction term (XE entity, XC citation, XR
// relation) contributes its posting list with counts (wdf). Reading these is
// a walk over a few term prefixes, not over the stored records, so it stays
// fast as the corpus grows. Thread-safety: plain values.
#ifndef LODESTONE_INDEX_GRAPH_SOURCE_H_
#define LODESTONE_INDEX_GRAPH_SOURCE_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace lodestone {

struct GraphDocRow {
  std::string id;         // eo:14017, doc:3fa2…
  std::string kind;       // executive_order, …
  std::string date;       // YYYY-MM-DD or ""
  std::string title;
  std::string president;  // person:joseph-r-biden, or ""
  std::string jurisdiction;  // us, cn, intl, or ""
};

// One extraction term and the documents carrying it: (row in docs, count).
struct GraphTermPostings {
  std::string term;  // without its prefix: "mineral:lithium", "eo:13817", "revokes:eo:13990"
  std::vector<std::pair<uint32_t, uint32_t>> docs;
};

struct GraphSource {
  // Identity of what was read: the live database and its revision. Two reads
  // with equal stamps saw the same documents (graph caches are keyed on it).
  std::string stamp;
  std::vector<GraphDocRow> docs;
  std::vector<GraphTermPostings> entities;   // XE
  std::vector<GraphTermPostings> citations;  // XC
  std::vector<GraphTermPostings> relations;  // XR
  std::vector<GraphTermPostings> aliases;    // XA: other ids of documents
  std::vector<GraphTermPostings> paper_keys; // XK: matching keys of papers
  std::vector<GraphTermPostings> references; // XL: packed references (paper_keys.h)
};

}  // namespace lodestone

#endif  // LODESTONE_INDEX_GRAPH_SOURCE_H_
