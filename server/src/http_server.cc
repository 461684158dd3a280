// The HTTP glue: cpp-httplib's server, its bounds, the routes (/api/* to
// api.cc, everything else to static_files.cc), signals and a clean stop.
#include <httplib.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "lodestone/query/errors.h"
#include "lodestone/server/server.h"
#include "admission.h"
#include "static_files.h"

namespace lodestone::server {

Status ParseListen(const std::string& text, std::string* host, int* port) {
  const size_t colon = text.rfind(':');
  if (colon == std::string::npos)
    return Status::InvalidArgument("--listen " + text + ": want HOST:PORT, e.g. 127.0.0.1:8080");
  std::string h = text.substr(0, colon);
  const std::string p = text.substr(colon + 1);
  if (h.size() >= 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  else if (h.find(':') != std::string::npos)
    return Status::InvalidArgument("--listen " + text + ": write an IPv6 address in brackets, e.g. [::1]:8080");
  if (h.empty()) h = "127.0.0.1";
  const bool digits = !p.empty() && p.size() <= 5 && p.find_first_not_of("0123456789") == std::string::npos;
  if (!digits || std::stoi(p) > 65535)
    return Status::InvalidArgument("--listen " + text + ": the port must be a number from 0 to 65535");
  *host = h;
  *port = std::stoi(p);
  return Status::Ok();
}

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

namespace {

// The calling thread's EEVDF time slice (sched_attr.sched_runtime for
// SCHED_OTHER, Linux 6.12 and later; earlier kernels ignore it), its nice
// value kept; 0: the kernel's default. Needs no privilege. A thread with a
// shorter slice gets a core sooner when it wakes (it may preempt a running
// one), at no gain in its share of the CPU.
struct SchedAttr {
  uint32_t size;
  uint32_t sched_policy;
  uint64_t sched_flags;
  int32_t sched_nice;
  uint32_t sched_priority;
  uint64_t sched_runtime, sched_deadline, sched_period;
  uint32_t sched_util_min, sched_util_max;
};
bool SetSlice(uint64_t ns) {
  SchedAttr a{};
  a.size = sizeof a;
  a.sched_policy = 0;  // SCHED_OTHER
  errno = 0;
  const int nice = getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
  if (errno) return false;
  a.sched_nice = nice;
  a.sched_runtime = ns;
  return syscall(SYS_sched_setattr, 0, &a, 0) == 0;
}
void Apply(const ApiResponse& a, httplib::Response& res) {
  res.status = a.status;
  for (const auto& [k, v] : a.headers) res.set_header(k, v);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_content(a.body, a.content_type);
}

// The CLI's {"error","code"} (query/errors.h) with an HTTP status of its own.
ApiResponse ErrorResponse(int status, const Status& s) {
  ApiResponse a;
  a.status = status;
  a.body = query::ErrorJson(s);
  return a;
}

}  // namespace

struct Server::Impl {
  std::shared_ptr<query::Session> session;
  ServerOptions options;
  httplib::Server http;
  std::atomic<bool> stopping{false};
  std::mutex log_mu;
  std::unique_ptr<internal::Gate> expensive;  // admission.h; null: no limit

  void Routes() {
    if (options.expensive_at_once > 0) expensive = std::make_unique<internal::Gate>(options.expensive_at_once);
    http.new_task_queue = [n = options.threads] { return new httplib::ThreadPool(static_cast<size_t>(n)); };
    http.set_keep_alive_timeout(options.keep_alive_seconds);
    http.set_keep_alive_max_count(options.keep_alive_requests);
    http.set_read_timeout(options.io_timeout_seconds, 0);
    http.set_write_timeout(options.io_timeout_seconds, 0);
    http.set_payload_max_length(64 * 1024);  // GET requests carry no body
    http.set_tcp_nodelay(true);

    http.Get(R"(/api/.*)", [this](const httplib::Request& req, httplib::Response& res) {
      ApiRequest a;
      a.path = req.path;
      for (const auto& [k, v] : req.params) a.params.push_back({k, v});
      // Held from when Handle says the request starts real work (an
      // expensive endpoint, a search the result cache cannot answer) until
      // the answer is made; cheap and cached answers never queue for it.
      std::optional<internal::Gate::Pass> pass;
      // --cheap-slice-us: a worker runs with a short slice except while it
      // holds an admission pass, so that cheap and cached answers get a core
      // sooner than the searches and traces running beside them.
      const uint64_t cheap_slice = static_cast<uint64_t>(options.cheap_slice_us) * 1000;
      thread_local bool short_slice = false;
      if (cheap_slice && !short_slice) short_slice = SetSlice(cheap_slice);
      if (expensive)
        a.admit = [&] {
          if (pass) return;
          pass.emplace(*expensive);
          if (short_slice) short_slice = !SetSlice(0);
        };
      Apply(Handle(*session, a, options.caps), res);
      if (cheap_slice && !short_slice) short_slice = SetSlice(cheap_slice);
      res.set_header("Cache-Control", "no-store");
    });
    http.Get(R"(.*)", [this](const httplib::Request& req, httplib::Response& res) {
      Apply(internal::StaticFile(options.web_dir, req.path), res);
    });
    auto refuse = [](const httplib::Request& req, httplib::Response& res) {
      Apply(ErrorResponse(405, Status::InvalidArgument("method " + req.method + " not allowed; the API is GET only")), res);
      res.set_header("Allow", "GET, HEAD");
    };
    http.Post(R"(.*)", refuse);
    http.Put(R"(.*)", refuse);
    http.Patch(R"(.*)", refuse);
    http.Delete(R"(.*)", refuse);
    http.Options(R"(.*)", refuse);
    // What httplib answers by itself (414 request line too long, 400 bad
    // request, 413 body too large, 404 for an unknown method) gets a body.
    http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
      const int s = res.status;
      const std::string message = s == 414   ? "request line too long (at most 8 KB)"
                                  : s == 413 ? "request body too large (GET takes none)"
                                  : s == 431 ? "request headers too large (at most 8 KB)"
                                             : "bad request (HTTP " + std::to_string(s) + ")";
      Apply(ErrorResponse(s, s == 413 || s == 414 || s == 431 ? Status::TooLarge(message)
                             : s >= 500                        ? Status::Internal(message)
                                                               : Status::InvalidArgument(message)),
            res);
      return httplib::Server::HandlerResponse::Handled;
    }));
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
      std::string what = "unknown";
      try {
        std::rethrow_exception(ep);
      } catch (const std::exception& e) {
        what = e.what();
      } catch (...) {
      }
      Apply(ErrorResponse(500, Status::Internal("internal error")), res);
      std::cerr << "lode serve: internal error: " << what << "\n";
    });
    if (options.log)
      http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        std::lock_guard<std::mutex> lock(log_mu);
        std::cerr << req.method << " " << req.target << " " << res.status << " " << res.body.size() << "\n";
      });
  }
};

