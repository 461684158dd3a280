#include "formats/bib_record.h"

#include <algorithm>

#include "formats/dates.h"
#include "formats/doi.h"
#include "formats/language.h"
#include "formats/paper_fields.h"
#include "formats/split.h"
#include "formats/whitespace.h"
#include "lodestone/text/ascii.h"
#include "readers/ids.h"

namespace lodestone::internal {

namespace {

bool HasCjk(std::string_view s) {
  // Lead bytes of U+3000..U+9FFF (E3..E9) and the full-width forms (EF BC/BD).
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xE3 && c <= 0xE9) return true;
  }
  return false;
}

// The value of `name` in a URL's query ("FileName=ZNYX202101034&..."),
// the parameter's name compared without case.
std::string QueryValue(std::string_view url, std::string_view name) {
  const std::string lower = text::AsciiLower(url);
  const std::string key = text::AsciiLower(name) + "=";
  for (size_t p = lower.find(key); p != std::string::npos; p = lower.find(key, p + 1)) {
    if (p == 0 || (lower[p - 1] != '?' && lower[p - 1] != '&')) continue;
    size_t b = p + key.size(), e = url.find_first_of("&#", b);
    return std::string(url.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
  }
  return {};
}

// The last path segment of a URL without its extension.
std::string LastSegment(std::string_view url) {
  size_t q = url.find_first_of("?#");
  if (q != std::string_view::npos) url = url.substr(0, q);
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  size_t slash = url.rfind('/');
  std::string_view seg = slash == std::string_view::npos ? url : url.substr(slash + 1);
  size_t dot = seg.rfind('.');
  if (dot != std::string_view::npos) seg = seg.substr(0, dot);
  return std::string(seg);
}

bool IsKeyChar(char c) { return text::IsAsciiAlnum(c) || c == '-' || c == '_'; }
bool IsKey(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), IsKeyChar); }

Affiliation AffiliationOf(const std::string& address) {
  if (!HasCjk(address)) return ParseFreeAddress(address);
  Affiliation a;
  a.address = text::Trim(address);
  a.organization = ChineseOrganization(address);
  return a;
}

}  // namespace

std::vector<std::string> SplitNameList(std::string_view s) {
  // Only ';' and '；' separate: a comma may belong to an organisation's name
  // ("中国医学科学院，北京协和医学院药物研究所").
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    size_t width = i == s.size() ? 0 : s[i] == ';' ? 1 : s.compare(i, 3, "\xEF\xBC\x9B") == 0 ? 3 : 0;
    if (i < s.size() && !width) continue;
    std::string one = OneLine(s.substr(start, i - start));
    if (!one.empty()) out.push_back(std::move(one));
    start = i + width;
    if (width) i += width - 1;
  }
  return out;
}

std::vector<std::string> NameListOf(const TaggedRecord& rec, const char* tag) {
  std::vector<std::string> out;
  if (const auto* v = Items(rec, tag))
    for (const auto& line : *v)
      for (auto& item : SplitNameList(line)) out.push_back(std::move(item));
  return out;
}

std::string IdOfLink(std::string_view url) {
  if (url.find("cnki") != std::string_view::npos)
    if (std::string f = CnkiFileName(url); !f.empty()) return "cnki:" + f;
  if (url.find("wanfang") != std::string_view::npos)
    if (std::string w = WanfangId(url); !w.empty()) return "wanfang:" + w;
  return {};
}

std::string CnkiFileName(std::string_view url) {
  std::string v = QueryValue(url, "filename");
  if (v.empty() && url.find("cnki") != std::string_view::npos) v = LastSegment(url);
  return IsKey(v) ? v : std::string();
}

std::string WanfangId(std::string_view url) {
  std::string v = QueryValue(url, "id");
  if (v.empty() && url.find("wanfangdata") != std::string_view::npos) v = LastSegment(url);
  return IsKey(v) && v != "detail" ? v : std::string();
}

std::string ChineseOrganization(std::string_view address) {
  std::string s = text::Trim(address);
  // "220005,徐州市 ..." or "210008 南京 ...": a postcode first.
  size_t digits = 0;
  while (digits < s.size() && text::IsAsciiDigit(s[digits])) ++digits;
  if (digits == 6) {
    size_t b = digits;
    while (b < s.size() && (s[b] == ',' || s[b] == ' ')) ++b;
    if (s.compare(b, 3, "\xEF\xBC\x8C") == 0) b += 3;  // '，'
    s = text::Trim(std::string_view(s).substr(b));
  }
  // "徐州市 徐州医科大学附属医院": the city, a space, the organisation.
  size_t space = s.find(' ');
  if (space != std::string::npos && space >= 3 && space <= 18 && HasCjk(s.substr(0, space))) {
    std::string_view city = std::string_view(s).substr(0, space);
    for (std::string_view suffix : {"\xE5\xB8\x82", "\xE7\x9C\x81", "\xE5\x8E\xBF", "\xE5\x8C\xBA"})  // 市 省 县 区
      if (text::EndsWith(city, suffix)) {
        s = text::Trim(std::string_view(s).substr(space + 1));
        break;
      }
  }
  while (!s.empty() && (s.back() == ';' || s.back() == '.')) s.pop_back();
  return s;
}

