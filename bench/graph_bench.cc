// lode-bench-graph: knowledge-graph figures for Lodestone, next to
// python-igraph and NetworkX measured in the same run.
//
//   lode-bench-graph --generated [--edges 2000000] [--nodes 200000] [--seed 42]
//                    [--threads 1] [--python /usr/bin/python3] [--workdir DIR]
//                    [--skip-networkx] [--keep]
//   lode-bench-graph --index DIR [--repeat 200] [--seed 42]
//
// --generated: a directed graph made from a fixed seed with our own PRNG
// (splitmix64, so every standard library yields the same edges): preferential
// attachment mixed with uniform targets, no self-loops, no duplicate pairs,
// exactly --edges edges, some nodes without out-edges. The edges go to
// WORKDIR/edges.txt; Lodestone builds the graph, runs PageRank and a BFS from
// node 0, writes its ranks to WORKDIR/ranks.txt and its timings to
// WORKDIR/lode.json, then graph_compare.py (next to this file) times igraph
// and NetworkX on the same edges and checks that the ranks agree. The exit
// status is the script's: non-zero when the ranks or the BFS disagree.
//
// --index: the knowledge graph of a real index: reading the postings,
// building, memory, the graph.cache speed-up, and Neighborhood latency.
//
// Prints figures only; nothing here asserts on timings (see README.md).
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

#include "lodestone/graph/algorithms.h"
#include "lodestone/query/engine.h"
#include "lodestone/query/graph_render.h"
#include "lodestone/graph/cache.h"
#include "lodestone/graph/graph.h"
#include "lodestone/index/searcher.h"

#ifndef LODE_BENCH_DIR
#define LODE_BENCH_DIR "."
#endif

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace lodestone;

namespace {

double Since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// splitmix64 (Steele, Lea, Flood 2014): the same stream on every platform.
struct SplitMix64 {
  uint64_t state;
  explicit SplitMix64(uint64_t seed) : state(seed) {}
  uint64_t Next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n), without modulo bias. n > 0.
  uint64_t Below(uint64_t n) {
    const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x;
    do x = Next();
    while (x >= limit);
    return x % n;
  }
  // Uniform in [0, 1).
  double Unit() { return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0); }
};

// Peak and current resident set of this process, in kB (-1 when unknown).
long ProcStatusKb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const size_t len = std::strlen(field);
  while (std::getline(in, line))
    if (line.compare(0, len, field) == 0 && line.size() > len && line[len] == ':')
      return std::atol(line.c_str() + len + 1);
  return -1;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

// Nearest-rank percentile (p in (0, 1]).
double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t k = static_cast<size_t>(std::ceil(p * static_cast<double>(v.size())));
  return v[std::min(v.size(), std::max<size_t>(k, 1)) - 1];
}

// ---------------------------------------------------------------------------
// Part 1: a generated graph, against igraph and NetworkX.

struct GeneratedGraph {
  uint32_t nodes = 0;
  std::vector<std::pair<uint32_t, uint32_t>> edges;  // in generation order
  uint32_t designated_dangling = 0;                  // nodes never given out-edges
};

