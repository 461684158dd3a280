// End-to-end (issue 15): lode network, lode bursts and lode export --format
// wos on an index of tests/fixtures/biblio (nine invented Web of Science
// records and three Chinese RIS records, two papers a year 2015-2020; see
// its README). Every expected number below is worked out by hand from the
// fixture.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <string>

#include "cli_util.h"

namespace fs = std::filesystem;

namespace {

using lodestone::testing::CliRun;
using lodestone::testing::Json;
using lodestone::testing::ReadFile;

CliRun Lode(const std::string& args) { return lodestone::testing::RunLode(args, false); }
CliRun LodeAll(const std::string& args) { return lodestone::testing::RunLode(args, true); }

class BibliometricsCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string((fs::temp_directory_path() / ("lode-biblio-cli-" + std::to_string(::getpid()))).string());
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    CliRun r = LodeAll("ingest " + std::string(LODE_FIXTURES) + "/biblio -q" + Index());
    ASSERT_EQ(r.code, 0) << r.out;
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  static std::string Index() { return " --index " + *dir_ + "/index"; }
  static std::string* dir_;
};
std::string* BibliometricsCliTest::dir_ = nullptr;

struct Net {
  std::map<std::string, const rapidjson::Value*> nodes;  // by id
  std::map<std::string, double> links;                   // "a|b" (ids sorted) -> weight
};

Net ByIds(const rapidjson::Document& d) {
  Net n;
  for (const auto& v : d["nodes"].GetArray()) n.nodes[v["id"].GetString()] = &v;
  for (const auto& l : d["links"].GetArray()) {
    std::string a = l["source"].GetString(), b = l["target"].GetString();
    if (b < a) std::swap(a, b);
    n.links[a + "|" + b] = l["weight"].GetDouble();
  }
  return n;
}

double Weight(const Net& n, std::string a, std::string b) {
  if (b < a) std::swap(a, b);
  auto it = n.links.find(a + "|" + b);
  return it == n.links.end() ? 0 : it->second;
}

TEST_F(BibliometricsCliTest, CoauthorshipWithChineseNamesAsWritten) {
  CliRun r = Lode("network coauthors --min 1 --json" + Index());
  ASSERT_EQ(r.code, 0) << r.out;
  auto d = Json(r.out);
  EXPECT_STREQ(d["type"].GetString(), "authors");
  EXPECT_STREQ(d["counting"].GetString(), "full");
  EXPECT_EQ(d["threshold"].GetUint(), 1u);
  EXPECT_EQ(d["papers"].GetUint(), 12u);
  EXPECT_STREQ(d["cluster_method"].GetString(), "vos");
  EXPECT_TRUE(d["modularity"].IsNumber());
  EXPECT_DOUBLE_EQ(d["resolution"].GetDouble(), 1.0);
  Net n = ByIds(d);
  ASSERT_EQ(n.nodes.size(), 10u) << r.out;
  ASSERT_EQ(n.links.size(), 8u) << r.out;
  EXPECT_EQ(Weight(n, "quill, rosalind", "marsh, anselm"), 3);
  EXPECT_EQ(Weight(n, "quill, rosalind", "heron, sasha"), 1);
  EXPECT_EQ(Weight(n, "王小明", "李华"), 2);  // never split into surname and given name
  EXPECT_EQ(Weight(n, "王小明", "张伟"), 1);
  const auto& quill = *n.nodes.at("quill, rosalind");
  EXPECT_STREQ(quill["label"].GetString(), "Quill, Rosalind");
  EXPECT_EQ(quill["occurrences"].GetUint(), 4u);
  EXPECT_DOUBLE_EQ(quill["total_link_strength"].GetDouble(), 4);
  EXPECT_DOUBLE_EQ(quill["avg_year"].GetDouble(), (2015 + 2015 + 2016 + 2019) / 4.0);
  // The three Chinese authors are one component, apart from everyone else.
  const unsigned zh = n.nodes.at("王小明")->operator[]("cluster").GetUint();
  EXPECT_EQ(n.nodes.at("李华")->operator[]("cluster").GetUint(), zh);
  EXPECT_EQ(n.nodes.at("张伟")->operator[]("cluster").GetUint(), zh);
  EXPECT_NE(quill["cluster"].GetUint(), zh);
  EXPECT_NE(n.nodes.at("finch, cora")->operator[]("cluster").GetUint(), zh);

  // Short names (WoS AU) and VOSviewer's default threshold of 5 papers.
  auto s = Json(Lode("network coauthors --min 1 --short-names --json" + Index()).out);
  EXPECT_STREQ(s["names"].GetString(), "short");
  EXPECT_EQ(Weight(ByIds(s), "quill, r", "marsh, a"), 3);
  auto five = Json(Lode("network coauthors --json" + Index()).out);
  EXPECT_EQ(five["threshold"].GetUint(), 5u);
  EXPECT_EQ(five["nodes"].Size(), 0u);  // nobody has five papers
}

