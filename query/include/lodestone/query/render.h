// Rendering of results for people (text) and scripts (JSON).
//
// Results are structs computed elsewhere (searcher.h, pipeline.h); these
// functions only format them. JSON shapes are contracts: fields are added,
// never renamed. Thread-safety: pure functions.
#ifndef LODESTONE_QUERY_RENDER_H_
#define LODESTONE_QUERY_RENDER_H_

#include <string>
#include <vector>

#include "lodestone/index/searcher.h"
#include "lodestone/ingest/kb.h"
#include "lodestone/ingest/pipeline.h"

namespace lodestone {

struct RenderedHit {
  const Hit* hit;
  std::string snippet;  // with marks
};

// {"total","total_exact","offset","limit","query","hits":[{"id","source","title","kind","date","score",
//  "snippet",...}],"facets":{"kind":{...},"year":{...}},"suggestion"}
std::string SearchJson(const SearchRequest& req, const SearchResult& res, const std::vector<RenderedHit>& hits);
std::string SearchText(const SearchRequest& req, const SearchResult& res, const std::vector<RenderedHit>& hits,
                       bool color);

// {"id","title","terms":[...],"total","similar":[{"id","source","title","kind","date","score","rank",
//  "language","number"}]}: the hits as search's, without snippets.
std::string SimilarJson(const SimilarResult& res);
std::string SimilarText(const SimilarResult& res, bool color);

std::string DocumentJson(const Document& doc);
std::string DocumentText(const Document& doc, bool with_text);

// What `lode entity` shows: the knowledge-base entry (if any) and the index's view.
struct EntityReport {
  std::string id;
  const Entity* entity = nullptr;            // null for ids only seen in documents
  std::vector<const Entity*> members;        // entities whose is_a names this one
  uint64_t documents = 0;                    // documents naming (or citing) it
  std::vector<Posting> top;                  // most mentions first
  std::vector<std::pair<std::string, uint64_t>> cooccurs;
  std::vector<std::string> cooccur_names;    // display names, parallel to cooccurs
};
std::string EntityJson(const EntityReport& r);
std::string EntityText(const EntityReport& r);

std::string StatsJson(const IndexStats& s);
std::string StatsText(const IndexStats& s);

std::string IngestJson(const IngestSummary& s);
std::string IngestText(const IngestSummary& s, bool verbose);

// Words of s on lines of at most width visible characters, each indented.
std::string WrapText(const std::string& s, size_t indent, size_t width);

// {"error": message, "code": name}
std::string ErrorJson(const std::string& message, const std::string& code);

// 5022 -> "5,022" (counts in text output).
std::string Thousands(uint64_t n);

}  // namespace lodestone

#endif  // LODESTONE_QUERY_RENDER_H_
