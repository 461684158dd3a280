// The dossier (issue 16): the engine on a tiny index of tests/fixtures/graph
// and tests/fixtures/dossier (see its README.txt), checked against Trace and
// CitedBy on the same session; the renderers on results written here.
#include "lodestone/query/dossier.h"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "cli_util.h"
#include "lodestone/query/engine.h"
#include "lodestone/query/graph_render.h"

namespace fs = std::filesystem;

namespace {

using lodestone::testing::CliRun;
using lodestone::testing::Json;
using lodestone::testing::ReadFile;
using namespace lodestone;
using namespace lodestone::query;

const char* kFirst = "cnlaw:想象镓出口管理办法@2023-07-03";
const char* kSecond = "cnlaw:想象镓出口管理办法@2024-05-01";

class DossierTest : public lodestone::testing::IndexedSuite<DossierTest> {
 public:
  static constexpr const char* kName = "lode-dossier";
  static std::string Ingest(const std::string&) {
    return std::string(LODE_FIXTURES) + "/graph/docs " + LODE_FIXTURES + "/dossier/docs";
  }

 protected:
  std::shared_ptr<Session> Open() {
    SessionOptions o;
    o.index_dir = *dir_ + "/index";
    return Session::Open(o);
  }
  DossierResult Build(const std::string& subject, const std::string& from = "", const std::string& to = "") {
    DossierRequest req;
    req.subject = subject;
    req.from = from;
    req.to = to;
    auto r = Dossier(*Open(), req);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : DossierResult{};
  }
};

std::vector<const DossierMeasure*> All(const DossierResult& r) {
  std::vector<const DossierMeasure*> out;
  for (const auto& a : r.us)
    for (const auto& m : a.measures) out.push_back(&m);
  for (const auto& m : r.us_unattributed) out.push_back(&m);
  for (const auto& m : r.china) out.push_back(&m);
  return out;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

TEST_F(DossierTest, ListsExactlyTheTraceDocumentsArrangedBySide) {
  DossierResult r = Build("gallium");
  EXPECT_EQ(r.subject.id, "mineral:gallium");
  EXPECT_EQ(r.zh, std::vector<std::string>{"镓"});
  ASSERT_FALSE(r.lists.empty());
  EXPECT_EQ(r.lists.front().citation, "83 FR 23295");
  TraceRequest tr;
  tr.entity = "mineral:gallium";
  auto trace = Trace(*Open(), tr);
  ASSERT_TRUE(trace.ok());
  std::set<std::string> traced, listed;
  for (const auto& d : trace->documents) traced.insert(d.id);
  for (const auto* m : All(r)) listed.insert(m->doc.id);
  for (const auto& p : r.literature)
    if (p.via == "names") listed.insert(p.node.id);
  for (const auto& o : r.other) listed.insert(o.id);
  EXPECT_EQ(listed, traced);
  EXPECT_EQ(r.trace_total, trace->total);
  ASSERT_EQ(r.china.size(), 2u);
  EXPECT_EQ(r.china[0].doc.id, kFirst);
  EXPECT_EQ(r.china[0].versions, (std::vector<std::string>{kFirst, kSecond}));
}

TEST_F(DossierTest, PutsEachUsMeasureUnderTheAdministrationInOfficeOnItsDate) {
  DossierResult r = Build("rare earth elements");
  auto kb = KnowledgeBase::Builtin();
  ASSERT_TRUE(kb.ok());
  size_t seen = 0;
  for (const auto& a : r.us)
    for (const auto& m : a.measures) {
      const Administration* on = kb->AdministrationOn(m.doc.date);
      ASSERT_NE(on, nullptr) << m.doc.id;
      EXPECT_EQ(on->from, a.administration.from) << m.doc.id << " " << m.doc.date;
      ++seen;
    }
  EXPECT_EQ(seen, 3u);  // 99101 (2019), 99102 (2021, names neodymium: via member, issue 16), 99103 (the category, 2022)
  ASSERT_EQ(r.us.size(), 2u);
  EXPECT_EQ(r.us[0].administration.from, "2017-01-20");  // Trump's first term
  EXPECT_EQ(r.us[1].administration.from, "2021-01-20");
}

TEST_F(DossierTest, StatusIsTheOneOnTheEndDateAndAgreesWithCitedBy) {
  DossierResult all = Build("gallium");
  DossierResult before = Build("gallium", "", "2024-01-31");
  // Superseded on 2024-05-01: so for a dossier ending earlier it is in force.
  EXPECT_EQ(all.china[0].doc.status.state, "superseded");
  EXPECT_EQ(all.china[0].doc.status.superseded_by.at(0).id, kSecond);
  ASSERT_EQ(before.china.size(), 1u);  // the revision is after the end date
  EXPECT_EQ(before.china[0].doc.status.state, "in_force");
  CitationsRequest cr;
  cr.id = kFirst;
  auto cited = CitedBy(*Open(), cr);
  ASSERT_TRUE(cited.ok());
  std::set<std::string> superseding;
  for (const auto& e : cited->entries)
    if (std::find(e.relations.begin(), e.relations.end(), EdgeType::kSupersedes) != e.relations.end())
      superseding.insert(e.node.id);
  EXPECT_EQ(superseding, std::set<std::string>{kSecond});
}

TEST_F(DossierTest, PairsAMeasureWithTheOtherSidesWithinTwelveMonths) {
  DossierResult r = Build("gallium");
  ASSERT_EQ(r.sequences.size(), 1u);  // the 2024 revision is 15 months after EO 99104
  EXPECT_EQ(r.sequences[0].first, "eo:99104");
  EXPECT_EQ(r.sequences[0].second, kFirst);
  EXPECT_EQ(r.sequences[0].days, 152);
  // A range that leaves the order out leaves the pair out, and says so.
  DossierResult later = Build("gallium", "2023-03-01");
  EXPECT_TRUE(later.sequences.empty());
  EXPECT_GE(later.out_of_range, 1u);
}

TEST_F(DossierTest, LiteratureIsMostCitedFirstWithItsCoCitationCluster) {
  DossierResult r = Build("gallium");
  ASSERT_EQ(r.literature.size(), 2u);
  std::map<std::string, const DossierPaper*> by_id;
  for (const auto& p : r.literature) by_id[p.node.id] = &p;
  const auto& named = *by_id.at("doi:10.5555/jip.2023.1");
  const auto& citing = *by_id.at("doi:10.5555/jip.2023.9");
  EXPECT_EQ(named.via, "names");
  EXPECT_EQ(citing.via, "cites");
  EXPECT_EQ(citing.cites, std::vector<std::string>{"eo:99104"});
  EXPECT_EQ(named.cited_by, 1u);  // by record 913
  EXPECT_EQ(named.cluster, citing.cluster);
  EXPECT_NE(named.cluster, 0);
  EXPECT_EQ(r.clusters, 1);
}

TEST_F(DossierTest, SaysWhatTheIndexLacks) {
  DossierResult r = Build("gallium");
  bool gallium_announcement = false;
  for (const auto& g : r.gaps)
    if (g.date == "2023-07-03") {
      gallium_announcement = true;
      EXPECT_TRUE(g.found.empty());  // the fixture's rules name 镓 but not 锗 or 出口管制
    }
  EXPECT_TRUE(gallium_announcement);
  // Lithium has no Chinese measure here: the section says so.
  CliRun md = lodestone::testing::RunLode("dossier lithium" + Index(), true);
  ASSERT_EQ(md.code, 0) << md.out;
  const std::string china = md.out.substr(md.out.find("## 3. China"));
  EXPECT_EQ(china.find("None in this index."), std::string("## 3. China\n\n").size()) << china.substr(0, 200);
}

TEST_F(DossierTest, RefusesWhatIsNotAMineralOrABadRange) {
  for (const auto& [subject, from, to, what] : std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
           {"agency:interior-department", "", "", "is an agency"},
           {"gallium", "2024-13-01", "", "--from wants a date"},
           {"gallium", "2024-01-01", "2023-01-01", "is after --to"},
           {"", "", "", "empty"},
       }) {
    DossierRequest req;
    req.subject = subject, req.from = from, req.to = to;
    auto r = Dossier(*Open(), req);
    ASSERT_FALSE(r.ok()) << subject;
    EXPECT_NE(r.status().message().find(what), std::string::npos) << r.status().message();
  }
  DossierRequest typo;
  typo.subject = "galium";
  auto unknown = Dossier(*Open(), typo);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), Status::Code::kNotFound);
}

