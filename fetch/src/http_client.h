// Blocking HTTP GET through libcurl, with the API's rate limits and retries.
// Private: libcurl's types stay in http_client.cc.
//
// One easy handle is reused for every request (keep-alive to the API). TLS
// peers and host names are verified, only http and https are followed (5
// redirects at most), every request has a connect and a total timeout, and
// bodies are capped (kMaxBodyBytes). Requests of a class start at most `rate`
// per second. Thread-safety: one client per thread.
#ifndef LODESTONE_FETCH_SRC_HTTP_CLIENT_H_
#define LODESTONE_FETCH_SRC_HTTP_CLIENT_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "lodestone/index/status.h"

namespace lodestone::fetch_internal {

constexpr uint64_t kMaxBodyBytes = 512ull << 20;

// Requests are paced per class: the API's searches (and HTML and text
// downloads) at one rate, XML downloads at another.
enum class RequestClass { kApi, kXml };

struct HttpOptions {
  std::string user_agent;
  double timeout = 60, connect_timeout = 10;  // seconds
  std::string ca_file;                        // CA bundle instead of the system's
  double api_rate = 5, xml_rate = 1;          // requests per second (> 0)
  uint32_t retries = 5;
  double backoff = 1;
  bool verbose = false;                       // one line per request on stderr
  const std::atomic<bool>* cancel = nullptr;
};

struct HttpResponse {
  long status = 0;           // 0 when no HTTP answer arrived
  std::string body;
  double retry_after = -1;   // seconds, from Retry-After; negative when none
  bool transport_ok = false; // an HTTP answer arrived whole
  bool retryable = false;    // the failure is worth another try
  std::string error;         // empty on success: "HTTP 503", "timed out after 60 s", "malformed page: …"
  bool ok() const { return error.empty(); }
};

class HttpClient {
 public:
  static Result<std::unique_ptr<HttpClient>> Create(const HttpOptions& options);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // One attempt, paced by the class's rate. A 2xx answer is ok; any other
  // status or a transport failure sets `error` (and `retryable`).
  HttpResponse GetOnce(const std::string& url, RequestClass cls);

  // GetOnce, retried with backoff (backoff.h) while the failure is retryable
  // or `check` (when given) rejects a 2xx body — a malformed page — by
  // returning a non-empty reason. Returns the last response; stops early when
  // cancelled.
  HttpResponse Get(const std::string& url, RequestClass cls,
                   const std::function<std::string(const std::string& body)>& check = {});

  uint64_t requests() const { return requests_; }
  uint64_t retries() const { return retries_; }
  bool cancelled() const { return options_.cancel && options_.cancel->load(); }

  // The User-Agent a default client sends: "lode/<version> (…; libcurl/…)".
  static std::string DefaultUserAgent();

 private:
  struct Impl;
  explicit HttpClient(const HttpOptions& options);
  void Pace(RequestClass cls);
  bool SleepFor(double seconds);  // false when cancelled

  HttpOptions options_;
  std::unique_ptr<Impl> impl_;
  std::chrono::steady_clock::time_point next_api_{}, next_xml_{};
  uint64_t requests_ = 0, retries_ = 0;
};

}  // namespace lodestone::fetch_internal

#endif  // LODESTONE_FETCH_SRC_HTTP_CLIENT_H_
