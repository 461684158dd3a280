// Ranking: relevance order, title weighting, phrase proximity (issue 9).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "index_fixture.h"

namespace lodestone {
namespace {

using testing::IndexTest;

class RankingTest : public IndexTest {
 protected:
  // Unrelated documents, so that the words of the queries below are rare
  // enough to carry weight (BM25's idf).
  std::vector<AnalyzedDocument> Fillers(int n) {
    std::vector<AnalyzedDocument> out;
    for (int i = 0; i < n; ++i)
      out.push_back(Make("doc:f" + std::to_string(i), Kind::kProclamation, "Heritage Month " + std::to_string(i),
                         "2019-05-0" + std::to_string(i % 9 + 1),
                         "Citizens celebrate the month with parades, music and food in every town.",
                         "/c/filler-" + std::to_string(i) + ".md"));
    return out;
  }
  static std::string Repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s + " ";
    return out;
  }
};

// issue 9: a query of plain lowercase words was sorted newest first, because
// STEM_SOME makes Z stem terms of them and the searcher took a query without
// unprefixed terms for a filter-only query.
TEST_F(RankingTest, PlainLowercaseWordsAreRankedByRelevanceNotDate) {
  auto docs = Fillers(6);
  docs.push_back(Make("eo:12626", Kind::kExecutiveOrder, "National Defense Stockpile Manager", "1988-02-25",
                      "The Secretary of Defense is designated National Defense Stockpile Manager. The stockpile "
                      "of strategic materials is managed for national defense.",
                      "/c/eo-12626.md"));
  docs.push_back(Make("doc:tariff", Kind::kProclamation, "Adjusting Imports of Copper", "2026-07-30",
                      "Imports threaten national security. The defense industrial base needs copper. " +
                          Repeat("Tariffs apply to copper products and derivatives.", 20),
                      "/c/copper.md"));
  PutAll(docs);
  for (const std::string q : {"national defense stockpile", "lithium OR stockpile", "stockpile manager"}) {
    auto ids = Ids(q);
    ASSERT_FALSE(ids.empty()) << q;
    EXPECT_EQ(ids.front(), "eo:12626") << q;
  }
  // --by-date and filter-only queries still list newest first.
  SearchRequest by_date;
  by_date.query = "national defense";
  by_date.sort_by_date = true;
  auto res = Run(by_date);
  ASSERT_EQ(res.hits.size(), 2u);
  EXPECT_EQ(res.hits[0].doc.id, "doc:tariff");
  EXPECT_EQ(Ids("year:1980..2030").front(), "doc:tariff");
  // A query whose only word is negated weighs nothing: newest first too.
  EXPECT_EQ(Ids("NOT stockpile").front(), "doc:tariff");
}

// issue 9: title words count more than words of the text (Omega indexes the
// title with wdf 5, Recoll with 10), and the exact title phrase more still.
TEST_F(RankingTest, ShortDocumentWhoseTitleMatchesBeatsLongOneThatOnlyMentionsTheWords) {
  auto docs = Fillers(6);
  docs.push_back(Make("doc:stockpile", Kind::kExecutiveOrder, "National Defense Stockpile", "2021-10-31",
                      "This order names the manager of the reserve of materials.", "/c/stockpile.md"));
  docs.push_back(Make("doc:long", Kind::kExecutiveOrder, "Adjusting Imports of Polysilicon", "2021-11-01",
                      Repeat("The national defense stockpile holds polysilicon and other materials for national "
                             "defense and the stockpile is large.",
                             8) +
                          Repeat("Polysilicon imports are adjusted by tariffs on derivative products.", 12),
                      "/c/long.md"));
  docs.push_back(Make("doc:words", Kind::kExecutiveOrder, "Stockpile Materials for National Defense", "2021-11-02",
                      "Materials are bought for the reserve.", "/c/words.md"));
  PutAll(docs);
  // The boosts must not spoil the count of a small result set.
  SearchRequest one;
  one.query = "national defense stockpile";
  one.limit = 1;
  auto counted = Run(one);
  EXPECT_EQ(counted.total, 3u);
  EXPECT_TRUE(counted.total_exact);
  for (const std::string q : {"national defense stockpile", "National Defense Stockpile"}) {
    auto ids = Ids(q);
    ASSERT_EQ(ids.size(), 3u) << q;
    EXPECT_EQ(ids[0], "doc:stockpile") << q;  // the exact title
    EXPECT_EQ(ids[1], "doc:words") << q;      // all words in the title, not as a phrase
    EXPECT_EQ(ids[2], "doc:long") << q;       // words in the text only, many times
  }
}

// issue 9: the words of a multi-word query next to each other count more
// than the same words scattered over the text.
TEST_F(RankingTest, WordsTogetherBeatWordsApart) {
  auto docs = Fillers(6);
  docs.push_back(Make("doc:apart", Kind::kStatement, "Statement on Trade", "2022-01-03",
                      "Export rules were discussed and export volumes grew. Partners spoke about controls on "
                      "shipping lanes and controls on ports.",
                      "/c/apart.md"));
  docs.push_back(Make("doc:together", Kind::kStatement, "Statement on Partners", "2022-01-02",
                      "Partners discussed shipping lanes, ports, the weather in the capital and new export "
                      "controls.",
                      "/c/together.md"));
  PutAll(docs);
  auto ids = Ids("export controls");
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[0], "doc:together");
}

}  // namespace
}  // namespace lodestone
