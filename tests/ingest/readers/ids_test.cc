// The ids readers give documents (readers/ids.h).
#include "readers/ids.h"

#include <gtest/gtest.h>

namespace lodestone::internal {
namespace {

TEST(Ids, HashIdIsStableAndTwelveHexDigits) {
  const std::string a = HashId("corpus/a.md");
  EXPECT_EQ(a, HashId("corpus/a.md"));
  EXPECT_NE(a, HashId("corpus/b.md"));
  ASSERT_EQ(a.size(), 4u + 12u);
  EXPECT_EQ(a.substr(0, 4), "doc:");
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef", 4), std::string::npos);
}

TEST(Ids, Slug) {
  const std::pair<const char*, const char*> cases[] = {
      {"Geothermal Steam Act of 1970", "geothermal-steam-act-of-1970"},
      {"  U.S.  Code -- Title 30 ", "u-s-code-title-30"},
      {"", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(Slug(in), want) << in;
}

TEST(Ids, PaperIdFromTheDoiElseTheSourcesOwnIdTheOtherAnAlias) {
  Document d;
  SetPaperId(&d, "10.1000/abc", "wos:000123");  // a DOI in normal form (NormalizeDoi)
  EXPECT_EQ(d.id, "doi:10.1000/abc");
  EXPECT_EQ(d.aliases, std::vector<std::string>{"wos:000123"});
  Document n;
  SetPaperId(&n, "", "wos:000123");
  EXPECT_EQ(n.id, "wos:000123");
  EXPECT_TRUE(n.aliases.empty());
  AddAlias(&n, "wos:000123");  // its own id
  AddAlias(&n, "");
  AddAlias(&n, "pmid:1");
  AddAlias(&n, "pmid:1");
  EXPECT_EQ(n.aliases, std::vector<std::string>{"pmid:1"});
}

}  // namespace
}  // namespace lodestone::internal
