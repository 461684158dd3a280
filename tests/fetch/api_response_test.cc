// Reading search pages, error answers and records (fetch/src/api_response.cc).
// The JSON here is written for the tests, in the API's shape.
#include "api_response.h"

#include <gtest/gtest.h>

namespace lodestone::fetch_internal {
namespace {

rapidjson::Document Json(const char* s) {
  rapidjson::Document d;
  d.Parse(s);
  EXPECT_FALSE(d.HasParseError()) << s;
  return d;
}

TEST(ApiResponseTest, SearchPageGivesCountPagesNextAndResults) {
  auto p = ParseSearchPage(R"({"count":3,"description":"x","total_pages":2,)"
                           R"("next_page_url":"https://example.org/api/v1/documents.json?page=2",)"
                           R"("results":[{"document_number":"2025-00001"},{"document_number":"2025-00002"}]})");
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->count, 3u);
  EXPECT_EQ(p->total_pages, 2u);
  EXPECT_EQ(p->next_page_url, "https://example.org/api/v1/documents.json?page=2");
  ASSERT_EQ(p->results->Size(), 2u);
  EXPECT_EQ(StringField((*p->results)[1], "document_number"), "2025-00002");
}

TEST(ApiResponseTest, NoMatchesComeWithoutResults) {
  auto p = ParseSearchPage(R"({"count":0,"description":"nothing"})");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->results->Size(), 0u);
  EXPECT_TRUE(p->next_page_url.empty());
}

TEST(ApiResponseTest, MalformedPagesAreParseErrors) {
  struct Case {
    const char* body;
    const char* message;
  };
  const Case cases[] = {
      {R"({"count":3,"results":[{"document_number":"2025-0)", "invalid JSON at byte"},
      {"", "invalid JSON at byte 0"},
      {"[1,2]", "a search page is a JSON object"},
      {R"({"results":[]})", "no count"},
      {R"({"count":2,"results":{"a":1}})", "results is not an array"},
      {R"({"count":40,"next_page_url":"https://x/documents.json?page=2"})", "no results array"},
  };
  for (const auto& c : cases) {
    auto p = ParseSearchPage(c.body);
    ASSERT_FALSE(p.ok()) << c.body;
    EXPECT_NE(p.status().message().find(c.message), std::string::npos) << p.status().message();
  }
  std::string deep = R"({"count":1,"results":[)" + std::string(100, '[') + std::string(100, ']') + "]}";
  auto p = ParseSearchPage(deep);
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("nested more than"), std::string::npos);
}

TEST(ApiResponseTest, ErrorAnswersAreFlattenedForPeople) {
  EXPECT_EQ(ApiErrorMessage(R"({"errors":{"conditions":{"agencies":["'x' is not a valid agency"]}}})"),
            "conditions.agencies: 'x' is not a valid agency");
  EXPECT_EQ(ApiErrorMessage(R"({"errors":{"per_page":["too big","not a number"],"page":"bad"}})"),
            "per_page: too big; per_page: not a number; page: bad");
  EXPECT_EQ(ApiErrorMessage(R"({"errors":["Could not understand start date."]})"), "Could not understand start date.");
  EXPECT_EQ(ApiErrorMessage(R"({"status":400,"message":"Unknown field 'foo'"})"), "Unknown field 'foo'");
  EXPECT_EQ(ApiErrorMessage("<html>\nBad Request</html>"), "<html> Bad Request</html>");
  EXPECT_EQ(ApiErrorMessage(""), "(empty answer)");
}

TEST(ApiResponseTest, RecordHashIgnoresPageViewsAndKeyOrder) {
  auto a = Json(R"({"document_number":"2012-7019","title":"T","page_views":{"count":1},"agencies":[{"slug":"a","id":1}]})");
  auto b = Json(R"({"page_views":{"count":99},"agencies":[{"id":1,"slug":"a"}],"title":"T","document_number":"2012-7019"})");
  auto c = Json(R"({"document_number":"2012-7019","title":"T","agencies":[{"slug":"a","id":1}]})");
  auto changed = Json(R"({"document_number":"2012-7019","title":"T","agencies":[{"slug":"a","id":1}],"disposition_notes":"Revoked by: EO 1"})");
  auto reordered_list = Json(R"({"document_number":"2012-7019","title":"T","agencies":[{"slug":"a","id":1},{"slug":"b"}]})");
  auto reordered_list2 = Json(R"({"document_number":"2012-7019","title":"T","agencies":[{"slug":"b"},{"slug":"a","id":1}]})");
  EXPECT_EQ(RecordHash(a), RecordHash(b));
  EXPECT_EQ(RecordHash(a), RecordHash(c));
  EXPECT_NE(RecordHash(a), RecordHash(changed));
  EXPECT_NE(RecordHash(reordered_list), RecordHash(reordered_list2));  // list order is content
  EXPECT_EQ(HashHex(0x1fULL), "000000000000001f");
}

