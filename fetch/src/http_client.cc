#include "http_client.h"

#include <curl/curl.h>

#include <cctype>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <thread>

#include "backoff.h"

#ifndef LODE_VERSION
#define LODE_VERSION "0"
#endif

namespace lodestone::fetch_internal {

namespace {
using Clock = std::chrono::steady_clock;

struct Sink {
  std::string* body;
  double* retry_after;
};

size_t OnBody(char* data, size_t size, size_t n, void* user) {
  auto* s = static_cast<Sink*>(user);
  const size_t bytes = size * n;
  if (s->body->size() + bytes > kMaxBodyBytes) return 0;  // too large: CURLE_WRITE_ERROR
  s->body->append(data, bytes);
  return bytes;
}

size_t OnHeader(char* data, size_t size, size_t n, void* user) {
  auto* s = static_cast<Sink*>(user);
  const size_t bytes = size * n;
  std::string line(data, bytes);
  if (line.rfind("HTTP/", 0) == 0) *s->retry_after = -1;  // a new response (after a redirect)
  const std::string name = "retry-after:";
  if (line.size() > name.size()) {
    bool match = true;
    for (size_t i = 0; i < name.size() && match; ++i)
      match = static_cast<char>(std::tolower(static_cast<unsigned char>(line[i]))) == name[i];
    if (match) *s->retry_after = ParseRetryAfter(line.substr(name.size()), std::time(nullptr));
  }
  return bytes;
}

int OnProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* cancel = static_cast<const std::atomic<bool>*>(user);
  return cancel && cancel->load() ? 1 : 0;
}

// Failures that another try cannot fix.
bool PermanentCurlError(CURLcode c) {
  switch (c) {
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_TOO_MANY_REDIRECTS:
    case CURLE_ABORTED_BY_CALLBACK:
    case CURLE_WRITE_ERROR:
    case CURLE_FILESIZE_EXCEEDED:
      return true;
    default:
      return false;
  }
}

std::once_flag curl_init;
}  // namespace

struct HttpClient::Impl {
  CURL* curl = nullptr;
  char errbuf[CURL_ERROR_SIZE] = {0};
  ~Impl() {
    if (curl) curl_easy_cleanup(curl);
  }
};

std::string HttpClient::DefaultUserAgent() {
  const curl_version_info_data* v = curl_version_info(CURLVERSION_NOW);
  return std::string("lode/") + LODE_VERSION + " (Lodestone corpus fetch; libcurl/" + (v ? v->version : "?") + ")";
}

HttpClient::HttpClient(const HttpOptions& options) : options_(options), impl_(std::make_unique<Impl>()) {}
HttpClient::~HttpClient() = default;

Result<std::unique_ptr<HttpClient>> HttpClient::Create(const HttpOptions& options) {
  if (options.api_rate <= 0 || options.xml_rate <= 0) return Status::InvalidArgument("request rates must be positive");
  if (options.timeout <= 0 || options.connect_timeout <= 0)
    return Status::InvalidArgument("timeouts must be positive");
  std::call_once(curl_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  std::unique_ptr<HttpClient> c(new HttpClient(options));
  c->impl_->curl = curl_easy_init();
  if (!c->impl_->curl) return Status::Internal("libcurl could not create a handle");
  CURL* h = c->impl_->curl;
  const std::string ua = options.user_agent.empty() ? DefaultUserAgent() : options.user_agent;
  curl_easy_setopt(h, CURLOPT_USERAGENT, ua.c_str());  // copied by libcurl
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(h, CURLOPT_MAXREDIRS, 5L);
#if LIBCURL_VERSION_NUM >= 0x075500
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
  curl_easy_setopt(h, CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
  curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
  // TLS: verify the peer's certificate chain and that it names the host.
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!options.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, options.ca_file.c_str());
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // whatever libcurl can decode (gzip)
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout * 1000));
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout * 1000));
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, c->impl_->errbuf);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, OnProgress);
  curl_easy_setopt(h, CURLOPT_XFERINFODATA, options.cancel);
  return c;
}

