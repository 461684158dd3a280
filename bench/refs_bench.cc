// lode-bench-refs: reference parsing and resolution throughput.
//
//   lode-bench-refs [--corpus ../shared/corpus] [--gold tests/eval/references.json]
//
// 1. parse: the Web of Science export (wos-capture-recapture, ~252,000 cited
//    references) and the eLife JATS articles through the readers, one core,
//    files already in memory: references/s.
// 2. index: lode's ingest of the same files (parallel build, extraction,
//    packing each reference into an index term).
// 3. resolve: reading the postings and building the graph, where every
//    reference is resolved (DOI/id, key, key with the year one off) or
//    becomes an external node: references/s.
// 4. accuracy: the same rule scored against the hand-made labels
//    (lode-eval-refs, run as a separate program).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "lodestone/graph/graph.h"
#include "lodestone/index/searcher.h"
#include "lodestone/ingest/pipeline.h"
#include "lodestone/ingest/readers.h"
#include "lodestone/graph/cache.h"

namespace fs = std::filesystem;
using namespace lodestone;
using Clock = std::chrono::steady_clock;

namespace {
double Since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }
}  // namespace

int main(int argc, char** argv) {
  std::string corpus = LODE_DEFAULT_CORPUS, gold = LODE_SOURCE_DIR "/tests/eval/references.json";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--corpus" && i + 1 < argc) corpus = argv[++i];
    else if (a == "--gold" && i + 1 < argc) gold = argv[++i];
    else {
      std::cerr << "usage: lode-bench-refs [--corpus DIR] [--gold FILE]\n";
      return 2;
    }
  }
  const std::vector<std::string> folders = {corpus + "/wos-capture-recapture", corpus + "/elife-jats"};
  // 1. parse
  std::vector<FileInput> files;
  size_t bytes = 0;
  for (const auto& folder : folders) {
    std::vector<fs::path> paths;
    for (const auto& e : fs::directory_iterator(folder))
      if (e.path().extension() == ".txt" || e.path().extension() == ".xml") paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
      std::ifstream in(p, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      files.push_back({p.string(), p.filename().string(), ss.str()});
      bytes += files.back().bytes.size();
    }
  }
  size_t docs = 0, refs = 0, with_doi = 0, with_key = 0;
  auto t0 = Clock::now();
  for (const auto& f : files) {
    auto det = DetectFormat(f.path, std::string_view(f.bytes).substr(0, 4096));
    if (det.format.empty()) continue;
    auto read = ReadDocuments(det.format, f);
    if (!read.ok()) continue;
    for (const auto& d : *read) {
      ++docs;
      refs += d.references.size();
      for (const auto& r : d.references) with_doi += !r.doi.empty();
    }
  }
  const double parse_s = Since(t0);
  std::printf("lode-bench-refs: %zu files, %.1f MB: %zu papers, %zu references (%zu with a DOI)\n", files.size(),
              bytes / 1e6, docs, refs, with_doi);
  std::printf("%-46s %8.2f s %12.0f refs/s\n", "1. parse (readers, one core)", parse_s, refs / parse_s);
  (void)with_key;

  // 2. index
  const std::string dir = (fs::temp_directory_path() / ("lode-bench-refs-" + std::to_string(::getpid()))).string();
  fs::remove_all(dir);
  IngestOptions opt;
  opt.paths = folders;
  opt.index_dir = dir;
  t0 = Clock::now();
  auto sum = Ingest(opt);
  const double ingest_s = Since(t0);
  if (!sum.ok()) {
    std::cerr << "lode-bench-refs: " << sum.status().message() << "\n";
    return 1;
  }
  std::printf("%-46s %8.2f s %12.0f refs/s\n", "2. lode ingest (all cores, with extraction)", ingest_s, refs / ingest_s);

  // 3. resolve
  auto searcher = Searcher::Open(dir);
  if (!searcher.ok()) return 1;
  t0 = Clock::now();
  auto src = (*searcher)->ReadGraphSource();
  const double read_s = Since(t0);
  if (!src.ok()) return 1;
  size_t postings = 0;
  for (const auto& t : src->references) postings += t.docs.size();
  t0 = Clock::now();
  KnowledgeGraph kg = KnowledgeGraph::Build(*src, {});
  const double build_s = Since(t0);
  size_t cites = 0, inside = 0;
  for (const auto& e : kg.edges())
    if (e.type == EdgeType::kCites) {
      ++cites;
      inside += kg.node(e.target).external ? 0 : 1;
    }
  std::printf("%-46s %8.2f s %12.0f refs/s   (%zu distinct references, %zu (paper, reference) postings)\n",
              "3. resolve: read postings + build graph", read_s + build_s, refs / (read_s + build_s),
              src->references.size(), postings);
  std::printf("   of which reading postings %.2f s, building %.2f s; cites edges %zu, %zu of them inside the corpus\n",
              read_s, build_s, cites, inside);
  fs::remove_all(dir);

  // 4. accuracy
  const std::string eval = std::string(LODE_BINARY_DIR) + "/tests/lode-eval-refs";
  if (::access(eval.c_str(), X_OK) == 0) {
    const std::string idx = dir + "-eval";
    fs::remove_all(idx);
    opt.index_dir = idx;
    if (Ingest(opt).ok()) {
      std::printf("4. accuracy against %s:\n", gold.c_str());
      std::fflush(stdout);
      std::string cmd = eval + " '" + gold + "' --index '" + idx + "'";
      int rc = std::system(cmd.c_str());
      (void)rc;
    }
    fs::remove_all(idx);
  } else {
    std::printf("4. accuracy: build lode-eval-refs (tests/) and run it on %s\n", gold.c_str());
  }
  return 0;
}
