// Papers in the graph: references resolved by id, by key, by key with the
// year one off; external works shared across citing papers; self-citations
// and repeated references counted once; co-citation and coupling.
#include <gtest/gtest.h>

#include <sstream>

#include "lodestone/graph/algorithms.h"
#include "lodestone/graph/export.h"
#include "lodestone/graph/graph.h"
#include "lodestone/graph/resolve.h"

namespace lodestone {
namespace {

uint32_t N(const KnowledgeGraph& kg, const std::string& id) {
  auto v = kg.Find(id);
  EXPECT_TRUE(v.has_value()) << id;
  return v.value_or(0);
}

// How many times a cites b (the edge's count), 0 when it does not.
uint32_t CiteCount(const KnowledgeGraph& kg, const std::string& a, const std::string& b) {
  for (uint32_t e : kg.OutEdges(N(kg, a), Bit(EdgeType::kCites)))
    if (kg.edge(e).target == N(kg, b)) return kg.edge(e).count;
  return 0;
}

bool Cites(const KnowledgeGraph& kg, const std::string& a, const std::string& b) { return CiteCount(kg, a, b) > 0; }

// Papers A (doi:10.1/a, alias wos:1), B (wos:2, no DOI, key avp:bee|2010|5|77),
// C (doi:10.1/c) and D (doi:10.1/d, key avp:dee|2011|9|1).
GraphSource Papers() {
  GraphSource s;
  s.stamp = "p";
  s.docs = {{"doi:10.1/a", "paper", "2015-01-01", "A", "", ""},
            {"wos:2", "paper", "2010-01-01", "B", "", ""},
            {"doi:10.1/c", "paper", "2016-01-01", "C", "", ""},
            {"doi:10.1/d", "paper", "2011-01-01", "D", "", ""}};
  s.aliases = {{"wos:1", {{0, 1}}}};
  s.paper_keys = {{"avp:bee|2010|5|77", {{1, 1}}}, {"avp:dee|2011|9|1", {{3, 1}}}};
  s.references = {
      // A cites B by key, D by a key one year off, an outside work by DOI, and itself.
      {"avp:bee|2010|5|77", {{0, 1}}},
      {"avp:dee|2012|9|1", {{0, 1}}},
      {"doi:10.9/out avp:out|2001|1|1", {{0, 1}}},
      {"doi:10.1/a", {{0, 1}}},
      // C cites A by its alias, B twice (same reference listed twice: wdf 2), the
      // outside work by key only (unified with its DOI), and an order.
      {"wos:1", {{2, 1}}},
      {"avp:bee|2010|5|77 aty:bee|2010|some-title-words", {{2, 2}}},
      {"avp:out|2001|1|1", {{2, 1}}},
      {"eo:13817", {{2, 1}}},
      // D: a DOI naming A but four fields naming B: the fields win.
      {"doi:10.1/a avp:bee|2010|5|77", {{3, 1}}},
      {"txt:0123456789ab", {{3, 1}}},
  };
  return s;
}

TEST(GraphPapers, ReferencesResolveToPapersOrShareExternalNodes) {
  KnowledgeGraph kg = KnowledgeGraph::Build(Papers(), {});
  EXPECT_EQ(N(kg, "wos:1"), N(kg, "doi:10.1/a")) << "aliases find the document";
  EXPECT_TRUE(Cites(kg, "doi:10.1/a", "wos:2"));
  EXPECT_TRUE(Cites(kg, "doi:10.1/a", "doi:10.1/d")) << "year one off";
  EXPECT_TRUE(Cites(kg, "doi:10.1/a", "doi:10.9/out"));
  EXPECT_TRUE(kg.node(N(kg, "doi:10.9/out")).external);
  EXPECT_TRUE(Cites(kg, "doi:10.1/c", "doi:10.1/a"));
  EXPECT_TRUE(Cites(kg, "doi:10.1/c", "wos:2"));
  EXPECT_TRUE(Cites(kg, "doi:10.1/c", "doi:10.9/out")) << "a key-only reference meets the DOI another paper gave";
  EXPECT_TRUE(Cites(kg, "doi:10.1/c", "eo:13817")) << "papers link into the policy graph";
  EXPECT_TRUE(Cites(kg, "doi:10.1/d", "wos:2"));
  EXPECT_FALSE(Cites(kg, "doi:10.1/d", "doi:10.1/a"));
  EXPECT_TRUE(kg.Find("ref:0123456789ab").has_value());
  // A's own DOI in its list is no edge; C lists B twice: one edge (count 2).
  EXPECT_EQ(kg.OutEdges(N(kg, "doi:10.1/a"), Bit(EdgeType::kCites)).size(), 3u);
  EXPECT_EQ(CiteCount(kg, "doi:10.1/c", "wos:2"), 2u);  // issue 10: the edge must exist, not only its count
  EXPECT_EQ(kg.InEdges(N(kg, "wos:2"), Bit(EdgeType::kCites)).size(), 3u);
}

TEST(GraphPapers, ResolveRuleOrder) {
  auto id = [](const std::string& s) -> std::optional<uint32_t> {
    if (s == "doi:x") return 1;
    return std::nullopt;
  };
  auto key = [](const std::string& s) -> std::optional<uint32_t> {
    if (s == "avp:a|2000|1|1") return 2;
    if (s == "aty:a|2000|t") return 3;
    return std::nullopt;
  };
  EXPECT_EQ(ResolveReference({{"doi:x"}, {}}, id, key).node, 1u);
  EXPECT_EQ(ResolveReference({{"doi:x"}, {"avp:a|2000|1|1"}}, id, key).node, 2u) << "four fields beat a DOI";
  EXPECT_EQ(ResolveReference({{"doi:x"}, {"aty:a|2000|t"}}, id, key).node, 1u) << "a title key does not";
  auto shifted = ResolveReference({{}, {"avp:a|2001|1|1"}}, id, key);
  EXPECT_EQ(shifted.node, 2u);
  EXPECT_EQ(shifted.how, "key-year");
  EXPECT_FALSE(ResolveReference({{}, {"avp:a|2003|1|1"}}, id, key).node.has_value());
}

TEST(GraphPapers, CoCitationAndCoupling) {
  KnowledgeGraph kg = KnowledgeGraph::Build(Papers(), {});
  // B is cited by A, C and D; A also cites D and out; C also cites A, out, eo:13817.
  auto co = CoCitations(kg, N(kg, "wos:2"));
  ASSERT_FALSE(co.empty());
  EXPECT_EQ(kg.node(co[0].node).id, "doi:10.9/out");  // with B in A and C
  EXPECT_EQ(co[0].shared, 2u);
  EXPECT_NEAR(co[0].cosine, 2 / std::sqrt(3.0 * 2.0), 1e-12);
  auto cp = Couplings(kg, N(kg, "doi:10.1/a"));  // A cites B, D, out
  ASSERT_FALSE(cp.empty());
  EXPECT_EQ(kg.node(cp[0].node).id, "doi:10.1/c");  // C cites B and out too
  EXPECT_EQ(cp[0].shared, 2u);
}

TEST(GraphPapers, VosviewerFiles) {
  KnowledgeGraph kg = KnowledgeGraph::Build(Papers(), {});
  Selection sel = SelectAll(kg);
  std::ostringstream map, net;
  WriteVosviewer(kg, sel, map, net);
  std::string m = map.str();
  EXPECT_EQ(m.rfind("id\tlabel\tdescription\turl\tweight<Links>\tweight<Citations>\tscore<Year>\n", 0), 0u);
  size_t lines = std::count(m.begin(), m.end(), '\n');
  EXPECT_EQ(lines, kg.num_nodes() + 1);
  std::istringstream in(net.str());
  int a, b, w, rows = 0;
  while (in >> a >> b >> w) {
    EXPECT_LT(a, b);
    EXPECT_GE(a, 1);
    EXPECT_LE(b, static_cast<int>(kg.num_nodes()));
    EXPECT_GE(w, 1);
    ++rows;
  }
  EXPECT_GT(rows, 5);
}

}  // namespace
}  // namespace lodestone
