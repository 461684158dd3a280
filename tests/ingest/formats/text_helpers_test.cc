// The small text helpers readers share (formats/numbers.h, doi.h,
// whitespace.h, language.h): table-driven, one line per case.
#include <gtest/gtest.h>

#include "formats/doi.h"
#include "formats/language.h"
#include "formats/numbers.h"
#include "formats/whitespace.h"

namespace lodestone::internal {
namespace {

TEST(Numbers, ReadNumberDropsThousandsCommas) {
  size_t end = 0;
  EXPECT_EQ(ReadNumber("EO 13,224 of", 3, &end), "13224");
  EXPECT_EQ(end, 9u);
  EXPECT_EQ(ReadNumber("EO_13603", 3), "13603");
  EXPECT_EQ(ReadNumber("no", 0), "");
  EXPECT_EQ(ReadNumber("12, 13", 0), "12");  // a comma before a blank ends the number
}

TEST(Doi, NormalForm) {
  const std::pair<const char*, const char*> cases[] = {
      {" 10.1371/JOURNAL.PBIO.1001425 ", "10.1371/journal.pbio.1001425"},
      {"https://doi.org/10.7554/eLife.00005", "10.7554/elife.00005"},
      {"DOI doi:10.1000/xyz123", "10.1000/xyz123"},
      {"10.1371/journal.pbio. 1001425", "10.1371/journal.pbio.1001425"},
      {"10.", ""},
      {"not a doi", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(NormalizeDoi(in), want) << in;
}

TEST(Doi, InRunningText) {
  size_t at = 0;
  EXPECT_EQ(FindDoi("see doi:10.1016/S0959-8049(16)61519-8.", &at), "10.1016/s0959-8049(16)61519-8");
  EXPECT_EQ(at, 8u);
  EXPECT_EQ(FindDoi("(10.1000/abc)"), "10.1000/abc");  // the bracket it did not open is dropped
  EXPECT_EQ(FindDoi("pH 210.5/3 is no DOI"), "");
  auto all = FindDois("a 10.1000/one b 10.1000/two.");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].first, "10.1000/two");
}

TEST(Whitespace, LinesAndBlanks) {
  EXPECT_EQ(CleanWhitespace("  a \t b\xC2\xA0\xC2\xA0" "c \n\n\n\n d  \n"), "a b c\n\nd");
  EXPECT_EQ(OneLine("Title\n  of a  record "), "Title of a record");
  EXPECT_EQ(FirstLine("  first line \nsecond"), "first line");
  auto lines = SplitLines("a\r\nb\rc\n");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1].text, "b");
  EXPECT_EQ(lines[2].begin, 5u);
}

TEST(Language, GuessAndCodes) {
  EXPECT_EQ(GuessLanguage("Critical minerals and the supply chain."), "en");
  EXPECT_EQ(GuessLanguage("中华人民共和国矿产资源法 (2024 revision)"), "zh");
  const std::pair<const char*, const char*> cases[] = {
      {"English", "en"}, {"Chinese; English", "zh"}, {"eng", "en"}, {"fr", "fr"}, {"", "en"}, {"Klingon", "en"}};
  for (const auto& [in, want] : cases) EXPECT_EQ(LanguageCode(in), want) << in;
}

}  // namespace
}  // namespace lodestone::internal
