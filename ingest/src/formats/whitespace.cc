#include "formats/whitespace.h"

#include "lodestone/text/ascii.h"

namespace lodestone::internal {

std::string CleanWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t blank_lines = 0;
  size_t i = 0;
  std::string l;
  while (i <= s.size()) {
    size_t nl = s.find('\n', i);
    if (nl == std::string_view::npos) nl = s.size();
    std::string_view line = s.substr(i, nl - i);
    // Collapse inner runs of blanks (including NBSP, U+00A0).
    l.clear();
    bool space = false;
    for (size_t k = 0; k < line.size(); ++k) {
      unsigned char c = static_cast<unsigned char>(line[k]);
      bool is_space = c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
      if (c == 0xC2 && k + 1 < line.size() && static_cast<unsigned char>(line[k + 1]) == 0xA0) {
        is_space = true;
        ++k;
      }
      if (is_space) {
        space = true;
        continue;
      }
      if (space && !l.empty()) l += ' ';
      space = false;
      l += static_cast<char>(c);
    }
    if (l.empty()) {
      ++blank_lines;
    } else {
      if (!out.empty()) out += blank_lines ? "\n\n" : "\n";
      out += l;
      blank_lines = 0;
    }
    i = nl + 1;
  }
  return out;
}

std::string OneLine(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (text::IsAsciiSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string FirstLine(std::string_view text) { return text::Trim(text.substr(0, text.find('\n'))); }

std::vector<TextLine> SplitLines(std::string_view s) {
  std::vector<TextLine> out;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\n' && s[i] != '\r') continue;
    out.push_back({start, s.substr(start, i - start)});
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < s.size()) out.push_back({start, s.substr(start)});
  return out;
}

}  // namespace lodestone::internal
