#include "formats/paper_fields.h"

#include "lodestone/text/ascii.h"

namespace lodestone::internal {

namespace {

std::vector<std::string> SplitOn(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t p = s.find(sep, start);
    if (p == std::string_view::npos) p = s.size();
    std::string item = text::Trim(s.substr(start, p - start));
    if (!item.empty()) out.push_back(std::move(item));
    start = p + 1;
  }
  return out;
}

std::string StripFinalDot(std::string s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
  return s;
}

// The country at the end of an address, as printed; US addresses end in
// "STATE ZIP USA" in Web of Science.
std::string CountryOf(const std::string& last) {
  if (last == "USA" || (last.size() > 4 && last.compare(last.size() - 4, 4, " USA") == 0)) return "USA";
  return last;
}

}  // namespace

std::vector<std::string> SplitKeywordList(std::string_view s, bool comma_too) {
  // Chinese lists separate with full-width marks: "稀土；出口管制" (U+FF1B), "稀土，出口管制" (U+FF0C).
  std::string ascii;
  ascii.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\xEF\xBC\x9B") == 0) {
      ascii += ';';
      i += 2;
    } else if (s.compare(i, 3, "\xEF\xBC\x8C") == 0) {
      ascii += ',';
      i += 2;
    } else {
      ascii += s[i];
    }
  }
  if (ascii.find(';') != std::string::npos || !comma_too) return SplitOn(ascii, ';');
  return SplitOn(ascii, ',');
}

Affiliation ParseWosAddress(std::string_view line) {
  Affiliation a;
  std::string s = text::Trim(line);
  if (!s.empty() && s[0] == '[') {
    size_t close = s.find(']');
    if (close != std::string::npos) {
      a.authors = SplitOn(std::string_view(s).substr(1, close - 1), ';');
      s = text::Trim(std::string_view(s).substr(close + 1));
    }
  }
  a.address = StripFinalDot(s);
  std::vector<std::string> parts = SplitOn(a.address, ',');
  if (!parts.empty()) a.organization = parts.front();
  if (parts.size() >= 2) a.country = CountryOf(parts.back());
  return a;
}

Affiliation ParseFreeAddress(std::string_view address) {
  Affiliation a;
  a.address = StripFinalDot(text::Trim(address));
  size_t comma = a.address.rfind(',');
  if (comma == std::string::npos) {
    a.organization = a.address;
    return a;
  }
  a.organization = text::Trim(std::string_view(a.address).substr(0, comma));
  a.country = CountryOf(text::Trim(std::string_view(a.address).substr(comma + 1)));
  return a;
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

}  // namespace lodestone::internal
