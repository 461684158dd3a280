#include "lodestone/query/snippet.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

// issue 12: the snippet is chosen from the text around the matches, not by
// analysing the whole document; a match far from the start must still be
// found, marked and cut on both sides, as the whole-text reference does.
TEST(SnippetTest, FindsAMatchFarFromTheStartOfALongDocument) {
  Analyzer a;
  std::string text;
  for (int i = 0; i < 4000; ++i) text += "Filler sentence number " + std::to_string(i) + " says nothing.\n";
  text += "Here the Department reviews Lithium supplies and cobalt refining capacity.\n";
  for (int i = 0; i < 2000; ++i) text += "More filler " + std::to_string(i) + ".\n";
  const std::vector<std::string> stems = {StemEnglish("lithium"), StemEnglish("cobalt")};
  std::string s = MakeSnippet(text, {}, stems, a, Brackets(12));
  EXPECT_NE(s.find("[Lithium] supplies and [cobalt] refining"), std::string::npos) << s;
  EXPECT_EQ(s.rfind("… ", 0), 0u) << s;
  EXPECT_EQ(s.substr(s.size() - 4), " …") << s;
  SnippetOptions whole = Brackets(12);
  whole.whole_text = true;
  EXPECT_EQ(s, MakeSnippet(text, {}, stems, a, whole));
}

// The byte search for candidates must find forms the analyser normalises:
// case, dotted acronyms, curly apostrophes, stems that are no prefix of the
// word (policies -> polici, mining -> mine, possibility -> possibl); and give
// the reference's answer for them.
TEST(SnippetTest, AgreesWithTheWholeTextReferenceOnNormalisedForms) {
  Analyzer a;
  std::string pad;
  for (int i = 0; i < 300; ++i) pad += "padding words " + std::to_string(i) + ". ";
  struct Case {
    std::string text;
    std::vector<std::string> words, stems;
    std::string marked;
  } cases[] = {
      {pad + "under 50 U.S.C. 1701 the order " + pad, {"usc"}, {}, "[U.S.C]"},
      {pad + "China\u2019s export rules " + pad, {"china's"}, {}, "[China\u2019s]"},
      {pad + "new POLICIES on mining " + pad, {}, {StemEnglish("policy")}, "[POLICIES]"},
      {pad + "国家对稀土实行管制 " + pad, {"稀土"}, {}, "[稀土]"},
      {pad + "surface MINING rules " + pad, {}, {StemEnglish("mines")}, "[MINING]"},
      {pad + "the possibility of delay " + pad, {}, {StemEnglish("possible")}, "[possibility]"},
  };
  for (const Case& c : cases) {
    SnippetOptions whole = Brackets(16);
    whole.whole_text = true;
    std::string s = MakeSnippet(c.text, c.words, c.stems, a, Brackets(16));
    EXPECT_NE(s.find(c.marked), std::string::npos) << s;
    EXPECT_EQ(s, MakeSnippet(c.text, c.words, c.stems, a, whole));
  }
}

TEST(SnippetTest, NoMatchInALongDocumentGivesTheOpeningWords) {
  Analyzer a;
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "word" + std::to_string(i) + " ";
  SnippetOptions whole = Brackets(5);
  whole.whole_text = true;
  std::string s = MakeSnippet(text, {"absent"}, {StemEnglish("absent")}, a, Brackets(5));
  EXPECT_EQ(s, "word0 word1 word2 word3 word4 …");
  EXPECT_EQ(s, MakeSnippet(text, {"absent"}, {StemEnglish("absent")}, a, whole));
}

}  // namespace
}  // namespace lodestone