TEST(ApiResponseTest, RecordJsonKeepsTheApisOrder) {
  auto r = Json(R"({"title":"Ünïcode — “quotes”","document_number":"E9-1712","volume":74,"images":{}})");
  EXPECT_EQ(RecordJson(r), R"({"title":"Ünïcode — “quotes”","document_number":"E9-1712","volume":74,"images":{}})");
}

TEST(ApiResponseTest, FullTextChoice) {
  auto all = Json(R"({"full_text_xml_url":"https://h/x.xml","body_html_url":"https://h/b.html","raw_text_url":"https://h/r.txt"})");
  auto html_only = Json(R"({"full_text_xml_url":null,"body_html_url":"https://h/b.html","raw_text_url":"https://h/r.txt"})");
  auto text_only = Json(R"({"full_text_xml_url":null,"body_html_url":null,"raw_text_url":"http://h/r.txt"})");
  auto none = Json(R"({"full_text_xml_url":"file:///etc/passwd","body_html_url":"","raw_text_url":7})");
  auto kind = [](const rapidjson::Value& r, FullTextChoice c) {
    auto l = ChooseFullText(r, c);
    return l ? l->kind + " " + l->url : std::string("-");
  };
  EXPECT_EQ(kind(all, FullTextChoice::kAuto), "xml https://h/x.xml");
  EXPECT_EQ(kind(html_only, FullTextChoice::kAuto), "html https://h/b.html");
  EXPECT_EQ(kind(text_only, FullTextChoice::kAuto), "text http://h/r.txt");
  EXPECT_EQ(kind(none, FullTextChoice::kAuto), "-");  // only http(s) links are followed
  EXPECT_EQ(kind(all, FullTextChoice::kHtml), "html https://h/b.html");
  EXPECT_EQ(kind(all, FullTextChoice::kText), "text https://h/r.txt");
  EXPECT_EQ(kind(html_only, FullTextChoice::kXml), "-");
  EXPECT_EQ(kind(all, FullTextChoice::kNone), "-");
}

TEST(ApiResponseTest, FileNamesForIngest) {
  EXPECT_EQ(FullTextFileName("2012-7019", "xml", "<PRESDOCU/>"), "2012-7019.xml");
  EXPECT_EQ(FullTextFileName("2012-7019", "html", "<p>"), "2012-7019.html");
  EXPECT_EQ(FullTextFileName("2012-7019", "text", "\n  <html><body><pre>[Federal Register"), "2012-7019.htm");
  EXPECT_EQ(FullTextFileName("2012-7019", "text", "\xEF\xBB\xBF<pre>"), "2012-7019.htm");
  EXPECT_EQ(FullTextFileName("2012-7019", "text", "[Federal Register Volume 77]"), "2012-7019.txt");
  EXPECT_EQ(FullTextFileName("2012-7019", "text", ""), "2012-7019.txt");
}

TEST(ApiResponseTest, DocumentNumbersThatAreSafeFileNames) {
  for (const char* ok : {"2012-7019", "E9-1712", "96-2755", "C1-2019-12345", "R1-2020-00001", "2020_1.a"})
    EXPECT_TRUE(ValidDocumentNumber(ok)) << ok;
  for (const char* bad : {"", ".hidden", "../etc/passwd", "a/b", "a b", "2012-7019\n", "x\\y"})
    EXPECT_FALSE(ValidDocumentNumber(bad)) << bad;
  EXPECT_FALSE(ValidDocumentNumber(std::string(101, '1')));
}

}  // namespace
}  // namespace lodestone::fetch_internal
