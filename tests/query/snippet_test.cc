#include "lodestone/query/snippet.h"

#include <gtest/gtest.h>

#include "lodestone/index/writer.h"

namespace lodestone {
namespace {

SnippetOptions Brackets(size_t window) {
  SnippetOptions o;
  o.window_words = window;
  o.mark_start = "[";
  o.mark_end = "]";
  return o;
}

TEST(SnippetTest, PicksTheWindowWithMostDistinctMatches) {
  Analyzer a;
  std::string text =
      "Lithium appears once here at the start of a long opening. Filler words go on and on for a while "
      "without anything useful. Later the order names lithium and cobalt together in one sentence.";
  std::string s = MakeSnippet(text, {}, {StemEnglish("lithium"), StemEnglish("cobalt")}, a, Brackets(10));
  EXPECT_NE(s.find("[lithium] and [cobalt]"), std::string::npos) << s;
  EXPECT_EQ(s.rfind("… ", 0), 0u) << s;  // cut at the start
}

TEST(SnippetTest, MatchesStemsAndCjkWords) {
  Analyzer a;
  EXPECT_NE(MakeSnippet("Critical minerals matter.", {}, {StemEnglish("mineral")}, a, Brackets(8)).find("[minerals]"),
            std::string::npos);
  std::string cn = "国家对稀土等战略性矿产实行出口管制。";
  std::string s = MakeSnippet(cn, {"稀土"}, {}, a, Brackets(20));
  EXPECT_NE(s.find("[稀土]"), std::string::npos) << s;
}

TEST(SnippetTest, NoMatchGivesTheOpeningWords) {
  Analyzer a;
  std::string s = MakeSnippet("one two three four five six", {"zzz"}, {}, a, Brackets(3));
  EXPECT_EQ(s, "one two three …");
  EXPECT_EQ(MakeSnippet("", {"x"}, {}, a), "");
}

}  // namespace
}  // namespace lodestone
