// issue 11: the records of one id (an order as FR XML, HTML, GPO text and API
// JSON, in different folders) are stored as the same document whatever the
// order a build or an update meets them in: per key, the richest record that
// has the key gives it (merge.h), and the stored document (record, values,
// terms and positions) is byte-identical in all 24 orders of 4 records.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "index_fixture.h"
#include "layout.h"
#include "lodestone/index/merge.h"

namespace fs = std::filesystem;

namespace lodestone::testing {
namespace {

class MergeOrderTest : public IndexTest {
 protected:
  // Four records of eo:99002 that disagree on every key the winner (the
  // XML, richness 6) lacks: the title, the date, meta "page" and
  // "agencies", the president, entities and relations.
  std::vector<AnalyzedDocument> Records() {
    std::vector<AnalyzedDocument> r;
    auto add = [&](const std::string& folder, const std::string& format, int richness, const std::string& title,
                   const std::string& date, const std::string& text) {
      AnalyzedDocument ad = Make("eo:99002", Kind::kExecutiveOrder, title, date, text,
                                 "/" + folder + "/EO_99002." + format, format);
      ad.doc.richness = richness;
      ad.doc.format = format;
      r.push_back(ad);
      return &r.back().doc;
    };
    r.reserve(4);
    Document* xml = add("f0", "xml", 6, "", "",
                        "By the authority vested in me as President by the Constitution, lithium and lithium again");
    xml->entities = {{"mineral:lithium", "Lithium", 2, {50, 80}}};
    xml->aliases = {"fr:2020-00001"};
    xml->meta = {{"citation", "85 FR 1"}};
    Document* html = add("f1", "html", 5, "Title of the HTML", "2020-01-02",
                         "By the authority vested in me as President, cobalt, and a longer text than the XML one has");
    html->entities = {{"mineral:lithium", "Lithium", 5, {3}}, {"mineral:cobalt", "Cobalt", 1, {40}}};
    html->relations = {{RelationType::kRevokes, "eo:1", 12, "text"}};
    html->aliases = {"gpo:x-1", "fr:2020-00001"};
    html->meta = {{"agencies", "agency:a1"}, {"citation", "85 FR 2"}};
    Document* gpo = add("f2", "gpo", 3, "Title of the GPO text", "2020-01-03",
                        "By the authority vested in me, cobalt and nickel, in a GPO text with page markers, longest");
    gpo->entities = {{"mineral:cobalt", "Cobalt", 2, {9}}, {"mineral:nickel", "Nickel", 1, {30}}};
    gpo->relations = {{RelationType::kRevokes, "eo:1", 7, "text"}, {RelationType::kAmends, "eo:2", 20, "text"}};
    gpo->aliases = {"gpo:x-2"};
    gpo->meta = {{"agencies", "agency:a2"}, {"page", "12"}, {"president", "person:a"}, {"president_source", "stated"}};
    Document* json = add("f3", "json", 0, "Title of the API record", "2020-01-04", "");
    json->kind = Kind::kOther;
    json->authors = {"President A"};
    json->relations = {{RelationType::kAmends, "eo:2", kNoOffset, "metadata"}, {RelationType::kSupersedes, "eo:3", kNoOffset, "metadata"}};
    json->meta = {{"page", "13"},         {"html_url", "https://example.org/x"}, {"president", "person:b"},
                  {"president_source", "date"}};
    return r;
  }

  // Everything Xapian stores of eo:99002 (record, values, terms with wdf
  // and positions), and the number of documents.
  std::string Dump(const std::string& dir) {
    auto live = internal::LiveDatabasePath(dir);
    EXPECT_TRUE(live.ok());
    if (!live.ok()) return "";
    Xapian::Database db(*live);
    std::ostringstream o;
    o << "documents " << db.get_doccount() << "\n";
    for (auto p = db.postlist_begin("Qeo:99002"); p != db.postlist_end("Qeo:99002"); ++p) {
      Xapian::Document d = db.get_document(*p);
      o << "data " << d.get_data() << "\n";
      for (auto v = d.values_begin(); v != d.values_end(); ++v) o << "value " << v.get_valueno() << " " << *v << "\n";
      for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) {
        o << "term " << *t << " " << t.get_wdf();
        for (auto q = t.positionlist_begin(); q != t.positionlist_end(); ++q) o << " " << *q;
        o << "\n";
      }
    }
    return o.str();
  }

