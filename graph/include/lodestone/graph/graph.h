// The knowledge graph: documents, entities and cited authorities as typed
// nodes; mentions, citations and relations as typed, counted edges.
//
// It is derived from the index (index/graph_source.h), never stored on its
// own: Build() turns the index's entity (XE), citation (XC) and relation (XR)
// postings into a Boost.Graph compressed sparse row graph with parallel
// arrays of node and edge attributes. A cached copy keyed by the index stamp
// may be saved and loaded (cache.h) to skip the build.
//
// Evidence (the sentence that proves an edge) is not kept here: every edge
// comes from one document, whose stored record has the byte offsets; the
// query layer reads them on demand. Thread-safety: a built graph is
// immutable and may be shared between threads.
#ifndef LODESTONE_GRAPH_GRAPH_H_
#define LODESTONE_GRAPH_GRAPH_H_

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "lodestone/index/document.h"
#include "lodestone/index/graph_source.h"

namespace lodestone {

// Edge types (names are a contract: JSON, --edge, exports).
enum class EdgeType : uint8_t {
  kMentions,    // document -> entity it names
  kCites,       // document -> document or authority it cites
  kRevokes,     // document -> document
  kAmends,      // document -> document
  kSupersedes,  // document -> document
  kDirects,     // document -> agency it tasks
  kIsA,         // entity -> entity (knowledge base: neodymium is-a rare earth elements)
  kIssuedBy,    // document -> person (the president in office when it was issued)
};
inline constexpr int kEdgeTypeCount = 8;
const char* EdgeTypeName(EdgeType t);
std::optional<EdgeType> EdgeTypeFromName(const std::string& name);
// The edge a relation makes: its active form's (kRevokedBy -> kRevokes, from
// the other side); nullopt for none.
std::optional<EdgeType> EdgeOf(RelationType relation);

// A set of edge types, as bits.
using EdgeMask = uint32_t;
inline constexpr EdgeMask Bit(EdgeType t) { return 1u << static_cast<unsigned>(t); }
inline constexpr EdgeMask kAllEdges = (1u << kEdgeTypeCount) - 1;
// The edges between documents and authorities (citation analysis).
inline constexpr EdgeMask kCitationEdges =
    Bit(EdgeType::kCites) | Bit(EdgeType::kRevokes) | Bit(EdgeType::kAmends) | Bit(EdgeType::kSupersedes);
// "cites,revokes" -> mask; nullopt naming nothing valid. Empty -> kAllEdges.
std::optional<EdgeMask> ParseEdgeMask(const std::string& csv, std::string* bad = nullptr);

struct Node {
  std::string id;         // eo:14017, mineral:lithium, usc:50/4501
  std::string type;       // the id's prefix: eo, mineral, usc, doc, ...
  std::string name;       // document title, knowledge-base name, or a readable form of the id
  std::string kind;       // document kind ("executive_order") for documents in the corpus, else ""
  std::string date;       // YYYY-MM-DD when known
  std::string president;  // person id of the president in office when it was issued (ingest/attribution.h)
  std::string jurisdiction;  // us, cn, intl for documents, "" for papers, other documents and externals
  bool external = true;   // cited or named, but not a document of the corpus
};

struct Edge {
  uint32_t source = 0;
  uint32_t target = 0;
  EdgeType type = EdgeType::kMentions;
  uint32_t count = 1;  // occurrences in the source document (mentions, cites), else 1
};

// The structure: vertices are node numbers, edge_index(e) numbers Edge rows.
using Digraph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, boost::no_property,
                                                   boost::no_property, uint32_t, uint32_t>;

// What the graph needs from the knowledge base (kept free of ingest/).
struct KbNode {
  std::string id;
  std::string name;
  std::vector<std::string> is_a;
};

// A readable name for an id that is not a document of the corpus:
// eo:13817 -> "Executive Order 13817", usc:30/1606 -> "30 U.S.C. 1606".
std::string DisplayName(const std::string& id);

class KnowledgeGraph {
 public:
  KnowledgeGraph() = default;

  // Builds from the index's postings. Knowledge-base entries give entity
  // names and is_a edges (for entities that some document names, and the
  // groups above them).
  static KnowledgeGraph Build(const GraphSource& src, const std::vector<KbNode>& kb);

  // From explicit nodes and edges (tests, generated graphs, the cache).
  // Edges are sorted and merged: one edge per (source, target, type), with
  // the largest count; self-loops are dropped.
  // `aliases` maps other ids of documents (wos:…, s2:…) to their nodes.
  static KnowledgeGraph FromParts(std::vector<Node> nodes, std::vector<Edge> edges, std::string stamp,
                                  std::vector<std::pair<std::string, uint32_t>> aliases = {});

  size_t num_nodes() const { return nodes_.size(); }
  size_t num_edges() const { return edges_.size(); }
  const Node& node(uint32_t v) const { return nodes_[v]; }
  const Edge& edge(uint32_t e) const { return edges_[e]; }
  const std::vector<Node>& nodes() const { return nodes_; }
  const std::vector<Edge>& edges() const { return edges_; }
  const Digraph& digraph() const { return g_; }
  const std::string& stamp() const { return stamp_; }

  // A node by its id or by an alias of a document.
  std::optional<uint32_t> Find(const std::string& id) const;
  const std::vector<std::pair<std::string, uint32_t>>& aliases() const { return aliases_; }

  // Edge numbers leaving / entering v whose type is in mask.
  std::vector<uint32_t> OutEdges(uint32_t v, EdgeMask mask = kAllEdges) const;
  std::vector<uint32_t> InEdges(uint32_t v, EdgeMask mask = kAllEdges) const;

  // Validity of a document: in force from its date until the earliest dated
  // document that revokes it.
  struct Validity {
    std::vector<uint32_t> revoked_by;     // nodes, by date
    std::vector<uint32_t> amended_by;     // nodes, by date
    std::vector<uint32_t> superseded_by;  // nodes, by date
    std::string revoked_on;               // date of the first dated revocation, "" if none/unknown
  };
  Validity ValidityOf(uint32_t v) const;
  // In force on `date` (YYYY-MM-DD): issued on or before it (or undated) and
  // not revoked or superseded by a document dated on or before it.
  bool InForceOn(uint32_t v, const std::string& date) const;

  // Approximate heap bytes held (for the memory-per-edge figure).
  size_t MemoryBytes() const;

 private:
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;  // sorted by (source, target, type): row e is edge_index e
  Digraph g_;
  // Id -> node, built on first need: a command that looks up two ids in a
  // graph of 170,000 nodes is faster scanning than hashing them all.
  struct IdIndex {
    std::once_flag once;
    std::atomic<int> lookups{0};
    std::unordered_map<std::string, uint32_t> map;
  };
  std::shared_ptr<IdIndex> id_index_ = std::make_shared<IdIndex>();
  std::vector<std::pair<std::string, uint32_t>> aliases_;
  std::string stamp_;
};

}  // namespace lodestone

#endif  // LODESTONE_GRAPH_GRAPH_H_
