// Attribution (issue 9, issue 16): the jurisdiction of every kind of document
// and the president in office on the date of every U.S. one — fact sheets,
// statements, memoranda and proclamations as well as orders — with a
// president the source states kept; and the presidents' administrations in
// the knowledge base behind it.
#include "lodestone/ingest/attribution.h"

#include <gtest/gtest.h>

namespace lodestone {
namespace {

const KnowledgeBase& Kb() {
  static const KnowledgeBase kb = KnowledgeBase::Builtin().value();
  return kb;
}

// Administrations are one per continuous tenure, oldest first, each ending
// the day the next begins, from Franklin D. Roosevelt's first inauguration.
TEST(AdministrationsTest, EveryPresidentSince1933InOrderWithoutGaps) {
  const auto& a = Kb().Administrations();
  ASSERT_GE(a.size(), 16u);
  EXPECT_EQ(a.front().president, "person:franklin-d-roosevelt");
  EXPECT_EQ(a.front().from, "1933-03-04");
  for (size_t i = 0; i + 1 < a.size(); ++i) {
    EXPECT_EQ(a[i].to, a[i + 1].from) << a[i].president << " -> " << a[i + 1].president;
    EXPECT_FALSE(a[i].name.empty());
    EXPECT_NE(a[i].name, a[i].president) << "a name, not an id";
  }
  EXPECT_EQ(a.back().president, "person:donald-j-trump");
  EXPECT_EQ(a.back().from, "2025-01-20");
  EXPECT_EQ(a.back().to, "");  // in office
  int trump = 0;
  for (const auto& x : a) trump += x.president == "person:donald-j-trump";
  EXPECT_EQ(trump, 2) << "two non-consecutive terms are two administrations";
}

TEST(AdministrationsTest, InOfficeOnADay) {
  struct Case {
    const char* date;
    const char* president;  // "" = none
  } cases[] = {
      {"1933-03-03", ""},
      {"1933-03-04", "person:franklin-d-roosevelt"},
      {"1945-04-11", "person:franklin-d-roosevelt"},
      {"1945-04-12", "person:harry-s-truman"},  // succession on the day of the death
      {"1963-11-21", "person:john-f-kennedy"},
      {"1963-11-22", "person:lyndon-b-johnson"},
      {"1974-08-09", "person:gerald-r-ford"},
      {"2009-01-19", "person:george-w-bush"},
      {"2017-01-20", "person:donald-j-trump"},  // inauguration day: the new president
      {"2021-01-19", "person:donald-j-trump"},
      {"2021-01-20", "person:joseph-r-biden"},
      {"2025-01-19", "person:joseph-r-biden"},
      {"2025-01-20", "person:donald-j-trump"},
      {"2026-08-20", "person:donald-j-trump"},
      {"", ""},
      {"2021", ""},
  };
  for (const auto& c : cases) {
    const Administration* a = Kb().AdministrationOn(c.date);
    EXPECT_EQ(a ? a->president : "", c.president) << c.date;
  }
  const Administration* second = Kb().AdministrationOn("2025-06-01");
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second, Kb().AdministrationOf("person:donald-j-trump", "2025-06-01"));
  EXPECT_NE(second, Kb().AdministrationOf("person:donald-j-trump", "2019-06-01"));
  EXPECT_EQ(Kb().AdministrationOf("person:jill-biden", "2022-01-01"), nullptr);
}

struct Input {
  std::string id, format, url, tags, language, title, date, signed_by, stated;
  Kind kind = Kind::kOther;
};

Document Make(const Input& in) {
  Document d;
  d.id = in.id;
  d.format = in.format;
  d.url = in.url;
  d.language = in.language.empty() ? "en" : in.language;
  d.title = in.title;
  d.date = in.date;
  d.kind = in.kind;
  d.jurisdiction = in.stated;
  if (!in.tags.empty()) d.meta["tags"] = in.tags;
  if (!in.signed_by.empty()) d.meta["signed_by"] = in.signed_by;
  return d;
}

std::string Meta(const Document& d, const char* k) { return d.meta.count(k) ? d.meta.at(k) : "-"; }

TEST(AttributionTest, JurisdictionAndPresidentOfEveryKind) {
  const std::string wh = "https://www.whitehouse.gov/briefing-room/";
  const std::string biden_wh = "https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/";
  struct Case {
    Input in;
    const char* jurisdiction;
    const char* president;  // "-" = none
    const char* source;
  } cases[] = {
      // Fact sheets and statements, not only orders: in office on the date.
      {{"doc:1", "markdown", wh + "fact-sheets/2025/04/x/", "fact-sheets", "", "Fact Sheet: President Donald J. Trump "
        "Unleashes Imaginary Minerals", "2025-04-24", "", "", Kind::kFactSheet}, "us", "person:donald-j-trump", "date"},
      {{"doc:2", "markdown", biden_wh + "2023/04/04/x/", "statements-releases", "", "FACT SHEET: Imaginary Battery "
        "Materials", "2023-04-04", "", "", Kind::kFactSheet}, "us", "person:joseph-r-biden", "stated"},
      {{"doc:3", "markdown", "https://example.gov/statements-releases/2022/06/x/", "statements-releases", "",
        "Statement by the President on Imaginary Mines", "2022-06-02", "", "", Kind::kStatement}, "us",
       "person:joseph-r-biden", "date"},
      // A joint statement or an allied deal: intl, still released by the White House of the day.
      {{"doc:4", "markdown", biden_wh + "2023/05/20/x/", "statements-releases", "", "Australia-United States "
        "Imaginary Critical Minerals Compact", "2023-05-20", "", "", Kind::kStatement}, "intl", "person:joseph-r-biden",
       "stated"},
      {{"doc:5", "markdown", wh + "x/", "statements-releases", "", "G7 Imaginary Leaders\xE2\x80\x99 Communiqu\xC3\xA9",
        "2026-06-15", "", "", Kind::kStatement}, "intl", "person:donald-j-trump", "date"},
      // Memoranda, proclamations, a presidential action the classifier left as "other".
      {{"doc:6", "markdown", wh + "presidential-actions/x/", "presidential-actions", "", "Adjusting Imaginary Imports",
        "2025-04-02", "", "", Kind::kOther}, "us", "person:donald-j-trump", "date"},
      {{"pd:2009-1", "fr-html", "", "", "", "Memorandum on Imaginary Ores", "2009-01-19", "", "",
        Kind::kPresidentialMemorandum}, "us", "person:george-w-bush", "date"},
      {{"eo:99204", "eo-disposition", "", "", "", "Imaginary Order", "1962-06-05", "", "", Kind::kExecutiveOrder}, "us",
       "person:john-f-kennedy", "date"},
      {{"eo:99205", "fr-xml", "", "", "", "Imaginary Order", "2017-01-20", "", "", Kind::kExecutiveOrder}, "us",
       "person:donald-j-trump", "date"},
      {{"eo:99206", "eo-disposition", "", "", "", "Older Than Any Term", "1930-05-01", "", "", Kind::kExecutiveOrder},
       "us", "-", "-"},
      // A stated president is kept, and a disagreement with the date recorded.
      {{"eo:99207", "fr-json", "", "", "", "Imaginary Order", "2021-01-20", "Donald Trump", "", Kind::kExecutiveOrder},
       "us", "person:donald-j-trump", "stated"},
      // Laws signed into law; texts of Congress and the Code are no president's.
      {{"pl:117-999", "uslm-xml", "", "", "", "An Imaginary Act", "2022-08-16", "", "", Kind::kLaw}, "us",
       "person:joseph-r-biden", "date"},
      {{"bill:116/hr/9999", "uslm-xml", "", "", "", "An Imaginary Bill", "2024-09-09", "", "", Kind::kOther}, "us", "-",
       "-"},
      {{"usc:30/9999", "uslm-xml", "", "", "", "Imaginary Section", "2013-07-01", "", "", Kind::kLaw}, "us", "-", "-"},
      // China, papers, and what is neither.
      {{"doc:7", "markdown", "", "", "zh", "中华人民共和国想象矿产法", "2024-11-08", "", "", Kind::kLaw}, "cn", "-", "-"},
      {{"doc:8", "markdown", "", "", "zh", "关于想象矿产出口管制的公告", "2023-07-03", "", "", Kind::kOther}, "cn", "-",
       "-"},
      {{"doc:9", "markdown", "", "", "zh", "一篇关于稀土的随笔", "2023-07-03", "", "", Kind::kOther}, "", "-", "-"},
      {{"doi:10.1/x", "jats-xml", "https://elifesciences.org/x", "", "", "Imaginary Minerals", "2022-01-01", "", "",
        Kind::kPaper}, "", "-", "-"},
      {{"doc:10", "markdown", "", "", "", "Provenance: some folder", "", "", "", Kind::kOther}, "", "-", "-"},
      // Stated by the source (front matter).
      {{"doc:11", "markdown", "", "", "", "Imaginary Allied Deal", "2023-01-01", "", "intl", Kind::kStatement}, "intl",
       "-", "-"},
      {{"doc:12", "markdown", "", "", "", "An Imaginary Directive", "2022-03-31", "", "us",
        Kind::kPresidentialMemorandum}, "us", "person:joseph-r-biden", "date"},
  };
  for (const auto& c : cases) {
    Document d = Make(c.in);
    Attribute(Kb(), &d);
    EXPECT_EQ(d.jurisdiction, c.jurisdiction) << d.id << " " << d.title;
    EXPECT_EQ(Meta(d, "president"), c.president) << d.id << " " << d.title;
    EXPECT_EQ(Meta(d, "president_source"), c.source) << d.id << " " << d.title;
    Document again = d;
    Attribute(Kb(), &again);
    EXPECT_EQ(again.meta, d.meta) << "idempotent: " << d.id;
    EXPECT_EQ(again.jurisdiction, d.jurisdiction) << "idempotent: " << d.id;
  }
}

TEST(AttributionTest, StatedPresidentWinsAndTheDisagreementIsKept) {
  Document d = Make({"eo:99207", "fr-json", "", "", "", "Imaginary Order", "2021-01-20", "Donald Trump", "",
                     Kind::kExecutiveOrder});
  Attribute(Kb(), &d);
  EXPECT_EQ(d.meta.at("president"), "person:donald-j-trump");
  EXPECT_EQ(d.meta.at("president_by_date"), "person:joseph-r-biden");
  // A name that is no president's is not taken.
  Document v = Make({"eo:99208", "fr-json", "", "", "", "Imaginary Order", "2022-03-01", "Jill Biden", "",
                     Kind::kExecutiveOrder});
  Attribute(Kb(), &v);
  EXPECT_EQ(v.meta.at("president"), "person:joseph-r-biden");
  EXPECT_EQ(v.meta.at("president_source"), "date");
}

TEST(AttributionTest, JointTitles) {
  for (const char* t : {"Joint Statement from the United States and India", "Quad Leaders\xE2\x80\x99 Joint Statement",
                        "JOINT FACT SHEET: Launching a Dialogue", "G7 Hiroshima Leaders\xE2\x80\x99 Communiqu\xC3\xA9",
                        "The Atlantic Declaration: A Framework", "French-American Roadmap",
                        "United States \xE2\x80\x93 Australia Statement of Intent: Climate",
                        "Leaders\xE2\x80\x99 Statement on an Imaginary Framework", "C5+1 Leaders' Joint Statement",
                        "Joint Readout of the Trilateral Meeting"})
    EXPECT_TRUE(IsJointTitle(t)) << t;
  for (const char* t : {"FACT SHEET: Biden-Harris Administration Driving Battery Manufacturing",
                        "Readout of President Biden's Meeting with Prime Minister Trudeau",
                        "Fact Sheet: President Donald J. Trump Implements A Historic U.S.-Japan Framework Agreement",
                        "FACT SHEET: Partnership for Global Infrastructure and Investment at the G7 Summit",
                        "Statement from President Biden on House Passage of the America COMPETES Act",
                        "Readout of White House Meetings on the U.S.-UK Atlantic Declaration"})
    EXPECT_FALSE(IsJointTitle(t)) << t;
}

}  // namespace
}  // namespace lodestone
