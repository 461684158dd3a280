// The readers of Chinese databases' exports and of PubMed MEDLINE (issue 15)
// on tiny invented records: CNKI E-Study, NoteExpress (Wanfang), MEDLINE,
// RefWorks and EndNote tagged (as CNKI writes them).
// The real samples are checked in tests/realcorpus.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lodestone/ingest/readers.h"

namespace lodestone {
namespace {

std::vector<Document> Read(const std::string& path, const std::string& bytes, const std::string& format) {
  Detection det = DetectFormat(path, bytes);
  EXPECT_EQ(det.format, format) << path << ": " << det.skip_reason;
  auto r = ReadDocuments(format, FileInput{path, path, bytes});
  EXPECT_TRUE(r.ok()) << path << ": " << r.status().message();
  return r.ok() ? *r : std::vector<Document>{};
}

std::string Meta(const Document& d, const std::string& key) {
  auto it = d.meta.find(key);
  return it == d.meta.end() ? std::string() : it->second;
}

std::vector<std::string> Orgs(const Document& d) {
  std::vector<std::string> out;
  for (const auto& a : d.affiliations) out.push_back(a.organization);
  return out;
}

// Two invented records: one with a link, one with a DOI and no link.
const char kEStudy[] =
    "DataType: 1\n"
    "Title-题名: 美国关键矿产战略的演变\n"
    "Author-作者: 王小明;李华;\n"
    "Source-刊名: 资源科学\n"
    "Year-年: 2022\n"
    "PubTime-出版时间: 2022-03-15\n"
    "Keyword-关键词: 关键矿产;稀土；供应链;\n"
    "Summary-摘要: <正>本文梳理美国关键矿产政策。\n"
    "Period-期: 03\n"
    "Roll-卷: 44\n"
    "Page-页码: 501-512\n"
    "Fund-基金: 国家社会科学基金(21BGJ054);\n"
    "Organ-机构: 中国地质大学(北京)经济管理学院;中国科学院，地理科学与资源研究所;\n"
    "Link-链接: https://kns.cnki.net/kcms/detail/detail.aspx?FileName=ZRZY202203007&DbName=CJFQ2022\n"
    "DataType: 1\n"
    "Title-题名: 第二篇\n"
    "Author-作者: 张三;\n"
    "Year-年: 2021\n"
    "DOI-DOI: 10.18402/RESCI.2021.01.01\n";

TEST(CnkiEStudyTest, RecordsAuthorsKeywordsOrganisationsAndIds) {
  auto docs = Read("/x/CNKI-2022.txt", kEStudy, "cnki-estudy");
  ASSERT_EQ(docs.size(), 2u);
  const Document& a = docs[0];
  EXPECT_EQ(a.id, "cnki:ZRZY202203007");
  EXPECT_EQ(a.title, "美国关键矿产战略的演变");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"王小明", "李华"}));  // as written, no "Surname, Initials"
  EXPECT_EQ(a.keywords, (std::vector<std::string>{"关键矿产", "稀土", "供应链"}));  // '；' too
  EXPECT_EQ(Orgs(a), (std::vector<std::string>{"中国地质大学(北京)经济管理学院", "中国科学院，地理科学与资源研究所"}));
  EXPECT_EQ(a.date, "2022-03-15");
  EXPECT_EQ(a.language, "zh");
  EXPECT_EQ(Meta(a, "journal"), "资源科学");
  EXPECT_EQ(Meta(a, "volume"), "44");
  EXPECT_EQ(Meta(a, "issue"), "03");
  EXPECT_EQ(Meta(a, "page"), "501");
  EXPECT_EQ(Meta(a, "funding"), "国家社会科学基金(21BGJ054);");
  EXPECT_EQ(a.text.find("<正>"), std::string::npos);
  EXPECT_NE(a.text.find("本文梳理美国关键矿产政策"), std::string::npos);
  EXPECT_EQ(docs[1].id, "doi:10.18402/resci.2021.01.01");
  EXPECT_EQ(docs[1].date, "2021-01-01");
}

