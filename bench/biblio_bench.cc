// lode-bench-biblio: co-authorship and keyword networks of the 5,022-paper
// Web of Science capture-recapture export, and their clustering, next to
// python-igraph's Leiden and Louvain on the same graphs in the same run.
//
//   lode-bench-biblio [--corpus ../shared/corpus] [--python /usr/bin/python3]
//                     [--starts 10] [--workdir DIR] [--keep]
//
// 1. Reads the 11 files with lode's Web of Science reader (timed).
// 2. Builds four networks with VOSviewer's conventions (full counting;
//    co-authorship: names as written (AF), papers with more than 25 authors
//    ignored; keywords: author and Keywords Plus): every item (threshold 1)
//    and VOSviewer's default threshold of 5 papers. Timed without clustering.
// 3. Clusters each with lode (igraph C through graph/bibliometric_network.h):
//    Leiden on modularity (1 start, and the best of --starts seeded starts),
//    Louvain (best of --starts) and VOSviewer's quality (Leiden, CPM over
//    association strengths, best of --starts). Timed apart from counting.
// 4. Writes each network's links (a b weight association-strength) and lode's
//    memberships to WORKDIR, and runs biblio_compare.py (next to this file),
//    which times python-igraph's community_leiden (modularity, and CPM on the
//    association strengths) and community_multilevel on the same links, with
//    the same number of starts, and recomputes lode's modularity and CPM
//    quality from lode's memberships (they must agree to 1e-9; the script's
//    exit status says whether they do).
//
// Prints figures only; nothing here asserts on timings (see README.md).
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "lodestone/graph/bibliometric_network.h"
#include "lodestone/ingest/readers.h"
#include "lodestone/query/bibliometrics.h"

#ifndef LODE_BENCH_DIR
#define LODE_BENCH_DIR "."
#endif
#ifndef LODE_DEFAULT_CORPUS
#define LODE_DEFAULT_CORPUS "../shared/corpus"
#endif

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace lodestone;

