#include "lodestone/graph/bibliometric_network.h"

#include <igraph.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <numeric>
#include <unordered_map>

namespace lodestone {

namespace {

// ------------------------------------------------------------ igraph adapter
//
// igraph's default error handler aborts the process and its default random
// generator is process-wide: every call goes through one lock, with errors
// turned into return codes (the "ignore" handler still frees igraph's
// temporaries) and then into a Status.

std::mutex& IgraphLock() {
  static std::mutex m;
  return m;
}

class IgraphScope {
 public:
  IgraphScope() : lock_(IgraphLock()) {
    old_error_ = igraph_set_error_handler(igraph_error_handler_ignore);
    old_warning_ = igraph_set_warning_handler(igraph_warning_handler_ignore);
  }
  ~IgraphScope() {
    igraph_set_error_handler(old_error_);
    igraph_set_warning_handler(old_warning_);
  }
  IgraphScope(const IgraphScope&) = delete;
  IgraphScope& operator=(const IgraphScope&) = delete;

 private:
  std::lock_guard<std::mutex> lock_;
  igraph_error_handler_t* old_error_;
  igraph_warning_handler_t* old_warning_;
};

Status IgraphError(igraph_error_t code, const char* what) {
  return Status::Internal(std::string("igraph ") + what + " failed: " + igraph_strerror(code));
}

// An undirected igraph graph with edge weights, destroyed with its owner.
class WeightedGraph {
 public:
  WeightedGraph() = default;
  ~WeightedGraph() {
    if (graph_ok_) igraph_destroy(&graph_);
    if (weights_ok_) igraph_vector_destroy(&weights_);
  }
  WeightedGraph(const WeightedGraph&) = delete;
  WeightedGraph& operator=(const WeightedGraph&) = delete;

  // Links between nodes 0..n-1; weight(i) gives each link's weight.
  template <typename WeightOf>
  Status Build(size_t n, const std::vector<std::pair<uint32_t, uint32_t>>& ends, WeightOf weight) {
    igraph_vector_int_t edges;
    if (igraph_error_t e = igraph_vector_int_init(&edges, static_cast<igraph_integer_t>(2 * ends.size())); e)
      return IgraphError(e, "vector");
    for (size_t i = 0; i < ends.size(); ++i) {
      VECTOR(edges)[2 * i] = ends[i].first;
      VECTOR(edges)[2 * i + 1] = ends[i].second;
    }
    igraph_error_t e = igraph_create(&graph_, &edges, static_cast<igraph_integer_t>(n), IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&edges);
    if (e) return IgraphError(e, "create");
    graph_ok_ = true;
    if (igraph_error_t w = igraph_vector_init(&weights_, static_cast<igraph_integer_t>(ends.size())); w)
      return IgraphError(w, "vector");
    weights_ok_ = true;
    for (size_t i = 0; i < ends.size(); ++i) VECTOR(weights_)[i] = weight(i);
    return Status::Ok();
  }
  const igraph_t* graph() const { return &graph_; }
  const igraph_vector_t* weights() const { return &weights_; }

 private:
  igraph_t graph_;
  igraph_vector_t weights_;
  bool graph_ok_ = false, weights_ok_ = false;
};

class IntVector {
 public:
  IntVector() { ok_ = igraph_vector_int_init(&v_, 0) == IGRAPH_SUCCESS; }
  ~IntVector() {
    if (ok_) igraph_vector_int_destroy(&v_);
  }
  IntVector(const IntVector&) = delete;
  IntVector& operator=(const IntVector&) = delete;
  bool ok() const { return ok_; }
  igraph_vector_int_t* get() { return &v_; }
  std::vector<uint32_t> Copy() const {
    std::vector<uint32_t> out(static_cast<size_t>(igraph_vector_int_size(&v_)));
    for (size_t i = 0; i < out.size(); ++i) out[i] = static_cast<uint32_t>(VECTOR(v_)[i]);
    return out;
  }

