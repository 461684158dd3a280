// issue 13: `lode shard` and `lode ingest` into a sharded layout, through the
// real binary, checked by reading every shard with Xapian directly; and the
// shard rule itself on in-memory documents.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "lodestone/index/schema.h"
#include "query/cli_util.h"
#include "shard_layout.h"
#include "shard_rule.h"

namespace lodestone::internal {
namespace {

namespace fs = std::filesystem;

// ------------------------------------------------------------ the rule alone

Xapian::Document Doc(const std::string& id, const std::string& year, const std::string& data = "") {
  Xapian::Document d;
  d.add_value(schema::kSlotId, id);
  if (!year.empty()) d.add_value(schema::kSlotYearStr, year);
  d.set_data(data);
  return d;
}

TEST(ShardRuleTest, ParsesWhatHelpNamesAndRefusesTheRest) {
  EXPECT_EQ(ShardRule::Parse("count:3")->ToString(), "count:3");
  EXPECT_EQ(ShardRule::Parse("year")->ToString(), "year");
  EXPECT_EQ(ShardRule::Parse("source")->ToString(), "source");
  for (const char* bad : {"count:0", "count:", "count:1025", "count:-1", "count:3x", "years", "", "round-robin"})
    EXPECT_FALSE(ShardRule::Parse(bad).ok()) << bad;
  EXPECT_EQ(ShardRule::Parse("hash").status().message(),
            "bad shard rule 'hash' (expected year, source or count:N with N from 1 to 1024)");
}

TEST(ShardRuleTest, CountHashesTheIdWithFnv1a) {
  // Published FNV-1a 32-bit test vectors.
  EXPECT_EQ(Fnv1a32(""), 0x811c9dc5u);
  EXPECT_EQ(Fnv1a32("a"), 0xe40c292cu);
  EXPECT_EQ(Fnv1a32("foobar"), 0xbf9cf968u);
  ShardRule r = ShardRule::Parse("count:3").value();
  EXPECT_EQ(r.KeyOf(Doc("eo:14017", "2021")), std::to_string(Fnv1a32("eo:14017") % 3));
  // The year does not matter to count:N; the id does.
  EXPECT_EQ(r.KeyOf(Doc("eo:14017", "1999")), r.KeyOf(Doc("eo:14017", "2021")));
  std::set<std::string> keys;
  for (int i = 0; i < 60; ++i) keys.insert(r.KeyOf(Doc("eo:" + std::to_string(13000 + i), "")));
  EXPECT_EQ(keys, (std::set<std::string>{"0", "1", "2"}));
  EXPECT_EQ(r.InitialKeys({}), (std::vector<std::string>{"0", "1", "2"}));
}

TEST(ShardRuleTest, YearAndSourceKeys) {
  ShardRule y = ShardRule::Parse("year").value();
  EXPECT_EQ(y.KeyOf(Doc("eo:1", "2019")), "2019");
  EXPECT_EQ(y.KeyOf(Doc("eo:1", "")), "undated");
  EXPECT_EQ(y.InitialKeys({"2020", "undated", "1994", "2020"}), (std::vector<std::string>{"1994", "2020", "undated"}));

  ShardRule s = ShardRule::Parse("source").value();
  s.root = "/data/corpus";
  auto rec = [](const std::string& path) {
    return "{\"id\":\"eo:1\",\"sources\":[{\"path\":\"" + path + "\",\"format\":\"md\"}]}";
  };
  EXPECT_EQ(s.KeyOf(Doc("eo:1", "", rec("/data/corpus/cn-laws/a.md"))), "cn-laws");
  EXPECT_EQ(s.KeyOf(Doc("eo:1", "", rec("/data/corpus/cn-laws/sub/a.md"))), "cn-laws");
  EXPECT_EQ(s.KeyOf(Doc("eo:1", "", rec("/data/corpus/top.md"))), "other");
  EXPECT_EQ(s.KeyOf(Doc("eo:1", "", rec("/data/corpus2/x/a.md"))), "other");
  EXPECT_EQ(s.KeyOf(Doc("eo:1", "", "not json")), "other");
  EXPECT_EQ(CommonFolder({"/data/corpus/a/x.md", "/data/corpus/b/y.md"}), "/data/corpus");
  EXPECT_EQ(CommonFolder({"/data/corpus/a/x.md"}), "/data/corpus/a");
  EXPECT_EQ(CommonFolder({"/data/ab/x", "/data/ac/y"}), "/data");
  EXPECT_EQ(CommonFolder({"/a/x", "/b/y"}), "/");
}

// ------------------------------------------------------------ through lode

// `lode ARGS` with stdout and stderr together (cli_util.h).
lodestone::testing::CliRun Lode(const std::string& args) { return lodestone::testing::RunLode(args, true); }

// An order in Markdown with YAML front matter; its id (eo:N) comes from the
// heading, so changing the date keeps the id and changes the year.
void WriteOrder(const fs::path& dir, int number, const std::string& date, const std::string& extra = "") {
  fs::create_directories(dir);
  std::ofstream(dir / ("order-" + std::to_string(number) + ".md"))
      << "---\ndate: '" << date << "'\ntitle: \"Imaginary widgets order " << number << "\"\n---\n\n"
      << "Executive Order " << number << "\n\nSection 1. The widgets of lithium shall be counted. " << extra << "\n";
}

// What one shard holds: ids (Q terms) and the lode:* metadata.
struct ShardView {
  std::string key;
  std::vector<std::string> ids;
  std::string commit;
  std::string path;
};

std::vector<std::string> Ids(const Xapian::Database& db) {
  std::vector<std::string> ids;
  for (auto t = db.allterms_begin(schema::kPrefixId); t != db.allterms_end(schema::kPrefixId); ++t)
    for (Xapian::doccount i = 0; i < t.get_termfreq(); ++i) ids.push_back((*t).substr(1));
  return ids;
}

std::vector<ShardView> ReadLayout(const fs::path& out) {
  std::vector<ShardView> v;
  auto stub = ReadShardStub(out.string());
  EXPECT_TRUE(stub.ok()) << stub.status().message();
  if (!stub.ok()) return v;
  for (size_t i = 1; i < stub->lines.size(); ++i) {
    Xapian::Database db(stub->lines[i].path);  // a lode index folder: its XAPIANDB names gen-N
    v.push_back({db.get_metadata(kMetaShardKey), Ids(db), db.get_metadata(kMetaCommit), stub->lines[i].path});
  }
  return v;
}

class ShardCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("lode-shard-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    src_ = dir_ / "src";
    // Six orders over three years, and the team's mini fixtures (XML, HTML,
    // JSON, Chinese Markdown, papers).
    WriteOrder(src_ / "orders", 99201, "2018-02-01");
    WriteOrder(src_ / "orders", 99202, "2018-07-01");
    WriteOrder(src_ / "orders", 99203, "2019-03-01");
    WriteOrder(src_ / "orders", 99204, "2019-09-01");
    WriteOrder(src_ / "orders", 99205, "2020-01-15");
    WriteOrder(src_ / "orders", 99206, "2020-11-30");
    for (const char* sub : {"fr", "wh", "cn", "papers"})
      fs::copy(fs::path(LODE_FIXTURES) / "mini" / sub, src_ / sub, fs::copy_options::recursive);
    lodestone::testing::CliRun r = Lode("ingest " + src_.string() + " -q --index " + Index());
    ASSERT_EQ(r.code, 0) << r.out;
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Index() const { return (dir_ / "idx").string(); }
  std::string Out() const { return (dir_ / "out").string(); }

  std::multiset<std::string> SourceIds() {
    Xapian::Database db(Index());
    auto ids = Ids(db);
    return {ids.begin(), ids.end()};
  }

  // Every document in the shard its rule names, no id twice, and the union
  // equal to `want`.
  void ExpectLayoutHolds(const std::multiset<std::string>& want, const std::string& rule_text) {
    Xapian::Database meta((fs::path(Out()) / "meta").string());
    EXPECT_EQ(meta.get_doccount(), 0u);
    ShardRule rule = ShardRule::Parse(meta.get_metadata(kMetaShardRule)).value();
    EXPECT_EQ(rule.ToString(), rule_text);
    rule.root = meta.get_metadata(kMetaShardRoot);
    std::multiset<std::string> all;
    for (const ShardView& s : ReadLayout(Out())) {
      Xapian::Database db(s.path);
      for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        Xapian::Document d = db.get_document(*it);
        EXPECT_EQ(rule.KeyOf(d), s.key) << d.get_value(schema::kSlotId) << " in " << s.path;
      }
      all.insert(s.ids.begin(), s.ids.end());
    }
    EXPECT_EQ(all, want);
    std::set<std::string> unique(all.begin(), all.end());
    EXPECT_EQ(unique.size(), all.size()) << "an id in two shards";
  }

