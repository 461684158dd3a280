#include "lodestone/text/utf8.h"

#include <gtest/gtest.h>

namespace lodestone::text {
namespace {

std::string Encode(char32_t cp) {
  std::string s;
  AppendUtf8(cp, &s);
  return s;
}

TEST(Utf8Test, AppendsEveryLengthAndReplacesWhatIsNoScalarValue) {
  EXPECT_EQ(Encode(U'A'), "A");
  EXPECT_EQ(Encode(0xA0), "\xC2\xA0");
  EXPECT_EQ(Encode(U'稀'), "稀");
  EXPECT_EQ(Encode(0x1F600), "\xF0\x9F\x98\x80");
  const std::string replacement = "\xEF\xBF\xBD";
  EXPECT_EQ(Encode(0), replacement);
  EXPECT_EQ(Encode(0xD800), replacement);
  EXPECT_EQ(Encode(0x110000), replacement);
}

TEST(Utf8Test, Validity) {
  EXPECT_TRUE(IsValidUtf8("plain, 稀土, é"));
  EXPECT_FALSE(IsValidUtf8("\xE9t\xE9"));        // Latin-1
  EXPECT_FALSE(IsValidUtf8("\xE7\xA8"));         // truncated
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));         // overlong
  EXPECT_FALSE(IsValidUtf8("\x80"));             // stray continuation byte
}

TEST(Utf8Test, PrefixNeverCutsACharacter) {
  const std::string s = "ab稀土";  // 2 + 3 + 3 bytes
  EXPECT_EQ(Utf8PrefixLength(s, 2), 2u);
  EXPECT_EQ(Utf8PrefixLength(s, 3), 2u);
  EXPECT_EQ(Utf8PrefixLength(s, 4), 2u);
  EXPECT_EQ(Utf8PrefixLength(s, 5), 5u);
  EXPECT_EQ(Utf8PrefixLength(s, 100), s.size());
}

}  // namespace
}  // namespace lodestone::text
