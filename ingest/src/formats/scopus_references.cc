#include <cctype>

#include "formats/scopus_references.h"

#include "formats/dates.h"
#include "formats/doi.h"
#include "formats/paper_fields.h"
#include "formats/split.h"
#include "lodestone/text/ascii.h"
#include "lodestone/text/initials.h"

namespace lodestone::internal {

namespace {

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
    r.title = text::Trim(JoinNonEmpty(title, ", "));
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

}  // namespace

std::vector<Reference> ParseScopusReferences(std::string_view all) {
  std::vector<Reference> refs;
  for (const auto& piece : SplitScopusReferences(all)) refs.push_back(ParseScopusReference(piece));
  return refs;
}

std::string EidFromUrl(std::string_view url) {
  size_t p = url.find("eid=");
  if (p == std::string_view::npos) return {};
  size_t e = url.find('&', p);
  return std::string(url.substr(p + 4, e == std::string_view::npos ? std::string_view::npos : e - p - 4));
}

}  // namespace lodestone::internal
