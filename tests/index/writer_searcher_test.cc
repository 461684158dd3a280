// Writer and searcher together on a scratch index directory.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "index_fixture.h"

namespace fs = std::filesystem;

namespace lodestone {
namespace {

using testing::IndexTest;

TEST_F(IndexTest, SearchFiltersAndRanges) {
  PutAll({Make("eo:1", Kind::kExecutiveOrder, "Critical Minerals Strategy", "2017-12-20",
               "The Secretary of the Interior shall publish a list of critical minerals.", "/c/a.md"),
          Make("eo:2", Kind::kExecutiveOrder, "Stockpile", "2021-10-31", "Lithium and cobalt for the stockpile.",
               "/c/b.md"),
          Make("doc:3", Kind::kStatement, "Joint Statement", "2023-05-20", "Cooperation on critical mineral supply.",
               "/c/c.md")});
  EXPECT_EQ(Ids("minerals").size(), 2u);  // stem: mineral ~ minerals
  EXPECT_EQ(Ids("\"critical minerals\""), std::vector<std::string>{"eo:1"});
  EXPECT_EQ(Ids("critical kind:statement"), std::vector<std::string>{"doc:3"});
  EXPECT_EQ(Ids("year:2020..2024 critical"), std::vector<std::string>{"doc:3"});
  EXPECT_EQ(Ids("date:2017-01-01..2017-12-31"), std::vector<std::string>{"eo:1"});
  EXPECT_EQ(Ids("year:2021"), std::vector<std::string>{"eo:2"});
  EXPECT_EQ(Ids("title:stockpile"), std::vector<std::string>{"eo:2"});
  EXPECT_EQ(Ids("lithium OR interior").size(), 2u);
  EXPECT_EQ(Ids("critical NOT kind:statement"), std::vector<std::string>{"eo:1"});
  EXPECT_EQ(Ids("secretary NEAR/3 interior"), std::vector<std::string>{"eo:1"});
  EXPECT_EQ(Ids("cob*"), std::vector<std::string>{"eo:2"});
  // Filters apply to the whole query, not to the word next to them.
  EXPECT_EQ(Ids("lithium OR supply year:2022..2024"), std::vector<std::string>{"doc:3"});
  EXPECT_EQ(Ids("lithium OR supply date:2021"), std::vector<std::string>{"eo:2"});
  EXPECT_EQ(Ids("(lithium OR supply) kind:statement"), std::vector<std::string>{"doc:3"});
  EXPECT_EQ(Ids("critical kind:statement kind:executive_order").size(), 2u);  // one field: OR
  EXPECT_EQ(Ids("date:..2018-01-01"), std::vector<std::string>{"eo:1"});
  // Pure filter queries list newest first.
  EXPECT_EQ(Ids("kind:executive_order"), (std::vector<std::string>{"eo:2", "eo:1"}));
}

TEST_F(IndexTest, FacetsSuggestionsAndSyntaxErrors) {
  PutAll({Make("eo:1", Kind::kExecutiveOrder, "Lithium", "2017-01-01", "lithium lithium supply", "/c/a.md"),
          Make("eo:2", Kind::kExecutiveOrder, "Lithium batteries", "2018-01-01", "lithium batteries", "/c/b.md"),
          Make("doc:3", Kind::kNotice, "Notice", "2018-02-01", "lithium notice", "/c/c.md")});
  auto s = Searcher::Open(dir_);
  ASSERT_TRUE(s.ok());
  SearchRequest r;
  r.query = "lithium";
  r.facets = true;
  auto res = (*s)->Search(r);
  ASSERT_TRUE(res.ok());
  EXPECT_EQ(res->total, 3u);
  ASSERT_EQ(res->facets["kind"].size(), 2u);
  EXPECT_EQ(res->facets["kind"][0].value, "executive_order");
  EXPECT_EQ(res->facets["kind"][0].count, 2u);
  ASSERT_EQ(res->facets["year"].size(), 2u);
  EXPECT_EQ(res->facets["year"][1].value, "2018");
  EXPECT_EQ(res->facets["year"][1].count, 2u);

  r.query = "lithum";
  r.facets = false;
  res = (*s)->Search(r);
  ASSERT_TRUE(res.ok());
  EXPECT_EQ(res->total, 0u);
  EXPECT_EQ(res->suggestion, "lithium");

  r.query = "lithum kind:notice";
  res = (*s)->Search(r);
  ASSERT_TRUE(res.ok());
  EXPECT_EQ(res->suggestion, "lithium kind:notice");

  r.query = "lithium date:2020-13..2021";
  res = (*s)->Search(r);
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.status().code(), Status::Code::kInvalidArgument);