  void Build(const std::vector<AnalyzedDocument>& recs, const std::vector<int>& order, bool two_shards) {
    fs::remove_all(dir_);
    auto work = MakeWorkDir(dir_);
    ASSERT_TRUE(work.ok());
    std::vector<std::unique_ptr<ShardBuilder>> shards;
    std::vector<std::string> paths;
    for (int s = 0; s < (two_shards ? 2 : 1); ++s) {
      auto b = ShardBuilder::Create((fs::path(*work) / ("s" + std::to_string(s))).string());
      ASSERT_TRUE(b.ok());
      paths.push_back((*b)->path());
      shards.push_back(std::move(b).value());
    }
    for (size_t i = 0; i < order.size(); ++i) {
      const auto& ad = recs[order[i]];
      ASSERT_TRUE(shards[two_shards ? i % 2 : 0]->PutBundle(ad.doc.sources, {ad}).ok());
    }
    for (auto& s : shards) ASSERT_TRUE(s->Commit().ok());
    shards.clear();
    ASSERT_TRUE(PublishShards(dir_, paths).ok());
  }

  void Update(const std::vector<AnalyzedDocument>& recs, const std::vector<int>& order) {
    fs::remove_all(dir_);
    for (int i : order) {
      auto w = IndexWriter::Open(dir_);
      ASSERT_TRUE(w.ok()) << w.status().message();
      ASSERT_TRUE((*w)->PutBundle(recs[i].doc.sources, {recs[i]}).ok());
      ASSERT_TRUE((*w)->Commit().ok());
    }
  }
};

TEST_F(MergeOrderTest, EveryOrderOfFourRecordsStoresTheSameDocumentInABuildAndAnUpdate) {
  const auto recs = Records();
  std::vector<int> order = {0, 1, 2, 3};
  std::string first;
  int orders = 0;
  do {
    Build(recs, order, /*two_shards=*/orders % 2 == 1);
    const std::string build = Dump(dir_);
    Update(recs, order);
    const std::string update = Dump(dir_);
    if (first.empty()) first = build;
    EXPECT_EQ(build, first) << "build in order " << order[0] << order[1] << order[2] << order[3];
    EXPECT_EQ(update, first) << "update in order " << order[0] << order[1] << order[2] << order[3];
    // The winner's text is searchable as a phrase in every order (a build
    // lost the positions of a winner that was not met first).
    SearchRequest r;
    r.query = "\"vested in me as President by the Constitution\"";
    EXPECT_EQ(Run(r).hits.size(), 1u) << "order " << order[0] << order[1] << order[2] << order[3];
    ++orders;
  } while (std::next_permutation(order.begin(), order.end()));
  EXPECT_EQ(orders, 24);
  EXPECT_NE(first.find("documents 1\n"), std::string::npos) << first;

  // What the rule gives: each key from the richest record that has it.
  auto s = Searcher::Open(dir_);
  ASSERT_TRUE(s.ok());
  auto d = (*s)->Get("eo:99002");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->format, "xml");
  EXPECT_EQ(d->text, recs[0].doc.text);
  EXPECT_EQ(d->title, "Title of the HTML");
  EXPECT_EQ(d->date, "2020-01-02");
  EXPECT_EQ(d->meta["citation"], "85 FR 1");
  EXPECT_EQ(d->meta["agencies"], "agency:a1");
  EXPECT_EQ(d->meta["page"], "12");  // the GPO text's, never the poorer API record's
  EXPECT_EQ(d->meta["html_url"], "https://example.org/x");
  EXPECT_EQ(d->meta["president"], "person:a");  // stated beats derived from the date
  EXPECT_EQ(d->authors, std::vector<std::string>{"President A"});
  ASSERT_EQ(d->entities.size(), 3u);
  EXPECT_EQ(d->entities[0].id, "mineral:lithium");  // the winner's own, with its evidence
  EXPECT_EQ(d->entities[0].count, 2u);
  EXPECT_EQ(d->entities[0].offsets, (std::vector<uint32_t>{50, 80}));
  EXPECT_EQ(d->entities[1].id, "mineral:cobalt");  // the HTML's (richer than the GPO text's), no offsets
  EXPECT_EQ(d->entities[1].count, 1u);
  EXPECT_TRUE(d->entities[1].offsets.empty());
  EXPECT_EQ(d->entities[2].id, "mineral:nickel");
  ASSERT_EQ(d->relations.size(), 3u);
  for (const auto& rel : d->relations) {
    EXPECT_EQ(rel.offset, kNoOffset) << RelationTypeName(rel.type) << " " << rel.target;
    if (rel.type == RelationType::kAmends) EXPECT_EQ(rel.origin, "text") << "the GPO text's, richer than the API record's";
  }
  EXPECT_EQ(d->aliases, (std::vector<std::string>{"fr:2020-00001", "gpo:x-1", "gpo:x-2"}));
  EXPECT_EQ(d->sources.size(), 4u);
}