const char kNoteExpress[] =
    "{Reference Type}: Journal Article\n"
    "{Title}: 美国《通胀削减法案》对锂供应链的影响\n"
    "{Translated Title}: Effects of the U.S. Inflation Reduction Act on the lithium supply chain\n"
    "{Author}: 赵六\n"
    "{Author}: 钱七\n"
    "{Translated Author}: ZHAO Liu\n"
    "{Translated Author}:  QIAN Qi\n"
    "{Author Address}: 100083,北京市 中国地质大学(北京)\n"
    "{Author Address}: 430074,武汉市 中国地质大学(武汉)\n"
    "{Journal}: 中国矿业\n"
    "{Year}: 2023\n"
    "{Volume}: 32\n"
    "{Issue}: 5\n"
    "{Pages}: 1-8\n"
    "{Keywords}: 锂\n"
    "{Keywords}:  供应链\n"
    "{Abstract}: 本文分析了法案的影响.\n"
    "{URL}: http://www.wanfangdata.com.cn/details/detail.do?_type=perio&id=zgky202305001\n"
    "{Language}: chi\n"
    "\n"
    "{Reference Type}: Journal Article\n"
    "{Title}: 第二篇\n"
    "{Author}: 孙八\n"
    "{Author}: 周九\n"
    "{Author Address}: 清华大学\n"
    "{DOI}: 10.3969／j.issn.1004－4051.2023.05.002\n";  // full-width, as Wanfang sometimes types it

TEST(NoteExpressTest, OneAuthorPerLineAndTheirAddresses) {
  auto docs = Read("/x/wanfang.NET", kNoteExpress, "noteexpress");
  ASSERT_EQ(docs.size(), 2u);
  const Document& a = docs[0];
  EXPECT_EQ(a.id, "wanfang:zgky202305001");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"赵六", "钱七"}));
  EXPECT_EQ(a.keywords, (std::vector<std::string>{"锂", "供应链"}));
  ASSERT_EQ(a.affiliations.size(), 2u);
  // The postcode and city before the organisation are dropped; the address stays whole.
  EXPECT_EQ(a.affiliations[0].organization, "中国地质大学(北京)");
  EXPECT_EQ(a.affiliations[0].address, "100083,北京市 中国地质大学(北京)");
  EXPECT_EQ(a.affiliations[0].authors, (std::vector<std::string>{"赵六"}));
  EXPECT_EQ(Meta(a, "translated_authors"), "ZHAO Liu; QIAN Qi");
  EXPECT_NE(a.text.find("Inflation Reduction Act"), std::string::npos);  // the translated title is searchable
  EXPECT_EQ(a.date, "2023-01-01");
  const Document& b = docs[1];
  EXPECT_EQ(b.id, "doi:10.3969/j.issn.1004-4051.2023.05.002");
  // One address for two authors: the record does not say whose it is.
  ASSERT_EQ(b.affiliations.size(), 1u);
  EXPECT_TRUE(b.affiliations[0].authors.empty());
}

const char kMedline[] =
    "PMID- 99000001\n"
    "OWN - NLM\n"
    "DP  - 2021 Jan 19\n"
    "TI  - Lithium exposure in a mining town: a\n"
    "      cross-sectional study.\n"
    "LID - 10.1000/XYZ.1 [doi]\n"
    "AB  - BACKGROUND: Invented. METHODS:\n"
    "      Also invented.\n"
    "FAU - de Souza, Ana Maria\n"
    "AU  - de Souza AM\n"
    "AD  - Faculty of Medicine, University of Somewhere, Somewhere,\n"
    "      Chile.\n"
    "AD  - Second Institute, Elsewhere, Peru.\n"
    "FAU - Li, Wei\n"
    "AU  - Li W\n"
    "AD  - Faculty of Medicine, University of Somewhere, Somewhere,\n"
    "      Chile.\n"
    "LA  - eng\n"
    "TA  - J Invented Med\n"
    "JT  - Journal of invented medicine\n"
    "MH  - Lithium/*adverse effects\n"
    "OT  - lithium\n"
    "OT  - Mining\n"
    "AID - 10.1000/XYZ.1 [doi]\n"
    "\n"
    "PMID- 99000002\n"
    "DP  - 2020 Winter\n"
    "TI  - No DOI here.\n"
    "AU  - Wang X\n";

