// The progress line of a fetch on a terminal (stderr). Private.
#ifndef LODESTONE_FETCH_SRC_PROGRESS_H_
#define LODESTONE_FETCH_SRC_PROGRESS_H_

#include <chrono>
#include <cstdint>

namespace lodestone::fetch_internal {

struct ProgressCounts {
  uint64_t pages = 0, queries = 0;
  uint64_t done = 0;      // records handled
  uint64_t expected = 0;  // records the searches reported so far (a lower bound until the last page)
  uint64_t fresh = 0;     // new or changed
  uint64_t full_texts = 0;
};

// "fetch: 812/996 documents, 120 new or changed, 310 full texts; pages 12, searches 5; 14.2 docs/s, ETA 13s",
// redrawn at most five times a second; nothing when disabled.
class FetchProgress {
 public:
  explicit FetchProgress(bool enabled) : enabled_(enabled) {}
  void Update(const ProgressCounts& c, bool force = false);
  void Done();

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_{};
  bool drawn_ = false;
};

}  // namespace lodestone::fetch_internal

#endif  // LODESTONE_FETCH_SRC_PROGRESS_H_
