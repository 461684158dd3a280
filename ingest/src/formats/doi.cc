#include "formats/doi.h"

#include <algorithm>

#include "lodestone/text/ascii.h"

namespace lodestone::internal {

std::string NormalizeDoi(std::string_view raw) {
  std::string s = text::Trim(raw);
  for (bool again = true; again;) {
    again = false;
    for (std::string_view p : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
                               "doi.org/", "doi:", "doi "}) {
      if (text::IStartsWith(s, p)) {
        s = text::Trim(std::string_view(s).substr(p.size()));
        again = true;
      }
    }
  }
  // Full-width forms (U+FF01..FF5E: EF BC 81 .. EF BD 9E) are ASCII typed on a
  // Chinese keyboard: Wanfang prints "10.3969／j.issn.1672－187x…" (issue 15).
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xEF && i + 2 < s.size()) {
      const unsigned char b = static_cast<unsigned char>(s[i + 1]), t = static_cast<unsigned char>(s[i + 2]);
      const unsigned cp = 0xF000u | ((b & 0x3Fu) << 6) | (t & 0x3Fu);
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        out += static_cast<char>(cp - 0xFF01 + 0x21);
        i += 2;
        continue;
      }
    }
    if (c != ' ' && c != '\t') out += static_cast<char>(c);
  }
  out = text::AsciiLower(out);
  if (out.size() < 6 || out.compare(0, 3, "10.") != 0 || out.find('/') == std::string::npos) return {};
  return out;
}

namespace {

// The DOI starting at text[start] ("10."), or an empty view; *next is where
// to go on looking.
std::string_view DoiAt(std::string_view text, size_t start, size_t* next) {
  size_t pos = start + 3;
  *next = pos;
  // A DOI is not the tail of a longer number ("210.5").
  if (start > 0 && (text::IsAsciiAlnum(text[start - 1]) || text[start - 1] == '.')) return {};
  size_t k = pos;
  while (k < text.size() && text::IsAsciiDigit(text[k])) ++k;
  size_t digits = k - pos;
  if (digits < 4 || digits > 9 || k >= text.size() || text[k] != '/') return {};
  size_t end = k + 1;
  while (end < text.size() && !text::IsAsciiSpace(text[end]) && text[end] != '"' && text[end] != '<' &&
         text[end] != '>')
    ++end;
  *next = end;
  std::string_view doi = text.substr(start, end - start);
  // Sentence punctuation after a DOI is not part of it; a closing bracket
  // is when the DOI opened one.
  while (!doi.empty()) {
    char c = doi.back();
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '\'') {
      doi.remove_suffix(1);
    } else if (c == ')' || c == ']') {
      char open = c == ')' ? '(' : '[';
      if (std::count(doi.begin(), doi.end(), open) >= std::count(doi.begin(), doi.end(), c)) break;
      doi.remove_suffix(1);
    } else {
      break;
    }
  }
  if (doi.size() <= k + 1 - start) return {};  // nothing after the slash
  return doi;
}

}  // namespace

std::string FindDoi(std::string_view text, size_t* at) {
  size_t pos = 0;
  while ((pos = text.find("10.", pos)) != std::string_view::npos) {
    size_t next;
    std::string_view doi = DoiAt(text, pos, &next);
    if (!doi.empty()) {
      if (at) *at = pos;
      return text::AsciiLower(doi);
    }
    pos = next;
  }
  return {};
}

std::vector<std::pair<std::string, size_t>> FindDois(std::string_view text) {
  std::vector<std::pair<std::string, size_t>> out;
  size_t pos = 0;
  while ((pos = text.find("10.", pos)) != std::string_view::npos) {
    size_t next;
    std::string_view doi = DoiAt(text, pos, &next);
    if (!doi.empty()) out.emplace_back(text::AsciiLower(doi), pos);
    pos = next;
  }
  return out;
}

}  // namespace lodestone::internal
