#include "extract/sentences.h"

#include <cctype>
#include <cstring>
#include <set>
#include <string>

#include "lodestone/ingest/extract.h"

namespace lodestone {

namespace internal {

namespace {

const std::set<std::string>& Abbreviations() {
  static const std::set<std::string> k = {"sec", "secs", "no", "nos", "us", "usc", "stat", "reg", "fed", "pub", "l",
                                          "exec", "ord", "mr", "mrs", "ms", "dr", "jr", "sr", "eg", "ie", "seq",
                                          "app", "ch", "art", "inc", "co", "v", "vs", "st", "gen", "gov", "rep",
                                          "sen", "hr", "cfr", "eo", "dept", "corp", "ltd", "e.g", "i.e", "et",
                                          "al", "fig", "vol", "pp", "p", "approx", "est", "u.s"};
  return k;
}

}  // namespace

std::vector<uint32_t> SentenceIds(const std::vector<Word>& w, std::string_view text) {
  std::vector<uint32_t> ids(w.size(), 0);
  uint32_t cur = 0;
  for (size_t i = 1; i < w.size(); ++i) {
    std::string_view g = GapBefore(w, text, i);
    if (g.size() == 1 && g[0] == ' ') {  // most gaps: one space ends no sentence
      ids[i] = cur;
      continue;
    }
    bool brk = g.find("\n\n") != std::string_view::npos || g.find("\xE3\x80\x82") != std::string_view::npos ||
               g.find("\xEF\xBC\x81") != std::string_view::npos || g.find("\xEF\xBC\x9F") != std::string_view::npos ||
               g.find("\xEF\xBC\x9B") != std::string_view::npos;
    if (!brk) {
      size_t p = g.find_first_of(".!?");
      unsigned char next = static_cast<unsigned char>(text[w[i].begin]);
      bool capital = (next >= 'A' && next <= 'Z') || g.find('(') != std::string_view::npos;
      if (p != std::string_view::npos && capital && g.find_first_of(" \n", p) != std::string_view::npos &&
          !Abbreviations().count(w[i - 1].term) && w[i - 1].term.size() > 1)
        brk = true;
    }
    if (brk) ++cur;
    ids[i] = cur;
  }
  return ids;
}

}  // namespace internal

std::string SentenceAround(const std::string& text, size_t offset) {
  if (offset >= text.size()) return {};
  constexpr size_t kSide = 160;  // bytes kept on each side of the offset
  // Ends a sentence: a blank line, a Chinese full stop, a new list item
  // ("\n- ", "\n(b)"), or . ! ? before a capital (not after "Sec", "No").
  // Byte tests first: this runs for every byte around every evidence
  // sentence of a trace (perf: 9% of lode serve under the bench mix, mostly
  // a memcmp per byte).
  auto is_end = [&](size_t i) {
    const char c = text[i];
    if (c == '\n' && i + 1 < text.size() && (text[i + 1] == '\n' || std::strchr("-*(\xE2", text[i + 1])))
      return true;
    if (c == '\xE3' && text.compare(i, 3, "\xE3\x80\x82") == 0) return true;
    return (text[i] == '.' || text[i] == '!' || text[i] == '?') && i + 2 < text.size() && text[i + 1] == ' ' &&
           std::isupper(static_cast<unsigned char>(text[i + 2])) && i >= 4 &&
           !(text[i - 2] == '.' || text[i - 2] == ' ' || text.compare(i - 3, 3, "Sec") == 0 ||
             text.compare(i - 2, 2, "No") == 0);
  };
  size_t b = offset;
  while (b > 0 && offset - b < kSide && !is_end(b - 1)) --b;
  bool cut_left = b > 0 && !is_end(b - 1);
  size_t e = offset;
  while (e < text.size() && e - offset < kSide && !is_end(e)) ++e;
  bool cut_right = e < text.size() && !is_end(e);
  if (!cut_right && e < text.size() && text[e] != '\n') e += (static_cast<unsigned char>(text[e]) >= 0x80 ? 3 : 1);
  // Do not cut a UTF-8 sequence in two.
  while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
  while (e < text.size() && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) ++e;
  // The backward scan stops inside the previous sentence's 。 (three bytes): start after it.
  if (!cut_left && text.compare(b, 3, "\xE3\x80\x82") == 0) b += 3;
  std::string out = cut_left ? "… " : "";
  while (b < e && (text[b] == '-' || text[b] == '*' || text[b] == ' ' || text[b] == '\n')) ++b;  // list marker
  for (size_t i = b; i < e && i < text.size(); ++i) {
    char c = text[i] == '\n' ? ' ' : text[i];
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (cut_right) out += " …";
  return out;
}

}  // namespace lodestone