  fs::path dir_, src_;
};

TEST_F(ShardCliTest, CountSplitKeepsEveryDocumentOnceInItsShardAndEachShardSearches) {
  const auto want = SourceIds();
  ASSERT_GE(want.size(), 8u);
  lodestone::testing::CliRun r = Lode("shard --index " + Index() + " --by count:3 -o " + Out() + " --json");
  ASSERT_EQ(r.code, 0) << r.out;
  rapidjson::Document j;
  j.Parse(r.out.c_str());
  ASSERT_TRUE(j.IsObject()) << r.out;
  EXPECT_EQ(j["documents"].GetUint64(), want.size());
  ASSERT_EQ(j["shards"].Size(), 3u);
  uint64_t sum = 0;
  for (const auto& s : j["shards"].GetArray()) sum += s["documents"].GetUint64();
  EXPECT_EQ(sum, want.size());
  ExpectLayoutHolds(want, "count:3");

  // The stub: meta first, then the shards, as the layout contract says.
  auto stub = ReadShardStub(Out());
  ASSERT_TRUE(stub.ok());
  EXPECT_EQ(fs::path(stub->meta().path).filename(), "meta");
  EXPECT_EQ(stub->shard_rule, "count:3");
  // Xapian opens the stub as one database with every document.
  EXPECT_EQ(Xapian::Database(Out()).get_doccount(), want.size());

  // Meta holds the tables and the manifest; shards hold no manifest.
  Xapian::Database src(Index()), meta((fs::path(Out()) / "meta").string());
  std::map<std::string, Xapian::doccount> spell_src, spell_meta;
  for (auto w = src.spellings_begin(); w != src.spellings_end(); ++w) spell_src[*w] = w.get_termfreq();
  for (auto w = meta.spellings_begin(); w != meta.spellings_end(); ++w) spell_meta[*w] = w.get_termfreq();
  EXPECT_FALSE(spell_src.empty());
  EXPECT_EQ(spell_meta, spell_src);
  std::vector<std::string> syn_src(src.synonym_keys_begin(), src.synonym_keys_end());
  std::vector<std::string> syn_meta(meta.synonym_keys_begin(), meta.synonym_keys_end());
  EXPECT_FALSE(syn_src.empty());
  EXPECT_EQ(syn_meta, syn_src);
  for (auto k = src.metadata_keys_begin(); k != src.metadata_keys_end(); ++k)
    EXPECT_EQ(meta.get_metadata(*k), src.get_metadata(*k)) << *k;
  for (const ShardView& s : ReadLayout(Out())) {
    Xapian::Database db(s.path);
    EXPECT_EQ(db.metadata_keys_begin("src:"), db.metadata_keys_end("src:")) << s.path;
    EXPECT_EQ(s.commit, "1");
  }

  // Each shard is a normal lode index: search finds its widgets orders.
  size_t found = 0;
  for (int k = 0; k < 3; ++k) {
    lodestone::testing::CliRun s = Lode("search widgets --json --index " + Out() + "/shard-" + std::to_string(k));
    ASSERT_EQ(s.code, 0) << s.out;
    rapidjson::Document sj;
    sj.Parse(s.out.c_str());
    ASSERT_TRUE(sj.IsObject()) << s.out;
    found += sj["hits"].Size();
  }
  EXPECT_EQ(found, 6u);
}

TEST_F(ShardCliTest, RefusesANonEmptyOutputAndBadRules) {
  fs::create_directories(Out());
  std::ofstream(fs::path(Out()) / "keep.txt") << "mine";
  lodestone::testing::CliRun r = Lode("shard --index " + Index() + " --by year -o " + Out());
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("exists and is not empty"), std::string::npos) << r.out;
  EXPECT_TRUE(fs::exists(fs::path(Out()) / "keep.txt"));
  r = Lode("shard --index " + Index() + " --by count:0 -o " + (dir_ / "o2").string());
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("bad shard rule 'count:0'"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir_ / "o2"));
  // Nothing left behind beside OUT.
  for (const auto& e : fs::directory_iterator(dir_))
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
}

