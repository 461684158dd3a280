#include "lodestone/graph/algorithms.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/visitors.hpp>
#include <boost/range/iterator_range.hpp>

namespace lodestone {

PageRankResult PageRank(const Digraph& g, const PageRankOptions& opt, const std::vector<uint8_t>* edge_on) {
  const uint32_t n = static_cast<uint32_t>(boost::num_vertices(g));
  PageRankResult out;
  if (n == 0) return out;
  // Flat in-adjacency (sources of the kept in-edges of each node) and
  // out-degrees: the iteration then reads memory in order.
  std::vector<uint32_t> in_start(n + 1, 0), in_src;
  std::vector<uint32_t> outdeg(n, 0);
  in_src.reserve(boost::num_edges(g));
  for (uint32_t v = 0; v < n; ++v) {
    for (auto e : boost::make_iterator_range(boost::in_edges(v, g))) {
      if (edge_on && !(*edge_on)[boost::get(boost::edge_index, g, e)]) continue;
      uint32_t u = static_cast<uint32_t>(boost::source(e, g));
      in_src.push_back(u);
      ++outdeg[u];
    }
    in_start[v + 1] = static_cast<uint32_t>(in_src.size());
  }
  const double d = opt.damping;
  std::vector<double> rank(n, 1.0 / n), next(n), share(n);
  const int threads = std::max(1, std::min(opt.threads, 16));
  // Split nodes into chunks of about equal in-edge counts.
  std::vector<uint32_t> cut{0};
  for (int t = 1; t < threads; ++t) {
    uint64_t want = in_src.size() * static_cast<uint64_t>(t) / threads;
    uint32_t v = static_cast<uint32_t>(std::lower_bound(in_start.begin(), in_start.end(), want) - in_start.begin());
    cut.push_back(std::min(std::max(v, cut.back()), n));
  }
  cut.push_back(n);
  std::vector<double> delta(threads);
  for (out.iterations = 1; out.iterations <= opt.max_iterations; ++out.iterations) {
    double dangling = 0;
    for (uint32_t u = 0; u < n; ++u) {
      if (outdeg[u] == 0)
        dangling += rank[u], share[u] = 0;
      else
        share[u] = rank[u] / outdeg[u];
    }
    const double base = (1.0 - d) / n + d * dangling / n;
    auto work = [&](int t) {
      double diff = 0;
      for (uint32_t v = cut[t]; v < cut[t + 1]; ++v) {
        double sum = 0;
        for (uint32_t i = in_start[v]; i < in_start[v + 1]; ++i) sum += share[in_src[i]];
        double r = base + d * sum;
        diff += std::fabs(r - rank[v]);
        next[v] = r;
      }
      delta[t] = diff;
    };
    if (threads == 1) {
      work(0);
    } else {
      std::vector<std::thread> pool;
      for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
      work(0);
      for (auto& th : pool) th.join();
    }
    rank.swap(next);
    double diff = 0;
    for (double x : delta) diff += x;
    if (diff < opt.tolerance) break;
  }
  out.iterations = std::min(out.iterations, opt.max_iterations);
  // Normalise away rounding drift.
  double sum = 0;
  for (double x : rank) sum += x;
  for (double& x : rank) x /= sum;
  out.rank = std::move(rank);
  return out;
}

std::vector<uint8_t> EdgeFilter(const KnowledgeGraph& kg, EdgeMask mask) {
  std::vector<uint8_t> on(kg.num_edges());
  for (size_t i = 0; i < on.size(); ++i) on[i] = (mask & Bit(kg.edge(static_cast<uint32_t>(i)).type)) ? 1 : 0;
  return on;
}

std::vector<uint32_t> BfsDistances(const Digraph& g, uint32_t start) {
  std::vector<uint32_t> dist(boost::num_vertices(g), UINT32_MAX);
  if (start >= dist.size()) return dist;
  dist[start] = 0;
  auto dmap = boost::make_iterator_property_map(dist.begin(), boost::get(boost::vertex_index, g));
  boost::breadth_first_search(
      g, start, boost::visitor(boost::make_bfs_visitor(boost::record_distances(dmap, boost::on_tree_edge()))));
  return dist;
}

std::vector<uint32_t> InDegree(const KnowledgeGraph& kg, EdgeMask mask) {
  std::vector<uint32_t> deg(kg.num_nodes(), 0);
  // Edges are unique per (source, target, type); count distinct sources.
  for (uint32_t v = 0; v < kg.num_nodes(); ++v) {
    std::vector<uint32_t> sources;
    for (uint32_t e : kg.InEdges(v, mask)) sources.push_back(kg.edge(e).source);
    std::sort(sources.begin(), sources.end());
    deg[v] = static_cast<uint32_t>(std::unique(sources.begin(), sources.end()) - sources.begin());
  }
  return deg;
}

namespace {
struct KeepEdges {
  const std::vector<uint8_t>* on = nullptr;
  const Digraph* g = nullptr;
  template <class E>
  bool operator()(const E& e) const {
    return (*on)[boost::get(boost::edge_index, *g, e)] != 0;
  }
};
}  // namespace

std::vector<double> Betweenness(const KnowledgeGraph& kg, EdgeMask mask) {
  const Digraph& g = kg.digraph();
  std::vector<uint8_t> on = EdgeFilter(kg, mask);
  boost::filtered_graph<Digraph, KeepEdges> fg(g, KeepEdges{&on, &g});
  std::vector<double> c(kg.num_nodes(), 0.0);
  boost::brandes_betweenness_centrality(
      fg, boost::centrality_map(boost::make_iterator_property_map(c.begin(), boost::get(boost::vertex_index, g))));
  return c;
}

namespace {
// Between the same two nodes a relation (revokes, amends, ...) says more than
// the citation or mention that comes with it.
bool MoreSpecific(EdgeType a, EdgeType b) {
  auto weight = [](EdgeType t) { return t == EdgeType::kCites || t == EdgeType::kMentions ? 0 : 1; };
  return weight(a) > weight(b);
}
}  // namespace

BetweennessEstimate SampledBetweenness(const KnowledgeGraph& kg, EdgeMask mask, size_t sources, uint64_t seed) {
  const uint32_t n = static_cast<uint32_t>(kg.num_nodes());
  BetweennessEstimate out;
  out.score.assign(n, 0.0);
  // Out-adjacency of the kept edges, deduplicated (parallel typed edges are one hop).
  std::vector<uint32_t> start(n + 1, 0), adj;
  std::vector<uint8_t> touched(n, 0);
  for (uint32_t v = 0; v < n; ++v) {
    std::vector<uint32_t> next;
    for (uint32_t e : kg.OutEdges(v, mask)) next.push_back(kg.edge(e).target);
    std::sort(next.begin(), next.end());
    next.erase(std::unique(next.begin(), next.end()), next.end());
    for (uint32_t w : next) touched[v] = touched[w] = 1;
    adj.insert(adj.end(), next.begin(), next.end());
    start[v + 1] = static_cast<uint32_t>(adj.size());
  }
  std::vector<uint32_t> pool;
  for (uint32_t v = 0; v < n; ++v)
    if (touched[v]) pool.push_back(v);
  out.nodes = pool.size();
  if (pool.empty()) return out;
  std::vector<uint32_t> chosen = pool;
  if (sources > 0 && pool.size() > sources) {
    uint64_t x = seed;  // splitmix64: the same sample on every machine
    auto next = [&]() {
      uint64_t z = (x += 0x9e3779b97f4a7c15ull);
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
      return z ^ (z >> 31);
    };
    for (size_t i = 0; i < sources; ++i) std::swap(chosen[i], chosen[i + next() % (chosen.size() - i)]);
    chosen.resize(sources);
  } else {
    out.exact = true;
  }
  out.sources = chosen.size();
  std::vector<int64_t> dist(n, -1);
  std::vector<double> sigma(n, 0), delta(n, 0);
  std::vector<uint32_t> order;
  for (uint32_t s : chosen) {
    order.clear();
    dist[s] = 0;
    sigma[s] = 1;
    order.push_back(s);
    for (size_t head = 0; head < order.size(); ++head) {
      uint32_t v = order[head];
      for (uint32_t i = start[v]; i < start[v + 1]; ++i) {
        uint32_t w = adj[i];
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          order.push_back(w);
        }
        if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
      }
    }
    for (size_t k = order.size(); k-- > 0;) {
      uint32_t w = order[k];
      for (uint32_t i = start[w]; i < start[w + 1]; ++i) {
        uint32_t x2 = adj[i];
        if (dist[x2] == dist[w] + 1) delta[w] += sigma[w] / sigma[x2] * (1 + delta[x2]);
      }
      if (w != s) out.score[w] += delta[w];
    }
    for (uint32_t v : order) dist[v] = -1, sigma[v] = 0, delta[v] = 0;
  }
  if (!out.exact) {
    const double scale = static_cast<double>(pool.size()) / static_cast<double>(out.sources);
    for (double& x2 : out.score) x2 *= scale;
  }
  return out;
}

