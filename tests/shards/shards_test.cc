// issue 13: a real-corpus index split into three shards, each served by a
// stock xapian-tcpsrv on loopback, answers as the single index does: the
// same top-20 ids in the same order with the same scores, the same facet
// counts, show, trace, stats and graph; a shard killed gives an error naming
// it, and --partial answers from the others and says so.
//
// The layout is made by the product itself, `lode shard --by count:3`, and
// each shard's live database is served by one xapian-tcpsrv. The corpus
// subset (executive orders, Chinese laws, eLife papers, U.S. Code chunks)
// keeps the run near a minute; bench/shard_equal.py checks the whole corpus
// the same way (not in ctest: minutes). Servers are started on free ports,
// waited for with a bound, and killed by their pid when the suite ends,
// whatever happened.
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "../query/cli_util.h"
#include "lodestone/query/session.h"
#include "tcpsrv.h"

namespace lodestone::testing {
namespace {

namespace fs = std::filesystem;

class ShardsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    base_ = new std::string((fs::temp_directory_path() / ("lode-shards-" + std::to_string(::getpid()))).string());
    fs::remove_all(*base_);
    fs::create_directories(*base_);
    const std::string corpus = LODE_CORPUS;
    std::string paths;
    for (const char* sub : {"fr-eo-1994-2020", "cn-laws", "elife-jats", "uscode-md-chunks"})
      paths += " " + ShellQuote(corpus + "/" + sub);
    CliRun r = RunLode("ingest" + paths + " -q --index " + ShellQuote(Single()), true);
    ASSERT_EQ(r.code, 0) << r.out;
    r = RunLode("shard -q --index " + ShellQuote(Single()) + " --by count:3 -o " + ShellQuote(Local()), true);
    ASSERT_EQ(r.code, 0) << r.out;
    std::string stub = "# three shards served by xapian-tcpsrv (shards_test.cc)\nauto " + Local() + "/meta\n";
    for (int k = 0; k < 3; ++k) {
      const std::string live = LiveDatabase(Local() + "/shard-" + std::to_string(k));
      ASSERT_FALSE(live.empty()) << "lode shard wrote no shard-" << k;
      const int port = FreePort();
      const pid_t pid = StartServer(live, port);
      ASSERT_GT(pid, 0) << "xapian-tcpsrv did not start on port " << port;
      pids_->push_back(pid);
      ports_->push_back(port);
      stub += "remote 127.0.0.1:" + std::to_string(port) + "\n";
    }
    fs::create_directories(Remote());
    std::ofstream(fs::path(Remote()) / "XAPIANDB") << stub;
  }
  static void TearDownTestSuite() {
    for (pid_t p : *pids_) StopServer(p);
    fs::remove_all(*base_);
  }
  static std::string Single() { return *base_ + "/single"; }
  static std::string Local() { return *base_ + "/local3"; }
  static std::string Remote() { return *base_ + "/remote3"; }
  static CliRun Lode(const std::string& args, const std::string& index, bool with_stderr = false) {
    return RunLode(args + " --json --index " + ShellQuote(index), with_stderr);
  }

  static std::string* base_;
  static std::vector<pid_t>* pids_;
  static std::vector<int>* ports_;
};
std::string* ShardsTest::base_ = nullptr;
std::vector<pid_t>* ShardsTest::pids_ = new std::vector<pid_t>;
std::vector<int>* ShardsTest::ports_ = new std::vector<int>;

const char* const kQueries[] = {
    "critical minerals supply chain", "lithium",     "rare earth elements", "national security emergency",
    "lith*",                          "\"defense production act\"", "cobalt OR nickel", "kind:executive_order energy",
    "stockpile -defense",             "climate change", "稀土",            "revoke executive order",
    "title:trade",                    "mineral:lithium"};

std::string Dump(const rapidjson::Value& v) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  v.Accept(w);
  return buf.GetString();
}

