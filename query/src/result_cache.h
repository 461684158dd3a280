// ResultCache: answers kept by request key, bounded in bytes, least recently
// used out first. One per index revision (session.cc's Snapshot), so a new
// commit drops them all with its snapshot: no invalidation of its own.
// Thread-safety: every method is safe to call from many threads at once.
#ifndef LODESTONE_QUERY_SRC_RESULT_CACHE_H_
#define LODESTONE_QUERY_SRC_RESULT_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace lodestone::query::internal {

class ResultCache {
 public:
  explicit ResultCache(size_t budget_bytes) : budget_(budget_bytes) {}

  // The answer kept for `key` (now the most recently used), or null.
  std::shared_ptr<const void> Find(const std::string& key);
  // Keeps `value` (about `bytes`, key included by the caller or not) for
  // `key`, evicting the least recently used answers past the budget. An
  // answer larger than the whole budget is not kept.
  void Put(const std::string& key, std::shared_ptr<const void> value, size_t bytes);

  size_t bytes() const;
  size_t size() const;
  uint64_t hits() const;
  uint64_t misses() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const void> value;
    size_t bytes;
  };
  const size_t budget_;
  mutable std::mutex mu_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
  size_t bytes_ = 0;
  uint64_t hits_ = 0, misses_ = 0;
};

}  // namespace lodestone::query::internal

#endif  // LODESTONE_QUERY_SRC_RESULT_CACHE_H_
