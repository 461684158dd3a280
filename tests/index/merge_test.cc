#include "lodestone/index/merge.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace lodestone {
namespace {

// The index knows no format names: a document's richness is a number its
// reader gives (ingest's registry ranks fr-xml 6, fr-html 5, gpo-html 3,
// records 1, fr-json 0).
int Richness(const std::string& format) {
  if (format == "fr-xml" || format == "jats-xml") return 6;
  if (format == "fr-html") return 5;
  if (format == "gpo-html") return 3;
  return format == "fr-json" ? 0 : 1;
}

Document Doc(const std::string& format, const std::string& text) {
  Document d;
  d.id = "eo:99001";
  d.format = format;
  d.richness = Richness(format);
  d.text = text;
  d.sources = {SourceFile{"/x/EO_99001." + format, format, 1, 1, 1}};
  return d;
}

TEST(MergeTest, StructuredTextBeatsLongerGpoText) {
  Document xml = Doc("fr-xml", "short clean text");
  Document gpo = Doc("gpo-html", "a much longer text with page markers and a table of contents");
  EXPECT_TRUE(TextIsRicher(xml, gpo));
  EXPECT_FALSE(TextIsRicher(gpo, xml));
  EXPECT_EQ(MergeDocuments(gpo, xml).text, "short clean text");
}

// issue 11: of two records equally rich and equally long, the same one wins
// whichever is merged into which, and of three the same in every order (a
// build and an update meet them in different orders).
TEST(MergeTest, ATieGoesToTheSameRecordInEveryOrder) {  // issue 11
  Document a = Doc("ris", "Copper brines"), b = Doc("ris", "Cobalt brines"), c = Doc("ris", "Nickel brines");
  a.title = "Copper", b.title = "Cobalt", c.title = "Nickel";
  a.authors = {"Rivera", "Chen"}, b.authors = {"Chen", "Rivera"}, c.authors = {"Okafor"};
  EXPECT_NE(TextIsRicher(a, b), TextIsRicher(b, a));
  EXPECT_EQ(MergeDocuments(a, b).title, MergeDocuments(b, a).title);
  EXPECT_EQ(MergeDocuments(a, b).authors, MergeDocuments(b, a).authors);
  std::vector<Document> docs = {a, b, c};
  std::vector<int> order = {0, 1, 2};
  std::string first;
  do {
    Document m = MergeDocuments(MergeDocuments(docs[order[0]], docs[order[1]]), docs[order[2]]);
    std::string got = m.title + "/" + m.text + "/" + m.authors.front();
    if (first.empty()) first = got;
    EXPECT_EQ(got, first);
  } while (std::next_permutation(order.begin(), order.end()));
  // Same text, different titles: the title decides, in both orders.
  Document d = Doc("ris", "same"), e = Doc("ris", "same");
  d.title = "B", e.title = "A";
  EXPECT_EQ(MergeDocuments(d, e).title, "A");
  EXPECT_EQ(MergeDocuments(e, d).title, "A");
}

// issue 9: the Federal Register's "signed by" page is the poorer record of an
// order whose text comes from another format; the president it states wins
// over the one the richer record derived from the date.
TEST(MergeTest, StatedPresidentBeatsTheDateAndJurisdictionIsFilled) {
  Document page = Doc("fr-json", "");
  page.meta = {{"president", "person:donald-j-trump"}, {"president_source", "stated"},
               {"president_by_date", "person:joseph-r-biden"}};
  Document xml = Doc("fr-xml", "text");
  xml.jurisdiction = "us";
  xml.meta = {{"president", "person:joseph-r-biden"}, {"president_source", "date"}};
  for (const Document& m : {MergeDocuments(page, xml), MergeDocuments(xml, page)}) {
    EXPECT_EQ(m.meta.at("president"), "person:donald-j-trump");
    EXPECT_EQ(m.meta.at("president_source"), "stated");
    EXPECT_EQ(m.meta.at("president_by_date"), "person:joseph-r-biden");
    EXPECT_EQ(m.jurisdiction, "us");
  }
  // Two derived from the date: the winner's stays, nothing is invented.
  Document other = Doc("fr-json", "");
  other.meta = {{"president", "person:barack-obama"}, {"president_source", "date"}};
  Document m = MergeDocuments(other, xml);
  EXPECT_EQ(m.meta.at("president"), "person:joseph-r-biden");
  EXPECT_EQ(m.meta.count("president_by_date"), 0u);
}

TEST(MergeTest, MetadataOnlyRecordNeverWinsText) {
  Document json = Doc("fr-json", "");
  Document html = Doc("fr-html", "body");
  EXPECT_EQ(MergeDocuments(json, html).format, "fr-html");
}

TEST(MergeTest, MetadataIsTheUnionAndSourcesAreSorted) {
  Document json = Doc("fr-json", "");
  json.title = "Title From JSON";
  json.date = "2015-03-03";
  json.meta["citation"] = "80 FR 501";
  Document xml = Doc("fr-xml", "text");
  xml.meta["citation"] = "kept from the winner";
  Document m = MergeDocuments(json, xml);
  EXPECT_EQ(m.title, "Title From JSON");
  EXPECT_EQ(m.date, "2015-03-03");
  EXPECT_EQ(m.meta["citation"], "kept from the winner");
  ASSERT_EQ(m.sources.size(), 2u);
  EXPECT_LT(m.sources[0].path, m.sources[1].path);
  // Merging again with the same source does not duplicate it.
  EXPECT_EQ(MergeDocuments(m, xml).sources.size(), 2u);
}

// issue 15: a paper read from two exports keeps the keywords and addresses
// of whichever record has them.
TEST(MergeTest, PaperFieldsComeFromWhicheverRecordHasThem) {
  Document wos = Doc("wos", "title and abstract");
  wos.keywords = {"capture-recapture"};
  Document jats = Doc("jats-xml", "the full text of the paper, longer");
  jats.affiliations = {{"Harvard Medical School", "United States", "Harvard Medical School, Boston, United States", {}}};
  Document m = MergeDocuments(wos, jats);
  EXPECT_EQ(m.format, "jats-xml");
  EXPECT_EQ(m.keywords, std::vector<std::string>{"capture-recapture"});
  ASSERT_EQ(m.affiliations.size(), 1u);
  EXPECT_EQ(m.affiliations[0].organization, "Harvard Medical School");
  jats.keywords = {"kept from the winner"};
  EXPECT_EQ(MergeDocuments(wos, jats).keywords, std::vector<std::string>{"kept from the winner"});
}

TEST(KindTest, NamesRoundTrip) {
  for (Kind k : AllKinds()) {
    auto back = KindFromName(KindName(k));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, k);
  }
  EXPECT_FALSE(KindFromName("executive-order").has_value());
}

