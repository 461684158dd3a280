// The API table without sockets (server/src/api.cc, params.cc,
// static_files.cc; issue 12). The same answers over HTTP and against the CLI
// are checked by serve_test.py.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "lodestone/ingest/pipeline.h"
#include "lodestone/server/api.h"
#include "lodestone/server/server.h"
#include "params.h"
#include "static_files.h"

namespace lodestone::server {
namespace {

std::shared_ptr<query::Session> NoIndex() {
  query::SessionOptions o;
  o.index_dir = (std::filesystem::temp_directory_path() / "lode-api-test-no-index-here").string();
  return query::Session::Open(o);
}

TEST(ApiTest, NoIndexIsUnavailable) {
  auto s = NoIndex();
  ApiResponse r = Handle(*s, {"/api/stats", {}});
  EXPECT_EQ(r.status, 503);
  EXPECT_NE(r.body.find("\"code\":\"unavailable\""), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("no index at"), std::string::npos) << r.body;
}

TEST(ApiTest, UnknownEndpointIs404) {
  auto s = NoIndex();
  ApiResponse r = Handle(*s, {"/api/sarch", {{"q", "x"}}});
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("no endpoint /api/sarch"), std::string::npos) << r.body;
  // A prefix of an endpoint's name is not that endpoint.
  EXPECT_EQ(Handle(*s, {"/api/showx/eo:1", {}}).status, 404);
  EXPECT_EQ(Handle(*s, {"/api/timelines", {}}).status, 404);
}

TEST(ApiTest, ParametersAreCheckedBeforeTheIndexIsRead) {
  auto s = NoIndex();
  EXPECT_EQ(Handle(*s, {"/api/search", {}}).status, 400);
  EXPECT_EQ(Handle(*s, {"/api/search", {{"q", "x"}, {"limit", "1x"}}}).status, 400);
  EXPECT_EQ(Handle(*s, {"/api/search", {{"q", "x"}, {"limit", "101"}}}).status, 413);
  ApiCaps caps;
  caps.search_limit = 5;
  EXPECT_EQ(Handle(*s, {"/api/search", {{"q", "x"}, {"limit", "6"}}}, caps).status, 413);
  EXPECT_EQ(Handle(*s, {"/api/trace/lithium", {{"depth", "1"}}}).status, 400);  // trace takes no depth
  EXPECT_EQ(Handle(*s, {"/api/trace/", {}}).status, 400);                       // empty id
  // issue 15: a map's node count and the bursts listed are capped.
  EXPECT_EQ(Handle(*s, {"/api/network/keywords", {{"limit", "501"}}}).status, 413);
  EXPECT_EQ(Handle(*s, {"/api/network/keywords", {{"resolution", "x"}}}).status, 400);
  EXPECT_EQ(Handle(*s, {"/api/bursts", {{"limit", "1001"}}}).status, 413);
  EXPECT_EQ(Handle(*s, {"/api/bursts", {{"colour", "1"}}}).status, 400);
}

// issue 12: a search the result cache answers does not queue at the
// admission gate behind searches that do work; one it cannot answer, and
// every expensive request, asks to be admitted before working; cheap ones never.
TEST(ApiTest, AdmitIsAskedOnlyForWorkNotForCachedSearches) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("lode-api-test-admit-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  IngestOptions io;
  io.paths = {std::string(LODE_FIXTURES) + "/graph/docs"};
  io.index_dir = (dir / "index").string();
  io.threads = 1;
  auto ingested = Ingest(io);
  ASSERT_TRUE(ingested.ok()) << ingested.status().message();
  for (const size_t result_cache : {size_t{1} << 20, size_t{0}}) {
    SCOPED_TRACE(result_cache ? "with a result cache" : "without a result cache");
    query::SessionOptions so;
    so.index_dir = io.index_dir;
    so.result_cache_bytes = result_cache;
    auto session = query::Session::Open(so);
    int asked = 0;
    auto ask = [&](const std::string& path, std::vector<std::pair<std::string, std::string>> params) {
      return Handle(*session, ApiRequest(path, std::move(params), [&] { ++asked; }));
    };
    const ApiResponse first = ask("/api/search", {{"q", "lithium"}});
    ASSERT_EQ(first.status, 200) << first.body;
    ASSERT_NE(first.body.find("\"hits\":[{"), std::string::npos) << first.body;
    EXPECT_EQ(asked, 1);  // not in the cache yet: real work
    const ApiResponse again = ask("/api/search", {{"q", "lithium"}});
    EXPECT_EQ(again.body, first.body);
    EXPECT_EQ(asked, result_cache ? 1 : 2);  // the cache answered: no admission asked
    EXPECT_EQ(ask("/api/search", {{"q", "lithium"}, {"facets", "1"}}).status, 200);  // another key: work
    EXPECT_EQ(asked, result_cache ? 2 : 3);
    const int before = asked;
    EXPECT_EQ(ask("/api/search", {{"q", "lithium"}, {"limit", "1x"}}).status, 400);  // refused before any work
    EXPECT_EQ(ask("/api/show/eo:99101", {}).status, 200);
    EXPECT_EQ(ask("/api/neighbors/mineral:lithium", {}).status, 200);
    EXPECT_EQ(ask("/api/stats", {}).status, 200);
    EXPECT_EQ(asked, before);  // cheap: never asked
    EXPECT_EQ(ask("/api/trace/lithium", {}).status, 200);
    EXPECT_EQ(asked, before + 1);  // expensive, not cached: asked
  }
  fs::remove_all(dir);
}

TEST(ParamsTest, FirstProblemIsKept) {
  std::vector<std::pair<std::string, std::string>> given = {{"limit", "7"}, {"facets", "maybe"}, {"q", "a"}};
  internal::Params p(given, "/api/search", {"q", "limit", "facets"});
  size_t limit = 0;
  bool facets = false;
  std::string q;
  p.Number("limit", &limit, 10);
  EXPECT_EQ(limit, 7u);
  p.Flag("facets", &facets);
  p.Required("q", &q);
  EXPECT_EQ(p.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(p.status().message().find("facets takes 1 or 0"), std::string::npos);
  EXPECT_TRUE(q.empty());  // reads after the first problem do nothing
}

TEST(ParamsTest, DecimalsAreFiniteNumbers) {  // issue 15: --resolution, --gamma, --s
  std::vector<std::pair<std::string, std::string>> given = {{"resolution", "0.5"}, {"gamma", "2e0"}};
  internal::Params p(given, "/api/network/ID", {"resolution", "gamma"});
  double r = 1, g = 1;
  p.Decimal("resolution", &r);
  p.Decimal("gamma", &g);
  EXPECT_TRUE(p.ok());
  EXPECT_EQ(r, 0.5);
  EXPECT_EQ(g, 2.0);
  for (const char* bad : {"high", "1x", "nan", "inf", "1e999"}) {
    std::vector<std::pair<std::string, std::string>> b = {{"s", bad}};
    internal::Params q(b, "/api/bursts", {"s"});
    double s = 2;
    q.Decimal("s", &s);
    EXPECT_EQ(q.status().code(), Status::Code::kInvalidArgument) << bad;
    EXPECT_EQ(s, 2.0) << bad;
  }
}

TEST(ParamsTest, UnknownParameterNamesWhatIsTaken) {
  std::vector<std::pair<std::string, std::string>> given = {{"lim", "7"}};
  internal::Params p(given, "/api/rank", {"by", "limit"});
  EXPECT_NE(p.status().message().find("unknown parameter lim for /api/rank (it takes by, limit)"), std::string::npos)
      << p.status().message();
}

TEST(ListenTest, Addresses) {
  std::string host;
  int port = -1;
  ASSERT_TRUE(ParseListen("127.0.0.1:8080", &host, &port).ok());
  EXPECT_EQ(host, "127.0.0.1");
  EXPECT_EQ(port, 8080);
  ASSERT_TRUE(ParseListen("[::1]:0", &host, &port).ok());
  EXPECT_EQ(host, "::1");
  EXPECT_EQ(port, 0);
  ASSERT_TRUE(ParseListen(":9000", &host, &port).ok());
  EXPECT_EQ(host, "127.0.0.1");
  EXPECT_FALSE(ParseListen("8080", &host, &port).ok());
  EXPECT_FALSE(ParseListen("127.0.0.1:http", &host, &port).ok());
  EXPECT_FALSE(ParseListen("127.0.0.1:70000", &host, &port).ok());
  EXPECT_FALSE(ParseListen("::1:80", &host, &port).ok());
  EXPECT_TRUE(IsLoopback("127.0.0.1"));
  EXPECT_TRUE(IsLoopback("::1"));
  EXPECT_FALSE(IsLoopback("0.0.0.0"));
  EXPECT_FALSE(IsLoopback("192.168.1.2"));
}

TEST(StaticFilesTest, PageRoutes) {
  for (const char* p : {"/", "/search", "/doc/eo:14017", "/doc/usc:50/4501", "/timeline", "/timeline/x",
                        "/graph/eo:1", "/papers/doi:10.1/x", "/map", "/map/x", "/dossier/x", "/entity/稀土"})
    EXPECT_TRUE(internal::IsPageRoute(p)) << p;
  for (const char* p : {"/assets/x.js", "/doc", "/doc/", "/favicon.ico", "/searchx", "/search/x"})
    EXPECT_FALSE(internal::IsPageRoute(p)) << p;
}

TEST(StaticFilesTest, NeverOutsideTheFolder) {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / "lode-static-test";
  fs::remove_all(root);
  fs::create_directories(root / "web" / "assets");
  auto write = [](const fs::path& p, const std::string& text) {
    FILE* f = std::fopen(p.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs(text.c_str(), f);
    std::fclose(f);
  };
  write(root / "web" / "index.html", "<!doctype html>");
  write(root / "web" / "assets" / "a.css", "body{}");
  write(root / "secret", "no");
  const std::string dir = (root / "web").string();
  EXPECT_EQ(internal::StaticFile(dir, "/assets/a.css").body, "body{}");
  EXPECT_EQ(internal::StaticFile(dir, "/assets/a.css").content_type, "text/css; charset=utf-8");
  EXPECT_EQ(internal::StaticFile(dir, "/doc/x").body, "<!doctype html>");
  for (const char* p : {"/../secret", "/assets/../../secret", "/assets", "//etc/passwd"})
    EXPECT_EQ(internal::StaticFile(dir, p).status, 404) << p;
  EXPECT_EQ(internal::StaticFile("", "/").status, 404);
  fs::remove_all(root);
}

}  // namespace
}  // namespace lodestone::server
