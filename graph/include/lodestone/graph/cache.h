// Loading the knowledge graph of an index, through a cache file.
//
// The graph is a function of the index and the knowledge base, so a copy
// saved next to the index is valid exactly while both are unchanged: the
// cache records the index stamp (live database and revision) and a hash of
// the knowledge-base entries, and is rebuilt when either differs. Writing the
// cache is best effort (a read-only index just builds every time) and atomic
// (temporary file, then rename), so a crash never leaves a torn cache; a
// cache that fails its checks is ignored and replaced.
#ifndef LODESTONE_GRAPH_CACHE_H_
#define LODESTONE_GRAPH_CACHE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "lodestone/graph/graph.h"
#include "lodestone/index/searcher.h"
#include "lodestone/index/status.h"

namespace lodestone {

struct GraphLoadInfo {
  bool from_cache = false;
  bool cache_written = false;
  std::string cache_path;
  double seconds = 0;
};

// A hash of the knowledge-base entries (ids, names, is_a).
uint64_t KbHash(const std::vector<KbNode>& kb);

// The graph of the index `searcher` reads (index folder index_dir). With
// use_cache, reads <index_dir>/graph.cache when it matches, else builds and
// writes it. `progress` (optional) hears a graph built over remote shards
// (Searcher::ReadGraphSource), then "graph: built in N s"; nothing otherwise.
Result<KnowledgeGraph> LoadGraph(Searcher& searcher, const std::string& index_dir, const std::vector<KbNode>& kb,
                                 bool use_cache, GraphLoadInfo* info = nullptr,
                                 const std::function<void(const std::string&)>& progress = {});

// The cache format itself (exposed for tests).
Status WriteGraphCache(const KnowledgeGraph& kg, uint64_t kb_hash, const std::string& path);
// NotFound when absent; FailedPrecondition-like kCorrupt when unreadable;
// kNotFound too when the stamp or kb hash differ (stale).
Result<KnowledgeGraph> ReadGraphCache(const std::string& path, const std::string& stamp, uint64_t kb_hash);

}  // namespace lodestone

#endif  // LODESTONE_GRAPH_CACHE_H_
