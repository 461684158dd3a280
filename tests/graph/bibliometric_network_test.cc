// Co-occurrence networks (issue 15): counts, thresholds, counting methods,
// association strength and clustering on tiny literal inputs, each checked
// against a value worked out by hand.
#include "lodestone/graph/bibliometric_network.h"

#include <gtest/gtest.h>

#include <map>

namespace lodestone {
namespace {

PaperItems P(const std::string& id, int year, std::vector<std::string> keys, std::vector<std::string> labels = {}) {
  return PaperItems{id, year, std::move(keys), std::move(labels)};
}

// "a-b:2 a-c:1 …" with node keys, in link order.
std::string Dump(const BibliometricNetwork& n) {
  std::string s;
  for (const auto& l : n.links) {
    char w[32];
    std::snprintf(w, sizeof w, "%g", l.weight);
    s += (s.empty() ? "" : " ") + n.nodes[l.a].key + "-" + n.nodes[l.b].key + ":" + w;
  }
  return s;
}

const NetworkNode& Node(const BibliometricNetwork& n, const std::string& key) {
  for (const auto& v : n.nodes)
    if (v.key == key) return v;
  ADD_FAILURE() << "no node " << key;
  static NetworkNode none;
  return none;
}

const NetworkLink* Link(const BibliometricNetwork& n, const std::string& x, const std::string& y) {
  for (const auto& l : n.links)
    if ((n.nodes[l.a].key == x && n.nodes[l.b].key == y) || (n.nodes[l.a].key == y && n.nodes[l.b].key == x))
      return &l;
  return nullptr;
}

// P1 {a,b,c}, P2 {a,b}, P3 {c,d}, P4 {a}: links a-b 2, a-c 1, b-c 1, c-d 1.
std::vector<PaperItems> Four() {
  return {P("p1", 2010, {"a", "b", "c"}), P("p2", 2012, {"a", "b"}), P("p3", 2014, {"c", "d"}), P("p4", 2016, {"a"})};
}

NetworkOptions NoClusters() {
  NetworkOptions o;
  o.cluster = ClusterMethod::kNone;
  return o;
}

TEST(CoNetworkTest, FullCountingLinksOccurrencesAndYears) {
  auto n = BuildCoNetwork(Four(), NoClusters());
  ASSERT_TRUE(n.ok()) << n.status().message();
  // Nodes by total link strength (a, b, c: 3 each; a has most occurrences), then key.
  ASSERT_EQ(n->nodes.size(), 4u);
  EXPECT_EQ(n->nodes[0].key, "a");
  EXPECT_EQ(n->nodes[1].key, "b");
  EXPECT_EQ(n->nodes[2].key, "c");
  EXPECT_EQ(n->nodes[3].key, "d");
  EXPECT_EQ(Dump(*n), "a-b:2 a-c:1 b-c:1 c-d:1");
  EXPECT_EQ(Node(*n, "a").occurrences, 3u);
  EXPECT_EQ(Node(*n, "a").links, 2u);
  EXPECT_DOUBLE_EQ(Node(*n, "a").total_link_strength, 3);
  EXPECT_DOUBLE_EQ(Node(*n, "d").total_link_strength, 1);
  EXPECT_DOUBLE_EQ(Node(*n, "a").avg_year, (2010 + 2012 + 2016) / 3.0);
  EXPECT_DOUBLE_EQ(Node(*n, "d").avg_year, 2014);
  EXPECT_EQ(n->papers, 4u);
  EXPECT_EQ(n->papers_used, 4u);
  EXPECT_EQ(n->items_seen, 4u);
  EXPECT_EQ(n->clusters, 0u);
}

TEST(CoNetworkTest, AssociationStrengthIsVosviewers) {
  // s_ij = 2m c_ij / (k_i k_j): 2m = 3 + 3 + 3 + 1 = 10.
  auto n = BuildCoNetwork(Four(), NoClusters());
  ASSERT_TRUE(n.ok());
  EXPECT_DOUBLE_EQ(Link(*n, "a", "b")->strength, 10.0 * 2 / (3 * 3));
  EXPECT_DOUBLE_EQ(Link(*n, "a", "c")->strength, 10.0 * 1 / (3 * 3));
  EXPECT_DOUBLE_EQ(Link(*n, "c", "d")->strength, 10.0 * 1 / (3 * 1));
}

TEST(CoNetworkTest, ThresholdDropsRareItemsAndTheirLinks) {
  NetworkOptions o = NoClusters();
  o.min_occurrences = 2;  // d occurs once
  auto n = BuildCoNetwork(Four(), o);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(Dump(*n), "a-b:2 a-c:1 b-c:1");
  EXPECT_DOUBLE_EQ(Node(*n, "c").total_link_strength, 2);  // recomputed without c-d
  EXPECT_EQ(n->items_seen, 4u);
  EXPECT_EQ(n->items_over_threshold, 3u);
  o.min_occurrences = 3;
  auto only_a = BuildCoNetwork(Four(), o);
  ASSERT_TRUE(only_a.ok());
  ASSERT_EQ(only_a->nodes.size(), 1u);
  EXPECT_TRUE(only_a->links.empty());
}

TEST(CoNetworkTest, PapersOverTheCapAreIgnored) {
  NetworkOptions o = NoClusters();
  o.max_items_per_paper = 2;  // p1 names three
  auto n = BuildCoNetwork(Four(), o);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(Dump(*n), "a-b:1 c-d:1");
  EXPECT_EQ(n->papers_over_cap, 1u);
  EXPECT_EQ(n->papers_used, 3u);
  EXPECT_EQ(Node(*n, "a").occurrences, 2u);
}

TEST(CoNetworkTest, FractionalCountingGivesEachPaperOneUnit) {
  NetworkOptions o = NoClusters();
  o.counting = Counting::kFractional;
  auto n = BuildCoNetwork(Four(), o);
  ASSERT_TRUE(n.ok());
  // p1 names 3 items: each of its 3 links gets 1/2.
  EXPECT_EQ(Dump(*n), "a-b:1.5 a-c:0.5 b-c:0.5 c-d:1");
  double total = 0;
  for (const auto& l : n->links) total += l.weight;
  EXPECT_DOUBLE_EQ(total, 1.5 + 1 + 1);  // p1 counts 1.5 (3 pairs / 2), p2 and p3 one each
}

TEST(CoNetworkTest, MaxNodesKeepsTheStrongest) {
  NetworkOptions o = NoClusters();
  o.max_nodes = 2;
  auto n = BuildCoNetwork(Four(), o);
  ASSERT_TRUE(n.ok());
  ASSERT_EQ(n->nodes.size(), 2u);  // a, b, c all have strength 3: a has most occurrences, b beats c on the key
  EXPECT_EQ(n->nodes[0].key, "a");
  EXPECT_EQ(n->nodes[1].key, "b");
  EXPECT_EQ(Dump(*n), "a-b:2");
}

TEST(CoNetworkTest, RepeatedItemsCountOnceAndTheCommonSpellingIsTheLabel) {
  std::vector<PaperItems> papers = {
      P("p1", 2020, {"稀土", "稀土", "出口管制"}, {"稀土", "稀土；", "出口管制"}),
      P("p2", 2021, {"稀土", "capture-recapture"}, {"稀土；", "Capture-Recapture"}),
      P("p3", 2021, {"稀土", "capture-recapture"}, {"稀土；", "capture-recapture"}),
      P("p4", 2022, {"capture-recapture"}, {"capture-recapture"}),
  };
  auto n = BuildCoNetwork(papers, NoClusters());
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(Node(*n, "稀土").occurrences, 3u);
  EXPECT_EQ(Node(*n, "稀土").label, "稀土；");          // 2 of 3 papers print it so
  EXPECT_EQ(Node(*n, "capture-recapture").label, "capture-recapture");  // 2 against 1
  EXPECT_EQ(Link(*n, "稀土", "出口管制")->weight, 1);   // the repeat in p1 is one mention
  EXPECT_EQ(Link(*n, "稀土", "capture-recapture")->weight, 2);
}

// Two 4-cliques joined by one weak link: every method finds the two cliques.
TEST(CoNetworkTest, TwoObviousCliquesAreTwoClusters) {
  std::vector<PaperItems> papers;
  for (int k = 0; k < 3; ++k) {
    papers.push_back(P("x" + std::to_string(k), 2010, {"a", "b", "c", "d"}));
    papers.push_back(P("y" + std::to_string(k), 2011, {"e", "f", "g", "h"}));
  }
  papers.push_back(P("bridge", 2012, {"d", "e"}));
  for (ClusterMethod m : {ClusterMethod::kVos, ClusterMethod::kModularity, ClusterMethod::kLouvain}) {
    NetworkOptions o;
    o.cluster = m;
    auto n = BuildCoNetwork(papers, o);
    ASSERT_TRUE(n.ok()) << n.status().message();
    EXPECT_EQ(n->clusters, 2u) << ClusterMethodName(m);
    for (const char* k : {"b", "c", "d"}) EXPECT_EQ(Node(*n, k).cluster, Node(*n, "a").cluster) << ClusterMethodName(m);
    for (const char* k : {"f", "g", "h"}) EXPECT_EQ(Node(*n, k).cluster, Node(*n, "e").cluster) << ClusterMethodName(m);
    EXPECT_NE(Node(*n, "a").cluster, Node(*n, "e").cluster);
    // Hand computation: each clique has 6 links of weight 3 (18), the bridge
    // weighs 1; 2m = 2 * 37 = 74; each cluster's degree sum is 37.
    // Q = 2 * (18/37 - (37/74)^2) = 36/37 - 1/2.
    EXPECT_NEAR(n->modularity, 36.0 / 37 - 0.5, 1e-12) << ClusterMethodName(m);
  }
}

TEST(CoNetworkTest, ClusterNetworkReclustersABuiltNetwork) {
  std::vector<PaperItems> papers;
  for (int k = 0; k < 2; ++k) {
    papers.push_back(P("x" + std::to_string(k), 2010, {"a", "b", "c"}));
    papers.push_back(P("y" + std::to_string(k), 2011, {"d", "e", "f"}));
  }
  papers.push_back(P("bridge", 2012, {"c", "d"}));
  auto n = BuildCoNetwork(papers, NoClusters());
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->clusters, 0u);
  NetworkOptions o;
  o.cluster = ClusterMethod::kModularity;
  ASSERT_TRUE(ClusterNetwork(*n, o).ok());
  EXPECT_EQ(n->clusters, 2u);
  EXPECT_EQ(n->options.cluster, ClusterMethod::kModularity);
  EXPECT_GT(n->modularity, 0.3);
  EXPECT_NEAR(n->quality, n->modularity, 1e-12);  // Leiden's own quality is modularity at γ = 1
  o.cluster = ClusterMethod::kNone;
  ASSERT_TRUE(ClusterNetwork(*n, o).ok());
  EXPECT_EQ(n->clusters, 0u);
  for (const auto& v : n->nodes) EXPECT_EQ(v.cluster, 0u);
  o.resolution = -1;
  EXPECT_FALSE(ClusterNetwork(*n, o).ok());
}

TEST(CoNetworkTest, ClustersAreNumberedFromTheLargestAndIsolatedNodesStandAlone) {
  std::vector<PaperItems> papers = {P("1", 2000, {"a", "b", "c"}), P("2", 2000, {"a", "b", "c"}),
                                    P("3", 2000, {"x", "y"}), P("4", 2000, {"x", "y"}), P("5", 2000, {"lonely"})};
  NetworkOptions o;
  auto n = BuildCoNetwork(papers, o);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->clusters, 3u);
  EXPECT_EQ(Node(*n, "a").cluster, 1u);  // three nodes
  EXPECT_EQ(Node(*n, "x").cluster, 2u);  // two
  EXPECT_EQ(Node(*n, "lonely").cluster, 3u);
  EXPECT_EQ(Node(*n, "lonely").links, 0u);
}

