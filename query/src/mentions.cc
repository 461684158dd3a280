#include "mentions.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <tuple>

namespace lodestone::query::internal {

namespace {

// Bytes of text looked at after a mention's start: more than any name or
// citation spans ("the Office of the United States Trade Representative",
// "Executive Order No. 13817 of December 20, 2017").
constexpr size_t kWindow = 400;
// Words after a citation's start that may hold its number ("Executive Order
// No. 13817", "section 1606 of title 30").
constexpr size_t kCitationWords = 8;

// Words before a citation's number that belong to it, as the analyser
// writes them ("U.S.C." is "usc", "E.O." is "eo").
const std::set<std::string>& CitationWords() {
  static const std::set<std::string> k = {
      "executive",     "order",   "orders",   "eo",       "no",      "nos",      "number",
      "public",        "law",     "pub",      "l",        "pl",      "usc",      "united",
      "states",        "code",    "cfr",      "fr",       "federal", "register", "fed",
      "reg",           "stat",    "statutes", "hr",       "h",       "r",        "s",
      "bill",          "section", "sec",      "sections", "title",   "part",     "presidential",
      "determination", "pd",      "doi"};
  return k;
}
// Words farther back than this are not looked at.
constexpr size_t kCitationWordsBefore = 5;

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

bool IsAlnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A word spells `term`, or `term` followed by a possessive 's ("Energy's").
// The bytes of the possessive, else 0; -1 when it does not spell it.
int Spells(const Word& w, const std::string& term, const std::string& text) {
  if (w.term == term) return 0;
  for (const char* s : {"'s", "\u2019s"}) {
    const std::string tail = s;
    const size_t n = std::char_traits<char>::length(s);
    if (w.term == term + "'s" && w.end - w.begin > n && text.compare(w.end - n, n, tail) == 0)
      return static_cast<int>(n);
  }
  return -1;
}

std::vector<std::string> Terms(const std::string& s, Analyzer& analyzer) {
  std::vector<std::string> out;
  for (Word& w : analyzer.Words(s)) out.push_back(std::move(w.term));
  return out;
}

}  // namespace

Forms FormsOf(const Entity& e, Analyzer& analyzer) {
  Forms out;
  auto add = [&](const std::vector<std::string>& names) {
    for (const std::string& n : names) {
      auto terms = Terms(n, analyzer);
      if (!terms.empty()) out.push_back(std::move(terms));
    }
  };
  add({e.name});
  for (const auto* list : {&e.aliases, &e.aliases_cs, &e.acronyms, &e.zh, &e.heads, &e.adjectives}) add(*list);
  return out;
}

std::vector<Word> MentionFinder::WordsFrom(uint32_t begin) const {
  if (begin >= text_.size()) return {};
  size_t end = std::min(text_.size(), static_cast<size_t>(begin) + kWindow);
  while (end < text_.size() && IsContinuation(static_cast<unsigned char>(text_[end]))) ++end;  // whole characters
  std::vector<Word> words = analyzer_.Words(std::string_view(text_).substr(begin, end - begin));
  // The window's last word may be cut; it is never needed (kWindow).
  for (Word& w : words) {
    w.begin += begin;
    w.end += begin;
  }
  return words;
}

uint32_t MentionFinder::EntityEnd(uint32_t begin, const Forms& forms) const {
  std::vector<Word> words = WordsFrom(begin);
  if (words.empty()) return begin;
  size_t best = 0;     // words of the longest form that matches
  int possessive = 0;  // bytes of its last word's 's, left out of the span
  for (const auto& form : forms) {
    if (form.size() <= best || form.size() > words.size()) continue;
    bool same = true;
    for (size_t i = 0; same && i + 1 < form.size(); ++i) same = words[i].term == form[i];
    const int tail = same ? Spells(words[form.size() - 1], form.back(), text_) : -1;
    if (tail >= 0) {
      best = form.size();
      possessive = tail;
    }
  }
  if (!best) return static_cast<uint32_t>(words.front().end);
  return static_cast<uint32_t>(words[best - 1].end - possessive);
}

uint32_t MentionFinder::CitationEnd(uint32_t begin, const std::string& id) const {
  std::vector<Word> words = WordsFrom(begin);
  if (words.empty()) return begin;
  const size_t colon = id.find(':');
  const std::vector<std::string> key = Terms(colon == std::string::npos ? id : id.substr(colon + 1), analyzer_);
  if (!key.empty()) {
    const std::string& last = key.back();
    for (size_t i = 0; i < words.size() && i < kCitationWords; ++i) {
      const std::string& t = words[i].term;
      // "1500" of cfr:40/1500 is the word "1500.1" of "40 CFR 1500.1".
      if (t == last || (t.size() > last.size() && t.compare(0, last.size(), last) == 0 && !IsAlnum(t[last.size()])))
        return static_cast<uint32_t>(words[i].end);
    }
  }
  return static_cast<uint32_t>(words.front().end);
}

uint32_t MentionFinder::CitationBegin(uint32_t offset, const std::string& id) const {
  if (offset == 0 || offset > text_.size()) return offset;
  // The words just before the offset, from a space on (so the first is whole).
  size_t start = offset > 120 ? offset - 120 : 0;
  while (start > 0 && start < offset && text_[start - 1] != ' ' && text_[start - 1] != '\n') ++start;
  std::vector<Word> words = analyzer_.Words(std::string_view(text_).substr(start, offset - start));
  const size_t colon = id.find(':');
  const std::vector<std::string> key = Terms(colon == std::string::npos ? id : id.substr(colon + 1), analyzer_);
  size_t begin = offset;
  for (size_t n = 0; n < kCitationWordsBefore && !words.empty(); ++n) {
    const Word& w = words.back();
    // Only spaces, dots, hyphens (117-169) and section signs between it and the citation.
    const std::string_view gap = std::string_view(text_).substr(start + w.end, begin - (start + w.end));
    if (gap.size() > 4 || gap.find_first_not_of(" \t\r\n.-\xC2\xA7") != std::string_view::npos) break;
    if (!CitationWords().count(w.term) && std::find(key.begin(), key.end(), w.term) == key.end()) break;
    begin = start + w.begin;
    words.pop_back();
  }
  return static_cast<uint32_t>(begin);
}

void SetCharacterOffsets(const std::string& text, const std::vector<TextSpan*>& spans) {
  // Every offset to convert: (byte, where its character offset goes, where its UTF-16 one goes).
  std::vector<std::tuple<uint32_t, uint32_t*, uint32_t*>> at;
  at.reserve(spans.size() * 2);
  for (TextSpan* s : spans) {
    at.emplace_back(s->begin, &s->char_begin, &s->utf16_begin);
    at.emplace_back(s->end, &s->char_end, &s->utf16_end);
  }
  std::sort(at.begin(), at.end(), [](const auto& a, const auto& b) { return std::get<0>(a) < std::get<0>(b); });
  uint32_t chars = 0, units = 0;
  size_t byte = 0;
  for (auto& [offset, char_out, utf16_out] : at) {
    const size_t stop = std::min<size_t>(offset, text.size());
    for (; byte < stop; ++byte) {
      const auto c = static_cast<unsigned char>(text[byte]);
      if (IsContinuation(c)) continue;
      ++chars;
      units += c >= 0xF0 ? 2 : 1;  // four-byte sequences are surrogate pairs in UTF-16
    }
    *char_out = chars;
    *utf16_out = units;
  }
}

}  // namespace lodestone::query::internal
