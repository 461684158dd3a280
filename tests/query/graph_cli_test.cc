// End-to-end: the graph commands of the real `lode` binary on an index of
// tests/fixtures/graph (four made-up orders: 99102 revokes 99101, 99103
// amends 99102, 99104 cites EO 13817, which is not in the set).
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cli_util.h"

namespace fs = std::filesystem;

namespace {

using lodestone::testing::CliRun;
using lodestone::testing::Json;
using lodestone::testing::ReadFile;

CliRun Lode(const std::string& args) { return lodestone::testing::RunLode(args, true); }

// A copy of the fixtures: CacheFollowsTheIndex adds a document.
class GraphCliTest : public lodestone::testing::IndexedSuite<GraphCliTest> {
 public:
  static constexpr const char* kName = "lode-graph-cli";
  static std::string Ingest(const std::string& dir) {
    fs::copy(std::string(LODE_FIXTURES) + "/graph/docs", dir + "/docs", fs::copy_options::recursive);
    return dir + "/docs";
  }
};

TEST_F(GraphCliTest, TraceFollowsGroupsCategoriesAndValidity) {
  CliRun r = Lode("trace neodymium --json" + Index());
  ASSERT_EQ(r.code, 0) << r.out;
  auto d = Json(r.out);
  EXPECT_STREQ(d["entity"]["id"].GetString(), "mineral:neodymium");
  std::map<std::string, const rapidjson::Value*> by_id;
  for (const auto& doc : d["documents"].GetArray()) by_id[doc["id"].GetString()] = &doc;
  ASSERT_EQ(by_id.size(), 3u) << r.out;
  const auto& one = *by_id.at("eo:99101");
  EXPECT_STREQ(one["via"].GetString(), "group");
  EXPECT_STREQ(one["via_entity"].GetString(), "mineral:rare-earth-elements");
  EXPECT_STREQ(one["status"]["state"].GetString(), "revoked");
  EXPECT_STREQ(one["status"]["revoked_by"][0]["id"].GetString(), "eo:99102");
  EXPECT_STREQ(one["status"]["revoked_on"].GetString(), "2021-06-01");
  EXPECT_STREQ(one["directs"][0]["id"].GetString(), "agency:interior-department");
  EXPECT_NE(std::string(one["evidence"].GetString()).find("rare earth elements"), std::string::npos);
  EXPECT_NE(std::string(one["source"].GetString()).find("2019-03-01-order-99101.md"), std::string::npos);
  const auto& two = *by_id.at("eo:99102");
  EXPECT_STREQ(two["via"].GetString(), "direct");
  EXPECT_STREQ(two["status"]["state"].GetString(), "in_force");
  EXPECT_STREQ(two["status"]["amended_by"][0]["id"].GetString(), "eo:99103");
  EXPECT_STREQ(by_id.at("eo:99103")->operator[]("via").GetString(), "category");
  // issue 9: direct, then group, then category (not oldest first); --sort date keeps the old order.
  std::vector<std::string> order, by_date;
  for (const auto& doc : d["documents"].GetArray()) order.push_back(doc["id"].GetString());
  EXPECT_EQ(order, (std::vector<std::string>{"eo:99102", "eo:99101", "eo:99103"}));
  CliRun old = Lode("trace neodymium --sort date --json" + Index());
  ASSERT_EQ(old.code, 0) << old.out;
  auto old_json = Json(old.out);  // the range must not outlive the document
  for (const auto& doc : old_json["documents"].GetArray()) by_date.push_back(doc["id"].GetString());
  EXPECT_EQ(by_date, (std::vector<std::string>{"eo:99101", "eo:99102", "eo:99103"}));
  EXPECT_EQ(Lode("trace neodymium --sort title" + Index()).code, 2);
}

TEST_F(GraphCliTest, TraceAsOfKeepsWhatWasInForce) {
  auto ids = [](const std::string& out) {
    std::vector<std::string> v;
    auto d = Json(out);
    for (const auto& doc : d["documents"].GetArray()) v.push_back(doc["id"].GetString());
    return v;
  };
  CliRun before = Lode("trace lithium --as-of 2020-01-01 --json" + Index());
  ASSERT_EQ(before.code, 0) << before.out;
  EXPECT_EQ(ids(before.out), std::vector<std::string>{"eo:99101"});
  // Revoked on 2021-06-01 by 99102; 99103 (2022) speaks of critical minerals.
  CliRun after = Lode("trace lithium --as-of 2022-06-30 --json" + Index());
  EXPECT_EQ(ids(after.out), std::vector<std::string>{"eo:99103"});
  CliRun direct = Lode("trace lithium --via direct --json" + Index());
  EXPECT_EQ(ids(direct.out), std::vector<std::string>{"eo:99101"});
  EXPECT_EQ(Lode("trace lithium --as-of 2022-13-01" + Index()).code, 2);
  EXPECT_EQ(Lode("trace lithium --kind order" + Index()).code, 2);
}

TEST_F(GraphCliTest, UnknownIdsSuggestNearOnes) {
  CliRun r = Lode("trace lithum" + Index());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("no node lithum; did you mean mineral:lithium?"), std::string::npos) << r.out;
  CliRun e = Lode("neighbors eo:99110 --json" + Index());
  EXPECT_EQ(e.code, 1);
  auto d = Json(e.out.substr(0, e.out.find('\n')));
  EXPECT_STREQ(d["code"].GetString(), "not_found");
  EXPECT_NE(e.out.find("did you mean"), std::string::npos) << e.out;
  // issue 9: an id's key alone, when only one id has it.
  CliRun key = Lode("trace rare-earth-elements --json" + Index());
  ASSERT_EQ(key.code, 0) << key.out;
  EXPECT_STREQ(Json(key.out)["entity"]["id"].GetString(), "mineral:rare-earth-elements");
  CliRun known = Lode("trace cobalt" + Index());
  EXPECT_EQ(known.code, 1);
  EXPECT_NE(known.out.find("no document in the index names it"), std::string::npos) << known.out;
  EXPECT_EQ(Lode("neighbors eo:99101 --edge cite" + Index()).code, 2);
  EXPECT_EQ(Lode("rank --type orders" + Index()).code, 2);
}