namespace {

double Seconds(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string one;
  in >> one;
  return in ? one : "unknown";
}

struct Options {
  std::string corpus = LODE_DEFAULT_CORPUS;
  std::string python = "/usr/bin/python3";
  std::string workdir;
  uint32_t starts = 10;
  bool keep = false;
};

struct Case {
  std::string name;
  ItemType type;
  ItemOptions items;
  NetworkOptions network;
};

struct Timed {
  double seconds = 0;
  BibliometricNetwork net;
};

// Clusters a copy of `base` with `method` and `starts` starts, timed.
Timed Cluster(const BibliometricNetwork& base, ClusterMethod method, uint32_t starts) {
  Timed t;
  t.net = base;
  NetworkOptions o = base.options;
  o.cluster = method;
  o.random_starts = starts;
  auto t0 = Clock::now();
  Status s = ClusterNetwork(t.net, o);
  t.seconds = Seconds(t0);
  if (!s.ok()) std::cerr << "lode-bench-biblio: " << s.message() << "\n";
  return t;
}

bool WriteLinks(const BibliometricNetwork& net, const fs::path& path) {
  std::ofstream out(path, std::ios::trunc);
  out.precision(17);
  out << net.nodes.size() << "\n";
  for (const auto& l : net.links) out << l.a << ' ' << l.b << ' ' << l.weight << ' ' << l.strength << '\n';
  return static_cast<bool>(out.flush());
}

bool WriteMembership(const BibliometricNetwork& net, const fs::path& path) {
  std::ofstream out(path, std::ios::trunc);
  for (const auto& n : net.nodes) out << n.cluster << '\n';
  return static_cast<bool>(out.flush());
}

int Usage() {
  std::cerr << "usage: lode-bench-biblio [--corpus DIR] [--python PATH] [--starts N] [--workdir DIR] [--keep]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : std::string(); };
    if (a == "--corpus") o.corpus = value();
    else if (a == "--python") o.python = value();
    else if (a == "--workdir") o.workdir = value();
    else if (a == "--starts") o.starts = static_cast<uint32_t>(std::max(1, std::atoi(value().c_str())));
    else if (a == "--keep") o.keep = true;
    else return Usage();
  }
  const fs::path folder = fs::path(o.corpus) / "wos-capture-recapture";
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(folder, ec))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::cerr << "lode-bench-biblio: no Web of Science files in " << folder << "\n";
    return 2;
  }
  bool made_temp = false;
  fs::path work = o.workdir;
  if (work.empty()) {
    work = fs::temp_directory_path() / ("lode-bench-biblio-" + std::to_string(::getpid()));
    made_temp = true;
  }
  fs::create_directories(work, ec);

  // 1. Read.
  std::vector<std::string> bytes;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    bytes.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  auto t0 = Clock::now();
  std::vector<Document> docs;
  for (size_t i = 0; i < files.size(); ++i) {
    auto r = ReadDocuments("wos", FileInput{files[i].string(), files[i].filename().string(), bytes[i]});
    if (!r.ok()) {
      std::cerr << "lode-bench-biblio: " << files[i] << ": " << r.status().message() << "\n";
      return 1;
    }
    for (auto& d : *r) docs.push_back(std::move(d));
  }
  const double read_s = Seconds(t0);
  size_t mb = 0;
  for (const auto& b : bytes) mb += b.size();
  std::printf("Web of Science capture-recapture export: %zu files, %.1f MB, %zu records, read in %.2f s\n",
              files.size(), mb / 1e6, docs.size(), read_s);
  std::printf("clustering: igraph C (libigraph 0.10) through lode, best of %u seeded starts; load average %s\n\n",
              o.starts, LoadAverage().c_str());

  ItemOptions full, keywords;
  std::vector<Case> cases;
  auto add = [&](const std::string& name, ItemType type, uint32_t min, size_t cap) {
    Case c{name, type, type == ItemType::kKeywords ? keywords : full, {}};
    c.network.min_occurrences = min;
    c.network.max_items_per_paper = cap;
    c.network.cluster = ClusterMethod::kNone;
    cases.push_back(c);
  };
  add("coauthors", ItemType::kAuthors, 1, 25);
  add("coauthors-min5", ItemType::kAuthors, 5, 25);
  add("keywords", ItemType::kKeywords, 1, 0);
  add("keywords-min5", ItemType::kKeywords, 5, 0);

  std::printf("%-16s %8s %9s %9s | %-22s %9s %9s %8s %10s\n", "network", "nodes", "links", "build s", "lode method",
              "seconds", "modularity", "clusters", "CPM qual.");
  std::ofstream manifest(work / "networks.txt", std::ios::trunc);
  manifest.precision(17);
  for (const Case& c : cases) {
    std::vector<PaperItems> papers;
    papers.reserve(docs.size());
    auto b0 = Clock::now();
    for (const auto& d : docs) papers.push_back(ItemsOf(d, c.type, c.items));
    auto built = BuildCoNetwork(papers, c.network);
    const double build_s = Seconds(b0);
    if (!built.ok()) {
      std::cerr << "lode-bench-biblio: " << built.status().message() << "\n";
      return 1;
    }
    const BibliometricNetwork& net = *built;
    struct Run {
      const char* label;
      ClusterMethod method;
      uint32_t starts;
      const char* file;
    };
    const Run runs[] = {{"leiden modularity x1", ClusterMethod::kModularity, 1, "leiden1"},
                        {"leiden modularity", ClusterMethod::kModularity, o.starts, "leiden"},
                        {"louvain", ClusterMethod::kLouvain, o.starts, "louvain"},
                        {"vos (cpm, assoc.)", ClusterMethod::kVos, o.starts, "vos"}};
    bool first = true;
    for (const Run& r : runs) {
      Timed t = Cluster(net, r.method, r.starts);
      const bool cpm = r.method == ClusterMethod::kVos;
      char qual[32] = "";
      if (cpm) std::snprintf(qual, sizeof qual, "%.6f", t.net.quality);
      if (first)
        std::printf("%-16s %8zu %9zu %9.3f | ", c.name.c_str(), net.nodes.size(), net.links.size(), build_s);
      else
        std::printf("%-16s %8s %9s %9s | ", "", "", "", "");
      std::printf("%-22s %9.4f %9.6f %8u %10s\n", r.label, t.seconds, t.net.modularity, t.net.clusters, qual);
      first = false;
      WriteMembership(t.net, work / (c.name + "." + r.file + ".membership"));
      manifest << c.name << ' ' << r.file << ' ' << (r.starts) << ' ' << t.seconds << ' ' << t.net.modularity << ' '
               << t.net.quality << ' ' << t.net.clusters << '\n';
    }
    if (!WriteLinks(net, work / (c.name + ".links"))) {
      std::cerr << "lode-bench-biblio: cannot write " << (work / (c.name + ".links")) << "\n";
      return 2;
    }
  }
  manifest.close();

  const fs::path script = fs::path(LODE_BENCH_DIR) / "biblio_compare.py";
  const std::string cmd = "OMP_NUM_THREADS=1 '" + o.python + "' '" + script.string() + "' --workdir '" + work.string() +
                          "' --starts " + std::to_string(o.starts);
  std::printf("\nrunning %s\n", cmd.c_str());
  std::fflush(stdout);
  const int status = std::system(cmd.c_str());
  const int rc = status == -1 ? 127 : WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  if (rc != 0) std::printf("biblio_compare.py exited with status %d\n", rc);
  if (made_temp && !o.keep && rc == 0) fs::remove_all(work, ec);
  else std::printf("files kept in %s\n", work.c_str());
  return rc;
}