void ExpectSameHits(const std::string& q, const rapidjson::Value& a, const rapidjson::Value& b) {
  ASSERT_TRUE(a.HasMember("hits") && b.HasMember("hits")) << q;
  const auto& ha = a["hits"];
  const auto& hb = b["hits"];
  ASSERT_EQ(ha.Size(), hb.Size()) << q;
  for (rapidjson::SizeType i = 0; i < ha.Size(); ++i) {
    EXPECT_STREQ(ha[i]["id"].GetString(), hb[i]["id"].GetString()) << q << " rank " << i + 1;
    // Within 1e-9, plus a relative 1e-3 for a query word with several indexed
    // forms: stems are expanded at search time into OP_SYNONYM (issue 10),
    // whose term frequency Xapian 1.4 estimates per shard, so the sum of the
    // shards' estimates differs from the single index's by about 1e-4 of a
    // score. The boost and wildcard bugs this test guards against moved
    // scores by 2 to 8 (tens of percent).
    const double sa = ha[i]["score"].GetDouble();
    EXPECT_NEAR(sa, hb[i]["score"].GetDouble(), 1e-9 + 1e-3 * std::abs(sa)) << q << " rank " << i + 1;
  }
  // An exact total is the same; an estimate may differ (each remote shard
  // checks its own first matches).
  if (a["total_exact"].GetBool()) {
    EXPECT_EQ(a["total"].GetUint64(), b["total"].GetUint64()) << q;
  }
}

TEST_F(ShardsTest, SearchesGiveTheSameIdsOrderAndScores) {
  for (const std::string& layout : {Local(), Remote()}) {
    for (const char* q : kQueries) {
      CliRun one = Lode("search " + ShellQuote(q) + " -n 20", Single());
      CliRun many = Lode("search " + ShellQuote(q) + " -n 20", layout);
      ASSERT_EQ(one.code, 0) << q << one.out;
      ASSERT_EQ(many.code, 0) << q << " over " << layout << many.out;
      auto a = Json(one.out), b = Json(many.out);
      ASSERT_GT(a["hits"].Size(), 0u) << q;  // every query finds something, or it tests nothing
      ExpectSameHits(q, a, b);
    }
  }
}

TEST_F(ShardsTest, FacetCountsAreEqual) {
  for (const char* q : {"lithium", "critical minerals", "kind:executive_order", "energy"}) {
    CliRun one = Lode("search " + ShellQuote(q) + " --facets -n 5", Single());
    CliRun many = Lode("search " + ShellQuote(q) + " --facets -n 5", Remote());
    ASSERT_EQ(one.code, 0) << one.out;
    ASSERT_EQ(many.code, 0) << many.out;
    auto a = Json(one.out), b = Json(many.out);
    ASSERT_TRUE(a["facets"].HasMember("mineral")) << q;
    for (const char* f : {"kind", "year", "jurisdiction", "mineral", "agency", "country"}) {
      ASSERT_TRUE(b["facets"].HasMember(f)) << q << " " << f;
      EXPECT_EQ(Dump(a["facets"][f]), Dump(b["facets"][f])) << q << ": facet " << f;
    }
  }
}

TEST_F(ShardsTest, SpellingAndSynonymsComeFromMeta) {
  // Remote shards return no spelling and no synonyms: meta, local, does.
  CliRun one = Lode("search lithim", Single()), many = Lode("search lithim", Remote());
  auto a = Json(one.out), b = Json(many.out);
  ASSERT_TRUE(a.HasMember("suggestion")) << one.out;
  ASSERT_TRUE(b.HasMember("suggestion")) << many.out;
  EXPECT_STREQ(a["suggestion"].GetString(), b["suggestion"].GetString());
}

TEST_F(ShardsTest, ShowStatsAndTraceAreEqual) {
  CliRun one = Lode("show eo:13959", Single()), many = Lode("show eo:13959", Remote());
  ASSERT_EQ(one.code, 0) << one.out;
  EXPECT_EQ(one.out, many.out);
  auto sa = Json(Lode("stats", Single()).out), sb = Json(Lode("stats", Remote()).out);
  EXPECT_EQ(sa["documents"].GetUint64(), sb["documents"].GetUint64());
  EXPECT_TRUE(sa["by_kind"] == sb["by_kind"]);
  EXPECT_TRUE(sa["entities_by_type"] == sb["entities_by_type"]);
  ASSERT_TRUE(sb.HasMember("shards")) << "stats of a layout list its shards";
  ASSERT_EQ(sb["shards"].Size(), 4u);  // meta and three shards
  uint64_t sum = 0;
  for (const auto& s : sb["shards"].GetArray()) sum += s["documents"].GetUint64();
  EXPECT_EQ(sum, sa["documents"].GetUint64());
  EXPECT_TRUE(sb["shards"][1]["remote"].GetBool());
  for (const char* t : {"trace mineral:lithium", "trace mineral:cobalt --as-of 2021-01-01", "neighbors eo:13959"}) {
    CliRun ta = Lode(t, Single()), tb = Lode(t, Remote());
    ASSERT_EQ(ta.code, 0) << t << ta.out;
    EXPECT_EQ(ta.out, tb.out) << t;
  }
}

