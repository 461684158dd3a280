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

  std::shared_ptr<Session> Open(size_t cache_bytes) {
    SessionOptions o;
    o.index_dir = index_;
    o.record_cache_bytes = cache_bytes;
    return Session::Open(o);
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

}  // namespace
}  // namespace lodestone::query