TEST_F(ShardCliTest, YearSplitThenIngestMovesAChangedYearReplacesInPlaceAndRerunChangesNothing) {
  const auto want = SourceIds();
  lodestone::testing::CliRun r = Lode("shard -q --index " + Index() + " --by year -o " + Out());
  ASSERT_EQ(r.code, 0) << r.out;
  ExpectLayoutHolds(want, "year");
  auto before = ReadLayout(Out());
  std::map<std::string, size_t> shard_of_key;
  for (size_t i = 0; i < before.size(); ++i) shard_of_key[before[i].key] = i;
  ASSERT_TRUE(shard_of_key.count("2018") && shard_of_key.count("2019") && shard_of_key.count("2020"));
  EXPECT_EQ(shard_of_key.count("2031"), 0u);

  // 99201 moves from 2018 to 2031 (a year no shard has: a new shard);
  // 99203 changes its text but stays in 2019; 99207 is new (2020).
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  WriteOrder(src_ / "orders", 99201, "2031-05-05");
  WriteOrder(src_ / "orders", 99203, "2019-03-01", "Also cobalt.");
  WriteOrder(src_ / "orders", 99207, "2020-06-06");
  r = Lode("ingest " + src_.string() + " --json --index " + Out());
  ASSERT_EQ(r.code, 0) << r.out;
  rapidjson::Document j;
  j.Parse(r.out.c_str());
  ASSERT_TRUE(j.IsObject()) << r.out;
  EXPECT_EQ(j["added"].GetUint64(), 1u);
  EXPECT_EQ(j["updated"].GetUint64(), 2u);
  EXPECT_EQ(j["removed"].GetUint64(), 0u);
  EXPECT_EQ(j["documents"].GetUint64(), want.size() + 1);

  auto want_after = want;
  want_after.insert("eo:99207");
  ExpectLayoutHolds(want_after, "year");
  auto after = ReadLayout(Out());
  ASSERT_EQ(after.size(), before.size() + 1);
  EXPECT_EQ(after.back().key, "2031");
  EXPECT_EQ(after.back().ids, std::vector<std::string>{"eo:99201"});
  auto stub = ReadShardStub(Out());
  ASSERT_TRUE(stub.ok());
  EXPECT_EQ(fs::path(stub->lines.back().path).filename(), "shard-" + std::to_string(before.size()));
  // 99203 replaced in place (same shard, new text).
  {
    Xapian::Database db(after[shard_of_key["2019"]].path);
    EXPECT_GT(db.get_termfreq("cobalt"), 0u);
  }
  // Shards that changed bumped lode:commit; the others did not.
  EXPECT_NE(after[shard_of_key["2018"]].commit, "1");
  EXPECT_NE(after[shard_of_key["2019"]].commit, "1");
  EXPECT_NE(after[shard_of_key["2020"]].commit, "1");
  // Every other shard (the mini fixtures' years, undated papers) kept its
  // commit, and there are such shards: the check cannot pass by having none.
  size_t untouched = 0;
  for (const auto& [key, i] : shard_of_key) {
    if (key == "2018" || key == "2019" || key == "2020") continue;
    EXPECT_EQ(after[i].commit, "1") << "shard " << key << " was rewritten by an ingest that did not touch it";
    ++untouched;
  }
  EXPECT_GT(untouched, 0u);
  // The manifest lives in meta and knows the new file.
  {
    Xapian::Database meta((fs::path(Out()) / "meta").string());
    bool listed = false;
    for (auto k = meta.metadata_keys_begin("src:"); k != meta.metadata_keys_end("src:"); ++k)
      listed = listed || meta.get_metadata(*k).find("order-99207.md") != std::string::npos;
    EXPECT_TRUE(listed);
  }

  // An unchanged re-run writes no shard.
  r = Lode("ingest " + src_.string() + " --json --index " + Out());
  ASSERT_EQ(r.code, 0) << r.out;
  j.Parse(r.out.c_str());
  ASSERT_TRUE(j.IsObject()) << r.out;
  EXPECT_EQ(j["added"].GetUint64(), 0u);
  EXPECT_EQ(j["updated"].GetUint64(), 0u);
  EXPECT_EQ(j["removed"].GetUint64(), 0u);
  EXPECT_EQ(j["documents"].GetUint64(), want.size() + 1);
  auto again = ReadLayout(Out());
  ASSERT_EQ(again.size(), after.size());
  for (size_t i = 0; i < again.size(); ++i) {
    EXPECT_EQ(again[i].commit, after[i].commit) << again[i].key;
    EXPECT_EQ(again[i].ids, after[i].ids) << again[i].key;
  }
}

