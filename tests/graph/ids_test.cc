#include "lodestone/graph/ids.h"

#include <gtest/gtest.h>

namespace lodestone {
namespace {

TEST(NodeIdTest, ParsesDesignIdentifiers) {
  struct Case {
    const char* id;
    const char* type;
    const char* key;
  } cases[] = {
      {"eo:14017", "eo", "14017"},           {"usc:50/4501", "usc", "50/4501"},
      {"pl:117-169", "pl", "117-169"},       {"mineral:lithium", "mineral", "lithium"},
      {"doi:10.7554/elife.00005", "doi", "10.7554/elife.00005"},
      {"agency:energy-department", "agency", "energy-department"},
  };
  for (const auto& c : cases) {
    auto n = ParseNodeId(c.id);
    ASSERT_TRUE(n.has_value()) << c.id;
    EXPECT_EQ(n->type, c.type) << c.id;
    EXPECT_EQ(n->key, c.key) << c.id;
  }
}

TEST(NodeIdTest, RejectsMalformed) {
  for (const char* bad : {"lithium", ":14017", "eo:", "planet:mars", ""}) EXPECT_FALSE(ParseNodeId(bad)) << bad;
}

// issue 9: what a user types without the type.
TEST(NodeIdTest, KeyOfAnId) {
  EXPECT_TRUE(HasKey("mineral:rare-earth-elements", "rare-earth-elements"));
  EXPECT_TRUE(HasKey("mineral:rare-earth-elements", "Rare-Earth-Elements"));
  EXPECT_TRUE(HasKey("usc:30/1602", "30/1602"));
  EXPECT_TRUE(HasKey("doi:10.7554/elife.00005", "10.7554/eLife.00005"));
  EXPECT_FALSE(HasKey("mineral:rare-earth-elements", "rare-earth"));
  EXPECT_FALSE(HasKey("mineral:rare-earth-elements", "mineral:rare-earth-elements"));
  EXPECT_FALSE(HasKey("lithium", "lithium"));
  EXPECT_FALSE(HasKey("mineral:lithium", ""));
}

TEST(NodeIdTest, DocumentTypes) {
  EXPECT_TRUE(IsDocumentType("eo"));
  EXPECT_TRUE(IsDocumentType("usc"));
  EXPECT_FALSE(IsDocumentType("mineral"));
}

}  // namespace
}  // namespace lodestone
