#include "lodestone/ingest/readers.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace lodestone {
namespace {

std::string Slurp(const std::string& rel) {
  std::ifstream in(std::string(LODE_FIXTURES) + "/" + rel, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<Document> Read(const std::string& path, const std::string& bytes) {
  Detection det = DetectFormat(path, bytes);
  EXPECT_FALSE(det.format.empty()) << path << ": " << det.skip_reason;
  auto r = ReadDocuments(det.format, FileInput{path, "k/" + path, bytes});
  EXPECT_TRUE(r.ok()) << path << ": " << r.status().message();
  return r.ok() ? *r : std::vector<Document>{};
}

std::vector<Document> ReadFixture(const std::string& rel) { return Read("/fx/" + rel, Slurp("mini/" + rel)); }

TEST(DetectTest, FormatsAndSkips) {
  struct Case {
    const char* path;
    const char* head;
    const char* format;  // "" = skipped
  } cases[] = {
      {"a/EO_1.xml", "<?xml?><PRESDOCU>", "fr-xml"},
      {"a/x.xml", "<?xml?><pLaw xmlns=\"http://schemas.gpo.gov/xml/uslm\">", "uslm-xml"},
      {"a/x.xml", "<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS\"><article>", "jats-xml"},
      {"a/x.xml", "<?xml?><catalog/>", ""},
      {"a/EO_1.htm", "<html><body><pre>[Federal Register Volume 1]", "gpo-html"},
      {"a/EO_1.html", "<a class=\"eo\" href=\"/executive-order/1\">", "fr-html"},
      {"a/p.html", "<html><body><p>hi</p>", "html"},
      {"a/x.md", "---\ntitle: x\n---", "markdown"},
      {"a/x.json", "{\"document_number\":\"1\"}", "fr-json"},
      {"a/x.json", "{\"count\":2,\"results\":[]}", "fr-json-results"},
      {"a/x.jsonl", "{}\n{}", "jsonl"},
      {"a/x.txt", "plain words", "text"},
      {"a/savedrecs.txt", "\xEF\xBB\xBF" "FN Clarivate Analytics Web of Science\nVR 1.0", "wos"},
      {"a/x.bib", "@article{", "bibtex"},
      {"a/x.csv", "citation,document_number,title\n", ""},
      {"a/x.pdf", "%PDF-1.4", "pdf"},
      {"a/x.bin", "\x01\x02\x03\x04\x05\x06\x07\x08", ""},
  };
  for (const auto& c : cases) {
    Detection d = DetectFormat(c.path, c.head);
    EXPECT_EQ(d.format, c.format) << c.path << " " << c.head;
    if (d.format.empty()) {
      EXPECT_FALSE(d.skip_reason.empty()) << c.path;
    }
  }
}

TEST(ReadersTest, FederalRegisterXmlDropsPrintingArtefacts) {
  auto docs = ReadFixture("fr/EO_99001.xml");
  ASSERT_EQ(docs.size(), 1u);
  const Document& d = docs[0];
  EXPECT_EQ(d.id, "eo:99001");
  EXPECT_EQ(d.kind, Kind::kExecutiveOrder);
  EXPECT_EQ(d.number, "99001");
  EXPECT_EQ(d.date, "2015-03-03");
  EXPECT_EQ(d.title, "Securing Imaginary Gallium Supplies");
  EXPECT_NE(d.text.find("review gallium stockpiles"), std::string::npos) << d.text;
  EXPECT_EQ(d.text.find("FR Doc"), std::string::npos);
  EXPECT_EQ(d.text.find("Billing"), std::string::npos);
  // Readers leave the president to attribution, the one place that sets it (issue 9).
  EXPECT_EQ(d.meta.count("president"), 0u);
}

TEST(ReadersTest, GpoPageSkipsFrontMatterNulsAndPageMarkers) {
  auto docs = ReadFixture("fr/EO_99001.htm");
  ASSERT_EQ(docs.size(), 1u);
  const Document& d = docs[0];
  EXPECT_EQ(d.id, "eo:99001");                 // not 99000 from the table of contents
  EXPECT_EQ(d.date, "2015-03-03");
  EXPECT_EQ(d.title, "Securing Imaginary Gallium Supplies");
  EXPECT_EQ(d.text.find("99000"), std::string::npos);
  EXPECT_EQ(d.text.find("[[Page"), std::string::npos);
  EXPECT_EQ(d.text.find('\0'), std::string::npos);
  EXPECT_EQ(d.text.find("FR Doc"), std::string::npos);
  std::string flat = d.text;
  for (char& c : flat)
    if (c == '\n') c = ' ';
  EXPECT_NE(flat.find("shall review stockpiles"), std::string::npos) << d.text;  // no paragraph break at the page
  EXPECT_EQ(d.text.find("shall\n\n"), std::string::npos) << d.text;
}

TEST(ReadersTest, FederalRegisterHtmlDropsPageSpansWithoutGluingWords) {
  std::string html =
      "<a class=\"eo\" href=\"/executive-order/99001\">Executive Order 99001</a> of March 3, 2015\n"
      "<h1>Securing &ldquo;Imaginary&rdquo; Supplies</h1>\n"
      "<p data-page=\"501\">review of <span class=\"printed-page unprinted-element\" data-page=\"502\">"
      "Start Printed Page 502</span>stockpiles&nbsp;now</p><script>var x=1;</script>";
  auto docs = Read("/fx/EO_99001.html", html);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "eo:99001");
  EXPECT_EQ(docs[0].title, "Securing “Imaginary” Supplies");
  EXPECT_NE(docs[0].text.find("review of stockpiles now"), std::string::npos) << docs[0].text;
  EXPECT_EQ(docs[0].text.find("Printed"), std::string::npos);
  EXPECT_EQ(docs[0].text.find("var x"), std::string::npos);
}

TEST(ReadersTest, FederalRegisterJsonIsMetadata) {
  auto docs = ReadFixture("fr/EO_99001.json");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "eo:99001");
  EXPECT_EQ(docs[0].format, "fr-json");
  EXPECT_EQ(docs[0].meta.at("citation"), "80 FR 501");
  EXPECT_EQ(docs[0].meta.at("disposition_notes"), "Revokes: EO 99000, January 1, 2015");
  EXPECT_EQ(docs[0].meta.at("agencies"), "executive-office-of-the-president");
}

TEST(ReadersTest, WhiteHouseMarkdownFrontMatterAndEscapes) {
  auto docs = ReadFixture("wh/2025-02-01-an-order.md");
  ASSERT_EQ(docs.size(), 1u);
  const Document& d = docs[0];
  EXPECT_EQ(d.title, "Strengthening Imaginary Critical Mineral Supply Chains");
  EXPECT_EQ(d.date, "2025-02-01");
  EXPECT_EQ(d.kind, Kind::kExecutiveOrder);
  EXPECT_EQ(d.id, "eo:99002");  // the heading number since 2025
  EXPECT_EQ(d.url, "https://example.gov/presidential-actions/2025/02/an-order/");
  EXPECT_NE(d.text.find("Section 1. Purpose."), std::string::npos) << d.text;
  EXPECT_NE(d.text.find("map lithium and"), std::string::npos) << d.text;
  EXPECT_NE(d.text.find("with the Geological Survey"), std::string::npos) << d.text;
  EXPECT_EQ(d.text.find("span"), std::string::npos);
  EXPECT_EQ(d.meta.count("president"), 0u);  // attribution's (issue 9)
}

TEST(ReadersTest, KindsOfWhiteHouseAndChineseDocuments) {
  auto st = ReadFixture("wh/2023-05-20-a-statement.md");
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(st[0].kind, Kind::kStatement);
  EXPECT_EQ(st[0].id.rfind("doc:", 0), 0u);
  auto cn = ReadFixture("cn/export-note_2020-10-17.md");
  ASSERT_EQ(cn.size(), 1u);
  EXPECT_EQ(cn[0].title, "关于稀土出口管制的说明");
  EXPECT_EQ(cn[0].language, "zh");
  EXPECT_EQ(cn[0].date, "2020-10-17");
}

TEST(ReadersTest, PlainTextInLatin1IsConverted) {
  std::string latin1 = "Caf\xe9 au lait: the d\xe9partement's minerals, na\xefve reader, r\xe9sum\xe9 "
                       "\xe0 la fran\xe7" "aise, cr\xe8me br\xfbl\xe9" "e for everyone.\n";
  auto docs = Read("/fx/latin1.txt", latin1);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_NE(docs[0].text.find("Café au lait"), std::string::npos) << docs[0].text;
  EXPECT_NE(docs[0].text.find("crème brûlée"), std::string::npos);
}

TEST(ReadersTest, UslmCodeTitleYieldsOneDocumentPerSection) {
  std::string xml =
      "<?xml version=\"1.0\"?><uscDoc xmlns=\"http://xml.house.gov/schemas/uslm/1.0\" identifier=\"/us/usc/t30\">"
      "<meta><docNumber>30</docNumber><docPublicationName>Online@113-31</docPublicationName></meta><main><title>"
      "<section identifier=\"/us/usc/t30/s1601\"><num>§ 1601.</num><heading>Findings</heading>"
      "<content>Minerals are vital.</content><notes><note>Editorial note</note></notes></section>"
      "<section identifier=\"/us/usc/t30/s1602\"><num>§ 1602.</num><heading>Policy</heading>"
      "<content>See section 1601 of this title.</content></section></title></main></uscDoc>";
  auto docs = Read("/fx/usc30.xml", xml);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "usc:30/1601");
  EXPECT_EQ(docs[0].title, "Findings");
  EXPECT_EQ(docs[0].meta.at("citation"), "30 U.S.C. 1601");
  EXPECT_EQ(docs[0].kind, Kind::kLaw);
  EXPECT_NE(docs[0].text.find("Minerals are vital."), std::string::npos);
  EXPECT_EQ(docs[0].text.find("Editorial"), std::string::npos);
  EXPECT_EQ(docs[1].id, "usc:30/1602");
}

