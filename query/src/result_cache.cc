#include "result_cache.h"

namespace lodestone::query::internal {

std::shared_ptr<const void> ResultCache::Find(const std::string& key) {
  if (budget_ == 0) return nullptr;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = by_key_.find(key);
  if (it == by_key_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  order_.splice(order_.begin(), order_, it->second);
  return it->second->value;
}

void ResultCache::Put(const std::string& key, std::shared_ptr<const void> value, size_t bytes) {
  bytes += key.size() + sizeof(Entry);
  if (budget_ == 0 || bytes > budget_ || !value) return;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = by_key_.find(key);
  if (it != by_key_.end()) {  // two requests computed it at once: keep the first
    order_.splice(order_.begin(), order_, it->second);
    return;
  }
  order_.push_front({key, std::move(value), bytes});
  by_key_.emplace(key, order_.begin());
  bytes_ += bytes;
  while (bytes_ > budget_) {
    const Entry& last = order_.back();
    bytes_ -= last.bytes;
    by_key_.erase(last.key);
    order_.pop_back();
  }
}

size_t ResultCache::bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return bytes_;
}
size_t ResultCache::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return order_.size();
}
uint64_t ResultCache::hits() const {
  std::lock_guard<std::mutex> lock(mu_);
  return hits_;
}
uint64_t ResultCache::misses() const {
  std::lock_guard<std::mutex> lock(mu_);
  return misses_;
}

}  // namespace lodestone::query::internal