TEST_F(ShardCliTest, CountLayoutKeepsAChangedDocumentInItsShardAndPruneRemoves) {
  lodestone::testing::CliRun r = Lode("shard -q --index " + Index() + " --by count:2 -o " + Out());
  ASSERT_EQ(r.code, 0) << r.out;
  const auto want = SourceIds();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  WriteOrder(src_ / "orders", 99204, "2025-01-01", "Also gallium.");  // new year, same id: same shard
  fs::remove(src_ / "orders" / "order-99205.md");
  r = Lode("ingest " + src_.string() + " --prune --json --index " + Out());
  ASSERT_EQ(r.code, 0) << r.out;
  rapidjson::Document j;
  j.Parse(r.out.c_str());
  ASSERT_TRUE(j.IsObject()) << r.out;
  EXPECT_EQ(j["updated"].GetUint64(), 1u);
  EXPECT_EQ(j["removed"].GetUint64(), 1u);
  auto want_after = want;
  want_after.erase("eo:99205");
  ExpectLayoutHolds(want_after, "count:2");
  EXPECT_EQ(ReadLayout(Out()).size(), 2u);  // count:N never adds a shard
}

TEST_F(ShardCliTest, IngestRefusesRemoteShardsAndRebuild) {
  lodestone::testing::CliRun r = Lode("shard -q --index " + Index() + " --by count:2 -o " + Out());
  ASSERT_EQ(r.code, 0) << r.out;
  r = Lode("ingest " + src_.string() + " --rebuild --index " + Out());
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.out.find("sharded layout: --rebuild is not supported"), std::string::npos) << r.out;
  auto stub = ReadShardStub(Out());
  ASSERT_TRUE(stub.ok());
  stub->lines[2].kind = ShardLine::Kind::kRemote;
  stub->lines[2].host = "127.0.0.1";
  stub->lines[2].port = 1;
  ASSERT_TRUE(WriteShardStub(Out(), *stub).ok());
  stub = ReadShardStub(Out());
  ASSERT_TRUE(stub.ok());
  r = Lode("ingest " + src_.string() + " --index " + Out());
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.out.find("XAPIANDB:" + std::to_string(stub->lines[2].line_number) + ": shard 127.0.0.1:1 is remote"),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace lodestone::internal
