// Graph nodes and stored records as answers show them. Private to query/.
// Thread-safety: pure functions.
#ifndef LODESTONE_QUERY_SRC_NODES_H_
#define LODESTONE_QUERY_SRC_NODES_H_

#include <string>

#include "lodestone/graph/graph.h"
#include "lodestone/index/document.h"
#include "lodestone/query/engine.h"

namespace lodestone::query::internal {

inline NodeInfo InfoOf(const Node& n) {
  NodeInfo i;
  i.id = n.id;
  i.type = n.type;
  i.name = n.name;
  i.kind = n.kind;
  i.date = n.date;
  i.president = n.president;
  i.jurisdiction = n.jurisdiction;
  i.external = n.external;
  return i;
}

inline EdgeInfo InfoOf(const KnowledgeGraph& kg, const Edge& e) {
  return {kg.node(e.source).id, kg.node(e.target).id, EdgeTypeName(e.type), e.count};
}

// The file whose text was kept (the richest format), else the first.
inline std::string SourceOf(const Document& d) {
  for (const auto& s : d.sources)
    if (s.format == d.format) return s.path;
  return d.sources.empty() ? std::string() : d.sources.front().path;
}

}  // namespace lodestone::query::internal

#endif  // LODESTONE_QUERY_SRC_NODES_H_
