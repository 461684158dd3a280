// The knowledge graph: build from postings, edge numbering, validity,
// algorithms checked against direct computations, and the cache file.
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/range/iterator_range.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>

#include "lodestone/graph/algorithms.h"
#include "lodestone/graph/cache.h"
#include "lodestone/graph/graph.h"

namespace lodestone {
namespace {

namespace fs = std::filesystem;

// Four orders: 2 revokes 1 (stated by 2) and 3 amends 2 (stated on 2's
// side as amended_by); 1 names lithium, 2 names neodymium, 3 speaks of
// critical minerals; 4 cites an order outside the corpus.
GraphSource Source() {
  GraphSource s;
  s.stamp = "test@1";
  s.docs = {{"eo:1", "executive_order", "2019-01-01", "One", "person:a", "us"},
            {"eo:2", "executive_order", "2021-01-01", "Two", "person:b", "us"},
            {"eo:3", "executive_order", "2022-01-01", "Three", "person:b", "intl"},
            {"eo:4", "executive_order", "", "Four", "", ""}};
  s.entities = {{"mineral:lithium", {{0, 3}}}, {"mineral:neodymium", {{1, 1}}}, {"concept:critical-minerals", {{2, 2}}}};
  s.citations = {{"eo:1", {{1, 1}, {3, 2}}}, {"eo:9", {{3, 1}}}, {"eo:2", {{2, 1}}}};
  s.relations = {{"revokes:eo:1", {{1, 1}}}, {"amended_by:eo:3", {{1, 1}}}, {"directs:agency:x", {{0, 1}}},
                 {"unknown_rel:eo:2", {{0, 1}}}};
  return s;
}

std::vector<KbNode> Kb() {
  return {{"mineral:neodymium", "neodymium", {"mineral:rare-earth-elements"}},
          {"mineral:rare-earth-elements", "rare earth elements", {"concept:critical-minerals"}},
          {"mineral:lithium", "lithium", {"concept:critical-minerals"}},
          {"concept:critical-minerals", "critical minerals", {}}};
}

uint32_t N(const KnowledgeGraph& kg, const std::string& id) {
  auto v = kg.Find(id);
  EXPECT_TRUE(v.has_value()) << id;
  return v.value_or(0);
}

// The count of the edge a -t-> b, 0 when there is none (an edge counts at
// least 1), so one assertion checks both that the edge exists and its count.
uint32_t EdgeCount(const KnowledgeGraph& kg, const std::string& a, const std::string& b, EdgeType t) {
  for (uint32_t e : kg.OutEdges(N(kg, a), Bit(t)))
    if (kg.edge(e).target == N(kg, b)) return kg.edge(e).count;
  return 0;
}

bool HasEdge(const KnowledgeGraph& kg, const std::string& a, const std::string& b, EdgeType t) {
  return EdgeCount(kg, a, b, t) > 0;
}

TEST(GraphBuild, NodesAndTypedEdgesFromPostings) {
  KnowledgeGraph kg = KnowledgeGraph::Build(Source(), Kb());
  EXPECT_EQ(kg.stamp(), "test@1");
  EXPECT_FALSE(kg.node(N(kg, "eo:1")).external);
  EXPECT_EQ(kg.node(N(kg, "eo:1")).name, "One");
  EXPECT_TRUE(kg.node(N(kg, "eo:9")).external);
  EXPECT_EQ(kg.node(N(kg, "eo:9")).name, "Executive Order 9");
  EXPECT_EQ(kg.node(N(kg, "mineral:neodymium")).name, "neodymium");
  EXPECT_TRUE(HasEdge(kg, "eo:1", "mineral:lithium", EdgeType::kMentions));
  EXPECT_TRUE(HasEdge(kg, "eo:2", "eo:1", EdgeType::kRevokes));
  EXPECT_TRUE(HasEdge(kg, "eo:2", "eo:1", EdgeType::kCites));
  // amended_by on eo:2's record becomes eo:3 -amends-> eo:2 (once, though eo:3 also cites eo:2).
  EXPECT_TRUE(HasEdge(kg, "eo:3", "eo:2", EdgeType::kAmends));
  EXPECT_TRUE(HasEdge(kg, "eo:1", "agency:x", EdgeType::kDirects));
  EXPECT_TRUE(HasEdge(kg, "eo:1", "person:a", EdgeType::kIssuedBy));
  EXPECT_EQ(kg.node(N(kg, "eo:3")).jurisdiction, "intl");  // issue 16: timeline counts it apart
  EXPECT_EQ(kg.node(N(kg, "eo:4")).jurisdiction, "");
  // is_a upward from named entities only, through groups.
  EXPECT_TRUE(HasEdge(kg, "mineral:neodymium", "mineral:rare-earth-elements", EdgeType::kIsA));
  EXPECT_TRUE(HasEdge(kg, "mineral:rare-earth-elements", "concept:critical-minerals", EdgeType::kIsA));
  EXPECT_FALSE(kg.OutEdges(N(kg, "eo:1"), Bit(EdgeType::kMentions)).empty());
  // Counts are the postings' wdf (issue 10: this once checked the count only
  // if the edge existed, so a dropped edge passed).
  EXPECT_EQ(EdgeCount(kg, "eo:4", "eo:1", EdgeType::kCites), 2u);
  EXPECT_EQ(EdgeCount(kg, "eo:2", "eo:1", EdgeType::kCites), 1u);
  // Unknown relation types are not invented into edges.
  EXPECT_EQ(kg.OutEdges(N(kg, "eo:1"), kCitationEdges).size(), 0u);
}

TEST(GraphBuild, EdgeNumbersMatchTheCsr) {
  std::mt19937 rng(7);
  std::vector<Node> nodes(300);
  for (size_t i = 0; i < nodes.size(); ++i) nodes[i].id = "n:" + std::to_string(i);
  std::vector<Edge> edges;
  for (int i = 0; i < 3000; ++i)
    edges.push_back({static_cast<uint32_t>(rng() % 300), static_cast<uint32_t>(rng() % 300),
                     static_cast<EdgeType>(rng() % kEdgeTypeCount), static_cast<uint32_t>(1 + rng() % 5)});
  KnowledgeGraph kg = KnowledgeGraph::FromParts(nodes, edges, "s");
  const Digraph& g = kg.digraph();
  ASSERT_EQ(boost::num_edges(g), kg.num_edges());
  size_t checked = 0;
  for (uint32_t v = 0; v < kg.num_nodes(); ++v) {
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      const Edge& row = kg.edge(boost::get(boost::edge_index, g, e));
      EXPECT_EQ(row.source, boost::source(e, g));
      EXPECT_EQ(row.target, boost::target(e, g));
      EXPECT_NE(row.source, row.target) << "self-loops are dropped";
      ++checked;
    }
    for (auto e : boost::make_iterator_range(boost::in_edges(v, g)))
      EXPECT_EQ(kg.edge(boost::get(boost::edge_index, g, e)).target, v);
  }
  EXPECT_EQ(checked, kg.num_edges());
  // Duplicates merged: one edge per (source, target, type).
  for (size_t i = 1; i < kg.num_edges(); ++i) {
    const Edge &a = kg.edge(i - 1), &b = kg.edge(i);
    EXPECT_FALSE(a.source == b.source && a.target == b.target && a.type == b.type);
  }
}

TEST(GraphValidity, RevokedFromTheRevokersDate) {
  KnowledgeGraph kg = KnowledgeGraph::Build(Source(), Kb());
  auto v = kg.ValidityOf(N(kg, "eo:1"));
  ASSERT_EQ(v.revoked_by.size(), 1u);
  EXPECT_EQ(kg.node(v.revoked_by[0]).id, "eo:2");
  EXPECT_EQ(v.revoked_on, "2021-01-01");
  EXPECT_TRUE(kg.InForceOn(N(kg, "eo:1"), "2020-06-30"));
  EXPECT_FALSE(kg.InForceOn(N(kg, "eo:1"), "2021-01-01"));
  EXPECT_FALSE(kg.InForceOn(N(kg, "eo:2"), "2020-12-31")) << "not yet issued";
  auto two = kg.ValidityOf(N(kg, "eo:2"));
  ASSERT_EQ(two.amended_by.size(), 1u);
  EXPECT_TRUE(two.revoked_on.empty());
  EXPECT_TRUE(kg.InForceOn(N(kg, "eo:4"), "1900-01-01")) << "undated documents are not filtered out";
}

TEST(GraphEdgeMask, ParsesNamesAndRejectsUnknown) {
  EXPECT_EQ(ParseEdgeMask("cites,revokes").value(), Bit(EdgeType::kCites) | Bit(EdgeType::kRevokes));
  EXPECT_EQ(ParseEdgeMask("").value(), kAllEdges);
  std::string bad;
  EXPECT_FALSE(ParseEdgeMask("cites,revoke", &bad).has_value());
  EXPECT_EQ(bad, "revoke");
  EXPECT_EQ(DisplayName("usc:30/1606"), "30 U.S.C. 1606");
  EXPECT_EQ(DisplayName("bill:117/hr/3684"), "H.R. 3684 (117th Congress)");
}

// Dense reference PageRank with the same conventions.
std::vector<double> ReferencePageRank(size_t n, const std::vector<std::pair<uint32_t, uint32_t>>& edges) {
  std::vector<double> r(n, 1.0 / n);
  std::vector<size_t> out(n, 0);
  for (auto [u, v] : edges) ++out[u];
  for (int it = 0; it < 2000; ++it) {
    std::vector<double> next(n, 0);
    double dangling = 0;
    for (size_t u = 0; u < n; ++u)
      if (!out[u]) dangling += r[u];
    for (auto [u, v] : edges) next[v] += 0.85 * r[u] / out[u];
    for (size_t v = 0; v < n; ++v) next[v] += 0.15 / n + 0.85 * dangling / n;
    r = next;
  }
  return r;
}

TEST(GraphAlgorithms, PageRankMatchesADirectComputation) {
  std::mt19937 rng(11);
  const size_t n = 200;
  std::vector<Node> nodes(n);
  for (size_t i = 0; i < n; ++i) nodes[i].id = "n:" + std::to_string(i);
  std::vector<Edge> edges;
  for (int i = 0; i < 900; ++i) {
    uint32_t u = rng() % n, v = rng() % (1 + rng() % n);  // skewed towards low numbers
    if (u % 17 == 0) continue;  // some dangling nodes
    edges.push_back({u, v, EdgeType::kCites, 1});
  }
  KnowledgeGraph kg = KnowledgeGraph::FromParts(nodes, edges, "s");
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  for (const Edge& e : kg.edges()) pairs.emplace_back(e.source, e.target);
  auto want = ReferencePageRank(n, pairs);
  auto one = PageRank(kg.digraph());
  PageRankOptions two_threads;
  two_threads.threads = 2;
  auto two = PageRank(kg.digraph(), two_threads);
  double sum = 0;
  for (size_t v = 0; v < n; ++v) {
    EXPECT_NEAR(one.rank[v], want[v], 1e-10) << v;
    EXPECT_NEAR(two.rank[v], one.rank[v], 1e-13) << v;
    sum += one.rank[v];
  }
  EXPECT_NEAR(sum, 1.0, 1e-12);
  EXPECT_GT(one.iterations, 10);
  // An edge filter that keeps nothing leaves the uniform distribution.
  std::vector<uint8_t> none(kg.num_edges(), 0);
  auto flat = PageRank(kg.digraph(), {}, &none);
  EXPECT_NEAR(flat.rank[0], 1.0 / n, 1e-12);
}

TEST(GraphAlgorithms, BfsBetweennessInDegree) {
  // a -> b -> c, a -> c (cites); d isolated
  std::vector<Node> nodes(4);
  for (int i = 0; i < 4; ++i) nodes[i].id = std::string("n:") + char('a' + i);
  KnowledgeGraph kg = KnowledgeGraph::FromParts(
      nodes, {{0, 1, EdgeType::kCites, 1}, {1, 2, EdgeType::kCites, 1}, {0, 2, EdgeType::kRevokes, 1}}, "s");
  auto d = BfsDistances(kg.digraph(), 0);
  EXPECT_EQ(d[1], 1u);
  EXPECT_EQ(d[2], 1u);
  EXPECT_EQ(d[3], UINT32_MAX);
  // Over cites only, every a->c path goes through b.
  auto bc = Betweenness(kg, Bit(EdgeType::kCites));
  EXPECT_DOUBLE_EQ(bc[1], 1.0);
  EXPECT_DOUBLE_EQ(Betweenness(kg, kCitationEdges)[1], 0.0);
  // The sampled estimate with every node a source is exact Brandes.
  auto all = SampledBetweenness(kg, Bit(EdgeType::kCites), 100);
  EXPECT_TRUE(all.exact);
  EXPECT_DOUBLE_EQ(all.score[1], 1.0);
  EXPECT_DOUBLE_EQ(all.score[0], 0.0);
  auto deg = InDegree(kg, kCitationEdges);
  EXPECT_EQ(deg[2], 2u);
  EXPECT_EQ(deg[0], 0u);
}

TEST(GraphAlgorithms, SampledBetweennessAgreesWithBoostAndEstimates) {
  std::mt19937 rng(5);
  const size_t n = 120;
  std::vector<Node> nodes(n);
  for (size_t i = 0; i < n; ++i) nodes[i].id = "n:" + std::to_string(i);
  std::vector<Edge> edges;
  for (int i = 0; i < 400; ++i)
    edges.push_back({static_cast<uint32_t>(rng() % n), static_cast<uint32_t>(rng() % n), EdgeType::kCites, 1});
  KnowledgeGraph kg = KnowledgeGraph::FromParts(nodes, edges, "s");
  auto boost_bc = Betweenness(kg, Bit(EdgeType::kCites));
  auto exact = SampledBetweenness(kg, Bit(EdgeType::kCites), 1000);
  ASSERT_TRUE(exact.exact);
  for (size_t v = 0; v < n; ++v) EXPECT_NEAR(exact.score[v], boost_bc[v], 1e-9) << v;
  // Half the sources: an unbiased estimate; the top node stays near the top.
  auto half = SampledBetweenness(kg, Bit(EdgeType::kCites), 60);
  EXPECT_FALSE(half.exact);
  EXPECT_EQ(half.sources, 60u);
  size_t top = std::max_element(boost_bc.begin(), boost_bc.end()) - boost_bc.begin();
  size_t better = 0;
  for (size_t v = 0; v < n; ++v) better += half.score[v] > half.score[top];
  EXPECT_LE(better, 5u);
  double sum_exact = 0, sum_half = 0;
  for (size_t v = 0; v < n; ++v) sum_exact += boost_bc[v], sum_half += half.score[v];
  EXPECT_NEAR(sum_half / sum_exact, 1.0, 0.25);
}

TEST(GraphAlgorithms, PathsAndNeighbourhoodsPreferRelationsOverCitations) {
  KnowledgeGraph kg = KnowledgeGraph::Build(Source(), Kb());
  auto p = ShortestPath(kg, N(kg, "eo:2"), N(kg, "eo:1"), kAllEdges);
  ASSERT_TRUE(p.has_value());
  ASSERT_EQ(p->size(), 1u);
  EXPECT_EQ(kg.edge(p->front()).type, EdgeType::kRevokes);
  // Edges count in either direction: lithium <- eo:1 <- eo:2 -> neodymium.
  auto q = ShortestPath(kg, N(kg, "mineral:lithium"), N(kg, "mineral:neodymium"), kAllEdges & ~Bit(EdgeType::kIsA));
  ASSERT_TRUE(q.has_value());
  EXPECT_EQ(q->size(), 3u);
  EXPECT_FALSE(ShortestPath(kg, N(kg, "mineral:lithium"), N(kg, "eo:9"), Bit(EdgeType::kMentions)).has_value());
  auto around = Neighborhood(kg, N(kg, "eo:2"), 1, kAllEdges);
  bool saw_revokes = false;
  for (const auto& r : around) {
    if (r.node == N(kg, "eo:1")) saw_revokes = kg.edge(r.via_edge).type == EdgeType::kRevokes;
    EXPECT_LE(r.depth, 1u);
  }
  EXPECT_TRUE(saw_revokes);
  auto two = Neighborhood(kg, N(kg, "eo:2"), 2, kAllEdges);
  EXPECT_GT(two.size(), around.size());
}

TEST(GraphAlgorithms, CoOccurrenceCountsAndStrengths) {
  GraphSource s;
  s.stamp = "x";
  for (int i = 0; i < 4; ++i) s.docs.push_back({"doc:" + std::to_string(i), "other", "", "", "", ""});
  // a in docs 0,1,2; b in 0,1; c in 3
  s.entities = {{"mineral:a", {{0, 1}, {1, 1}, {2, 1}}}, {"mineral:b", {{0, 1}, {1, 1}}}, {"mineral:c", {{3, 1}}}};
  KnowledgeGraph kg = KnowledgeGraph::Build(s, {});
  auto co = CoOccurrences(kg, N(kg, "mineral:a"));
  ASSERT_EQ(co.size(), 1u);
  EXPECT_EQ(kg.node(co[0].node).id, "mineral:b");
  EXPECT_EQ(co[0].shared, 2u);
  EXPECT_DOUBLE_EQ(co[0].jaccard, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(co[0].lift, 2.0 * 4 / (3 * 2));
}

class GraphCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("lode-graph-cache-" + std::to_string(::getpid()))).string();
  }
  void TearDown() override { fs::remove(path_); }
  std::string path_;
};