// issue 10: one list of relation types; names are persisted, so each
// round-trips, and each passive form is the inverse of an active one.
TEST(RelationTypes, NamesRoundTripAndPassiveFormsInvert) {
  const std::pair<RelationType, const char*> cases[] = {
      {RelationType::kRevokes, "revokes"},        {RelationType::kAmends, "amends"},
      {RelationType::kSupersedes, "supersedes"},  {RelationType::kDirects, "directs"},
      {RelationType::kRevokedBy, "revoked_by"},   {RelationType::kAmendedBy, "amended_by"},
      {RelationType::kSupersededBy, "superseded_by"}};
  for (const auto& [type, name] : cases) {
    EXPECT_STREQ(RelationTypeName(type), name);
    EXPECT_EQ(RelationTypeFromName(name), type) << name;
    if (IsPassive(type)) {
      EXPECT_EQ(PassiveForm(ActiveForm(type)), type) << name;
    } else if (type != RelationType::kDirects) {
      EXPECT_EQ(ActiveForm(*PassiveForm(type)), type) << name;
    }
  }
  EXPECT_FALSE(PassiveForm(RelationType::kDirects).has_value());
  EXPECT_FALSE(RelationTypeFromName("cites").has_value());
}

}  // namespace
}  // namespace lodestone
