// lode-bench-serve: `lode serve` under load on loopback (issue 12), next to
// the same requests asked as `lode ... --json` processes, in one run.
//
// Starts `lode serve` on an index (the real corpus's, for the figures), finds
// real ids in it (search hits, minerals), then for each number of clients
// (1, 8, 32 by default) runs that many keep-alive clients, each replaying the
// same mix of requests the web UI makes (search with and without facets,
// show, trace, neighbors, timeline) for --seconds, and reports requests/s,
// p50/p99 latency per kind of request, errors (any status but 200) and the
// server's resident memory (sampled twice a second: first, peak and last).
// Then it asks --cli-samples requests of each kind as CLI processes, one at a
// time, for the same figures without a long-lived process.
//
// Prints figures only and asserts nothing (bench/README.md): compare within
// one run. The last line is the figures as one JSON object.
//
//   lode-bench-serve --index /tmp/idx [--lode build/query/lode] [--seconds 20]
//                    [--clients 1,8,32] [--threads 32] [--cli-samples 10]
//                    [--serve-arg=--result-cache=0 ...]
#include <httplib.h>
#include <rapidjson/document.h>
#include <signal.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

struct Request {
  std::string kind;           // search, search+facets, show, trace, neighbors, timeline
  std::string target;         // /api/... with its query string
  std::vector<std::string> cli;  // the same request as lode arguments
};

std::string Encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == ':') out += static_cast<char>(c);
    else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