// About 10% of the nodes (never node 0) get no out-edges at all. Each edge:
// the source is, with probability 0.3, the source of a uniformly chosen
// earlier edge (so proportional to out-degree), else a uniform non-dangling
// node; the target is, with probability 0.7, the target of a uniformly chosen
// earlier edge (preferential attachment by in-degree: a power-law tail with
// exponent about 1 + 1/0.7), else a uniform node. Self-loops and repeated
// pairs are drawn again.
bool Generate(uint32_t n, uint64_t m, uint64_t seed, GeneratedGraph* out, std::string* err) {
  SplitMix64 rng(seed);
  std::vector<uint8_t> dangling(n, 0);
  std::vector<uint32_t> sources;
  for (uint32_t v = 0; v < n; ++v) {
    dangling[v] = v != 0 && rng.Unit() < 0.10;
    if (!dangling[v]) sources.push_back(v);
  }
  const double possible = static_cast<double>(sources.size()) * (n > 0 ? n - 1 : 0);
  if (n < 2 || static_cast<double>(m) > possible / 2) {
    *err = "--edges " + std::to_string(m) + " is too many for --nodes " + std::to_string(n) +
           " (at most half of the " + std::to_string(static_cast<uint64_t>(possible)) + " possible pairs)";
    return false;
  }
  out->nodes = n;
  out->designated_dangling = static_cast<uint32_t>(n - sources.size());
  out->edges.clear();
  out->edges.reserve(m);
  std::unordered_set<uint64_t> seen;
  seen.reserve(m * 2);
  while (out->edges.size() < m) {
    const auto& es = out->edges;
    uint32_t u = !es.empty() && rng.Unit() < 0.3 ? es[rng.Below(es.size())].first
                                                  : sources[rng.Below(sources.size())];
    uint32_t v = !es.empty() && rng.Unit() < 0.7 ? es[rng.Below(es.size())].second
                                                  : static_cast<uint32_t>(rng.Below(n));
    if (u == v) continue;
    if (!seen.insert((static_cast<uint64_t>(u) << 32) | v).second) continue;
    out->edges.emplace_back(u, v);
  }
  return true;
}

