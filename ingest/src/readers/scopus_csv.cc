// Scopus CSV exports: one paper per row (Title, Authors, Author full names,
// Source title, EID, DOI, References, ...). Ids: doi:, else scopus:<EID>.
#include <map>
#include <string>
#include <vector>

#include "formats/csv.h"
#include "formats/dates.h"
#include "formats/doi.h"
#include "formats/encoding.h"
#include "formats/language.h"
#include "formats/paper_fields.h"
#include "formats/scopus_references.h"
#include "formats/split.h"
#include "formats/whitespace.h"
#include "lodestone/text/ascii.h"
#include "readers/ids.h"
#include "readers/reader.h"

namespace lodestone::internal {

namespace {

Result<std::vector<Document>> ReadScopusCsv(const FileInput& in) {
  auto utf8 = ToUtf8(in.bytes);
  if (!utf8.ok()) return utf8.status();
  auto rows = ParseCsv(*utf8);
  if (rows.empty()) return std::vector<Document>{};
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < rows[0].size(); ++i) col.emplace(text::AsciiLower(text::Trim(rows[0][i])), i);
  if (!col.count("title")) return Status::ParseError("Scopus CSV without a Title column");
  std::vector<Document> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    auto get = [&](const char* name) -> std::string {
      auto it = col.find(name);
      if (it == col.end() || it->second >= row.size()) return {};
      std::string v = text::Trim(row[it->second]);
      return v == "NA" ? std::string() : v;
    };
    Document d;
    d.format = "scopus-csv";
    d.kind = Kind::kPaper;
    d.title = OneLine(get("title"));
    // "Liu, Fengyuan (60410297700); Li, Chunyun (58862216200)"
    std::string full = get("author full names");
    if (!full.empty()) {
      for (auto& a : Split(full, ";")) {
        std::string name = text::Trim(a);
        size_t paren = name.rfind(" (");
        if (paren != std::string::npos && name.back() == ')') name = text::Trim(std::string_view(name).substr(0, paren));
        if (!name.empty()) d.authors.push_back(name);
      }
    } else {
      std::string authors = get("authors");
      if (authors != "[No author name available]")
        for (auto& a : Split(authors, authors.find(';') != std::string::npos ? ";" : ", ")) {
          std::string name = text::Trim(a);
          if (!name.empty()) d.authors.push_back(name);
        }
    }
    std::string shorts = get("authors");
    if (!full.empty() && !shorts.empty()) d.meta["authors_short"] = shorts;
    std::string year = YearOfField(get("year"));
    d.date = MakeDate(year, 0, 0);
    std::string la = get("language of original document");
    d.language = LanguageCode(la);
    d.url = get("link");
    std::string doi = NormalizeDoi(get("doi"));
    std::string eid = get("eid");
    if (eid.empty()) eid = EidFromUrl(d.url);
    std::string pmid = get("pubmed id");
    if (!doi.empty()) d.id = "doi:" + doi;
    else if (!eid.empty()) d.id = "scopus:" + eid;
    else d.id = HashId(in.key + "#" + std::to_string(r));
    if (!doi.empty()) d.meta["doi"] = doi;
    if (!eid.empty()) {
      AddAlias(&d, "scopus:" + eid);
      d.meta["eid"] = eid;
    }
    if (text::AllAsciiDigits(pmid)) {
      AddAlias(&d, "pmid:" + pmid);
      d.meta["pmid"] = pmid;
    }
    struct MetaCol {
      const char* col;
      const char* key;
    };
    for (const MetaCol& m : {MetaCol{"source title", "journal"}, MetaCol{"abbreviated source title", "journal_abbrev"},
                             MetaCol{"volume", "volume"}, MetaCol{"issue", "issue"}, MetaCol{"art. no.", "article_number"},
                             MetaCol{"page end", "end_page"}, MetaCol{"cited by", "times_cited"},
                             MetaCol{"publisher", "publisher"}, MetaCol{"issn", "issn"}, MetaCol{"isbn", "isbn"},
                             MetaCol{"document type", "document_type"}, MetaCol{"author keywords", "keywords"},
                             MetaCol{"index keywords", "index_keywords"}, MetaCol{"open access", "open_access"}}) {
      std::string v = OneLine(get(m.col));
      if (!v.empty()) d.meta[m.key] = v;
    }
    d.keywords = SplitKeywordList(OneLine(get("author keywords")));
    d.index_keywords = SplitKeywordList(OneLine(get("index keywords")));
    for (const auto& a : SplitKeywordList(OneLine(get("affiliations"))))
      if (a != "[No affiliation available]") d.affiliations.push_back(ParseFreeAddress(a));
    std::string page = get("page start");
    if (page.empty()) page = get("art. no.");
    if (!page.empty()) d.meta["page"] = page;
    d.text = PaperText(d.title, text::Trim(get("abstract")), JoinNonEmpty({OneLine(get("author keywords")), OneLine(get("index keywords"))}, "; "));
    std::string refs = get("references");
    if (!refs.empty()) d.references = ParseScopusReferences(OneLine(refs));
    if (d.title.empty()) d.title = d.id;
    out.push_back(std::move(d));
  }
  return out;
}

bool SniffScopusCsv(const FileHead& f) {
  if (!f.ExtIs({".csv"})) return false;
  std::string_view header = f.body.substr(0, f.body.find('\n'));
  return header.find("Title") != std::string_view::npos && header.find("Source title") != std::string_view::npos &&
         (header.find("EID") != std::string_view::npos || header.find("Link") != std::string_view::npos);
}

}  // namespace

extern const Reader kScopusCsvReader = {"scopus-csv", kRichRecord, SniffScopusCsv, ReadScopusCsv};

}  // namespace lodestone::internal
