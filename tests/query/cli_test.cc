// End-to-end: the real `lode` binary on a real index built from the fixtures.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include "cli_util.h"

namespace fs = std::filesystem;

namespace {

using lodestone::testing::CliRun;
using lodestone::testing::Json;
using lodestone::testing::ReadFile;

CliRun Lode(const std::string& args) { return lodestone::testing::RunLode(args, false); }

class CliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string((fs::temp_directory_path() / ("lode-cli-" + std::to_string(::getpid()))).string());
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    fs::copy(std::string(LODE_FIXTURES) + "/mini", *dir_ + "/mini", fs::copy_options::recursive);
    fs::remove_all(*dir_ + "/mini/bad");
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  static std::string Index() { return " --index " + *dir_ + "/index"; }
  static std::string* dir_;
};
std::string* CliTest::dir_ = nullptr;

TEST_F(CliTest, IngestSearchShowStats) {
  CliRun ingest = Lode("ingest " + *dir_ + "/mini --json" + Index());
  ASSERT_EQ(ingest.code, 0) << ingest.out;
  auto sum = Json(ingest.out);
  for (const char* k : {"added", "updated", "unchanged", "removed", "failed"}) EXPECT_TRUE(sum.HasMember(k)) << k;
  EXPECT_GT(sum["added"].GetUint64(), 3u);
  EXPECT_EQ(sum["failed"].Size(), 0u);

  CliRun search = Lode("search gallium --json --facets" + Index());
  ASSERT_EQ(search.code, 0);
  auto res = Json(search.out);
  ASSERT_TRUE(res["hits"].IsArray());
  ASSERT_GE(res["hits"].Size(), 1u);
  bool found_order = false;
  for (const auto& hit : res["hits"].GetArray()) {
    for (const char* k : {"id", "source", "title", "kind", "date", "score", "snippet"}) EXPECT_TRUE(hit.HasMember(k)) << k;
    EXPECT_NE(std::string(hit["snippet"].GetString()).find("<mark>"), std::string::npos) << hit["snippet"].GetString();
    found_order = found_order || std::string(hit["id"].GetString()) == "eo:99001";
  }
  EXPECT_TRUE(found_order);
  EXPECT_TRUE(res["facets"].HasMember("kind"));
  EXPECT_TRUE(res["facets"].HasMember("year"));

  CliRun cn = Lode("search 稀土 --json" + Index());
  ASSERT_EQ(cn.code, 0);
  EXPECT_EQ(Json(cn.out)["total"].GetUint64(), 1u);

  CliRun show = Lode("show eo:99001 --json" + Index());
  ASSERT_EQ(show.code, 0);
  auto doc = Json(show.out);
  EXPECT_STREQ(doc["kind"].GetString(), "executive_order");
  EXPECT_STREQ(doc["date"].GetString(), "2015-03-03");

  CliRun by_path = Lode("show " + *dir_ + "/mini/fr/EO_99001.htm --json" + Index());
  ASSERT_EQ(by_path.code, 0);
  EXPECT_STREQ(Json(by_path.out)["id"].GetString(), "eo:99001");

  CliRun stats = Lode("stats --json" + Index());
  ASSERT_EQ(stats.code, 0);
  auto st = Json(stats.out);
  EXPECT_EQ(st["documents"].GetUint64(), sum["documents"].GetUint64());
  EXPECT_TRUE(st["by_kind"].HasMember("executive_order"));
}