TEST(ReadersTest, UslmPublicLawAndBill) {
  std::string law =
      "<?xml version=\"1.0\"?><pLaw xmlns=\"http://schemas.gpo.gov/xml/uslm\"><meta><citableAs>Public Law 115–6"
      "</citableAs><citableAs>131 Stat. 11</citableAs></meta><preface><docNumber>115–6</docNumber></preface>"
      "<main><longTitle><officialTitle>To promote imaginary minerals.<sidenote><p>Feb. 28, 2017</p></sidenote>"
      "</officialTitle></longTitle><section><content>Be it enacted.</content></section></main></pLaw>";
  auto docs = Read("/fx/115publ6.xml", law);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "pl:115-6");
  EXPECT_EQ(docs[0].title, "To promote imaginary minerals.");
  EXPECT_EQ(docs[0].meta.at("statutes_at_large"), "131 Stat. 11");
  std::string bill =
      "<?xml version=\"1.0\"?><bill xmlns=\"http://schemas.gpo.gov/xml/uslm\"><meta><dc:title xmlns:dc=\"x\">116 HR "
      "2157 IH: Making things.</dc:title><citableAs>116 HR 2157 IH</citableAs></meta><main><p>Text</p></main></bill>";
  docs = Read("/fx/bill.xml", bill);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "bill:116/hr/2157");
}

