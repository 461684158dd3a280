// Calendar arithmetic behind the date splitting (fetch/src/dates.cc).
#include "dates.h"

#include <gtest/gtest.h>

namespace lodestone::fetch_internal {
namespace {

TEST(DatesTest, ValidDatesRoundTrip) {
  for (const char* d : {"1970-01-01", "1994-01-01", "2000-02-29", "2024-02-29", "2025-12-31", "1969-12-31",
                        "2100-03-01"}) {
    auto day = ParseDay(d);
    ASSERT_TRUE(day) << d;
    EXPECT_EQ(FormatDay(*day), d);
  }
}

TEST(DatesTest, DayNumbersCountDays) {
  EXPECT_EQ(*ParseDay("1970-01-01"), 0);
  EXPECT_EQ(*ParseDay("1970-01-02"), 1);
  EXPECT_EQ(*ParseDay("1969-12-31"), -1);
  EXPECT_EQ(*ParseDay("2000-03-01") - *ParseDay("2000-02-28"), 2);  // 2000 is a leap year
  EXPECT_EQ(*ParseDay("1900-03-01") - *ParseDay("1900-02-28"), 1);  // 1900 is not
  EXPECT_EQ(*ParseDay("2025-01-01") - *ParseDay("2024-01-01"), 366);
  EXPECT_EQ(FormatDay(*ParseDay("2024-12-31") + 1), "2025-01-01");
}

TEST(DatesTest, InvalidDatesAreRejected) {
  for (const char* d : {"", "2023-02-29", "1900-02-29", "2020-13-01", "2020-00-10", "2020-04-31", "2020-1-01",
                        "2020/01/01", "20200101", "2020-01-01T00", "abcd-ef-gh", "2020-01-32"})
    EXPECT_FALSE(ParseDay(d)) << d;
}

TEST(DatesTest, TodayIsAfterThisCodeWasWritten) {
  EXPECT_GT(Today(), *ParseDay("2025-01-01"));
  EXPECT_EQ(NowStamp().size(), 20u);  // 2025-03-20T12:00:00Z
}

}  // namespace
}  // namespace lodestone::fetch_internal
