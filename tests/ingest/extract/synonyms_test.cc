// Synonyms from the knowledge base, and the synonym table of an index built
// and updated by the pipeline (issue 9).
#include "lodestone/ingest/synonyms.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "lodestone/index/searcher.h"
#include "lodestone/ingest/pipeline.h"

namespace fs = std::filesystem;

namespace lodestone {
namespace {

// A knowledge base of two entities, as corpus/kb writes them.
const char kKb[] = R"({"type": "mineral", "source": "test", "entities": [
  {"id": "mineral:rare-earth-elements", "name": "rare earth elements",
   "aliases": ["rare earths", "rare earth", "heavy rare earths", "lanthanides"],
   "aliases_cs": ["REE", "REEs", "Ree"], "zh": ["稀土", "重稀土"], "is_a": []},
  {"id": "mineral:lithium", "name": "lithium", "aliases": ["lithium carbonate", "lithium-ion"],
   "aliases_cs": ["Li", "LIB"], "zh": ["锂"], "is_a": []}]})";

std::string Show(const SynonymTable& t) {
  std::string out;
  for (const auto& [key, terms] : t) {
    out += key + " ->";
    for (const auto& term : terms) out += " " + term;
    out += "\n";
  }
  return out;
}

TEST(SynonymsTest, EveryNameExpandsToTheEntityButNarrowerNamesAndWordsDoNot) {
  KnowledgeBase kb;
  ASSERT_TRUE(kb.AddJson(kKb, "test").ok());
  Analyzer analyzer;
  // The name stays though it contains an alias; "heavy rare earths" and
  // 重稀土 are narrower (they contain another name),
  // "lithium carbonate" and "lithium-ion" too; "Ree" is no acronym, "Li" is
  // too short: a query parser would see ordinary words.
  EXPECT_EQ(Show(SynonymsFromKnowledgeBase(kb, analyzer)),
            "lanthanides -> XEmineral:rare-earth-elements\n"
            "lib -> XEmineral:lithium\n"
            "lithium -> XEmineral:lithium\n"
            "rare earth -> XEmineral:rare-earth-elements\n"
            "rare earth elements -> XEmineral:rare-earth-elements\n"
            "rare earths -> XEmineral:rare-earth-elements\n"
            "ree -> XEmineral:rare-earth-elements\n"
            "rees -> XEmineral:rare-earth-elements\n"
            "稀土 -> XEmineral:rare-earth-elements\n"
            "锂 -> XEmineral:lithium\n");
}

TEST(SynonymsTest, BuiltinKnowledgeBaseGivesMineralNamesOnly) {
  auto kb = KnowledgeBase::Builtin();
  ASSERT_TRUE(kb.ok());
  Analyzer analyzer;
  SynonymTable t = SynonymsFromKnowledgeBase(*kb, analyzer);
  EXPECT_EQ(t["ree"], std::set<std::string>{"XEmineral:rare-earth-elements"});
  EXPECT_EQ(t["rare earths"], std::set<std::string>{"XEmineral:rare-earth-elements"});
  EXPECT_EQ(t["稀土"], std::set<std::string>{"XEmineral:rare-earth-elements"});
  EXPECT_EQ(t["pgm"], std::set<std::string>{"XEmineral:platinum-group-metals"});
  // Concepts, acts, countries and agencies expand to nothing (see synonyms.h).
  for (const char* name : {"critical minerals", "dpa", "prc", "china", "usgs", "lithium carbonate", "lithium ion"})
    EXPECT_EQ(t.count(name), 0u) << name;
}

class SynonymIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("lode-synonyms-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "docs");
    // Each names rare earth elements by one name only.
    Write("earths.md", "# Magnet supply\n\nThe plan secures rare earths for magnets.\n");
    Write("elements.md", "# Mineral list\n\nThe list names the rare earth elements and gallium.\n");
    Write("other.md", "# Parks\n\nThe order protects national parks.\n");
    opt_.paths = {(root_ / "docs").string()};
    opt_.index_dir = (root_ / "index").string();
  }
  void TearDown() override { fs::remove_all(root_); }

  void Write(const std::string& name, const std::string& text) { std::ofstream(root_ / "docs" / name) << text; }

  void Ingest() {
    auto s = lodestone::Ingest(opt_);
    ASSERT_TRUE(s.ok()) << s.status().message();
  }

  // The file names of the documents that `query` finds.
  std::vector<std::string> Files(const std::string& query, bool synonyms = true) {
    auto s = Searcher::Open(opt_.index_dir);
    EXPECT_TRUE(s.ok()) << s.status().message();
    if (!s.ok()) return {};
    Analyzer analyzer;
    SearchRequest r;
    r.query = analyzer.SegmentQuery(query);
    r.ranking.synonyms = synonyms;
    auto res = (*s)->Search(r);
    EXPECT_TRUE(res.ok()) << res.status().message();
    std::vector<std::string> out;
    if (res.ok())
      for (const auto& h : res->hits) out.push_back(fs::path(h.doc.sources.front().path).filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }

  fs::path root_;
  IngestOptions opt_;
};

using Names = std::vector<std::string>;

// A new index is built in shards that Xapian's compactor merges: the synonym
// table written into a shard must come through.
TEST_F(SynonymIndexTest, ReeAndChineseNameFindDocumentsThatUseAnotherName) {
  Ingest();
  EXPECT_EQ(Files("REE"), (Names{"earths.md", "elements.md"}));
  EXPECT_EQ(Files("稀土"), (Names{"earths.md", "elements.md"}));
  EXPECT_EQ(Files("rare earths magnets"), (Names{"earths.md"}));
  EXPECT_EQ(Files("rare earth elements"), (Names{"earths.md", "elements.md"}));
  // Synonyms only when asked: ~name.
  EXPECT_TRUE(Files("REE", false).empty());
  EXPECT_EQ(Files("~REE", false), (Names{"earths.md", "elements.md"}));
  EXPECT_EQ(Files("parks"), (Names{"other.md"}));
}

// An existing index is updated in place: the table follows the knowledge
// base of the latest run, even when no file changed.
TEST_F(SynonymIndexTest, IncrementalIngestRewritesTheTable) {
  Ingest();
  EXPECT_TRUE(Files("lanthanoid metals").empty());
  std::ofstream(root_ / "kb.json") << R"({"type": "mineral", "source": "test", "entities": [
    {"id": "mineral:rare-earth-elements", "name": "rare earth elements", "aliases": ["lanthanoid metals"],
     "is_a": []}]})";
  opt_.kb_files = {(root_ / "kb.json").string()};
  Ingest();
  EXPECT_EQ(Files("lanthanoid metals"), (Names{"earths.md", "elements.md"}));
  EXPECT_EQ(Files("REE"), (Names{"earths.md", "elements.md"}));
}

}  // namespace
}  // namespace lodestone
