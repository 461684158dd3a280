#include "formats/printed_references.h"

#include <cctype>

#include "formats/dates.h"
#include "formats/doi.h"
#include "formats/whitespace.h"
#include "lodestone/text/ascii.h"
#include "lodestone/text/initials.h"

namespace lodestone::internal {

namespace {

constexpr size_t kMaxReferences = 5000;

// Letters outside ASCII count as letters (Ångström, Łukasz, 王).
bool IsLetter(char c) { return text::IsAsciiUpper(c) || text::IsAsciiLower(c) || (static_cast<unsigned char>(c) & 0x80); }

// "7. References:", "VII REFERENCES", "R EFERENCES" -> "references".
std::string HeadingKey(std::string_view line) {
  std::string h = text::AsciiLower(text::Trim(line));
  if (h.size() > 60) return {};
  size_t i = 0;
  while (i < h.size() && (text::IsAsciiDigit(h[i]) || h[i] == '.')) ++i;
  if (i == 0) {
    size_t r = 0;
    while (r < h.size() && (h[r] == 'i' || h[r] == 'v' || h[r] == 'x')) ++r;
    if (r > 0 && r < h.size() && (h[r] == '.' || h[r] == ' ')) i = r + 1;
  }
  std::string key;
  for (char c : h.substr(i))
    if (c != ' ' && c != '\t' && c != ':' && c != '.') key += c;
  return key;
}

bool IsReferenceHeading(std::string_view line) {
  static const char* const kHeadings[] = {"references", "referencelist", "bibliography", "literaturecited",
                                          "workscited", "referencescited", "citedliterature", "referencesandnotes",
                                          "literatur", "bibliographie", "参考文献"};
  std::string key = HeadingKey(line);
  for (const char* h : kHeadings)
    if (key == h) return true;
  return false;
}

bool IsSectionAfterReferences(std::string_view line) {
  std::string key = HeadingKey(line);
  if (key.empty()) return false;
  for (std::string_view p : {"appendix", "appendices", "supplementary", "supportinginformation"})
    if (text::StartsWith(key, p)) return true;
  return key == "acknowledgments" || key == "acknowledgements";
}

// "[12] ..." -> 12 (and the label's length), else -1.
int BracketLabel(std::string_view l, size_t* len) {
  if (l.size() < 3 || l[0] != '[') return -1;
  size_t i = 1;
  int n = 0;
  while (i < l.size() && text::IsAsciiDigit(l[i]) && i < 6) n = n * 10 + (l[i++] - '0');
  if (i == 1 || i >= l.size() || l[i] != ']') return -1;
  *len = i + 1;
  return n;
}

// "12. ...", "12) ...", "12 Smith" -> 12, else -1.
int NumberLabel(std::string_view l, size_t* len) {
  size_t i = 0;
  int n = 0;
  while (i < l.size() && text::IsAsciiDigit(l[i]) && i < 4) n = n * 10 + (l[i++] - '0');
  if (i == 0 || i >= 4 || i + 1 >= l.size()) return -1;
  if (l[i] == '.' || l[i] == ')') {
    if (l[i + 1] != ' ') return -1;
    *len = i + 1;
    return n;
  }
  if (l[i] == ' ' && text::IsAsciiUpper(l[i + 1])) {
    *len = i;
    return n;
  }
  return -1;
}

// "Smith, J.", "Smith AB,", "van der Berg, A.", "J. Smith", "J.-P. Dupont".
bool LooksLikeAuthorStart(std::string_view l) {
  size_t i = 0;
  static const std::string_view kParticles[] = {"van ", "von ", "de ", "der ", "den ", "di ",
                                                "da ",  "du ",  "le ", "la ",  "del ", "dos "};
  for (int k = 0; k < 3; ++k)
    for (std::string_view p : kParticles)
      if (l.substr(i, p.size()) == p) {
        i += p.size();
        break;
      }
  if (i + 2 < l.size() && text::IsAsciiUpper(l[i]) && l[i + 1] == '.') {  // initials first
    size_t j = i + 2;
    while (j + 1 < l.size() && (l[j] == ' ' || l[j] == '-')) ++j;
    while (j + 1 < l.size() && text::IsAsciiUpper(l[j]) && l[j + 1] == '.') {
      j += 2;
      while (j < l.size() && (l[j] == ' ' || l[j] == '-')) ++j;
    }
    return j + 1 < l.size() && text::IsAsciiUpper(l[j]) && IsLetter(l[j + 1]) && !text::IsAsciiUpper(l[j + 1]);
  }
  if (i >= l.size() || !(text::IsAsciiUpper(l[i]) || (static_cast<unsigned char>(l[i]) & 0x80))) return false;
  size_t j = i + 1;
  while (j < l.size() && (IsLetter(l[j]) || l[j] == '\'' || l[j] == '-')) ++j;
  if (j - i < 2 || j >= l.size()) return false;
  if (l[j] == ',') {
    size_t k = j + 1;
    while (k < l.size() && l[k] == ' ') ++k;
    return k < l.size() && text::IsAsciiUpper(l[k]);
  }
  if (l[j] == ' ') {
    size_t k = j + 1, caps = 0;
    while (k < l.size() && text::IsAsciiUpper(l[k])) ++k, ++caps;
    return caps >= 1 && caps <= 3 && (k == l.size() || l[k] == ',' || l[k] == '.');
  }
  return false;
}

// Whether a line can be the last one of an entry: a sentence end, a DOI or a URL.
bool EndsEntry(std::string_view l) {
  std::string t = text::Trim(l);
  if (t.empty()) return true;
  if (t.back() == '.') return true;
  size_t sp = t.rfind(' ');
  std::string last = text::AsciiLower(sp == std::string::npos ? t : t.substr(sp + 1));
  return text::StartsWith(last, "http") || text::StartsWith(last, "doi") || text::StartsWith(last, "10.") ||
         last.find("doi.org/") != std::string::npos;
}

// Joins an entry's lines: a line broken after a hyphen continues without a
// space (the hyphen stays: DOIs and compounds break there too).
std::string JoinLines(const std::vector<std::string_view>& lines) {
  std::string out;
  for (std::string_view raw : lines) {
    std::string l = text::Trim(raw);
    if (l.empty()) continue;
    bool dash = !out.empty() && (out.back() == '-' || out.back() == '/' ||
                                 (out.size() >= 3 && out.compare(out.size() - 3, 3, "\xE2\x80\x93") == 0));  // en dash
    if (!out.empty() && !dash) out += ' ';
    out += l;
  }
  return out;
}

std::string TrimPunct(std::string_view s, std::string_view chars) {
  std::string t = text::Trim(s);
  while (!t.empty() && chars.find(t.back()) != std::string_view::npos) t.pop_back();
  while (!t.empty() && chars.find(t.front()) != std::string_view::npos) t.erase(0, 1);
  return text::Trim(t);
}

// "Doe, J., & Roe, R." -> {"Doe, J.", "Roe, R."}; "A. Smith, B. Jones, and
// C. Lee" -> three names. {} when the segment does not look like names.
std::vector<std::string> SplitAuthors(std::string_view segment) {
  std::string s = TrimPunct(segment, " ,;(:[");
  if (s.empty() || s.size() > 400) return {};
  std::string norm;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 7, " et al.") == 0 || s.compare(i, 6, " et al") == 0) {
      i += s.compare(i, 7, " et al.") == 0 ? 6 : 5;
    } else if (s.compare(i, 5, " and ") == 0) {
      norm += ", ";
      i += 4;
    } else if (s.compare(i, 3, " & ") == 0) {
      norm += ", ";
      i += 2;
    } else if (s[i] == ';') {
      norm += ',';
    } else {
      norm += s[i];
    }
  }
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= norm.size()) {
    size_t comma = norm.find(',', pos);
    if (comma == std::string::npos) comma = norm.size();
    std::string tok = text::Trim(std::string_view(norm).substr(pos, comma - pos));
    pos = comma + 1;
    for (std::string_view p : {"and ", "& "})
      if (text::StartsWith(tok, p)) tok = text::Trim(std::string_view(tok).substr(p.size()));
    if (tok.empty() || tok == "et al." || tok == "et al") continue;
    if (text::IsInitials(tok) && !out.empty() && out.back().find(',') == std::string::npos) {
      out.back() += ", " + tok;
      continue;
    }
    size_t words = 1;
    bool letter = false;
    for (char c : tok) {
      words += c == ' ';
      letter = letter || IsLetter(c);
    }
    if (!letter || words > 5 || tok.size() > 80 || text::IsAsciiDigit(tok[0])) return {};
    // "U.S. Geological Survey." ends a sentence; "Smith, J." ends an initial.
    if (tok.size() > 3 && tok.back() == '.' && IsLetter(tok[tok.size() - 2]) && IsLetter(tok[tok.size() - 3]) &&
        tok[tok.size() - 4] != ' ' && tok[tok.size() - 4] != '.')
      tok.pop_back();
    out.push_back(tok);
  }
  return out;
}

