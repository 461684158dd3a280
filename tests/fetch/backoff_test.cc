// Retry timing and which answers are retried (fetch/src/backoff.cc).
#include "backoff.h"

#include <gtest/gtest.h>

namespace lodestone::fetch_internal {
namespace {

TEST(BackoffTest, DelaysDoubleUpToTheCeiling) {
  struct Case {
    uint32_t attempt;
    double base, retry_after, expected;
  };
  const Case cases[] = {
      {1, 1, -1, 1},      {2, 1, -1, 2},     {3, 1, -1, 4},     {6, 1, -1, 32},   {7, 1, -1, 60},
      {40, 1, -1, 60},    {1, 0.01, -1, 0.01}, {4, 0.01, -1, 0.08}, {0, 2, -1, 2},  {3, 0, -1, 0},
      {1, 1, 5, 5},       {4, 1, 5, 8},      {1, 1, 0, 1},      {1, 1, 500, 120}, {2, 1, 90, 90},
  };
  for (const auto& c : cases)
    EXPECT_DOUBLE_EQ(RetryDelay(c.attempt, c.base, c.retry_after), c.expected)
        << "attempt " << c.attempt << " base " << c.base << " retry-after " << c.retry_after;
}

TEST(BackoffTest, OnlyRateLimitsAndServerErrorsAreRetried) {
  for (long s : {429L, 500L, 502L, 503L, 504L, 599L}) EXPECT_TRUE(RetryableStatus(s)) << s;
  for (long s : {200L, 301L, 400L, 401L, 403L, 404L, 410L, 422L, 600L}) EXPECT_FALSE(RetryableStatus(s)) << s;
}

TEST(BackoffTest, RetryAfterInSecondsOrAsADate) {
  const std::time_t now = 1445412480;  // Wed, 21 Oct 2015 07:28:00 GMT
  EXPECT_DOUBLE_EQ(ParseRetryAfter("3", now), 3);
  EXPECT_DOUBLE_EQ(ParseRetryAfter(" 10 \r\n", now), 10);
  EXPECT_DOUBLE_EQ(ParseRetryAfter("0", now), 0);
  EXPECT_DOUBLE_EQ(ParseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now), 30);
  EXPECT_DOUBLE_EQ(ParseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now), 0);  // in the past: now
  EXPECT_GT(ParseRetryAfter("99999999999", now), kMaxRetryAfterSeconds);
  for (const char* bad : {"", "  ", "soon", "-5", "1.5s", "21 Oct 2015"}) EXPECT_LT(ParseRetryAfter(bad, now), 0) << bad;
}

}  // namespace
}  // namespace lodestone::fetch_internal