TEST(CoNetworkTest, ModularityMatchesAHandComputation) {
  // Two triangles joined by one link, unweighted: m = 7, each side has 3
  // internal links and degree sum 7: Q = 2 * (3/7 - (7/14)^2) = 5/14.
  std::vector<NetworkLink> links = {{0, 1, 1, 0}, {1, 2, 1, 0}, {0, 2, 1, 0}, {3, 4, 1, 0},
                                    {4, 5, 1, 0}, {3, 5, 1, 0}, {2, 3, 1, 0}};
  auto q = Modularity(6, links, {1, 1, 1, 2, 2, 2});
  ASSERT_TRUE(q.ok()) << q.status().message();
  EXPECT_NEAR(*q, 5.0 / 14, 1e-12);
  auto one = Modularity(6, links, {1, 1, 1, 1, 1, 1});
  ASSERT_TRUE(one.ok());
  EXPECT_NEAR(*one, 0, 1e-12);  // one cluster: Q = 1 - 1
  // With resolution γ: Q = Σ_c [L_c/m − γ (d_c/2m)^2] = 2 (3/7 − 2/4) at γ = 2.
  auto g2 = Modularity(6, links, {1, 1, 1, 2, 2, 2}, 2.0);
  ASSERT_TRUE(g2.ok());
  EXPECT_NEAR(*g2, 2 * (3.0 / 7 - 2 * 0.25), 1e-12);
  EXPECT_FALSE(Modularity(6, links, {1, 2}).ok());
}