std::vector<Reached> Neighborhood(const KnowledgeGraph& kg, uint32_t start, uint32_t depth, EdgeMask mask,
                                  size_t max_nodes) {
  std::vector<Reached> out;
  if (start >= kg.num_nodes()) return out;
  std::unordered_map<uint32_t, size_t> seen{{start, 0}};  // node -> position in out
  out.push_back({start, 0, UINT32_MAX});
  for (size_t head = 0; head < out.size() && out.size() < max_nodes; ++head) {
    const Reached cur = out[head];
    if (cur.depth >= depth) continue;
    auto visit = [&](uint32_t e, uint32_t other) {
      auto it = seen.find(other);
      if (it != seen.end()) {
        Reached& r = out[it->second];
        const Edge& old = kg.edge(r.via_edge == UINT32_MAX ? e : r.via_edge);
        if (r.via_edge != UINT32_MAX && (old.source == cur.node || old.target == cur.node) &&
            MoreSpecific(kg.edge(e).type, old.type))
          r.via_edge = e;
        return;
      }
      if (out.size() >= max_nodes) return;
      seen.emplace(other, out.size());
      out.push_back({other, cur.depth + 1, e});
    };
    for (uint32_t e : kg.OutEdges(cur.node, mask)) visit(e, kg.edge(e).target);
    for (uint32_t e : kg.InEdges(cur.node, mask)) visit(e, kg.edge(e).source);
  }
  return out;
}

