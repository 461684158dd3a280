// Discovery (pipeline/discover.h): what is found, in what order, what is
// left out, and what is reported instead of skipped silently. Runs on a
// small temporary folder written by the test.
#include "pipeline/discover.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <filesystem>
#include <fstream>
#include <functional>

namespace fs = std::filesystem;

namespace lodestone::internal {
namespace {

class DiscoverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("lode-discover-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "b");
    fs::create_directories(root_ / ".hidden");
    Write(root_ / "b" / "EO_1.xml");
    Write(root_ / "b" / "EO_1.json");
    Write(root_ / "a.md");
    Write(root_ / ".hidden" / "x.md");
  }
  void TearDown() override { fs::remove_all(root_); }
  static void Write(const fs::path& p) { std::ofstream(p) << "x"; }
  std::string Keys(const std::vector<FoundFile>& found) {
    std::string out;
    for (const auto& f : found) out += (out.empty() ? "" : " ") + f.key;
    return out;
  }
  fs::path root_;
};

TEST_F(DiscoverTest, SortedKeysWithoutHiddenEntriesAndBundlesByStem) {
  std::vector<IngestProblem> problems;
  auto found = Discover({root_.string()}, "", &problems);
  const std::string name = root_.filename().string();
  EXPECT_EQ(Keys(found), name + "/a.md " + name + "/b/EO_1.json " + name + "/b/EO_1.xml");
  EXPECT_TRUE(problems.empty());
  auto bundles = MakeBundles(found);
  ASSERT_EQ(bundles.size(), 2u);
  EXPECT_EQ(bundles[1].files.size(), 2u);  // EO_1.json and EO_1.xml: one document
}

TEST_F(DiscoverTest, ExcludedFolderAndMissingPath) {
  std::vector<IngestProblem> problems;
  auto found = Discover({root_.string(), (root_ / "nope").string()}, (root_ / "b").string(), &problems);
  EXPECT_EQ(Keys(found), root_.filename().string() + "/a.md");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].message, "no such file or directory");
}

// issue 10: a folder whose path is longer than the system allows was
// skipped silently; it is reported with the reason.
TEST_F(DiscoverTest, OverLongFolderPathIsReported) {
  // Build the chain with mkdirat: no single call sees the whole path.
  int fd = ::open(root_.c_str(), O_RDONLY | O_DIRECTORY);
  ASSERT_GE(fd, 0);
  const std::string part(200, 'd');
  size_t length = root_.string().size();
  while (length < PATH_MAX + 300) {
    ASSERT_EQ(::mkdirat(fd, part.c_str(), 0755), 0);
    int next = ::openat(fd, part.c_str(), O_RDONLY | O_DIRECTORY);
    ::close(fd);
    ASSERT_GE(next, 0);
    fd = next;
    length += part.size() + 1;
  }
  ::close(fd);
  std::vector<IngestProblem> problems;
  auto found = Discover({root_.string()}, "", &problems);
  EXPECT_EQ(found.size(), 3u);  // the other files are still found
  ASSERT_FALSE(problems.empty());
  EXPECT_NE(problems[0].message.find("longer than"), std::string::npos) << problems[0].message;
  EXPECT_NE(problems[0].path.find(part), std::string::npos);
  // remove_all cannot open the deepest folders by path: undo the chain by descriptors.
  std::function<void(int)> remove_chain = [&](int dir) {
    int child = ::openat(dir, part.c_str(), O_RDONLY | O_DIRECTORY);
    if (child >= 0) {
      remove_chain(child);
      ::close(child);
      ::unlinkat(dir, part.c_str(), AT_REMOVEDIR);
    }
  };
  int top = ::open(root_.c_str(), O_RDONLY | O_DIRECTORY);
  remove_chain(top);
  ::close(top);
}

}  // namespace
}  // namespace lodestone::internal
