// lode-bench-dossier: how long a dossier takes on a real index (issue 16's
// goals: under 0.5 s served, under 2 s from the CLI), next to the trace it
// is built from, measured side by side in one run.
//
//   served: one warm Session (graph and knowledge base loaded), as `lode
//           serve` holds it; Dossier() and Trace() called `--runs` times each.
//   CLI:    the `lode` binary run as a new process each time (`lode dossier
//           X --json`, `--format html`, and `lode trace X --json`), with the
//           index's graph.cache in place, as a user runs it.
// Prints figures only (median and slowest of the runs, and the ratio of a
// dossier to its trace); asserts nothing.
//
//   build/bench/lode-bench-dossier --index /tmp/idx [--lode build/query/lode] [--runs 5]
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "lodestone/query/dossier.h"
#include "lodestone/query/engine.h"

using namespace lodestone;
using Clock = std::chrono::steady_clock;

namespace {

struct Figures {
  double median = 0, slowest = 0;
};

Figures Time(int runs, const std::function<bool()>& fn) {
  std::vector<double> s;
  for (int i = 0; i < runs; ++i) {
    auto t0 = Clock::now();
    if (!fn()) return {-1, -1};
    s.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
  }
  std::sort(s.begin(), s.end());
  return {s[s.size() / 2], s.back()};
}

bool Run(const std::string& cmd) {
  int status = std::system((cmd + " > /dev/null 2>&1").c_str());
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string index, lode = "build/query/lode";
  int runs = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--index") index = argv[i + 1];
    else if (a == "--lode") lode = argv[i + 1];
    else if (a == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
  }
  if (index.empty()) {
    std::cerr << "usage: lode-bench-dossier --index DIR [--lode build/query/lode] [--runs 5]\n"
                 "  (an index of the whole corpus: lode ingest ../shared/corpus --index DIR)\n";
    return 2;
  }
  query::SessionOptions o;
  o.index_dir = index;
  auto session = query::Session::Open(o);
  const char* subjects[] = {"mineral:gallium", "mineral:rare-earth-elements", "mineral:lithium",
                            "concept:critical-minerals"};
  // Warm: the graph (from graph.cache, written by the first CLI run too) and the knowledge base.
  {
    query::DossierRequest warm;
    warm.subject = subjects[0];
    auto r = query::Dossier(*session, warm);
    if (!r.ok()) {
      std::cerr << "lode-bench-dossier: " << r.status().message() << "\n";
      return 1;
    }
    Run(lode + " trace gallium --json --index " + index);
  }
  std::printf("%-30s %9s %11s %11s %11s %11s %11s %9s\n", "subject", "measures", "served s", "trace s",
              "cli json s", "cli html s", "cli trace s", "cli/trace");
  for (const char* subject : subjects) {
    query::DossierRequest req;
    req.subject = subject;
    size_t measures = 0;
    Figures served = Time(runs, [&] {
      auto r = query::Dossier(*session, req);
      if (r.ok()) measures = r->Measures();
      return r.ok();
    });
    query::TraceRequest tr;
    tr.entity = subject;
    Figures trace = Time(runs, [&] { return query::Trace(*session, tr).ok(); });
    const std::string at = " --index " + index;
    Figures cli_json = Time(runs, [&] { return Run(lode + " dossier " + subject + " --json" + at); });
    Figures cli_html = Time(runs, [&] { return Run(lode + " dossier " + subject + " --format html" + at); });
    Figures cli_trace = Time(runs, [&] { return Run(lode + " trace " + subject + " --json" + at); });
    std::printf("%-30s %9zu %5.3f/%5.3f %5.3f/%5.3f %5.3f/%5.3f %5.3f/%5.3f %5.3f/%5.3f %9.2f\n", subject, measures,
                served.median, served.slowest, trace.median, trace.slowest, cli_json.median, cli_json.slowest,
                cli_html.median, cli_html.slowest, cli_trace.median, cli_trace.slowest,
                cli_trace.median > 0 ? cli_json.median / cli_trace.median : 0.0);
  }
  std::printf("(median/slowest of %d runs; served: a warm Session in this process; cli: a new lode process each run)\n",
              runs);
  return 0;
}
