// The bibliographic export readers (Web of Science plain text, Scopus CSV,
// BibTeX, RIS) on small invented fixtures in fixtures/papers-formats/.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "lodestone/ingest/readers.h"

namespace lodestone {
namespace {

std::string Slurp(const std::string& rel) {
  std::ifstream in(std::string(LODE_FIXTURES) + "/papers-formats/" + rel, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Detects and reads a fixture; `format` is the expected detection.
std::vector<Document> ReadAs(const std::string& rel, const std::string& format) {
  std::string bytes = Slurp(rel);
  EXPECT_FALSE(bytes.empty()) << rel;
  Detection det = DetectFormat("/fx/" + rel, bytes);
  EXPECT_EQ(det.format, format) << rel << ": " << det.skip_reason;
  auto r = ReadDocuments(format, FileInput{"/fx/" + rel, "papers-formats/" + rel, bytes});
  EXPECT_TRUE(r.ok()) << rel << ": " << r.status().message();
  return r.ok() ? *r : std::vector<Document>{};
}

const Document* ById(const std::vector<Document>& docs, const std::string& id) {
  for (const auto& d : docs)
    if (d.id == id) return &d;
  return nullptr;
}

bool HasAlias(const Document& d, const std::string& alias) {
  for (const auto& a : d.aliases)
    if (a == alias) return true;
  return false;
}

std::string Meta(const Document& d, const std::string& key) {
  auto it = d.meta.find(key);
  return it == d.meta.end() ? std::string() : it->second;
}

TEST(BibliographicDetectTest, ExportsAreRecognisedByContent) {
  struct Case {
    const char* path;
    const char* head;
    const char* format;  // "" = skipped with a reason
  } cases[] = {
      {"a/savedrecs.txt", "\xEF\xBB\xBF" "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\n", "wos"},
      {"a/old.txt", "FN Thomson Reuters Web of Science\xE2\x84\xA2\r\nVR 1.0\r\nPT J\r\n", "wos"},
      {"a/export.ciw", "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\n", "wos"},
      {"a/x.txt", "FN only a header line", ""},
      {"a/x.ris", "\r\nTY  - JOUR\r\nTI  - x\r\nER  - \r\n", "ris"},
      {"a/x.txt", "TY  - JOUR\nER  - \n", "ris"},
      {"a/x.ris", "not RIS at all", ""},
      {"a/scopus.bib", "Scopus\nEXPORT DATE: 1 January 2025\n\n@ARTICLE{k1,\ntitle={t}}\n", "bibtex"},
      {"a/x.bib", "@article{", "bibtex"},
      {"a/x.bib", "% just a comment, mail me@example.org\n", ""},
      {"a/scopus.csv", "\xEF\xBB\xBF\"Authors\",\"Title\",\"Year\",\"Source title\",\"Link\",\"EID\"\n", "scopus-csv"},
      {"a/index.csv", "citation,document_number,end_page,html_url,title\n60 FR 1,95-1,2,x,y\n", ""},
      {"a/x.tsv", "PT\tAU\tTI\n", ""},
      {"a/notes.txt", "Plain notes that mention PT J somewhere\nPT J\n", "text"},
  };
  for (const auto& c : cases) {
    Detection d = DetectFormat(c.path, c.head);
    EXPECT_EQ(d.format, c.format) << c.path << " " << c.head;
    if (d.format.empty()) {
      EXPECT_FALSE(d.skip_reason.empty()) << c.path;
    }
  }
}

TEST(WebOfScienceTest, RecordsFieldsAndIds) {
  // BOM, CRLF line endings, continuation lines, two records, EF without a final newline.
  auto docs = ReadAs("savedrecs-fixture.txt", "wos");
  ASSERT_EQ(docs.size(), 2u);

  const Document* a = ById(docs, "doi:10.5555/jie.2018.042");  // DI lowercased
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->kind, Kind::kPaper);
  EXPECT_EQ(a->format, "wos");
  EXPECT_EQ(a->title, "Counting imaginary newts with marked ribbons: a capture-recapture study in a fictional marsh");
  ASSERT_EQ(a->authors.size(), 2u);  // AF full names, continuation line included
  EXPECT_EQ(a->authors[0], "Quill, Rosalind T.");
  EXPECT_EQ(a->authors[1], "Marsh, Anselm");
  EXPECT_EQ(Meta(*a, "authors_short"), "Quill, RT; Marsh, A");
  EXPECT_EQ(a->date, "2018-06-12");  // PY 2018, PD JUN 12
  EXPECT_EQ(a->language, "en");
  EXPECT_TRUE(HasAlias(*a, "wos:000000000000001"));
  EXPECT_TRUE(HasAlias(*a, "pmid:99900001"));
  EXPECT_EQ(Meta(*a, "journal"), "JOURNAL OF IMAGINARY ECOLOGY");
  EXPECT_EQ(Meta(*a, "journal_abbrev"), "J IMAG ECOL");
  EXPECT_EQ(Meta(*a, "volume"), "42");
  EXPECT_EQ(Meta(*a, "issue"), "3");
  EXPECT_EQ(Meta(*a, "page"), "101");
  EXPECT_EQ(Meta(*a, "publisher"), "IMAGINARY PRESS");
  EXPECT_EQ(Meta(*a, "times_cited"), "7");
  EXPECT_EQ(Meta(*a, "keywords"), "capture-recapture; newts; ribbons");
  // issue 15: keywords one per entry, and the C1 addresses (authors, organisation, country).
  EXPECT_EQ(a->keywords, (std::vector<std::string>{"capture-recapture", "newts", "ribbons"}));
  EXPECT_EQ(a->index_keywords, (std::vector<std::string>{"POPULATION-SIZE", "SURVIVAL"}));
  ASSERT_EQ(a->affiliations.size(), 3u);
  EXPECT_EQ(a->affiliations[0].authors, (std::vector<std::string>{"Quill, Rosalind T.", "Marsh, Anselm"}));
  EXPECT_EQ(a->affiliations[0].organization, "Univ Fict");
  EXPECT_EQ(a->affiliations[0].country, "Peoples R China");
  EXPECT_EQ(a->affiliations[0].address, "Univ Fict, Dept Imaginary Zool, Fictown 12345, Peoples R China");
  EXPECT_EQ(a->affiliations[1].organization, "Pretend State Univ");
  EXPECT_EQ(a->affiliations[1].country, "USA");  // "MA 02139 USA"
  EXPECT_TRUE(a->affiliations[2].authors.empty());  // an address without the [authors] part
  EXPECT_EQ(a->affiliations[2].organization, "Imaginary Inst Newts");
  EXPECT_EQ(a->affiliations[2].country, "England");
  // Title, abstract (continuation joined) and keywords are searchable text.
  EXPECT_NE(a->text.find("counted them again. Gallium tags"), std::string::npos) << a->text;
  EXPECT_NE(a->text.find("POPULATION-SIZE"), std::string::npos);
  EXPECT_EQ(a->text.find("\r"), std::string::npos);

  // Every CR line is one reference, whatever its shape.
  ASSERT_EQ(a->references.size(), 10u);
  const auto& r = a->references;
  EXPECT_EQ(r[0].text, "Brindle KP, 1991, J IMAG STAT, V12, P345, DOI 10.5555/jis.1991.012");
  ASSERT_EQ(r[0].authors.size(), 1u);
  EXPECT_EQ(r[0].authors[0], "Brindle KP");
  EXPECT_EQ(r[0].year, "1991");
  EXPECT_EQ(r[0].journal, "J IMAG STAT");
  EXPECT_EQ(r[0].volume, "12");
  EXPECT_EQ(r[0].page, "345");
  EXPECT_EQ(r[0].doi, "10.5555/jis.1991.012");
  EXPECT_TRUE(r[1].authors.empty());  // [Anonymous]
  EXPECT_EQ(r[1].year, "2016");
  EXPECT_EQ(r[1].journal, "R LANG ENV STAT COMP");
  EXPECT_EQ(r[2].authors.at(0), "Otter D.L.");  // a monograph: page, no volume
  EXPECT_EQ(r[2].page, "1");
  EXPECT_TRUE(r[2].volume.empty());
  EXPECT_EQ(r[3].doi, "10.5555/ef.2005.20");  // the first of a bracketed DOI list
  EXPECT_EQ(r[3].volume, "20");
  EXPECT_EQ(r[4].authors.at(0), "Wren B");  // no year
  EXPECT_TRUE(r[4].year.empty());
  EXPECT_EQ(r[4].journal, "BIOL IMAGINARY LEMMINGS");
  EXPECT_TRUE(r[5].authors.empty());  // starts with the year
  EXPECT_EQ(r[5].year, "2014");
  EXPECT_EQ(r[5].volume, "15");
  EXPECT_EQ(r[6].doi, "10.5555/elf.2012.9");  // "DOI DOI 10..." and upper case
  EXPECT_TRUE(r[6].page.empty());
  // References naming laws and orders keep them in their text (the extractor's bridge).
  EXPECT_EQ(r[7].text, "US Congress, 2022, PUBLIC LAW 117-169");
  EXPECT_NE(r[8].text.find("EXECUTIVE ORDER 13817"), std::string::npos);
  EXPECT_EQ(r[9].page, "S485");  // "pS485"
  EXPECT_EQ(r[9].volume, "152");

  // A record without DI: the accession number is the id; Early Access dates.
  const Document* b = ById(docs, "wos:000000000000002");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->title, "A second record without a DOI");
  EXPECT_EQ(b->date, "2019-07-01");  // EY 2019, EA JULY
  EXPECT_EQ(b->language, "fr");
  EXPECT_EQ(Meta(*b, "page"), "e0012345");  // AR when there is no BP
  EXPECT_TRUE(b->keywords.empty());
  EXPECT_TRUE(b->affiliations.empty());
  EXPECT_TRUE(b->aliases.empty());           // its id is already wos:
  ASSERT_EQ(b->references.size(), 1u);
  EXPECT_EQ(b->references[0].doi, "10.5555/jie.2018.042");  // cites the first record
}

TEST(WebOfScienceTest, RecordWithoutTitleOrIdsIsStillAPaper) {
  std::string bytes = "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Doe, J\nPY 2001\nCR Roe R, 1999, X, V1, P2\nER\n";
  auto r = ReadDocuments("wos", FileInput{"/fx/x.txt", "k/x.txt", bytes});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 1u);
  const Document& d = (*r)[0];
  EXPECT_EQ(d.kind, Kind::kPaper);
  EXPECT_EQ(d.id.rfind("doc:", 0), 0u) << d.id;
  EXPECT_FALSE(d.title.empty());
  EXPECT_EQ(d.date, "2001-01-01");
  EXPECT_EQ(d.references.size(), 1u);
}

TEST(ScopusCsvTest, QuotedMultiLineFieldsAndReferences) {
  auto docs = ReadAs("scopus-fixture.csv", "scopus-csv");
  ASSERT_EQ(docs.size(), 2u);
  const Document* a = ById(docs, "doi:10.5555/jfr.2024.17.201");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->format, "scopus-csv");
  EXPECT_EQ(a->kind, Kind::kPaper);
  EXPECT_EQ(a->title, "Mapping imaginary lithium, cobalt and nickel flows: a bibliometric study");
  ASSERT_EQ(a->authors.size(), 2u);  // "Author full names" without the Scopus author ids
  EXPECT_EQ(a->authors[0], "Tern, Alma");
  EXPECT_EQ(a->authors[1], "Plover, Bertram C.");
  EXPECT_EQ(a->date, "2024-01-01");
  EXPECT_TRUE(HasAlias(*a, "scopus:2-s2.0-900000000001"));
  EXPECT_TRUE(HasAlias(*a, "pmid:99900002"));
  EXPECT_EQ(Meta(*a, "journal"), "Journal of Fictional Resources");
  EXPECT_EQ(Meta(*a, "volume"), "17");
  EXPECT_EQ(Meta(*a, "issue"), "2");
  EXPECT_EQ(Meta(*a, "page"), "201");
  EXPECT_EQ(Meta(*a, "times_cited"), "5");
  EXPECT_EQ(Meta(*a, "publisher"), "Fiction House");
  EXPECT_EQ(a->keywords, (std::vector<std::string>{"lithium", "cobalt", "bibliometrics"}));
  EXPECT_EQ(a->index_keywords, (std::vector<std::string>{"Minerals", "Supply chains"}));
  ASSERT_EQ(a->affiliations.size(), 2u);  // "; " between addresses
  EXPECT_EQ(a->affiliations[0].organization, "Department of Imaginary Geology, University of Fiction, Fictown");
  EXPECT_EQ(a->affiliations[0].country, "Italy");
  EXPECT_EQ(a->affiliations[1].country, "China");
  // The quoted abstract keeps its line break, commas and doubled quotes.
  EXPECT_NE(a->text.find("Line one of the abstract, with commas.\nLine two says \"quoted\" words; and a semicolon."),
            std::string::npos)
      << a->text;

