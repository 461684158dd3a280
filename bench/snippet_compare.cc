// lode-bench-snippet: the snippets MakeSnippet chooses from the neighbourhood
// of the matches against those of the reference that analyses the whole text
// (SnippetOptions::whole_text), on a real index, side by side in one run:
// how many are identical, the differing pairs (to read), and the time each
// way takes. Prints figures only.
//
// Usage: lode-bench-snippet --index DIR [--limit N] [--runs N] [--show N]
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "lodestone/index/searcher.h"
#include "lodestone/ingest/analyzer.h"
#include "lodestone/query/snippet.h"

namespace {

using Clock = std::chrono::steady_clock;

// Words, stems, phrases, booleans, fields, wildcards and CJK words.
const char* const kQueries[] = {
    "critical minerals", "lithium OR cobalt", "\"rare earth\"", "supply chain resilience", "export controls china",
    "national emergency", "semiconductors", "tariffs steel", "stockpile", "battery", "graphite",
    "title:sanctions", "strateg*", "\"Secretary of the Interior\"", "defense production act", "U.S.",
    "policies", "稀土", "出口管制", "mining permits"};

double P50(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::string index;
  int limit = 10, runs = 5, show = 20;
  CLI::App app{"lode-bench-snippet: snippets from the matches' neighbourhood against the whole-text reference"};
  app.add_option("--index", index, "The index (lode ingest --index)")->required();
  app.add_option("--limit", limit, "Hits per query (default 10)")->check(CLI::PositiveNumber);
  app.add_option("--runs", runs, "Timed runs of each way per hit (default 5)")->check(CLI::PositiveNumber);
  app.add_option("--show", show, "Differing pairs to print (default 20)");
  CLI11_PARSE(app, argc, argv);

  auto opened = lodestone::Searcher::Open(index);
  if (!opened.ok()) {
    std::fprintf(stderr, "lode-bench-snippet: %s: %s\n", index.c_str(), opened.status().message().c_str());
    return 1;
  }
  lodestone::Analyzer analyzer;
  lodestone::SnippetOptions fast, whole;
  whole.whole_text = true;
  size_t hits = 0, same = 0, marked = 0, shown = 0;
  std::vector<double> fast_ms, whole_ms;
  std::printf("  %-40s %5s %6s %12s %12s\n", "query", "hits", "same", "new p50 ms", "whole p50 ms");
  for (const char* q : kQueries) {
    lodestone::SearchRequest req;
    req.query = analyzer.SegmentQuery(q);
    req.limit = limit;
    auto res = (*opened)->Search(req);
    if (!res.ok()) {
      std::fprintf(stderr, "lode-bench-snippet: query %s: %s\n", q, res.status().message().c_str());
      return 1;
    }
    size_t q_same = 0;
    std::vector<double> qf, qw;
    for (const lodestone::Hit& h : res->hits) {
      const std::string& text = h.doc.text.empty() ? h.doc.title : h.doc.text;
      std::string a, b;
      for (int r = 0; r < runs; ++r) {
        auto t0 = Clock::now();
        a = lodestone::MakeSnippet(text, res->words, res->stems, analyzer, fast);
        auto t1 = Clock::now();
        b = lodestone::MakeSnippet(text, res->words, res->stems, analyzer, whole);
        auto t2 = Clock::now();
        qf.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        qw.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
      }
      ++hits;
      if (a == b) {
        ++q_same;
        continue;
      }
      if (a.find(fast.mark_start) != std::string::npos || b.find(whole.mark_start) == std::string::npos) ++marked;
      if (static_cast<int>(shown++) < show)
        std::printf("    differs: %s (%zu bytes of text)\n      new:   %s\n      whole: %s\n", h.doc.id.c_str(),
                    text.size(), a.c_str(), b.c_str());
    }
    same += q_same;
    fast_ms.insert(fast_ms.end(), qf.begin(), qf.end());
    whole_ms.insert(whole_ms.end(), qw.begin(), qw.end());
    std::printf("  %-40s %5zu %6zu %12.3f %12.3f\n", q, res->hits.size(), q_same, P50(qf), P50(qw));
  }
  std::printf("lode-bench-snippet: %zu of %zu snippets identical; of the %zu that differ, %zu mark a match "
              "where the reference does\n",
              same, hits, hits - same, marked);
  std::printf("per snippet p50: %.3f ms new, %.3f ms whole text (%.1fx)\n", P50(fast_ms), P50(whole_ms),
              P50(fast_ms) > 0 ? P50(whole_ms) / P50(fast_ms) : 0.0);
  return 0;
}
