#include "lodestone/text/ascii.h"

#include <gtest/gtest.h>

namespace lodestone::text {
namespace {

TEST(AsciiTest, DigitsCaseAndBlanks) {
  EXPECT_TRUE(AllAsciiDigits("2019"));
  EXPECT_FALSE(AllAsciiDigits(""));
  EXPECT_FALSE(AllAsciiDigits("20a9"));
  EXPECT_FALSE(AllAsciiDigits("-1"));
  EXPECT_EQ(AsciiLower("U.S.C. Ärger"), "u.s.c. Ärger");  // UTF-8 left alone
  EXPECT_EQ(AsciiUpper("eo 13,817"), "EO 13,817");
  EXPECT_EQ(Trim(" \t\r\n\f\vx y \n"), "x y");
  EXPECT_EQ(Trim("   "), "");
}

TEST(AsciiTest, PrefixesAndCaseBlindSearch) {
  EXPECT_TRUE(StartsWith("Executive Order", "Exec"));
  EXPECT_FALSE(StartsWith("Ex", "Exec"));
  EXPECT_TRUE(EndsWith("办法", "法"));
  EXPECT_FALSE(EndsWith("a", "ab"));
  EXPECT_TRUE(IStartsWith("FACT SHEET: x", "fact sheet"));
  EXPECT_FALSE(IStartsWith("fact", "fact sheet"));
  EXPECT_TRUE(IContains("... It Is Hereby Ordered ...", "it is hereby ordered"));
  EXPECT_FALSE(IContains("ordered", "hereby"));
  EXPECT_TRUE(IContains("x", ""));
}

}  // namespace
}  // namespace lodestone::text