TEST_F(GraphCliTest, PathHopsCarryTheirEvidence) {
  CliRun r = Lode("path eo:99102 eo:99101 --json" + Index());
  ASSERT_EQ(r.code, 0) << r.out;
  auto d = Json(r.out);
  ASSERT_EQ(d["path"].Size(), 2u);
  EXPECT_STREQ(d["path"][0]["id"].GetString(), "eo:99102");
  EXPECT_STREQ(d["path"][1]["id"].GetString(), "eo:99101");
  EXPECT_STREQ(d["hops"][0]["type"].GetString(), "revokes");
  EXPECT_NE(std::string(d["hops"][0]["evidence"].GetString()).find("hereby revoked"), std::string::npos);
  CliRun none = Lode("path eo:99104 eo:99101 --edge revokes" + Index());
  EXPECT_EQ(none.code, 1);
  EXPECT_NE(none.out.find("no path"), std::string::npos);
}

TEST_F(GraphCliTest, CitesAndCitedBy) {
  CliRun r = Lode("cites eo:99104 --json" + Index());
  ASSERT_EQ(r.code, 0) << r.out;
  auto d = Json(r.out);
  EXPECT_STREQ(d["id"].GetString(), "eo:99104");
  ASSERT_EQ(d["citations"].Size(), 1u);
  EXPECT_STREQ(d["citations"][0]["id"].GetString(), "eo:13817");
  EXPECT_STREQ(d["citations"][0]["type"].GetString(), "eo");
  EXPECT_TRUE(d["citations"][0]["external"].GetBool());
  CliRun three = Lode("cites eo:99103 --json" + Index());
  auto t = Json(three.out);
  ASSERT_EQ(t["citations"].Size(), 2u) << "one entry per cited work";
  CliRun by = Lode("cited-by eo:99101 --json" + Index());
  auto b = Json(by.out);
  ASSERT_EQ(b["cited_by"].Size(), 2u) << by.out;
  EXPECT_STREQ(b["cited_by"][0]["id"].GetString(), "eo:99102");
  bool revokes = false;
  for (const auto& rel : b["cited_by"][0]["relations"].GetArray()) revokes |= std::string(rel.GetString()) == "revokes";
  EXPECT_TRUE(revokes);
}

