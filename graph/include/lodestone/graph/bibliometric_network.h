// Co-occurrence networks of bibliometrics: co-authorship, organisation and
// country collaboration, keyword co-occurrence. The input is plain: for each
// paper its id, year and the items it names (authors, organisations,
// countries or keywords, already folded by the caller); the output is a
// network with VOSviewer's conventions and a clustering.
//
// Conventions (VOSviewer, van Eck & Waltman):
//  - full counting by default: each paper adds 1 to the link of every pair of
//    items it names; fractional counting (Perianes-Rodriguez, van Eck &
//    Waltman 2016) adds 1/(n-1) for a paper naming n items, so that every
//    paper weighs the same;
//  - a minimum number of occurrences (papers naming the item) and, for
//    co-authorship, papers naming more than a maximum number of items are
//    ignored (VOSviewer's default: 25);
//  - association strength s_ij = 2m c_ij / (k_i k_j), where c_ij is the link
//    weight, k_i the total link strength of item i and 2m the sum of all
//    k_i: the link weight divided by its expected value in the random
//    configuration model (CWTS networkanalysis, Network::
//    createNormalizedNetworkUsingAssociationStrength);
//  - clusters numbered 1, 2, … from the largest.
//
// Clustering is igraph's (linked privately): Leiden with VOSviewer's quality
// function (CPM over the association strengths, node weights 1: clusters
// where s_ij exceeds the resolution on average), Leiden or Louvain
// optimising Newman's modularity of the link weights. The best of several
// random starts with fixed seeds is kept, so a run is reproducible.
// Thread-safety: BuildCoNetwork may be called from several threads; igraph's
// process-wide random generator is guarded by a lock inside.
#ifndef LODESTONE_GRAPH_BIBLIOMETRIC_NETWORK_H_
#define LODESTONE_GRAPH_BIBLIOMETRIC_NETWORK_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lodestone/index/status.h"

namespace lodestone {

// What one paper contributes.
struct PaperItems {
  std::string paper;               // the paper's id (for the caller; not interpreted)
  int year = 0;                    // publication year, 0 when unknown
  std::vector<std::string> keys;   // folded items; a key named twice counts once
  std::vector<std::string> labels; // as printed, parallel to keys (may be empty: the key is the label)
};

enum class Counting { kFull, kFractional };

enum class ClusterMethod {
  kVos,         // Leiden, CPM over association strengths (VOSviewer's quality function)
  kModularity,  // Leiden, Newman's modularity of the link weights
  kLouvain,     // Louvain (igraph multilevel), Newman's modularity of the link weights
  kNone,
};
const char* CountingName(Counting c);                  // "full", "fractional"
const char* ClusterMethodName(ClusterMethod m);        // "vos", "modularity", "louvain", "none"
std::optional<ClusterMethod> ClusterMethodFromName(const std::string& name);

struct NetworkOptions {
  uint32_t min_occurrences = 1;     // items named by fewer papers are left out
  size_t max_items_per_paper = 0;   // papers naming more distinct items are ignored (0: no cap)
  size_t max_nodes = 0;             // keep the items of greatest total link strength (0: all)
  Counting counting = Counting::kFull;
  ClusterMethod cluster = ClusterMethod::kVos;
  double resolution = 1.0;          // CPM resolution (kVos) or modularity resolution γ
  uint32_t random_starts = 10;      // VOSviewer's default
  uint64_t seed = 0;                // start i uses seed + i
};

struct NetworkNode {
  std::string key;                 // folded
  std::string label;               // the most frequent printed form (first seen on ties)
  uint32_t occurrences = 0;        // papers naming the item
  double avg_year = 0;             // mean year of those papers that have one (0: none has)
  uint32_t links = 0;              // items linked to it
  double total_link_strength = 0;  // sum of its link weights
  uint32_t cluster = 0;            // 1 = largest cluster; 0 when not clustered
};

struct NetworkLink {
  uint32_t a = 0, b = 0;  // node numbers, a < b
  double weight = 0;      // co-occurrences (full counting) or their fractional sum
  double strength = 0;    // association strength 2m c_ij / (k_i k_j)
};

struct BibliometricNetwork {
  std::vector<NetworkNode> nodes;  // by total link strength, then occurrences, then key
  std::vector<NetworkLink> links;  // by a, then b
  size_t papers = 0;               // papers given
  size_t papers_used = 0;          // papers with at least one item within the cap
  size_t papers_over_cap = 0;      // papers ignored for naming more than max_items_per_paper items
  size_t items_seen = 0;           // distinct items before the threshold
  size_t items_over_threshold = 0; // items meeting min_occurrences (before max_nodes)
  uint32_t clusters = 0;
  double modularity = 0;           // Newman's (γ = 1) of the clusters, on the link weights
  double quality = 0;              // the clustering's own objective (CPM or modularity at γ)
  NetworkOptions options;
};

// Builds the network and clusters it (ClusterNetwork with options.cluster).
// InvalidArgument for a resolution that is not positive; Internal when
// igraph reports an error.
Result<BibliometricNetwork> BuildCoNetwork(const std::vector<PaperItems>& papers, const NetworkOptions& options);

// Clusters a built network again (another method, resolution or number of
// starts; options.min_occurrences and the like are not looked at): sets
// each node's cluster, clusters, modularity, quality and options. Nodes
// without links are clusters of their own; with kNone every cluster is 0.
Status ClusterNetwork(BibliometricNetwork& net, const NetworkOptions& options);

// Newman's modularity of a partition (cluster numbers per node) of an
// undirected weighted graph given as links, with resolution γ:
// Q = 1/(2m) Σ_ij (A_ij − γ k_i k_j / (2m)) δ(c_i, c_j). Computed by igraph.
// 0 when there are no links.
Result<double> Modularity(size_t nodes, const std::vector<NetworkLink>& links, const std::vector<uint32_t>& cluster,
                          double resolution = 1.0);

}  // namespace lodestone

#endif  // LODESTONE_GRAPH_BIBLIOMETRIC_NETWORK_H_
