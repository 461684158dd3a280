// lode-bench-shards (issue 13): search and trace latency over 1, 2 and 3
// shards served by stock xapian-tcpsrv on loopback (meta local), next to the
// single index and 3 local shards, in one run; and the graph's read time
// over remote postings against local. Prints figures only.
//
//   lode-bench-shards --index IDX [--rounds 5]
// IDX is an existing lode index folder (e.g. of the whole corpus). The
// layouts are split from it by `lode shard`'s own SplitIndex (count:1, 2, 3;
// the count:3 layout is also read locally) into a scratch folder and removed
// after; the servers are tests/shards/tcpsrv.h's.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../tests/shards/tcpsrv.h"
#include "lodestone/index/searcher.h"
#include "lodestone/index/shard.h"
#include "lodestone/query/engine.h"
#include "lodestone/query/session.h"

using namespace lodestone;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

const char* const kQueries[] = {"critical minerals supply chain", "lithium", "rare earth elements",
                                "national security emergency", "cobalt OR nickel", "climate change",
                                "defense production act", "kind:executive_order energy", "semiconductor", "稀土"};
const char* const kTraces[] = {"mineral:lithium", "mineral:cobalt", "mineral:gallium"};

double Ms(Clock::time_point a) { return std::chrono::duration<double, std::milli>(Clock::now() - a).count(); }

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

struct Row {
  std::string name;
  double search_ms = 0, trace_ms = 0, graph_s = 0;
};

Row Measure(const std::string& name, const std::string& index, int rounds, bool graph) {
  Row row{name};
  query::SessionOptions o;
  o.index_dir = index;
  o.graph_cache = false;
  auto session = query::Session::Open(o);
  std::vector<double> search, trace;
  for (int r = 0; r < rounds; ++r)
    for (const char* q : kQueries) {
      query::SearchRequest req;
      req.query = q;
      req.limit = 20;
      auto t = Clock::now();
      auto res = query::Search(*session, req);
      if (!res.ok()) std::fprintf(stderr, "%s: %s\n", name.c_str(), res.status().message().c_str());
      search.push_back(Ms(t));
    }
  if (graph) {
    auto t = Clock::now();
    auto kg = session->Read([](query::View& v) { return v.KeepGraph(); });
    row.graph_s = Ms(t) / 1000;
    if (!kg.ok()) std::fprintf(stderr, "%s: %s\n", name.c_str(), kg.status().message().c_str());
    for (int r = 0; r < rounds; ++r)
      for (const char* e : kTraces) {
        query::TraceRequest req;
        req.entity = e;
        auto t2 = Clock::now();
        auto res = query::Trace(*session, req);
        if (!res.ok()) std::fprintf(stderr, "%s: %s\n", name.c_str(), res.status().message().c_str());
        trace.push_back(Ms(t2));
      }
  }
  row.search_ms = Median(search);
  row.trace_ms = Median(trace);
  return row;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"lode-bench-shards: latency over shards served by xapian-tcpsrv (issue 13)"};
  std::string index;
  int rounds = 5;
  bool remote_graph = true;
  app.add_option("--index", index, "A lode index folder to split")->required();
  app.add_option("--rounds", rounds, "Rounds of the query set (default 5)");
  app.add_flag("!--no-remote-graph", remote_graph, "Skip the graph over remote shards (minutes on a big index)");
  std::vector<unsigned> counts{1, 2, 3};
  app.add_option("--counts", counts, "Shard counts to split into and serve remotely (default 1 2 3; 3 local shards "
                                     "are measured when 3 is among them); each split takes minutes on a big index")
      ->check(CLI::Range(1u, 16u));
  CLI11_PARSE(app, argc, argv);
  if (testing::LiveDatabase(index).empty()) {
    std::fprintf(stderr, "lode-bench-shards: %s is not a lode index folder\n", index.c_str());
    return 1;
  }
  const std::string base = (fs::temp_directory_path() / ("lode-bench-shards-" + std::to_string(::getpid()))).string();
  std::vector<pid_t> pids;
  std::vector<Row> rows;
  int rc = 0;
  try {
    fs::create_directories(base);
    auto split_into = [&](const std::string& out, unsigned n) {
      ShardOptions so;
      so.index_dir = index;
      so.out_dir = out;
      so.rule = "count:" + std::to_string(n);
      auto sum = SplitIndex(so);
      if (!sum.ok()) throw std::runtime_error("lode shard --by count:" + std::to_string(n) + ": " +
                                              sum.status().message());
      std::fprintf(stderr, "lode-bench-shards: split into %u in %.1f s\n", n, sum->seconds);
    };
    // Split and serve first, then measure: one after the other, in one run.
    for (unsigned n : counts) {
      const std::string split = base + "/split" + std::to_string(n), remote = base + "/remote" + std::to_string(n);
      split_into(split, n);
      std::string stub = "auto " + split + "/meta\n";
      for (unsigned k = 0; k < n; ++k) {
        const int port = testing::FreePort();
        const pid_t pid = testing::StartServer(testing::LiveDatabase(split + "/shard-" + std::to_string(k)), port);
        if (pid < 0) throw std::runtime_error("xapian-tcpsrv did not start");
        pids.push_back(pid);
        stub += "remote 127.0.0.1:" + std::to_string(port) + "\n";
      }
      fs::create_directories(remote);
      std::ofstream(fs::path(remote) / "XAPIANDB") << stub;
    }
    rows.push_back(Measure("single local index", index, rounds, true));
    if (std::find(counts.begin(), counts.end(), 3u) != counts.end())
      rows.push_back(Measure("3 local shards (stub)", base + "/split3", rounds, true));
    for (unsigned n : counts)
      rows.push_back(Measure(std::to_string(n) + " remote shard" + (n > 1 ? "s" : ""), base + "/remote" + std::to_string(n),
                             rounds, remote_graph));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "lode-bench-shards: %s\n", e.what());
    rc = 1;
  }
  for (pid_t p : pids) testing::StopServer(p);
  fs::remove_all(base);
  std::printf("| layout | search ms (p50, 20 hits) | trace ms (p50) | graph build s |\n|---|---|---|---|\n");
  for (const auto& r : rows)
    std::printf("| %s | %.2f | %.2f | %.2f |\n", r.name.c_str(), r.search_ms, r.trace_ms, r.graph_s);
  return rc;
}
