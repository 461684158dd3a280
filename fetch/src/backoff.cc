#include "backoff.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace lodestone::fetch_internal {

double RetryDelay(uint32_t attempt, double base, double retry_after) {
  if (attempt < 1) attempt = 1;
  double d = base * std::pow(2.0, std::min<uint32_t>(attempt - 1, 30));
  d = std::min(d, kMaxBackoffSeconds);
  if (retry_after > d) d = std::min(retry_after, kMaxRetryAfterSeconds);
  return std::max(d, 0.0);
}

bool RetryableStatus(long status) { return status == 429 || (status >= 500 && status <= 599); }

double ParseRetryAfter(const std::string& raw, std::time_t now) {
  size_t b = raw.find_first_not_of(" \t"), e = raw.find_last_not_of(" \t\r\n");
  if (b == std::string::npos) return -1;
  std::string v = raw.substr(b, e - b + 1);
  if (std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (v.size() > 9) return kMaxRetryAfterSeconds * 10;  // absurdly long: more than we would wait
    return std::atof(v.c_str());
  }
  // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
  std::tm tm{};
  const char* end = ::strptime(v.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (!end || *end) return -1;
  std::time_t at = ::timegm(&tm);
  return at > now ? static_cast<double>(at - now) : 0.0;
}

}  // namespace lodestone::fetch_internal
