// FoldLabel: the folding under keyword, author, organisation and country
// counts (issue 15).
#include "lodestone/ingest/fold.h"

#include <gtest/gtest.h>

namespace lodestone {
namespace {

TEST(FoldLabelTest, CaseWidthBlanksAndEdgeSeparators) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"Capture-Recapture", "capture-recapture"},
      {"capture-recapture;", "capture-recapture"},
      {"  Mark   recapture ; ", "mark recapture"},
      {"ｃａｐｔｕｒｅ-ｒｅｃａｐｔｕｒｅ", "capture-recapture"},  // full-width Latin
      {"ＣＯＶＩＤ－１９", "covid-19"},
      {"稀土；", "稀土"},                                            // full-width semicolon
      {"稀土。", "稀土"},
      {"出口管制，", "出口管制"},
      {"关键矿产", "关键矿产"},                                      // Chinese as written
      {"王小明", "王小明"},                                          // a Chinese name is not split
      {"欧阳 娜娜", "欧阳 娜娜"},
      {"Li, Haoqi", "li, haoqi"},                                    // nor reordered
      {"Tern, A.", "tern, a"},
      {"Straße", "strasse"},
      {"Peoples R China", "peoples r china"},
      {"U.S.A.", "u.s.a"},
      {";;", ""},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(FoldLabel(c.in), c.out) << c.in;
}

TEST(FoldLabelTest, InvalidUtf8IsReplacedNotFatal) {
  std::string s = FoldLabel(std::string("ab\xff" "cd"));
  EXPECT_NE(s.find("ab"), std::string::npos);
  EXPECT_NE(s.find("cd"), std::string::npos);
}

}  // namespace
}  // namespace lodestone
