// Questions that need both the index and the graph: trace a mineral through
// the documents that affect it, neighbours and paths with the sentences that
// prove each link, citations, rankings, timelines and co-occurrence.
//
// A GraphSession holds an open Searcher, the knowledge base and the graph
// built from that index (graph/cache.h); evidence sentences are read from
// the stored records on demand and memoised. Results are plain structs; JSON
// and text renderings live next to them (graph_render.h). Thread-safety: a
// session is not thread-safe.
#ifndef LODESTONE_QUERY_GRAPH_QUERIES_H_
#define LODESTONE_QUERY_GRAPH_QUERIES_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lodestone/graph/algorithms.h"
#include "lodestone/graph/cache.h"
#include "lodestone/graph/graph.h"
#include "lodestone/index/searcher.h"
#include "lodestone/ingest/analyzer.h"
#include "lodestone/ingest/kb.h"

namespace lodestone {

class GraphSession {
 public:
  // Opens the index, loads the knowledge base (built-in plus kb_files) and
  // the graph (through the cache unless use_cache is false).
  static Result<std::unique_ptr<GraphSession>> Open(const std::string& index_dir,
                                                    const std::vector<std::string>& kb_files = {},
                                                    bool use_cache = true);

  const KnowledgeGraph& graph() const { return kg_; }
  const KnowledgeBase& kb() const { return kb_; }
  Searcher& searcher() { return *searcher_; }
  const GraphLoadInfo& load_info() const { return load_info_; }

  // A node from what a user typed: an id (eo:14017), a knowledge-base name
  // or alias (lithium, "rare earths", 稀土), a citation (EO 14017, 30 U.S.C.
  // 1606), a source path, or an id's key alone when one id has it
  // (rare-earth-elements). NotFound with suggestions otherwise:
  // "no node lithum; did you mean mineral:lithium?", and for a key several
  // ids share "no node 5/302 (2 ids have this key); did you mean cfr:5/302,
  // usc:5/302?".
  Result<uint32_t> Resolve(const std::string& text);

  // The stored record of a document node (memoised); null for externals.
  const Document* Record(uint32_t v);
  // The sentence of the edge's source document that proves it ("" when the
  // link has no passage, e.g. is_a from the knowledge base).
  std::string Evidence(uint32_t edge);

 private:
  GraphSession() = default;
  std::unique_ptr<Searcher> searcher_;
  KnowledgeBase kb_;
  KnowledgeGraph kg_;
  GraphLoadInfo load_info_;
  Analyzer analyzer_;
  std::map<uint32_t, std::optional<Document>> records_;
};

// ---------------------------------------------------------------- trace

struct LinkedNode {
  std::string id, name, date;
};

struct DocStatus {
  bool in_force = true;
  std::string state;  // "in_force", "revoked", "superseded"
  std::string revoked_on;
  std::vector<LinkedNode> revoked_by, superseded_by, amended_by;
};

struct TraceDocument {
  uint32_t node = 0;
  std::string id, source, title, kind, date;
  std::string president;     // person id of the president in office when issued, or ""
  std::string jurisdiction;  // us, cn, intl, or ""
  std::string via;         // "direct", "group", "category"
  std::string via_entity;  // the entity actually named (the group or concept for via != direct)
  std::string evidence;
  DocStatus status;
  std::vector<LinkedNode> directs;  // agencies it tasks
};

struct TraceRequest {
  std::string as_of;  // YYYY-MM-DD or ""
  std::string kind;   // document kind or ""
  std::string via;    // keep only this via ("" = all)
  // "via": documents naming the entity first, then those naming a group it
  // belongs to, then those speaking of the category, newest first within
  // each (undated last); "date": oldest first across all.
  std::string sort = "via";
  size_t limit = 0;  // at most this many documents (0 = all); counts stay those of all
};

struct TraceResult {
  uint32_t entity = 0;
  std::vector<uint32_t> groups;      // groups the entity belongs to (transitively)
  std::vector<uint32_t> categories;  // concept:* above it
  size_t total = 0;                  // documents that matched, before the limit
  size_t direct = 0, group = 0, category = 0;  // of them, by via
  std::vector<TraceDocument> documents;  // in the requested order, at most limit
  bool truncated() const { return documents.size() < total; }
};

// InvalidArgument for an unknown sort.
Result<TraceResult> Trace(GraphSession& s, uint32_t entity, const TraceRequest& req);
// Status of a document as of a date ("" = today, i.e. everything known).
DocStatus StatusOf(GraphSession& s, uint32_t doc, const std::string& as_of);

// ---------------------------------------------------------------- citations

struct CitationEntry {
  uint32_t node = 0;
  std::vector<std::string> relations;  // edge types linking the two: cites, revokes, amends, ...
  uint32_t count = 0;                  // times cited
  std::string evidence;
};
// Outgoing (what `doc` cites) or incoming (who cites, revokes, amends it).
std::vector<CitationEntry> Citations(GraphSession& s, uint32_t v, bool incoming);

// ---------------------------------------------------------------- ranking

struct RankRequest {
  std::string by = "pagerank";  // pagerank | indegree | betweenness
  std::string type;             // node filter: id type (eo, mineral), kind (executive_order), "document", "external"
  EdgeMask edges = 0;           // 0: citation edges, or mentions+directs when type names an entity type
  size_t limit = 20;
};
struct RankedNode {
  uint32_t node = 0;
  double score = 0;
};
struct RankResult {
  EdgeMask edges = 0;
  std::vector<RankedNode> nodes;
  int iterations = 0;  // PageRank
  size_t sources = 0;  // betweenness: BFS sources used
  bool approximate = false;  // betweenness estimated from a sample of sources
};
Result<RankResult> Rank(GraphSession& s, const RankRequest& req);

// True when node v passes a --type filter (see RankRequest::type).
bool MatchesType(const Node& n, const std::string& type);
// InvalidArgument unless type is a known id type, kind name, "document", "entity" or "external".
Status CheckType(const std::string& type);

// ---------------------------------------------------------------- timeline

// One administration's share of a timeline (knowledge base terms).
struct AdministrationCount {
  Administration administration;  // president, name, from, to ("" while in office)
  uint64_t documents = 0;
  std::map<std::string, uint64_t> by_jurisdiction;  // us, intl ("" for a record without one)
  std::vector<uint32_t> nodes;                      // its documents, by date
};

struct TimelineResult {
  std::optional<uint32_t> subject;
  std::vector<uint32_t> documents;             // by date
  std::map<std::string, uint64_t> by_year;     // "unknown" for undated
  // Documents with a president, per person id (both of Trump's terms under
  // one id); U.S. documents without one: "undated" (no date: U.S. Code
  // sections, ...) and "none" (dated, but no president's: bills, before
  // 1933). Chinese documents, papers and joint texts no U.S. president
  // released are not here but in by_jurisdiction.
  std::map<std::string, uint64_t> by_president;
  // Chronological, from the first administration with a document to the
  // last, those between included (with 0): Trump 2017-2021 and Trump 2025-
  // are two entries.
  std::vector<AdministrationCount> administrations;
  std::map<std::string, uint64_t> by_jurisdiction;  // us, cn, intl, none
};
TimelineResult Timeline(GraphSession& s, std::optional<uint32_t> subject, const std::string& type);

}  // namespace lodestone

#endif  // LODESTONE_QUERY_GRAPH_QUERIES_H_
