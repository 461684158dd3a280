// Dates and years as sources print them (formats/dates.h).
#include "formats/dates.h"

#include <gtest/gtest.h>

namespace lodestone::internal {
namespace {

TEST(Dates, ParseDate) {
  const std::pair<const char*, const char*> cases[] = {
      {"March 16, 2012", "2012-03-16"}, {"Feb. 28, 2017", "2017-02-28"}, {"2012-03-16", "2012-03-16"},
      {"3/16/12", "2012-03-16"},         {"2012", "2012"},               {"no date here", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(ParseDate(in), want) << in;
}

TEST(Dates, FindDatesInText) {
  EXPECT_EQ(FindEnglishDate("Signed: January 27, 1988, at noon"), "1988-01-27");
  EXPECT_EQ(FindEnglishDate("nothing"), "");
  EXPECT_EQ(FindChineseDate("自2020年10月17日起施行"), "2020-10-17");
  EXPECT_EQ(FindChineseDate("无日期"), "");
}

TEST(Dates, MonthNumbers) {
  const std::pair<const char*, int> cases[] = {{"March", 3}, {"mar", 3}, {"Mar.", 3}, {"Sept", 9},
                                               {"SEP", 9},   {"Dec", 12}, {"order", 0}};
  for (const auto& [in, want] : cases) EXPECT_EQ(MonthNumber(in), want) << in;
}

TEST(Dates, MakeDateAndYears) {
  EXPECT_EQ(MakeDate("2019", 0, 0), "2019-01-01");
  EXPECT_EQ(MakeDate("2019", 2, 30), "2019-02-01");  // a day February lacks is dropped
  EXPECT_EQ(MakeDate("19", 2, 3), "");
  EXPECT_TRUE(IsYear("1990"));
  EXPECT_FALSE(IsYear("3990"));
  EXPECT_FALSE(IsYear("199"));
  const std::pair<const char*, const char*> fields[] = {
      {"2019", "2019"}, {"2019/03/15/", "2019"}, {"JUN 2019", "2019"}, {"1 Jan.-Feb. 2019", "2019"},
      {"120190", ""},   {"", ""}};
  for (const auto& [in, want] : fields) EXPECT_EQ(YearOfField(in), want) << in;
}

TEST(Dates, YearInRunningText) {
  EXPECT_EQ(FindYearInText("Doe J. Title. Journal 2018;12:3."), "2018");
  EXPECT_EQ(FindYearInText("doi:10.1000/2017.55 and then 2016"), "2016");  // not inside a DOI
  EXPECT_EQ(FindYearInText("vol 2015 (2019) pages", true), "2019");
  EXPECT_EQ(FindYearInText("vol 2015 (2019) pages", false), "2015");
  size_t at = 0;
  EXPECT_EQ(FindYearInText("in 2001.", false, &at), "2001");
  EXPECT_EQ(at, 3u);
  EXPECT_EQ(FindYearInText("12019 no year"), "");
}

}  // namespace
}  // namespace lodestone::internal