TEST_F(DossierTest, CliWritesEachFormatAndTheChartHasOnePointPerDatedMeasure) {
  const std::string out = *dir_ + "/ga.md";
  CliRun md = lodestone::testing::RunLode("dossier gallium -o " + out + Index(), true);
  ASSERT_EQ(md.code, 0) << md.out;
  const std::string text = ReadFile(out), svg = ReadFile(*dir_ + "/ga.svg");
  EXPECT_NE(text.find("![Timeline: U.S. measures above the axis, China's below](ga.svg)"), std::string::npos);
  for (const char* h : {"## 1. ", "## 2. ", "## 3. ", "## 4. ", "## 5. ", "## 6. "})
    EXPECT_EQ(Count(text, std::string("\n") + h), 1u) << h;
  DossierResult r = Build("gallium");
  size_t dated = 0;
  for (const auto* m : All(r)) dated += !m->doc.date.empty();
  EXPECT_EQ(Count(svg, "<circle class=\"measure\""), dated);
  EXPECT_EQ(Count(svg, "<line class=\"sequence\""), r.sequences.size());

  CliRun json = lodestone::testing::RunLode("dossier mineral:gallium --json" + Index(), false);
  ASSERT_EQ(json.code, 0);
  auto d = Json(json.out);
  EXPECT_STREQ(d["subject"]["id"].GetString(), "mineral:gallium");
  EXPECT_EQ(d["counts"]["measures"].GetUint64(), All(r).size());
  EXPECT_EQ(Count(d["chart_svg"].GetString(), "<circle class=\"measure\""), dated);
  EXPECT_STREQ(d["sequences"][0]["relation"].GetString(), "sequence");

  CliRun html = lodestone::testing::RunLode("dossier gallium --format html" + Index(), false);
  ASSERT_EQ(html.code, 0);
  EXPECT_EQ(Count(html.out, "<circle class=\"measure\""), dated);
  EXPECT_EQ(Count(html.out, "<section id="), 6u);

  // -o with --json: the file holds the dossier, standard output says what was written.
  CliRun written = lodestone::testing::RunLode("dossier gallium --json -o " + *dir_ + "/ga.json" + Index(), false);
  ASSERT_EQ(written.code, 0);
  auto summary = Json(written.out);
  EXPECT_EQ(summary["measures"].GetUint64(), All(r).size());
  EXPECT_STREQ(Json(ReadFile(*dir_ + "/ga.json"))["subject"]["id"].GetString(), "mineral:gallium");

  CliRun both = lodestone::testing::RunLode("dossier gallium --json --format html" + Index(), true);
  EXPECT_EQ(both.code, 2) << both.out;
}