 private:
  igraph_vector_int_t v_;
  bool ok_ = false;
};

class RealVector {
 public:
  explicit RealVector(size_t n = 0) { ok_ = igraph_vector_init(&v_, static_cast<igraph_integer_t>(n)) == IGRAPH_SUCCESS; }
  ~RealVector() {
    if (ok_) igraph_vector_destroy(&v_);
  }
  RealVector(const RealVector&) = delete;
  RealVector& operator=(const RealVector&) = delete;
  bool ok() const { return ok_; }
  igraph_vector_t* get() { return &v_; }

 private:
  igraph_vector_t v_;
  bool ok_ = false;
};

// Newman's modularity with igraph (the caller holds the scope).
Result<double> ModularityLocked(const WeightedGraph& g, const std::vector<uint32_t>& cluster, double resolution) {
  IntVector membership;
  if (!membership.ok() || igraph_vector_int_resize(membership.get(), static_cast<igraph_integer_t>(cluster.size())))
    return Status::Internal("igraph: out of memory");
  for (size_t i = 0; i < cluster.size(); ++i) VECTOR(*membership.get())[i] = cluster[i];
  igraph_real_t q = 0;
  if (igraph_error_t e = igraph_modularity(g.graph(), membership.get(), g.weights(), resolution, false, &q); e)
    return IgraphError(e, "modularity");
  return std::isfinite(q) ? q : 0.0;
}

struct Clustering {
  std::vector<uint32_t> cluster;  // per node, 0-based, arbitrary order
  double quality = 0;
};

// The best clustering of `starts` random starts (caller holds the scope).
Result<Clustering> ClusterLocked(const WeightedGraph& g, const std::vector<double>& node_weight, ClusterMethod method,
                                 double resolution, uint32_t starts, uint64_t seed) {
  Clustering best;
  bool have = false;
  const size_t n = node_weight.size();
  RealVector nw(n);
  if (!nw.ok()) return Status::Internal("igraph: out of memory");
  for (size_t i = 0; i < n; ++i) VECTOR(*nw.get())[i] = node_weight[i];
  double two_m = 0;
  for (double w : node_weight) two_m += w;
  for (uint32_t s = 0; s < std::max<uint32_t>(1, starts); ++s) {
    igraph_rng_seed(igraph_rng_default(), static_cast<igraph_uint_t>(seed + s));
    IntVector membership;
    if (!membership.ok()) return Status::Internal("igraph: out of memory");
    Clustering c;
    if (method == ClusterMethod::kLouvain) {
      RealVector levels;
      if (igraph_error_t e = igraph_community_multilevel(g.graph(), g.weights(), resolution, membership.get(), nullptr,
                                                         levels.get());
          e)
        return IgraphError(e, "community_multilevel");
      auto q = ModularityLocked(g, membership.Copy(), resolution);
      if (!q.ok()) return q.status();
      c.quality = *q;
    } else {
      // Modularity as Leiden's CPM: node weights = strengths, resolution γ / 2m.
      const double gamma = method == ClusterMethod::kModularity ? resolution / two_m : resolution;
      igraph_integer_t clusters = 0;
      igraph_real_t quality = 0;
      if (igraph_error_t e = igraph_community_leiden(g.graph(), g.weights(), nw.get(), gamma, 0.01, false, -1,
                                                     membership.get(), &clusters, &quality);
          e)
        return IgraphError(e, "community_leiden");
      c.quality = quality;
    }
    c.cluster = membership.Copy();
    if (!have || c.quality > best.quality + 1e-12) {
      best = std::move(c);
      have = true;
    }
  }
  return best;
}

}  // namespace

const char* CountingName(Counting c) { return c == Counting::kFractional ? "fractional" : "full"; }

const char* ClusterMethodName(ClusterMethod m) {
  switch (m) {
    case ClusterMethod::kVos: return "vos";
    case ClusterMethod::kModularity: return "modularity";
    case ClusterMethod::kLouvain: return "louvain";
    case ClusterMethod::kNone: return "none";
  }
  return "?";
}

std::optional<ClusterMethod> ClusterMethodFromName(const std::string& name) {
  for (ClusterMethod m : {ClusterMethod::kVos, ClusterMethod::kModularity, ClusterMethod::kLouvain, ClusterMethod::kNone})
    if (name == ClusterMethodName(m)) return m;
  if (name == "leiden") return ClusterMethod::kVos;
  return std::nullopt;
}

Result<double> Modularity(size_t nodes, const std::vector<NetworkLink>& links, const std::vector<uint32_t>& cluster,
                          double resolution) {
  if (links.empty()) return 0.0;
  if (cluster.size() != nodes) return Status::InvalidArgument("one cluster number per node is needed");
  std::vector<std::pair<uint32_t, uint32_t>> ends;
  for (const auto& l : links) {
    if (l.a >= nodes || l.b >= nodes) return Status::InvalidArgument("a link names a node that does not exist");
    ends.push_back({l.a, l.b});
  }
  IgraphScope scope;
  WeightedGraph g;
  if (Status s = g.Build(nodes, ends, [&](size_t i) { return links[i].weight; }); !s.ok()) return s;
  return ModularityLocked(g, cluster, resolution);
}

Status ClusterNetwork(BibliometricNetwork& net, const NetworkOptions& options) {
  if (!(options.resolution > 0) || !std::isfinite(options.resolution))
    return Status::InvalidArgument("the resolution must be a positive number");
  const ClusterMethod method = options.cluster;
  net.options.cluster = method;
  net.options.resolution = options.resolution;
  net.options.random_starts = options.random_starts;
  net.options.seed = options.seed;
  net.clusters = 0;
  net.modularity = 0;
  net.quality = 0;
  for (auto& n : net.nodes) n.cluster = 0;
  // Clusters of the linked nodes; a node without links is a cluster of its own.
  std::vector<uint32_t> cluster(net.nodes.size(), UINT32_MAX);
  if (method != ClusterMethod::kNone) {
    std::vector<uint32_t> linked_of(net.nodes.size(), UINT32_MAX), linked;
    for (uint32_t v = 0; v < net.nodes.size(); ++v)
      if (net.nodes[v].links) {
        linked_of[v] = static_cast<uint32_t>(linked.size());
        linked.push_back(v);
      }
    std::vector<std::pair<uint32_t, uint32_t>> ends;
    for (const auto& l : net.links) ends.push_back({linked_of[l.a], linked_of[l.b]});
    if (!linked.empty()) {
      IgraphScope scope;
      const bool vos = method == ClusterMethod::kVos;
      WeightedGraph g;
      if (Status s = g.Build(linked.size(), ends,
                             [&](size_t i) { return vos ? net.links[i].strength : net.links[i].weight; });
          !s.ok())
        return s;
      std::vector<double> node_weight(linked.size(), 1.0);
      if (!vos)
        for (size_t i = 0; i < linked.size(); ++i) node_weight[i] = net.nodes[linked[i]].total_link_strength;
      auto c = ClusterLocked(g, node_weight, method, options.resolution, options.random_starts, options.seed);
      if (!c.ok()) return c.status();
      net.quality = c->quality;
      for (size_t i = 0; i < linked.size(); ++i) cluster[linked[i]] = c->cluster[i];
    }
    uint32_t next = 0;
    for (auto& c : cluster) {
      if (c != UINT32_MAX) next = std::max(next, c + 1);
    }
    for (auto& c : cluster)
      if (c == UINT32_MAX) c = next++;
    // Number clusters 1, 2, … by size, ties by their first (strongest) node.
    std::vector<uint32_t> size(next, 0), first(next, UINT32_MAX);
    for (uint32_t v = 0; v < cluster.size(); ++v) {
      ++size[cluster[v]];
      first[cluster[v]] = std::min(first[cluster[v]], v);
    }
    std::vector<uint32_t> ids;
    for (uint32_t c = 0; c < next; ++c)
      if (size[c]) ids.push_back(c);
    std::sort(ids.begin(), ids.end(), [&](uint32_t x, uint32_t y) {
      return size[x] != size[y] ? size[x] > size[y] : first[x] < first[y];
    });
    std::vector<uint32_t> number(next, 0);
    for (uint32_t r = 0; r < ids.size(); ++r) number[ids[r]] = r + 1;
    for (uint32_t v = 0; v < cluster.size(); ++v) net.nodes[v].cluster = number[cluster[v]];
    net.clusters = static_cast<uint32_t>(ids.size());
    std::vector<uint32_t> numbered(net.nodes.size());
    for (uint32_t v = 0; v < numbered.size(); ++v) numbered[v] = net.nodes[v].cluster;
    auto q = Modularity(net.nodes.size(), net.links, numbered, 1.0);
    if (!q.ok()) return q.status();
    net.modularity = *q;
  }
  return Status::Ok();
}

Result<BibliometricNetwork> BuildCoNetwork(const std::vector<PaperItems>& papers, const NetworkOptions& options) {
  if (!(options.resolution > 0) || !std::isfinite(options.resolution))
    return Status::InvalidArgument("the resolution must be a positive number");
  BibliometricNetwork net;
  net.options = options;
  net.papers = papers.size();
  const uint32_t min_occ = std::max<uint32_t>(1, options.min_occurrences);

  // 1. Distinct items per paper; papers over the cap are ignored entirely.
  struct ItemStats {
    uint32_t occurrences = 0;
    double year_sum = 0;
    uint32_t years = 0;
    std::map<std::string, uint32_t> labels;
    std::string first_label;
  };
  std::unordered_map<std::string, uint32_t> item_of;
  std::vector<std::string> item_key;
  std::vector<ItemStats> stats;
  std::vector<std::vector<uint32_t>> paper_items;  // per used paper
  std::vector<int> paper_year;
  for (const PaperItems& p : papers) {
    std::vector<uint32_t> ids;
    std::vector<std::string> labels;
    for (size_t i = 0; i < p.keys.size(); ++i) {
      if (p.keys[i].empty()) continue;
      auto [it, added] = item_of.emplace(p.keys[i], static_cast<uint32_t>(item_key.size()));
      if (added) {
        item_key.push_back(p.keys[i]);
        stats.emplace_back();
      }
      if (std::find(ids.begin(), ids.end(), it->second) != ids.end()) continue;
      ids.push_back(it->second);
      labels.push_back(i < p.labels.size() && !p.labels[i].empty() ? p.labels[i] : p.keys[i]);
    }
    if (ids.empty()) continue;
    if (options.max_items_per_paper && ids.size() > options.max_items_per_paper) {
      ++net.papers_over_cap;
      continue;
    }
    ++net.papers_used;
    for (size_t i = 0; i < ids.size(); ++i) {
      ItemStats& s = stats[ids[i]];
      ++s.occurrences;
      if (p.year > 0) {
        s.year_sum += p.year;
        ++s.years;
      }
      if (s.first_label.empty()) s.first_label = labels[i];
      ++s.labels[labels[i]];
    }
    paper_items.push_back(std::move(ids));
    paper_year.push_back(p.year);
  }
  net.items_seen = 0;
  for (const auto& s : stats) net.items_seen += s.occurrences > 0;

  // 2. Links among the items over the threshold. Fractional counting divides
  //    by the number of items the paper names (all of them, kept or not).
  std::vector<uint8_t> kept(item_key.size(), 0);
  for (size_t i = 0; i < stats.size(); ++i) kept[i] = stats[i].occurrences >= min_occ;
  net.items_over_threshold = static_cast<size_t>(std::count(kept.begin(), kept.end(), 1));
  auto count_links = [&](const std::vector<uint8_t>& on) {
    std::unordered_map<uint64_t, double> w;
    for (const auto& ids : paper_items) {
      if (ids.size() < 2) continue;
      const double add = options.counting == Counting::kFractional ? 1.0 / static_cast<double>(ids.size() - 1) : 1.0;
      for (size_t i = 0; i < ids.size(); ++i) {
        if (!on[ids[i]]) continue;
        for (size_t j = i + 1; j < ids.size(); ++j) {
          if (!on[ids[j]]) continue;
          uint32_t a = std::min(ids[i], ids[j]), b = std::max(ids[i], ids[j]);
          w[(static_cast<uint64_t>(a) << 32) | b] += add;
        }
      }
    }
    return w;
  };
  auto weights = count_links(kept);
  auto strengths = [&](const std::unordered_map<uint64_t, double>& w) {
    std::vector<double> tls(item_key.size(), 0);
    for (const auto& [k, v] : w) {
      tls[k >> 32] += v;
      tls[k & 0xFFFFFFFFu] += v;
    }
    return tls;
  };
  std::vector<double> tls = strengths(weights);
  // VOSviewer's "number of items to be selected": the greatest total link strength.
  if (options.max_nodes && net.items_over_threshold > options.max_nodes) {
    std::vector<uint32_t> order;
    for (uint32_t i = 0; i < kept.size(); ++i)
      if (kept[i]) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
      if (tls[x] != tls[y]) return tls[x] > tls[y];
      if (stats[x].occurrences != stats[y].occurrences) return stats[x].occurrences > stats[y].occurrences;
      return item_key[x] < item_key[y];
    });
    for (size_t r = options.max_nodes; r < order.size(); ++r) kept[order[r]] = 0;
    weights = count_links(kept);
    tls = strengths(weights);
  }

  // 3. Nodes in their final order, links renumbered.
  std::vector<uint32_t> order;
  for (uint32_t i = 0; i < kept.size(); ++i)
    if (kept[i]) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    if (tls[x] != tls[y]) return tls[x] > tls[y];
    if (stats[x].occurrences != stats[y].occurrences) return stats[x].occurrences > stats[y].occurrences;
    return item_key[x] < item_key[y];
  });
  std::vector<uint32_t> node_of(item_key.size(), UINT32_MAX);
  for (uint32_t r = 0; r < order.size(); ++r) {
    const uint32_t i = order[r];
    node_of[i] = r;
    const ItemStats& s = stats[i];
    NetworkNode n;
    n.key = item_key[i];
    // The most frequent printed form; the first seen among equals.
    n.label = s.first_label;
    uint32_t best = s.labels.count(s.first_label) ? s.labels.at(s.first_label) : 0;
    for (const auto& [label, count] : s.labels)
      if (count > best) {
        best = count;
        n.label = label;
      }
    n.occurrences = s.occurrences;
    n.avg_year = s.years ? s.year_sum / s.years : 0;
    n.total_link_strength = tls[i];
    net.nodes.push_back(std::move(n));
  }
  for (const auto& [k, v] : weights) {
    uint32_t a = node_of[k >> 32], b = node_of[k & 0xFFFFFFFFu];
    if (a > b) std::swap(a, b);
    net.links.push_back({a, b, v, 0});
  }
  std::sort(net.links.begin(), net.links.end(),
            [](const NetworkLink& x, const NetworkLink& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
  double two_m = 0;
  for (const auto& n : net.nodes) two_m += n.total_link_strength;
  for (auto& l : net.links) {
    ++net.nodes[l.a].links;
    ++net.nodes[l.b].links;
    l.strength = two_m * l.weight / (net.nodes[l.a].total_link_strength * net.nodes[l.b].total_link_strength);
  }

  if (Status st = ClusterNetwork(net, options); !st.ok()) return st;
  return net;
}

}  // namespace lodestone