TEST_F(BibliometricsCliTest, KeywordsAreFoldedAndThresholded) {
  CliRun r = Lode("network keywords --min 2 --json" + Index());
  ASSERT_EQ(r.code, 0) << r.out;
  auto d = Json(r.out);
  EXPECT_STREQ(d["keywords"].GetString(), "all");
  Net n = ByIds(d);
  // Capture-Recapture, "capture-recapture;;" and the full-width spelling are one keyword.
  ASSERT_TRUE(n.nodes.count("capture-recapture")) << r.out;
  EXPECT_EQ(n.nodes.at("capture-recapture")->operator[]("occurrences").GetUint(), 3u);
  EXPECT_EQ(n.nodes.at("rare earth")->operator[]("occurrences").GetUint(), 4u);  // "Rare Earth", "rare earth;"
  EXPECT_EQ(n.nodes.at("稀土")->operator[]("occurrences").GetUint(), 2u);      // "稀土；"
  EXPECT_EQ(n.nodes.size(), 9u) << r.out;  // population-size and 空间标记重捕 occur once
  EXPECT_EQ(Weight(n, "稀土", "rare earth"), 2);
  EXPECT_EQ(Weight(n, "稀土", "种群估计"), 2);
  auto author = Json(Lode("network keywords --min 1 --keywords index --json" + Index()).out);
  EXPECT_EQ(author["nodes"].Size(), 1u);  // the one ID keyword, POPULATION-SIZE
}

TEST_F(BibliometricsCliTest, CountriesAndOrganizationsFromAddresses) {
  auto d = Json(Lode("network countries --min 1 --json" + Index()).out);
  Net n = ByIds(d);
  ASSERT_EQ(n.nodes.size(), 5u);
  EXPECT_EQ(n.nodes.at("usa")->operator[]("occurrences").GetUint(), 5u);  // "MA 02139 USA"
  EXPECT_EQ(n.nodes.at("中国")->operator[]("occurrences").GetUint(), 3u);  // twice in one paper counts once
  EXPECT_EQ(Weight(n, "usa", "england"), 1);
  EXPECT_EQ(Weight(n, "canada", "france"), 1);
  EXPECT_EQ(n.links.size(), 2u);
  auto o = Json(Lode("network organizations --min 2 --json" + Index()).out);
  Net orgs = ByIds(o);
  EXPECT_EQ(orgs.nodes.at("univ fict")->operator[]("occurrences").GetUint(), 5u);
  EXPECT_EQ(orgs.nodes.at("虚构大学生命科学学院, 武汉")->operator[]("occurrences").GetUint(), 2u);
}

