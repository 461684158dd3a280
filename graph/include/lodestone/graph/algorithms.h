// Graph algorithms over the knowledge graph and over plain digraphs.
//
// PageRank and BFS work on a bare Digraph (so that benchmarks can run them on
// generated graphs); the rest work on a KnowledgeGraph with an edge-type
// mask. Thread-safety: pure functions of their arguments.
#ifndef LODESTONE_GRAPH_ALGORITHMS_H_
#define LODESTONE_GRAPH_ALGORITHMS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lodestone/graph/graph.h"

namespace lodestone {

struct PageRankOptions {
  double damping = 0.85;
  double tolerance = 1e-12;  // stop when the L1 change of an iteration is below this
  int max_iterations = 1000;
  int threads = 1;           // split the pull loop over this many threads
};

struct PageRankResult {
  std::vector<double> rank;  // sums to 1
  int iterations = 0;
};

// PageRank with the conventions of igraph (PRPACK) and NetworkX: rank of a
// node without out-edges ("dangling") is spread evenly over all nodes, the
// teleport is uniform, parallel edges count once each. `edge_on` (by edge
// index), when given, keeps only the edges it marks.
PageRankResult PageRank(const Digraph& g, const PageRankOptions& opt = {},
                        const std::vector<uint8_t>* edge_on = nullptr);

// Marks the edges of a knowledge graph whose type is in mask.
std::vector<uint8_t> EdgeFilter(const KnowledgeGraph& kg, EdgeMask mask);

// Distances (in hops, following out-edges) from `start` by Boost's
// breadth_first_search; UINT32_MAX where unreachable.
std::vector<uint32_t> BfsDistances(const Digraph& g, uint32_t start);

// Number of distinct sources with an edge of mask into each node.
std::vector<uint32_t> InDegree(const KnowledgeGraph& kg, EdgeMask mask);

// Brandes betweenness centrality (Boost) on the directed subgraph of mask.
std::vector<double> Betweenness(const KnowledgeGraph& kg, EdgeMask mask);

// The same estimated from `sources` BFS sources drawn with a fixed seed
// (Brandes & Pich 2007), scaled by n / sources. Exact (every node a source)
// when the subgraph has at most `sources` nodes with edges. Exact Brandes is
// O(V·E): 170,000 nodes by 300,000 edges of the real corpus would take hours.
struct BetweennessEstimate {
  std::vector<double> score;
  size_t sources = 0;   // BFS sources used
  size_t nodes = 0;     // nodes with an edge of mask
  bool exact = false;
};
BetweennessEstimate SampledBetweenness(const KnowledgeGraph& kg, EdgeMask mask, size_t sources = 512,
                                       uint64_t seed = 42);

// Nodes within `depth` hops of `start`, following edges of mask in both
// directions. Each reached node comes with its distance and the edge it was
// reached by (UINT32_MAX for start). Breadth-first order.
struct Reached {
  uint32_t node = 0;
  uint32_t depth = 0;
  uint32_t via_edge = UINT32_MAX;
};
std::vector<Reached> Neighborhood(const KnowledgeGraph& kg, uint32_t start, uint32_t depth, EdgeMask mask,
                                  size_t max_nodes = SIZE_MAX);

// A shortest path from a to b, edges followed in either direction; the
// edge numbers in order, or nullopt when b cannot be reached. Empty when a == b.
std::optional<std::vector<uint32_t>> ShortestPath(const KnowledgeGraph& kg, uint32_t a, uint32_t b, EdgeMask mask);

// Entities named in the same documents as `v` (through mentions), with the
// number of shared documents and two strengths: Jaccard (shared / union) and
// lift (shared * N / (docs(v) * docs(other)), 1 = independent).
struct CoOccurrence {
  uint32_t node = 0;
  uint32_t shared = 0;
  uint32_t documents = 0;  // documents naming the other entity
  double jaccard = 0;
  double lift = 0;
};
std::vector<CoOccurrence> CoOccurrences(const KnowledgeGraph& kg, uint32_t v);

// Bibliometric relatedness through `cites` edges.
//   co-citation: works cited together with v by the same documents;
//   bibliographic coupling: documents that cite some of the works v cites.
// `shared` counts the citing documents (co-citation) or the shared cited
// works (coupling); `degree` is the other node's own count (times cited, or
// references); `cosine` = shared / sqrt(degree(v) * degree(other)) (Salton).
struct Related {
  uint32_t node = 0;
  uint32_t shared = 0;
  uint32_t degree = 0;
  double cosine = 0;
};
std::vector<Related> CoCitations(const KnowledgeGraph& kg, uint32_t v);
std::vector<Related> Couplings(const KnowledgeGraph& kg, uint32_t v);

}  // namespace lodestone

#endif  // LODESTONE_GRAPH_ALGORITHMS_H_