  r.query = "lithium AND (";
  res = (*s)->Search(r);
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(res.status().message().find("syntax"), std::string::npos);
}

// issue 16 (needed by issue 9's timeline): us, cn, intl or none, stored in
// the record and searchable as jurisdiction:.
TEST_F(IndexTest, JurisdictionIsStoredAndFilters) {
  auto docs = std::vector<AnalyzedDocument>{
      Make("eo:1", Kind::kExecutiveOrder, "Mineral Supply", "2021-02-24", "mineral supply chains", "/c/a.md"),
      Make("doc:2", Kind::kLaw, "出口管制法", "2020-10-17", "mineral supply export control", "/c/b.md"),
      Make("doc:3", Kind::kStatement, "Joint Statement", "2023-05-20", "mineral supply partners", "/c/c.md"),
      Make("doi:10.1/x", Kind::kPaper, "A Paper", "2022-01-01", "mineral supply study", "/c/d.md")};
  const char* jurisdiction[] = {"us", "cn", "intl", ""};
  for (size_t i = 0; i < docs.size(); ++i) docs[i].doc.jurisdiction = jurisdiction[i];
  PutAll(docs);
  EXPECT_EQ(Ids("jurisdiction:cn"), std::vector<std::string>{"doc:2"});
  EXPECT_EQ(Ids("supply jurisdiction:intl"), std::vector<std::string>{"doc:3"});
  EXPECT_EQ(Ids("supply jurisdiction:us jurisdiction:intl").size(), 2u);  // one field: OR
  EXPECT_EQ(Ids("supply NOT jurisdiction:us").size(), 3u);
  auto s = Searcher::Open(dir_);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)->Get("doc:2")->jurisdiction, "cn");
  EXPECT_EQ((*s)->Get("doi:10.1/x")->jurisdiction, "");
  // The facet counts the three jurisdictions; the paper has none.
  SearchRequest r;
  r.query = "supply";
  r.facets = true;
  auto res = (*s)->Search(r);
  ASSERT_TRUE(res.ok());
  const auto& f = res->facets["jurisdiction"];
  ASSERT_EQ(f.size(), 3u);
  std::map<std::string, uint64_t> counts;
  for (const auto& v : f) counts[v.value] = v.count;
  EXPECT_EQ(counts, (std::map<std::string, uint64_t>{{"cn", 1}, {"intl", 1}, {"us", 1}}));
}

TEST_F(IndexTest, GetByIdOrPathAndStats) {
  PutAll({Make("eo:7", Kind::kExecutiveOrder, "Seven", "2001-01-01", "text seven", "/c/seven.md")});
  auto s = Searcher::Open(dir_);
  ASSERT_TRUE(s.ok());
  auto by_id = (*s)->Get("eo:7");
  ASSERT_TRUE(by_id.ok());
  EXPECT_EQ(by_id->title, "Seven");
  EXPECT_EQ(by_id->text, "text seven");
  auto by_path = (*s)->Get("/c/seven.md");
  ASSERT_TRUE(by_path.ok());
  EXPECT_EQ(by_path->id, "eo:7");
  EXPECT_EQ((*s)->Get("eo:8").status().code(), Status::Code::kNotFound);
  auto stats = (*s)->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 1u);
  EXPECT_EQ(stats->by_kind["executive_order"], 1u);
  EXPECT_EQ(stats->by_year["2001"], 1u);
  EXPECT_GT(stats->size_bytes, 0u);
}