TEST_F(BibliometricsCliTest, TextOutputAndFilesForVosviewerGephi) {
  const std::string prefix = *dir_ + "/kw";
  CliRun r = Lode("network keywords --min 2 -o " + prefix + Index());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("Keyword co-occurrence network of 12 papers"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("full counting; threshold 2 papers per keyword"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("modularity"), std::string::npos);
  EXPECT_NE(r.out.find("wrote " + prefix + "-map.txt " + prefix + "-network.txt"), std::string::npos) << r.out;
  std::string map = ReadFile(prefix + "-map.txt");
  EXPECT_EQ(map.rfind("id\tlabel\tdescription\turl\tcluster\tweight<Links>\tweight<Total link strength>\t"
                      "weight<Occurrences>\tscore<Avg. pub. year>\n",
                      0),
            0u)
      << map;
  EXPECT_NE(map.find("\t稀土\t"), std::string::npos);
  EXPECT_FALSE(ReadFile(prefix + "-network.txt").empty());
  ASSERT_EQ(Lode("network coauthors --min 1 --format gexf -o " + prefix + ".gexf" + Index()).code, 0);
  EXPECT_NE(ReadFile(prefix + ".gexf").find("http://www.gexf.net/1.2draft"), std::string::npos);
  ASSERT_EQ(Lode("network coauthors --min 1 --format graphml -o " + prefix + ".graphml" + Index()).code, 0);
  EXPECT_NE(ReadFile(prefix + ".graphml").find("edgedefault=\"undirected\""), std::string::npos);
  // Clear errors for bad usage.
  EXPECT_EQ(Lode("network citations" + Index()).code, 2);
  EXPECT_EQ(Lode("network keywords --cluster kmeans" + Index()).code, 2);
  EXPECT_EQ(Lode("network keywords --format gexf" + Index()).code, 2) << "a file is needed";
  EXPECT_EQ(Lode("network keywords --resolution 0" + Index()).code, 2);
  CliRun none = LodeAll("network keywords --index " + *dir_ + "/nothing-here");
  EXPECT_EQ(none.code, 1);
}

TEST_F(BibliometricsCliTest, BurstsOfKeywordsAndCitedWorks) {
  // "rare earth": both papers of 2017 and of 2018, none otherwise. p0 = 4/12,
  // p1 = 2 p0; each burst year saves 2 ln 2; entering costs ln 6 < 4 ln 2.
  CliRun r = Lode("bursts --type keyword --min 2 --json" + Index());
  ASSERT_EQ(r.code, 0) << r.out;
  auto d = Json(r.out);
  EXPECT_EQ(d["first_year"].GetUint(), 2015u);
  EXPECT_EQ(d["last_year"].GetUint(), 2020u);
  EXPECT_EQ(d["papers"].GetUint(), 12u);
  EXPECT_EQ(d["papers_per_year"]["2017"].GetUint(), 2u);
  const rapidjson::Value* rare = nullptr;
  for (const auto& t : d["terms"].GetArray())
    if (std::string(t["id"].GetString()) == "rare earth") rare = &t;
  ASSERT_NE(rare, nullptr) << r.out;
  EXPECT_EQ((*rare)["start"].GetUint(), 2017u);
  EXPECT_EQ((*rare)["end"].GetUint(), 2018u);
  EXPECT_NEAR((*rare)["strength"].GetDouble(), 4 * std::log(2.0), 1e-9);
  EXPECT_EQ((*rare)["occurrences"].GetUint(), 4u);
  // 稀土 is in one paper of two in 2017 and 2018: it saves 2 (ln 2 + ln 0.8) < ln 6, no burst.
  for (const auto& t : d["terms"].GetArray()) EXPECT_STRNE(t["id"].GetString(), "稀土");

  // Royle 2014, cited by both 2019 papers and the one 2020 paper with references:
  // p0 = 3/9 (papers with references), savings 2 ln 2 + ln 2 > ln 6.
  CliRun c = Lode("bursts --type cited --min 3 --json" + Index());
  ASSERT_EQ(c.code, 0) << c.out;
  auto cd = Json(c.out);
  EXPECT_EQ(cd["papers"].GetUint(), 9u);
  ASSERT_GE(cd["terms"].Size(), 1u) << c.out;
  const auto& royle = cd["terms"][0];
  EXPECT_NE(std::string(royle["label"].GetString()).find("Royle"), std::string::npos) << c.out;
  EXPECT_EQ(royle["start"].GetUint(), 2019u);
  EXPECT_EQ(royle["end"].GetUint(), 2020u);
  EXPECT_NEAR(royle["strength"].GetDouble(), 3 * std::log(2.0), 1e-9);

  CliRun text = Lode("bursts --type keywords --min 2" + Index());
  EXPECT_NE(text.out.find("rare earth"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("2017  2018  ──██──"), std::string::npos) << text.out;  // one column a year
  EXPECT_EQ(Lode("bursts --type nonsense" + Index()).code, 2);
  EXPECT_EQ(Lode("bursts --s 0.5" + Index()).code, 2);
}

// The Web of Science file lode writes is read back by lode's own reader into
// an index that gives the same networks: titles, names, keywords, addresses
// and references survive, Chinese records included.
TEST_F(BibliometricsCliTest, WosExportRoundTripsThroughIngest) {
  const std::string file = *dir_ + "/export/download_1.txt";
  fs::create_directories(*dir_ + "/export");
  CliRun w = Lode("export --format wos -o " + file + Index());
  ASSERT_EQ(w.code, 0) << w.out;
  EXPECT_NE(w.out.find("wrote 12 records as wos"), std::string::npos) << w.out;
  const std::string text = ReadFile(file);
  EXPECT_NE(text.find("AU 王小明\n   李华\n   张伟\n"), std::string::npos);
  EXPECT_NE(text.find("DE 稀土; rare earth; 种群估计\n"), std::string::npos) << text;
  CliRun in = LodeAll("ingest " + *dir_ + "/export -q --index " + *dir_ + "/again");
  ASSERT_EQ(in.code, 0) << in.out;
  // (Organizations are not compared: a C1 line has no organization field, and
  // the RIS records' "organization" is their address without the country,
  // while Web of Science's, CiteSpace's and VOSviewer's is the first part.)
  for (const char* type : {"coauthors", "keywords", "countries"}) {
    auto a = Json(Lode(std::string("network ") + type + " --min 1 --json" + Index()).out);
    auto b = Json(Lode(std::string("network ") + type + " --min 1 --json --index " + *dir_ + "/again").out);
    Net na = ByIds(a), nb = ByIds(b);
    EXPECT_EQ(na.links, nb.links) << type;
    ASSERT_EQ(na.nodes.size(), nb.nodes.size()) << type;
    for (const auto& [id, v] : na.nodes) {
      ASSERT_TRUE(nb.nodes.count(id)) << type << " " << id;
      EXPECT_EQ((*v)["occurrences"].GetUint(), (*nb.nodes.at(id))["occurrences"].GetUint()) << id;
      EXPECT_EQ((*v)["cluster"].GetUint(), (*nb.nodes.at(id))["cluster"].GetUint()) << id;
    }
  }
  auto ba = Json(Lode("bursts --type cited --min 3 --json" + Index()).out);
  auto bb = Json(Lode("bursts --type cited --min 3 --json --index " + *dir_ + "/again").out);
  ASSERT_EQ(ba["terms"].Size(), bb["terms"].Size());
  EXPECT_DOUBLE_EQ(ba["terms"][0]["strength"].GetDouble(), bb["terms"][0]["strength"].GetDouble());
  // A selection: the Chinese papers only.
  CliRun zh = Lode("export --format wos --query 'lang:zh'" + Index());
  ASSERT_EQ(zh.code, 0);
  size_t records = 0;
  for (size_t p = zh.out.find("\nPT J\n"); p != std::string::npos; p = zh.out.find("\nPT J\n", p + 1)) ++records;
  EXPECT_EQ(records, 3u) << zh.out;
}

}  // namespace
