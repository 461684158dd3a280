// BibTeX, RIS and CSL-JSON of selected records.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <sstream>

#include <fstream>

#include "lodestone/ingest/readers.h"
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


// ---------------------------------------------------------------------------
// issue 15: Web of Science plain text of any selection, read back by lode's
// own Web of Science reader.

std::string SlurpFixture(const std::string& rel) {
  std::ifstream in(std::string(LODE_FIXTURES) + "/" + rel, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<Document> ReadFixture(const std::string& format, const std::string& rel) {
  auto r = ReadDocuments(format, FileInput{"/fx/" + rel, rel, SlurpFixture(rel)});
  EXPECT_TRUE(r.ok()) << rel << ": " << (r.ok() ? "" : r.status().message());
  return r.ok() ? *r : std::vector<Document>{};
}

std::string Year(const Document& d) { return d.date.substr(0, 4); }

std::string DoiOf(const Document& d) {
  auto it = d.meta.find("doi");
  return it == d.meta.end() ? std::string() : it->second;
}

TEST(WosExport, RoundTripThroughTheWebOfScienceReader) {
  std::vector<Document> in;
  for (auto [format, rel] : std::vector<std::pair<std::string, std::string>>{
           {"wos", "papers-formats/savedrecs-fixture.txt"},
           {"scopus-csv", "papers-formats/scopus-fixture.csv"},
           {"bibtex", "papers-formats/refs-fixture.bib"},
           {"ris", "papers-formats/ieee-fixture.ris"}})
    for (auto& d : ReadFixture(format, rel)) in.push_back(std::move(d));
  // A Chinese record as a CNKI user's reference manager exports it (RIS).
  auto cn = ReadDocuments("ris", FileInput{"/fx/cn.ris", "cn.ris",
                                           "TY  - JOUR\nTI  - 美国关键矿产战略研究：以稀土为例\nAU  - 王小明\nAU  - 欧阳 娜娜\n"
                                           "PY  - 2021\nJO  - 资源科学\nKW  - 关键矿产；稀土；\nKW  - 出口管制\n"
                                           "AD  - 中国地质大学（武汉）经济管理学院, 武汉, 中国\nAB  - 本文研究美国关键矿产战略。\nER  - \n"});
  ASSERT_TRUE(cn.ok());
  in.push_back(cn->front());
  Document eo;
  eo.id = "eo:13817";
  eo.kind = Kind::kExecutiveOrder;
  eo.title = "not a paper";
  in.push_back(eo);
  ASSERT_EQ(in.size(), 11u);

  std::ostringstream out;
  size_t skipped = 0;
  WriteWosPlainText(in, out, &skipped);
  EXPECT_EQ(skipped, 1u);
  const std::string text = out.str();
  EXPECT_EQ(text.rfind("\xEF\xBB\xBF" "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\n", 0), 0u);
  EXPECT_EQ(text.substr(text.size() - 3), "EF\n");
  EXPECT_EQ(DetectFormat("/x/savedrecs.txt", text).format, "wos");

  auto back = ReadDocuments("wos", FileInput{"/x/savedrecs.txt", "x", text});
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->size(), 10u);
  // References compared, in all and of Web of Science records (whose printed
  // lines must survive): counted so that fixtures without references cannot
  // pass the loop below by comparing nothing (issue 10).
  size_t references_compared = 0, wos_lines_compared = 0;
  for (size_t i = 0; i < back->size(); ++i) {
    const Document& a = in[i];
    const Document& b = (*back)[i];
    SCOPED_TRACE(a.id);
    EXPECT_EQ(b.id, a.id);  // by DOI, by WOS accession, or through UT LODE:<id>
    EXPECT_EQ(b.title, a.title);
    EXPECT_EQ(Year(b), Year(a));
    EXPECT_EQ(DoiOf(b), DoiOf(a));
    EXPECT_EQ(b.authors, a.authors);  // AF as written, "A. Kite" included
    EXPECT_EQ(b.keywords, a.keywords);
    EXPECT_EQ(b.index_keywords, a.index_keywords);
    ASSERT_EQ(b.affiliations.size(), a.affiliations.size());
    for (size_t k = 0; k < a.affiliations.size(); ++k) {
      EXPECT_EQ(b.affiliations[k].address, a.affiliations[k].address);
      EXPECT_EQ(b.affiliations[k].authors, a.affiliations[k].authors);
      EXPECT_EQ(b.affiliations[k].country, a.affiliations[k].country);
    }
    ASSERT_EQ(b.references.size(), a.references.size());
    for (size_t k = 0; k < a.references.size(); ++k) {
      const Reference& x = a.references[k];
      const Reference& y = b.references[k];
      ++references_compared;
      if (a.format == "wos") {
        EXPECT_EQ(y.text, x.text);  // printed CR lines are kept
        ++wos_lines_compared;
      }
      EXPECT_EQ(y.doi, x.doi) << y.text;
      EXPECT_EQ(y.year, x.year) << y.text;
      EXPECT_EQ(y.volume, x.volume) << y.text;
      EXPECT_EQ(y.page, x.page) << y.text;
      EXPECT_EQ(y.authors.empty(), x.authors.empty()) << y.text;
    }
  }
  EXPECT_GE(references_compared, 5u);
  EXPECT_GE(wos_lines_compared, 1u);
  const Document& zh = back->back();
  EXPECT_EQ(zh.title, "美国关键矿产战略研究：以稀土为例");
  EXPECT_EQ(zh.authors, (std::vector<std::string>{"王小明", "欧阳 娜娜"}));  // not split, not turned round
  EXPECT_EQ(zh.keywords, (std::vector<std::string>{"关键矿产", "稀土", "出口管制"}));
  EXPECT_EQ(zh.language, "zh");
  EXPECT_NE(zh.text.find("本文研究美国关键矿产战略。"), std::string::npos);  // AB
  EXPECT_NE(text.find("AU 王小明\n   欧阳 娜娜\n"), std::string::npos);
  EXPECT_NE(text.find("LA Chinese\n"), std::string::npos);
  // Web of Science records keep their own AU forms; others get them derived.
  EXPECT_NE(text.find("AU Quill, RT\n   Marsh, A\n"), std::string::npos);
  EXPECT_NE(text.find("AU Kite, A\n"), std::string::npos) << "RIS 'A. Kite'";
  EXPECT_NE(text.find("CR Gull C, 2019, Resources Fiction, V12, P45\n"), std::string::npos);
  EXPECT_NE(text.find("DT Proceedings Paper\n"), std::string::npos) << "RIS TY CONF";
}

}  // namespace
}  // namespace lodestone
