// Paper readers: CSL-JSON, Crossref and OpenAlex work records, S2ORC
// citations as references, and PDF (text layer, title, authors, year, DOI,
// printed reference list; scanned and encrypted files fail with a reason).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "lodestone/index/searcher.h"
#include "lodestone/ingest/pipeline.h"
#include "lodestone/ingest/readers.h"

namespace fs = std::filesystem;

namespace lodestone {
namespace {

const std::string kDir = std::string(LODE_FIXTURES) + "/papers-json/";

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Detects the fixture's format, checks it, and reads it.
Result<std::vector<Document>> ReadAs(const std::string& name, const std::string& format) {
  std::string bytes = Slurp(kDir + name);
  EXPECT_FALSE(bytes.empty()) << name;
  Detection det = DetectFormat("/fx/" + name, std::string_view(bytes).substr(0, 64 * 1024));
  EXPECT_EQ(det.format, format) << name << ": " << det.skip_reason;
  return ReadDocuments(format, FileInput{"/fx/" + name, "papers-json/" + name, bytes});
}

std::vector<Document> Read(const std::string& name, const std::string& format) {
  auto r = ReadAs(name, format);
  EXPECT_TRUE(r.ok()) << name << ": " << r.status().message();
  return r.ok() ? *r : std::vector<Document>{};
}

bool HasAlias(const Document& d, const std::string& id) {
  return std::find(d.aliases.begin(), d.aliases.end(), id) != d.aliases.end();
}

using Strings = std::vector<std::string>;

TEST(PaperJsonDetectTest, PaperRecordsAreToldApartFromFederalRegisterJson) {
  struct Case {
    const char* head;
    const char* format;
  } cases[] = {
      {R"([{"id":"a","type":"article-journal","title":"T","issued":{"date-parts":[[2020]]}}])", "csl-json"},
      {R"([{"id":"a","type":"book","title":"T"}])", "csl-json"},
      {R"({"id":"a","title":"T","DOI":"10.1/x","container-title":"J"})", "csl-json"},
      {R"({"status":"ok","message-type":"work","message":{"DOI":"10.1/x"}})", "crossref-json"},
      {R"({"indexed":{},"reference-count":0,"DOI":"10.1/x","title":["T"],"container-title":["J"]})", "crossref-json"},
      {R"({"id":"https://openalex.org/W1","doi":null,"title":"T"})", "openalex-json"},
      {R"({"meta":{"count":1},"results":[{"id":"https://openalex.org/W1"}]})", "openalex-json"},
      // Federal Register API records keep their formats.
      {R"({"document_number":"1","title":"T","issued":"x"})", "fr-json"},
      {R"({"count":2,"results":[{"document_number":"1"}]})", "fr-json-results"},
      {R"({"count":2,"results":[]})", "fr-json-results"},
      {R"([1, 2, 3])", "fr-json"},  // not a paper record: the FR reader reports it
  };
  for (const auto& c : cases) EXPECT_EQ(DetectFormat("/a/x.json", c.head).format, c.format) << c.head;
  EXPECT_EQ(DetectFormat("/a/x.pdf", "%PDF-1.4\n").format, "pdf");
  EXPECT_EQ(DetectFormat("/a/no-extension", "%PDF-1.7\n").format, "pdf");
}

TEST(PaperJsonTest, CslJsonArray) {
  auto docs = Read("csl.json", "csl-json");
  ASSERT_EQ(docs.size(), 3u);  // the item with neither title nor DOI is dropped
  const Document& a = docs[0];
  EXPECT_EQ(a.id, "doi:10.5555/jim.2020.7");
  EXPECT_EQ(a.kind, Kind::kPaper);
  EXPECT_EQ(a.format, "csl-json");
  EXPECT_EQ(a.title, "Gallium recovery from zinc residues");
  EXPECT_EQ(a.authors, (Strings{"Jane Doe", "John Q. Public"}));
  EXPECT_EQ(a.date, "2020-05-01");
  EXPECT_EQ(a.url, "https://example.org/jim/2020/7");
  EXPECT_EQ(a.meta.at("journal"), "Journal of Imaginary Metals");
  EXPECT_EQ(a.meta.at("volume"), "12");
  EXPECT_EQ(a.meta.at("issue"), "3");
  EXPECT_EQ(a.meta.at("page"), "101-110");
  EXPECT_EQ(a.meta.at("doi"), "10.5555/jim.2020.7");
  EXPECT_TRUE(HasAlias(a, "csl:doe2020"));
  EXPECT_TRUE(HasAlias(a, "pmid:31234567"));
  // Title and abstract, markup removed and entities decoded.
  EXPECT_EQ(a.text,
            "Gallium recovery from zinc residues\n\nWe recover gallium & germanium from zinc refinery residues.");
  EXPECT_EQ(a.language, "en");

  const Document& b = docs[1];
  EXPECT_EQ(b.id, "csl:roe2019");
  EXPECT_TRUE(b.aliases.empty());
  EXPECT_EQ(b.authors, Strings{"Institute of Imaginary Studies"});
  EXPECT_EQ(b.date, "2019-01-01");
  EXPECT_EQ(b.meta.at("volume"), "4");  // a number in the source
  EXPECT_EQ(b.meta.at("publisher"), "Imaginary Press");
  EXPECT_EQ(b.meta.count("journal"), 0u);

  EXPECT_EQ(docs[2].id, "csl:3");
  EXPECT_EQ(docs[2].date, "2018-06-01");  // date parts as strings, no day
}

TEST(PaperJsonTest, CslJsonSingleItem) {
  std::string one = R"({"id":"x1","type":"article","title":"One item","DOI":"https://doi.org/10.5555/ONE"})";
  auto r = ReadDocuments("csl-json", FileInput{"/fx/one.json", "k/one.json", one});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].id, "doi:10.5555/one");
  EXPECT_EQ((*r)[0].date, "");
}

TEST(PaperJsonTest, CrossrefWorkWithReferences) {
  auto docs = Read("crossref-work.json", "crossref-json");
  ASSERT_EQ(docs.size(), 1u);
  const Document& d = docs[0];
  EXPECT_EQ(d.id, "doi:10.5555/rp.2022.45");
  EXPECT_EQ(d.format, "crossref-json");
  EXPECT_EQ(d.kind, Kind::kPaper);
  EXPECT_EQ(d.title, "Rare earth supply chains after 2020");
  EXPECT_EQ(d.authors, (Strings{"Ann Poe", "Bo Li"}));
  EXPECT_EQ(d.date, "2022-03-01");  // "issued" (year and month) before "published-print"
  EXPECT_EQ(d.meta.at("journal"), "Resources Policy");
  EXPECT_EQ(d.meta.at("volume"), "45");
  EXPECT_EQ(d.meta.at("issue"), "2");
  EXPECT_EQ(d.meta.at("page"), "10-20");
  EXPECT_EQ(d.meta.at("publisher"), "Imaginary Press");
  EXPECT_TRUE(d.aliases.empty());
  // The JATS abstract: tags gone, character references decoded.
  EXPECT_NE(d.text.find("Rare earth elements \xE2\x80\x94 neodymium above all \xE2\x80\x94 are concentrated"),
            std::string::npos)
      << d.text;
  EXPECT_EQ(d.text.find("jats"), std::string::npos);

  ASSERT_EQ(d.references.size(), 3u);
  const Reference& r1 = d.references[0];
  EXPECT_EQ(r1.label, "ref1");
  EXPECT_EQ(r1.doi, "10.1016/j.resourpol.2016.01.002");
  EXPECT_EQ(r1.year, "2016");
  EXPECT_EQ(r1.title, "Gallium supply risk");
  EXPECT_EQ(r1.authors, Strings{"Smith"});
  EXPECT_EQ(r1.journal, "Resources Policy");
  EXPECT_EQ(r1.volume, "45");
  EXPECT_EQ(r1.page, "10");
  const Reference& r2 = d.references[1];  // unstructured only
  EXPECT_EQ(r2.doi, "");
  EXPECT_EQ(r2.year, "2019");
  EXPECT_EQ(r2.title, "Zinc refining residues as a source of critical metals");
  EXPECT_EQ(r2.authors, Strings{"Kim, D."});
  EXPECT_NE(r2.text.find("Hydrometallurgy 12"), std::string::npos);
  const Reference& r3 = d.references[2];  // a DOI inside the unstructured string
  EXPECT_EQ(r3.doi, "10.3133/mcs2021");
  EXPECT_EQ(r3.year, "2021");
}

TEST(PaperJsonTest, CrossrefWorkList) {
  auto docs = Read("crossref-list.json", "crossref-json");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "doi:10.5555/list.1");
  EXPECT_EQ(docs[0].date, "2017-09-12");  // "published" when there is no "issued"
  EXPECT_EQ(docs[0].meta.count("journal"), 0u);  // an empty container-title array
  EXPECT_EQ(docs[0].meta.at("article_number"), "e0170123");
  EXPECT_EQ(docs[1].id, "doi:10.5555/list.2");
  EXPECT_EQ(docs[1].date, "2016-01-01");
  EXPECT_EQ(docs[1].meta.at("type"), "posted-content");
}

TEST(PaperJsonTest, CrossrefErrorStatus) {
  auto r = ReadDocuments("crossref-json",
                         FileInput{"/fx/e.json", "k", R"({"status":"failed","message-type":"validation-failure"})"});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("failed"), std::string::npos);
}