Server::Server(std::shared_ptr<query::Session> session, ServerOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->session = std::move(session);
  impl_->options = std::move(options);
  impl_->Routes();
}

Server::~Server() { Stop(); }

void Server::Stop() {
  impl_->stopping = true;
  impl_->http.stop();
}

Status Server::Run(const std::function<void(int port)>& on_listening, bool handle_signals) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  std::thread watcher;
  if (handle_signals) {
    // Blocked here, before the workers start, so that they inherit the mask
    // and only the watcher takes the signal.
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    watcher = std::thread([this, signals] {
      const timespec tick{0, 200 * 1000 * 1000};
      while (!impl_->stopping) {
        int sig = sigtimedwait(&signals, nullptr, &tick);
        if (sig == SIGINT || sig == SIGTERM) {
          std::cerr << "lode serve: " << (sig == SIGINT ? "SIGINT" : "SIGTERM")
                    << ": finishing the requests under way, then stopping\n";
          Stop();
        }
      }
    });
  }
  auto finish = [&](Status s) {
    impl_->stopping = true;
    if (watcher.joinable()) watcher.join();
    if (handle_signals) pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);
    return s;
  };
  ServerOptions& o = impl_->options;
  int port = o.port;
  if (port == 0) {
    port = impl_->http.bind_to_any_port(o.host);
    if (port < 0) port = 0;
  } else if (!impl_->http.bind_to_port(o.host, port)) {
    port = 0;
  }
  if (port == 0)
    return finish(Status::IoError("cannot listen on " + o.host + ":" + std::to_string(o.port) + ": " +
                                  (errno ? std::strerror(errno) : "address not available")));
  if (on_listening) on_listening(port);
  if (!impl_->stopping) impl_->http.listen_after_bind();
  return finish(Status::Ok());
}

}  // namespace lodestone::server