// Vancouver: "Smith AB, Jones C. Title. Journal. 2019;45:10-20." -> the
// first sentence when every name in it is "Surname Initials".
bool VancouverAuthors(std::string_view first_sentence) {
  if (first_sentence.empty() || first_sentence.find('.') != std::string_view::npos) return false;
  size_t pos = 0;
  while (pos <= first_sentence.size()) {
    size_t comma = first_sentence.find(',', pos);
    if (comma == std::string_view::npos) comma = first_sentence.size();
    std::string tok = text::Trim(first_sentence.substr(pos, comma - pos));
    pos = comma + 1;
    if (tok.empty() || tok == "et al") continue;
    size_t sp = tok.rfind(' ');
    if (sp == std::string::npos) return false;
    std::string_view ini = std::string_view(tok).substr(sp + 1);
    if (ini.empty() || ini.size() > 3) return false;
    for (char c : ini)
      if (!text::IsAsciiUpper(c)) return false;
  }
  return true;
}

// The sentence starting at pos: up to ". ", "? ", "! " or the end.
std::string SentenceAt(std::string_view s, size_t pos) {
  size_t end = pos;
  while (end < s.size()) {
    char c = s[end];
    if ((c == '.' || c == '?' || c == '!') && (end + 1 == s.size() || s[end + 1] == ' ')) {
      if (c != '.') ++end;
      break;
    }
    ++end;
  }
  return text::Trim(s.substr(pos, end - pos));
}

}  // namespace