TEST_F(ShardsTest, GraphHasTheSameNodesAndEdges) {
  auto count = [](const std::string& index) -> std::pair<size_t, size_t> {
    query::SessionOptions o;
    o.index_dir = index;
    o.graph_cache = false;
    auto session = query::Session::Open(o);
    auto kg = session->Read([](query::View& v) { return v.KeepGraph(); });
    EXPECT_TRUE(kg.ok()) << kg.status().message();
    if (!kg.ok()) return {0, 0};
    return {(*kg)->num_nodes(), (*kg)->num_edges()};
  };
  auto one = count(Single());
  EXPECT_GT(one.second, 0u);
  EXPECT_EQ(one, count(Local()));
  EXPECT_EQ(one, count(Remote()));
}

// A graph built over remote shards is slow (a round trip per posting list):
// the graph commands say so on stderr, with the time it took; -q silences
// it, and nothing is said over local shards or a plain index.
TEST_F(ShardsTest, GraphOverRemoteShardsSaysSoUnlessQuiet) {
  const std::string ask = "trace mineral:lithium --no-cache -n 1 --index ";
  CliRun loud = RunLodeRaw(ask + ShellQuote(Remote()) + " 2>&1 >/dev/null");
  ASSERT_EQ(loud.code, 0) << loud.out;
  EXPECT_NE(loud.out.find("lode: graph: reading the postings of 3 remote shards"), std::string::npos) << loud.out;
  EXPECT_NE(loud.out.find("shard 1 (remote 127.0.0.1:" + std::to_string(ports_->at(1))), std::string::npos)
      << loud.out;
  EXPECT_NE(loud.out.find("graph: postings of 3 remote shards read in "), std::string::npos) << loud.out;
  EXPECT_NE(loud.out.find("lode: graph: built in "), std::string::npos) << loud.out;
  CliRun quiet = RunLodeRaw(ask + ShellQuote(Remote()) + " -q 2>&1 >/dev/null");
  ASSERT_EQ(quiet.code, 0) << quiet.out;
  EXPECT_EQ(quiet.out, "");
  for (const std::string& index : {Single(), Local()}) {
    CliRun local = RunLodeRaw(ask + ShellQuote(index) + " 2>&1 >/dev/null");
    ASSERT_EQ(local.code, 0) << local.out;
    EXPECT_EQ(local.out, "") << index;
  }
}

// Last: it kills a server.
TEST_F(ShardsTest, ZKilledShardIsNamedAndPartialAnswers) {
  StopServer(pids_->at(2));
  pids_->at(2) = -1;
  const std::string port = std::to_string(ports_->at(2));
  CliRun failed = Lode("search lithium", Remote(), true);
  EXPECT_NE(failed.code, 0);
  EXPECT_NE(failed.out.find("shard 2 (remote 127.0.0.1:" + port + ", line 5 of "), std::string::npos) << failed.out;
  EXPECT_NE(failed.out.find("--partial"), std::string::npos) << failed.out;
  CliRun partial = Lode("search lithium --partial", Remote());
  ASSERT_EQ(partial.code, 0) << partial.out;
  auto p = Json(partial.out);
  ASSERT_TRUE(p.HasMember("partial")) << partial.out;
  ASSERT_EQ(p["partial"]["missing"].Size(), 1u);
  EXPECT_NE(std::string(p["partial"]["missing"][0].GetString()).find(port), std::string::npos);
  EXPECT_GT(p["hits"].Size(), 0u);
  CliRun warned = RunLodeRaw("search lithium --partial --index " + ShellQuote(Remote()) + " 2>&1 >/dev/null");
  EXPECT_NE(warned.out.find("partial answer"), std::string::npos) << warned.out;
}

}  // namespace
}  // namespace lodestone::testing