TEST(ReadersTest, JatsArticleKeepsReferences) {
  std::string xml =
      "<?xml version=\"1.0\"?><!DOCTYPE article PUBLIC \"-//NLM//DTD JATS\" \"x.dtd\"><article><front><article-meta>"
      "<article-id pub-id-type=\"doi\">10.7554/eLife.99999</article-id><title-group><article-title>Imaginary "
      "gallium</article-title></title-group><contrib-group><contrib contrib-type=\"author\"><name><surname>Doe"
      "</surname><given-names>Jane</given-names></name></contrib></contrib-group><pub-date><day>5</day><month>6"
      "</month><year>2014</year></pub-date><abstract><p>We study gallium.</p></abstract></article-meta></front>"
      "<body><sec><p>Body text.</p></sec></body><back><ref-list><ref id=\"bib1\"><element-citation><year>2001"
      "</year><article-title>Old work</article-title><pub-id pub-id-type=\"doi\">10.1000/OLD</pub-id>"
      "</element-citation></ref><ref id=\"bib2\"><mixed-citation>A book, 1999.</mixed-citation></ref></ref-list>"
      "</back></article>";
  auto docs = Read("/fx/elife99999.xml", xml);
  ASSERT_EQ(docs.size(), 1u);
  const Document& d = docs[0];
  EXPECT_EQ(d.id, "doi:10.7554/elife.99999");
  EXPECT_EQ(d.kind, Kind::kPaper);
  EXPECT_EQ(d.title, "Imaginary gallium");
  EXPECT_EQ(d.authors, std::vector<std::string>{"Jane Doe"});
  EXPECT_EQ(d.date, "2014-06-05");
  ASSERT_EQ(d.references.size(), 2u);
  EXPECT_EQ(d.references[0].doi, "10.1000/old");
  EXPECT_EQ(d.references[0].year, "2001");
  EXPECT_EQ(d.references[1].text, "A book, 1999.");
  EXPECT_NE(d.text.find("We study gallium."), std::string::npos);
  EXPECT_NE(d.text.find("Body text."), std::string::npos);
}