// issue 16 (issue 9's timeline needs it): every document's jurisdiction in
// show and search, as a filter and as a facet.
TEST_F(CliTest, JurisdictionInShowSearchAndFacets) {
  ASSERT_EQ(Lode("ingest " + *dir_ + "/mini -q" + Index()).code, 0);
  auto jurisdiction_of = [&](const std::string& id) {
    CliRun r = Lode("show " + id + " --json --no-text" + Index());
    EXPECT_EQ(r.code, 0) << id;
    auto d = Json(r.out);
    return d.HasMember("jurisdiction") ? std::string(d["jurisdiction"].GetString()) : "(missing)";
  };
  EXPECT_EQ(jurisdiction_of("eo:99001"), "us");
  EXPECT_EQ(jurisdiction_of("eo:99002"), "us");
  EXPECT_EQ(jurisdiction_of(*dir_ + "/mini/cn/export-note_2020-10-17.md"), "cn");
  EXPECT_EQ(jurisdiction_of(*dir_ + "/mini/wh/2023-05-20-a-statement.md"), "intl");
  EXPECT_EQ(jurisdiction_of(*dir_ + "/mini/papers/sample.jsonl"), "");

  CliRun cn = Lode("search jurisdiction:cn --json" + Index());
  ASSERT_EQ(cn.code, 0) << cn.out;
  auto c = Json(cn.out);
  ASSERT_EQ(c["total"].GetUint64(), 1u);
  EXPECT_STREQ(c["hits"][0]["jurisdiction"].GetString(), "cn");
  EXPECT_STREQ(c["hits"][0]["title"].GetString(), "关于稀土出口管制的说明");

  CliRun all = Lode("search 'kind:executive_order OR kind:statement OR lang:zh' --facets --json" + Index());
  ASSERT_EQ(all.code, 0) << all.out;
  auto all_json = Json(all.out);  // kept alive: f points into it
  auto f = all_json["facets"].GetObject();
  ASSERT_TRUE(f.HasMember("jurisdiction")) << all.out;
  EXPECT_EQ(f["jurisdiction"]["us"].GetUint64(), 2u);
  EXPECT_EQ(f["jurisdiction"]["cn"].GetUint64(), 1u);
  EXPECT_EQ(f["jurisdiction"]["intl"].GetUint64(), 1u);
}

// issue 9: lode similar lists related documents, never the one asked about.
TEST_F(CliTest, SimilarListsOtherDocuments) {
  ASSERT_EQ(Lode("ingest " + *dir_ + "/mini -q" + Index()).code, 0);
  CliRun r = Lode("similar eo:99001 --json --limit 3" + Index());
  ASSERT_EQ(r.code, 0) << r.out;
  auto res = Json(r.out);
  EXPECT_STREQ(res["id"].GetString(), "eo:99001");
  ASSERT_TRUE(res["terms"].IsArray());
  EXPECT_GT(res["terms"].Size(), 0u);
  ASSERT_TRUE(res["similar"].IsArray());
  ASSERT_GE(res["similar"].Size(), 1u);
  EXPECT_LE(res["similar"].Size(), 3u);
  for (const auto& hit : res["similar"].GetArray()) {
    for (const char* k : {"id", "source", "title", "kind", "date", "score", "rank"}) EXPECT_TRUE(hit.HasMember(k)) << k;
    EXPECT_STRNE(hit["id"].GetString(), "eo:99001");
  }
  CliRun text = Lode("similar eo:99001" + Index());
  EXPECT_EQ(text.code, 0);
  EXPECT_NE(text.out.find("Documents like Securing Imaginary Gallium Supplies (eo:99001)"), std::string::npos);
  EXPECT_EQ(Lode("similar eo:99009" + Index()).code, 1);
}

TEST_F(CliTest, ErrorsHaveExitCodes) {
  Lode("ingest " + *dir_ + "/mini -q" + Index());
  CliRun syntax = Lode("search 'lithium AND (' --json" + Index());
  EXPECT_EQ(syntax.code, 2);
  EXPECT_NE(syntax.out.find("syntax"), std::string::npos);
  CliRun missing = Lode("show eo:99009" + Index());
  EXPECT_EQ(missing.code, 1);
  CliRun no_index = Lode("stats --index " + *dir_ + "/nowhere");
  EXPECT_EQ(no_index.code, 1);
  CliRun usage = Lode("search");
  EXPECT_EQ(usage.code, 2);
  CliRun help = Lode("search --help");
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("kind:executive_order"), std::string::npos);
}