// The rule itself: merging the same records in any order, pairwise or in a
// chain, gives the same record and the same provenance.
TEST(MergeRuleTest, MergeRecordsIsCommutativeAndAssociative) {
  Document a, b, c;
  a.id = b.id = c.id = "doi:10.1/x";
  a.title = "A", b.title = "B", c.title = "C";
  a.sources = {{"/a.ris", "ris", 1, 1, 1}}, b.sources = {{"/b.ris", "ris", 1, 1, 2}}, c.sources = {{"/c.bib", "bibtex", 1, 1, 3}};
  a.meta = {{"journal", "JA"}}, b.meta = {{"volume", "2"}, {"journal", "JB"}}, c.meta = {{"volume", "3"}, {"page", "9"}};
  auto merge = [](const Document& x, const MergeInfo& ix, const Document& y, const MergeInfo& iy, MergeInfo* out) {
    return MergeRecords(x, ix, y, iy, out);
  };
  MergeInfo iab, iabc, ibc, iabc2, ica, icab;
  Document ab = merge(a, SingleRecordInfo(a), b, SingleRecordInfo(b), &iab);
  Document abc = merge(ab, iab, c, SingleRecordInfo(c), &iabc);
  Document bc = merge(b, SingleRecordInfo(b), c, SingleRecordInfo(c), &ibc);
  Document abc2 = merge(a, SingleRecordInfo(a), bc, ibc, &iabc2);
  Document ca = merge(c, SingleRecordInfo(c), a, SingleRecordInfo(a), &ica);
  Document cab = merge(ca, ica, b, SingleRecordInfo(b), &icab);
  EXPECT_EQ(abc.title, "A");
  EXPECT_EQ(abc.meta, (std::map<std::string, std::string>{{"journal", "JA"}, {"page", "9"}, {"volume", "2"}}));
  for (const auto* m : {&abc2, &cab}) {
    EXPECT_EQ(m->title, abc.title);
    EXPECT_EQ(m->meta, abc.meta);
  }
  EXPECT_EQ(EncodeMergeInfo(iabc), EncodeMergeInfo(iabc2));
  EXPECT_EQ(EncodeMergeInfo(iabc), EncodeMergeInfo(icab));
  auto back = DecodeMergeInfo(EncodeMergeInfo(iabc));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->ranks, iabc.ranks);
  EXPECT_EQ(back->from, iabc.from);
  EXPECT_FALSE(DecodeMergeInfo("lode-merge 1\n2\n3:abc").has_value());
}

}  // namespace
}  // namespace lodestone::testing
