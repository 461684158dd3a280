// lode serve: the HTTP API and the web UI from one long-lived process
// (server/, issue 12).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli.h"
#include "lodestone/server/server.h"

namespace lodestone::cli {

namespace {

struct ServeFlags {
  GraphFlags graph;
  std::string listen = "127.0.0.1:8080";
  std::string web;
  server::ServerOptions server;
  size_t max_list = 10000, max_export_nodes = 20000;
  double time_limit = 30;
  size_t record_cache_mb = 256;
  size_t result_cache_mb = 32;
  bool quiet = false;
};

// build/query/lode -> build/web, the bundle the build puts beside it.
std::string DefaultWebDir() {
  if (const char* env = std::getenv("LODE_WEB")) return env;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  auto dir = exe.parent_path().parent_path() / "web";
  return std::filesystem::exists(dir / "index.html", ec) ? dir.string() : std::string();
}

int RunServe(const Globals& g, ServeFlags& f) {
  server::ServerOptions o = f.server;
  Status s = server::ParseListen(f.listen, &o.host, &o.port);
  if (!s.ok()) return Fail(g, s);
  if (!server::IsLoopback(o.host))
    std::cerr << "lode serve: warning: listening on " << o.host
              << ", not loopback: anyone who can reach this address can read the index (there is no authentication)\n";
  o.web_dir = f.web.empty() ? DefaultWebDir() : f.web;
  if (!o.web_dir.empty() && !std::filesystem::exists(std::filesystem::path(o.web_dir) / "index.html"))
    return Fail(g, Status::InvalidArgument("--web " + o.web_dir + ": no index.html there (build the UI: scripts/build.sh)"));

  query::SessionOptions so;
  so.index_dir = g.index;
  so.kb_files = f.graph.kb_files;
  so.open = ShardOpenOptions(g);
  so.graph_cache = !f.graph.no_cache;
  if (!f.quiet) so.graph_progress = GraphProgressToStderr;
  so.idle_searchers = static_cast<size_t>(o.threads);
  so.record_cache_bytes = f.record_cache_mb << 20;
  so.result_cache_bytes = f.result_cache_mb << 20;
  so.time_limit = std::chrono::duration_cast<query::Clock::duration>(std::chrono::duration<double>(f.time_limit));
  so.limits = server::ServerLimits(o.caps, f.max_list, f.max_export_nodes);
  auto session = query::Session::Open(std::move(so));

  // Index, knowledge base and graph are loaded now, once, not by the first
  // visitor. A missing index is not fatal: requests answer 503 until an
  // ingest creates it.
  const auto t0 = std::chrono::steady_clock::now();
  Status loaded = session->Read([](query::View& v) -> Result<bool> {
    auto gr = v.graph();
    if (!gr.ok()) return gr.status();
    return true;
  }).status();
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (!loaded.ok() && loaded.code() != Status::Code::kUnavailable) return Fail(g, loaded);
  if (!f.quiet) {
    if (loaded.ok()) std::cerr << "lode serve: index " << g.index << " loaded in " << static_cast<int>(ms) << " ms\n";
    else std::cerr << "lode serve: warning: " << loaded.message() << "; answering 503 until it exists\n";
  }
  server::Server srv(session, o);
  s = srv.Run(
      [&](int port) {
        const std::string host = o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host;
        // The one line on stdout: scripts read the URL (and the port, for --listen HOST:0).
        std::cout << "lode serve: http://" << host << ":" << port << "/" << std::endl;
        if (!f.quiet && o.web_dir.empty())
          std::cerr << "lode serve: no web UI found (give --web DIR); serving the API only\n";
      },
      /*handle_signals=*/true);
  if (!s.ok()) return Fail(g, s);
  if (!f.quiet) std::cerr << "lode serve: stopped\n";
  return kExitOk;
}

}  // namespace

void AddServeCommands(CLI::App& app, Globals& globals, Commands& out) {
  auto f = std::make_shared<ServeFlags>();
  f->server.expensive_at_once = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  auto* cmd = app.add_subcommand(
      "serve",
      "Answer the API and serve the web UI from one process: the index, knowledge base and graph are\n"
      "loaded once and reopened when an ingest commits. GET /api/search?q=..., /api/show/ID,\n"
      "/api/trace/ID?as_of=..., ... answer exactly what the same command prints with --json (README.md,\n"
      "\"lode serve\"). Loopback only unless --listen names another address: there is no authentication.\n"
      "  lode serve --index lode-index          # then open http://127.0.0.1:8080/\n"
      "  lode serve --listen 127.0.0.1:0 -q     # any free port; the URL is printed on stdout\n"
      "  curl 'http://127.0.0.1:8080/api/search?q=lithium&limit=3'");
  cmd->add_option("--listen", f->listen, "HOST:PORT to listen on (default 127.0.0.1:8080; port 0: any free one)");
  cmd->add_option("--threads", f->server.threads, "Worker threads: connections served at once (default 32; more wait in a queue)")
      ->check(CLI::Range(1, 256));
  cmd->add_option("--expensive", f->server.expensive_at_once,
                  "Searches, traces and other expensive requests run at once; more wait in arrival order, while "
                  "show, neighbors and timeline never wait (default: the number of cores; 0: no limit)")
      ->check(CLI::Range(0, 256));
  cmd->add_option("--cheap-slice-us", f->server.cheap_slice_us,
                  "CPU time slice in microseconds for workers not running an expensive request (Linux 6.12+ "
                  "EEVDF; 100-100000): cheap and cached answers get a core sooner, at the cost of traces "
                  "(default 0: the kernel's slice)")
      ->check(CLI::Range(0, 100000));
  cmd->add_option("--web", f->web, "The built web UI (default: $LODE_WEB, else the web/ folder of the build holding lode: build/web)");
  cmd->add_option("--time-limit", f->time_limit, "Seconds a request may take before it is answered 503 (default 30)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-list", f->max_list,
                  "Longest list of an answer without a limit of its own (cites, cited-by, timeline; default 10000); "
                  "cut lists say \"truncated\": true")
      ->check(CLI::Range(size_t{1}, size_t{10000000}));
  cmd->add_option("--max-export-nodes", f->max_export_nodes,
                  "Most nodes of an export (default 20000; cut exports say X-Lodestone-Truncated: true)")
      ->check(CLI::Range(size_t{1}, size_t{10000000}));
  cmd->add_option("--record-cache", f->record_cache_mb,
                  "MB of document records kept once read, per index revision (default 256; 0: none)")
      ->check(CLI::Range(size_t{0}, size_t{1} << 20));
  cmd->add_option("--result-cache", f->result_cache_mb,
                  "MB of search answers kept for the same request asked again, per index revision, least recently "
                  "used out first (default 32; 0: none)")
      ->check(CLI::Range(size_t{0}, size_t{1} << 20));
  cmd->add_option("--keep-alive", f->server.keep_alive_seconds,
                  "Seconds an idle connection is kept open (default 2)")
      ->check(CLI::Range(1, 60));
  cmd->add_flag("-v,--verbose", f->server.log, "One line per request on stderr");
  cmd->add_flag("-q,--quiet", f->quiet, "Only the URL on stdout and errors on stderr");
  AddGlobalFlags(cmd, globals);
  AddGraphFlags(cmd, f->graph);
  out.push_back({cmd, [f](const Globals& g) { return RunServe(g, *f); }});
}

}  // namespace lodestone::cli
