// `lode serve`: one long-lived process answering the API (api.h) and serving
// the web UI's files, over one Session (index, knowledge base and graph
// loaded once, reopened when an ingest commits a newer revision).
//
// Bounds: cpp-httplib refuses request lines over 8 KB (414) and headers over
// 8 KB; a worker pool of `threads`; a connection idle for keep_alive seconds
// is closed, and a client that sends or reads too slowly is cut after
// io_timeout seconds, so slow clients cannot hold every worker; each request
// has the Session's time limit (503 past it).
#ifndef LODESTONE_SERVER_SERVER_H_
#define LODESTONE_SERVER_SERVER_H_

#include <functional>
#include <memory>
#include <string>

#include "lodestone/index/status.h"
#include "lodestone/query/session.h"
#include "lodestone/server/api.h"

namespace lodestone::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (the one chosen is passed to on_listening)
  int threads = 32;  // each holds one connection at a time (cpp-httplib), so: the clients served at once
  // Expensive requests (searches, traces, exports; not show, neighbors,
  // timeline/ID, cites, cited-by, stats) run at most this many at once, the
  // others queue in arrival order, so that cheap requests find a free core
  // (server/src/admission.h); a search answered from the result cache does
  // not queue. 0: no limit.
  int expensive_at_once = 0;
  // Microseconds of CPU slice (Linux EEVDF, 6.12 and later) for a worker
  // while it does not hold an admission pass: cheap and cached answers wake
  // up and get a core sooner, expensive ones keep the default slice. 0: the
  // default for all (bench/README.md: a fifth to two fifths off the cheap
  // kinds' p99 on a busy machine, but traces 40-75% slower).
  int cheap_slice_us = 0;
  std::string web_dir;  // the built UI (build/web); "": API only
  ApiCaps caps;
  int keep_alive_seconds = 2;
  size_t keep_alive_requests = 100;
  int io_timeout_seconds = 5;
  bool log = false;  // one line per request on stderr
};

// "host:port" -> host and port; InvalidArgument naming what is wrong.
// "[::1]:8080" for IPv6; ":8080" is loopback.
Status ParseListen(const std::string& text, std::string* host, int* port);
// True for 127.0.0.0/8, ::1 and localhost.
bool IsLoopback(const std::string& host);

// Serves until Stop() (or SIGINT/SIGTERM when handle_signals): binds, calls
// on_listening(port), and returns once the last request has been answered.
// IoError when the address cannot be bound.
class Server {
 public:
  Server(std::shared_ptr<query::Session> session, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  Status Run(const std::function<void(int port)>& on_listening, bool handle_signals);
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lodestone::server

#endif  // LODESTONE_SERVER_SERVER_H_
