// The bounded answer cache of a revision (query/src/result_cache.h; issue 12).
#include "result_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace lodestone::query::internal {
namespace {

std::shared_ptr<const void> Value(const std::string& s) { return std::make_shared<const std::string>(s); }
std::string Text(const std::shared_ptr<const void>& v) {
  return v ? *std::static_pointer_cast<const std::string>(v) : "(none)";
}

TEST(ResultCacheTest, FindsWhatWasPut) {
  ResultCache c(1 << 20);
  EXPECT_EQ(c.Find("a"), nullptr);
  c.Put("a", Value("alpha"), 10);
  EXPECT_EQ(Text(c.Find("a")), "alpha");
  EXPECT_EQ(c.hits(), 1u);
  EXPECT_EQ(c.misses(), 1u);
}

TEST(ResultCacheTest, EvictsLeastRecentlyUsedPastTheBudget) {
  // Each entry costs its bytes plus its key and bookkeeping; a budget of
  // three entries' worth keeps three.
  const size_t each = 1000;
  ResultCache probe(1 << 20);
  probe.Put("k1", Value("x"), each);
  const size_t cost = probe.bytes();
  ResultCache c(3 * cost);
  c.Put("k1", Value("1"), each);
  c.Put("k2", Value("2"), each);
  c.Put("k3", Value("3"), each);
  EXPECT_EQ(Text(c.Find("k1")), "1");  // k1 is now the most recently used
  c.Put("k4", Value("4"), each);       // over budget: k2, the least recently used, goes
  EXPECT_EQ(c.Find("k2"), nullptr);
  EXPECT_EQ(Text(c.Find("k1")), "1");
  EXPECT_EQ(Text(c.Find("k3")), "3");
  EXPECT_EQ(Text(c.Find("k4")), "4");
  EXPECT_EQ(c.size(), 3u);
  EXPECT_LE(c.bytes(), 3 * cost);
}

TEST(ResultCacheTest, KeepsNothingTooLargeOrWithoutBudget) {
  ResultCache small(100);
  small.Put("big", Value("b"), 1000);
  EXPECT_EQ(small.Find("big"), nullptr);
  EXPECT_EQ(small.bytes(), 0u);
  ResultCache off(0);
  off.Put("a", Value("a"), 1);
  EXPECT_EQ(off.Find("a"), nullptr);
}

TEST(ResultCacheTest, TheFirstOfTwoEqualAnswersStays) {
  ResultCache c(1 << 20);
  c.Put("a", Value("first"), 10);
  const size_t bytes = c.bytes();
  c.Put("a", Value("second"), 10);
  EXPECT_EQ(Text(c.Find("a")), "first");
  EXPECT_EQ(c.bytes(), bytes);  // counted once
}

}  // namespace
}  // namespace lodestone::query::internal
