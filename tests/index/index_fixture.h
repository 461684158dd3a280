// A scratch index directory for index tests, and a helper that turns a few
// fields into an analysed document the way the ingest pipeline does (the
// title's tokens, then the text's, in one position sequence).
#ifndef LODESTONE_TESTS_INDEX_INDEX_FIXTURE_H_
#define LODESTONE_TESTS_INDEX_INDEX_FIXTURE_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "lodestone/index/searcher.h"
#include "lodestone/index/writer.h"
#include "lodestone/ingest/analyzer.h"

namespace lodestone::testing {

class IndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = (std::filesystem::temp_directory_path() /
            ("lode-index-test-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name()))
               .string();
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Writes `docs` (one bundle each) into the index folder `dir` and commits.
  void Put(const std::string& dir, const std::vector<AnalyzedDocument>& docs) {
    auto w = IndexWriter::Open(dir);
    ASSERT_TRUE(w.ok()) << w.status().message();
    for (const auto& d : docs) ASSERT_TRUE((*w)->PutBundle(d.doc.sources, {d}).ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }

  AnalyzedDocument Make(const std::string& id, Kind kind, const std::string& title, const std::string& date,
                        const std::string& text, const std::string& path, const std::string& format = "markdown") {
    Document d;
    d.id = id;
    d.kind = kind;
    d.title = title;
    d.date = date;
    d.text = text;
    d.format = format;
    d.language = "en";
    d.sources = {SourceFile{path, format, text.size(), 1, std::hash<std::string>()(text)}};
    AnalyzedDocument ad;
    uint32_t pos = 0;
    analyzer_.Tokenize(title, &pos, &ad.title);
    pos = 0;
    analyzer_.Tokenize(title, &pos, &ad.body);
    analyzer_.Tokenize(text, &pos, &ad.body);
    ad.doc = d;
    return ad;
  }

  SearchResult Run(SearchRequest r) {
    auto s = Searcher::Open(dir_);
    EXPECT_TRUE(s.ok()) << s.status().message();
    if (!s.ok()) return {};
    r.query = analyzer_.SegmentQuery(r.query);
    auto res = (*s)->Search(r);
    EXPECT_TRUE(res.ok()) << r.query << ": " << res.status().message();
    return res.ok() ? *res : SearchResult{};
  }

  std::vector<std::string> Ids(const std::string& query, bool facets = false) {
    SearchRequest r;
    r.query = query;
    r.limit = 50;
    r.facets = facets;
    std::vector<std::string> ids;
    for (const auto& h : Run(r).hits) ids.push_back(h.doc.id);
    return ids;
  }

  void PutAll(const std::vector<AnalyzedDocument>& docs) {
    auto w = IndexWriter::Open(dir_);
    ASSERT_TRUE(w.ok()) << w.status().message();
    for (const auto& d : docs) ASSERT_TRUE((*w)->PutBundle(d.doc.sources, {d}).ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }

  std::string dir_;
  Analyzer analyzer_;
};

}  // namespace lodestone::testing

#endif  // LODESTONE_TESTS_INDEX_INDEX_FIXTURE_H_
