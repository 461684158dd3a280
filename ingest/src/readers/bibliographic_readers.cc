// Readers for the bibliographic exports researchers keep: Web of Science
// plain text (FN/VR, PT...ER), Scopus CSV, BibTeX (Scopus and generic) and
// RIS. Each record of a file becomes one paper Document with its cited
// references parsed as far as the source's style allows.
//
// Ids (a contract, see DESIGN.md): "doi:" + the lowercased DOI when the
// record has one, else the source's own id (wos:<accession>,
// scopus:<EID>, bib:<citation key>, ris:<hash of title and year>); the
// other ids of the record go to Document::aliases.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "formats/paper_fields.h"
#include "readers/readers_internal.h"
#include "formats/dates.h"
#include "formats/doi.h"
#include "formats/encoding.h"
#include "formats/language.h"
#include "formats/numbers.h"
#include "formats/whitespace.h"
#include "lodestone/text/ascii.h"
#include "lodestone/text/initials.h"
#include "readers/ids.h"

namespace lodestone::internal {

namespace {

// Splits on `sep` outside [] and () brackets.
std::vector<std::string> SplitTopLevel(std::string_view s, std::string_view sep) {
  std::vector<std::string> out;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '[' || c == '(') ++depth;
    else if ((c == ']' || c == ')') && depth > 0) --depth;
    else if (depth == 0 && s.compare(i, sep.size(), sep) == 0) {
      out.push_back(text::Trim(s.substr(start, i - start)));
      i += sep.size() - 1;
      start = i + 1;
    }
  }
  out.push_back(text::Trim(s.substr(start)));
  return out;
}

std::vector<std::string> Split(std::string_view s, std::string_view sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    if (p == std::string_view::npos) {
      out.push_back(std::string(s.substr(start)));
      break;
    }
    out.push_back(std::string(s.substr(start, p - start)));
    start = p + sep.size();
  }
  return out;
}

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& s : v) {
    if (s.empty()) continue;
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

// "JUN 12" -> (6, 12); "2026 FEB 25" -> (2, 25); "JULY" -> (7, 0);
// "JUL-AUG" -> (7, 0); "SPR", "2019" -> (0, 0).
std::pair<int, int> MonthDay(std::string_view s) {
  std::vector<std::string> words;
  std::string w;
  for (char c : s) {
    if (c == ' ' || c == '-' || c == ',' || c == '.') {
      if (!w.empty()) words.push_back(w);
      w.clear();
    } else {
      w += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  if (!w.empty()) words.push_back(w);
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].size() < 3 || !text::IsAsciiUpper(words[i][0])) continue;
    // Read by its first three letters: "JULY", "SEPT", "AUG-SEP".
    if (int m = MonthNumber(std::string_view(words[i]).substr(0, 3)) - 1; m >= 0) {
      int day = 0;
      if (i + 1 < words.size() && !words[i + 1].empty() && words[i + 1].size() <= 2 && text::AllAsciiDigits(words[i + 1]))
        day = std::stoi(words[i + 1]);
      if (day < 1 || day > 31) day = 0;
      return {m + 1, day};
    }
    return {0, 0};  // a season ("SPR", "SUM") or another word first
  }
  return {0, 0};
}

// The first page of "1339-1351", "e1221-e1234", "1339--1351".
std::string FirstPage(std::string_view pages) {
  std::string p = text::Trim(pages);
  size_t cut = p.find_first_of("-\xE2,");  // '-', en dash (UTF-8 lead byte), ','
  if (cut != std::string::npos && cut > 0) p = text::Trim(std::string_view(p).substr(0, cut));
  return p;
}

// Paper text: title, abstract, keywords (so that search finds them).
std::string PaperText(const std::string& title, const std::string& abstract, const std::string& keywords) {
  std::string t = title;
  if (!abstract.empty()) t += (t.empty() ? "" : "\n\n") + abstract;
  if (!keywords.empty()) t += (t.empty() ? "" : "\n\n") + std::string("Keywords: ") + keywords;
  return t;
}

// Initials with their dots, as exports print them: "A.", "F.D.A.", "H.-H.",
// "Th." (not "JM": a Scopus name ends in dotted initials).
bool IsDottedInitials(std::string_view s) { return text::IsInitials(s) && !s.empty() && s.back() == '.'; }

// "Cheng M.", "van Eck N.J.", "Teixeira da Rocha J.B.", "Calin GA": one
// author in the current Scopus style (surname, then initials).
bool IsScopusAuthorName(std::string_view s) {
  if (s.empty() || s.size() > 80 || s.find(',') != std::string_view::npos) return false;
  size_t sp = s.rfind(' ');
  if (sp == std::string_view::npos || sp == 0) return false;
  std::string_view last = s.substr(sp + 1);
  if (IsDottedInitials(last)) return true;
  // Initials without dots: "GA", "MH", "J-P".
  if (last.empty() || last.size() > 5 || last.front() == '-' || last.back() == '-') return false;
  for (char c : last)
    if (!text::IsAsciiUpper(c) && c != '-') return false;
  return true;
}

// The current layout ends every reference with ", (YYYY)".
bool EndsWithParenYear(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == ';')) s.remove_suffix(1);
  return s.size() >= 6 && s.back() == ')' && s[s.size() - 6] == '(' && IsYear(s.substr(s.size() - 5, 4));
}

// ---------------------------------------------------------------------------
// Web of Science cited references:
//   "ALHO JM, 1990, BIOMETRICS, V46, P623, DOI 10.2307/2532083"