TEST_F(GraphCliTest, NeighborsRankTimelineCooccur) {
  CliRun n = Lode("neighbors eo:99102 --type eo --json" + Index());
  ASSERT_EQ(n.code, 0) << n.out;
  auto nd = Json(n.out);
  for (const auto& node : nd["nodes"].GetArray()) EXPECT_STREQ(node["type"].GetString(), "eo");
  EXPECT_EQ(nd["nodes"].Size(), 2u);  // 99101 (revoked) and 99103 (amends it)
  CliRun rk = Lode("rank --type eo --json" + Index());
  auto rd = Json(rk.out);
  ASSERT_GE(rd["nodes"].Size(), 4u);
  double prev = 1;
  for (const auto& node : rd["nodes"].GetArray()) {
    EXPECT_LE(node["score"].GetDouble(), prev);
    prev = node["score"].GetDouble();
  }
  // 99101 is cited by two orders, and revoked: the most central order.
  EXPECT_STREQ(rd["nodes"][0]["id"].GetString(), "eo:99101");
  CliRun deg = Lode("rank --by indegree --type eo --json" + Index());
  EXPECT_EQ(Json(deg.out)["nodes"][0]["score"].GetDouble(), 2.0);
  CliRun tl = Lode("timeline --json" + Index());
  auto td = Json(tl.out);
  EXPECT_EQ(td["total"].GetUint(), 4u);
  EXPECT_EQ(td["by_year"]["2021"].GetUint(), 1u);
  EXPECT_EQ(td["by_president"]["person:joseph-r-biden"].GetUint(), 3u);
  EXPECT_EQ(td["by_president"]["person:donald-j-trump"].GetUint(), 1u);
  CliRun co = Lode("cooccur gallium --json" + Index());
  auto cd = Json(co.out);
  ASSERT_EQ(cd["cooccurs"].Size(), 1u);
  EXPECT_STREQ(cd["cooccurs"][0]["id"].GetString(), "country:cn");
  EXPECT_EQ(cd["cooccurs"][0]["shared"].GetUint(), 1u);
}

TEST_F(GraphCliTest, ExportsEveryFormat) {
  CliRun j = Lode("export --format json" + Index());
  ASSERT_EQ(j.code, 0) << j.out;
  auto d = Json(j.out);
  std::map<std::string, bool> external;
  for (const auto& n : d["nodes"].GetArray()) external[n["id"].GetString()] = n["external"].GetBool();
  EXPECT_FALSE(external.at("eo:99101"));
  EXPECT_TRUE(external.at("eo:13817"));
  bool revokes = false;
  for (const auto& e : d["edges"].GetArray())
    revokes |= std::string(e["type"].GetString()) == "revokes" && std::string(e["source"].GetString()) == "eo:99102";
  EXPECT_TRUE(revokes);
  for (const char* fmt : {"graphml", "gexf", "dot", "pajek"}) {
    const std::string out = *dir_ + "/g." + fmt;
    CliRun r = Lode(std::string("export --format ") + fmt + " -o " + out + Index());
    EXPECT_EQ(r.code, 0) << fmt << r.out;
    EXPECT_NE(ReadFile(out).find("99101"), std::string::npos) << fmt;
  }
  CliRun csv_needs_o = Lode("export --format csv" + Index());
  EXPECT_EQ(csv_needs_o.code, 2);
  ASSERT_EQ(Lode("export --format csv -o " + *dir_ + "/g.csv" + Index()).code, 0);
  EXPECT_EQ(ReadFile(*dir_ + "/g-relationships.csv").rfind(":START_ID,:END_ID,:TYPE,count:int\n", 0), 0u);
  // A neighbourhood: 99104 and what it links to, nothing of 99101.
  CliRun around = Lode("export --format json --around eo:99104 --edge cites,mentions" + Index());
  auto a = Json(around.out);
  EXPECT_EQ(a["nodes"].Size(), 4u) << around.out;  // the order, gallium, China, EO 13817
  CliRun q = Lode("export --format json --query gallium" + Index());
  auto qd = Json(q.out);
  EXPECT_GE(qd["nodes"].Size(), 2u);
  EXPECT_EQ(Lode("export --format xml" + Index()).code, 2);
}