  // "; " separates references and also the authors of one reference.
  ASSERT_EQ(a->references.size(), 4u);
  const auto& r = a->references;
  EXPECT_EQ(r[0].text, "Gull C.; Skua D.; Auk E., Imaginary supply chains: a review, Resour Fict, 12, 3, pp. 45-67, (2019)");
  ASSERT_EQ(r[0].authors.size(), 3u);
  EXPECT_EQ(r[0].authors[0], "Gull C.");
  EXPECT_EQ(r[0].title, "Imaginary supply chains: a review");
  EXPECT_EQ(r[0].journal, "Resour Fict");
  EXPECT_EQ(r[0].volume, "12");
  EXPECT_EQ(r[0].page, "45");
  EXPECT_EQ(r[0].year, "2019");
  EXPECT_TRUE(r[1].authors.empty());  // no authors
  EXPECT_EQ(r[1].title, "The world of imaginary metals");
  EXPECT_EQ(r[1].volume, "5");
  EXPECT_EQ(r[1].year, "2021");
  ASSERT_EQ(r[2].authors.size(), 2u);  // initials without dots
  EXPECT_EQ(r[2].authors[0], "Petrel GA");
  EXPECT_EQ(r[2].page, "e101");
  EXPECT_NE(r[2].text.find("Executive Order 13817"), std::string::npos);
  EXPECT_EQ(r[3].title, "Counting things; and other essays");  // "; " inside a title
  EXPECT_EQ(r[3].year, "2015");

