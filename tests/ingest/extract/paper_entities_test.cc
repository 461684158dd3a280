// A paper's keywords, organisations and funders as entities (issue 15).
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "extract/funding.h"
#include "extract/paper_entities.h"

namespace lodestone {
namespace {

std::string Ids(std::string_view text) {
  std::string out;
  for (const auto& f : internal::FindFunding(text)) out += (out.empty() ? "" : " ") + f.id;
  return out;
}

TEST(FundingTest, FundersAndGrantNumbersInChineseAndEnglish) {
  struct Case {
    const char* text;
    const char* ids;
  } cases[] = {
      {"国家社会科学基金项目（21BGJ054）", "fund:nssfc/21bgj054"},
      {"基金项目：国家社会科学基金重大项目(21&ZD123)；国家自然科学基金(71991480,71991485)。",
       "fund:nssfc/21&zd123 fund:nsfc/71991480 fund:nsfc/71991485"},
      {"This work was supported by the National Social Science Fund of China (21BGJ054) and the National Natural "
       "Science Foundation of China (Nos. 71991480 and 71991485).",
       "fund:nssfc/21bgj054 fund:nsfc/71991480 fund:nsfc/71991485"},
      {"Funded by the National Natural Science Foundation of China under Grant 72088101.", "fund:nsfc/72088101"},
      {"国家自然科学基金资助", "fund:nsfc"},
      {"the NSFC funds basic research", "fund:nsfc"},
      {"NSFCX is something else", ""},
      {"the National Natural Science Foundation of China. In 2019 we found 12345 cases.", "fund:nsfc"},
  };
  for (const auto& c : cases) EXPECT_EQ(Ids(c.text), c.ids) << c.text;
}

TEST(PaperEntitiesTest, KeywordsOrganisationsAndFundersFoldedIntoIds) {
  Document d;
  d.kind = Kind::kPaper;
  d.text = "标题\n\n摘要。国家社会科学基金(21BGJ054)\n\nKeywords: 稀土; Capture-Recapture";
  d.keywords = {"稀土；", "Capture-Recapture", "capture recapture", "ＣＡＰＴＵＲＥ-ＲＥＣＡＰＴＵＲＥ"};
  d.affiliations = {Affiliation{"中国地质大学(北京)", "", "", {}}, Affiliation{"Guangzhou Univ", "Peoples R China", "", {}}};
  d.meta["funding"] = "国家自然科学基金(71991480)";
  internal::AddPaperEntities(&d);
  std::map<std::string, std::string> by_id;
  for (const auto& e : d.entities) by_id[e.id] = e.name;
  EXPECT_EQ(by_id.count("keyword:稀土"), 1u);
  EXPECT_EQ(by_id.count("keyword:capture-recapture"), 1u);  // three printed forms, one entity
  EXPECT_EQ(by_id.count("org:中国地质大学(北京)"), 1u);
  EXPECT_EQ(by_id.count("org:guangzhou-univ"), 1u);
  EXPECT_EQ(by_id["org:guangzhou-univ"], "Guangzhou Univ");  // shown as printed
  EXPECT_EQ(by_id.count("fund:nssfc/21bgj054"), 1u);
  EXPECT_EQ(by_id.count("fund:nsfc/71991480"), 1u);  // from the record's fund field
  EXPECT_EQ(d.entities.size(), 6u);
  // Other kinds of document get none.
  Document order;
  order.kind = Kind::kExecutiveOrder;
  order.keywords = {"x"};
  internal::AddPaperEntities(&order);
  EXPECT_TRUE(order.entities.empty());
}

}  // namespace
}  // namespace lodestone