// issue 15: author keywords, the publisher's other keyword groups, and the
// affiliations with the authors that point to them.
TEST(ReadersTest, JatsKeywordsAndAffiliations) {
  std::string xml =
      "<?xml version=\"1.0\"?><article><front><article-meta>"
      "<article-id pub-id-type=\"doi\">10.7554/eLife.99998</article-id><title-group><article-title>Imaginary "
      "cobalt</article-title></title-group><contrib-group>"
      "<contrib contrib-type=\"author\"><name><surname>Doe</surname><given-names>Jane</given-names></name>"
      "<xref ref-type=\"aff\" rid=\"aff1\">1</xref><xref ref-type=\"aff\" rid=\"aff2\">2</xref></contrib>"
      "<contrib contrib-type=\"author\"><name><surname>Roe</surname><given-names>Rich</given-names></name>"
      "<xref ref-type=\"aff\" rid=\"aff2\">2</xref></contrib>"
      "<aff id=\"aff1\"><label>1</label><institution content-type=\"dept\">Department of Pretend Chemistry"
      "</institution>, <institution>Fiction University</institution>, <addr-line><named-content "
      "content-type=\"city\">Fictown</named-content></addr-line>, <country>United States</country></aff>"
      "<aff id=\"aff2\"><institution>Imaginary Institute</institution>, <country>France</country></aff>"
      "</contrib-group><kwd-group kwd-group-type=\"author-keywords\"><title>Author keywords</title><kwd>cobalt"
      "</kwd><kwd>pretend  chemistry</kwd></kwd-group><kwd-group kwd-group-type=\"research-organism\"><title>"
      "Research organism</title><kwd>Human</kwd></kwd-group></article-meta></front><body><p>x</p></body></article>";
  auto docs = Read("/fx/elife99998.xml", xml);
  ASSERT_EQ(docs.size(), 1u);
  const Document& d = docs[0];
  EXPECT_EQ(d.keywords, (std::vector<std::string>{"cobalt", "pretend chemistry"}));
  EXPECT_EQ(d.index_keywords, std::vector<std::string>{"Human"});
  ASSERT_EQ(d.affiliations.size(), 2u);
  EXPECT_EQ(d.affiliations[0].organization, "Fiction University");  // not the department
  EXPECT_EQ(d.affiliations[0].country, "United States");
  EXPECT_EQ(d.affiliations[0].address, "Department of Pretend Chemistry, Fiction University, Fictown, United States");
  EXPECT_EQ(d.affiliations[0].authors, std::vector<std::string>{"Jane Doe"});
  EXPECT_EQ(d.affiliations[1].authors, (std::vector<std::string>{"Jane Doe", "Rich Roe"}));
}

