#include "lodestone/text/initials.h"

#include <gtest/gtest.h>

namespace lodestone::text {
namespace {

TEST(InitialsTest, AsSourcesPrintThem) {
  for (const char* yes : {"J", "JM", "JMA", "J.", "J.M.", "J. M.", "J.-M.", "H.-H.", "Th.", "F.D.A.", "A.B.C.D."})
    EXPECT_TRUE(IsInitials(yes)) << yes;
  for (const char* no : {"", ".", "-", "ALHO", "Alho", "j.", "Jm", "A.B.C.D.E.", "J,", "2019", "Chr."})
    EXPECT_FALSE(IsInitials(no)) << no;
}

}  // namespace
}  // namespace lodestone::text
