// The whole ingest pipeline on the tiny fixture folder.
#include "lodestone/ingest/pipeline.h"

#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "lodestone/index/searcher.h"

namespace fs = std::filesystem;

namespace lodestone {
namespace {

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("lode-pipeline-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
    fs::copy(std::string(LODE_FIXTURES) + "/mini", root_ / "mini", fs::copy_options::recursive);
    opt_.paths = {(root_ / "mini").string()};
    opt_.index_dir = (root_ / "index").string();
  }
  void TearDown() override { fs::remove_all(root_); }

  IngestSummary Run() {
    auto s = Ingest(opt_);
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? *s : IngestSummary{};
  }
  Document Get(const std::string& id) {
    auto s = Searcher::Open(opt_.index_dir);
    EXPECT_TRUE(s.ok());
    auto d = (*s)->Get(id);
    EXPECT_TRUE(d.ok()) << id;
    return d.ok() ? *d : Document{};
  }

  fs::path root_;
  IngestOptions opt_;
};

TEST_F(PipelineTest, BuildReportsFailuresAndSkipsAndMergesFormats) {
  IngestSummary s = Run();
  EXPECT_EQ(s.mode, "build");
  ASSERT_EQ(s.failed.size(), 2u);  // the two files in bad/
  for (const auto& f : s.failed) {
    EXPECT_NE(f.path.find("/bad/"), std::string::npos) << f.path;
    EXPECT_FALSE(f.message.empty());
  }
  EXPECT_TRUE(s.skipped.empty()) << s.skipped[0].path;  // the Web of Science export is read now
  Document paper = Get("wos:000000000099001");
  EXPECT_EQ(paper.kind, Kind::kPaper);
  EXPECT_EQ(paper.format, "wos");
  EXPECT_EQ(paper.title, "An imaginary paper");
  // eo:99001 arrives as XML, GPO HTML and JSON: one document, XML text.
  Document d = Get("eo:99001");
  EXPECT_EQ(d.sources.size(), 3u);
  EXPECT_EQ(d.format, "fr-xml");
  EXPECT_EQ(d.meta["citation"], "80 FR 501");
  EXPECT_EQ(s.documents, s.added);
}

TEST_F(PipelineTest, SecondRunIsIncrementalAndPruneRemoves) {
  IngestSummary first = Run();
  IngestSummary again = Run();
  EXPECT_EQ(again.mode, "update");
  EXPECT_EQ(again.added, 0u);
  EXPECT_EQ(again.updated, 0u);
  EXPECT_EQ(again.files_read, 2u);  // only the two failed files are retried
  EXPECT_EQ(again.unchanged, first.documents);
  EXPECT_EQ(again.documents, first.documents);

  // Change one file's content, touch another without changing it, delete a third.
  {
    std::ofstream(root_ / "mini/wh/2023-05-20-a-statement.md", std::ios::app) << "\nNew words about antimony.\n";
  }
  fs::last_write_time(root_ / "mini/cn/export-note_2020-10-17.md", fs::file_time_type::clock::now());
  fs::remove(root_ / "mini/papers/sample.jsonl");
  opt_.prune = true;
  IngestSummary third = Run();
  EXPECT_EQ(third.updated, 1u);
  EXPECT_EQ(third.removed, 2u);  // both records of the JSON Lines file
  EXPECT_EQ(third.documents, first.documents - 2);
  auto s = Searcher::Open(opt_.index_dir);
  SearchRequest r;
  r.query = "antimony";
  EXPECT_EQ((*s)->Search(r)->total, 1u);
  // The touched file was hashed once and recorded: the next run reads nothing new.
  IngestSummary fourth = Run();
  EXPECT_EQ(fourth.files_read, 2u);
}

TEST_F(PipelineTest, LeftoversOfAKilledRunAreCleanedAndTheIndexStillOpens) {
  Run();
  // A killed build leaves a work folder behind; the live index is untouched.
  fs::create_directories(fs::path(opt_.index_dir) / "tmp-999999-0" / "shard-0");
  ASSERT_TRUE(Searcher::Open(opt_.index_dir).ok());
  opt_.rebuild = true;
  IngestSummary s = Run();
  EXPECT_EQ(s.mode, "build");
  EXPECT_FALSE(fs::exists(fs::path(opt_.index_dir) / "tmp-999999-0"));
  EXPECT_TRUE(Searcher::Open(opt_.index_dir).ok());
}

TEST_F(PipelineTest, MissingPathIsReportedNotFatal) {
  opt_.paths.push_back((root_ / "does-not-exist").string());
  IngestSummary s = Run();
  bool found = false;
  for (const auto& f : s.failed) found = found || f.message == "no such file or directory";
  EXPECT_TRUE(found);
  EXPECT_GT(s.documents, 0u);
}

TEST_F(PipelineTest, SecondWriterIsRefused) {
  Run();
  // Hold the run lock as another process would.
  int fd = ::open((fs::path(opt_.index_dir) / "LOCK").c_str(), O_RDWR);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
  pid_t pid = ::fork();
  if (pid == 0) {
    auto s = Ingest(opt_);
    ::_exit(!s.ok() && s.status().message().find("another lode process") != std::string::npos ? 0 : 1);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(fd);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

}  // namespace
}  // namespace lodestone