  // No DOI: the EID is the id; "NA" is no value.
  const Document* b = ById(docs, "scopus:2-s2.0-900000000002");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->language, "es");
  EXPECT_EQ(Meta(*b, "volume"), "");
  EXPECT_EQ(Meta(*b, "page"), "e77");  // the article number
  EXPECT_TRUE(b->references.empty());
  EXPECT_TRUE(b->affiliations.empty());  // "[No affiliation available]"
}

TEST(BibtexTest, ScopusAndGenericEntries) {
  auto docs = ReadAs("refs-fixture.bib", "bibtex");
  ASSERT_EQ(docs.size(), 3u);  // the @comment and @string are not records

  const Document* a = ById(docs, "doi:10.5555/jfr.2024.bib");  // resolver URL stripped
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->format, "bibtex");
  EXPECT_EQ(a->kind, Kind::kPaper);
  EXPECT_EQ(a->title, "Imaginary rare earth flows: the Überblick of nested braces");
  ASSERT_EQ(a->authors.size(), 2u);  // Scopus: comma list, affiliation letters dropped
  EXPECT_EQ(a->authors[0], "Tern, A.");
  EXPECT_EQ(a->authors[1], "Plover, B.C.");
  EXPECT_EQ(a->date, "2024-01-01");
  EXPECT_TRUE(HasAlias(*a, "bib:tern2024201"));
  EXPECT_TRUE(HasAlias(*a, "scopus:2-s2.0-900000000003"));  // from the Scopus link
  EXPECT_EQ(Meta(*a, "journal"), "Journal of Fictional Resources");  // @string macro
  EXPECT_EQ(Meta(*a, "volume"), "17");
  EXPECT_EQ(Meta(*a, "issue"), "2");
  EXPECT_EQ(Meta(*a, "page"), "201");
  EXPECT_EQ(Meta(*a, "times_cited"), "3");
  EXPECT_NE(a->text.find("gallium and germanium"), std::string::npos);
  // Scopus BibTeX: author_keywords are the authors', keywords the index's.
  EXPECT_EQ(a->keywords, (std::vector<std::string>{"rare earths", "gallium"}));
  EXPECT_EQ(a->index_keywords, (std::vector<std::string>{"Rare Earth Elements", "Supply Chains"}));
  ASSERT_EQ(a->affiliations.size(), 2u);
  EXPECT_EQ(a->affiliations[1].organization, "Institute of Pretend Metals, Beijing");
  EXPECT_EQ(a->affiliations[1].country, "China");

  // Older Scopus reference layout, with two references glued together.
  ASSERT_EQ(a->references.size(), 4u);
  const auto& r = a->references;
  ASSERT_EQ(r[0].authors.size(), 2u);
  EXPECT_EQ(r[0].authors[0], "Gull, C.");
  EXPECT_EQ(r[0].title, "Imaginary supply chains: a review");
  EXPECT_EQ(r[0].year, "2019");
  EXPECT_EQ(r[0].journal, "Resources Fiction");
  EXPECT_EQ(r[0].volume, "12");
  EXPECT_EQ(r[0].page, "45");
  EXPECT_EQ(r[1].text, "Auk, E., The world of imaginary metals (2021), Fict Press");
  EXPECT_TRUE(r[1].journal.empty());  // a publisher, not a journal
  EXPECT_EQ(r[2].authors.at(0), "Petrel, G.");
  EXPECT_EQ(r[2].title, "Executive Order 13817 and critical minerals");
  EXPECT_EQ(r[2].page, "101");
  EXPECT_EQ(r[3].title, "Counting Things");  // a book: "(2015) Title, , Publisher"
  EXPECT_EQ(r[3].year, "2015");

  // Generic BibTeX: quoted values, "and", LaTeX accents, month macro, no DOI.
  const Document* b = ById(docs, "bib:muller:2019-antimony");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->title, "Antimony in NATO stockpiles – a fictional view");
  ASSERT_EQ(b->authors.size(), 3u);
  EXPECT_EQ(b->authors[0], "Müller, Jérôme");
  EXPECT_EQ(b->authors[1], "Straße, Anna");
  EXPECT_EQ(b->authors[2], "Imaginary Minerals Group");
  EXPECT_EQ(b->date, "2019-03-01");
  EXPECT_EQ(Meta(*b, "journal"), "Proceedings of the Imaginary Conference");  // booktitle
  EXPECT_EQ(Meta(*b, "page"), "10");
  EXPECT_EQ(b->keywords, (std::vector<std::string>{"antimony", "stockpiles", "NATO"}));  // BibTeX's comma list

  const Document* c = ById(docs, "bib:fict-book");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->date, "1999-01-01");
  EXPECT_EQ(c->authors.at(0), "Osprey, Harriet");  // the editor when there is no author
  EXPECT_EQ(Meta(*c, "publisher"), "Fict Press");
}

