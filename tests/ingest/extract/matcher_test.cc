// The trie matcher and the naive reference matcher on one table.
#include "lodestone/ingest/matcher.h"

#include <gtest/gtest.h>

#include <type_traits>

namespace lodestone {
namespace {

struct Pat {
  const char* phrase;
  bool cs;
};
const Pat kPatterns[] = {
    {"rare earth", false},          // 0
    {"rare earth elements", false},  // 1
    {"lithium", false},             // 2
    {"lithium carbonate", false},   // 3
    {"PRC", true},                  // 4
    {"Turkey", true},               // 5
    {"Guinea", true},               // 6
    {"Papua New Guinea", true},     // 7
    {"稀土", false},                // 8
    {"Secretary of the Interior", true},  // 9
    {"Interior", true},             // 10
};

// Dump: "value@first-end" per match.
template <typename M>
std::string MatchDump(const std::string& text) {
  Analyzer a;
  M m;
  for (uint32_t i = 0; i < sizeof(kPatterns) / sizeof(kPatterns[0]); ++i)
    m.Add(MakePattern(a, kPatterns[i].phrase, kPatterns[i].cs, i));
  if constexpr (std::is_same_v<M, TrieMatcher>) m.Build();
  std::vector<Word> words = a.Words(text);
  std::string out;
  for (const auto& x : m.Match(words, text))
    out += (out.empty() ? "" : " ") + std::to_string(x.value) + "@" + std::to_string(x.first_word) + "-" +
           std::to_string(x.end_word);
  return out;
}

TEST(MatcherTest, TrieAndNaiveAgreeOnTheTable) {
  struct Case {
    const char* text;
    const char* expected;
  } cases[] = {
      {"Rare Earth Elements and lithium", "1@0-3 2@4-5"},         // longest wins, case-insensitive
      {"rare earth magnets", "0@0-2"},
      {"Lithium carbonate, lithium-ion", "3@0-2 2@2-3"},           // hyphen splits words
      {"the PRC and the prc", "4@1-2"},                             // case-sensitive acronym
      {"Turkey's exports", "5@0-1"},                                // a possessive is its word
      {"a turkey in Turkey", "5@3-4"},                              // the bird is not the country
      {"Papua New Guinea and Guinea-Bissau", "7@0-3 6@4-5"},
      {"国家对稀土实行管制", "8@2-3"},
      {"The Secretary of the Interior shall; the Interior", "9@1-5 10@7-8"},
      {"nothing here", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(MatchDump<TrieMatcher>(c.text), c.expected) << c.text;
    EXPECT_EQ(MatchDump<NaiveMatcher>(c.text), c.expected) << c.text;
  }
}

TEST(MatcherTest, AgreeOnLongerGeneratedText) {
  // Every pattern phrase repeated in varied case and order: the two
  // implementations must give identical matches.
  std::string text;
  for (int round = 0; round < 20; ++round)
    for (const auto& p : kPatterns) text += std::string(round % 2 ? "and " : "The ") + p.phrase + ", ";
  EXPECT_EQ(MatchDump<TrieMatcher>(text), MatchDump<NaiveMatcher>(text));
  EXPECT_FALSE(MatchDump<TrieMatcher>(text).empty());
}

}  // namespace
}  // namespace lodestone