// ---------------------------------------------------------------- renderers

DossierResult Handmade() {
  DossierResult r;
  r.subject = {"mineral:x", "mineral", "x <metal>", "", "", "", "", true};
  DossierMeasure m;
  m.doc.id = "eo:1";
  m.doc.title = "Order *one* | <script>alert(1)</script>";
  m.doc.kind = "executive_order";
  m.doc.date = "2021-05-05";
  m.doc.jurisdiction = "us";
  m.doc.via = "direct";
  m.doc.evidence = "It names x_y [here].";
  DossierAdministration a;
  a.administration = {"person:p", "P Q", "2021-01-20", "2025-01-20"};
  a.measures.push_back(m);
  r.us.push_back(a);
  DossierMeasure c = m;
  c.doc.id = "cn:2";
  c.doc.jurisdiction = "cn";
  c.doc.date = "";  // undated: listed, not drawn
  r.china.push_back(c);
  return r;
}

TEST_F(DossierTest, ChinasMeasuresListTheBodiesTaskedWithTheirSentence) {  // issue 16
  DossierResult r = Build("gallium");
  ASSERT_EQ(r.china.size(), 2u);
  const TraceDocument& d = r.china[0].doc;
  ASSERT_EQ(d.directs.size(), 1u);
  EXPECT_EQ(d.directs[0].id, "agency:cn-commerce-ministry");
  ASSERT_EQ(d.directs_evidence.size(), 1u);
  EXPECT_NE(d.directs_evidence[0].find("国务院商务主管部门负责镓出口的管理工作"), std::string::npos) << d.directs_evidence[0];
  ASSERT_EQ(d.directs_at.size(), 1u);
  ASSERT_NE(d.directs_at[0], kNoOffset);
  EXPECT_NE(d.evidence_at, kNoOffset);
  const std::string at = "#at-" + std::to_string(d.directs_at[0]);
  // Markdown and HTML quote it and link to it in the document; JSON carries both.
  const std::string md = DossierMarkdown(r);
  EXPECT_NE(md.find("tasks Ministry of Commerce"), std::string::npos);
  EXPECT_NE(md.find(at + "))"), std::string::npos) << "a link to the sentence";
  EXPECT_NE(DossierHtml(r).find("class=\"at\" href=\"/doc/" + d.id + at + "\""), std::string::npos);
  auto j = Json(DossierJson(r));
  const auto& directs = j["china"][0]["directs"][0];
  EXPECT_STREQ(directs["evidence"].GetString(), d.directs_evidence[0].c_str());
  EXPECT_EQ(directs["evidence_at"].GetUint(), d.directs_at[0]);
  EXPECT_EQ(j["china"][0]["evidence_at"].GetUint(), d.evidence_at);
}