// issue 15: keywords and addresses are stored with the record (Chinese as written).
TEST_F(IndexTest, PaperKeywordsAndAffiliationsAreStored) {
  auto p = Make("doi:10.5555/x.1", Kind::kPaper, "稀土出口管制研究", "2021-01-01", "摘要", "/p/x.ris", "ris");
  p.doc.keywords = {"稀土", "Export control;"};
  p.doc.index_keywords = {"SUPPLY CHAINS"};
  p.doc.affiliations = {{"中国地质大学", "中国", "中国地质大学经济管理学院, 武汉, 中国", {"王小明", "李华"}},
                        {"Guangzhou Univ", "Peoples R China", "Guangzhou Univ, Sch Econ, Guangzhou, Peoples R China", {}}};
  auto plain = Make("eo:5", Kind::kExecutiveOrder, "Five", "2001-01-01", "text", "/c/five.md");
  PutAll({p, plain});
  auto s = Searcher::Open(dir_);
  ASSERT_TRUE(s.ok());
  auto d = (*s)->Get("doi:10.5555/x.1");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->keywords, (std::vector<std::string>{"稀土", "Export control;"}));  // as given; folding is the reader's caller's
  EXPECT_EQ(d->index_keywords, std::vector<std::string>{"SUPPLY CHAINS"});
  ASSERT_EQ(d->affiliations.size(), 2u);
  EXPECT_EQ(d->affiliations[0].organization, "中国地质大学");
  EXPECT_EQ(d->affiliations[0].country, "中国");
  EXPECT_EQ(d->affiliations[0].authors, (std::vector<std::string>{"王小明", "李华"}));
  EXPECT_EQ(d->affiliations[1].address, "Guangzhou Univ, Sch Econ, Guangzhou, Peoples R China");
  EXPECT_TRUE(d->affiliations[1].authors.empty());
  auto e = (*s)->Get("eo:5");
  ASSERT_TRUE(e.ok());
  EXPECT_TRUE(e->keywords.empty() && e->index_keywords.empty() && e->affiliations.empty());
}

TEST_F(IndexTest, SameIdFromAnotherFileIsMergedNotReplaced) {
  auto xml = Make("eo:9", Kind::kExecutiveOrder, "Nine", "2015-03-03", "clean order text about gallium", "/c/EO_9.xml",
                  "fr-xml");
  auto note = Make("eo:9", Kind::kExecutiveOrder, "", "", "a note", "/notes/nine.md", "markdown");
  note.doc.meta["citation"] = "80 FR 501";
  PutAll({xml, note});
  auto s = Searcher::Open(dir_);
  auto d = (*s)->Get("eo:9");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->text, "clean order text about gallium");  // fr-xml is richer
  EXPECT_EQ(d->meta["citation"], "80 FR 501");           // metadata union
  EXPECT_EQ(d->sources.size(), 2u);
  EXPECT_EQ(Ids("gallium"), std::vector<std::string>{"eo:9"});
  EXPECT_EQ((*s)->Stats()->documents, 1u);
}