TEST(MedlineTest, TagsContinuationsAuthorsAndTheirAddresses) {
  auto docs = Read("/x/pubmed-export.nbib", kMedline, "medline");
  ASSERT_EQ(docs.size(), 2u);
  const Document& a = docs[0];
  EXPECT_EQ(a.id, "doi:10.1000/xyz.1");
  EXPECT_EQ(a.aliases, (std::vector<std::string>{"pmid:99000001"}));
  EXPECT_EQ(a.title, "Lithium exposure in a mining town: a cross-sectional study.");
  EXPECT_EQ(a.date, "2021-01-19");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"de Souza, Ana Maria", "Li, Wei"}));
  EXPECT_EQ(Meta(a, "authors_short"), "de Souza AM; Li W");
  EXPECT_EQ(a.keywords, (std::vector<std::string>{"lithium", "Mining"}));
  EXPECT_EQ(a.index_keywords, (std::vector<std::string>{"Lithium"}));
  ASSERT_EQ(a.affiliations.size(), 2u);
  EXPECT_EQ(a.affiliations[0].country, "Chile");
  EXPECT_EQ(a.affiliations[0].authors, (std::vector<std::string>{"de Souza, Ana Maria", "Li, Wei"}));
  EXPECT_EQ(a.affiliations[1].authors, (std::vector<std::string>{"de Souza, Ana Maria"}));
  EXPECT_EQ(Meta(a, "journal"), "Journal of invented medicine");
  EXPECT_EQ(Meta(a, "journal_abbrev"), "J Invented Med");
  const Document& b = docs[1];
  EXPECT_EQ(b.id, "pmid:99000002");
  EXPECT_EQ(b.authors, (std::vector<std::string>{"Wang X"}));  // AU alone
  EXPECT_EQ(b.date, "2020-01-01");
}

// CNKI's RefWorks layout: all authors on one A1 line, ';'-separated.
const char kRefWorks[] =
    "RT Journal Article\n"
    "SR 1\n"
    "A1 王小明;李华;\n"
    "AD 中国地质大学(北京)经济管理学院;自然资源部信息中心;\n"
    "T1 美国关键矿产战略的演变\n"
    "JF 资源科学\n"
    "YR 2022\n"
    "IS 03\n"
    "vo 44\n"
    "OP 501-512\n"
    "K1 关键矿产;稀土;供应链\n"
    "AB 本文梳理美国关键矿产政策，\n"
    "   并讨论其影响。\n"
    "SN 1007-7588\n"
    "LA 中文;\n"
    "DS CNKI\n"
    "LK https://kns.cnki.net/kcms/detail/detail.aspx?dbcode=CJFD&filename=ZRZY202203007\n"
    "\n"
    "RT Journal Article\n"
    "A1 Smith, John\n"
    "A1 Doe, Jane\n"
    "T1 A second record\n"
    "YR 2021\n"
    "DO 10.1000/ABC\n";

TEST(RefWorksTest, CnkiLayoutAndOneAuthorPerLine) {
  auto docs = Read("/x/CNKI-refworks.txt", kRefWorks, "refworks");
  ASSERT_EQ(docs.size(), 2u);
  const Document& a = docs[0];
  EXPECT_EQ(a.id, "cnki:ZRZY202203007");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"王小明", "李华"}));
  EXPECT_EQ(a.keywords, (std::vector<std::string>{"关键矿产", "稀土", "供应链"}));
  EXPECT_EQ(Orgs(a), (std::vector<std::string>{"中国地质大学(北京)经济管理学院", "自然资源部信息中心"}));
  EXPECT_EQ(Meta(a, "volume"), "44");  // "vo": tags are case-insensitive
  EXPECT_EQ(Meta(a, "page"), "501");
  EXPECT_NE(a.text.find("本文梳理美国关键矿产政策， 并讨论其影响。"), std::string::npos);  // a wrapped value
  EXPECT_EQ(docs[1].id, "doi:10.1000/abc");
  EXPECT_EQ(docs[1].authors, (std::vector<std::string>{"Smith, John", "Doe, Jane"}));
}