long RssKb(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string one, five;
  in >> one >> five;
  return one + " " + five;
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

// Runs argv, its stdout to /dev/null; wall-clock milliseconds, or -1.
double TimeProcess(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  const auto t0 = Clock::now();
  pid_t pid;
  int rc = posix_spawn(&pid, args[0], &fa, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? ms : -1;
}

struct ServerProcess {
  pid_t pid = -1;
  int port = 0;
  double load_ms = 0;
};

ServerProcess StartServer(const std::string& lode, const std::string& index, int threads,
                          const std::vector<std::string>& extra) {
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe");
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_addclose(&fa, out[0]);
  std::vector<std::string> argv = {lode, "serve", "--index", index, "--listen", "127.0.0.1:0", "-q",
                                   "--threads", std::to_string(threads)};
  argv.insert(argv.end(), extra.begin(), extra.end());
  std::vector<char*> args;
  for (auto& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  ServerProcess s;
  const auto t0 = Clock::now();
  if (posix_spawn(&s.pid, lode.c_str(), &fa, nullptr, args.data(), environ) != 0)
    throw std::runtime_error("cannot start " + lode);
  posix_spawn_file_actions_destroy(&fa);
  close(out[1]);
  std::string line;
  char c;
  while (read(out[0], &c, 1) == 1 && c != '\n') line += c;  // lode serve: http://127.0.0.1:PORT/
  close(out[0]);
  s.load_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  const size_t colon = line.rfind(':');
  if (colon == std::string::npos) throw std::runtime_error("lode serve did not start: " + line);
  s.port = std::stoi(line.substr(colon + 1));
  return s;
}

struct Sample {
  uint16_t kind;
  bool ok;
  double ms;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"lode serve under load on loopback, next to the same requests as CLI processes"};
  std::string index, lode = "build/query/lode", clients_csv = "1,8,32";
  double seconds = 20;
  int threads = 32, cli_samples = 10;
  app.add_option("--index", index, "The index (the real corpus's)")->required();
  app.add_option("--lode", lode, "The lode binary");
  app.add_option("--seconds", seconds, "Seconds of load per number of clients");
  app.add_option("--clients", clients_csv, "Numbers of concurrent clients, comma-separated");
  app.add_option("--threads", threads, "lode serve --threads");
  app.add_option("--cli-samples", cli_samples, "CLI processes per kind of request");
  std::vector<std::string> serve_args;
  app.add_option("--serve-arg", serve_args,
                 "One more argument for lode serve (repeat the flag for several), e.g. --serve-arg=--result-cache=0 "
                 "to measure searches without the result cache");
  CLI11_PARSE(app, argc, argv);

  ServerProcess server = StartServer(lode, index, threads, serve_args);
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // lines as they come, also into a file
  std::printf("lode serve: pid %d, port %d, ready (index, knowledge base and graph loaded) in %.0f ms, RSS %ld MB\n",
              server.pid, server.port, server.load_ms, RssKb(server.pid) / 1024);
  std::string extra;
  for (const auto& a : serve_args) extra += " " + a;
  std::printf("lode serve arguments added:%s\n", extra.empty() ? " none" : extra.c_str());
  std::printf("load average (1, 5 min) at start: %s (the machine is shared: compare within one run)\n",
              LoadAverage().c_str());

  // Real ids: the hits of a few searches, and minerals the corpus names.
  httplib::Client probe("127.0.0.1", server.port);
  probe.set_read_timeout(60, 0);
  std::vector<std::string> docs;
  for (const char* q : {"critical minerals", "rare earth", "lithium", "export control", "stockpile"}) {
    auto r = probe.Get(("/api/search?limit=10&q=" + Encode(q)).c_str());
    if (!r || r->status != 200) continue;
    rapidjson::Document d;
    d.Parse(r->body.c_str());
    if (!d.IsObject() || !d.HasMember("hits")) continue;
    for (const auto& h : d["hits"].GetArray())
      if (std::find(docs.begin(), docs.end(), h["id"].GetString()) == docs.end()) docs.push_back(h["id"].GetString());
  }
  const std::vector<std::string> queries = {"critical minerals", "lithium", "rare earth elements", "supply chain",
                                            "稀土", "kind:executive_order cobalt", "\"national defense\"",
                                            "export control", "stockpile", "year:2017..2021 mineral"};
  const std::vector<std::string> minerals = {"lithium", "cobalt", "gallium", "rare-earth-elements", "nickel",
                                             "graphite", "germanium", "tungsten"};
  std::vector<Request> mix;
  for (size_t i = 0; i < queries.size(); ++i) {
    const std::string& q = queries[i];
    mix.push_back({"search", "/api/search?q=" + Encode(q), {"search", q}});
    if (i % 2 == 0) mix.push_back({"search", "/api/search?q=" + Encode(q) + "&offset=10", {"search", q, "--offset", "10"}});
    mix.push_back({"search+facets", "/api/search?q=" + Encode(q) + "&facets=1", {"search", q, "--facets"}});
  }
  for (size_t i = 0; i < docs.size() && i < 10; ++i) {
    mix.push_back({"show", "/api/show/" + Encode(docs[i]), {"show", docs[i]}});
    mix.push_back({"neighbors", "/api/neighbors/" + Encode(docs[i]) + "?limit=40", {"neighbors", docs[i], "--limit", "40"}});
  }
  for (size_t i = 0; i < minerals.size(); ++i) {
    const std::string id = "mineral:" + minerals[i];
    mix.push_back({"trace", "/api/trace/" + Encode(minerals[i]), {"trace", minerals[i]}});
    mix.push_back({"timeline", "/api/timeline/" + Encode(id), {"timeline", id}});
    if (i < 4) mix.push_back({"neighbors", "/api/neighbors/" + Encode(id) + "?limit=40", {"neighbors", id, "--limit", "40"}});
  }
  std::vector<std::string> kinds = {"search", "search+facets", "show", "trace", "neighbors", "timeline"};
  auto kind_of = [&](const std::string& k) {
    return static_cast<uint16_t>(std::find(kinds.begin(), kinds.end(), k) - kinds.begin());
  };
  // Warm-up: every request once (and drop any the index cannot answer).
  std::vector<Request> good;
  for (const auto& r : mix) {
    auto res = probe.Get(r.target.c_str());
    if (res && res->status == 200) good.push_back(r);
    else std::fprintf(stderr, "left out (status %d): %s\n", res ? res->status : -1, r.target.c_str());
  }
  mix = good;
  std::map<std::string, int> per_kind;
  for (const auto& r : mix) ++per_kind[r.kind];
  std::printf("mix: %zu requests (", mix.size());
  for (const auto& k : kinds) std::printf("%s %d%s", k.c_str(), per_kind[k], k == kinds.back() ? "" : ", ");
  std::printf("), replayed in a shuffled order by each client\n\n");

  std::ostringstream json;
  json << "{\"load_ms\":" << static_cast<int>(server.load_ms) << ",\"runs\":[";
  std::printf("%7s %8s %7s %6s | %-14s %8s %8s %7s | %s\n", "clients", "req/s", "errors", "n", "kind", "p50 ms",
              "p99 ms", "p99/p50", "server RSS MB first/peak/last");
  std::stringstream csv(clients_csv);
  std::string item;
  bool first_run = true;
  while (std::getline(csv, item, ',')) {
    const int n = std::stoi(item);
    std::vector<std::vector<Sample>> samples(n);
    std::atomic<bool> stop{false};
    std::vector<std::thread> workers;
    const auto t0 = Clock::now();
    for (int c = 0; c < n; ++c) {
      workers.emplace_back([&, c] {
        httplib::Client cl("127.0.0.1", server.port);
        cl.set_keep_alive(true);
        cl.set_read_timeout(60, 0);
        uint64_t state = 0x9E3779B97F4A7C15ull * static_cast<uint64_t>(c + 1);
        while (!stop) {
          state = state * 6364136223846793005ull + 1442695040888963407ull;
          const Request& r = mix[(state >> 33) % mix.size()];
          const auto s = Clock::now();
          auto res = cl.Get(r.target.c_str());
          const double ms = std::chrono::duration<double, std::milli>(Clock::now() - s).count();
          samples[c].push_back({kind_of(r.kind), res && res->status == 200, ms});
        }
      });
    }
    long rss_first = RssKb(server.pid), rss_peak = rss_first, rss_last = rss_first;
    while (std::chrono::duration<double>(Clock::now() - t0).count() < seconds) {
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
      rss_last = RssKb(server.pid);
      rss_peak = std::max(rss_peak, rss_last);
    }
    stop = true;
    for (auto& w : workers) w.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
    const std::string load = LoadAverage();
    std::vector<std::vector<double>> by_kind(kinds.size());
    size_t total = 0, errors = 0;
    std::vector<double> all;
    for (const auto& v : samples)
      for (const Sample& s : v) {
        ++total;
        if (!s.ok) ++errors;
        by_kind[s.kind].push_back(s.ms);
        all.push_back(s.ms);
      }
    const double rps = static_cast<double>(total) / elapsed;
    json << (first_run ? "" : ",") << "{\"clients\":" << n << ",\"rps\":" << static_cast<int>(rps)
         << ",\"requests\":" << total << ",\"errors\":" << errors << ",\"rss_mb\":[" << rss_first / 1024 << ","
         << rss_peak / 1024 << "," << rss_last / 1024 << "],\"p50_ms\":{";
    first_run = false;
    for (size_t k = 0; k <= kinds.size(); ++k) {
      const std::vector<double>& v = k < kinds.size() ? by_kind[k] : all;
      const std::string name = k < kinds.size() ? kinds[k] : "all";
      const double p50 = Percentile(v, 0.5), p99 = Percentile(v, 0.99);
      if (k == 0)
        std::printf("%7d %8.0f %7zu %6zu | %-14s %8.2f %8.2f %7.1f | %ld/%ld/%ld\n", n, rps, errors, v.size(),
                    name.c_str(), p50, p99, p50 > 0 ? p99 / p50 : 0, rss_first / 1024, rss_peak / 1024, rss_last / 1024);
      else
        std::printf("%7s %8s %7s %6zu | %-14s %8.2f %8.2f %7.1f |\n", "", "", "", v.size(), name.c_str(), p50, p99,
                    p50 > 0 ? p99 / p50 : 0);
      json << (k ? "," : "") << "\"" << name << "\":[" << p50 << "," << p99 << "]";
    }
    json << "},\"load\":\"" << load << "\"}";
    std::printf("%7s load average after the run: %s\n\n", "", load.c_str());
  }
  json << "],\"cli_p50_ms\":{";

  // The same kinds of request as processes: open the index, load (or read
  // the cache of) the graph, answer, exit.
  std::printf("the same requests as CLI processes (%d of each kind, one at a time):\n", cli_samples);
  std::printf("%-14s %8s %8s %8s\n", "kind", "p50 ms", "p99 ms", "errors");
  for (size_t k = 0; k < kinds.size(); ++k) {
    std::vector<double> ms;
    int errors = 0, taken = 0;
    for (size_t i = 0; taken < cli_samples && i < mix.size() * static_cast<size_t>(cli_samples); ++i) {
      const Request& r = mix[i % mix.size()];
      if (r.kind != kinds[k]) continue;
      std::vector<std::string> args = {lode};
      args.insert(args.end(), r.cli.begin(), r.cli.end());
      args.insert(args.end(), {"--index", index, "--json"});
      const double t = TimeProcess(args);
      ++taken;
      if (t < 0) ++errors;
      else ms.push_back(t);
    }
    std::printf("%-14s %8.1f %8.1f %8d\n", kinds[k].c_str(), Percentile(ms, 0.5), Percentile(ms, 0.99), errors);
    json << (k ? "," : "") << "\"" << kinds[k] << "\":" << Percentile(ms, 0.5);
  }
  json << "}}";
  kill(server.pid, SIGTERM);
  int status = 0;
  waitpid(server.pid, &status, 0);
  std::printf("\nlode serve stopped by SIGTERM: exit %d\n%s\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1,
              json.str().c_str());
  return 0;
}
