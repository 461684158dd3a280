// Where mentions end and their character offsets (src/mentions.h), for show
// --json's highlighting spans (issue 10).
#include "mentions.h"

#include <gtest/gtest.h>

namespace lodestone::query::internal {
namespace {

Entity Agency() {
  Entity e;
  e.id = "agency:energy-department";
  e.name = "Department of Energy";
  e.aliases = {"Energy Department", "DOE"};
  e.heads = {"Secretary of Energy"};
  return e;
}

Entity RareEarths() {
  Entity e;
  e.id = "mineral:rare-earth-elements";
  e.name = "rare earth elements";
  e.aliases = {"rare earths", "rare earth"};
  e.zh = {"稀土"};
  return e;
}

// The mention as the span's bytes, found at the first occurrence of `at`.
std::string EntityMention(const std::string& text, const std::string& at, const Entity& e) {
  Analyzer analyzer;
  MentionFinder finder(text, analyzer);
  const auto begin = static_cast<uint32_t>(text.find(at));
  EXPECT_NE(begin, static_cast<uint32_t>(std::string::npos)) << at;
  return text.substr(begin, finder.EntityEnd(begin, FormsOf(e, analyzer)) - begin);
}

// The citation stored at the first occurrence of `at` (where the scanners
// store it: its number, or a named act's first word).
std::string CitationMention(const std::string& text, const std::string& at, const std::string& id) {
  Analyzer analyzer;
  MentionFinder finder(text, analyzer);
  const auto offset = static_cast<uint32_t>(text.find(at));
  EXPECT_NE(offset, static_cast<uint32_t>(std::string::npos)) << at;
  const uint32_t begin = finder.CitationBegin(offset, id);
  return text.substr(begin, finder.CitationEnd(offset, id) - begin);
}

TEST(MentionsTest, EntityEndsAfterItsLongestForm) {
  struct Case {
    std::string text, at, want;
    Entity entity;
  };
  const std::vector<Case> cases = {
      {"The Secretary of Energy shall map lithium.", "Secretary", "Secretary of Energy", Agency()},
      {"the Department of Energy's labs", "Department", "Department of Energy", Agency()},
      {"DOE shall report", "DOE", "DOE", Agency()},
      {"exports of rare earth elements and magnets", "rare", "rare earth elements", RareEarths()},
      {"exports of rare earths, gallium", "rare", "rare earths", RareEarths()},
      {"Rare-Earth magnets", "Rare", "Rare-Earth", RareEarths()},
      {"国家对稀土等战略性矿产实行出口管制", "稀土", "稀土", RareEarths()},
      // No form spelled there (a short name the matcher knew): the first word.
      {"Energy shall lead", "Energy", "Energy", Agency()},
  };
  for (const Case& c : cases) EXPECT_EQ(EntityMention(c.text, c.at, c.entity), c.want) << c.text;
}

TEST(MentionsTest, CitationEndsAtItsNumber) {
  struct Case {
    std::string text, at, id, want;
  };
  const std::vector<Case> cases = {
      // Stored at the number: the span reaches back over the citation's words.
      {"Executive Order 13817 of December 20, 2017", "13817", "eo:13817", "Executive Order 13817"},
      {"see E.O. 13817.", "13817", "eo:13817", "E.O. 13817"},
      {"Executive Order No. 13817 is revoked", "13817", "eo:13817", "Executive Order No. 13817"},
      {"under 30 U.S.C. 1606 and", "1606", "usc:30/1606", "30 U.S.C. 1606"},
      {"Public Law 117-169, the", "117", "pl:117-169", "Public Law 117-169"},
      {"Pub. L. 117-169, the", "169", "pl:117-169", "Pub. L. 117-169"},
      {"in 40 CFR 1500.1 the", "1500", "cfr:40/1500", "40 CFR 1500.1"},
      {"at 87 FR 10381.", "10381", "fr:87/10381", "87 FR 10381"},
      {"H.R. 3684 passed", "3684", "bill:117/hr/3684", "H.R. 3684"},
      {"Executive Order 7261-A of", "7261", "eo:7261-a", "Executive Order 7261-A"},
      {"under section 1606 of title 30", "1606", "usc:30/1606", "section 1606"},
      // Stored at its start: the same span.
      {"Executive Order 13817 of December 20, 2017", "Executive", "eo:13817", "Executive Order 13817"},
      // Other words before the number are not the citation's.
      {"Orders 13817 and 13953 apply", "13953", "eo:13953", "13953"},
      {"revoked. 13817 is", "13817", "eo:13817", "13817"},
      // The number is not there (a citation by name the scanner resolved): the first word.
      {"the Order of December 20", "Order", "eo:13817", "Order"},
  };
  for (const Case& c : cases) EXPECT_EQ(CitationMention(c.text, c.at, c.id), c.want) << c.text;
}

TEST(MentionsTest, AtTheEndOfTheTextOrPastItTheSpanIsEmpty) {
  Analyzer analyzer;
  const std::string text = "lithium";
  MentionFinder finder(text, analyzer);
  EXPECT_EQ(finder.EntityEnd(7, {}), 7u);
  EXPECT_EQ(finder.CitationEnd(9, "eo:1"), 9u);
  EXPECT_EQ(finder.EntityEnd(0, {}), 7u);
}

TEST(MentionsTest, CharacterAndUtf16Offsets) {
  // "稀土" is 2 characters in 6 bytes; "𠀀" (outside the BMP) 1 character,
  // 4 bytes, 2 UTF-16 units; "é" 1 character in 2 bytes.
  const std::string text = "é稀土𠀀 lithium";
  TextSpan rare, lithium;
  rare.begin = 2;
  rare.end = 8;
  lithium.begin = static_cast<uint32_t>(text.find("lithium"));
  lithium.end = static_cast<uint32_t>(text.size());
  SetCharacterOffsets(text, {&lithium, &rare});  // in any order
  EXPECT_EQ(rare.char_begin, 1u);
  EXPECT_EQ(rare.char_end, 3u);
  EXPECT_EQ(rare.utf16_begin, 1u);
  EXPECT_EQ(rare.utf16_end, 3u);
  EXPECT_EQ(lithium.char_begin, 5u);  // é 稀 土 𠀀 space
  EXPECT_EQ(lithium.char_end, 12u);
  EXPECT_EQ(lithium.utf16_begin, 6u);  // the surrogate pair counts twice
  EXPECT_EQ(lithium.utf16_end, 13u);
}

}  // namespace
}  // namespace lodestone::query::internal