TEST_F(IndexTest, ChangedBundleReplacesAndRemovedSourceDeletes) {
  PutAll({Make("doc:a", Kind::kOther, "A", "", "old words", "/c/a.md"),
          Make("doc:b", Kind::kOther, "B", "", "bee words", "/c/b.md")});
  {
    auto w = IndexWriter::Open(dir_);
    ASSERT_TRUE(w.ok());
    auto a2 = Make("doc:a", Kind::kOther, "A", "", "new words", "/c/a.md");
    ASSERT_TRUE((*w)->PutBundle(a2.doc.sources, {a2}).ok());
    ASSERT_TRUE((*w)->RemoveSources({"/c/b.md"}).ok());
    ASSERT_TRUE((*w)->Commit().ok());
    EXPECT_EQ((*w)->counts().updated, 1u);
    EXPECT_EQ((*w)->counts().removed, 1u);
    auto gone = (*w)->Lookup("/c/b.md");
    ASSERT_TRUE(gone.ok()) << gone.status().message();
    EXPECT_FALSE(gone->has_value());
    auto kept = (*w)->Lookup("/c/a.md");
    ASSERT_TRUE(kept.ok()) << kept.status().message();
    ASSERT_TRUE(kept->has_value());
    EXPECT_EQ((*kept)->id, "doc:a");
    auto count = (*w)->DocumentCount();
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(*count, 1u);
  }
  EXPECT_TRUE(Ids("old").empty());
  EXPECT_EQ(Ids("new"), std::vector<std::string>{"doc:a"});
  EXPECT_TRUE(Ids("bee").empty());
}

TEST_F(IndexTest, ShardsArePublishedAtomicallyAndDuplicateIdsMerged) {
  auto work = MakeWorkDir(dir_);
  ASSERT_TRUE(work.ok());
  std::vector<std::string> paths;
  for (int i = 0; i < 2; ++i) {
    auto shard = ShardBuilder::Create((fs::path(*work) / ("s" + std::to_string(i))).string());
    ASSERT_TRUE(shard.ok());
    auto d = i == 0 ? Make("eo:5", Kind::kExecutiveOrder, "Five", "2010-01-01", "from the xml", "/c/EO_5.xml", "fr-xml")
                    : Make("eo:5", Kind::kExecutiveOrder, "Five", "2010-01-01", "", "/c/EO_5.json", "fr-json");
    auto other = Make("doc:" + std::to_string(i), Kind::kOther, "Other", "", "other words", "/c/o" + std::to_string(i));
    ASSERT_TRUE((*shard)->PutBundle(d.doc.sources, {d}).ok());
    ASSERT_TRUE((*shard)->PutBundle(other.doc.sources, {other}).ok());
    ASSERT_TRUE((*shard)->Commit().ok());
    paths.push_back((*shard)->path());
  }
  // Not visible before publishing.
  EXPECT_EQ(Searcher::Open(dir_).status().code(), Status::Code::kNotFound);
  ASSERT_TRUE(PublishShards(dir_, paths).ok());
  auto s = Searcher::Open(dir_);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)->Stats()->documents, 3u);
  auto d = (*s)->Get("eo:5");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->text, "from the xml");
  EXPECT_EQ(d->sources.size(), 2u);
  EXPECT_EQ(Ids("xml"), std::vector<std::string>{"eo:5"});
  EXPECT_FALSE(fs::exists(*work));  // work folder cleaned up
  auto w = IndexWriter::Open(dir_);
  ASSERT_TRUE(w.ok());
  auto manifest = (*w)->Manifest();
  ASSERT_TRUE(manifest.ok()) << manifest.status().message();
  EXPECT_EQ(manifest->size(), 4u);
  auto of_xml = (*w)->DocumentsOf({"/c/EO_5.xml", "/c/o1"});
  ASSERT_TRUE(of_xml.ok()) << of_xml.status().message();
  EXPECT_EQ(of_xml->size(), 2u);
  // issue 10: the ids for "did you mean", through the exception adapter.
  auto near = (*s)->IdsWithPrefix("doc:", 5);
  ASSERT_TRUE(near.ok()) << near.status().message();
  EXPECT_EQ(*near, (std::vector<std::string>{"doc:0", "doc:1"}));
}

TEST_F(IndexTest, RefusesAFolderThatIsNotAnIndex) {
  fs::create_directories(dir_);
  std::ofstream(fs::path(dir_) / "notes.txt") << "mine";
  auto w = IndexWriter::Open(dir_);
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().code(), Status::Code::kCorrupt);
  EXPECT_NE(w.status().message().find("not a Lodestone index"), std::string::npos);
  EXPECT_EQ(Searcher::Open(dir_ + "/missing").status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace lodestone