TEST(PaperJsonTest, OpenAlexWork) {
  auto docs = Read("openalex-work.json", "openalex-json");
  ASSERT_EQ(docs.size(), 1u);
  const Document& d = docs[0];
  EXPECT_EQ(d.id, "doi:10.5555/jim.2021.202");
  EXPECT_EQ(d.format, "openalex-json");
  EXPECT_EQ(d.title, "Gallium yields from zinc residues");
  EXPECT_EQ(d.date, "2021-03-14");
  EXPECT_EQ(d.authors, (Strings{"Jane Doe", "John Q. Public"}));
  EXPECT_EQ(d.aliases, (Strings{"openalex:W2999999991", "pmid:33333333", "pmcid:PMC7777777", "mag:2999999991"}));
  EXPECT_EQ(d.meta.at("journal"), "Journal of Imaginary Metals");
  EXPECT_EQ(d.meta.at("publisher"), "Imaginary Press");
  EXPECT_EQ(d.meta.at("volume"), "12");
  EXPECT_EQ(d.meta.count("issue"), 0u);  // null
  EXPECT_EQ(d.meta.at("page"), "202-210");
  EXPECT_EQ(d.url, "https://example.org/jim/2021/202");
  // issue 15: keywords, and each institution once with the authors it lists.
  EXPECT_EQ(d.keywords, (Strings{"Gallium", "zinc residues"}));
  ASSERT_EQ(d.affiliations.size(), 2u);
  EXPECT_EQ(d.affiliations[0].organization, "University of Fiction");
  EXPECT_EQ(d.affiliations[0].country, "US");
  EXPECT_EQ(d.affiliations[0].authors, (Strings{"Jane Doe", "John Q. Public"}));
  EXPECT_EQ(d.affiliations[1].organization, "Pretend Institute of Metals");
  EXPECT_EQ(d.affiliations[1].authors, Strings{"John Q. Public"});
  // The abstract rebuilt from the inverted index ("gallium" at two positions).
  EXPECT_EQ(d.text,
            "Gallium yields from zinc residues\n\nWe study gallium recovery from zinc residues; the gallium yield "
            "doubles.");
  ASSERT_EQ(d.references.size(), 2u);  // referenced_works only, not related_works
  EXPECT_EQ(d.references[0].ids, Strings{"openalex:W1000000001"});
  EXPECT_EQ(d.references[1].ids, Strings{"openalex:W1000000002"});
  EXPECT_EQ(d.references[0].doi, "");
  EXPECT_EQ(d.references[0].title, "");
}

