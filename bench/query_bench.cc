// lode-bench-query: what a question costs asked of one long-lived Session
// (the engine, as `lode serve` will ask it) next to the same question asked
// by running `lode CMD --json` as a process, on the same index in the same
// run (issue 10).
//
//   lode-bench-query --index /tmp/idx [--lode build/query/lode] [--repeat 5]
//
// For each command: the median wall time of `repeat` CLI processes (each
// opens the index, loads the knowledge base and the graph cache, answers,
// exits), then in this process the first request on a new Session (cold:
// the same loading, without a process start) and the median of `repeat`
// more on that Session (warm: everything loaded once). Each in-process
// answer is rendered to JSON, as the CLI prints it. The CLI runs come first,
// while this process is small, so that forking it costs what forking a
// shell would. Prints figures only; nothing asserts on them.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "lodestone/query/engine.h"
#include "lodestone/query/graph_render.h"
#include "lodestone/query/render.h"
#include "peers.h"

namespace {

using lodestone::Result;
using Clock = std::chrono::steady_clock;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// A question, as CLI arguments and as an engine call that renders the same JSON.
struct Question {
  std::string name;
  std::vector<std::string> args;
  std::function<Result<std::string>(lodestone::query::Session&)> ask;
};

template <typename R, typename F>
Result<std::string> Json(const Result<R>& r, F&& render) {
  if (!r.ok()) return r.status();
  return render(r.value());
}

std::vector<Question> Questions() {
  using namespace lodestone::query;  // SearchRequest is the engine's, not the index's
  using lodestone::query::SearchRequest;
  using lodestone::query::SimilarRequest;
  std::vector<Question> q;
  q.push_back({"search", {"search", "critical minerals"}, [](Session& s) {
                 SearchRequest r;
                 r.query = "critical minerals";
                 return Json(Search(s, r), SearchJson);
               }});
  q.push_back({"search (zh)", {"search", "稀土"}, [](Session& s) {
                 SearchRequest r;
                 r.query = "稀土";
                 return Json(Search(s, r), SearchJson);
               }});
  q.push_back({"show", {"show", "eo:13603"}, [](Session& s) {
                 ShowRequest r;
                 r.id = "eo:13603";
                 return Json(Show(s, r), ShowJson);
               }});
  q.push_back({"similar", {"similar", "eo:13603"}, [](Session& s) {
                 SimilarRequest r;
                 r.id = "eo:13603";
                 return Json(Similar(s, r), SimilarJson);
               }});
  q.push_back({"entity", {"entity", "lithium"}, [](Session& s) {
                 EntityRequest r;
                 r.name = "lithium";
                 return Json(DescribeEntity(s, r), EntityJson);
               }});
  q.push_back({"trace", {"trace", "lithium"}, [](Session& s) {
                 TraceRequest r;
                 r.entity = "lithium";
                 return Json(Trace(s, r), TraceJson);
               }});
  q.push_back({"neighbors", {"neighbors", "eo:13603"}, [](Session& s) {
                 NeighborsRequest r;
                 r.id = "eo:13603";
                 return Json(Neighbors(s, r), NeighborsJson);
               }});
  q.push_back({"path", {"path", "mineral:gallium", "agency:commerce-department"}, [](Session& s) {
                 PathRequest r;
                 r.from = "mineral:gallium";
                 r.to = "agency:commerce-department";
                 return Json(Path(s, r), PathJson);
               }});
  q.push_back({"cited-by", {"cited-by", "eo:13603"}, [](Session& s) {
                 CitationsRequest r;
                 r.id = "eo:13603";
                 return Json(CitedBy(s, r), CitationsJson);
               }});
  q.push_back({"rank", {"rank", "--type", "eo"}, [](Session& s) {
                 RankRequest r;
                 r.type = "eo";
                 return Json(Rank(s, r), RankJson);
               }});
  q.push_back({"timeline", {"timeline", "mineral:lithium"}, [](Session& s) {
                 TimelineRequest r;
                 r.id = "mineral:lithium";
                 return Json(Timeline(s, r), TimelineJson);
               }});
  q.push_back({"cooccur", {"cooccur", "mineral:gallium"}, [](Session& s) {
                 CooccurRequest r;
                 r.id = "mineral:gallium";
                 return Json(Cooccur(s, r), CooccurJson);
               }});
  return q;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"lode-bench-query: one Session (the engine) against one `lode` process per question"};
  std::string index, lode = "lode";
  int repeat = 5;
  app.add_option("--index", index, "An index of the real corpus (lode ingest ../shared/corpus --index DIR)")
      ->required();
  app.add_option("--lode", lode, "The lode binary (default: lode on $PATH)");
  app.add_option("--repeat", repeat, "Runs per question and side (default 5)")->check(CLI::Range(1, 100));
  CLI11_PARSE(app, argc, argv);

  std::vector<Question> questions = Questions();
  // 1. The CLI, one process per run.
  std::vector<double> cli(questions.size());
  std::vector<std::string> cli_out(questions.size());
  for (size_t i = 0; i < questions.size(); ++i) {
    std::vector<std::string> args = {lode};
    args.insert(args.end(), questions[i].args.begin(), questions[i].args.end());
    for (const char* a : {"--json", "--index"}) args.push_back(a);
    args.push_back(index);
    std::vector<double> t;
    for (int r = 0; r < repeat; ++r) {
      std::string out;
      const auto start = Clock::now();
      const int rc = lodestone::bench::RunCapture(args, &out);
      t.push_back(Ms(Clock::now() - start));
      cli_out[i] = out;
      if (rc != 0) {
        std::cerr << "lode-bench-query: " << questions[i].name << ": lode exited " << rc << "\n";
        return 1;
      }
    }
    cli[i] = Median(t);
  }

  // 2. The engine: a new Session per question (cold), then warm requests on it.
  std::printf("%-12s %10s %10s %10s %9s %9s\n", "question", "CLI ms", "cold ms", "warm ms", "CLI/cold", "CLI/warm");
  std::vector<double> ratios;
  for (size_t i = 0; i < questions.size(); ++i) {
    lodestone::query::SessionOptions o;
    o.index_dir = index;
    auto session = lodestone::query::Session::Open(o);
    auto start = Clock::now();
    auto first = questions[i].ask(*session);
    const double cold = Ms(Clock::now() - start);
    if (!first.ok()) {
      std::cerr << "lode-bench-query: " << questions[i].name << ": " << first.status().message() << "\n";
      return 1;
    }
    if (*first != cli_out[i]) {
      std::cerr << "lode-bench-query: " << questions[i].name << ": the engine's JSON is not the CLI's\n";
      return 1;
    }
    std::vector<double> t;
    for (int r = 0; r < repeat; ++r) {
      start = Clock::now();
      auto again = questions[i].ask(*session);
      t.push_back(Ms(Clock::now() - start));
      if (!again.ok() || *again != *first) {
        std::cerr << "lode-bench-query: " << questions[i].name << ": a warm answer differs from the first\n";
        return 1;
      }
    }
    const double warm = Median(t);
    ratios.push_back(cli[i] / warm);
    std::printf("%-12s %10.1f %10.1f %10.2f %8.1fx %8.0fx\n", questions[i].name.c_str(), cli[i], cold, warm,
                cli[i] / cold, cli[i] / warm);
  }
  std::printf("median CLI/warm over %zu questions: %.0fx (repeat %d)\n", ratios.size(), Median(ratios), repeat);
  return 0;
}
