// BibTeX (Scopus exports and reference managers): one paper per entry. Ids:
// doi:, else bib:<citation key>; Scopus's EID and PubMed id as aliases.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "formats/bibtex.h"
#include "formats/dates.h"
#include "formats/doi.h"
#include "formats/encoding.h"
#include "formats/language.h"
#include "formats/latex.h"
#include "formats/numbers.h"
#include "formats/paper_fields.h"
#include "formats/scopus_references.h"
#include "formats/split.h"
#include "formats/whitespace.h"
#include "lodestone/text/ascii.h"
#include "lodestone/text/initials.h"
#include "readers/ids.h"
#include "readers/reader.h"

namespace lodestone::internal {

namespace {

// Initials with their dots: "A.", "M.D." (Scopus's "A.a": the letter after is an affiliation).
bool IsDottedInitials(std::string_view s) { return text::IsInitials(s) && !s.empty() && s.back() == '.'; }

// Scopus writes "D'Ambrosio, A.a , Aria, M.a , Iorio, C.b " (no "and",
// affiliation letters after the initials): "D'Ambrosio, A.", "Aria, M.", ...
std::vector<std::string> BibAuthors(const std::string& raw) {
  std::vector<std::string> out;
  std::vector<std::string> parts = SplitBibAnd(raw);
  if (parts.size() > 1 || std::count(raw.begin(), raw.end(), ',') <= 1) {
    for (auto& p : parts) {
      std::string n = LatexToUtf8(p);
      if (!n.empty()) out.push_back(n);
    }
    return out;
  }
  std::vector<std::string> tokens = Split(LatexToUtf8(raw), ",");
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string surname = text::Trim(tokens[i]);
    if (surname.empty()) continue;
    std::string initials;
    if (i + 1 < tokens.size()) {
      std::string t = text::Trim(tokens[i + 1]);
      // Drop the affiliation letters: "A.a", "A.a  b", "M.D.a".
      size_t cut = t.rfind('.');
      std::string head = cut == std::string::npos ? t : t.substr(0, cut + 1);
      if (IsDottedInitials(head) || text::IsInitials(t)) {
        initials = IsDottedInitials(head) ? head : t;
        ++i;
      }
    }
    out.push_back(initials.empty() ? surname : surname + ", " + initials);
  }
  return out;
}

std::string BibMonth(const std::string& m) {
  std::string l = text::AsciiLower(text::Trim(m));
  if (text::AllAsciiDigits(l)) {
    int v = std::stoi(l);
    return v >= 1 && v <= 12 ? std::to_string(v) : "";
  }
  int month = l.size() >= 3 ? MonthNumber(std::string_view(l).substr(0, 3)) : 0;  // "jan", "January"
  return month ? std::to_string(month) : std::string();
}

// "cited By 12" (Scopus BibTeX note).
std::string CitedBy(std::string_view note) {
  std::string l = text::AsciiLower(note);
  size_t p = l.find("cited by ");
  if (p == std::string::npos) return {};
  return ReadNumber(l, p + 9);
}

Document BibRecord(const BibEntry& e, const std::string& file_key, size_t n) {
  Document d;
  d.format = "bibtex";
  d.kind = Kind::kPaper;
  auto get = [&](const char* name) -> std::string {
    auto it = e.fields.find(name);
    return it == e.fields.end() ? std::string() : LatexToUtf8(it->second);
  };
  auto raw = [&](const char* name) -> std::string {
    auto it = e.fields.find(name);
    return it == e.fields.end() ? std::string() : OneLine(it->second);
  };
  d.title = get("title");
  if (auto it = e.fields.find("author"); it != e.fields.end()) d.authors = BibAuthors(it->second);
  if (d.authors.empty())
    if (auto it = e.fields.find("editor"); it != e.fields.end()) d.authors = BibAuthors(it->second);
  std::string year = YearOfField(get("year"));
  if (year.empty()) year = YearOfField(get("date"));
  std::string month = BibMonth(get("month"));
  std::string date = get("date");
  if (date.size() == 10 && IsYear(date.substr(0, 4)) && date[4] == '-' && date[7] == '-') d.date = date;
  else d.date = MakeDate(year, month.empty() ? 0 : std::stoi(month), 0);
  std::string lang = get("language");
  if (lang.empty()) lang = get("langid");
  d.language = lang.empty() ? GuessLanguage(d.title) : LanguageCode(lang);
  d.url = raw("url");

  std::string doi = NormalizeDoi(raw("doi"));
  std::string key = text::AsciiLower(text::Trim(e.key));
  std::string eid = EidFromUrl(d.url);
  std::string pmid = text::Trim(get("pubmed_id"));
  if (!pmid.empty() && !text::AllAsciiDigits(pmid)) pmid.clear();
  if (!doi.empty()) d.id = "doi:" + doi;
  else if (!key.empty()) d.id = "bib:" + key;
  else d.id = HashId(file_key + "#" + std::to_string(n));
  if (!doi.empty()) d.meta["doi"] = doi;
  if (!key.empty()) AddAlias(&d, "bib:" + key);
  if (!eid.empty()) {
    AddAlias(&d, "scopus:" + eid);
    d.meta["eid"] = eid;
  }
  if (!pmid.empty()) {
    AddAlias(&d, "pmid:" + pmid);
    d.meta["pmid"] = pmid;
  }

  std::string journal = get("journal");
  if (journal.empty()) journal = get("journaltitle");
  if (journal.empty()) journal = get("booktitle");
  if (!journal.empty()) d.meta["journal"] = journal;
  struct MetaField {
    const char* field;
    const char* key;
  };
  for (const MetaField& m : {MetaField{"volume", "volume"}, MetaField{"number", "issue"},
                             MetaField{"issue", "issue"}, MetaField{"publisher", "publisher"},
                             MetaField{"abbrev_source_title", "journal_abbrev"}, MetaField{"issn", "issn"},
                             MetaField{"isbn", "isbn"}, MetaField{"document_type", "document_type"},
                             MetaField{"address", "address"}}) {
    std::string v = get(m.field);
    if (!v.empty()) d.meta.emplace(m.key, v);
  }
  d.meta["entry_type"] = e.type;
  std::string pages = get("pages");
  if (!pages.empty()) d.meta["page"] = FirstPage(pages);
  std::string cited = CitedBy(get("note"));
  if (!cited.empty()) d.meta["times_cited"] = cited;
  std::string kw = get("author_keywords");
  if (kw.empty()) kw = get("keywords");
  std::string index_kw = get("author_keywords").empty() ? "" : get("keywords");
  kw = OneLine(kw);
  if (!kw.empty()) d.meta["keywords"] = kw;
  if (!index_kw.empty()) d.meta["index_keywords"] = index_kw;
  d.keywords = SplitKeywordList(kw, /*comma_too=*/true);
  d.index_keywords = SplitKeywordList(index_kw, /*comma_too=*/true);
  // Scopus writes "affiliation" (older exports "affiliations"): addresses separated by "; ".
  std::string affiliations = get("affiliation");
  if (affiliations.empty()) affiliations = get("affiliations");
  for (const auto& a : SplitKeywordList(affiliations)) d.affiliations.push_back(ParseFreeAddress(a));
  d.text = PaperText(d.title, get("abstract"), JoinNonEmpty({kw, index_kw}, "; "));
  if (auto it = e.fields.find("references"); it != e.fields.end()) {
    // Scopus prints references without LaTeX markup; keep them as printed
    // (only the outer braces are gone).
    d.references = ParseScopusReferences(OneLine(it->second));
  }
  if (d.title.empty()) d.title = d.id;
  return d;
}

Result<std::vector<Document>> ReadBibtex(const FileInput& in) {
  auto utf8 = ToUtf8(in.bytes);
  if (!utf8.ok()) return utf8.status();
  auto entries = ParseBibtex(*utf8);
  if (!entries.ok()) return entries.status();
  std::vector<Document> out;
  size_t n = 0;
  for (const auto& e : *entries) out.push_back(BibRecord(e, in.key, ++n));
  return out;
}

// An "@type{" entry at the start of a line (Scopus puts two lines before the first).
bool SniffBibtex(const FileHead& f) {
  if (!f.ExtIs({".bib", ".bibtex"})) return false;
  std::string_view body = f.body;
  for (size_t at = body.find('@'); at != std::string_view::npos; at = body.find('@', at + 1)) {
    if (at > 0 && body[at - 1] != '\n' && body[at - 1] != '\r') continue;
    size_t i = at + 1;
    while (i < body.size() && text::IsAsciiAlpha(body[i])) ++i;
    while (i < body.size() && (body[i] == ' ' || body[i] == '\t')) ++i;
    if (i > at + 1 && i < body.size() && (body[i] == '{' || body[i] == '(')) return true;
  }
  return false;
}

}  // namespace

extern const Reader kBibtexReader = {"bibtex", kRichRecord, SniffBibtex, ReadBibtex};

}  // namespace lodestone::internal