// issue 11: a damaged index is reported as damaged, with what to do, by
// readers and by an update (never a crash or a hang).
TEST_F(CliTest, DamagedIndexSaysRebuild) {
  ASSERT_EQ(Lode("ingest " + *dir_ + "/mini -q" + Index()).code, 0);
  const std::string copy = *dir_ + "/damaged";
  fs::remove_all(copy);
  fs::copy(*dir_ + "/index", copy, fs::copy_options::recursive);
  size_t damaged = 0;
  for (const auto& e : fs::recursive_directory_iterator(copy)) {
    if (e.path().filename() != "spelling.glass") continue;
    std::fstream f(e.path(), std::ios::in | std::ios::out | std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(f)), {});
    for (size_t i = 0; i < bytes.size(); i += 97) bytes[i] = static_cast<char>(bytes[i] ^ 0x5a);
    f.seekp(0);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    ++damaged;
  }
  ASSERT_GT(damaged, 0u);
  // A reader fails cleanly, naming the index (Xapian reports this damage to
  // a reader as a discarded revision, which the session retries first).
  CliRun search = lodestone::testing::RunLode("search lithium --index " + copy, true);
  EXPECT_EQ(search.code, 1) << search.out;
  EXPECT_NE(search.out.find(copy), std::string::npos) << search.out;
  // The update says the index is damaged and how to recover.
  CliRun update = lodestone::testing::RunLode("ingest " + *dir_ + "/mini -q --index " + copy, true);
  EXPECT_EQ(update.code, 1) << update.out;
  EXPECT_NE(update.out.find("damaged index"), std::string::npos) << update.out;
  EXPECT_NE(update.out.find("--rebuild"), std::string::npos) << update.out;
  fs::remove_all(copy);
}

// issue 10: an empty or blank required argument is a usage error that names
// the argument (never a search of everything or "no document  ").
TEST_F(CliTest, EmptyArgumentsAreRefusedByName) {
  struct Case {
    std::string args, named;
  };
  const std::vector<Case> cases = {
      {"search ''", "query"},          {"search '  '", "query"},       {"show ''", "id"},
      {"show ' '", "id"},              {"similar ''", "id"},           {"entity ''", "name"},
      {"trace ''", "mineral"},         {"neighbors ''", "id"},         {"path '' eo:99001", "from"},
      {"path eo:99001 ''", "to"},      {"cites ''", "id"},             {"cited-by ''", "id"},
      {"timeline ''", "id"},           {"cooccur ''", "id"},           {"cocite ''", "id"},
      {"couple ''", "id"},             {"render '' -o x.svg", "id"},   {"export --around ''", "--around"},
      {"export --query ''", "--query"}, {"export -o ''", "--output"},  {"network ''", "type"},
      {"bursts --type ''", "--type"},  {"ingest ''", "paths"},
  };
  for (const Case& c : cases) {
    CliRun r = lodestone::testing::RunLode(c.args + Index(), true);
    EXPECT_EQ(r.code, 2) << c.args << "\n" << r.out;
    EXPECT_EQ(r.out.rfind(c.named + ": must not be empty; give ", 0), 0u) << c.args << "\n" << r.out;
  }
  // With --json the usage error is also the JSON error object on stdout.
  CliRun json = Lode("show '' --json" + Index());
  EXPECT_EQ(json.code, 2);
  auto err = Json(json.out);
  ASSERT_TRUE(err.IsObject()) << json.out;
  EXPECT_STREQ(err["code"].GetString(), "invalid_argument");
  EXPECT_EQ(std::string(err["error"].GetString()).rfind("id: must not be empty", 0), 0u) << json.out;
}