bool HttpClient::SleepFor(double seconds) {
  const auto until = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  while (Clock::now() < until) {
    if (cancelled()) return false;
    auto left = until - Clock::now();
    std::this_thread::sleep_for(std::min<Clock::duration>(left, std::chrono::milliseconds(50)));
  }
  return !cancelled();
}

void HttpClient::Pace(RequestClass cls) {
  auto& next = cls == RequestClass::kXml ? next_xml_ : next_api_;
  const double rate = cls == RequestClass::kXml ? options_.xml_rate : options_.api_rate;
  auto now = Clock::now();
  if (next > now) SleepFor(std::chrono::duration<double>(next - now).count());
  next = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / rate));
}

HttpResponse HttpClient::GetOnce(const std::string& url, RequestClass cls) {
  HttpResponse r;
  Pace(cls);
  if (cancelled()) {
    r.error = "interrupted";
    return r;
  }
  CURL* h = impl_->curl;
  Sink sink{&r.body, &r.retry_after};
  impl_->errbuf[0] = 0;
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &sink);
  const auto start = Clock::now();
  CURLcode rc = curl_easy_perform(h);
  const double secs = std::chrono::duration<double>(Clock::now() - start).count();
  ++requests_;
  if (rc == CURLE_OK) {
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &r.status);
    r.transport_ok = true;
    if (r.status < 200 || r.status > 299) {
      r.error = "HTTP " + std::to_string(r.status);
      r.retryable = RetryableStatus(r.status);
    }
  } else {
    r.body.clear();
    char buf[64];
    if (rc == CURLE_OPERATION_TIMEDOUT) {
      std::snprintf(buf, sizeof buf, "timed out after %.1f s", secs);
      r.error = buf;
    } else if (rc == CURLE_ABORTED_BY_CALLBACK) {
      r.error = "interrupted";
    } else if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE || rc == CURLE_SSL_ISSUER_ERROR) {
      r.error = std::string("TLS certificate not trusted (verification is always on): ") +
                (impl_->errbuf[0] ? impl_->errbuf : curl_easy_strerror(rc));
    } else if (rc == CURLE_WRITE_ERROR) {
      r.error = "response larger than " + std::to_string(kMaxBodyBytes >> 20) + " MB";
    } else {
      r.error = std::string(curl_easy_strerror(rc)) + (impl_->errbuf[0] ? std::string(": ") + impl_->errbuf : "");
    }
    r.retryable = !PermanentCurlError(rc);
  }
  if (options_.verbose)
    std::fprintf(stderr, "fetch: GET %s -> %s (%.1f KB, %.2f s)\n", url.c_str(),
                 r.transport_ok ? std::to_string(r.status).c_str() : r.error.c_str(), r.body.size() / 1024.0, secs);
  return r;
}

HttpResponse HttpClient::Get(const std::string& url, RequestClass cls,
                             const std::function<std::string(const std::string&)>& check) {
  for (uint32_t attempt = 0;; ++attempt) {
    HttpResponse r = GetOnce(url, cls);
    if (r.ok() && check) {
      std::string why = check(r.body);
      if (!why.empty()) {
        r.error = "malformed page: " + why;
        r.retryable = true;
      }
    }
    if (r.ok() || !r.retryable || attempt >= options_.retries || cancelled()) return r;
    if (r.retry_after > kMaxRetryAfterSeconds) {
      r.error += "; the server asks to wait " + std::to_string(static_cast<long long>(r.retry_after)) +
                 " s: run again later";
      return r;
    }
    const double delay = RetryDelay(attempt + 1, options_.backoff, r.retry_after);
    if (options_.verbose)
      std::fprintf(stderr, "fetch: retry %u/%u in %.2f s (%s)\n", attempt + 1, options_.retries, delay,
                   r.error.c_str());
    ++retries_;
    if (!SleepFor(delay)) return r;
  }
}

}  // namespace lodestone::fetch_internal