TEST_F(DossierTest, AGroupListsTheDocumentsNamingItsMembers) {  // issue 16
  // 99102 names neodymium only: in the rare-earth dossier via member, as trace lists it.
  DossierResult r = Build("rare-earth-elements");
  const DossierMeasure* found = nullptr;
  for (const auto* m : All(r))
    if (m->doc.id == "eo:99102") found = m;
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->doc.via, "member");
  EXPECT_EQ(found->doc.via_entity, "mineral:neodymium");
  EXPECT_TRUE(found->names_subject);
  EXPECT_EQ(r.by_via["member"], 1u);
  TraceRequest tr;
  tr.entity = "mineral:rare-earth-elements";
  auto trace = Trace(*Open(), tr);
  ASSERT_TRUE(trace.ok());
  EXPECT_EQ(trace->member, 1u);
  EXPECT_EQ(Json(TraceJson(*trace))["counts"]["member"].GetUint(), 1u);
  // Not for a concept: its "members" are whole lists of minerals.
  tr.entity = "concept:critical-minerals";
  auto concept = Trace(*Open(), tr);
  ASSERT_TRUE(concept.ok());
  EXPECT_EQ(concept->member, 0u);
}

TEST(DossierRenderTest, EscapesWhatTheIndexHolds) {
  DossierResult r = Handmade();
  const std::string html = DossierHtml(r), md = DossierMarkdown(r), svg = DossierChartSvg(r);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(svg.find("<script>"), std::string::npos);
  EXPECT_NE(md.find("Order \\*one\\* \\| \\<script\\>"), std::string::npos) << md;
  EXPECT_NE(md.find("> It names x\\_y \\[here\\]."), std::string::npos) << md;
  EXPECT_NE(md.find("[eo:1](/doc/eo:1)"), std::string::npos);
  EXPECT_NE(md.find("[mineral:x](/entity/mineral:x)"), std::string::npos);
}

TEST(DossierRenderTest, ChartDrawsDatedMeasuresOnTheirSide) {
  DossierResult r = Handmade();
  const std::string svg = DossierChartSvg(r);
  EXPECT_EQ(Count(svg, "<circle class=\"measure\""), 1u);  // the undated Chinese one is not drawn
  std::smatch m;
  ASSERT_TRUE(std::regex_search(svg, m, std::regex("data-id=\"eo:1\" cx=\"[0-9.]+\" cy=\"([0-9.]+)\"")));
  std::smatch axis;
  ASSERT_TRUE(std::regex_search(svg, axis, std::regex("<line x1=\"40\" y1=\"([0-9.]+)\"")));
  EXPECT_LT(std::stod(m[1]), std::stod(axis[1]));  // the U.S. above the axis
  r.china[0].doc.date = "2022-01-01";
  const std::string both = DossierChartSvg(r);
  ASSERT_TRUE(std::regex_search(both, m, std::regex("data-id=\"cn:2\" cx=\"[0-9.]+\" cy=\"([0-9.]+)\"")));
  EXPECT_GT(std::stod(m[1]), std::stod(axis[1]));  // China below
}

TEST(DossierRenderTest, EmptySectionsSayNoneInThisIndex) {
  DossierResult r;
  r.subject = {"mineral:x", "mineral", "x", "", "", "", "", true};
  const std::string md = DossierMarkdown(r);
  EXPECT_EQ(Count(md, "None in this index."), 4u);  // U.S., China, sequences, literature
  EXPECT_EQ(Count(DossierHtml(r), "None in this index."), 4u);
  auto d = Json(DossierJson(r));
  EXPECT_TRUE(d["china"].GetArray().Empty());
}

}  // namespace