bool IsWosVolume(std::string_view f) {
  return f.size() >= 2 && f[0] == 'V' && f.find(' ') == std::string_view::npos &&
         (text::IsAsciiDigit(f[1]) || (f.size() >= 3 && text::IsAsciiUpper(f[1]) && text::IsAsciiDigit(f[2])));
}
bool IsWosPage(std::string_view f) {
  return f.size() >= 2 && (f[0] == 'P' || f[0] == 'p') && f.find(' ') == std::string_view::npos &&
         (text::IsAsciiDigit(f[1]) || (f.size() >= 3 && std::isalpha(static_cast<unsigned char>(f[1])) && text::IsAsciiDigit(f[2])));
}
bool IsWosDoi(std::string_view f) { return f.rfind("DOI ", 0) == 0 || f.rfind("DOI[", 0) == 0; }

std::string WosCrDoi(std::string_view f) {
  std::string v = text::Trim(f.substr(3));
  while (v.rfind("DOI ", 0) == 0) v = text::Trim(std::string_view(v).substr(4));
  if (!v.empty() && v[0] == '[') {
    size_t end = v.rfind(']');
    std::string inner = v.substr(1, end == std::string::npos ? std::string::npos : end - 1);
    for (const auto& cand : Split(inner, ", ")) {
      std::string doi = NormalizeDoi(cand);
      if (!doi.empty()) return doi;
    }
    return {};
  }
  return NormalizeDoi(v);
}

Reference ParseWosCitedReference(std::string_view line) {
  Reference r;
  r.text = text::Trim(line);
  std::vector<std::string> f = SplitTopLevel(r.text, ", ");
  size_t i = 0;
  if (i < f.size() && !IsYear(f[i])) {
    if (f[i] != "[Anonymous]" && f[i] != "Anonymous" && !f[i].empty()) r.authors.push_back(f[i]);
    ++i;
  }
  if (i < f.size() && IsYear(f[i])) r.year = f[i++];
  if (i < f.size() && !IsWosVolume(f[i]) && !IsWosPage(f[i]) && !IsWosDoi(f[i])) r.journal = f[i++];
  for (; i < f.size(); ++i) {
    if (r.volume.empty() && IsWosVolume(f[i])) r.volume = f[i].substr(1);
    else if (r.page.empty() && IsWosPage(f[i])) r.page = f[i].substr(1);
    else if (r.doi.empty() && IsWosDoi(f[i])) r.doi = WosCrDoi(f[i]);
  }
  return r;
}

// ---------------------------------------------------------------------------
// Scopus reference strings. Two layouts:
//  current: "Cheng M.; Xue Y.; Cui M., Title, Journal, 50, 4, pp. E128-E139, (2025)"
//  older:   "Billard, L., Diday, E., Title (2003) Journal, 98 (462), pp. 470-487"

// Scopus separates references with "; ", and the current layout (every
// reference ends with "(YYYY)") also separates the authors of one reference
// with "; ": there a piece that is only an author name belongs to the next.
// Where "(YYYY)" starts in s at or after `from`, or npos.
size_t ParenYear(std::string_view s, size_t from) {
  for (size_t k = from; k + 6 <= s.size(); ++k)
    if (s[k] == '(' && s[k + 5] == ')' && IsYear(s.substr(k + 1, 4))) return k;
  return std::string_view::npos;
}

// The older layout sometimes glues a reference to the next one without
// "; " ("... (2000), SpringerBreiman, L., Bagging predictors (1996) ..."):
// cut where, after the year, a lowercase letter runs into "Surname, I.,"
// that starts a reference with a year of its own. Prefixes of two or three
// letters are names (McKenna, DiMascolo, MacDonald), not glue.
std::vector<std::string> SplitGlued(const std::string& p) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t y = ParenYear(p, start);
    if (y == std::string::npos) break;
    size_t cut = std::string::npos;
    for (size_t k = y + 7; k < p.size() && cut == std::string::npos; ++k) {
      if (!text::IsAsciiLower(p[k - 1]) || !text::IsAsciiUpper(p[k])) continue;
      size_t ws = p.rfind(' ', k);
      ws = ws == std::string::npos ? 0 : ws + 1;
      if (k - ws < 4) continue;
      size_t comma = p.find(", ", k);
      if (comma == std::string::npos || comma - k < 2 || comma - k > 30) continue;
      bool surname = true;
      for (size_t i = k; i < comma; ++i)
        surname = surname && (std::isalpha(static_cast<unsigned char>(p[i])) || p[i] == '\'' || p[i] == '-' ||
                              static_cast<unsigned char>(p[i]) >= 0x80);
      size_t next = p.find(',', comma + 2);
      if (!surname || next == std::string::npos || !IsDottedInitials(text::Trim(std::string_view(p).substr(comma + 2, next - comma - 2))))
        continue;
      if (ParenYear(p, k) == std::string::npos) continue;
      cut = k;
    }
    if (cut == std::string::npos) break;
    out.push_back(text::Trim(std::string_view(p).substr(start, cut - start)));
    start = cut;
  }
  out.push_back(text::Trim(std::string_view(p).substr(start)));
  return out;
}

// Whether a "; " piece of the current layout opens a reference with an
// author ("Cheng M." or "Cheng M., Title, ...").
bool OpensScopusReference(std::string_view piece) {
  size_t comma = piece.find(", ");
  return IsScopusAuthorName(piece.substr(0, comma));
}

