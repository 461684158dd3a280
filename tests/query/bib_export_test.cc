// BibTeX, RIS and CSL-JSON of selected records.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <sstream>

#include "lodestone/query/bib_export.h"

namespace lodestone {
namespace {

std::vector<Document> Records() {
  Document a;
  a.id = "doi:10.1/x_y";
  a.kind = Kind::kPaper;
  a.title = "Mark & recapture {of} 50% of voles";
  a.authors = {"Alho, Juha M.", "CHAO A"};
  a.date = "1990-01-01";
  a.meta = {{"journal", "Biometrics"}, {"volume", "46"}, {"page", "623"}};
  Document b = a;
  b.id = "wos:123";
  b.title = "Mark again";
  Document eo;
  eo.id = "eo:13817";
  eo.kind = Kind::kExecutiveOrder;
  eo.title = "A Federal Strategy To Ensure Secure and Reliable Supplies of Critical Minerals";
  eo.date = "2017-12-20";
  eo.number = "13817";
  return {a, b, eo};
}

TEST(BibExport, NamesSplitEveryWay) {
  EXPECT_EQ(SplitName("Alho, Juha M.").family, "Alho");
  EXPECT_EQ(SplitName("ALHO JM").given, "JM");
  EXPECT_EQ(SplitName("J. M. Alho").family, "Alho");
  EXPECT_EQ(SplitName("de Valpine P").family, "de Valpine");
}

TEST(BibExport, BibtexEscapesAndKeysAreUnique) {
  std::ostringstream o;
  WriteBibtex(Records(), o);
  std::string s = o.str();
  EXPECT_NE(s.find("@article{alho1990mark,"), std::string::npos) << s;
  EXPECT_NE(s.find("@article{alho1990marka,"), std::string::npos) << "second key differs";
  EXPECT_NE(s.find("title = {{Mark \\& recapture of 50\\% of voles}}"), std::string::npos) << s;
  EXPECT_NE(s.find("author = {Alho, Juha M. and CHAO, A}"), std::string::npos) << s;
  EXPECT_NE(s.find("doi = {10.1/x\\_y}"), std::string::npos) << s;
  EXPECT_NE(s.find("@misc{eo2017a,"), std::string::npos) << s;
  // Braces balance in every entry.
  int depth = 0;
  for (char c : s) depth += c == '{' ? 1 : c == '}' ? -1 : 0;
  EXPECT_EQ(depth, 0);
}

TEST(BibExport, RisAndCslJson) {
  std::ostringstream r;
  WriteRis(Records(), r);
  std::string s = r.str();
  EXPECT_EQ(s.rfind("TY  - JOUR\r\n", 0), 0u);
  EXPECT_NE(s.find("AU  - Alho, Juha M.\r\n"), std::string::npos);
  EXPECT_NE(s.find("DO  - 10.1/x_y\r\n"), std::string::npos);
  EXPECT_NE(s.find("TY  - GOVDOC\r\n"), std::string::npos);
  size_t ends = 0;
  for (size_t p = s.find("ER  - "); p != std::string::npos; p = s.find("ER  - ", p + 1)) ++ends;
  EXPECT_EQ(ends, 3u);
  std::ostringstream c;
  WriteCslJson(Records(), c);
  rapidjson::Document d;
  d.Parse(c.str().c_str());
  ASSERT_FALSE(d.HasParseError());
  ASSERT_EQ(d.Size(), 3u);
  EXPECT_STREQ(d[0]["type"].GetString(), "article-journal");
  EXPECT_STREQ(d[0]["DOI"].GetString(), "10.1/x_y");
  EXPECT_STREQ(d[0]["author"][1]["family"].GetString(), "CHAO");
  EXPECT_EQ(d[0]["issued"]["date-parts"][0].Size(), 1u) << "year-only dates stay years";
  EXPECT_EQ(d[2]["issued"]["date-parts"][0].Size(), 3u);
  EXPECT_STREQ(d[2]["type"].GetString(), "legislation");
}

}  // namespace
}  // namespace lodestone
