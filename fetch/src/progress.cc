#include "progress.h"

#include <cstdio>

namespace lodestone::fetch_internal {

void FetchProgress::Update(const ProgressCounts& c, bool force) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (!force && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  const double secs = std::chrono::duration<double>(now - start_).count();
  const double rate = secs > 0 ? c.done / secs : 0;
  char eta[32] = "";
  if (rate > 0 && c.expected > c.done) {
    const long long left = static_cast<long long>((c.expected - c.done) / rate + 0.5);
    if (left >= 3600)
      std::snprintf(eta, sizeof eta, ", ETA %lldh%02lldm", left / 3600, left % 3600 / 60);
    else if (left >= 60)
      std::snprintf(eta, sizeof eta, ", ETA %lldm%02llds", left / 60, left % 60);
    else
      std::snprintf(eta, sizeof eta, ", ETA %llds", left);
  }
  std::fprintf(stderr, "\r\033[Kfetch: %llu/%llu documents, %llu new or changed, %llu full texts; pages %llu, "
               "searches %llu; %.1f docs/s%s",
               static_cast<unsigned long long>(c.done), static_cast<unsigned long long>(c.expected),
               static_cast<unsigned long long>(c.fresh), static_cast<unsigned long long>(c.full_texts),
               static_cast<unsigned long long>(c.pages), static_cast<unsigned long long>(c.queries), rate, eta);
  std::fflush(stderr);
  drawn_ = true;
}

void FetchProgress::Done() {
  if (enabled_ && drawn_) std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
}

}  // namespace lodestone::fetch_internal