TEST(PaperJsonTest, OpenAlexResultsKeepWorksOnly) {
  auto docs = Read("openalex-results.json", "openalex-json");
  ASSERT_EQ(docs.size(), 2u);  // the author record is not a work
  EXPECT_EQ(docs[0].id, "openalex:W3000000001");  // no DOI
  EXPECT_TRUE(docs[0].aliases.empty());
  EXPECT_EQ(docs[0].date, "2015-01-01");
  EXPECT_EQ(docs[0].text, "An imaginary working paper on cobalt");
  EXPECT_EQ(docs[1].id, "doi:10.5555/oa.2");
  EXPECT_EQ(docs[1].title, "Lithium brines");  // display_name when there is no title
  EXPECT_EQ(docs[1].aliases, Strings{"openalex:W3000000002"});
  ASSERT_EQ(docs[1].references.size(), 1u);
  EXPECT_EQ(docs[1].references[0].ids, Strings{"openalex:W3000000001"});
}

TEST(PaperJsonTest, S2orcOutboundCitationsBecomeReferences) {
  auto docs = Read("s2orc.jsonl", "jsonl");
  ASSERT_EQ(docs.size(), 2u);
  const Document& d = docs[0];
  EXPECT_EQ(d.id, "doi:10.5555/self.2020");
  EXPECT_EQ(d.authors, Strings{"Ada B. Lovelace"});
  EXPECT_EQ(d.date, "2020-01-01");
  EXPECT_EQ(d.aliases, (Strings{"s2:2001", "pmid:32000001", "pmcid:PMC7000001", "arxiv:2001.00001",
                                "mag:3000000001"}));
  // The meta list stays as the source has it; references are one per work,
  // the self-citation included.
  EXPECT_EQ(d.meta.at("outbound_citations"), "2002,2001,2003,2002");
  ASSERT_EQ(d.references.size(), 3u);
  EXPECT_EQ(d.references[0].ids, Strings{"s2:2002"});
  EXPECT_EQ(d.references[1].ids, Strings{"s2:2001"});
  EXPECT_EQ(d.references[2].ids, Strings{"s2:2003"});
  EXPECT_EQ(docs[1].id, "s2:2002");
  EXPECT_TRUE(docs[1].aliases.empty());
  EXPECT_TRUE(docs[1].references.empty());
}