TEST(ReadersTest, JsonLinesPapers) {
  auto docs = ReadFixture("papers/sample.jsonl");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "doi:10.1234/imag.1");
  EXPECT_EQ(docs[0].authors, std::vector<std::string>{"Ada Lovelace"});
  EXPECT_EQ(docs[0].date, "2021-01-01");
  EXPECT_EQ(docs[0].meta.at("outbound_citations"), "1002");
  EXPECT_EQ(docs[1].id, "s2:1002");
}

TEST(ReadersTest, BadFilesAreErrorsThatNameTheProblem) {
  auto xml = ReadDocuments("fr-xml", FileInput{"/fx/bad.xml", "k", Slurp("mini/bad/EO_99003.xml")});
  ASSERT_FALSE(xml.ok());
  EXPECT_NE(xml.status().message().find("malformed XML"), std::string::npos) << xml.status().message();
  EXPECT_NE(xml.status().message().find("line"), std::string::npos);
  auto json = ReadDocuments("fr-json", FileInput{"/fx/broken.json", "k", Slurp("mini/bad/broken.json")});
  ASSERT_FALSE(json.ok());
  EXPECT_NE(json.status().message().find("invalid JSON"), std::string::npos);
  auto lines = ReadDocuments("jsonl", FileInput{"/fx/x.jsonl", "k", "{\"title\":\"ok\"}\n{oops\n"});
  ASSERT_FALSE(lines.ok());
  EXPECT_NE(lines.status().message().find("line 2"), std::string::npos);
}


// ---------------------------------------------------------------- issue 9

Document ReadOne(const std::string& path, const std::string& bytes) {
  auto docs = Read(path, bytes);
  EXPECT_EQ(docs.size(), 1u) << path;
  return docs.empty() ? Document{} : docs[0];
}

TEST(Issue9OwnIdTest, PlainTextThatOpensWithItsNumberIsThatOrder) {  // issue 9
  Document d = ReadOne("/fx/eo.txt",
                       "Executive Order 12003 of May 1, 2001\nProtecting Small Things\n\n"
                       "By the authority vested in me as President, it is hereby ordered:\n\nSection 1. Policy.\n");
  EXPECT_EQ(d.id, "eo:12003");
  EXPECT_EQ(d.kind, Kind::kExecutiveOrder);
  EXPECT_EQ(d.number, "12003");
  EXPECT_EQ(d.date, "2001-05-01");
  EXPECT_EQ(d.title, "Protecting Small Things");
  // One line: heading, date and title.
  d = ReadOne("/fx/eo2.txt", "Executive Order 12004 of June 2, 2001 Guarding Other Things\n\nSection 1.\n");
  EXPECT_EQ(d.id, "eo:12004");
  EXPECT_EQ(d.title, "Guarding Other Things");
}

TEST(Issue9OwnIdTest, NumbersCitedInTheFirstLinesAreNotTheDocument) {  // issue 9
  for (const char* text : {
           "Executive Order 12003 of May 1, 2001, revoked the earlier order.\n",
           "Executive Order 12003 of May 1, 2001 (Protecting Small Things), as amended, stays.\n",
           "Executive Order 12003 is amended by adding a section.\n",
           "On May 1, 2001, by Executive Order 12003, the President declared an emergency.\n",
           "A Proclamation\n\nOn December 28, 2016, President Obama issued Proclamation 9558.\n",
       }) {
    Document d = ReadOne("/fx/cites.txt", text);
    EXPECT_EQ(d.id.rfind("doc:", 0), 0u) << text << " -> " << d.id;
  }
  // An order page that opens by citing another order, and a page about an order.
  Document d = ReadOne("/fx/later-order.md",
                       "---\ntitle: Restoring Things\n---\nExecutive Order 14148 of January 20, 2025 (Initial "
                       "Rescissions), revoked the order on things.\n\nBy the authority vested in me, it is hereby "
                       "ordered:\n");
  EXPECT_EQ(d.id.rfind("doc:", 0), 0u) << d.id;
  EXPECT_EQ(d.kind, Kind::kExecutiveOrder);
  d = ReadOne("/fx/about.html",
              "<html><body><p>Under Executive Order 12005 of July 3, 2001, agencies keep things.</p></body></html>");
  EXPECT_EQ(d.id.rfind("doc:", 0), 0u) << d.id;
}

