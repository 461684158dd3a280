#include "lodestone/text/initials.h"

#include <gtest/gtest.h>

namespace lodestone::text {
namespace {

TEST(InitialsTest, AsSourcesPrintThem) {
  for (const char* yes : {"J", "JM", "JMA", "J.", "J.M.", "J. M.", "J.-M.", "H.-H.", "Th.", "Chr.", "Jr.", "F.D.A.", "W.J.A.J.", "R.I.C.C."})
    EXPECT_TRUE(IsInitials(yes)) << yes;
  for (const char* no : {"", ".", "-", "ALHO", "Alho", "j.", "Jm", "RICC", "A.B.C.D.E.F.G.", "J,", "2019", "Ricc.", "ChrA."})
    EXPECT_FALSE(IsInitials(no)) << no;
}

}  // namespace
}  // namespace lodestone::text