// The real S2ORC sample (../shared/corpus/s2orc-sample, 1,000 records).
TEST(PaperJsonTest, S2orcRealSample) {
  std::string path = std::string(LODE_CORPUS) + "/s2orc-sample/data/metadata/sample.jsonl";
  if (!fs::exists(path)) GTEST_SKIP() << path << " not found";
  auto r = ReadDocuments("jsonl", FileInput{path, "s2orc-sample/sample.jsonl", Slurp(path)});
  ASSERT_TRUE(r.ok()) << r.status().message();
  size_t refs = 0, self = 0, with_refs = 0, doi_ids = 0;
  for (const Document& d : *r) {
    refs += d.references.size();
    with_refs += !d.references.empty();
    doi_ids += d.id.rfind("doi:", 0) == 0;
    std::set<std::string> own(d.aliases.begin(), d.aliases.end());
    own.insert(d.id);
    for (const Reference& ref : d.references) self += own.count(ref.ids.front());
  }
  EXPECT_EQ(r->size(), 1000u);
  EXPECT_EQ(doi_ids, 587u);
  EXPECT_EQ(with_refs, 156u);
  EXPECT_EQ(refs, 3094u);  // 3,107 listed ids, 13 listed twice in their record
  EXPECT_EQ(self, 4u);     // records listing their own id
}

TEST(PdfTest, PaperWithInfoDictionaryAndNumberedReferences) {
  auto docs = Read("paper.pdf", "pdf");
  ASSERT_EQ(docs.size(), 1u);
  const Document& d = docs[0];
  EXPECT_EQ(d.format, "pdf");
  EXPECT_EQ(d.kind, Kind::kPaper);
  EXPECT_EQ(d.id, "doi:10.5555/jim.2021.101");  // printed in the first page's header
  EXPECT_TRUE(d.aliases.empty());
  EXPECT_EQ(d.title, "Recovering Gallium from Zinc Residues");
  EXPECT_EQ(d.authors, (Strings{"Jane Doe", "John Q. Public"}));
  EXPECT_EQ(d.date, "2021-01-01");  // the Info creation date's year
  EXPECT_EQ(d.meta.at("pages"), "2");
  EXPECT_NE(d.text.find("We study gallium recovery from zinc refinery residues"), std::string::npos) << d.text;
  EXPECT_NE(d.text.find("alumina refining"), std::string::npos);  // page 2

  // "References" inside a sentence is not the heading.
  ASSERT_EQ(d.references.size(), 3u);
  const Reference& a = d.references[0];
  EXPECT_EQ(a.label, "1");
  EXPECT_EQ(a.doi, "10.1016/j.resourpol.2016.01.002");
  EXPECT_EQ(a.year, "2016");
  EXPECT_EQ(a.title, "Gallium supply risk");
  EXPECT_EQ(a.authors, (Strings{"A. Smith", "B. Jones", "C. Lee"}));
  EXPECT_EQ(a.text.rfind("A. Smith", 0), 0u) << a.text;  // label removed, lines joined
  const Reference& b = d.references[1];
  EXPECT_EQ(b.label, "2");
  EXPECT_EQ(b.doi, "");
  EXPECT_EQ(b.year, "2019");
  EXPECT_EQ(b.title, "Zinc refining residues as a source of critical metals");
  EXPECT_EQ(b.authors, Strings{"D. Kim"});
  EXPECT_NE(b.text.find("Hydrometallurgy 12, 1-9."), std::string::npos) << b.text;
  const Reference& c = d.references[2];
  EXPECT_EQ(c.label, "3");
  EXPECT_EQ(c.year, "2022");
  EXPECT_EQ(c.doi, "");
}