TEST(Issue9OwnIdTest, MarkdownAndHtmlStateTheirNumbers) {  // issue 9
  Document d = ReadOne("/fx/proc.md", "---\ntitle: Honoring Someone\n---\nProclamation 10001\n\nA PROCLAMATION\n");
  EXPECT_EQ(d.id, "proc:10001");
  EXPECT_EQ(d.kind, Kind::kProclamation);
  EXPECT_EQ(d.title, "Honoring Someone");  // the front matter's title stays
  d = ReadOne("/fx/pd.md",
              "---\ntitle: Memorandum on a Determination\n---\n \nPresidential Determination\u00a0 \nNo.\u00a0\u00a0"
              "2022-07\n\nMEMORANDUM FOR THE SECRETARY OF DEFENSE\n");
  EXPECT_EQ(d.id, "pd:2022-07");
  EXPECT_EQ(d.kind, Kind::kPresidentialMemorandum);
  d = ReadOne("/fx/pl.md", "Public Law 117\xE2\x80\x93" "169\n117th Congress\n\nAn Act\n");
  EXPECT_EQ(d.id, "pl:117-169");
  EXPECT_EQ(d.kind, Kind::kLaw);
  d = ReadOne("/fx/page.html",
              "<html><body><p>Executive Order 12005 of July 3, 2001</p><p>Keeping Things</p>"
              "<p>By the authority vested in me ...</p></body></html>");
  EXPECT_EQ(d.id, "eo:12005");
  EXPECT_EQ(d.date, "2001-07-03");
}

TEST(Issue9VersionTest, ChineseLawVersionsAreDatedByTheirLatestRevisionAndRelated) {  // issue 9
  const std::string v2009 =
      "# 中华人民共和国样例法\n\n"
      "1986年3月19日 第六届全国人民代表大会常务委员会第十五次会议通过\n\n"
      "1996年8月29日 第八届全国人民代表大会常务委员会第二十一次会议《关于修改〈中华人民共和国样例法〉的决定》第一次修正\n\n"
      "2009年8月27日 第十一届全国人民代表大会常务委员会第十次会议《关于修改部分法律的决定》第二次修正\n\n"
      "<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了样例，制定本法。\n";
  Document d = ReadOne("/fx/cn/sample-law_2009.md", v2009);
  EXPECT_EQ(d.kind, Kind::kLaw);
  EXPECT_EQ(d.date, "2009-08-27");
  EXPECT_EQ(d.id, "cnlaw:中华人民共和国样例法@2009-08-27");
  ASSERT_EQ(d.relations.size(), 1u);
  EXPECT_EQ(d.relations[0].type, RelationType::kSupersedes);
  EXPECT_EQ(d.relations[0].target, "cnlaw:中华人民共和国样例法@1996-08-29");
  // A regulation adopted, promulgated and put in force: the promulgation
  // dates it, entry into force makes no version, and nothing is superseded.
  d = ReadOne("/fx/cn/sample-regs.md",
              "# 中华人民共和国样例条例\n\n2001年10月31日 国务院第46次常务会议通过\n\n"
              "2001年12月10日 中华人民共和国国务院令第332号公布\n\n2002年1月1日 施行\n\n<!-- INFO END -->\n\n"
              "第一条 为了样例，制定本条例。\n");
  EXPECT_EQ(d.kind, Kind::kRegulation);
  EXPECT_EQ(d.date, "2001-12-10");
  EXPECT_EQ(d.id, "cnlaw:中华人民共和国样例条例@2001-12-10");
  EXPECT_TRUE(d.relations.empty());
  // A note about a law (no promulgation history) keeps its own id.
  d = ReadOne("/fx/cn/note.md", "---\ntitle: \"中华人民共和国样例法（2009年修正）\"\ndate: 2009-08-27\nkind: law\n---\n\n"
                                "《中华人民共和国样例法》最早于1986年3月19日通过。\n");
  EXPECT_EQ(d.id.rfind("doc:", 0), 0u) << d.id;
}

}  // namespace
}  // namespace lodestone
