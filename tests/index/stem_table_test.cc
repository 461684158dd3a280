// The stem table: words are indexed once, stems expanded at query time
// (issue 10).
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "index_fixture.h"
#include "lodestone/index/schema.h"

namespace lodestone {
namespace {

using testing::IndexTest;

class StemTableTest : public IndexTest {
 protected:
  std::string LiveDatabase() {
    for (const auto& e : std::filesystem::directory_iterator(dir_))
      if (e.path().filename().string().rfind("gen-", 0) == 0) return e.path().string();
    return {};
  }
  static bool Has(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }
};

// issue 10: no document holds a Z or ZS term, yet every English form of a
// word finds every other, in the text and in the title.
TEST_F(StemTableTest, FormsOfAWordFindEachOtherWithoutStemTerms) {
  PutAll({Make("doc:a", Kind::kOther, "Critical Minerals", "2020-01-01", "Surface mining permits are reviewed.",
               "/c/a.md"),
          Make("doc:b", Kind::kOther, "Heritage", "2020-01-02", "The mine was closed and the miners left.",
               "/c/b.md"),
          Make("doc:c", Kind::kOther, "Parades", "2020-01-03", "Music in every town.", "/c/c.md")});
  Xapian::Database db(LiveDatabase());
  for (auto t = db.allterms_begin("Z"); t != db.allterms_end("Z"); ++t) ADD_FAILURE() << "stem term " << *t;
  EXPECT_EQ(db.get_metadata(schema::kMetaSchema), std::to_string(schema::kSchemaVersion));

  auto mined = Ids("mined");  // not in any text: only its stem is shared
  EXPECT_TRUE(Has(mined, "doc:a"));
  EXPECT_TRUE(Has(mined, "doc:b"));
  EXPECT_FALSE(Has(mined, "doc:c"));
  EXPECT_EQ(Ids("permit"), std::vector<std::string>{"doc:a"});
  EXPECT_EQ(Ids("title:mineral"), std::vector<std::string>{"doc:a"});
  // The title is part of the text; English stems "mineral" and "miners" alike (miner).
  EXPECT_EQ(Ids("mineral"), (std::vector<std::string>{"doc:a", "doc:b"}));
  // Phrases, capitalised words and wildcards match words as written.
  EXPECT_EQ(Ids("\"surface mining\""), std::vector<std::string>{"doc:a"});
  EXPECT_TRUE(Ids("\"surface mine\"").empty());
  EXPECT_EQ(Ids("Miners"), std::vector<std::string>{"doc:b"});
  EXPECT_EQ(Ids("perm*"), std::vector<std::string>{"doc:a"});
  // Negation and OR keep their meaning over the expanded words.
  EXPECT_EQ(Ids("mine -permits"), std::vector<std::string>{"doc:b"});
  auto either = Ids("permitting OR music");
  EXPECT_TRUE(Has(either, "doc:a"));
  EXPECT_TRUE(Has(either, "doc:c"));
}

// issue 10: with automatic synonyms the query parser itself looks up the
// "Z" + stem key of each word; the words must still count once each (the
// same weights as without synonyms, when no entity synonym applies).
TEST_F(StemTableTest, AutomaticSynonymsDoNotCountAWordTwice) {
  PutAll({Make("doc:a", Kind::kOther, "One", "2020-01-01", "Mining and mines and the mine.", "/c/a.md"),
          Make("doc:b", Kind::kOther, "Two", "2020-01-02", "Music in every town.", "/c/b.md"),
          Make("doc:c", Kind::kOther, "Three", "2020-01-03", "Parades in every town.", "/c/c.md")});
  for (const std::string q : {"mines", "~mines", "mining mine"}) {
    SearchRequest plain, auto_syn;
    plain.query = auto_syn.query = q;
    plain.ranking.synonyms = false;
    auto_syn.ranking.synonyms = true;
    auto a = Run(plain), b = Run(auto_syn);
    ASSERT_FALSE(a.hits.empty()) << q;
    ASSERT_EQ(a.hits.size(), b.hits.size()) << q;
    EXPECT_EQ(a.hits[0].doc.id, "doc:a") << q;
    EXPECT_DOUBLE_EQ(a.hits[0].score, b.hits[0].score) << q;
  }
}

// issue 10: an update adds the forms of the words it brings, and replacing
// the (entity) synonyms leaves the stem table alone.
TEST_F(StemTableTest, UpdatesExtendTheTableAndSynonymsDoNotClearIt) {
  PutAll({Make("doc:a", Kind::kOther, "One", "2020-01-01", "Stockpiles of cobalt.", "/c/a.md")});
  {
    auto w = IndexWriter::Open(dir_);
    ASSERT_TRUE(w.ok()) << w.status().message();
    auto b = Make("doc:b", Kind::kOther, "Two", "2020-01-02", "Stockpiling rules.", "/c/b.md");
    ASSERT_TRUE((*w)->PutBundle(b.doc.sources, {b}).ok());
    ASSERT_TRUE((*w)->ReplaceSynonyms({{"cobalt", {"XEmineral:cobalt"}}}).ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }
  auto ids = Ids("stockpile");
  EXPECT_TRUE(Has(ids, "doc:a"));
  EXPECT_TRUE(Has(ids, "doc:b"));
}

// issue 10: a new index is built in shards; the compactor merges their stem
// tables, so forms first seen in different shards find each other.
TEST_F(StemTableTest, ShardsMergeTheirStemTables) {
  auto work = MakeWorkDir(dir_);
  ASSERT_TRUE(work.ok()) << work.status().message();
  std::vector<std::string> paths;
  const std::vector<AnalyzedDocument> docs = {
      Make("doc:a", Kind::kOther, "One", "2020-01-01", "Regulated exports.", "/c/a.md"),
      Make("doc:b", Kind::kOther, "Two", "2020-01-02", "Regulating imports.", "/c/b.md")};
  for (size_t i = 0; i < docs.size(); ++i) {
    auto s = ShardBuilder::Create(*work + "/shard-" + std::to_string(i));
    ASSERT_TRUE(s.ok()) << s.status().message();
    ASSERT_TRUE((*s)->PutBundle(docs[i].doc.sources, {docs[i]}).ok());
    ASSERT_TRUE((*s)->Commit().ok());
    paths.push_back((*s)->path());
  }
  ASSERT_TRUE(PublishShards(dir_, paths).ok());
  for (const std::string q : {"regulation", "regulated", "regulating"}) {
    auto ids = Ids(q);
    EXPECT_TRUE(Has(ids, "doc:a")) << q;
    EXPECT_TRUE(Has(ids, "doc:b")) << q;
  }
}

// issue 10: an index of the old layout (a Z term per word) is refused with
// the way out, for searching and for updating alike.
TEST_F(StemTableTest, AnIndexOfAnOlderSchemaAsksForARebuild) {
  PutAll({Make("doc:a", Kind::kOther, "One", "2020-01-01", "Text.", "/c/a.md")});
  {
    Xapian::WritableDatabase db(LiveDatabase(), Xapian::DB_OPEN);
    db.set_metadata(schema::kMetaSchema, "1");
    db.commit();
  }
  auto s = Searcher::Open(dir_);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kUnsupported);
  EXPECT_NE(s.status().message().find("schema 1"), std::string::npos) << s.status().message();
  EXPECT_NE(s.status().message().find("--rebuild"), std::string::npos) << s.status().message();
  auto w = IndexWriter::Open(dir_);
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.status().message().find("--rebuild"), std::string::npos) << w.status().message();
}

}  // namespace
}  // namespace lodestone
