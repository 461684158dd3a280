// Session under concurrent readers (issue 12: lode serve shares one Session
// between its workers): the per-revision record cache answers what a fresh
// read answers, from many threads at once, and never serves a record of an
// older revision after an ingest.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "lodestone/ingest/pipeline.h"
#include "lodestone/query/engine.h"
#include "lodestone/query/graph_render.h"
#include "lodestone/query/render.h"

namespace lodestone::query {
namespace {

namespace fs = std::filesystem;

class SessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("lode-session-test-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    index_ = (dir_ / "index").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  void IngestFrom(std::vector<std::string> paths) {
    IngestOptions o;
    o.paths = std::move(paths);
    o.index_dir = index_;
    o.threads = 1;
    auto s = Ingest(o);
    ASSERT_TRUE(s.ok()) << s.status().message();
  }

  std::shared_ptr<Session> Open(size_t cache_bytes, size_t result_bytes = 0) {
    SessionOptions o;
    o.index_dir = index_;
    o.record_cache_bytes = cache_bytes;
    o.result_cache_bytes = result_bytes;
    return Session::Open(o);
  }

  static std::string SearchOf(Session& s, const std::string& q, bool facets = false, uint32_t offset = 0) {
    SearchRequest r;
    r.query = q;
    r.facets = facets;
    r.offset = offset;
    auto res = Search(s, r);
    return res.ok() ? SearchJson(*res) : "error: " + res.status().message();
  }

  static std::string TraceOf(Session& s, const std::string& mineral) {
    TraceRequest r;
    r.entity = mineral;
    auto t = Trace(s, r);
    return t.ok() ? TraceJson(*t) : "error: " + t.status().message();
  }

  fs::path dir_;
  std::string index_;
};

TEST_F(SessionTest, CachedRecordsAnswerAsFreshReadsFromManyThreads) {
  IngestFrom({std::string(LODE_FIXTURES) + "/graph/docs"});
  auto fresh = Open(0);
  const std::string want = TraceOf(*fresh, "lithium");
  ASSERT_NE(want.find("\"evidence\""), std::string::npos) << want;  // the records were read
  auto cached = Open(64 << 20);
  std::vector<std::string> got(8);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        std::string s = TraceOf(*cached, "lithium");
        if (i == 0 || s != want) got[t] = s;  // keep a wrong answer if there is one
      }
    });
  for (auto& th : threads) th.join();
  for (const auto& s : got) EXPECT_EQ(s, want);
}

TEST_F(SessionTest, TinyBudgetStillAnswers) {
  IngestFrom({std::string(LODE_FIXTURES) + "/graph/docs"});
  const std::string want = TraceOf(*Open(0), "lithium");
  EXPECT_EQ(TraceOf(*Open(1), "lithium"), want);  // nothing fits: read per request
}

TEST_F(SessionTest, NewRevisionIsNotAnsweredFromOldRecords) {
  const std::string docs = std::string(LODE_FIXTURES) + "/graph/docs";
  fs::create_directories(dir_ / "docs");
  fs::copy(docs, dir_ / "docs", fs::copy_options::recursive);
  IngestFrom({(dir_ / "docs").string()});
  auto cached = Open(64 << 20);
  const std::string before = TraceOf(*cached, "lithium");
  // The same order with its first sentence about lithium reworded: the evidence changes.
  fs::path changed;
  for (const auto& e : fs::directory_iterator(dir_ / "docs"))
    if (e.path().filename().string().find("99101") != std::string::npos) changed = e.path();
  ASSERT_FALSE(changed.empty());
  {
    std::ifstream in(changed);
    std::stringstream text;
    text << in.rdbuf();
    std::string t = text.str();
    const std::string from = "Our factories depend on lithium";
    ASSERT_NE(t.find(from), std::string::npos);
    t.replace(t.find(from), from.size(), "Our new battery factories depend on lithium");
    std::ofstream out(changed, std::ios::trunc);
    out << t;
  }
  IngestFrom({(dir_ / "docs").string()});
  const std::string after = TraceOf(*cached, "lithium");
  EXPECT_EQ(after, TraceOf(*Open(0), "lithium"));
  EXPECT_NE(after, before);
}

// issue 12: searches through the record and result caches answer what a
// session without them answers, for every variant of a request, from many
// threads at once, and a new revision is not answered from the old one's.
TEST_F(SessionTest, CachedSearchesAnswerAsFreshOnes) {
  IngestFrom({std::string(LODE_FIXTURES) + "/graph/docs"});
  auto fresh = Open(0, 0);
  auto cached = Open(64 << 20, 1 << 20);
  struct Case {
    std::string q;
    bool facets;
    uint32_t offset;
  };
  const std::vector<Case> cases = {{"lithium", false, 0}, {"lithium", true, 0}, {"lithium", false, 1},
                                   {"lithium OR cobalt", false, 0}, {"kind:executive_order", true, 0}};
  std::vector<std::string> want;
  for (const auto& c : cases) want.push_back(SearchOf(*fresh, c.q, c.facets, c.offset));
  ASSERT_NE(want[0].find("\"hits\":[{"), std::string::npos) << want[0];
  ASSERT_NE(want[0], want[1]);  // facets are part of the key
  ASSERT_NE(want[0], want[2]);  // and so is the offset
  std::vector<std::string> wrong(6);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < wrong.size(); ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i)
        for (size_t k = 0; k < cases.size(); ++k) {
          std::string got = SearchOf(*cached, cases[k].q, cases[k].facets, cases[k].offset);
          if (got != want[k]) wrong[t] = got;
        }
    });
  for (auto& th : threads) th.join();
  for (const auto& w : wrong) EXPECT_EQ(w, "");
}

TEST_F(SessionTest, NewRevisionIsNotAnsweredFromOldSearches) {
  const std::string docs = std::string(LODE_FIXTURES) + "/graph/docs";
  fs::create_directories(dir_ / "docs");
  fs::copy(docs, dir_ / "docs", fs::copy_options::recursive);
  IngestFrom({(dir_ / "docs").string()});
  auto cached = Open(64 << 20, 1 << 20);
  const std::string before = SearchOf(*cached, "zeolite");
  EXPECT_NE(before.find("\"total\":0"), std::string::npos) << before;
  {
    std::ofstream out(dir_ / "docs" / "2024-05-01-note-zeolite.md");
    out << "---\ndate: '2024-05-01'\ntitle: \"A Note on Zeolite\"\n---\n\nZeolite is a mineral used in filters.\n";
  }
  IngestFrom({(dir_ / "docs").string()});
  const std::string after = SearchOf(*cached, "zeolite");
  EXPECT_EQ(after, SearchOf(*Open(0, 0), "zeolite"));
  EXPECT_NE(after.find("\"total\":1"), std::string::npos) << after;
}

}  // namespace
}  // namespace lodestone::query
