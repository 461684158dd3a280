// The fetch folder: lock, leftovers of a killed run, atomic writes, the
// state file (fetch/src/record_store.cc).
#include "record_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace lodestone::fetch_internal {
namespace {

class RecordStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("lode-store-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::vector<std::string> Names() {
    std::vector<std::string> n;
    for (const auto& e : fs::directory_iterator(dir_)) n.push_back(e.path().filename().string());
    std::sort(n.begin(), n.end());
    return n;
  }
  fs::path dir_;
};

TEST_F(RecordStoreTest, CreatesTheFolderAndWritesAtomically) {
  auto s = RecordStore::Open((dir_ / "new" / "deeper").string());
  ASSERT_TRUE(s.ok()) << s.status().message();
  ASSERT_TRUE((*s)->Write("2012-7019.json", "{\"a\":1}").ok());
  ASSERT_TRUE((*s)->Write("2012-7019.json", "{\"a\":2}").ok());  // replaced whole
  EXPECT_EQ((*s)->Read("2012-7019.json").value(), "{\"a\":2}");
  EXPECT_TRUE((*s)->Exists("2012-7019.json"));
  (*s)->Remove("2012-7019.json");
  EXPECT_FALSE((*s)->Exists("2012-7019.json"));
  dir_ = dir_ / "new" / "deeper";
  EXPECT_EQ(Names(), (std::vector<std::string>{".lode-fetch.lock"}));  // no temporary file stays
}

TEST_F(RecordStoreTest, ASecondFetchIntoTheFolderIsRefused) {
  auto first = RecordStore::Open(dir_.string());
  ASSERT_TRUE(first.ok());
  auto second = RecordStore::Open(dir_.string());
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.status().message().find("being written by another lode fetch"), std::string::npos);
  first->reset();
  EXPECT_TRUE(RecordStore::Open(dir_.string()).ok());  // released with the store
}

TEST_F(RecordStoreTest, LeftoversOfAKilledRunAreRemoved) {
  fs::create_directories(dir_);
  std::ofstream(dir_ / ".lode-tmp-4242-2012-7019.xml") << "<PRESDOCU>half";
  std::ofstream(dir_ / "2012-7019.json") << "{}";
  auto s = RecordStore::Open(dir_.string());
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)->leftovers_removed(), 1u);
  EXPECT_EQ(Names(), (std::vector<std::string>{".lode-fetch.lock", "2012-7019.json"}));
}

TEST_F(RecordStoreTest, StateSurvivesAReopen) {
  {
    auto s = RecordStore::Open(dir_.string());
    ASSERT_TRUE(s.ok());
    (*s)->Put("2012-7019", StoredRecord{0xfedcba9876543210ULL, "xml", "2012-7019.xml", "https://h/x.xml", "2025-01-01T00:00:00Z"});
    (*s)->Put("E9-1712", StoredRecord{7, "", "", "", "2025-01-02T00:00:00Z"});
    RunNote note;
    note.records = 2;
    note.complete = true;
    ASSERT_TRUE((*s)->Save(note).ok());
  }
  auto s = RecordStore::Open(dir_.string());
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)->size(), 2u);
  const StoredRecord* r = (*s)->Find("2012-7019");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->hash, 0xfedcba9876543210ULL);
  EXPECT_EQ(r->full_text, "xml");
  EXPECT_EQ(r->file, "2012-7019.xml");
  EXPECT_EQ(r->url, "https://h/x.xml");
  EXPECT_EQ(r->fetched, "2025-01-01T00:00:00Z");
  EXPECT_EQ((*s)->Find("E9-1712")->hash, 7u);
  EXPECT_EQ((*s)->Find("2012-7020"), nullptr);
}

TEST_F(RecordStoreTest, ADamagedStateIsSetAsideNotFatal) {
  fs::create_directories(dir_);
  std::ofstream(dir_ / ".lode-fetch.json") << "{\"documents\": {\"2012-70";
  auto s = RecordStore::Open(dir_.string());
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE((*s)->state_was_damaged());
  EXPECT_EQ((*s)->size(), 0u);
  EXPECT_TRUE(fs::exists(dir_ / ".lode-fetch.json.bad"));
}

}  // namespace
}  // namespace lodestone::fetch_internal