TEST_F(GraphCliTest, RenderDrawsWithGraphvizOrSaysWhatIsMissing) {
  const std::string out = *dir_ + "/n.svg";
  CliRun r = Lode("render eo:99102 -o " + out + Index());
  if (std::system("command -v dot >/dev/null 2>&1") == 0) {
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_NE(ReadFile(out).find("<svg"), std::string::npos);
  } else {
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("graphviz"), std::string::npos) << r.out;
  }
  EXPECT_EQ(Lode("render eo:99102 -o " + *dir_ + "/n.txt" + Index()).code, 2);
}

TEST_F(GraphCliTest, CacheFollowsTheIndex) {
  ASSERT_EQ(Lode("rank" + Index()).code, 0);
  const std::string cache = *dir_ + "/index/graph.cache";
  ASSERT_TRUE(fs::exists(cache));
  // A new document changes the index revision: the next command sees it.
  std::ofstream(*dir_ + "/docs/2024-01-01-order-99105.md")
      << "---\ndate: '2024-01-01'\nsource_url: https://example.gov/presidential-actions/2024/01/order-99105/\n"
         "tags: presidential-actions\ntitle: \"Imaginary Gallium Recycling\"\n---\n\nExecutive Order 99105\n\n"
         "By the authority vested in me as President, it is hereby ordered:\n\n"
         "Section 1\\. Policy\\. Gallium recycling matters. Executive Order 99104 of February 1, 2023, is hereby "
         "revoked.\n";
  ASSERT_EQ(Lode("ingest " + *dir_ + "/docs -q" + Index()).code, 0);
  CliRun by = Lode("cited-by eo:99104 --json" + Index());
  ASSERT_EQ(by.code, 0) << by.out;
  auto d = Json(by.out);
  ASSERT_EQ(d["cited_by"].Size(), 1u) << by.out;
  EXPECT_STREQ(d["cited_by"][0]["id"].GetString(), "eo:99105");
  // --no-cache gives the same answer.
  EXPECT_EQ(Lode("cited-by eo:99104 --json --no-cache" + Index()).out, by.out);
  // A damaged cache is rebuilt, not trusted.
  std::ofstream(cache, std::ios::trunc) << "garbage";
  EXPECT_EQ(Lode("cited-by eo:99104 --json" + Index()).out, by.out);
}

}  // namespace