// issue 10: JSON was once concatenated by hand, and a path with a quote gave
// invalid JSON. Paths and values with quotes, backslashes, control characters
// and an apostrophe must come back intact from every --json answer.
TEST_F(CliTest, JsonEscapesQuotesBackslashesAndControlCharacters) {
  using lodestone::testing::ShellQuote;
  const std::string dir = *dir_ + "/nasty \"q\" \\b\x01\t'a";
  fs::create_directories(dir);
  const std::string md = dir + "/2024-01-02-say \"hi\" \\ \x1f.md";
  {
    std::ofstream f(md, std::ios::binary);
    f << "---\ndate: '2024-01-02'\ntitle: 'Lithium \"quoted\" \\ back''s'\n---\n"
         "Lithium and a \"quote\", a \\ backslash and a bell \x07 in the text.\n";
  }
  const std::string bad = dir + "/broken \"x\".json";
  {
    std::ofstream f(bad, std::ios::binary);
    f << "{\"title\": ";
  }
  const std::string index = " --index " + ShellQuote(*dir_ + "/index-nasty");
  CliRun ingest = Lode("ingest " + ShellQuote(dir) + " --json" + index);
  EXPECT_EQ(ingest.code, 1) << ingest.out;  // the broken file
  auto sum = Json(ingest.out);
  ASSERT_TRUE(sum["failed"].IsArray()) << ingest.out;
  ASSERT_EQ(sum["failed"].Size(), 1u) << ingest.out;
  EXPECT_EQ(std::string(sum["failed"][0]["path"].GetString()), bad);

  CliRun show = Lode("show " + ShellQuote(md) + " --json" + index);
  ASSERT_EQ(show.code, 0) << show.out;
  auto doc = Json(show.out);
  EXPECT_EQ(std::string(doc["source"].GetString()), md);
  EXPECT_EQ(std::string(doc["sources"][0]["path"].GetString()), md);
  EXPECT_EQ(std::string(doc["title"].GetString()), "Lithium \"quoted\" \\ back's");
  EXPECT_NE(std::string(doc["text"].GetString()).find("a \\ backslash and a bell \x07 in"), std::string::npos);
  EXPECT_EQ(show.out.find('\x07'), std::string::npos) << "control characters are escaped";

  CliRun search = Lode("search lithium --json" + index);
  ASSERT_EQ(search.code, 0) << search.out;
  auto hits = Json(search.out);
  ASSERT_EQ(hits["hits"].Size(), 1u) << search.out;
  EXPECT_EQ(std::string(hits["hits"][0]["source"].GetString()), md);

  const std::string out = dir + "/graph \"1\".json";
  CliRun ex = Lode("export --format json -o " + ShellQuote(out) + " --json" + index);
  ASSERT_EQ(ex.code, 0) << ex.out;
  auto written = Json(ex.out);
  ASSERT_EQ(written["files"].Size(), 1u) << ex.out;
  EXPECT_EQ(std::string(written["files"][0].GetString()), out);
  Json(ReadFile(out));  // the export itself parses

  // An error names the input as given, escaped too.
  CliRun missing = Lode("show " + ShellQuote("eo:\"1\\") + " --json" + index);
  EXPECT_EQ(missing.code, 1);
  auto err = Json(missing.out);
  ASSERT_TRUE(err.HasMember("error")) << missing.out;
  EXPECT_NE(std::string(err["error"].GetString()).find("eo:\"1\\"), std::string::npos) << missing.out;
}

// issue 10 (and 11): a full disk is a failure with the reason, never exit 0
// with the answer lost.
TEST_F(CliTest, FullDiskIsAnErrorWithTheReason) {
  ASSERT_TRUE(fs::exists("/dev/full"));
  ASSERT_EQ(Lode("ingest " + *dir_ + "/mini -q" + Index()).code, 0);
  for (const std::string& cmd : {std::string("search gallium"), std::string("search gallium --json"),
                                 std::string("show eo:99001 --json"), std::string("stats")}) {
    CliRun r = lodestone::testing::RunLodeRaw(cmd + Index() + " 2>&1 >/dev/full");
    EXPECT_EQ(r.code, 1) << cmd << ": " << r.out;
    EXPECT_EQ(r.out, "lode: cannot write standard output: No space left on device\n") << cmd;
  }
  CliRun file = lodestone::testing::RunLodeRaw("export --format json -o /dev/full" + Index() + " 2>&1");
  EXPECT_EQ(file.code, 1) << file.out;
  EXPECT_EQ(file.out, "lode: cannot write /dev/full: No space left on device\n");
}

TEST_F(CliTest, FailedFileMakesIngestExitOne) {
  fs::create_directories(*dir_ + "/broken");
  std::FILE* f = std::fopen((*dir_ + "/broken/EO_1.xml").c_str(), "w");
  std::fputs("<?xml version=\"1.0\"?><PRESDOCU><EXECORD>", f);
  std::fclose(f);
  CliRun r = Lode("ingest " + *dir_ + "/broken --json --index " + *dir_ + "/index-broken");
  EXPECT_EQ(r.code, 1);
  auto sum = Json(r.out);
  ASSERT_EQ(sum["failed"].Size(), 1u);
  EXPECT_NE(std::string(sum["failed"][0]["error"].GetString()).find("malformed XML"), std::string::npos);
}

}  // namespace