// CNKI's EndNote layout: "%+" holds the addresses.
const char kEndNote[] =
    "%0 Journal Article\n"
    "%A 王小明\n"
    "%A 李华\n"
    "%+ 中国地质大学(北京)经济管理学院;自然资源部信息中心\n"
    "%T 美国关键矿产战略的演变\n"
    "%J 资源科学\n"
    "%D 2022\n"
    "%V 44\n"
    "%N 03\n"
    "%K 关键矿产;稀土;供应链\n"
    "%X 本文梳理美国关键矿产政策。\n"
    "%P 501-512\n"
    "%@ 1007-7588\n"
    "%W CNKI\n"
    "\n"
    "%0 Journal Article\n"
    "%A 张三\n"
    "%T 第二篇\n"
    "%D 2021\n"
    "%R 10.1000/XYZ\n";

TEST(EndNoteTest, TaggedRecordsWithAddresses) {
  auto docs = Read("/x/CNKI-endnote.txt", kEndNote, "endnote");
  ASSERT_EQ(docs.size(), 2u);
  const Document& a = docs[0];
  EXPECT_EQ(a.authors, (std::vector<std::string>{"王小明", "李华"}));
  EXPECT_EQ(a.keywords, (std::vector<std::string>{"关键矿产", "稀土", "供应链"}));
  EXPECT_EQ(Orgs(a), (std::vector<std::string>{"中国地质大学(北京)经济管理学院", "自然资源部信息中心"}));
  EXPECT_EQ(a.id.rfind("rec:", 0), 0u) << a.id;  // no DOI, no link: a hash of title and year
  EXPECT_EQ(Meta(a, "journal"), "资源科学");
  EXPECT_EQ(Meta(a, "issue"), "03");
  EXPECT_EQ(docs[1].id, "doi:10.1000/xyz");
}

// The new sniffers take their own files only, and the existing formats keep theirs.
TEST(CnExportsDetectTest, SniffersDoNotStealOtherFormats) {
  struct Case {
    const char* path;
    const char* head;
    const char* format;
  } cases[] = {
      {"a/x.txt", "DataType: 1\nTitle-题名: 标题\n", "cnki-estudy"},
      {"a/x.txt", "\xEF\xBB\xBFTitle-题名: 标题\nAuthor-作者: 王;\n", "cnki-estudy"},
      {"a/x.txt", "DataType: 1\nsome other text\n", "text"},
      {"a/x.NET", "{Reference Type}: Journal Article\n{Title}: t\n", "noteexpress"},
      {"a/x.txt", "{Title}: t\n{Author}: a\n", "noteexpress"},
      {"a/x.nbib", "PMID- 1\nTI  - t\n", "medline"},
      {"a/x.txt", "\nPMID- 1\nTI  - t\n", "medline"},
      {"a/x.txt", "TY  - JOUR\nTI  - t\nER  - \n", "ris"},
      {"a/x.txt", "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI t\nER\n", "wos"},
      {"a/x.md", "PMID- 1\n", "markdown"},
      {"a/x.txt", "RT Journal Article\nA1 王;\nT1 t\n", "refworks"},
      {"a/x.txt", "RT is a retweet\n", "text"},
      {"a/x.txt", "%0 Journal Article\n%A a\n%T t\n", "endnote"},
      {"a/x.enw", "%0 Journal Article\n%T t\n", "endnote"},
      {"a/x.txt", "%0 of the sample\n", "text"},
      {"a/x.ris", "TY  - JOUR\nTI  - t\nER  - \n", "ris"},
      {"a/x.bib", "@article{k, title={t}}\n", "bibtex"},
      {"a/x.txt", "The PMID- field names a record.\n", "text"},
  };
  for (const auto& c : cases) EXPECT_EQ(DetectFormat(c.path, c.head).format, c.format) << c.path << ": " << c.head;
}

}  // namespace
}  // namespace lodestone