std::optional<std::vector<uint32_t>> ShortestPath(const KnowledgeGraph& kg, uint32_t a, uint32_t b, EdgeMask mask) {
  if (a >= kg.num_nodes() || b >= kg.num_nodes()) return std::nullopt;
  if (a == b) return std::vector<uint32_t>{};
  std::unordered_map<uint32_t, uint32_t> via;  // node -> edge it was reached by
  via.emplace(a, UINT32_MAX);
  std::deque<uint32_t> queue{a};
  while (!queue.empty()) {
    uint32_t cur = queue.front();
    queue.pop_front();
    auto visit = [&](uint32_t e, uint32_t other) {
      auto [it, fresh] = via.emplace(other, e);
      if (fresh) {
        queue.push_back(other);
      } else if (it->second != UINT32_MAX) {
        const Edge& old = kg.edge(it->second);
        if ((old.source == cur || old.target == cur) && MoreSpecific(kg.edge(e).type, old.type)) it->second = e;
      }
    };
    for (uint32_t e : kg.OutEdges(cur, mask)) visit(e, kg.edge(e).target);
    for (uint32_t e : kg.InEdges(cur, mask)) visit(e, kg.edge(e).source);
    if (via.count(b)) break;
  }
  if (!via.count(b)) return std::nullopt;
  std::vector<uint32_t> path;
  for (uint32_t v = b; v != a;) {
    uint32_t e = via.at(v);
    path.push_back(e);
    v = kg.edge(e).source == v ? kg.edge(e).target : kg.edge(e).source;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

std::vector<CoOccurrence> CoOccurrences(const KnowledgeGraph& kg, uint32_t v) {
  const EdgeMask m = Bit(EdgeType::kMentions);
  std::unordered_map<uint32_t, uint32_t> shared;
  const auto docs_v = kg.InEdges(v, m);
  for (uint32_t e : docs_v) {
    for (uint32_t f : kg.OutEdges(kg.edge(e).source, m)) {
      uint32_t other = kg.edge(f).target;
      if (other != v) ++shared[other];
    }
  }
  size_t n_docs = 0;
  for (const auto& node : kg.nodes()) n_docs += node.external ? 0 : 1;
  std::vector<CoOccurrence> out;
  for (auto [other, s] : shared) {
    CoOccurrence c;
    c.node = other;
    c.shared = s;
    c.documents = static_cast<uint32_t>(kg.InEdges(other, m).size());
    const double a = static_cast<double>(docs_v.size()), b = c.documents;
    c.jaccard = s / (a + b - s);
    c.lift = n_docs ? s * static_cast<double>(n_docs) / (a * b) : 0;
    out.push_back(c);
  }
  std::sort(out.begin(), out.end(), [&](const CoOccurrence& x, const CoOccurrence& y) {
    if (x.shared != y.shared) return x.shared > y.shared;
    if (x.jaccard != y.jaccard) return x.jaccard > y.jaccard;
    return kg.node(x.node).id < kg.node(y.node).id;
  });
  return out;
}

namespace {
// Nodes two `cites` hops from v (first hop in `first` direction, second in the
// other), counted once per middle node, with Salton's cosine.
std::vector<Related> TwoHops(const KnowledgeGraph& kg, uint32_t v, bool first_incoming) {
  const EdgeMask m = Bit(EdgeType::kCites);
  auto ends = [&](uint32_t x, bool incoming) {
    std::vector<uint32_t> out;
    for (uint32_t e : incoming ? kg.InEdges(x, m) : kg.OutEdges(x, m))
      out.push_back(incoming ? kg.edge(e).source : kg.edge(e).target);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  const auto middle = ends(v, first_incoming);
  std::unordered_map<uint32_t, uint32_t> shared;
  for (uint32_t mid : middle)
    for (uint32_t other : ends(mid, !first_incoming))
      if (other != v) ++shared[other];
  std::vector<Related> out;
  for (auto [other, n] : shared) {
    Related r;
    r.node = other;
    r.shared = n;
    r.degree = static_cast<uint32_t>(ends(other, first_incoming).size());
    r.cosine = middle.empty() || r.degree == 0 ? 0 : n / std::sqrt(static_cast<double>(middle.size()) * r.degree);
    out.push_back(r);
  }
  std::sort(out.begin(), out.end(), [&](const Related& a, const Related& b) {
    if (a.shared != b.shared) return a.shared > b.shared;
    if (a.cosine != b.cosine) return a.cosine > b.cosine;
    return kg.node(a.node).id < kg.node(b.node).id;
  });
  return out;
}
}  // namespace

std::vector<Related> CoCitations(const KnowledgeGraph& kg, uint32_t v) { return TwoHops(kg, v, true); }
std::vector<Related> Couplings(const KnowledgeGraph& kg, uint32_t v) { return TwoHops(kg, v, false); }

}  // namespace lodestone
