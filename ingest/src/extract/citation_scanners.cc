#include "extract/citation_scanners.h"

#include <cstdlib>
#include <unordered_set>

#include "extract/sentences.h"
#include "formats/dates.h"
#include "lodestone/ingest/matcher.h"

namespace lodestone::internal {

namespace {

using Scan = CitationScan;
using Found = FoundCitation;

std::string Digits(const std::string& t) {
  std::string out;
  for (char c : t)
    if (c != ',') out += c;
  return out;
}

bool StartsWithDigit(const std::string& t) { return !t.empty() && t[0] >= '0' && t[0] <= '9'; }

// A hyphen or dash between two numbers; a line break may follow it
// ("Public Law 94-\n580" in the GPO pages).
bool IsDashGap(std::string_view g) {
  if (g.find('\n') != std::string_view::npos) {
    size_t end = g.find_last_not_of(" \t\n");
    g = end == std::string_view::npos ? std::string_view() : g.substr(0, end + 1);
  }
  return g == "-" || g == "\xE2\x80\x93" || g == "\xE2\x80\x94" || g == "\xE2\x80\x91" || g == "\xE2\x80\x90";
}

// Every word the scanners look for. Words are marked once, so that the
// scanners reject the other 95% of words without comparing strings.
const std::unordered_set<std::string>& Keywords() {
  static const std::unordered_set<std::string> k = {
      "executive", "exec", "order", "orders", "ord", "eo", "eos", "no", "nos", "number", "numbers", "of", "as",
      "amended", "supplemented", "and", "or", "public", "law", "laws", "pub", "l", "pl", "usc", "app", "appendix",
      "sec", "section", "secs", "sections", "title", "this", "united", "states", "code", "cfr", "part", "parts",
      "fed", "reg", "stat", "fr", "hr", "presidential", "determination", "shall", "direct", "directs", "directed",
      "by", "revoke", "revoked", "revokes", "revoking", "rescind", "rescinded", "rescinds", "revocation",
      "supersede", "supersedes", "superseded", "amend", "amends", "amending", "amendment", "amendments",
      "departments", "secretaries"};
  return k;
}

}  // namespace

std::vector<uint8_t> MarkKeywords(const std::vector<Word>& w) {
  std::vector<uint8_t> mark(w.size(), 0);
  const auto& k = Keywords();
  static const WordFilter filter = [&] {
    WordFilter f;
    for (const auto& word : k) f.Add(word);
    return f;
  }();
  for (size_t i = 0; i < w.size(); ++i)
    if (w[i].term.size() <= 13 && filter.MayContain(w[i].term) && k.count(w[i].term)) mark[i] = 1;
  return mark;
}

bool IsNumber(const std::string& t) {
  if (t.empty()) return false;
  for (char c : t)
    if (!((c >= '0' && c <= '9') || c == ',')) return false;
  return t[0] != ',';
}

bool IsMonthWord(const std::string& t) { return internal::MonthNumber(t) != 0; }

namespace {

// Skips "of March 16, 2012" and a parenthesised title after word i-1;
// returns the next word index.
size_t SkipDateAndParens(const Scan& s, size_t j) {
  if (s.Is(j, "of") && IsMonthWord(s.T(j + 1)) && IsNumber(s.T(j + 2)) && Digits(s.T(j + 3)).size() == 4) j += 4;
  // A parenthesis opening right after the previous word: skip to its close.
  if (j > 0 && j < s.w.size()) {
    std::string_view g = GapBefore(s.w, s.text, j);
    size_t open = g.find('(');
    if (open != std::string_view::npos) {
      size_t from = s.w[j - 1].end + open;
      int depth = 0;
      size_t close = std::string_view::npos;
      for (size_t k = from; k < s.text.size() && k < from + 600; ++k) {
        if (s.text[k] == '(') ++depth;
        if (s.text[k] == ')' && --depth == 0) {
          close = k;
          break;
        }
      }
      if (close != std::string_view::npos)
        while (j < s.w.size() && s.w[j].begin < close) ++j;
    }
  }
  return j;
}

}  // namespace

void ScanExecutiveOrders(const Scan& s, std::vector<Found>* out) {
  for (size_t i = 0; i < s.w.size(); ++i) {
    size_t j;
    if ((s.Is(i, "executive") || s.Is(i, "exec")) && (s.Is(i + 1, "order") || s.Is(i + 1, "orders") ||
                                                       s.Is(i + 1, "ord")))
      j = i + 2;
    else if (s.Is(i, "eo") || s.Is(i, "eos"))
      j = i + 1;
    else
      continue;
    const bool plural = s.Is(j - 1, "orders") || s.Is(j - 1, "eos");
    if (s.Is(j, "no") || s.Is(j, "nos") || s.Is(j, "number") || s.Is(j, "numbers")) ++j;
    while (j < s.w.size()) {
      std::string n = IsNumber(s.T(j)) ? Digits(s.T(j)) : "";
      if (n.size() < 4 || n.size() > 5) break;
      std::string id = "eo:" + std::to_string(std::stoul(n));
      if (id != s.own_id) out->push_back({id, j});
      ++j;
      j = SkipDateAndParens(s, j);
      if (s.Is(j, "as") && (s.Is(j + 1, "amended") || s.Is(j + 1, "supplemented"))) j += 2;
      // A list goes on only through commas, "and" or "or".
      size_t k = j;
      if (s.Is(k, "and") || s.Is(k, "or")) ++k;
      bool comma = GapBefore(s.w, s.text, j).find(',') != std::string_view::npos;
      if (k == j && !comma) break;
      auto is_eo_number = [&](size_t x) {
        return IsNumber(s.T(x)) && Digits(s.T(x)).size() >= 4 && Digits(s.T(x)).size() <= 5;
      };
      if (!is_eo_number(k) && plural && comma) {
        // "Executive Orders: 12843, Procurement Requirements ...; 13031, ...":
        // after a title, a semicolon leads to the next number.
        size_t x = j;
        while (x < s.w.size() && x < j + 25 && GapBefore(s.w, s.text, x).find(';') == std::string_view::npos) ++x;
        if (x < s.w.size() && (s.Is(x, "and") || s.Is(x, "or"))) ++x;
        if (x < s.w.size() && is_eo_number(x)) k = x;
      }
      if (!is_eo_number(k)) break;
      j = k;
    }
    i = j > i ? j - 1 : i;
  }
}

namespace {

void ScanPublicLaws(const Scan& s, std::vector<Found>* out) {
  for (size_t i = 0; i < s.w.size(); ++i) {
    size_t j;
    if (s.Is(i, "public") && (s.Is(i + 1, "law") || s.Is(i + 1, "laws")))
      j = i + 2;
    else if (s.Is(i, "pub") && s.Is(i + 1, "l"))
      j = i + 2;
    else if (s.Is(i, "pl") && s.S(i) != "pl")
      j = i + 1;
    else
      continue;
    if (s.Is(j, "no") || s.Is(j, "nos")) ++j;
    while (IsNumber(s.T(j)) && IsNumber(s.T(j + 1)) && IsDashGap(GapBefore(s.w, s.text, j + 1))) {
      out->push_back({"pl:" + Digits(s.T(j)) + "-" + Digits(s.T(j + 1)), j});
      j += 2;
      if (s.Is(j, "and") || s.Is(j, "or")) ++j;
      else if (GapBefore(s.w, s.text, j).find(',') == std::string_view::npos) break;
    }
  }
}

bool IsCitationKeyword(const std::string& t) {
  return t == "usc" || t == "stat" || t == "cfr" || t == "fr" || t == "fed";
}

void ScanCode(const Scan& s, std::vector<Found>* out) {
  for (size_t i = 0; i + 2 < s.w.size(); ++i) {
    // "50 U.S.C. 4501", "50 U.S.C. App. 2061", "42 U.S.C. § 18741(a)"
    if (IsNumber(s.T(i)) && s.Is(i + 1, "usc")) {
      std::string title = Digits(s.T(i));
      size_t j = i + 2;
      if (s.Is(j, "app") || s.Is(j, "appendix")) {
        title += "-app";
        ++j;
      }
      if (s.Is(j, "sec") || s.Is(j, "section") || s.Is(j, "secs") || s.Is(j, "sections")) ++j;
      while (j < s.w.size() && StartsWithDigit(s.T(j))) {
        out->push_back({"usc:" + title + "/" + s.T(j), j});
        // A range "351-359" cites both ends.
        if (StartsWithDigit(s.T(j + 1)) && IsDashGap(GapBefore(s.w, s.text, j + 1)) && !IsCitationKeyword(s.T(j + 2))) {
          ++j;
          out->push_back({"usc:" + title + "/" + s.T(j), j});
        }
        size_t k = j + 1;
        // Subsections "(a)(1)" are separate short words: skip them.
        while (k < s.w.size() && s.T(k).size() <= 3 && GapBefore(s.w, s.text, k).find('(') != std::string_view::npos) ++k;
        size_t next = k;
        if (s.Is(next, "and")) ++next;
        else if (GapBefore(s.w, s.text, k).find(',') == std::string_view::npos) break;
        if (!StartsWithDigit(s.T(next)) || IsCitationKeyword(s.T(next + 1)) || IsDashGap(GapBefore(s.w, s.text, next)))
          break;
        j = next;
      }
      continue;
    }
    // "section 301 of title 3, United States Code"; "section 1604(f) of this title"
    if (s.Is(i, "section") || s.Is(i, "sec") || s.Is(i, "sections")) {
      size_t j = i + 1;
      if (!StartsWithDigit(s.T(j))) continue;
      std::string section = s.T(j);
      size_t k = j + 1;
      while (k < s.w.size() && k < j + 6 && !s.Is(k, "of")) ++k;
      if (!s.Is(k, "of")) continue;
      if (s.Is(k + 1, "title") && IsNumber(s.T(k + 2))) {
        std::string title = Digits(s.T(k + 2));
        bool code = s.Is(k + 3, "united") && s.Is(k + 4, "states") && s.Is(k + 5, "code");
        if (code || !s.own_usc_title.empty()) out->push_back({"usc:" + title + "/" + section, j});
      } else if (s.Is(k + 1, "this") && s.Is(k + 2, "title") && !s.own_usc_title.empty()) {
        out->push_back({"usc:" + s.own_usc_title + "/" + section, j});
      }
    }
  }
}

void ScanRegisterAndStatutes(const Scan& s, std::vector<Found>* out) {
  for (size_t i = 0; i + 2 < s.w.size(); ++i) {
    if (!IsNumber(s.T(i))) continue;
    const std::string vol = Digits(s.T(i));
    if (s.Is(i + 1, "cfr")) {
      size_t j = i + 2;
      if (s.Is(j, "part") || s.Is(j, "parts") || s.Is(j, "section")) ++j;
      if (StartsWithDigit(s.T(j))) out->push_back({"cfr:" + vol + "/" + s.T(j), j});
    } else if (s.S(i + 1) == "FR" && IsNumber(s.T(i + 2))) {
      out->push_back({"fr:" + vol + "/" + Digits(s.T(i + 2)), i});
    } else if (s.Is(i + 1, "fed") && s.Is(i + 2, "reg") && IsNumber(s.T(i + 3))) {
      out->push_back({"fr:" + vol + "/" + Digits(s.T(i + 3)), i});
    } else if (s.S(i + 1) == "Stat" && IsNumber(s.T(i + 2))) {
      out->push_back({"stat:" + vol + "/" + Digits(s.T(i + 2)), i});
    }
  }
}

void ScanBillsAndDeterminations(const Scan& s, std::vector<Found>* out) {
  for (size_t i = 0; i + 1 < s.w.size(); ++i) {
    if (s.Is(i, "hr") && s.S(i).find('.') != std::string_view::npos && IsNumber(s.T(i + 1)) && s.congress > 0) {
      out->push_back({"bill:" + std::to_string(s.congress) + "/hr/" + Digits(s.T(i + 1)), i});
    } else if (s.Is(i, "presidential") && s.Is(i + 1, "determination")) {
      size_t j = i + 2;
      if (s.Is(j, "no") || s.Is(j, "number")) ++j;
      if (IsNumber(s.T(j)) && s.T(j).size() == 4 && IsNumber(s.T(j + 1)) && IsDashGap(GapBefore(s.w, s.text, j + 1)))
        out->push_back({"pd:" + s.T(j) + "-" + s.T(j + 1), j});
    }
  }
}

}  // namespace

int CongressOf(const std::string& date) {
  if (date.size() < 4) return 0;
  int year = std::atoi(date.substr(0, 4).c_str());
  if (year < 1789) return 0;
  // A Congress starts on January 3 of an odd year.
  bool early = date.size() >= 10 && date.substr(5, 2) == "01" && std::atoi(date.substr(8, 2).c_str()) < 3;
  if (early) --year;
  return (year - 1789) / 2 + 1;
}

std::vector<FoundCitation> ScanCitations(const CitationScan& s) {
  std::vector<FoundCitation> found;
  ScanExecutiveOrders(s, &found);
  ScanPublicLaws(s, &found);
  ScanCode(s, &found);
  ScanRegisterAndStatutes(s, &found);
  ScanBillsAndDeterminations(s, &found);
  return found;
}

std::string OwnUscTitle(const std::string& id, const std::map<std::string, std::string>& meta) {
  if (auto it = meta.find("usc_title"); it != meta.end()) return it->second;
  if (id.rfind("usc:", 0) != 0) return {};
  size_t slash = id.find('/');
  return slash == std::string::npos ? std::string() : id.substr(4, slash - 4);
}

}  // namespace lodestone::internal
