// The text renderers that render_test.cc does not cover (issue 10: "the
// renderers, text output compared, not only JSON"): trace, neighbors, rank,
// cooccur, cocite / couple (graph_render.h), entity, similar and stats
// (render.h). Results are written here as literals and each output is
// compared whole, so a change of layout, count phrase or number format
// shows as a diff. No index: rendering is formatting only.
#include <gtest/gtest.h>

#include "lodestone/query/graph_render.h"
#include "lodestone/query/render.h"

namespace lodestone::query {
namespace {

NodeInfo Node(const std::string& id, const std::string& name, const std::string& date) {
  NodeInfo n;
  n.id = id;
  n.type = id.substr(0, id.find(':'));
  n.name = name;
  n.date = date;
  n.external = false;
  return n;
}

TraceDocument TraceRow(const std::string& id, const std::string& title, const std::string& date,
                       const std::string& via) {
  TraceDocument d;
  d.id = id;
  d.title = title;
  d.kind = "executive_order";
  d.date = date;
  d.via = via;
  return d;
}

TEST(GraphRenderText, TraceCountsEverySectionAndSaysWhatIsShown) {
  TraceResult r;
  r.request.limit = 2;
  r.entity = Node("mineral:gallium", "gallium", "");
  r.groups = {Node("mineral:minor-metals", "minor metals", "")};
  r.total = 3;
  r.direct = 2;
  r.group = 1;
  TraceDocument a = TraceRow("eo:99001", "Securing Imaginary Gallium Supplies", "2015-03-03", "direct");
  a.status.state = "in_force";
  a.directs = {{"agency:interior-department", "Department of the Interior", ""}};
  a.evidence = "The supply of gallium shall be secured.";
  TraceDocument b = TraceRow("eo:99002", "Minor Metals", "", "group");
  b.via_entity_name = "minor metals";
  b.status.state = "revoked";
  b.status.revoked_by = {{"eo:99003", "Revoking Order", "2016-01-01"}};
  b.status.amended_by = {{"eo:99004", "", ""}};
  r.documents = {a, b};
  EXPECT_EQ(TraceText(r),
            "gallium (mineral:gallium) — in minor metals\n"
            "3 documents (showing 2): 2 name it, 1 name a group it belongs to, 0 speak of the category; "
            "newest first within each\n"
            "\n"
            "Naming it (2)\n"
            "2015-03-03  Securing Imaginary Gallium Supplies (eo:99001, 2015-03-03)\n"
            "            executive_order · via direct · in force\n"
            "            directs: Department of the Interior\n"
            "            “The supply of gallium shall be secured.”\n"
            "Naming a group it belongs to (1)\n"
            "            Minor Metals (eo:99002)\n"
            "            executive_order · via group (minor metals) · revoked by eo:99003 (2016-01-01); amended by "
            "eo:99004\n");
}

TEST(GraphRenderText, TraceByDateWithFiltersAndNothingFound) {
  TraceResult r;
  r.request.sort = "date";
  r.request.as_of = "2020-01-01";
  r.request.kind = "executive_order";
  r.entity = Node("mineral:gallium", "gallium", "");
  r.total = 1;
  r.member = 1;
  TraceDocument a = TraceRow("eo:99001", "One", "2015-03-03", "member");
  a.via_entity_name = "neodymium";
  a.status.state = "in_force";
  r.documents = {a};
  EXPECT_EQ(TraceText(r),
            "gallium (mineral:gallium)\n"
            "1 document in force on 2020-01-01 of kind executive_order: 0 name it, 1 name a member of it, 0 name a "
            "group it belongs to, 0 speak of the category; oldest first\n"
            "\n"
            "2015-03-03  One (eo:99001, 2015-03-03)\n"
            "            executive_order · via member (neodymium) · in force\n");
  r.total = 0;
  r.member = 0;
  r.documents.clear();
  const std::string none = TraceText(r);
  EXPECT_NE(none.find("0 documents in force on 2020-01-01"), std::string::npos) << none;
  EXPECT_EQ(none.substr(none.size() - 7), "(none)\n");
}

TEST(GraphRenderText, NeighborsShowDirectionEvidenceAndCutLongNames) {
  NeighborsResult r;
  r.request.depth = 1;
  r.start = Node("eo:99001", "Securing Imaginary Gallium Supplies", "2015-03-03");
  r.total = 3;
  Neighbor a;
  a.node = Node("mineral:gallium", "gallium", "");
  a.depth = 1;
  a.via = {"eo:99001", "mineral:gallium", "mentions", 2};
  a.outward = true;
  a.evidence = "The supply of gallium shall be secured.";
  Neighbor b;
  b.node = Node("eo:99003", std::string(75, 'a'), "2016-01-01");
  b.depth = 1;
  b.via = {"eo:99003", "eo:99001", "revokes", 1};
  b.outward = false;
  r.nodes = {a, b};
  EXPECT_EQ(NeighborsText(r),
            "Securing Imaginary Gallium Supplies (eo:99001, 2015-03-03): 3 nodes within 1 hop (showing 2)\n"
            "  1  -[mentions]-> gallium (mineral:gallium)\n"
            "        “The supply of gallium shall be secured.”\n"
            "  1  <-[revokes]- " +
                std::string(70, 'a') + "… (eo:99003, 2016-01-01)\n");
  // Two hops, nothing cut: no "(showing"; evidence only one hop away.
  r.request.depth = 2;
  r.total = 2;
  r.nodes[1].depth = 2;
  r.nodes[1].evidence = "not shown";
  const std::string two = NeighborsText(r);
  EXPECT_EQ(two.substr(0, two.find('\n')), "Securing Imaginary Gallium Supplies (eo:99001, 2015-03-03): 2 nodes within 2 hops");
  EXPECT_EQ(two.find("not shown"), std::string::npos) << two;
}

TEST(GraphRenderText, RankPrintsScoresInTheMeasuresFormat) {
  RankResult r;
  r.request.by = "pagerank";
  r.edges = {"cites", "revokes"};
  r.nodes = {{Node("eo:99001", "One", "2015-03-03"), 0.25}, {Node("eo:99002", "Two", ""), 0.125}};
  EXPECT_EQ(RankText(r),
            "by pagerank over cites,revokes edges\n"
            "   1    0.250000  One (eo:99001, 2015-03-03)\n"
            "   2    0.125000  Two (eo:99002)\n");
  r.request.by = "betweenness";
  r.request.type = "eo";
  r.edges = {"cites"};
  r.approximate = true;
  r.sources = 512;
  r.nodes = {{Node("eo:99001", "One", "2015-03-03"), 12.5}};
  EXPECT_EQ(RankText(r),
            "by betweenness over cites edges, type eo (estimated from 512 sampled sources)\n"
            "   1        12.5  One (eo:99001, 2015-03-03)\n");
  r.request.by = "indegree";
  r.approximate = false;
  r.nodes = {{Node("eo:99001", "One", "2015-03-03"), 7}};
  EXPECT_EQ(RankText(r),
            "by indegree over cites edges, type eo\n"
            "   1         7  One (eo:99001, 2015-03-03)\n");
}

TEST(GraphRenderText, CooccurTable) {
  CooccurResult r;
  r.subject = Node("mineral:gallium", "gallium", "");
  r.documents = 12;
  r.total = 1;
  CooccurEntry e;
  e.node = Node("mineral:germanium", "germanium", "");
  e.shared = 5;
  e.documents = 8;
  e.jaccard = 0.25;
  e.lift = 2.5;
  r.entries = {e};
  EXPECT_EQ(CooccurText(r),
            "gallium (mineral:gallium): named in 12 documents\n"
            "  shared  jaccard    lift  entity\n"
            "       5    0.250    2.50  germanium (mineral:germanium)\n");
}

TEST(GraphRenderText, CociteAndCoupleSayWhichRelationTheyCount) {
  RelatedResult r;
  r.subject = Node("doi:10.1/a", "A Paper", "2019-01-01");
  r.degree = 7;
  r.total = 2;
  RelatedEntry e;
  e.node = Node("doi:10.1/b", "B Paper", "2020-01-01");
  e.shared = 3;
  e.degree = 9;
  e.cosine = 0.5;
  r.entries = {e};
  EXPECT_EQ(RelatedText(r),
            "A Paper (doi:10.1/a, 2019-01-01): cited by 7; 2 works cited together with it\n"
            "  co-cited   cosine  work\n"
            "         3    0.500  B Paper (doi:10.1/b, 2020-01-01)\n");
  r.cocitation = false;
  EXPECT_EQ(RelatedText(r),
            "A Paper (doi:10.1/a, 2019-01-01): cites 7; 2 documents share references with it\n"
            "    shared   cosine  document\n"
            "         3    0.500  B Paper (doi:10.1/b, 2020-01-01)\n");
}

TEST(RenderText, EntityGivesNamesListsMembersDocumentsAndCompanions) {
  EntityResult r;
  r.id = "mineral:gallium";
  r.type = "mineral";
  Entity e;
  e.id = r.id;
  e.name = "gallium";
  e.aliases = {"Ga"};
  e.zh = {"镓"};
  e.is_a = {"concept:critical-minerals"};
  e.lists = {{"usgs-critical-minerals", 2022, "87 FR 10381"}};
  r.entity = e;
  r.documents = 1234;
  r.top = {{"eo:99001", "Securing Imaginary Gallium Supplies", "executive_order", "2015-03-03", 4}};
  r.cooccurs = {{"mineral:germanium", "germanium", 3}};
  EXPECT_EQ(EntityText(r),
            "mineral:gallium  gallium\n"
            "  also:     Ga, 镓\n"
            "  is a:     concept:critical-minerals\n"
            "  listed:   usgs-critical-minerals (2022, 87 FR 10381)\n"
            "\n"
            "1,234 documents, most mentions first:\n"
            "  4×  eo:99001  2015-03-03  Securing Imaginary Gallium Supplies\n"
            "\n"
            "named together with:\n"
            "  mineral:germanium (germanium) in 3\n");
  // A group, and an id only documents know.
  EntityResult g;
  g.id = "eo:13817";
  g.members = {"mineral:neodymium", "mineral:cerium"};
  g.documents = 1;
  EXPECT_EQ(EntityText(g),
            "eo:13817\n"
            "  (not in the knowledge base: an id seen in documents)\n"
            "  members:  neodymium, cerium\n"
            "\n"
            "1 document\n");
}

TEST(RenderText, SimilarListsTermsThenHits) {
  SimilarResult r;
  r.id = "eo:99001";
  r.title = "One";
  for (int i = 0; i < 16; ++i) r.terms.push_back("t" + std::to_string(i));
  SearchHit h;
  h.id = "eo:99002";
  h.source = "/c/two.xml";
  h.title = "Two";
  h.kind = "executive_order";
  h.date = "2016-01-01";
  h.rank = 1;
  r.hits = {h};
  EXPECT_EQ(SimilarText(r, false),
            "Documents like One (eo:99001)\n"
            "by its terms: t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, …\n"
            "\n"
            "1. Two\n"
            "   eo:99002 · executive_order · 2016-01-01\n"
            "   /c/two.xml\n"
            "\n");
  r.terms = {"gallium"};
  r.hits.clear();
  EXPECT_EQ(SimilarText(r, false),
            "Documents like One (eo:99001)\n"
            "by its terms: gallium\n"
            "\n"
            "No other document shares its terms.\n");
}

TEST(RenderText, StatsSectionsAndYearsSixToALine) {
  IndexStats s;
  s.documents = 5022;
  s.terms_total = 1234567;
  s.path = "/idx";
  s.revision = 3;
  s.by_kind = {{"executive_order", 5000}, {"paper", 22}};
  for (int y = 2010; y < 2017; ++y) s.by_year[std::to_string(y)] = y - 2000;
  const std::string t = StatsText(s);
  EXPECT_EQ(t.substr(0, t.find('\n')).substr(0, 42), "documents: 5,022  (1,234,567 words, index ");
  EXPECT_NE(t.find("index:     /idx\n"), std::string::npos) << t;
  EXPECT_NE(t.find("by kind:\n  executive_order           5,000\n  paper                     22\n"), std::string::npos)
      << t;
  EXPECT_NE(t.find("relations (document, target) by type:\nby year:\n"), std::string::npos) << t;
  EXPECT_EQ(t.substr(t.find("by year:\n")),
            "by year:\n"
            "  2010    10  2011    11  2012    12  2013    13  2014    14  2015    15\n"
            "  2016    16\n");
}

}  // namespace
}  // namespace lodestone::query
