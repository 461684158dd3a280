// Admission: at most N expensive requests (searches, traces, exports: ms of
// CPU each) run at once, the others wait in arrival order; cheap ones
// (a record, a neighbourhood, a timeline: well under a millisecond) never
// wait here. With more clients than cores, an expensive request that runs
// beside N others only waits for a core longer, while a cheap one that
// would be sliced between them waits many times its own cost (issue 12: the
// p99 of show was 100x its p50). Queueing the expensive ones keeps the cores
// free enough for the cheap ones to pass. A worker takes its pass when the
// API says the work starts (ApiRequest::admit): a search the result cache
// answers takes none.
// Thread-safety: Gate is shared by all workers.
#ifndef LODESTONE_SERVER_SRC_ADMISSION_H_
#define LODESTONE_SERVER_SRC_ADMISSION_H_

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

namespace lodestone::server::internal {

// True for the API paths whose answers are cheap (tens to hundreds of
// microseconds on the real corpus, bench/README.md): show, neighbors,
// timeline of one node, cites, cited-by, stats. Everything else under /api/
// counts as expensive.
bool IsCheap(const std::string& path);

class Gate {
 public:
  explicit Gate(int capacity) : capacity_(capacity < 1 ? 1 : capacity) {}

  // Held for one expensive request: waits (first come, first served) until
  // fewer than `capacity` are running.
  class Pass {
   public:
    explicit Pass(Gate& g);
    ~Pass();
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;

   private:
    Gate& gate_;
  };

  int running() const;
  int waiting() const;  // passes asked for and not yet given

 private:
  const uint64_t capacity_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  uint64_t issued_ = 0;  // tickets given out
  uint64_t done_ = 0;    // passes given back
};

}  // namespace lodestone::server::internal

#endif  // LODESTONE_SERVER_SRC_ADMISSION_H_