TextRange FindReferenceSection(std::string_view text) {
  TextRange r;
  size_t pos = 0;
  bool found = false;
  for (const TextLine& text_line : SplitLines(text)) {
    std::string_view line = text_line.text;
    pos = text_line.begin;
    size_t next = pos + line.size() + 1;
    if (IsReferenceHeading(line)) {
      found = true;
      r.begin = std::min(next, text.size());
      r.end = text.size();
    } else if (found && r.end == text.size() && IsSectionAfterReferences(line)) {
      r.end = pos;
    }
  }
  if (!found) return {};
  return r;
}

Reference ParsePrintedReference(std::string_view entry) {
  Reference ref;
  std::string text = OneLine(entry);
  size_t len = 0;
  int n = BracketLabel(text, &len);
  if (n < 0) n = NumberLabel(text, &len);
  if (n >= 0) {
    ref.label = std::to_string(n);
    text = text::Trim(std::string_view(text).substr(len));
  }
  ref.text = text;
  ref.doi = FindDoi(text);
  size_t ypos = std::string::npos;
  ref.year = FindYearInText(text, true, &ypos);
  std::string authors;
  // A quoted title: "…", “…”.
  size_t q = text.find("\xE2\x80\x9C");  // “
  size_t qlen = 3;
  std::string_view close = "\xE2\x80\x9D";  // ”
  if (q == std::string::npos || (text.find('"') != std::string::npos && text.find('"') < q)) {
    q = text.find('"');
    qlen = 1;
    close = "\"";
  }
  if (q != std::string::npos) {
    size_t e = text.find(close, q + qlen);
    if (e != std::string::npos && e > q + qlen + 2) {
      ref.title = TrimPunct(std::string_view(text).substr(q + qlen, e - q - qlen), " ,.;:");
      authors = text.substr(0, q);
    }
  }
  if (ref.title.empty() && !ref.year.empty() && ypos <= 300 && ypos * 2 < text.size()) {
    // An early year (author-date styles): the title is the sentence after it.
    size_t p = ypos + 4;
    if (p < text.size() && text::IsAsciiLower(text[p]) && (p + 1 == text.size() || !IsLetter(text[p + 1]))) ++p;  // 2019a
    while (p < text.size() && std::string_view(")]},.:; ").find(text[p]) != std::string_view::npos) ++p;
    std::string t = SentenceAt(text, p);
    if (t.size() >= 3 && !text::IsAsciiDigit(t[0]) && t.find("doi") != 0 && t.find("http") != 0) ref.title = t;
    authors = text.substr(0, ypos);
  }
  if (ref.title.empty() && authors.empty()) {
    size_t dot = text.find(". ");
    if (dot != std::string::npos && VancouverAuthors(std::string_view(text).substr(0, dot))) {
      authors = text.substr(0, dot);
      std::string t = SentenceAt(text, dot + 2);
      if (t.size() >= 3) ref.title = t;
    }
  }
  ref.authors = SplitAuthors(authors);
  return ref;
}