TEST(RisTest, MixedLineEndingsAndIds) {
  auto docs = ReadAs("ieee-fixture.ris", "ris");
  ASSERT_EQ(docs.size(), 2u);
  const Document* a = ById(docs, "doi:10.5555/jfc.2019.42");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->format, "ris");
  EXPECT_EQ(a->kind, Kind::kPaper);
  EXPECT_EQ(a->title, "Imaginary exascale minerals");
  ASSERT_EQ(a->authors.size(), 2u);  // the repeated AU line counted once
  EXPECT_EQ(a->authors[0], "A. Kite");
  EXPECT_EQ(a->date, "2019-03-15");
  EXPECT_EQ(Meta(*a, "journal"), "Journal of Fictional Computing");
  EXPECT_EQ(Meta(*a, "volume"), "21");
  EXPECT_EQ(Meta(*a, "issue"), "1");
  EXPECT_EQ(Meta(*a, "page"), "42");
  EXPECT_EQ(Meta(*a, "keywords"), "lithium; computing; exascale; HPC");
  EXPECT_EQ(a->keywords, (std::vector<std::string>{"lithium", "computing", "exascale", "HPC"}));  // a "; " list on one KW line
  ASSERT_EQ(a->affiliations.size(), 1u);
  EXPECT_EQ(a->affiliations[0].organization, "Dept of Pretend Computing, Univ of Fiction, Fictown");
  EXPECT_EQ(a->affiliations[0].country, "Australia");
  EXPECT_NE(a->text.find("An abstract that is wrapped onto a second line."), std::string::npos) << a->text;
  EXPECT_TRUE(a->references.empty());

  // No DOI: "ris:" + a stable hash of title and year.
  const Document& b = a == &docs[0] ? docs[1] : docs[0];
  EXPECT_EQ(b.id.rfind("ris:", 0), 0u) << b.id;
  EXPECT_EQ(b.id.size(), 16u) << b.id;
  EXPECT_EQ(b.title, "A conference paper without a DOI");
  EXPECT_EQ(b.date, "2020-01-01");
  EXPECT_EQ(Meta(b, "journal"), "2020 Imaginary Conference on Minerals");
  auto again = ReadAs("ieee-fixture.ris", "ris");
  ASSERT_EQ(again.size(), 2u);
  EXPECT_NE(ById(again, b.id), nullptr);  // the same id every time
}

