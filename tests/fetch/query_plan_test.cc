// From a request to searches: type groups, validation, URLs, halving a date
// range (fetch/src/query_plan.cc).
#include "query_plan.h"

#include <gtest/gtest.h>

#include "dates.h"

namespace lodestone::fetch_internal {
namespace {

int64_t Day(const char* d) { return *ParseDay(d); }

std::string Groups(const std::vector<std::string>& types) {
  FetchRequest r;
  r.types = types;
  auto p = MakePlan(r, Day("2025-06-30"));
  if (!p.ok()) return "error: " + p.status().message();
  std::string out;
  for (const auto& g : p->groups) {
    out += out.empty() ? "" : " | ";
    for (const auto& t : g.types) out += t + " ";
    for (const auto& t : g.presidential) out += "pdt=" + t + " ";
    if (!out.empty() && out.back() == ' ') out.pop_back();
  }
  return out.empty() ? "(every type)" : out;
}

TEST(QueryPlanTest, TypesBecomeOneSearchPerKindOfDocument) {
  EXPECT_EQ(Groups({}), "(every type)");
  EXPECT_EQ(Groups({"executive_order"}), "PRESDOCU pdt=executive_order");
  EXPECT_EQ(Groups({"executive_order", "proclamation", "executive_order"}),
            "PRESDOCU pdt=executive_order pdt=proclamation");
  EXPECT_EQ(Groups({"presidential_notice"}), "PRESDOCU pdt=notice");
  EXPECT_EQ(Groups({"presidential_document", "memorandum"}), "PRESDOCU");  // all presidential documents
  EXPECT_EQ(Groups({"rule", "proposed_rule", "notice"}), "RULE PRORULE NOTICE");
  // A presidential type condition would drop every rule: two searches.
  EXPECT_EQ(Groups({"determination", "rule"}), "PRESDOCU pdt=determination | RULE");
  EXPECT_NE(Groups({"order"}).find("unknown document type; use executive_order, proclamation"), std::string::npos);
}

TEST(QueryPlanTest, BadFieldsAreNamedInTheError) {
  struct Case {
    void (*edit)(FetchRequest&);
    const char* message;
  };
  const Case cases[] = {
      {[](FetchRequest& r) { r.api = "ftp://example.org"; }, "--api ftp://example.org"},
      {[](FetchRequest& r) { r.per_page = 0; }, "--per-page 0"},
      {[](FetchRequest& r) { r.per_page = 1001; }, "--per-page 1001"},
      {[](FetchRequest& r) { r.since = "2025-02-30"; }, "--since 2025-02-30"},
      {[](FetchRequest& r) { r.until = "yesterday"; }, "--until yesterday"},
      {[](FetchRequest& r) { r.since = "2025-03-01", r.until = "2025-02-01"; }, "is after --until"},
      {[](FetchRequest& r) { r.president = "Joe Biden"; }, "--president Joe Biden"},
      {[](FetchRequest& r) { r.president = "joe-biden", r.types = {"rule"}; }, "applies to presidential documents"},
      {[](FetchRequest& r) { r.agencies = {"energy-department", "Energy Department"}; }, "--agency Energy Department"},
  };
  for (const auto& c : cases) {
    FetchRequest r;
    c.edit(r);
    auto p = MakePlan(r, Day("2025-06-30"));
    ASSERT_FALSE(p.ok()) << c.message;
    EXPECT_EQ(p.status().code(), Status::Code::kInvalidArgument);
    EXPECT_NE(p.status().message().find(c.message), std::string::npos) << p.status().message();
  }
}

TEST(QueryPlanTest, DatesDefaultToTheWholeApi) {
  FetchRequest r;
  auto p = MakePlan(r, Day("2025-06-30"));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(FormatDay(p->since), "1994-01-01");
  EXPECT_EQ(FormatDay(p->until), "2025-06-30");
}

TEST(QueryPlanTest, PercentEncodingKeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(PercentEncode("conditions[type][]"), "conditions%5Btype%5D%5B%5D");
  EXPECT_EQ(PercentEncode("\"critical minerals\" & more"), "%22critical%20minerals%22%20%26%20more");
  EXPECT_EQ(PercentEncode("a-b_c.d~e"), "a-b_c.d~e");
  EXPECT_EQ(PercentEncode("稀土"), "%E7%A8%80%E5%9C%9F");
  EXPECT_EQ(PercentEncode("a+b=c/d?"), "a%2Bb%3Dc%2Fd%3F");
}

TEST(QueryPlanTest, SearchUrlCarriesEveryCondition) {
  FetchRequest r;
  r.api = "http://127.0.0.1:8080/api/v1/";
  r.types = {"executive_order"};
  r.term = "critical minerals";
  r.agencies = {"interior-department"};
  r.president = "joe-biden";
  r.per_page = 100;
  auto p = MakePlan(r, Day("2025-06-30"));
  ASSERT_TRUE(p.ok());
  const std::string url = SearchUrl(*p, p->groups[0], Slice{Day("2021-01-20"), Day("2021-12-31")});
  const size_t fields = url.find("&fields%5B%5D=");
  ASSERT_NE(fields, std::string::npos);
  const std::string head = url.substr(0, fields);
  EXPECT_EQ(head,
            "http://127.0.0.1:8080/api/v1/documents.json?conditions%5Bagencies%5D%5B%5D=interior-department"
            "&conditions%5Bpresident%5D%5B%5D=joe-biden"
            "&conditions%5Bpresidential_document_type%5D%5B%5D=executive_order"
            "&conditions%5Bpublication_date%5D%5Bgte%5D=2021-01-20"
            "&conditions%5Bpublication_date%5D%5Blte%5D=2021-12-31"
            "&conditions%5Bterm%5D=critical%20minerals&conditions%5Btype%5D%5B%5D=PRESDOCU");
  for (const auto& f : RecordFields())
    EXPECT_NE(url.find("&fields%5B%5D=" + f + "&"), std::string::npos) << f;
  EXPECT_NE(url.find("&order=oldest&per_page=100"), std::string::npos);
  EXPECT_EQ(url.substr(url.size() - 12), "per_page=100");
}

TEST(QueryPlanTest, PresidentIsLeftOutOfTheAgencySearch) {
  FetchRequest r;
  r.types = {"proclamation", "rule"};
  r.president = "barack-obama";
  auto p = MakePlan(r, Day("2025-06-30"));
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->groups.size(), 2u);
  const Slice s{Day("2010-01-01"), Day("2010-12-31")};
  EXPECT_NE(SearchUrl(*p, p->groups[0], s).find("president%5D%5B%5D=barack-obama"), std::string::npos);
  EXPECT_EQ(SearchUrl(*p, p->groups[1], s).find("conditions%5Bpresident%5D"), std::string::npos);
}

TEST(QueryPlanTest, HalvesCoverTheSliceWithoutOverlap) {
  struct Case {
    const char* from;
    const char* to;
    const char* first_end;
  };
  const Case cases[] = {{"2020-01-01", "2020-01-02", "2020-01-01"},
                        {"2020-01-01", "2020-01-03", "2020-01-02"},
                        {"2020-01-01", "2020-12-31", "2020-07-01"},
                        {"1994-01-01", "2025-12-31", "2009-12-31"},
                        {"2024-02-28", "2024-03-01", "2024-02-29"}};
  for (const auto& c : cases) {
    auto [a, b] = Halve(Slice{Day(c.from), Day(c.to)});
    EXPECT_EQ(FormatDay(a.from), c.from);
    EXPECT_EQ(FormatDay(a.to), c.first_end) << c.from << ".." << c.to;
    EXPECT_EQ(b.from, a.to + 1);
    EXPECT_EQ(FormatDay(b.to), c.to);
    EXPECT_LE(a.days() - b.days(), 1);
    EXPECT_GE(a.days() - b.days(), 0);
  }
}

// Halving again and again, as a fetch does where slices stay at the cap,
// ends in single days that tile the range exactly.
TEST(QueryPlanTest, RepeatedHalvingTilesTheRangeWithDays) {
  const Slice whole{Day("2019-11-05"), Day("2020-02-17")};
  std::vector<Slice> todo{whole}, days;
  while (!todo.empty()) {
    Slice s = todo.back();
    todo.pop_back();
    if (s.days() == 1) {
      days.push_back(s);
      continue;
    }
    auto [a, b] = Halve(s);
    todo.push_back(b);
    todo.push_back(a);
  }
  ASSERT_EQ(static_cast<int64_t>(days.size()), whole.days());
  for (size_t i = 0; i < days.size(); ++i) EXPECT_EQ(days[i].from, whole.from + static_cast<int64_t>(i));
}

}  // namespace
}  // namespace lodestone::fetch_internal