std::vector<std::string> SplitScopusReferences(std::string_view all) {
  std::vector<std::string> out;
  std::vector<std::string> pieces;
  for (auto& piece : Split(all, "; ")) {
    std::string p = text::Trim(piece);
    if (p.empty()) continue;
    if (EndsWithParenYear(all)) {
      pieces.push_back(std::move(p));
    } else {
      for (auto& g : SplitGlued(p))
        if (!g.empty()) out.push_back(std::move(g));
    }
  }
  // Current layout: join an author-only piece to what follows, and a piece
  // without its closing "(YYYY)" to a next piece that cannot open a
  // reference (a title with "; " in it).
  std::string acc;
  for (size_t i = 0; i < pieces.size(); ++i) {
    acc += (acc.empty() ? "" : "; ") + pieces[i];
    bool more = i + 1 < pieces.size();
    if (more && IsScopusAuthorName(pieces[i])) continue;
    if (more && !EndsWithParenYear(acc) && !OpensScopusReference(pieces[i + 1])) continue;
    out.push_back(std::move(acc));
    acc.clear();
  }
  if (!acc.empty()) out.push_back(std::move(acc));
  return out;
}

// "98 (462)" -> volume 98, issue 462; "12" -> 12; false when not a volume.
bool ScopusVolume(std::string_view f, std::string* volume) {
  std::string s = text::Trim(f);
  if (s.empty() || !text::IsAsciiDigit(s[0]) || s.size() > 24) return false;
  size_t paren = s.find(" (");
  std::string v = paren == std::string::npos ? s : s.substr(0, paren);
  if (v.find(' ') != std::string::npos && v.size() > 12) return false;
  *volume = text::Trim(v);
  return true;
}

bool ScopusPages(std::string_view f, std::string* page) {
  std::string s = text::Trim(f);
  if (s.rfind("pp. ", 0) == 0) *page = FirstPage(s.substr(4));
  else if (s.rfind("p. ", 0) == 0) *page = FirstPage(s.substr(3));
  else return false;
  return true;
}

Reference ParseScopusReference(std::string_view text) {
  Reference r;
  r.text = text::Trim(text);
  r.doi = FindDoi(r.text);
  std::string s = r.text;
  // Current layout: ends with ", (YYYY)".
  if (EndsWithParenYear(s)) {
    r.year = s.substr(s.size() - 5, 4);
    s = text::Trim(std::string_view(s).substr(0, s.size() - 6));
    while (!s.empty() && s.back() == ',') s = text::Trim(std::string_view(s).substr(0, s.size() - 1));
    std::vector<std::string> f = Split(s, ", ");
    size_t b = 0, e = f.size();
    if (b < e) {
      std::vector<std::string> names = Split(f[0], "; ");
      bool all = !names.empty();
      for (auto& n : names) all = all && IsScopusAuthorName(text::Trim(n));
      if (all && e > 1) {
        for (auto& n : names) r.authors.push_back(text::Trim(n));
        ++b;
      }
    }
    std::vector<std::string> numbers;
    while (e > b) {
      std::string page, vol;
      if (r.page.empty() && ScopusPages(f[e - 1], &page)) {
        r.page = page;
        --e;
      } else if (numbers.size() < 2 && ScopusVolume(f[e - 1], &vol) && e - 1 > b) {
        numbers.insert(numbers.begin(), vol);
        --e;
      } else {
        break;
      }
    }
    if (!numbers.empty()) r.volume = numbers.front();
    if (e - b >= 2) {
      r.journal = text::Trim(f[e - 1]);
      --e;
    }
    std::vector<std::string> title(f.begin() + b, f.begin() + e);
    r.title = text::Trim(Join(title, ", "));
    return r;
  }
  // Older layout: authors as "Surname, I., " pairs, then "Title (YYYY) Journal, ...".
  std::vector<std::string> f = Split(s, ", ");
  size_t i = 0;
  while (i + 1 < f.size() && IsDottedInitials(text::Trim(f[i + 1])) && f[i].size() < 60 &&
         f[i].find('(') == std::string::npos) {
    r.authors.push_back(text::Trim(f[i]) + ", " + text::Trim(f[i + 1]));
    i += 2;
  }
  std::string rest;
  for (size_t k = i; k < f.size(); ++k) rest += (k > i ? ", " : "") + f[k];
  rest = text::Trim(rest);
  size_t yp = std::string::npos;
  for (size_t k = 0; k + 6 <= rest.size(); ++k)
    if (rest[k] == '(' && rest[k + 5] == ')' && IsYear(std::string_view(rest).substr(k + 1, 4))) {
      yp = k;
      break;
    }
  if (yp == std::string::npos) {
    r.title = rest;
    return r;
  }
  r.year = rest.substr(yp + 1, 4);
  std::string before = text::Trim(std::string_view(rest).substr(0, yp));
  while (!before.empty() && before.back() == ',') before.pop_back();
  std::string after = text::Trim(std::string_view(rest).substr(yp + 6));
  const bool publisher_follows = !after.empty() && after[0] == ',';  // "Title (1984), CRC Press": a book
  while (!after.empty() && (after[0] == ',' || after[0] == ' ')) after.erase(0, 1);
  std::vector<std::string> tail = Split(after, ", ");
  size_t t = 0;
  if (before.empty()) {
    // A book: "(2009) Title, , Publisher".
    if (t < tail.size()) r.title = text::Trim(tail[t++]);
  } else {
    r.title = text::Trim(before);
    if (t < tail.size() && !publisher_follows && !ScopusPages(tail[t], &r.page)) r.journal = text::Trim(tail[t++]);
  }
  for (; t < tail.size(); ++t) {
    std::string vol, page;
    if (r.page.empty() && ScopusPages(tail[t], &page)) r.page = page;
    else if (r.volume.empty() && ScopusVolume(tail[t], &vol)) r.volume = vol;
  }
  return r;
}

