// issue 13 (and issue 11's kill -9 trials): `lode ingest` into a sharded
// layout killed with SIGKILL mid-run leaves a layout that opens, and a re-run
// ends with exactly the documents of an unsharded index fed the same files,
// each once and in the shard its rule names. Reads the real corpus (label
// realcorpus) so that the run is long enough to be killed between commits.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "lodestone/index/schema.h"
#include "query/cli_util.h"
#include "shard_layout.h"
#include "shard_rule.h"

namespace lodestone::internal {
namespace {

namespace fs = std::filesystem;

int Lode(const std::string& args) { return lodestone::testing::RunLode(args, false).code; }

std::multiset<std::string> Ids(const Xapian::Database& db) {
  std::multiset<std::string> ids;
  for (auto t = db.allterms_begin(schema::kPrefixId); t != db.allterms_end(schema::kPrefixId); ++t)
    for (Xapian::doccount i = 0; i < t.get_termfreq(); ++i) ids.insert((*t).substr(1));
  return ids;
}

// Sum of lode:commit over the shards (0 when a shard cannot be read now).
uint64_t ShardCommits(const std::string& out) {
  auto stub = ReadShardStub(out);
  if (!stub.ok()) return 0;
  uint64_t n = 0;
  try {
    for (size_t i = 1; i < stub->lines.size(); ++i)
      n += std::strtoull(Xapian::Database(stub->lines[i].path).get_metadata(kMetaCommit).c_str(), nullptr, 10);
  } catch (const Xapian::Error&) {
    return 0;
  }
  return n;
}

TEST(ShardedIngestKillTest, KilledMidRunThenRerunEndsWithExactCounts) {
  const fs::path dir = fs::temp_directory_path() / ("lode-shard-kill-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string mini = std::string(LODE_FIXTURES) + "/mini";
  const std::string more = std::string(LODE_CORPUS) + "/fr-eo-1994-2020";
  const std::string idx = (dir / "idx").string(), out = (dir / "out").string(), ref = (dir / "ref").string();
  ASSERT_LE(Lode("ingest -q " + mini + " --index " + idx), 1);
  ASSERT_EQ(Lode("shard -q --index " + idx + " --by count:3 -o " + out), 0);
  const uint64_t commits_before = ShardCommits(out);
  ASSERT_EQ(commits_before, 3u);  // each shard starts at lode:commit 1

  // Kill once a few shard commits have landed: between two commits, or in one.
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::vector<std::string> args = {LODE_BINARY, "ingest", "-q", "--flush-every", "50", "--index", out, more};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  for (int i = 0; i < 2400 && ShardCommits(out) < commits_before + 4; ++i) ::usleep(50 * 1000);
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "ingest finished before it could be killed";

  // The layout opens: the stub parses and Xapian reads it as one database.
  auto stub = ReadShardStub(out);
  ASSERT_TRUE(stub.ok()) << stub.status().message();
  ASSERT_EQ(stub->shard_count(), 3u);
  const Xapian::doccount partial = Xapian::Database(out).get_doccount();
  EXPECT_GT(partial, 0u);

  // A re-run finishes the job; the reference gets the same files unsharded.
  EXPECT_LE(Lode("ingest -q " + more + " --index " + out), 1);
  ASSERT_LE(Lode("ingest -q " + mini + " --index " + ref), 1);
  ASSERT_LE(Lode("ingest -q " + more + " --index " + ref), 1);

  const auto want = Ids(Xapian::Database(ref));
  Xapian::Database meta((fs::path(out) / "meta").string());
  ShardRule rule = ShardRule::Parse(meta.get_metadata(kMetaShardRule)).value();
  std::multiset<std::string> got;
  for (size_t i = 1; i < stub->lines.size(); ++i) {
    Xapian::Database db(stub->lines[i].path);
    const std::string key = db.get_metadata(kMetaShardKey);
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
      EXPECT_EQ(rule.KeyOf(db.get_document(*it)), key);
    auto ids = Ids(db);
    got.insert(ids.begin(), ids.end());
  }
  EXPECT_GT(want.size(), partial);
  EXPECT_EQ(got.size(), want.size());
  EXPECT_TRUE(got == want) << "sharded and unsharded ingests of the same files differ";
  EXPECT_EQ(std::set<std::string>(got.begin(), got.end()).size(), got.size()) << "an id twice";
  EXPECT_EQ(Xapian::Database(out).get_doccount(), Xapian::Database(ref).get_doccount());
  // The manifest in meta lists as many files as the reference's.
  auto count_src = [](const Xapian::Database& db) {
    size_t n = 0;
    for (auto k = db.metadata_keys_begin("src:"); k != db.metadata_keys_end("src:"); ++k) ++n;
    return n;
  };
  EXPECT_EQ(count_src(meta), count_src(Xapian::Database(ref)));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace lodestone::internal
