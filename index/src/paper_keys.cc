#include "lodestone/index/paper_keys.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

namespace lodestone {

namespace {

// ASCII letter for U+00C0..U+017F (Latin-1 Supplement and Latin Extended-A),
// from Unicode's NFKD decomposition; '_' where there is none.
constexpr char kFold[] =
    "aaaaaaaceeeeiiiidnooooo_ouuuuytsaaaaaaaceeeeiiii_nooooo_ouuuuytyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiii"
    "iiiijjkkkllllllllllnnnnnnn__oooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

// Lowercase ASCII with accents folded; other non-ASCII characters become a
// space (so they separate words rather than join them).
std::string Fold(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(std::tolower(c));
      ++i;
      continue;
    }
    int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    uint32_t cp = len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : len == 4 ? (c & 0x07) : 0;
    for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    if (cp >= 0xC0 && cp < 0x180 && kFold[cp - 0xC0] != '_')
      out += kFold[cp - 0xC0];
    else if (cp == 0x2010 || cp == 0x2011 || cp == 0x2013 || cp == 0x2019)  // hyphens, dash, apostrophe
      out += cp == 0x2019 ? '\'' : '-';
    else
      out += ' ';
  }
  return out;
}

std::vector<std::string> Split(const std::string& s, const std::string& seps) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (seps.find(c) != std::string::npos) {
      if (!cur.empty()) out.push_back(cur), cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::string LettersOnly(const std::string& s) {
  std::string out;
  for (char c : s)
    if (std::isalpha(static_cast<unsigned char>(c))) out += c;
  return out;
}

// What SurnameKey drops after a surname: up to three letters with a dot
// ("J.", "H.Q.", "Th.", "jr.") or up to three capitals ("JM"). Not
// lodestone::text::IsInitials: four capitals are a surname here even with
// dots, so that WoS "FRANCIS RICC" and "Francis R.I.C.C." make one key.
bool IsDroppedAfterSurname(const std::string& tok) {
  std::string letters = LettersOnly(tok);
  if (letters.empty() || letters.size() > 3) return false;
  if (tok.find('.') != std::string::npos) return true;
  return std::all_of(letters.begin(), letters.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
}

std::string Year(const std::string& s) {
  for (size_t i = 0; i + 4 <= s.size(); ++i) {
    if ((s[i] == '1' || s[i] == '2') && std::isdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isdigit(static_cast<unsigned char>(s[i + 2])) && std::isdigit(static_cast<unsigned char>(s[i + 3])) &&
        (i + 4 == s.size() || !std::isdigit(static_cast<unsigned char>(s[i + 4]))) &&
        (i == 0 || !std::isdigit(static_cast<unsigned char>(s[i - 1]))))
      return s.substr(i, 4);
  }
  return {};
}

}  // namespace

std::string SurnameKey(const std::string& author) {
  std::string a = author;
  size_t comma = a.find(',');
  if (comma != std::string::npos) {
    a = a.substr(0, comma);  // "Surname, Given"
  } else {
    // "ALHO JM", "de Valpine P": surname first, initials after: all but the
    // initials. "J. M. Alho", "Jane Doe", "Perry de Valpine": given names
    // first: the last word and the lowercase particles before it.
    std::vector<std::string> toks = Split(a, " \t");
    bool initials_after = false;
    while (toks.size() > 1 && IsDroppedAfterSurname(toks.back())) toks.pop_back(), initials_after = true;
    if (!initials_after && toks.size() > 1) {
      size_t first = toks.size() - 1;
      while (first > 1 && !toks[first - 1].empty() && std::islower(static_cast<unsigned char>(toks[first - 1][0])))
        --first;
      toks.erase(toks.begin(), toks.begin() + static_cast<std::ptrdiff_t>(first));
    }
    a.clear();
    for (const auto& t : toks) a += t;
  }
  // "[Anonymous]", "Anonymous" are no author.
  std::string key = LettersOnly(Fold(a));
  if (key == "anonymous" || key == "anon") return {};
  return key;
}

std::string TitleKey(const std::string& title, size_t max_words) {
  static const std::set<std::string> kStop = {"a",  "an", "the", "of",   "and", "in", "on", "for", "to",
                                              "with", "by", "from", "at", "as", "or", "is", "are"};
  std::string out;
  size_t n = 0;
  for (const auto& w : Split(Fold(title), " \t\r\n.,;:!?()[]{}\"'/-")) {
    std::string clean;
    for (char c : w)
      if (std::isalnum(static_cast<unsigned char>(c))) clean += c;
    if (clean.empty() || kStop.count(clean)) continue;
    out += (out.empty() ? "" : "-") + clean;
    if (++n == max_words) break;
  }
  return n >= 3 ? out : std::string();  // too short a title is no key
}

std::string VolumeKey(const std::string& v) {
  std::string s = Fold(v);
  size_t i = s.find_first_not_of(" \t");
  if (i == std::string::npos) return {};
  if (s[i] == 'v' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]))) ++i;
  std::string out;
  for (; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i) out += s[i];
  out.erase(0, std::min(out.find_first_not_of('0'), out.size()));
  return out;
}