std::vector<Reference> SplitReferences(std::string_view section) {
  std::vector<std::string_view> lines;
  for (const TextLine& l : SplitLines(section)) lines.push_back(l.text);
  enum class Mode { kBracket, kNumbered, kAuthor } mode = Mode::kAuthor;
  for (std::string_view l : lines) {
    std::string t = text::Trim(l);
    if (t.empty()) continue;
    size_t len = 0;
    if (BracketLabel(t, &len) >= 0) mode = Mode::kBracket;
    else if (NumberLabel(t, &len) == 1) mode = Mode::kNumbered;
    break;
  }
  std::vector<std::vector<std::string_view>> entries;
  int expected = 1;
  bool after_blank = true;
  std::string_view prev;
  for (std::string_view raw : lines) {
    std::string t = text::Trim(raw);
    if (t.empty()) {
      after_blank = true;
      continue;
    }
    size_t len = 0;
    bool start = entries.empty();
    if (mode == Mode::kBracket) {
      start = start || BracketLabel(t, &len) >= 0;
    } else if (mode == Mode::kNumbered) {
      if (NumberLabel(t, &len) == expected) {
        start = true;
        ++expected;
      }
    } else {
      // A blank line ends an entry unless it is a page break inside one.
      bool looks = LooksLikeAuthorStart(t);
      start = start || (after_blank && (EndsEntry(prev) || looks)) || (EndsEntry(prev) && looks);
    }
    if (start) entries.emplace_back();
    entries.back().push_back(raw);
    after_blank = false;
    prev = raw;
  }
  std::vector<Reference> out;
  for (const auto& e : entries) {
    if (out.size() >= kMaxReferences) break;
    Reference ref = ParsePrintedReference(JoinLines(e));
    size_t letters = 0;
    for (char c : ref.text) letters += IsLetter(c);
    if (letters < 5) continue;  // a stray page number or running head
    out.push_back(std::move(ref));
  }
  return out;
}

}  // namespace lodestone::internal
