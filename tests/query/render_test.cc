// The renderers alone (render.h, graph_render.h): results written here as
// literals, their text compared whole, so that a change of layout shows as
// a diff (issue 10: rendering is formatting only, tested without an index).
#include "lodestone/query/render.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "lodestone/query/graph_render.h"

namespace lodestone::query {
namespace {

NodeInfo Node(const std::string& id, const std::string& name, const std::string& date, bool external = false) {
  NodeInfo n;
  n.id = id;
  n.type = id.substr(0, id.find(':'));
  n.name = name;
  n.date = date;
  n.external = external;
  return n;
}

SearchResult TwoHits() {
  SearchResult r;
  r.request.query = "gallium";
  r.total = 1234;
  r.total_exact = false;
  SearchHit a;
  a.id = "eo:99001";
  a.source = "/c/fr/EO_99001.xml";
  a.title = "Securing Imaginary Gallium Supplies";
  a.kind = "executive_order";
  a.date = "2015-03-03";
  a.rank = 1;
  a.snippet = "the supply of <mark>gallium</mark> is secured";
  SearchHit b = a;
  b.id = "doc:ab12";
  b.source = "/c/notes.md";
  b.title = "Notes";
  b.kind = "other";
  b.date = "";
  b.rank = 2;
  b.snippet = "";
  r.hits = {a, b};
  r.facets["kind"] = {{"executive_order", 1200}, {"other", 34}};
  return r;
}

TEST(RenderText, SearchListsHitsThenFacets) {
  EXPECT_EQ(SearchText(TwoHits(), false),
            "about 1,234 documents match (showing 1-2)\n"
            "\n"
            "1. Securing Imaginary Gallium Supplies\n"
            "   eo:99001 · executive_order · 2015-03-03\n"
            "   the supply of <mark>gallium</mark> is secured\n"
            "   /c/fr/EO_99001.xml\n"
            "\n"
            "2. Notes\n"
            "   doc:ab12 · other\n"
            "   /c/notes.md\n"
            "\n"
            "kind:  executive_order 1,200  other 34\n");
}

TEST(RenderText, SearchWithoutMatchesSaysSoAndSuggests) {
  SearchResult r;
  r.request.query = "galium";
  r.total_exact = true;
  r.suggestion = "gallium";
  EXPECT_EQ(SearchText(r, false), "No documents match galium.\nDid you mean: gallium\n");
}

TEST(RenderText, SearchInColourMarksTitlesAndMetadata) {
  const std::string text = SearchText(TwoHits(), true);
  EXPECT_NE(text.find("\033[1m1. Securing Imaginary Gallium Supplies\033[0m\n"), std::string::npos) << text;
  EXPECT_NE(text.find("   \033[2meo:99001 · executive_order · 2015-03-03\033[0m\n"), std::string::npos) << text;
}

ShowResult AnOrder() {
  ShowResult r;
  r.request.id = "eo:99002";
  r.request.text = false;
  Document& d = r.document;
  d.id = "eo:99002";
  d.kind = Kind::kExecutiveOrder;
  d.title = "Strengthening Imaginary Supply Chains";
  d.date = "2025-02-01";
  d.number = "99002";
  d.language = "en";
  d.jurisdiction = "us";
  d.text = "The Secretary of Energy shall map lithium. Executive Order 99001 is hereby revoked.";
  d.sources = {{"/c/wh/an-order.md", "markdown", 120}};
  const auto lithium_at = static_cast<uint32_t>(d.text.find("lithium"));
  const auto order_at = static_cast<uint32_t>(d.text.find("99001"));
  d.entities = {{"mineral:lithium", "lithium", 1, {lithium_at}}};
  d.citations = {{"eo:99001", 1, {order_at}}};
  d.relations = {{RelationType::kRevokes, "eo:99001", order_at, "text"}, {RelationType::kRevokedBy, "eo:99003", kNoOffset, "metadata"}};
  r.source = "/c/wh/an-order.md";
  r.entity_evidence = {"The Secretary of Energy shall map lithium."};
  r.citation_evidence = {"Executive Order 99001 is hereby revoked."};
  r.relation_evidence = {"Executive Order 99001 is hereby revoked.", ""};
  r.relation_in_text = {true, false};
  TextSpan lithium;  // ASCII: the three units agree
  lithium.begin = lithium.char_begin = lithium.utf16_begin = lithium_at;
  lithium.end = lithium.char_end = lithium.utf16_end = lithium_at + 7;
  r.entity_mentions = {{lithium}};
  r.citation_mentions = {{}};
  return r;
}

TEST(RenderText, ShowGivesMetadataLinksAndTheirSentences) {
  EXPECT_EQ(ShowText(AnOrder()),
            "Strengthening Imaginary Supply Chains\n"
            "  id:       eo:99002\n"
            "  kind:     executive_order\n"
            "  date:     2025-02-01\n"
            "  number:   99002\n"
            "  language: en\n"
            "  jurisdiction: us\n"
            "  source:   /c/wh/an-order.md (markdown)\n"
            "\n"
            "entities:\n"
            "  mineral:lithium (lithium) ×1\n"
            "      \"The Secretary of Energy shall map lithium.\"\n"
            "\n"
            "cites:\n"
            "  eo:99001 ×1\n"
            "      \"Executive Order 99001 is hereby revoked.\"\n"
            "\n"
            "relations:\n"
            "  revokes eo:99001\n"
            "      \"Executive Order 99001 is hereby revoked.\"\n"
            "  revoked_by eo:99003  (Federal Register disposition notes)\n");
}

TEST(RenderText, ShowEndsWithTheTextUnlessAskedNot) {
  ShowResult r = AnOrder();
  r.request.text = true;
  const std::string text = ShowText(r);
  const std::string tail = "\n\n" + r.document.text + "\n";
  ASSERT_GE(text.size(), tail.size());
  EXPECT_EQ(text.substr(text.size() - tail.size()), tail);
}

TEST(RenderJson, ShowCarriesMentionSpans) {
  rapidjson::Document d;
  const std::string json = ShowJson(AnOrder());
  d.Parse(json.c_str());
  ASSERT_FALSE(d.HasParseError()) << json;
  const auto& m = d["entities"][0]["mentions"];
  ASSERT_TRUE(m.IsArray());
  ASSERT_EQ(m.Size(), 1u);
  EXPECT_EQ(m[0]["start"].GetUint(), 34u);
  EXPECT_EQ(m[0]["end"].GetUint(), 41u);
  EXPECT_EQ(m[0]["utf16_start"].GetUint(), 34u);
  EXPECT_EQ(m[0]["utf16_end"].GetUint(), 41u);
  EXPECT_EQ(m[0]["byte_start"].GetUint(), 34u);
  EXPECT_EQ(m[0]["byte_end"].GetUint(), 41u);
  EXPECT_STREQ(m[0]["text"].GetString(), "lithium");
  ASSERT_TRUE(d["citations"][0]["mentions"].IsArray());
  EXPECT_EQ(d["citations"][0]["mentions"].Size(), 0u);
  // The text is in JSON even when the text form leaves it out.
  EXPECT_STREQ(d["text"].GetString(), AnOrder().document.text.c_str());
}

TEST(RenderText, PathShowsEachHopWithItsDirectionAndEvidence) {
  PathResult r;
  r.path = {Node("eo:2", "Two", "2021-01-01"), Node("eo:1", "One", "2019-01-01"),
            Node("mineral:lithium", "lithium", "")};
  r.hops = {{{"eo:2", "eo:1", "revokes", 1}, true, "Executive Order 1 is hereby revoked."},
            {{"mineral:lithium", "eo:1", "mentions", 2}, false, ""}};
  EXPECT_EQ(PathText(r),
            "2 hops\n"
            "Two (eo:2, 2021-01-01)\n"
            "  -[revokes]-> One (eo:1, 2019-01-01)\n"
            "      “Executive Order 1 is hereby revoked.”\n"
            "  <-[mentions]- lithium (mineral:lithium)\n");
}

TEST(RenderText, CitesCountsCorpusAndExternalWorks) {
  CitationsResult r;
  r.subject = Node("eo:2", "Two", "2021-01-01");
  r.total = 2;
  r.entries = {{Node("eo:1", "One", "2019-01-01"), {EdgeType::kCites, EdgeType::kRevokes}, 1, ""},
               {Node("usc:50/4501", "usc:50/4501", "", true), {EdgeType::kCites}, 3, ""}};
  EXPECT_EQ(CitationsText(r),
            "Two (eo:2, 2021-01-01)\n"
            "cites 2 works (1 in the corpus, 1 external)\n"
            "  • One (eo:1, 2019-01-01)  [revokes]\n"
            "    usc:50/4501  ×3\n"
            "(• in the corpus)\n");
}

TEST(RenderText, CitedBySaysWhenTheListWasCut) {
  CitationsResult r;
  r.subject = Node("eo:1", "One", "2019-01-01");
  r.incoming = true;
  r.total = 5;
  r.entries = {{Node("eo:2", "Two", "2021-01-01"), {EdgeType::kRevokes}, 1, ""}};
  EXPECT_EQ(CitationsText(r),
            "One (eo:1, 2019-01-01)\n"
            "5 documents cite, revoke or amend it (showing 1)\n"
            "  • Two (eo:2, 2021-01-01)  [revokes]\n"
            "(• in the corpus)\n");
}

TEST(RenderText, NumbersAndWrapping) {
  for (auto [n, want] :
       std::vector<std::pair<uint64_t, std::string>>{{0, "0"}, {999, "999"}, {1000, "1,000"}, {1234567, "1,234,567"}})
    EXPECT_EQ(Thousands(n), want) << n;
  EXPECT_EQ(WrapText("one two three four", 2, 9), "  one two\n  three\n  four\n");
  // Colour codes take no room on the line.
  EXPECT_EQ(WrapText("\033[1mone\033[0m two", 0, 7), "\033[1mone\033[0m two\n");
}

}  // namespace
}  // namespace lodestone::query
