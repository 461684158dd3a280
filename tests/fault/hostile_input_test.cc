// Fault tests (issue 11): hostile files in a batch with good ones. Each
// hostile file is generated here (never stored): XML nested 1,000,000 levels
// deep in the three structured XML formats, billion-laughs entities in an
// attribute, a BibTeX @string doubling chain, a line longer than the line
// limit. Every good file must still be indexed and every hostile one
// reported with its path and the limit it hit. The run is `lode` itself, so
// a crash is a failed expectation here, not a dead test binary; the ctest
// TIMEOUT (tests/CMakeLists.txt) bounds the time, not an assertion.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "query/cli_util.h"

namespace fs = std::filesystem;
using lodestone::testing::CliRun;
using lodestone::testing::Json;
using lodestone::testing::RunLode;

namespace {

std::string Repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * n);
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

void Write(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

// Ten entities, each ten of the one before: 10^9 "lol"s when expanded.
std::string LaughsDtd(const std::string& root) {
  std::string dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " [\n<!ENTITY l0 \"lol\">\n";
  for (int i = 1; i <= 9; ++i) dtd += "<!ENTITY l" + std::to_string(i) + " \"" + Repeat("&l" + std::to_string(i - 1) + ";", 10) + "\">\n";
  return dtd + "]>\n";
}

// The probe crashed at 100,000 levels in its sanitizer build; an
// optimised build's smaller frames survive that, so 1,000,000 (11 MB a file)
// crashes the recursive walk in any build.
constexpr int kDeep = 1000000;

// Hostile file name -> the words its failure must name.
std::map<std::string, std::string> WriteHostileFiles(const fs::path& dir) {
  fs::create_directories(dir);
  Write(dir / "deep-fr.xml", "<PRESDOCU><EXECORD>" + Repeat("<P>", kDeep) + "x" + Repeat("</P>", kDeep) +
                                 "</EXECORD></PRESDOCU>\n");
  Write(dir / "deep-jats.xml", "<article><body>" + Repeat("<sec>", kDeep) + "x" + Repeat("</sec>", kDeep) +
                                   "</body></article>\n");
  Write(dir / "deep-uslm.xml", "<bill xmlns=\"http://schemas.gpo.gov/xml/uslm\">" + Repeat("<section>", kDeep) +
                                   "x" + Repeat("</section>", kDeep) + "</bill>\n");
  Write(dir / "laughs-attr-fr.xml", LaughsDtd("PRESDOCU") + "<PRESDOCU a=\"&l9;\"><EXECORD>x</EXECORD></PRESDOCU>\n");
  Write(dir / "laughs-attr-jats.xml", LaughsDtd("article") + "<article><front article-type=\"&l9;\"/></article>\n");
  std::string bib = "@string{s0 = \"0123456789\"}\n";
  for (int i = 1; i <= 40; ++i)
    bib += "@string{s" + std::to_string(i) + " = s" + std::to_string(i - 1) + " # s" + std::to_string(i - 1) + "}\n";
  Write(dir / "doubling.bib", bib + "@article{k1, title = s40}\n");
  Write(dir / "long-line.ris", "TY  - JOUR\nTI  - " + std::string(size_t{5} << 20, 'a') + "\nER  - \n");
  return {{"deep-fr.xml", "XML nesting depth"},       {"deep-jats.xml", "XML nesting depth"},
          {"deep-uslm.xml", "XML nesting depth"},     {"laughs-attr-fr.xml", "XML entity expansion"},
          {"laughs-attr-jats.xml", "XML entity expansion"}, {"doubling.bib", "BibTeX macro expansion"},
          {"long-line.ris", "line length"}};
}

class HostileInputTest : public ::testing::Test {  // issue 11
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("lode-hostile-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "batch");
    for (const char* sub : {"fr", "papers", "wh", "cn"})
      fs::copy(std::string(LODE_FIXTURES) + "/mini/" + sub, root_ / "batch" / sub, fs::copy_options::recursive);
    fs::copy(std::string(LODE_FIXTURES) + "/papers-formats", root_ / "batch" / "papers-formats",
             fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(root_); }

  CliRun Ingest(const std::string& index) {
    return RunLode("ingest " + (root_ / "batch").string() + " --json --index " + (root_ / index).string(), false);
  }
  fs::path root_;
};

TEST_F(HostileInputTest, EveryGoodFileIsIndexedAndEveryHostileFileReportedWithItsLimit) {
  CliRun good = Ingest("good-index");
  ASSERT_EQ(good.code, 0) << good.out;
  rapidjson::Document g = Json(good.out);
  ASSERT_TRUE(g.IsObject());
  ASSERT_EQ(g["failed"].Size(), 0u) << good.out;
  const int good_documents = g["documents"].GetInt();
  ASSERT_GT(good_documents, 5);

  std::map<std::string, std::string> hostile = WriteHostileFiles(root_ / "batch" / "hostile");
  CliRun mixed = Ingest("mixed-index");
  ASSERT_NE(mixed.code, -1) << "lode died on a signal";
  EXPECT_EQ(mixed.code, 1) << "a run with failures exits 1";
  rapidjson::Document m = Json(mixed.out);
  ASSERT_TRUE(m.IsObject()) << mixed.out.substr(0, 2000);
  EXPECT_EQ(m["documents"].GetInt(), good_documents);  // not one good document lost
  std::map<std::string, std::string> reported;
  for (const auto& f : m["failed"].GetArray()) reported[fs::path(f["path"].GetString()).filename()] = f["error"].GetString();
  EXPECT_EQ(reported.size(), hostile.size()) << mixed.out.substr(0, 4000);
  for (const auto& [name, limit] : hostile) {
    auto it = reported.find(name);
    ASSERT_NE(it, reported.end()) << name << " not reported";
    EXPECT_NE(it->second.find("(limit: " + limit), std::string::npos) << name << ": " << it->second;
    EXPECT_EQ(it->second.find('\n'), std::string::npos) << name << ": one line";
  }

  // Update mode reads the same files again: the run still finishes (issue 11:
  // a hostile file used to kill every re-run).
  CliRun again = Ingest("mixed-index");
  ASSERT_NE(again.code, -1) << "lode died on a signal in update mode";
  rapidjson::Document a = Json(again.out);
  ASSERT_TRUE(a.IsObject());
  EXPECT_EQ(a["failed"].Size(), hostile.size());
  EXPECT_EQ(a["documents"].GetInt(), good_documents);
}

}  // namespace