Document PaperFromRecord(const BibRecord& rec, const std::string& key, size_t n) {
  Document d;
  d.format = rec.format;
  d.kind = Kind::kPaper;
  d.title = OneLine(rec.title);
  for (const auto& a : rec.authors) {
    std::string name = OneLine(a);
    if (!name.empty() && std::find(d.authors.begin(), d.authors.end(), name) == d.authors.end())
      d.authors.push_back(name);
  }
  std::string year = YearOfField(rec.year);
  if (year.empty()) year = YearOfField(rec.date);
  std::string date = text::Trim(rec.date);
  if (date.size() >= 10 && IsYear(date.substr(0, 4)) && date[4] == '-' && date[7] == '-' &&
      text::AllAsciiDigits(date.substr(5, 2)) && text::AllAsciiDigits(date.substr(8, 2)) &&
      (year.empty() || date.substr(0, 4) == year))
    d.date = MakeDate(date.substr(0, 4), std::stoi(date.substr(5, 2)), std::stoi(date.substr(8, 2)));
  if (d.date.empty()) d.date = MakeDate(year, 0, 0);
  d.language = GuessLanguage(d.title.empty() ? rec.abstract : d.title);
  d.url = text::Trim(rec.url);
  const std::string doi = NormalizeDoi(rec.doi);
  std::string own = rec.own_id;
  if (own.empty() && doi.empty())
    own = (!d.title.empty() || !year.empty())
              ? "rec:" + HashId(text::AsciiLower(d.title) + "|" + year).substr(4)
              : HashId(key + "#" + std::to_string(n));
  SetPaperId(&d, doi, own);
  for (const auto& id : rec.other_ids) AddAlias(&d, id);

  auto put = [&](const char* k, const std::string& v) {
    std::string one = OneLine(v);
    if (!one.empty()) d.meta[k] = one;
  };
  put("journal", rec.journal);
  if (rec.journal_abbrev != rec.journal) put("journal_abbrev", rec.journal_abbrev);
  put("volume", rec.volume);
  put("issue", rec.issue);
  if (!rec.pages.empty()) {
    put("page", FirstPage(rec.pages));
    size_t dash = rec.pages.find('-');
    if (dash != std::string::npos) put("end_page", rec.pages.substr(dash + 1));
  }
  put("issn", rec.issn);
  put("document_type", rec.document_type);
  put("database", rec.database);
  put("funding", rec.funding);
  put("translated_title", rec.translated_title);
  put("translated_authors", JoinNonEmpty(rec.translated_authors, "; "));
  put("translated_keywords", JoinNonEmpty(rec.translated_keywords, "; "));
  put("authors_short", JoinNonEmpty(rec.authors_short, "; "));
  if (rec.language.size() > 0) put("language_name", rec.language);
  for (const auto& id : d.aliases) {
    size_t colon = id.find(':');
    if (colon != std::string::npos) d.meta[id.substr(0, colon)] = id.substr(colon + 1);
  }
  if (d.id.rfind("doi:", 0) != 0) {
    size_t colon = d.id.find(':');
    if (colon != std::string::npos && d.id.rfind("doc:", 0) != 0) d.meta[d.id.substr(0, colon)] = d.id.substr(colon + 1);
  }

  for (const auto& k : rec.keywords) {
    std::string one = OneLine(k);
    if (!one.empty()) d.keywords.push_back(one);
  }
  for (const auto& k : rec.index_keywords) {
    std::string one = OneLine(k);
    if (!one.empty()) d.index_keywords.push_back(one);
  }
  const std::string kw = JoinNonEmpty(d.keywords, "; ");
  if (!kw.empty()) d.meta["keywords"] = kw;

  // Addresses of one author: one Affiliation per distinct address, listing
  // its authors (NoteExpress repeats the address for each author of it).
  for (const auto& [who, address] : rec.author_addresses) {
    const std::string one = OneLine(address);
    if (one.empty()) continue;
    auto it = std::find_if(d.affiliations.begin(), d.affiliations.end(),
                           [&](const Affiliation& a) { return a.address == AffiliationOf(one).address; });
    if (it == d.affiliations.end()) {
      d.affiliations.push_back(AffiliationOf(one));
      it = d.affiliations.end() - 1;
    }
    if (who < rec.authors.size()) {
      const std::string name = OneLine(rec.authors[who]);
      if (std::find(it->authors.begin(), it->authors.end(), name) == it->authors.end()) it->authors.push_back(name);
    }
  }
  for (const auto& address : rec.addresses) {
    const std::string one = OneLine(address);
    if (one.empty()) continue;
    Affiliation a = AffiliationOf(one);
    bool dup = std::any_of(d.affiliations.begin(), d.affiliations.end(),
                           [&](const Affiliation& b) { return b.address == a.address; });
    if (!dup) d.affiliations.push_back(std::move(a));
  }

  const std::string abstract = text::Trim(rec.abstract);
  d.text = PaperText(d.title, JoinNonEmpty({OneLine(rec.translated_title), abstract}, "\n\n"), kw);
  if (d.title.empty()) d.title = d.id;
  return d;
}

}  // namespace lodestone::internal
