// More like this (issue 9): Searcher::Similar on a small index.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "index_fixture.h"

namespace lodestone {
namespace {

using testing::IndexTest;

TEST_F(IndexTest, SimilarFindsRelatedDocumentsAndNeverTheDocumentItself) {
  std::vector<AnalyzedDocument> docs = {
      Make("doc:cathodes", Kind::kFactSheet, "Lithium Battery Cathodes", "2022-10-19",
           "Grants fund lithium refining and cathode plants so that battery makers buy lithium hydroxide at home.",
           "/c/cathodes.md"),
      Make("doc:anodes", Kind::kFactSheet, "Battery Anode Plant", "2023-02-01",
           "A loan funds a plant that turns graphite and lithium into battery anodes and cathode material.",
           "/c/anodes.md"),
      Make("doc:parks", Kind::kProclamation, "National Parks Week", "2021-04-17",
           "Citizens visit national parks and forests during the week of celebration.", "/c/parks.md"),
      Make("doc:copper", Kind::kProclamation, "Adjusting Imports of Copper", "2025-07-30",
           "Tariffs apply to copper cathodes and copper wire imported into the United States.", "/c/copper.md"),
  };
  for (int i = 0; i < 6; ++i)
    docs.push_back(Make("doc:f" + std::to_string(i), Kind::kStatement, "Statement " + std::to_string(i), "2020-01-01",
                        "The President met the Prime Minister to discuss trade and security.",
                        "/c/f" + std::to_string(i) + ".md"));
  PutAll(docs);
  auto s = Searcher::Open(dir_);
  ASSERT_TRUE(s.ok());
  SimilarRequest r;
  r.id = "doc:cathodes";
  auto res = (*s)->Similar(r);
  ASSERT_TRUE(res.ok()) << res.status().message();
  EXPECT_EQ(res->doc.id, "doc:cathodes");
  ASSERT_FALSE(res->hits.empty());
  EXPECT_EQ(res->hits.front().doc.id, "doc:anodes");  // lithium, battery, cathode
  for (const auto& h : res->hits) {
    EXPECT_NE(h.doc.id, "doc:cathodes");
    EXPECT_NE(h.doc.id, "doc:parks");  // shares no telling term
  }
  EXPECT_NE(std::find(res->terms.begin(), res->terms.end(), "lithium"), res->terms.end());
  EXPECT_EQ(res->hits.front().rank, 1u);

  // By source path too; an unknown document is NotFound.
  r.id = "/c/copper.md";
  res = (*s)->Similar(r);
  ASSERT_TRUE(res.ok());
  EXPECT_EQ(res->doc.id, "doc:copper");
  r.id = "doc:nowhere";
  EXPECT_EQ((*s)->Similar(r).status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace lodestone