std::vector<Reference> ParseScopusReferences(std::string_view all) {
  std::vector<Reference> refs;
  for (const auto& piece : SplitScopusReferences(all)) refs.push_back(ParseScopusReference(piece));
  return refs;
}

// ---------------------------------------------------------------------------
// Web of Science plain text

using TagLines = std::map<std::string, std::vector<std::string>>;

std::string Field(const TagLines& rec, const char* tag, std::string_view sep = " ") {
  auto it = rec.find(tag);
  if (it == rec.end()) return {};
  std::string out;
  for (const auto& l : it->second) {
    if (l.empty()) continue;
    if (!out.empty()) out += sep;
    out += l;
  }
  return OneLine(out);
}

const std::vector<std::string>* Items(const TagLines& rec, const char* tag) {
  auto it = rec.find(tag);
  return it == rec.end() ? nullptr : &it->second;
}

Document WosRecord(const TagLines& rec, const FileInput& in, size_t n) {
  Document d;
  d.format = "wos";
  d.kind = Kind::kPaper;
  d.title = Field(rec, "TI");
  if (const auto* af = Items(rec, "AF"))
    for (const auto& a : *af) {
      if (!text::Trim(a).empty()) d.authors.push_back(text::Trim(a));
    }
  if (const auto* au = Items(rec, "AU")) {
    std::vector<std::string> shorts;
    for (const auto& a : *au)
      if (!text::Trim(a).empty()) shorts.push_back(text::Trim(a));
    if (d.authors.empty()) d.authors = shorts;
    else if (!shorts.empty()) d.meta["authors_short"] = Join(shorts, "; ");
  }
  // Year and date: PY and PD; Early Access records have EY and EA instead.
  std::string year = Field(rec, "PY");
  std::string pd = Field(rec, "PD");
  if (!IsYear(year)) year = YearOfField(pd);
  if (!IsYear(year)) {
    year = Field(rec, "EY");
    if (!IsYear(year)) year = YearOfField(Field(rec, "EA"));
    if (pd.empty()) pd = Field(rec, "EA");
  }
  auto [month, day] = MonthDay(pd);
  d.date = MakeDate(year, month, day);
  std::string la = Field(rec, "LA");
  d.language = LanguageCode(la);
  if (!la.empty()) d.meta["language_name"] = la;

  std::string doi = NormalizeDoi(Field(rec, "DI"));
  std::string ut = Field(rec, "UT");
  if (text::IStartsWith(ut, "WOS:")) ut = ut.substr(4);
  // lode's own export (WriteWosPlainText) writes UT LODE:<id> for records
  // that have no Web of Science accession number: the id comes back.
  std::string lode_id;
  if (text::IStartsWith(ut, "LODE:")) {
    lode_id = text::Trim(std::string_view(ut).substr(5));
    ut.clear();
  }
  std::string pm = Field(rec, "PM");
  if (!doi.empty()) d.id = "doi:" + doi;
  else if (!lode_id.empty()) d.id = lode_id;
  else if (!ut.empty()) d.id = "wos:" + ut;
  else d.id = HashId(in.key + "#" + std::to_string(n));
  if (!doi.empty()) d.meta["doi"] = doi;
  AddAlias(&d, lode_id);
  if (!ut.empty()) {
    AddAlias(&d, "wos:" + ut);
    d.meta["wos"] = ut;
  }
  if (text::AllAsciiDigits(pm)) {
    AddAlias(&d, "pmid:" + pm);
    d.meta["pmid"] = pm;
  }

  struct MetaTag {
    const char* tag;
    const char* key;
  };
  for (const MetaTag& m : {MetaTag{"SO", "journal"}, MetaTag{"JI", "journal_iso"}, MetaTag{"VL", "volume"},
                           MetaTag{"IS", "issue"}, MetaTag{"PU", "publisher"}, MetaTag{"TC", "times_cited"},
                           MetaTag{"NR", "references_count"}, MetaTag{"DT", "document_type"}, MetaTag{"SN", "issn"},
                           MetaTag{"AR", "article_number"}, MetaTag{"SC", "subjects"}}) {
    std::string v = Field(rec, m.tag);
    if (!v.empty()) d.meta[m.key] = v;
  }
  std::string abbrev = Field(rec, "J9");
  if (abbrev.empty()) abbrev = Field(rec, "JI");
  if (!abbrev.empty()) d.meta["journal_abbrev"] = abbrev;
  std::string page = Field(rec, "BP");
  if (page.empty()) page = Field(rec, "AR");
  if (!page.empty()) d.meta["page"] = page;
  std::string de = Field(rec, "DE"), id = Field(rec, "ID");
  if (!de.empty()) d.meta["keywords"] = de;
  if (!id.empty()) d.meta["keywords_plus"] = id;
  d.keywords = SplitKeywordList(de);
  d.index_keywords = SplitKeywordList(id);
  if (const auto* c1 = Items(rec, "C1"))
    for (const auto& line : *c1)
      if (!text::Trim(line).empty()) d.affiliations.push_back(ParseWosAddress(line));
  d.text = PaperText(d.title, Field(rec, "AB"), Join({de, id}, "; "));
  if (const auto* cr = Items(rec, "CR"))
    for (const auto& line : *cr)
      if (!text::Trim(line).empty()) d.references.push_back(ParseWosCitedReference(line));
  if (d.title.empty()) d.title = d.id;
  return d;
}

// ---------------------------------------------------------------------------
// RFC 4180 CSV

