// End-to-end (issue 15): Chinese papers and English ones cite the same U.S.
// order, and an English paper cites a PRC law, in an index of
// tests/fixtures/bridge (invented records; see its README). Expected ids are
// read off the fixture by hand.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <string>

#include "cli_util.h"

namespace fs = std::filesystem;

namespace {

using lodestone::testing::CliRun;
using lodestone::testing::Json;

class BridgeCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string((fs::temp_directory_path() / ("lode-bridge-cli-" + std::to_string(::getpid()))).string());
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    const std::string fx = std::string(LODE_FIXTURES) + "/bridge/";
    std::string files;
    for (const char* f : {"cnki-us-supply-chains.txt", "english-paper.ris", "eo-14017.txt", "export-control-law.md"})
      files += " " + fx + f;
    CliRun r = lodestone::testing::RunLode("ingest" + files + " -q" + Index(), true);
    ASSERT_EQ(r.code, 0) << r.out;
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  static std::string Index() { return " --index " + *dir_ + "/index"; }
  static std::set<std::string> CitedBy(const std::string& id) {
    CliRun r = lodestone::testing::RunLode("cited-by '" + id + "' --json" + Index(), false);
    EXPECT_EQ(r.code, 0) << r.out;
    rapidjson::Document d = Json(r.out);
    std::set<std::string> out;
    if (d.IsObject() && d.HasMember("cited_by"))
      for (const auto& v : d["cited_by"].GetArray()) out.insert(v["id"].GetString());
    return out;
  }
  static std::string* dir_;
};
std::string* BridgeCliTest::dir_ = nullptr;

TEST_F(BridgeCliTest, CitedByListsChinesePapersBesideEnglishOnes) {
  EXPECT_EQ(CitedBy("eo:14017"),
            (std::set<std::string>{"cnki:GJJP202203004", "cnki:ZRZY202109002", "doi:10.9999/bridge.2023.1"}));
  EXPECT_EQ(CitedBy("eo:13817"), (std::set<std::string>{"cnki:ZRZY202109002"}));  // by its translated title
  EXPECT_EQ(CitedBy("pl:117-169"), (std::set<std::string>{"cnki:GJJP202203004"}));  // 《通胀削减法案》
  EXPECT_EQ(CitedBy("act:inflation-reduction-act-of-2022"), (std::set<std::string>{"cnki:GJJP202203004"}));
}

TEST_F(BridgeCliTest, EnglishTextCitesThePrcLawDocument) {
  EXPECT_EQ(CitedBy("cnlaw:中华人民共和国出口管制法@2020-10-17"), (std::set<std::string>{"doi:10.9999/bridge.2023.1"}));
  // The law is a document of the index, not an external node.
  CliRun r = lodestone::testing::RunLode("show 'cnlaw:中华人民共和国出口管制法@2020-10-17' --json" + Index(), false);
  EXPECT_EQ(r.code, 0) << r.out;
}

TEST_F(BridgeCliTest, ChinesePaperKeepsKeywordsOrganisationsAndFundersAsEntities) {
  CliRun r = lodestone::testing::RunLode("show cnki:ZRZY202109002 --json" + Index(), false);
  ASSERT_EQ(r.code, 0) << r.out;
  rapidjson::Document d = Json(r.out);
  ASSERT_TRUE(d.IsObject() && d.HasMember("entities"));
  std::set<std::string> ids;
  for (const auto& e : d["entities"].GetArray()) ids.insert(e["id"].GetString());
  for (const char* want : {"keyword:关键矿产", "keyword:稀土", "org:自然资源部信息中心", "fund:nsfc/71991480", "fund:nsfc/71991485"})
    EXPECT_TRUE(ids.count(want)) << want;
  EXPECT_EQ(d["authors"].Size(), 2u);
  EXPECT_STREQ(d["authors"][0].GetString(), "李华");
}

}  // namespace