TEST(PdfTest, TitleFromTheLargestLineAndUnnumberedBibliography) {
  auto docs = Read("prominent.pdf", "pdf");
  ASSERT_EQ(docs.size(), 1u);
  const Document& d = docs[0];
  // The Info title is a word-processor file name: the largest line (set on
  // two lines) is the title.
  EXPECT_EQ(d.title, "Germanium Markets after Export Controls");
  EXPECT_TRUE(d.authors.empty());
  EXPECT_EQ(d.date, "2019-01-01");  // no creation date: the year on the first page
  EXPECT_EQ(d.id.rfind("doc:", 0), 0u) << d.id;  // no DOI of its own
  EXPECT_EQ(d.kind, Kind::kPaper);
  ASSERT_EQ(d.references.size(), 2u);
  const Reference& a = d.references[0];
  EXPECT_EQ(a.doi, "10.5555/jim.2018.12");
  EXPECT_EQ(a.year, "2018");
  EXPECT_EQ(a.title, "Gallium in zinc ores");
  EXPECT_EQ(a.authors, (Strings{"Doe, J.", "Roe, R."}));
  EXPECT_NE(a.text.find("Journal of Imaginary Metals, 12"), std::string::npos) << a.text;
  const Reference& b = d.references[1];
  EXPECT_EQ(b.doi, "");
  EXPECT_EQ(b.year, "2015");
  EXPECT_EQ(b.title, "Recovering germanium");
  EXPECT_EQ(b.authors, Strings{"Smith, A. B."});
}

TEST(PdfTest, ScannedPdfFailsWithAClearMessage) {
  auto r = ReadAs("scanned.pdf", "pdf");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("no text layer (scanned PDF?); run OCR first"), std::string::npos)
      << r.status().message();
}

TEST(PdfTest, EncryptedAndBrokenPdfsFail) {
  auto enc = ReadAs("encrypted.pdf", "pdf");
  ASSERT_FALSE(enc.ok());
  EXPECT_NE(enc.status().message().find("encrypted PDF"), std::string::npos) << enc.status().message();

  std::string truncated = Slurp(kDir + "paper.pdf").substr(0, 300);
  auto cut = ReadDocuments("pdf", FileInput{"/fx/cut.pdf", "k", truncated});
  ASSERT_FALSE(cut.ok());
  EXPECT_NE(cut.status().message().find("not a readable PDF"), std::string::npos) << cut.status().message();
  auto junk = ReadDocuments("pdf", FileInput{"/fx/junk.pdf", "k", "%PDF-1.4 and nothing else"});
  ASSERT_FALSE(junk.ok());
}

// Through the pipeline: the scanned and encrypted PDFs are listed as failed
// with their reason and stop nothing; the papers are in the index.
TEST(PdfTest, PipelineListsScannedPdfAsFailed) {
  fs::path root = fs::temp_directory_path() / ("lode-paper-json-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "in");
  for (const char* f : {"paper.pdf", "scanned.pdf", "encrypted.pdf", "crossref-work.json", "s2orc.jsonl"})
    fs::copy_file(kDir + f, root / "in" / f);
  IngestOptions opt;
  opt.paths = {(root / "in").string()};
  opt.index_dir = (root / "index").string();
  opt.threads = 1;
  auto s = Ingest(opt);
  ASSERT_TRUE(s.ok()) << s.status().message();
  ASSERT_EQ(s->failed.size(), 2u);
  std::sort(s->failed.begin(), s->failed.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  EXPECT_NE(s->failed[0].path.find("encrypted.pdf"), std::string::npos);
  EXPECT_NE(s->failed[1].path.find("scanned.pdf"), std::string::npos);
  EXPECT_NE(s->failed[1].message.find("no text layer (scanned PDF?); run OCR first"), std::string::npos);
  EXPECT_EQ(s->added, 4u);  // the PDF paper, the Crossref work, two S2ORC records
  auto searcher = Searcher::Open(opt.index_dir);
  ASSERT_TRUE(searcher.ok());
  auto d = (*searcher)->Get("doi:10.5555/jim.2021.101");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->format, "pdf");
  EXPECT_EQ(d->references.size(), 3u);
  fs::remove_all(root);
}

}  // namespace
}  // namespace lodestone