TEST(CoNetworkTest, SameInputSameClusters) {
  std::vector<PaperItems> papers;
  for (int i = 0; i < 60; ++i)
    papers.push_back(P(std::to_string(i), 2000 + i % 7,
                       {"k" + std::to_string(i % 11), "k" + std::to_string((i * 7) % 13), "k" + std::to_string(i % 5)}));
  auto a = BuildCoNetwork(papers, {});
  auto b = BuildCoNetwork(papers, {});
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->nodes.size(), b->nodes.size());
  for (size_t i = 0; i < a->nodes.size(); ++i) EXPECT_EQ(a->nodes[i].cluster, b->nodes[i].cluster);
  EXPECT_DOUBLE_EQ(a->quality, b->quality);
}

TEST(CoNetworkTest, BadResolutionIsAnInvalidArgument) {
  NetworkOptions o;
  o.resolution = 0;
  auto n = BuildCoNetwork(Four(), o);
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.status().code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(BuildCoNetwork({}, {}).ok());  // nothing in, nothing out
}

TEST(CoNetworkTest, MethodNamesRoundTrip) {
  for (ClusterMethod m : {ClusterMethod::kVos, ClusterMethod::kModularity, ClusterMethod::kLouvain, ClusterMethod::kNone})
    EXPECT_EQ(ClusterMethodFromName(ClusterMethodName(m)), m);
  EXPECT_FALSE(ClusterMethodFromName("kmeans").has_value());
}

}  // namespace
}  // namespace lodestone
