// Node identifiers of the knowledge graph (DESIGN.md: `type:key`).
//
// The graph (built from the index in a later stage) names every node with a
// stable id such as eo:14017, usc:50/4501 or mineral:lithium. This header
// splits and validates them, so that commands can say "unknown id type" early
// instead of "no such node". Thread-safety: pure functions.
#ifndef LODESTONE_GRAPH_IDS_H_
#define LODESTONE_GRAPH_IDS_H_

#include <optional>
#include <string>

namespace lodestone {

struct NodeId {
  std::string type;  // "eo", "pl", "usc", "mineral", ...
  std::string key;   // "14017", "117-169", "50/4501", "lithium"
};

// Splits "type:key"; nullopt when there is no colon, the type is not one of
// the design's types, or the key is empty.
std::optional<NodeId> ParseNodeId(const std::string& id);

// True when `key` is the key of `id` ("rare-earth-elements" of
// mineral:rare-earth-elements), ignoring ASCII case: what a user types
// without the type.
bool HasKey(const std::string& id, const std::string& key);

// True for types whose nodes are documents (eo, pl, usc, cfr, fr, stat, bill,
// act, pd, doi, doc, s2, frdoc) rather than entities.
bool IsDocumentType(const std::string& type);

}  // namespace lodestone

#endif  // LODESTONE_GRAPH_IDS_H_
