#include "admission.h"

namespace lodestone::server::internal {

bool IsCheap(const std::string& path) {
  for (const char* prefix : {"/api/show/", "/api/neighbors/", "/api/timeline/", "/api/cites/", "/api/cited-by/"})
    if (path.rfind(prefix, 0) == 0) return true;
  return path == "/api/stats";
}

// Tickets in arrival order: ticket t may run once fewer than capacity of the
// tickets before it are still running, i.e. t < done + capacity. Passes are
// given back in any order; only their count matters.
Gate::Pass::Pass(Gate& g) : gate_(g) {
  std::unique_lock<std::mutex> lock(g.mu_);
  const uint64_t ticket = g.issued_++;
  g.cv_.wait(lock, [&] { return ticket < g.done_ + g.capacity_; });
}

Gate::Pass::~Pass() {
  {
    std::lock_guard<std::mutex> lock(gate_.mu_);
    ++gate_.done_;
  }
  gate_.cv_.notify_all();
}

int Gate::running() const {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<int>(std::min<uint64_t>(issued_ - done_, capacity_));
}

int Gate::waiting() const {
  std::lock_guard<std::mutex> lock(mu_);
  const uint64_t in = issued_ - done_;
  return static_cast<int>(in > capacity_ ? in - capacity_ : 0);
}

}  // namespace lodestone::server::internal