// issue 15: Chinese keyword lists are split on full-width semicolons and
// commas, and Chinese names and keywords are kept exactly as written.
TEST(RisTest, ChineseKeywordsAndNamesAsWritten) {
  std::string bytes =
      "TY  - JOUR\nTI  - 美国关键矿产战略研究\nAU  - 王小明\nAU  - 欧阳 娜娜\nPY  - 2021\n"
      "KW  - 关键矿产；稀土；\nKW  - Supply Chain\nAD  - 中国地质大学（武汉）经济管理学院, 武汉, 中国\nER  - \n";
  auto r = ReadDocuments("ris", FileInput{"/fx/cn.ris", "k/cn.ris", bytes});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 1u);
  const Document& d = (*r)[0];
  EXPECT_EQ(d.authors, (std::vector<std::string>{"王小明", "欧阳 娜娜"}));
  EXPECT_EQ(d.keywords, (std::vector<std::string>{"关键矿产", "稀土", "Supply Chain"}));
  ASSERT_EQ(d.affiliations.size(), 1u);
  EXPECT_EQ(d.affiliations[0].organization, "中国地质大学（武汉）经济管理学院, 武汉");
  EXPECT_EQ(d.affiliations[0].country, "中国");
}

}  // namespace
}  // namespace lodestone