std::string PageKey(const std::string& p) {
  std::string s = Fold(p);
  size_t i = s.find_first_not_of(" \t");
  if (i == std::string::npos) return {};
  if (s.compare(i, 3, "pp.") == 0) {
    i += 3;
  } else if (s[i] == 'p' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
    ++i;  // WoS "P623"
  } else if (s[i] == 'p' && i + 2 < s.size() && std::isalpha(static_cast<unsigned char>(s[i + 1])) &&
             std::isdigit(static_cast<unsigned char>(s[i + 2]))) {
    ++i;  // WoS "PS445": supplement page S445
  }
  i = s.find_first_not_of(" \t", i);
  if (i == std::string::npos) return {};
  std::string out;
  for (; i < s.size() && std::isalnum(static_cast<unsigned char>(s[i])); ++i) out += s[i];
  if (std::all_of(out.begin(), out.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    out.erase(0, std::min(out.find_first_not_of('0'), out.size()));
  return out;
}

namespace {
std::vector<std::string> Keys(const std::string& first_author, const std::string& year, const std::string& volume,
                              const std::string& page, const std::string& title) {
  std::vector<std::string> keys;
  const std::string who = SurnameKey(first_author), y = Year(year);
  if (who.empty() || y.empty()) return keys;
  const std::string v = VolumeKey(volume), p = PageKey(page);
  if (!v.empty() && !p.empty()) keys.push_back("avp:" + who + "|" + y + "|" + v + "|" + p);
  const std::string t = TitleKey(title);
  if (!t.empty()) keys.push_back("aty:" + who + "|" + y + "|" + t);
  return keys;
}
}  // namespace

std::vector<std::string> ReferenceKeys(const Reference& r) {
  return Keys(r.authors.empty() ? std::string() : r.authors.front(), r.year, r.volume, r.page, r.title);
}

std::vector<std::string> PaperKeys(const Document& d) {
  auto meta = [&](const char* k) {
    auto it = d.meta.find(k);
    return it == d.meta.end() ? std::string() : it->second;
  };
  const std::string first = d.authors.empty() ? std::string() : d.authors.front();
  auto keys = Keys(first, d.date, meta("volume"), meta("page"), d.title);
  // Electronic journals are cited by article number as often as by page.
  const std::string article = meta("article_number");
  if (!article.empty() && PageKey(article) != PageKey(meta("page")))
    for (const auto& k : Keys(first, d.date, meta("volume"), article, ""))
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
  return keys;
}

std::string DoiInText(const std::string& text) {
  for (size_t i = text.find("10."); i != std::string::npos; i = text.find("10.", i + 3)) {
    if (i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1]))) continue;
    size_t j = i + 3, digits = 0;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j, ++digits;
    if (digits < 4 || j >= text.size() || text[j] != '/') continue;
    size_t end = j + 1;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != '"' &&
           text[end] != '<' && text[end] != '>')
      ++end;
    while (end > j + 1 && std::string(".,;:)]}").find(text[end - 1]) != std::string::npos) --end;
    if (end <= j + 1) continue;
    std::string doi = text.substr(i, end - i);
    for (char& c : doi) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return doi;
  }
  return {};
}

std::string PackReference(const Reference& r) {
  std::vector<std::string> parts;
  auto add = [&](const std::string& p) {
    if (p.empty() || p.find(' ') != std::string::npos) return;
    if (std::find(parts.begin(), parts.end(), p) == parts.end()) parts.push_back(p);
  };
  if (!r.doi.empty()) add("doi:" + r.doi);
  else if (std::string d = DoiInText(r.text); !d.empty()) add("doi:" + d);  // printed, not tagged
  for (const auto& id : r.ids) add(id);
  for (const auto& k : ReferenceKeys(r)) add(k);
  if (parts.empty() && !r.text.empty()) {
    // Nothing to resolve by: the reference is still one cited work, named by
    // a hash of its normalised text (so the same text twice is one node).
    std::string norm;
    for (char c : r.text)
      if (std::isalnum(static_cast<unsigned char>(c))) norm += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!norm.empty()) {
      uint64_t h = 1469598103934665603ull;
      for (unsigned char c : norm) h = (h ^ c) * 1099511628211ull;
      char buf[24];
      std::snprintf(buf, sizeof buf, "txt:%012llx", static_cast<unsigned long long>(h & 0xffffffffffffull));
      parts.push_back(buf);
    }
  }
  std::string out;
  for (const auto& p : parts) {
    if (out.size() + p.size() + 1 > 230) break;  // a Xapian term holds 245 bytes with its prefix
    out += (out.empty() ? "" : " ") + p;
  }
  return out;
}

UnpackedReference UnpackReference(const std::string& packed) {
  UnpackedReference u;
  for (const auto& p : Split(packed, " ")) {
    if (p.rfind("avp:", 0) == 0 || p.rfind("aty:", 0) == 0 || p.rfind("txt:", 0) == 0)
      u.keys.push_back(p);
    else
      u.ids.push_back(p);
  }
  return u;
}

}  // namespace lodestone