std::vector<std::vector<std::string>> ParseCsv(std::string_view s) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  size_t i = 0;
  auto end_field = [&] {
    row.push_back(std::move(field));
    field.clear();
  };
  auto end_row = [&] {
    end_field();
    bool blank = row.size() == 1 && row[0].empty();
    if (!blank) rows.push_back(std::move(row));
    row.clear();
  };
  while (i < s.size()) {
    char c = s[i];
    any = true;
    if (quoted) {
      if (c == '"') {
        if (i + 1 < s.size() && s[i + 1] == '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        ++i;
        continue;
      }
      field += c;
      ++i;
      continue;
    }
    if (c == '"') {
      quoted = true;
      ++i;
    } else if (c == ',') {
      end_field();
      ++i;
    } else if (c == '\r' || c == '\n') {
      end_row();
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      ++i;
    } else {
      field += c;
      ++i;
    }
  }
  if (any && (!field.empty() || !row.empty())) end_row();
  return rows;
}

// ---------------------------------------------------------------------------
// BibTeX

// LaTeX accents and symbols to UTF-8 (the common ones), then NFC.
std::string LatexToUtf8(std::string_view s) {
  static const std::map<std::string, std::string> kAccent = {
      {"\"", "\xCC\x88"}, {"'", "\xCC\x81"}, {"`", "\xCC\x80"}, {"^", "\xCC\x82"}, {"~", "\xCC\x83"},
      {"=", "\xCC\x84"},  {".", "\xCC\x87"}, {"u", "\xCC\x86"}, {"v", "\xCC\x8C"}, {"H", "\xCC\x8B"},
      {"c", "\xCC\xA7"},  {"k", "\xCC\xA8"}, {"r", "\xCC\x8A"}, {"d", "\xCC\xA3"}, {"b", "\xCC\xB1"}};
  static const std::map<std::string, std::string> kSymbol = {
      {"ss", "ß"}, {"o", "ø"},  {"O", "Ø"},  {"aa", "å"}, {"AA", "Å"}, {"ae", "æ"}, {"AE", "Æ"}, {"oe", "œ"},
      {"OE", "Œ"}, {"l", "ł"},  {"L", "Ł"},  {"i", "ı"},  {"j", "ȷ"},  {"textendash", "–"}, {"textemdash", "—"},
      {"textquoteright", "’"}, {"textquoteleft", "‘"}, {"ldots", "…"}, {"dots", "…"}, {"textregistered", "®"},
      {"copyright", "©"}, {"textcopyright", "©"}, {"S", "§"}, {"P", "¶"}, {"pounds", "£"}, {"euro", "€"},
      {"textdegree", "°"}, {"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"}, {"mu", "μ"},
      {"pi", "π"}, {"sigma", "σ"}, {"lambda", "λ"}, {"chi", "χ"}, {"times", "×"}, {"pm", "±"}, {"le", "≤"},
      {"ge", "≥"}, {"%", "%"}, {"&", "&"}, {"$", "$"}, {"#", "#"}, {"_", "_"}, {"{", "{"}, {"}", "}"},
      {" ", " "}, {"\\", " "}, {",", " "}, {";", " "}, {"/", ""}, {"-", ""}};
  std::string out;
  bool combining = false;
  size_t i = 0;
  // Reads one accent argument: "u", "{u}", "{\i}", " u".
  auto argument = [&](size_t* pos) -> std::string {
    size_t p = *pos;
    while (p < s.size() && s[p] == ' ') ++p;
    std::string a;
    if (p + 1 < s.size() && s[p] == '\\' && (s[p + 1] == 'i' || s[p + 1] == 'j')) {
      *pos = p + 2;
      return std::string(1, s[p + 1]);
    }
    if (p < s.size() && s[p] == '{') {
      size_t e = s.find('}', p);
      if (e == std::string_view::npos) e = s.size();
      a = std::string(s.substr(p + 1, e - p - 1));
      *pos = e + (e < s.size() ? 1 : 0);
    } else if (p < s.size()) {
      size_t len = 1;
      unsigned char c = static_cast<unsigned char>(s[p]);
      if (c >= 0xC0) len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      a = std::string(s.substr(p, len));
      *pos = p + len;
    } else {
      *pos = p;
    }
    if (a == "\\i") a = "i";
    if (a == "\\j") a = "j";
    return a;
  };
  while (i < s.size()) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size()) {
      char n = s[i + 1];
      std::string name;
      size_t p = i + 1;
      if (std::isalpha(static_cast<unsigned char>(n))) {
        while (p < s.size() && std::isalpha(static_cast<unsigned char>(s[p]))) name += s[p++];
      } else {
        name = std::string(1, n);
        ++p;
      }
      auto acc = kAccent.find(name);
      bool letter_accent = acc != kAccent.end() && std::isalpha(static_cast<unsigned char>(name[0]));
      if (acc != kAccent.end() && (!letter_accent || p >= s.size() || s[p] == '{' || s[p] == ' ')) {
        std::string a = argument(&p);
        out += a + acc->second;
        combining = true;
        i = p;
        continue;
      }
      auto sym = kSymbol.find(name);
      if (sym != kSymbol.end()) {
        out += sym->second;
        if (std::isalpha(static_cast<unsigned char>(name[0])) && p < s.size() && s[p] == ' ') ++p;  // "\ss "
        i = p;
        continue;
      }
      // Another command (\emph, \textit, \url): drop the name, keep its argument.
      while (p < s.size() && s[p] == ' ' && std::isalpha(static_cast<unsigned char>(n))) ++p;
      i = p;
      continue;
    }
    if (c == '{' || c == '}' || c == '$') {
      ++i;
      continue;
    }
    if (c == '~') {
      out += ' ';
      ++i;
      continue;
    }
    if (c == '-' && s.compare(i, 3, "---") == 0) {
      out += "—";
      i += 3;
      continue;
    }
    if (c == '-' && s.compare(i, 2, "--") == 0) {
      out += "–";
      i += 2;
      continue;
    }
    out += c;
    ++i;
  }
  if (combining) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_SUCCESS(status)) {
      icu::UnicodeString u = nfc->normalize(icu::UnicodeString::fromUTF8(out), status);
      if (U_SUCCESS(status)) {
        std::string norm;
        u.toUTF8String(norm);
        out = std::move(norm);
      }
    }
  }
  return OneLine(out);
}

