// When to retry an HTTP request, and how long to wait first. Private.
//
// The API answers 429 when a client goes faster than its limits and 5xx when
// it is busy; both are retried, as are timeouts, dropped connections and
// malformed pages. The wait doubles from a base (1 s by default) up to a
// ceiling, and a server's Retry-After raises it (bounded too). No jitter: one
// client, one connection, nothing to spread out.
#ifndef LODESTONE_FETCH_SRC_BACKOFF_H_
#define LODESTONE_FETCH_SRC_BACKOFF_H_

#include <cstdint>
#include <ctime>
#include <string>

namespace lodestone::fetch_internal {

constexpr double kMaxBackoffSeconds = 60;     // ceiling of the doubling
constexpr double kMaxRetryAfterSeconds = 120;  // longer asks are not waited for

// Seconds to wait before retry number `attempt` (1 for the first retry):
// base * 2^(attempt-1), at most kMaxBackoffSeconds, and at least
// `retry_after` (seconds; negative when the server gave none) up to
// kMaxRetryAfterSeconds.
double RetryDelay(uint32_t attempt, double base, double retry_after);

// Whether an HTTP status is worth retrying: 429 and every 5xx.
bool RetryableStatus(long status);

// A Retry-After header value (delta-seconds or an HTTP-date) as seconds from
// `now`; negative when absent or unreadable.
double ParseRetryAfter(const std::string& value, std::time_t now);

}  // namespace lodestone::fetch_internal

#endif  // LODESTONE_FETCH_SRC_BACKOFF_H_