TEST_F(GraphCacheTest, RoundTripsAndRejectsStaleOrDamagedFiles) {
  KnowledgeGraph kg = KnowledgeGraph::Build(Source(), Kb());
  const uint64_t h = KbHash(Kb());
  ASSERT_TRUE(WriteGraphCache(kg, h, path_).ok());
  auto back = ReadGraphCache(path_, "test@1", h);
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->num_nodes(), kg.num_nodes());
  ASSERT_EQ(back->num_edges(), kg.num_edges());
  for (uint32_t v = 0; v < kg.num_nodes(); ++v) {
    EXPECT_EQ(back->node(v).id, kg.node(v).id);
    EXPECT_EQ(back->node(v).name, kg.node(v).name);
    EXPECT_EQ(back->node(v).external, kg.node(v).external);
    EXPECT_EQ(back->node(v).president, kg.node(v).president);
    EXPECT_EQ(back->node(v).jurisdiction, kg.node(v).jurisdiction);
  }
  for (uint32_t e = 0; e < kg.num_edges(); ++e) {
    EXPECT_EQ(back->edge(e).source, kg.edge(e).source);
    EXPECT_EQ(back->edge(e).type, kg.edge(e).type);
    EXPECT_EQ(back->edge(e).count, kg.edge(e).count);
  }
  // Another index revision, or another knowledge base: stale.
  EXPECT_EQ(ReadGraphCache(path_, "test@2", h).status().code(), Status::Code::kNotFound);
  auto kb2 = Kb();
  kb2[0].name = "Nd";
  EXPECT_NE(KbHash(kb2), h);
  EXPECT_EQ(ReadGraphCache(path_, "test@1", KbHash(kb2)).status().code(), Status::Code::kNotFound);
  // One flipped byte, or a cut file: corrupt, never a wrong graph.
  std::string bytes;
  {
    std::ifstream in(path_, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  // A cache of the previous layout (nodes without a jurisdiction) is not
  // read as this one: the graph is rebuilt (issue 16).
  std::string old_layout = bytes;
  old_layout[7] = '3';
  std::ofstream(path_, std::ios::binary | std::ios::trunc) << old_layout;
  EXPECT_EQ(ReadGraphCache(path_, "test@1", h).status().code(), Status::Code::kCorrupt);
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x20;
  std::ofstream(path_, std::ios::binary | std::ios::trunc) << flipped;
  EXPECT_EQ(ReadGraphCache(path_, "test@1", h).status().code(), Status::Code::kCorrupt);
  std::ofstream(path_, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() - 20);
  EXPECT_EQ(ReadGraphCache(path_, "test@1", h).status().code(), Status::Code::kCorrupt);
  fs::remove(path_);
  EXPECT_EQ(ReadGraphCache(path_, "test@1", h).status().code(), Status::Code::kNotFound);
}

// issue 11: a directory where graph.cache belongs aborted trace and rank
// (std::length_error from the size it reported); it is a miss, and the graph
// is built from the index.
TEST_F(GraphCacheTest, ADirectoryInPlaceOfTheCacheIsAMiss) {
  ASSERT_TRUE(fs::create_directory(path_));
  EXPECT_EQ(ReadGraphCache(path_, "test@1", KbHash(Kb())).status().code(), Status::Code::kNotFound);
  KnowledgeGraph kg = KnowledgeGraph::Build(Source(), Kb());
  EXPECT_FALSE(WriteGraphCache(kg, KbHash(Kb()), path_).ok());  // cannot replace a directory: reported
  fs::remove_all(path_);
}

}  // namespace
}  // namespace lodestone