struct BibEntry {
  std::string type;  // lowercased
  std::string key;
  std::map<std::string, std::string> fields;  // lowercased names; raw values (braces kept inside)
};

class BibParser {
 public:
  explicit BibParser(std::string_view s) : s_(s) {}

  // Entries in order; malformed ones are skipped up to the next '@'.
  std::vector<BibEntry> Parse() {
    std::vector<BibEntry> out;
    while (true) {
      size_t at = s_.find('@', pos_);
      if (at == std::string_view::npos) break;
      pos_ = at + 1;
      std::string type;
      while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_'))
        type += static_cast<char>(std::tolower(static_cast<unsigned char>(s_[pos_++])));
      SkipSpace();
      if (type.empty() || pos_ >= s_.size() || (s_[pos_] != '{' && s_[pos_] != '(')) continue;
      char close = s_[pos_] == '{' ? '}' : ')';
      ++pos_;
      if (type == "comment" || type == "preamble") {
        SkipBalanced(close);
        continue;
      }
      if (type == "string") {
        SkipSpace();
        std::string name = Name();
        SkipSpace();
        if (pos_ < s_.size() && s_[pos_] == '=') {
          ++pos_;
          strings_[name] = Value(close);
        }
        SkipBalanced(close);
        continue;
      }
      BibEntry e;
      e.type = type;
      SkipSpace();
      size_t kstart = pos_;
      while (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != close && s_[pos_] != '\n') ++pos_;
      e.key = text::Trim(s_.substr(kstart, pos_ - kstart));
      bool ok = true;
      while (pos_ < s_.size()) {
        SkipSpace();
        if (pos_ < s_.size() && s_[pos_] == ',') {
          ++pos_;
          SkipSpace();
        }
        if (pos_ >= s_.size()) break;
        if (s_[pos_] == close) {
          ++pos_;
          break;
        }
        std::string name = Name();
        SkipSpace();
        if (name.empty() || pos_ >= s_.size() || s_[pos_] != '=') {
          ok = false;  // not "name = value": give up on this entry
          break;
        }
        ++pos_;
        e.fields[name] = Value(close);
      }
      if (ok || !e.fields.empty()) out.push_back(std::move(e));
    }
    return out;
  }

 private:
  void SkipSpace() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  std::string Name() {
    std::string n;
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == ':' || c == '.' || c == '+')
        n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      else break;
      ++pos_;
    }
    return n;
  }
  void SkipBalanced(char close) {
    int depth = 0;
    while (pos_ < s_.size()) {
      char c = s_[pos_++];
      if (c == '{') ++depth;
      else if (c == '}' && depth > 0) --depth;
      else if (c == close && depth == 0) return;
    }
  }
  // value := part ('#' part)*; part := {balanced} | "quoted" | number | macro
  std::string Value(char close) {
    std::string v;
    while (pos_ < s_.size()) {
      SkipSpace();
      if (pos_ >= s_.size()) break;
      char c = s_[pos_];
      if (c == '{') {
        size_t start = ++pos_;
        int depth = 1;
        while (pos_ < s_.size() && depth > 0) {
          if (s_[pos_] == '\\' && pos_ + 1 < s_.size()) {
            pos_ += 2;
            continue;
          }
          if (s_[pos_] == '{') ++depth;
          else if (s_[pos_] == '}') --depth;
          ++pos_;
        }
        v += s_.substr(start, pos_ - start - (depth == 0 ? 1 : 0));
      } else if (c == '"') {
        size_t start = ++pos_;
        int depth = 0;
        while (pos_ < s_.size() && !(s_[pos_] == '"' && depth == 0)) {
          if (s_[pos_] == '\\' && pos_ + 1 < s_.size()) {
            pos_ += 2;
            continue;
          }
          if (s_[pos_] == '{') ++depth;
          else if (s_[pos_] == '}' && depth > 0) --depth;
          ++pos_;
        }
        v += s_.substr(start, pos_ - start);
        if (pos_ < s_.size()) ++pos_;
      } else if (c == ',' || c == close) {
        break;
      } else {
        std::string word = Name();
        if (word.empty()) {  // stray character
          ++pos_;
          continue;
        }
        auto it = strings_.find(word);
        if (it != strings_.end()) v += it->second;
        else if (text::AllAsciiDigits(word)) v += word;
        else v += word;  // an undefined macro (month names "jan", ...): its name
      }
      SkipSpace();
      if (pos_ < s_.size() && s_[pos_] == '#') {
        ++pos_;
        continue;
      }
      break;
    }
    return v;
  }

  std::string_view s_;
  size_t pos_ = 0;
  std::map<std::string, std::string> strings_;
};