bool WriteEdges(const GeneratedGraph& gg, const fs::path& path) {
  std::string buf;
  buf.reserve(gg.edges.size() * 14);
  char line[32];
  for (auto [u, v] : gg.edges) {
    int k = std::snprintf(line, sizeof line, "%u %u\n", u, v);
    buf.append(line, static_cast<size_t>(k));
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
  return static_cast<bool>(out.flush());
}

bool WriteRanks(const std::vector<double>& rank, const fs::path& path) {
  std::string buf;
  buf.reserve(rank.size() * 24);
  char line[40];
  for (double r : rank) {
    int k = std::snprintf(line, sizeof line, "%.17g\n", r);
    buf.append(line, static_cast<size_t>(k));
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
  return static_cast<bool>(out.flush());
}

std::string JsonNum(double x) {
  if (!std::isfinite(x)) return "null";
  char b[40];
  std::snprintf(b, sizeof b, "%.9g", x);
  return b;
}

// A child process with argv, stdout/stderr inherited; its exit status (or
// 128 + signal, or 127 when it could not start).
int RunChild(const std::vector<std::string>& args) {
  std::cout.flush();
  std::fflush(stdout);
  pid_t pid = ::fork();
  if (pid < 0) return 127;
  if (pid == 0) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    // igraph's PRPACK runs OpenMP loops; unless told otherwise, keep it on
    // one thread like the single-threaded figures it is compared with (on a
    // busy 2-core machine spinning OpenMP threads cost it several times over).
    ::setenv("OMP_NUM_THREADS", "1", 0);
    ::execv(argv[0], argv.data());
    std::fprintf(stderr, "lode-bench-graph: cannot run %s: %s\n", args[0].c_str(), std::strerror(errno));
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 127;
}

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return in ? a + " " + b + " " + c : "unknown";
}

bool Inside(const fs::path& dir, const fs::path& root) {
  std::error_code ec;
  fs::path d = fs::weakly_canonical(dir, ec), r = fs::weakly_canonical(root, ec);
  return std::mismatch(r.begin(), r.end(), d.begin(), d.end()).first == r.end();
}

struct GeneratedOptions {
  uint64_t edges = 2000000;
  uint32_t nodes = 200000;
  uint64_t seed = 42;
  int threads = 1;
  std::string python = "/usr/bin/python3";
  std::string workdir;
  bool skip_networkx = false;
  bool keep = false;
};

int RunGenerated(const GeneratedOptions& o) {
  const fs::path bench_dir = LODE_BENCH_DIR;
  const fs::path repo = bench_dir.parent_path();
  const fs::path script = bench_dir / "graph_compare.py";
  auto t0 = Clock::now();
  GeneratedGraph gg;
  std::string err;
  if (!Generate(o.nodes, o.edges, o.seed, &gg, &err)) {
    std::cerr << "lode-bench-graph: " << err << "\n";
    return 2;
  }
  const double gen_s = Since(t0);
  fs::path work;
  bool made_temp = false;
  if (o.workdir.empty()) {
    std::string tmpl = (fs::temp_directory_path() / "lode-bench-graph-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) {
      std::perror("lode-bench-graph: mkdtemp");
      return 2;
    }
    work = tmpl;
    made_temp = true;
  } else {
    work = o.workdir;
    if (Inside(work, repo) || Inside(work, repo.parent_path() / "shared")) {
      std::cerr << "lode-bench-graph: --workdir must be outside the repository and ../shared: " << work << "\n";
      return 2;
    }
    std::error_code ec;
    fs::create_directories(work, ec);
    if (ec) {
      std::cerr << "lode-bench-graph: cannot create " << work << ": " << ec.message() << "\n";
      return 2;
    }
  }

  std::printf("lode-bench-graph --generated: nodes=%u edges=%llu seed=%llu threads=%d workdir=%s\n", o.nodes,
              static_cast<unsigned long long>(o.edges), static_cast<unsigned long long>(o.seed), o.threads,
              work.c_str());
  std::printf("load average before: %s (%u cores)\n", LoadAverage().c_str(), std::thread::hardware_concurrency());
  if (!WriteEdges(gg, work / "edges.txt")) {
    std::cerr << "lode-bench-graph: cannot write " << (work / "edges.txt") << "\n";
    return 2;
  }
  {
    std::vector<uint32_t> outdeg(gg.nodes, 0), indeg(gg.nodes, 0);
    for (auto [u, v] : gg.edges) ++outdeg[u], ++indeg[v];
    uint32_t dangling = 0, isolated = 0;
    for (uint32_t v = 0; v < gg.nodes; ++v) {
      dangling += outdeg[v] == 0;
      isolated += outdeg[v] == 0 && indeg[v] == 0;
    }
    std::printf("generated in %.2f s (untimed below): %u dangling nodes (%u never given out-edges), %u isolated, "
                "max in-degree %u, max out-degree %u\n",
                gen_s, dangling, gg.designated_dangling, isolated, *std::max_element(indeg.begin(), indeg.end()),
                *std::max_element(outdeg.begin(), outdeg.end()));
  }

  // Construction. (a) the bare Boost CSR from unsorted pairs: the like-for-like
  // figure for igraph.Graph(n, edges). (b) KnowledgeGraph::FromParts: what
  // Lodestone does (edge rows sorted and merged, node table, id map, CSR).
  double csr_s = 1e300, kg_s = 1e300;
  KnowledgeGraph kg;
  for (int r = 0; r < 3; ++r) {
    t0 = Clock::now();
    Digraph g(boost::edges_are_unsorted_multi_pass, gg.edges.begin(), gg.edges.end(), gg.nodes);
    csr_s = std::min(csr_s, Since(t0));
    if (boost::num_edges(g) != gg.edges.size()) {
      std::cerr << "lode-bench-graph: CSR has " << boost::num_edges(g) << " edges\n";
      return 2;
    }
  }
  for (int r = 0; r < 3; ++r) {
    std::vector<Node> nodes(gg.nodes);  // empty attributes
    std::vector<Edge> edges;
    edges.reserve(gg.edges.size());
    for (auto [u, v] : gg.edges) edges.push_back({u, v, EdgeType::kCites, 1});
    t0 = Clock::now();
    kg = KnowledgeGraph::FromParts(std::move(nodes), std::move(edges), "generated");
    kg_s = std::min(kg_s, Since(t0));
  }
  if (kg.num_edges() != gg.edges.size() || kg.num_nodes() != gg.nodes) {
    std::cerr << "lode-bench-graph: FromParts kept " << kg.num_edges() << " of " << gg.edges.size() << " edges\n";
    return 2;
  }
  const Digraph& g = kg.digraph();

  // PageRank, 3 runs each.
  PageRankOptions pro;
  pro.damping = 0.85;
  pro.tolerance = 1e-12;
  pro.threads = 1;
  std::vector<double> pr1, pr2;
  PageRankResult pr;
  for (int r = 0; r < 3; ++r) {
    t0 = Clock::now();
    pr = PageRank(g, pro);
    pr1.push_back(Since(t0));
  }
  if (o.threads > 1) {
    pro.threads = o.threads;
    for (int r = 0; r < 3; ++r) {
      t0 = Clock::now();
      PageRankResult p2 = PageRank(g, pro);
      pr2.push_back(Since(t0));
      double md = 0;
      for (size_t i = 0; i < p2.rank.size(); ++i) md = std::max(md, std::fabs(p2.rank[i] - pr.rank[i]));
      if (r == 0) std::printf("PageRank %d threads vs 1 thread: max |diff| %.3g\n", o.threads, md);
    }
  }
  // The part of a run that is not iterating: one iteration plus the setup
  // (flat in-adjacency and out-degrees).
  double one_iter_s = 1e300;
  {
    PageRankOptions one = pro;
    one.threads = 1;
    one.max_iterations = 1;
    for (int r = 0; r < 3; ++r) {
      t0 = Clock::now();
      PageRank(g, one);
      one_iter_s = std::min(one_iter_s, Since(t0));
    }
  }
  double rank_sum = 0;
  for (double x : pr.rank) rank_sum += x;

  // BFS from node 0, 3 runs.
  std::vector<double> bfs_t;
  std::vector<uint32_t> dist;
  for (int r = 0; r < 3; ++r) {
    t0 = Clock::now();
    dist = BfsDistances(g, 0);
    bfs_t.push_back(Since(t0));
  }
  uint64_t reached = 0;
  uint32_t max_depth = 0;
  for (uint32_t d : dist)
    if (d != UINT32_MAX) ++reached, max_depth = std::max(max_depth, d);

  if (!WriteRanks(pr.rank, work / "ranks.txt")) {
    std::cerr << "lode-bench-graph: cannot write ranks.txt\n";
    return 2;
  }
  const double pr1_best = *std::min_element(pr1.begin(), pr1.end());
  const double pr2_best = pr2.empty() ? NAN : *std::min_element(pr2.begin(), pr2.end());
  const double bfs_best = *std::min_element(bfs_t.begin(), bfs_t.end());

  std::printf("\nLodestone (C++, Boost CSR), best of 3 unless noted\n");
  std::printf("%-46s %10s %10s\n", "step", "best s", "median s");
  std::printf("%-46s %10.4f %10s\n", "CSR Digraph from unsorted pairs", csr_s, "");
  std::printf("%-46s %10.4f %10s\n", "KnowledgeGraph::FromParts (sort, merge, CSR)", kg_s, "");
  std::printf("%-46s %10.4f %10.4f   %d iterations, sum %.15g\n", "PageRank d=0.85 tol=1e-12 (L1), 1 thread",
              pr1_best, Median(pr1), pr.iterations, rank_sum);
  std::printf("%-46s %10.4f %10s   setup + 1 iteration (max_iterations=1)\n", "  of which set-up", one_iter_s, "");
  if (!pr2.empty()) {
    char label[64];
    std::snprintf(label, sizeof label, "PageRank, %d threads", o.threads);
    std::printf("%-46s %10.4f %10.4f   speed-up %.2fx\n", label, pr2_best, Median(pr2), pr1_best / pr2_best);
  }
  std::printf("%-46s %10.4f %10.4f   reached %llu, max depth %u\n", "BFS from node 0 (BfsDistances)", bfs_best,
              Median(bfs_t), static_cast<unsigned long long>(reached), max_depth);
  std::printf("graph memory (KnowledgeGraph::MemoryBytes): %.1f MB, %.1f bytes/edge; peak RSS %ld kB\n",
              kg.MemoryBytes() / 1e6, static_cast<double>(kg.MemoryBytes()) / kg.num_edges(), ProcStatusKb("VmHWM"));

  {
    std::ofstream js(work / "lode.json", std::ios::trunc);
    js << "{\"nodes\":" << gg.nodes << ",\"edges\":" << gg.edges.size() << ",\"seed\":" << o.seed
       << ",\"threads\":" << o.threads << ",\"csr_build_s\":" << JsonNum(csr_s)
       << ",\"kg_build_s\":" << JsonNum(kg_s) << ",\"pagerank_s\":" << JsonNum(pr1_best)
       << ",\"pagerank_median_s\":" << JsonNum(Median(pr1)) << ",\"pagerank_threads_s\":" << JsonNum(pr2_best)
       << ",\"pagerank_iterations\":" << pr.iterations
       << ",\"pagerank_setup_s\":" << JsonNum(one_iter_s) << ",\"bfs_s\":" << JsonNum(bfs_best)
       << ",\"bfs_reached\":" << reached << ",\"bfs_max_depth\":" << max_depth << "}\n";
    if (!js) {
      std::cerr << "lode-bench-graph: cannot write lode.json\n";
      return 2;
    }
  }

  std::printf("\nrunning %s %s (igraph, NetworkX)...\n", o.python.c_str(), script.c_str());
  std::vector<std::string> args = {o.python, script.string(), "--workdir", work.string()};
  if (o.skip_networkx) args.push_back("--skip-networkx");
  int rc = RunChild(args);
  std::printf("load average after: %s\n", LoadAverage().c_str());
  if (rc != 0) std::printf("graph_compare.py exited with status %d\n", rc);
  if (made_temp && !o.keep && rc == 0) {
    std::error_code ec;
    fs::remove_all(work, ec);
  } else {
    std::printf("files kept in %s\n", work.c_str());
  }
  return rc;
}

// ---------------------------------------------------------------------------
// Part 2: the knowledge graph of a real index.

// trace latency: what `lode trace` and `lode neighbors` cost, through the
// query layer with the built-in knowledge base. Each query gets a fresh
// session (index opened, graph read from graph.cache, no memoised records),
// as one command would; "query" is the part after the graph is loaded.
void TraceLatency(const std::string& dir, const KnowledgeGraph& kg, const std::vector<uint32_t>& sample, int repeat,
                  uint64_t seed) {
  std::vector<std::string> minerals;
  for (uint32_t v = 0; v < kg.num_nodes(); ++v)
    if (kg.node(v).type == "mineral" && !kg.InEdges(v, Bit(EdgeType::kMentions)).empty())
      minerals.push_back(kg.node(v).id);
  if (minerals.empty()) return;
  // A fresh session per question, as one command has: the index opened and
  // the graph read from graph.cache by its first request.
  auto fresh = [&]() -> std::shared_ptr<query::Session> {
    query::SessionOptions o;
    o.index_dir = dir;
    auto s = query::Session::Open(o);
    auto g = s->Read([](query::View& v) { return v.graph(); });
    if (!g.ok()) {
      std::cerr << "lode-bench-graph: " << g.status().message() << "\n";
      return nullptr;
    }
    return s;
  };
  if (!fresh()) return;  // warms the cache file for the built-in knowledge base
  SplitMix64 rng(seed ^ 0x7ace);
  std::vector<double> open_ms, trace_ms, trace_all_ms, nb_ms;
  size_t docs_total = 0;
  const int n = std::min(repeat, 100);
  for (int i = 0; i < n; ++i) {
    const std::string& m = minerals[rng.Below(minerals.size())];
    auto t0 = Clock::now();
    auto s = fresh();
    if (!s) return;
    auto t1 = Clock::now();
    query::TraceRequest req;
    req.entity = m;
    auto r = query::Trace(*s, req);
    if (!r.ok()) continue;
    std::string json = query::TraceJson(*r);
    docs_total += r->documents.size();
    open_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    trace_ms.push_back(Since(t1) * 1e3);
    trace_all_ms.push_back(Since(t0) * 1e3);
  }
  for (int i = 0; i < n && i < static_cast<int>(sample.size()); ++i) {
    auto s = fresh();
    if (!s) return;
    auto t1 = Clock::now();
    query::NeighborsRequest req;
    req.id = kg.node(sample[i]).id;
    auto r = query::Neighbors(*s, req);
    if (!r.ok()) continue;
    std::string json = query::NeighborsJson(*r);
    nb_ms.push_back(Since(t1) * 1e3);
  }
  std::printf("\ntrace and neighbors through the query layer (built-in knowledge base, fresh session each)\n");
  std::printf("%-52s %9s %9s\n", "", "p50 ms", "p95 ms");
  std::printf("%-52s %9.2f %9.2f\n", "open index + graph from graph.cache", Percentile(open_ms, 0.5),
              Percentile(open_ms, 0.95));
  std::printf("%-52s %9.2f %9.2f   (%zu random minerals, %.0f documents each on average)\n",
              "trace MINERAL: traverse + evidence + JSON", Percentile(trace_ms, 0.5), Percentile(trace_ms, 0.95),
              trace_ms.size(), trace_ms.empty() ? 0.0 : static_cast<double>(docs_total) / trace_ms.size());
  std::printf("%-52s %9.2f %9.2f\n", "trace MINERAL including open + graph load", Percentile(trace_all_ms, 0.5),
              Percentile(trace_all_ms, 0.95));
  std::printf("%-52s %9.2f %9.2f   (%zu random documents, <= 100 listed)\n",
              "neighbors DOC (depth 1) + evidence + JSON", Percentile(nb_ms, 0.5), Percentile(nb_ms, 0.95),
              nb_ms.size());
}

int RunIndex(const std::string& dir, int repeat, uint64_t seed) {
  auto opened = Searcher::Open(dir);
  if (!opened.ok()) {
    std::cerr << "lode-bench-graph: " << opened.status().message() << "\n";
    return 2;
  }
  Searcher& searcher = **opened;
  std::printf("lode-bench-graph --index %s (knowledge base: none; Build and LoadGraph get an empty kb vector, "
              "so there are no is_a edges and entity names are display forms of ids)\n",
              dir.c_str());
  const long rss_before = ProcStatusKb("VmRSS");

  auto t0 = Clock::now();
  auto src = searcher.ReadGraphSource();
  const double read_s = Since(t0);
  if (!src.ok()) {
    std::cerr << "lode-bench-graph: " << src.status().message() << "\n";
    return 2;
  }
  size_t postings = 0;
  for (const auto* list : {&src->entities, &src->citations, &src->relations})
    for (const auto& t : *list) postings += t.docs.size();
  t0 = Clock::now();
  KnowledgeGraph kg = KnowledgeGraph::Build(*src, {});
  const double build_s = Since(t0);
  const long hwm = ProcStatusKb("VmHWM");

  std::array<size_t, kEdgeTypeCount> by_type{};
  for (const Edge& e : kg.edges()) ++by_type[static_cast<int>(e.type)];
  std::vector<uint32_t> docs;
  for (uint32_t v = 0; v < kg.num_nodes(); ++v)
    if (!kg.node(v).external) docs.push_back(v);

  std::printf("\n%-40s %10s\n", "step", "seconds");
  std::printf("%-40s %10.4f   %zu documents, %zu entity / %zu citation / %zu relation terms, %zu postings\n",
              "Searcher::ReadGraphSource", read_s, src->docs.size(), src->entities.size(), src->citations.size(),
              src->relations.size(), postings);
  std::printf("%-40s %10.4f\n", "KnowledgeGraph::Build (kb empty)", build_s);
  std::printf("\nnodes %zu (%zu documents of the corpus, %zu external), edges %zu\n", kg.num_nodes(), docs.size(),
              kg.num_nodes() - docs.size(), kg.num_edges());
  for (int t = 0; t < kEdgeTypeCount; ++t)
    std::printf("  %-12s %10zu\n", EdgeTypeName(static_cast<EdgeType>(t)), by_type[t]);
  const size_t mem = kg.MemoryBytes();
  std::printf("MemoryBytes %.2f MB, %.1f bytes/edge; peak RSS (VmHWM) after build %ld kB (RSS before reading %ld kB)\n",
              mem / 1e6, kg.num_edges() ? static_cast<double>(mem) / kg.num_edges() : 0.0, hwm, rss_before);

  // LoadGraph without cache, then with: write, then read. An existing cache
  // (lode's, made with its knowledge base) is moved aside and put back after.
  const fs::path cache = fs::path(dir) / "graph.cache";
  const fs::path backup = fs::path(dir) / "graph.cache.lode-bench-graph.bak";
  std::error_code ec;
  const bool had_cache = fs::exists(cache, ec);
  if (had_cache) {
    fs::rename(cache, backup, ec);
    if (ec) {
      std::cerr << "lode-bench-graph: cannot move " << cache << " aside: " << ec.message() << "\n";
      return 2;
    }
  }
  int rc = 0;
  double nocache_best = 1e300, write_s = 0, read_best = 1e300;
  bool written = false, from_cache = true, same = true;
  for (int r = 0; r < 3 && rc == 0; ++r) {
    GraphLoadInfo info;
    auto res = LoadGraph(searcher, dir, {}, false, &info);
    if (!res.ok()) {
      std::cerr << "lode-bench-graph: " << res.status().message() << "\n";
      rc = 2;
    }
    nocache_best = std::min(nocache_best, info.seconds);
  }
  if (rc == 0) {
    GraphLoadInfo info;
    auto res = LoadGraph(searcher, dir, {}, true, &info);
    if (!res.ok()) {
      std::cerr << "lode-bench-graph: " << res.status().message() << "\n";
      rc = 2;
    }
    write_s = info.seconds;
    written = info.cache_written;
  }
  for (int r = 0; r < 3 && rc == 0; ++r) {
    GraphLoadInfo info;
    auto res = LoadGraph(searcher, dir, {}, true, &info);
    if (!res.ok()) {
      std::cerr << "lode-bench-graph: " << res.status().message() << "\n";
      rc = 2;
      break;
    }
    read_best = std::min(read_best, info.seconds);
    from_cache = from_cache && info.from_cache;
    const KnowledgeGraph& c = *res;
    same = same && c.num_nodes() == kg.num_nodes() && c.num_edges() == kg.num_edges();
  }
  const uintmax_t cache_bytes = fs::exists(cache, ec) ? fs::file_size(cache, ec) : 0;
  fs::remove(cache, ec);
  if (had_cache) fs::rename(backup, cache, ec);
  if (rc != 0) return rc;
  std::printf("\n%-40s %10s\n", "LoadGraph", "seconds");
  std::printf("%-40s %10.4f   best of 3\n", "no cache (read postings + build)", nocache_best);
  std::printf("%-40s %10.4f   cache written: %s, %.2f MB\n", "cache miss: build + write graph.cache", write_s,
              written ? "yes" : "NO", cache_bytes / 1e6);
  std::printf("%-40s %10.4f   best of 3; from cache: %s; same size as built: %s\n", "cache hit: read graph.cache",
              read_best, from_cache ? "yes" : "NO", same ? "yes" : "NO");
  std::printf("cache speed-up (no cache / cache hit) = %.2fx\n", nocache_best / read_best);
  std::printf("(%s)\n", had_cache ? "the graph.cache found in the index was moved aside and put back"
                                  : "the graph.cache written here was removed again");

  // Neighborhood latency over sampled document nodes.
  std::vector<uint32_t> sample;
  double p50[3] = {0, 0, 0}, p95[3] = {0, 0, 0}, reached_mean[3] = {0, 0, 0}, worst[3] = {0, 0, 0};
  if (!docs.empty()) {
    SplitMix64 rng(seed);
    for (int i = 0; i < repeat; ++i) sample.push_back(docs[rng.Below(docs.size())]);
    for (uint32_t depth : {1u, 2u}) {
      std::vector<double> us;
      size_t total = 0;
      for (uint32_t v : sample) {
        t0 = Clock::now();
        auto nb = Neighborhood(kg, v, depth, kAllEdges);
        us.push_back(Since(t0) * 1e6);
        total += nb.size();
      }
      p50[depth] = Percentile(us, 0.50);
      p95[depth] = Percentile(us, 0.95);
      worst[depth] = Percentile(us, 1.0);
      reached_mean[depth] = static_cast<double>(total) / sample.size();
    }
  }
  std::printf("\nNeighborhood(kg, v, depth, all edges) over %d random documents (seed %llu)\n", repeat,
              static_cast<unsigned long long>(seed));
  std::printf("%-10s %10s %10s %10s %14s\n", "depth", "p50 us", "p95 us", "max us", "mean reached");
  for (int d : {1, 2})
    std::printf("%-10d %10.1f %10.1f %10.1f %14.1f\n", d, p50[d], p95[d], worst[d], reached_mean[d]);

  TraceLatency(dir, kg, sample, repeat, seed);

  std::printf("{\"nodes\":%zu,\"edges\":%zu,\"read_source_s\":%.4f,\"build_s\":%.4f,\"memory_bytes\":%zu,"
              "\"vmhwm_kb\":%ld,\"load_nocache_s\":%.4f,\"load_cache_write_s\":%.4f,\"load_cache_read_s\":%.4f,"
              "\"cache_speedup\":%.3f,\"nbhd1_p50_us\":%.1f,\"nbhd1_p95_us\":%.1f,\"nbhd2_p50_us\":%.1f,"
              "\"nbhd2_p95_us\":%.1f}\n",
              kg.num_nodes(), kg.num_edges(), read_s, build_s, mem, hwm, nocache_best, write_s, read_best,
              nocache_best / read_best, p50[1], p95[1], p50[2], p95[2]);
  return 0;
}

int Usage(int rc) {
  std::cout << "usage: lode-bench-graph --generated [--edges N] [--nodes N] [--seed S] [--threads T]\n"
               "                        [--python PATH] [--workdir DIR] [--skip-networkx] [--keep]\n"
               "       lode-bench-graph --index DIR [--repeat N] [--seed S]\n";
  return rc;
}

}  // namespace

int main(int argc, char** argv) {
  GeneratedOptions go;
  bool generated = false;
  std::string index_dir;
  int repeat = 200;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    const char* v = nullptr;
    if (a == "--generated") generated = true;
    else if (a == "--skip-networkx") go.skip_networkx = true;
    else if (a == "--keep") go.keep = true;
    else if (a == "--help" || a == "-h") return Usage(0);
    else if (!(v = value())) return Usage(2);
    else if (a == "--edges") go.edges = std::strtoull(v, nullptr, 10);
    else if (a == "--nodes") go.nodes = static_cast<uint32_t>(std::strtoul(v, nullptr, 10));
    else if (a == "--seed") go.seed = std::strtoull(v, nullptr, 10);
    else if (a == "--threads") go.threads = std::max(1, std::atoi(v));
    else if (a == "--python") go.python = v;
    else if (a == "--workdir") go.workdir = v;
    else if (a == "--index") index_dir = v;
    else if (a == "--repeat") repeat = std::max(1, std::atoi(v));
    else return Usage(2);
  }
  if (generated == !index_dir.empty()) return Usage(2);
  if (generated) return RunGenerated(go);
  return RunIndex(index_dir, repeat, go.seed);
}
