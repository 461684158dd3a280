// lode-bench-extract: extraction throughput on one core next to plain ICU
// word segmentation of the same texts, measured in the same run.
//
//   lode-bench-extract [--corpus DIR] [--repeat N]
//
// Texts come from the policy folders of the corpus (Federal Register orders,
// White House actions, U.S. Code, Chinese laws), read with Lodestone's
// readers (untimed). Then, on one thread: (1) Analyzer::Words over every
// text; (2) Extractor::Extract (which segments too, then matches the
// knowledge base, scans citations and finds relations). The goal is
// extraction within 2x of segmentation alone.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "lodestone/ingest/extract.h"
#include "lodestone/ingest/readers.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace lodestone;

int main(int argc, char** argv) {
  fs::path corpus = "../shared/corpus";
  int repeat = 3;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--corpus" && i + 1 < argc) corpus = argv[++i];
    else if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else {
      std::cout << "usage: lode-bench-extract [--corpus DIR] [--repeat N]\n";
      return a == "--help" ? 0 : 2;
    }
  }
  std::vector<Document> docs;
  size_t bytes = 0;
  for (const char* sub : {"fr-eo-1994-2020", "wh-briefings", "uscode-usc30-uslm-2013", "uscode-md-chunks", "cn-laws"}) {
    if (!fs::exists(corpus / sub)) continue;
    for (const auto& e : fs::recursive_directory_iterator(corpus / sub)) {
      if (!e.is_regular_file()) continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      std::string b = ss.str();
      Detection det = DetectFormat(e.path().string(), std::string_view(b).substr(0, 65536));
      if (det.format.empty() || det.format == "fr-json" || det.format == "fr-json-results") continue;
      auto read = ReadDocuments(det.format, FileInput{e.path().string(), e.path().string(), b});
      if (!read.ok()) continue;
      for (auto& d : *read) {
        bytes += d.text.size();
        docs.push_back(std::move(d));
      }
    }
  }
  if (docs.empty()) {
    std::cerr << "lode-bench-extract: no texts under " << corpus << "\n";
    return 1;
  }
  auto kb = KnowledgeBase::Builtin();
  if (!kb.ok()) {
    std::cerr << kb.status().message() << "\n";
    return 1;
  }
  Extractor extractor(*kb);
  Analyzer analyzer;
  double seg_best = 1e9, ext_best = 1e9;
  size_t words = 0, links = 0;
  for (int r = 0; r < repeat; ++r) {
    auto t0 = Clock::now();
    size_t w = 0;
    for (const auto& d : docs) w += analyzer.Words(d.text).size();
    auto t1 = Clock::now();
    size_t l = 0;
    for (auto& d : docs) {
      extractor.Extract(&d, analyzer);
      l += d.entities.size() + d.citations.size() + d.relations.size();
    }
    auto t2 = Clock::now();
    seg_best = std::min(seg_best, std::chrono::duration<double>(t1 - t0).count());
    ext_best = std::min(ext_best, std::chrono::duration<double>(t2 - t1).count());
    words = w;
    links = l;
  }
  const double mb = bytes / 1e6;
  std::printf("lode-bench-extract: %zu documents, %.1f MB of text, %zu words, %zu knowledge-base entities, best of %d\n",
              docs.size(), mb, words, kb->entities().size(), repeat);
  std::printf("%-32s %9s %9s\n", "step (one core)", "seconds", "MB/s");
  std::printf("%-32s %9.2f %9.1f\n", "ICU word segmentation", seg_best, mb / seg_best);
  std::printf("%-32s %9.2f %9.1f\n", "extraction (incl. segmentation)", ext_best, mb / ext_best);
  std::printf("ratio extraction/segmentation time = %.2fx (goal: at most 2x); %zu distinct links found\n",
              ext_best / seg_best, links);
  std::printf("{\"docs\":%zu,\"mb\":%.2f,\"segment_s\":%.3f,\"extract_s\":%.3f,\"ratio\":%.3f}\n", docs.size(), mb,
              seg_best, ext_best, ext_best / seg_best);
  return 0;
}