// Splits a BibTeX name list: "A and B and C" (the word "and" at brace depth 0).
std::vector<std::string> SplitBibAnd(std::string_view s) {
  std::vector<std::string> out;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '{') ++depth;
    else if (s[i] == '}' && depth > 0) --depth;
    else if (depth == 0 && i + 5 <= s.size() && std::isspace(static_cast<unsigned char>(s[i])) &&
             (s.compare(i + 1, 3, "and") == 0 || s.compare(i + 1, 3, "AND") == 0) &&
             std::isspace(static_cast<unsigned char>(s[i + 4]))) {
      out.push_back(std::string(s.substr(start, i - start)));
      i += 4;
      start = i + 1;
    }
  }
  out.push_back(std::string(s.substr(start)));
  return out;
}

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

// "eid=2-s2.0-84993929598" in a Scopus link.
std::string EidFromUrl(std::string_view url) {
  size_t p = url.find("eid=");
  if (p == std::string_view::npos) return {};
  size_t e = url.find('&', p);
  return std::string(url.substr(p + 4, e == std::string_view::npos ? std::string_view::npos : e - p - 4));
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
  d.text = PaperText(d.title, get("abstract"), Join({kw, index_kw}, "; "));
  if (auto it = e.fields.find("references"); it != e.fields.end()) {
    // Scopus prints references without LaTeX markup; keep them as printed
    // (only the outer braces are gone).
    d.references = ParseScopusReferences(OneLine(it->second));
  }
  if (d.title.empty()) d.title = d.id;
  return d;
}

// ---------------------------------------------------------------------------
// RIS

bool RisTag(std::string_view line, std::string* tag, std::string* value) {
  // "TY  - JOUR", "ER  -", some exporters write "ER  - " or one space.
  if (line.size() < 5) {
    if (line.size() >= 4 && text::IsAsciiUpper(line[0]) && line.substr(2, 2) == " -") {
      *tag = std::string(line.substr(0, 2));
      value->clear();
      return true;
    }
    return false;
  }
  if (!text::IsAsciiUpper(line[0]) || !(text::IsAsciiUpper(line[1]) || text::IsAsciiDigit(line[1]))) return false;
  if (line.substr(2, 3) == "  -") {
    *tag = std::string(line.substr(0, 2));
    *value = text::Trim(line.substr(5));
    return true;
  }
  if (line.substr(2, 2) == " -") {
    *tag = std::string(line.substr(0, 2));
    *value = text::Trim(line.substr(4));
    return true;
  }
  return false;
}

std::string RisFirst(const TagLines& rec, std::initializer_list<const char*> tags) {
  for (const char* t : tags) {
    auto it = rec.find(t);
    if (it != rec.end())
      for (const auto& v : it->second)
        if (!text::Trim(v).empty()) return OneLine(v);
  }
  return {};
}

Document RisRecord(const TagLines& rec, const FileInput& in, size_t n) {
  Document d;
  d.format = "ris";
  d.kind = Kind::kPaper;
  d.title = RisFirst(rec, {"TI", "T1", "CT", "BT"});
  for (const char* t : {"AU", "A1"}) {
    if (const auto* v = Items(rec, t))
      for (const auto& a : *v) {
        std::string name = OneLine(a);
        if (!name.empty() && std::find(d.authors.begin(), d.authors.end(), name) == d.authors.end())
          d.authors.push_back(name);
      }
  }
  // PY "2019" or "2019/03/15/"; DA "2019/03/15"; Y1 "1 Jan.-Feb. 2019" (IEEE).
  std::string py = RisFirst(rec, {"PY"}), da = RisFirst(rec, {"DA"}), y1 = RisFirst(rec, {"Y1"});
  std::string year = YearOfField(py);
  if (year.empty()) year = YearOfField(y1);
  if (year.empty()) year = YearOfField(da);
  for (const std::string& cand : {da, py, y1}) {
    // YYYY/MM/DD
    if (cand.size() >= 10 && IsYear(cand.substr(0, 4)) && cand[4] == '/' && cand[7] == '/' &&
        text::AllAsciiDigits(cand.substr(5, 2)) && text::AllAsciiDigits(cand.substr(8, 2)) && cand.substr(0, 4) == year) {
      int m = std::stoi(cand.substr(5, 2)), day = std::stoi(cand.substr(8, 2));
      if (m >= 1 && m <= 12) {
        d.date = MakeDate(year, m, day >= 1 && day <= 31 ? day : 0);
        break;
      }
    }
  }
  if (d.date.empty()) d.date = MakeDate(year, 0, 0);
  std::string la = RisFirst(rec, {"LA"});
  // Without LA, the title tells: a record from a Chinese database is in Chinese.
  d.language = la.empty() ? GuessLanguage(d.title) : LanguageCode(la);
  d.url = RisFirst(rec, {"UR", "L2"});
  std::string doi = NormalizeDoi(RisFirst(rec, {"DO", "DI"}));
  if (doi.empty()) doi = NormalizeDoi(RisFirst(rec, {"M3"}));
  if (!doi.empty()) {
    d.id = "doi:" + doi;
    d.meta["doi"] = doi;
  } else if (!d.title.empty() || !year.empty()) {
    d.id = "ris:" + HashId(text::AsciiLower(d.title) + "|" + year).substr(4);
  } else {
    d.id = HashId(in.key + "#" + std::to_string(n));
  }
  std::string journal = RisFirst(rec, {"JF", "JO", "T2", "J2", "JA"});
  if (!journal.empty()) d.meta["journal"] = journal;
  std::string abbrev = RisFirst(rec, {"J2", "JA"});
  if (!abbrev.empty() && abbrev != journal) d.meta["journal_abbrev"] = abbrev;
  std::string vol = RisFirst(rec, {"VL", "VO"});
  if (!vol.empty()) d.meta["volume"] = vol;
  std::string is = RisFirst(rec, {"IS", "CP"});
  if (!is.empty()) d.meta["issue"] = is;
  std::string sp = RisFirst(rec, {"SP"});
  if (!sp.empty()) d.meta["page"] = FirstPage(sp);
  std::string ep = RisFirst(rec, {"EP"});
  if (!ep.empty()) d.meta["end_page"] = ep;
  for (const auto& [tag, key] : std::vector<std::pair<const char*, const char*>>{
           {"PB", "publisher"}, {"SN", "issn"}, {"TY", "document_type"}, {"AN", "accession"}, {"T2", "secondary_title"}}) {
    std::string v = RisFirst(rec, {tag});
    if (!v.empty() && !(std::string(key) == "secondary_title" && v == journal)) d.meta[key] = v;
  }
  std::vector<std::string> kws;
  if (const auto* v = Items(rec, "KW"))
    for (const auto& k : *v)
      if (!OneLine(k).empty()) kws.push_back(OneLine(k));
  std::string kw = Join(kws, "; ");
  if (!kw.empty()) d.meta["keywords"] = kw;
  // One keyword per KW line; some exporters put a "; " list on one line.
  for (const auto& k : kws)
    for (auto& one : SplitKeywordList(k)) d.keywords.push_back(std::move(one));
  if (const auto* v = Items(rec, "AD"))
    for (const auto& a : *v)
      if (!OneLine(a).empty()) d.affiliations.push_back(ParseFreeAddress(OneLine(a)));
  std::string abstract = RisFirst(rec, {"AB", "N2"});
  d.text = PaperText(d.title, abstract, kw);
  if (d.title.empty()) d.title = d.id;
  return d;
}

}  // namespace

