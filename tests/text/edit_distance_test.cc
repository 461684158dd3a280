#include "lodestone/text/edit_distance.h"

#include <gtest/gtest.h>

namespace lodestone::text {
namespace {

TEST(EditDistanceTest, Table) {
  struct Case {
    const char* a;
    const char* b;
    size_t distance;
  } cases[] = {{"", "", 0},          {"lithium", "lithium", 0}, {"lithum", "lithium", 1}, {"lithium", "", 7},
               {"kitten", "sitting", 3}, {"eo:13817", "eo:13871", 2}, {"abc", "cab", 2}};
  for (const auto& c : cases) {
    EXPECT_EQ(EditDistance(c.a, c.b), c.distance) << c.a << " / " << c.b;
    EXPECT_EQ(EditDistance(c.b, c.a), c.distance) << c.b << " / " << c.a;
  }
}

}  // namespace
}  // namespace lodestone::text