namespace {

// Papers next to the orders: tests/fixtures/graph/papers (three made-up Web
// of Science records) with tests/fixtures/graph/docs.
class PaperCliTest : public lodestone::testing::IndexedSuite<PaperCliTest> {
 public:
  static constexpr const char* kName = "lode-paper-cli";
  static std::string Ingest(const std::string&) {
    const std::string fx = std::string(LODE_FIXTURES) + "/graph";
    return fx + "/docs " + fx + "/papers";
  }
};

std::set<std::string> Ids(const rapidjson::Value& list) {
  std::set<std::string> ids;
  for (const auto& x : list.GetArray()) ids.insert(x["id"].GetString());
  return ids;
}

TEST_F(PaperCliTest, ReferencesResolveByDoiKeyAndIntoThePolicyGraph) {
  // The accession number is an alias of the record kept under its DOI.
  CliRun r = Lode("cites wos:000000000000901 --json" + Index());
  ASSERT_EQ(r.code, 0) << r.out;
  auto d = Json(r.out);
  EXPECT_STREQ(d["id"].GetString(), "doi:10.5555/jip.2018.6");
  EXPECT_EQ(Ids(d["citations"]), (std::set<std::string>{"doi:10.5555/jip.2015.3", "wos:000000000000903",
                                                         "doi:10.5555/other.2001.1", "eo:99101"}));
  // 903 gives no DOI for the outside work; it still meets the node 901 and 902 cite.
  CliRun by = Lode("cited-by doi:10.5555/other.2001.1 --json" + Index());
  EXPECT_EQ(Json(by.out)["cited_by"].Size(), 3u) << by.out;
  CliRun eo = Lode("cited-by eo:99101 --json" + Index());
  EXPECT_TRUE(Ids(Json(eo.out)["cited_by"]).count("doi:10.5555/jip.2018.6")) << eo.out;
  CliRun show = Lode("show wos:000000000000901 --json" + Index());
  auto sd = Json(show.out);
  EXPECT_STREQ(sd["aliases"][0].GetString(), "wos:000000000000901");
  EXPECT_EQ(sd["references"].Size(), 4u);
}

TEST_F(PaperCliTest, CocitationCouplingRankAndBibliographicExports) {
  auto co = Json(Lode("cocite doi:10.5555/other.2001.1 --json" + Index()).out);
  EXPECT_STREQ(co["relation"].GetString(), "cocitation");
  EXPECT_EQ(co["degree"].GetUint(), 3u);
  EXPECT_STREQ(co["related"][0]["id"].GetString(), "doi:10.5555/jip.2015.3");  // with it in 901 and 903
  EXPECT_EQ(co["related"][0]["shared"].GetUint(), 2u);
  auto cp = Json(Lode("couple wos:000000000000901 --type paper --json" + Index()).out);
  EXPECT_STREQ(cp["related"][0]["id"].GetString(), "wos:000000000000903");
  EXPECT_EQ(cp["related"][0]["shared"].GetUint(), 2u);
  auto rk = Json(Lode("rank --type paper --by indegree --json" + Index()).out);
  EXPECT_STREQ(rk["nodes"][0]["id"].GetString(), "doi:10.5555/jip.2015.3");
  EXPECT_EQ(rk["nodes"][0]["score"].GetDouble(), 2.0);
  auto tl = Json(Lode("timeline --type paper --json" + Index()).out);
  EXPECT_EQ(tl["total"].GetUint(), 3u);
  // BibTeX / RIS / CSL-JSON of a query's documents.
  CliRun bib = Lode("export --format bibtex --query kind:paper" + Index());
  ASSERT_EQ(bib.code, 0) << bib.out;
  EXPECT_NE(bib.out.find("@article{fern2015counting,"), std::string::npos) << bib.out;
  EXPECT_NE(bib.out.find("doi = {10.5555/jip.2018.6}"), std::string::npos);
  CliRun ris = Lode("export --format ris --query kind:paper" + Index());
  EXPECT_NE(ris.out.find("TY  - JOUR"), std::string::npos);
  auto csl = Json(Lode("export --format csl-json --query kind:paper" + Index()).out);
  ASSERT_TRUE(csl.IsArray());
  EXPECT_GE(csl.Size(), 3u);
  // VOSviewer: two files.
  const std::string prefix = *dir_ + "/vos";
  ASSERT_EQ(Lode("export --format vosviewer --edge cites -o " + prefix + Index()).code, 0);
  EXPECT_EQ(ReadFile(prefix + "-map.txt").rfind("id\tlabel\t", 0), 0u);
  EXPECT_FALSE(ReadFile(prefix + "-network.txt").empty());
  EXPECT_EQ(Lode("export --format vosviewer" + Index()).code, 2) << "two files need a prefix";
}

}  // namespace