// ---------------------------------------------------------------------------

Result<std::vector<Document>> ReadWos(const FileInput& in) {
  auto utf8 = ToUtf8(in.bytes);
  if (!utf8.ok()) return utf8.status();
  std::vector<Document> out;
  TagLines rec;
  bool in_record = false;
  std::string tag;
  size_t n = 0;
  auto finish = [&] {
    if (in_record) out.push_back(WosRecord(rec, in, ++n));
    rec.clear();
    in_record = false;
    tag.clear();
  };
  for (const TextLine& text_line : SplitLines(*utf8)) {
    std::string_view line = text_line.text;
    if (line.size() >= 3 && line[0] == ' ' && line[1] == ' ' && line[2] == ' ') {
      if (in_record && !tag.empty()) rec[tag].push_back(text::Trim(line));
      continue;
    }
    if (text::Trim(line).empty()) continue;
    if (line.size() >= 2 && (text::IsAsciiUpper(line[0]) || text::IsAsciiDigit(line[0])) && (text::IsAsciiUpper(line[1]) || text::IsAsciiDigit(line[1])) &&
        (line.size() == 2 || line[2] == ' ')) {
      std::string t(line.substr(0, 2));
      std::string value = line.size() > 3 ? text::Trim(line.substr(3)) : std::string();
      if (t == "PT") {
        finish();
        in_record = true;
      }
      if (t == "ER") {
        finish();
        continue;
      }
      if (t == "EF") {
        finish();
        break;
      }
      if (!in_record) {
        // FN/VR header, or a record that lost its PT line: start one at a
        // field that only records carry.
        if (t == "FN" || t == "VR") continue;
        in_record = true;
      }
      tag = t;
      rec[tag].push_back(value);
      continue;
    }
    // Anything else inside a record continues the current field.
    if (in_record && !tag.empty()) rec[tag].push_back(text::Trim(line));
  }
  finish();
  return out;
}

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
    d.text = PaperText(d.title, text::Trim(get("abstract")), Join({OneLine(get("author keywords")), OneLine(get("index keywords"))}, "; "));
    std::string refs = get("references");
    if (!refs.empty()) d.references = ParseScopusReferences(OneLine(refs));
    if (d.title.empty()) d.title = d.id;
    out.push_back(std::move(d));
  }
  return out;
}

Result<std::vector<Document>> ReadBibtex(const FileInput& in) {
  auto utf8 = ToUtf8(in.bytes);
  if (!utf8.ok()) return utf8.status();
  std::vector<BibEntry> entries = BibParser(*utf8).Parse();
  std::vector<Document> out;
  size_t n = 0;
  for (const auto& e : entries) out.push_back(BibRecord(e, in.key, ++n));
  return out;
}

Result<std::vector<Document>> ReadRis(const FileInput& in) {
  auto utf8 = ToUtf8(in.bytes);
  if (!utf8.ok()) return utf8.status();
  std::vector<Document> out;
  TagLines rec;
  bool in_record = false;
  std::string last;
  size_t n = 0;
  auto finish = [&] {
    if (in_record) out.push_back(RisRecord(rec, in, ++n));
    rec.clear();
    in_record = false;
    last.clear();
  };
  for (const TextLine& text_line : SplitLines(*utf8)) {
    std::string_view line = text_line.text;
    std::string tag, value;
    if (RisTag(line, &tag, &value)) {
      if (tag == "TY") {
        finish();
        in_record = true;
      } else if (tag == "ER") {
        finish();
        continue;
      } else if (!in_record) {
        in_record = true;  // a record without TY
      }
      rec[tag].push_back(value);
      last = tag;
      continue;
    }
    std::string t = text::Trim(line);
    if (t.empty() || !in_record || last.empty()) continue;
    // A wrapped value (long abstracts): continue the last field.
    auto& vals = rec[last];
    vals.back() += (vals.back().empty() ? "" : " ") + t;
  }
  finish();
  return out;
}

}  // namespace lodestone::internal
