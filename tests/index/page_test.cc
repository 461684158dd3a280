// issue 13: a page of results is the same however many were asked for and
// on any layout, also where scores (or dates) tie at the page's edge.
#include <algorithm>
#include <fstream>

#include "index_fixture.h"

namespace lodestone::testing {
namespace {

class PageTest : public IndexTest {
 protected:
  std::unique_ptr<Searcher> Open(const std::string& dir) {
    auto s = Searcher::Open(dir, {});
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? std::move(*s) : nullptr;
  }
  static std::vector<std::string> Ids(Searcher& s, const std::string& q, uint32_t offset, uint32_t limit) {
    SearchRequest r;
    r.query = q;
    r.offset = offset;
    r.limit = limit;
    auto res = s.Search(r);
    EXPECT_TRUE(res.ok()) << q;
    std::vector<std::string> ids;
    if (res.ok())
      for (const auto& h : res->hits) ids.push_back(h.doc.id);
    return ids;
  }
  // 40 documents: ten groups of four with the same text (equal scores
  // within a group) and the same date, added in an order that is not id
  // order, so neither docid nor insertion order matches the lode ids.
  std::vector<AnalyzedDocument> Docs() {
    std::vector<AnalyzedDocument> docs;
    for (int i = 0; i < 40; ++i) {
      const int n = (i * 17) % 40;  // a permutation of 0..39
      const int group = n / 4;
      std::string text = "gallium export control";
      for (int k = 0; k < group; ++k) text += " gallium";  // more of the word: a higher score
      text += " germanium";
      const std::string day = std::to_string(10 + group);
      docs.push_back(Make("doc:" + std::to_string(100 + n), Kind::kNotice, "Notice " + std::to_string(n),
                          "2020-03-" + day, text, "/c/" + std::to_string(n) + ".md"));
    }
    return docs;
  }
};

TEST_F(PageTest, EveryPageIsASliceOfTheWholeOrderAndTiesGoByIdOnEveryLayout) {
  auto docs = Docs();
  Put(dir_ + "/single", docs);
  std::vector<AnalyzedDocument> even, odd;
  for (size_t i = 0; i < docs.size(); ++i) (i % 2 ? odd : even).push_back(docs[i]);
  Put(dir_ + "/out/meta", {});
  Put(dir_ + "/out/shard-0", odd);  // the other half first: docids interleave differently
  Put(dir_ + "/out/shard-1", even);
  std::ofstream(dir_ + "/out/XAPIANDB") << "auto meta\nauto shard-0\nauto shard-1\n";
  auto one = Open(dir_ + "/single"), many = Open(dir_ + "/out");
  ASSERT_TRUE(one && many);
  // "gallium OR germanium" ranks by the gallium count; kind:notice alone
  // matches by a filter, newest first, where a day's four documents tie.
  for (const std::string q : {"gallium OR germanium", "kind:notice"}) {
    const auto all = Ids(*one, q, 0, 40);
    ASSERT_EQ(all.size(), 40u) << q;
    // Within each group of four (equal score, equal date) ids ascend.
    for (size_t g = 0; g < 10; ++g)
      EXPECT_TRUE(std::is_sorted(all.begin() + 4 * g, all.begin() + 4 * g + 4)) << q << " group " << g;
    EXPECT_EQ(all, Ids(*many, q, 0, 40)) << q;
    for (uint32_t offset : {0u, 1u, 2u, 3u, 5u, 13u}) {
      for (uint32_t limit : {1u, 2u, 3u, 5u, 6u, 7u}) {
        std::vector<std::string> want(all.begin() + offset, all.begin() + std::min<size_t>(40, offset + limit));
        EXPECT_EQ(Ids(*one, q, offset, limit), want) << q << " offset " << offset << " limit " << limit;
        EXPECT_EQ(Ids(*many, q, offset, limit), want) << q << " sharded, offset " << offset << " limit " << limit;
      }
    }
  }
}

}  // namespace
}  // namespace lodestone::testing