namespace {

// issue 9: trace order and totals, ids by their key, and timeline by
// administration, on tests/fixtures/timeline (made-up White House texts of
// four administrations, a Chinese law, a paper, a U.S. Code excerpt and a
// 1951 disposition-table order).
class TimelineCliTest : public lodestone::testing::IndexedSuite<TimelineCliTest> {
 public:
  static constexpr const char* kName = "lode-timeline-cli";
  static std::string Ingest(const std::string&) { return std::string(LODE_FIXTURES) + "/timeline/docs"; }
};

TEST_F(TimelineCliTest, TraceListsEachViaNewestFirst) {
  CliRun r = Lode("trace lithium --json" + Index());
  ASSERT_EQ(r.code, 0) << r.out;
  auto d = Json(r.out);
  ASSERT_GE(d["documents"].Size(), 10u);
  const std::map<std::string, int> rank = {{"direct", 0}, {"group", 1}, {"category", 2}};
  int via = 0;
  std::string prev = "9999-99-99";
  bool undated_seen = false;
  for (const auto& doc : d["documents"].GetArray()) {
    int v = rank.at(doc["via"].GetString());
    ASSERT_GE(v, via) << "direct, then group, then category";
    if (v != via) prev = "9999-99-99", undated_seen = false;
    via = v;
    const std::string date = doc["date"].GetString();
    if (date.empty()) {
      undated_seen = true;
      continue;
    }
    EXPECT_FALSE(undated_seen) << "undated last";
    EXPECT_LE(date, prev) << doc["id"].GetString() << ": newest first";
    prev = date;
  }
  EXPECT_STREQ(d["documents"][0]["date"].GetString(), "2026-01-14");
  EXPECT_STREQ(d["sort"].GetString(), "via");
}

TEST_F(TimelineCliTest, TraceLimitSaysHowManyThereAreInAll) {
  auto all = Json(Lode("trace lithium --json" + Index()).out);
  const uint64_t total = all["documents"].Size();
  ASSERT_GT(total, 3u);
  EXPECT_EQ(all["total"].GetUint64(), total);
  EXPECT_FALSE(all["truncated"].GetBool());
  CliRun j = Lode("trace lithium --limit 3 --json" + Index());
  ASSERT_EQ(j.code, 0) << j.out;
  auto d = Json(j.out);
  EXPECT_EQ(d["documents"].Size(), 3u);
  EXPECT_EQ(d["total"].GetUint64(), total);
  EXPECT_EQ(d["limit"].GetUint64(), 3u);
  EXPECT_TRUE(d["truncated"].GetBool());
  // The counts are of every match, not of the three shown.
  const auto& c = d["counts"];
  EXPECT_EQ(c["direct"].GetUint64() + c["group"].GetUint64() + c["category"].GetUint64(), total);
  CliRun t = Lode("trace lithium --limit 3" + Index());
  ASSERT_EQ(t.code, 0) << t.out;
  EXPECT_NE(t.out.find(std::to_string(total) + " documents (showing 3)"), std::string::npos) << t.out;
  EXPECT_EQ(t.out.find("\n3 documents"), std::string::npos) << t.out;
}

TEST_F(TimelineCliTest, AnIdsKeyAloneResolvesUnlessTwoIdsShareIt) {
  CliRun key = Lode("trace critical-minerals --limit 1 --json" + Index());
  ASSERT_EQ(key.code, 0) << key.out;
  EXPECT_STREQ(Json(key.out)["entity"]["id"].GetString(), "concept:critical-minerals");
  CliRun cited = Lode("cited-by 99302 --json" + Index());  // digits: an order, as before
  EXPECT_EQ(cited.code, 0) << cited.out;
  // 30/1602 is the key of usc:30/1602 and of cfr:30/1602: both are suggested.
  CliRun two = Lode("cited-by 30/1602" + Index());
  EXPECT_EQ(two.code, 1);
  EXPECT_NE(two.out.find("did you mean cfr:30/1602, usc:30/1602?"), std::string::npos) << two.out;
  EXPECT_EQ(Lode("cited-by usc:30/1602" + Index()).code, 0);
}

TEST_F(TimelineCliTest, TimelineByAdministrationInOrderWithEveryUsDocument) {
  CliRun r = Lode("timeline concept:critical-minerals --by president --json" + Index());
  ASSERT_EQ(r.code, 0) << r.out;
  auto d = Json(r.out);
  const auto& adm = d["administrations"];
  ASSERT_GE(adm.Size(), 4u);
  std::string prev_from;
  std::vector<std::string> trump_terms;
  uint64_t attributed = 0;
  for (const auto& a : adm.GetArray()) {
    const std::string from = a["from"].GetString();
    EXPECT_LT(prev_from, from) << "chronological";
    prev_from = from;
    EXPECT_STRNE(a["name"].GetString(), a["president"].GetString()) << "a name, not an id";
    if (std::string(a["president"].GetString()) == "person:donald-j-trump") trump_terms.push_back(from);
    attributed += a["documents"].GetUint64();
  }
  EXPECT_EQ(trump_terms, (std::vector<std::string>{"2017-01-20", "2025-01-20"})) << "two administrations";
  EXPECT_STREQ(adm[0]["president"].GetString(), "person:harry-s-truman");  // the 1951 order
  // Fact sheets, statements, memoranda and proclamations count for the
  // president in office on their date, not only orders.
  std::map<std::string, std::string> president_of_kind;
  for (const auto& doc : d["documents"].GetArray()) {
    const std::string president = doc["president"].GetString(), date = doc["date"].GetString();
    if (president == "person:joseph-r-biden") {
      EXPECT_GE(date, "2021-01-20") << doc["id"].GetString();
      EXPECT_LE(date, "2025-01-19") << doc["id"].GetString();
    }
    president_of_kind[std::string(doc["kind"].GetString()) + " " + date] = president;
  }
  EXPECT_EQ(president_of_kind["statement 2024-06-01"], "person:joseph-r-biden");
  EXPECT_EQ(president_of_kind["statement 2025-01-19"], "person:joseph-r-biden");
  EXPECT_EQ(president_of_kind["statement 2023-05-20"], "person:joseph-r-biden");  // the joint statement
  EXPECT_EQ(president_of_kind["presidential_memorandum 2016-08-01"], "person:barack-obama");
  EXPECT_EQ(president_of_kind["proclamation 2026-01-14"], "person:donald-j-trump");
  EXPECT_EQ(president_of_kind["executive_order 2021-01-20"], "person:joseph-r-biden");  // inauguration day
  // The Chinese law and the paper are counted apart, not under "none".
  EXPECT_EQ(d["by_jurisdiction"]["cn"].GetUint64(), 1u);
  EXPECT_EQ(d["by_jurisdiction"]["none"].GetUint64(), 1u);
  EXPECT_EQ(d["by_jurisdiction"]["intl"].GetUint64(), 1u);
  EXPECT_FALSE(d["by_president"].HasMember("none")) << r.out;
  EXPECT_EQ(d["by_president"]["undated"].GetUint64(), 1u);  // the U.S. Code excerpt
  EXPECT_EQ(attributed + 1 + 1 + 1, d["total"].GetUint64()) << "every document is counted once";
}

TEST_F(TimelineCliTest, TimelineTextNamesEveryPresidentInOrder) {
  CliRun r = Lode("timeline concept:critical-minerals -n 0" + Index());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.out.find("person:"), std::string::npos) << r.out;
  size_t truman = r.out.find("Harry S. Truman"), obama = r.out.find("Barack Obama"),
         trump1 = r.out.find("Donald J. Trump           2017-01-20"), biden = r.out.find("Joseph R. Biden"),
         trump2 = r.out.find("Donald J. Trump           2025-01-20");
  ASSERT_NE(truman, std::string::npos) << r.out;
  ASSERT_NE(trump2, std::string::npos) << r.out;
  EXPECT_TRUE(truman < obama && obama < trump1 && trump1 < biden && biden < trump2) << r.out;
  EXPECT_NE(r.out.find("China (jurisdiction cn)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("no jurisdiction (papers, other documents)"), std::string::npos) << r.out;
  // --by president lists each administration's documents under it.
  CliRun by = Lode("timeline concept:critical-minerals --by president" + Index());
  ASSERT_EQ(by.code, 0) << by.out;
  size_t b = by.out.find("Joseph R. Biden"), fact = by.out.find("2025-01-19  Statement from the President"),
         t2 = by.out.find("Donald J. Trump           2025-01-20");
  EXPECT_TRUE(b < fact && fact < t2) << by.out;
  EXPECT_EQ(Lode("timeline --by month" + Index()).code, 2);
}

}  // namespace
