#include "extract/funding.h"

#include <algorithm>

#include "lodestone/text/ascii.h"

namespace lodestone::internal {

namespace {

struct Funder {
  const char* key;   // fund:<key>
  const char* name;  // English display name
  std::vector<const char*> names;  // as texts write them; longer forms first where one contains another
};

const std::vector<Funder>& Funders() {
  static const std::vector<Funder> k = {
      {"nssfc", "National Social Science Fund of China",
       {"国家社会科学基金", "国家社科基金", "National Social Science Fund of China",
        "National Social Science Foundation of China", "Chinese National Social Science Fund",
        "National Social Science Fund", "National Social Science Foundation", "NSSFC"}},
      {"nsfc", "National Natural Science Foundation of China",
       {"国家自然科学基金", "National Natural Science Foundation of China",
        "Natural Science Foundation of China", "National Nature Science Foundation of China",
        "National Natural Science Fund of China", "NSFC"}},
      {"cpsf", "China Postdoctoral Science Foundation", {"中国博士后科学基金", "China Postdoctoral Science Foundation"}},
      {"nkrdp", "National Key Research and Development Program of China",
       {"国家重点研发计划", "National Key Research and Development Program of China", "National Key R&D Program of China"}},
      {"moe-hss", "Humanities and Social Sciences Fund of the Ministry of Education of China",
       {"教育部人文社会科学研究", "教育部人文社科", "Ministry of Education Humanities and Social Sciences",
        "Humanities and Social Sciences Foundation of the Ministry of Education"}},
  };
  return k;
}

// A grant number: letters, digits and '&' with at least four digits
// ("21BGJ054", "71991480", "21&ZD123", "2019YFC1234500"), 5 to 16 long.
bool IsGrantChar(char c) { return text::IsAsciiAlnum(c) || c == '&'; }

bool IsGrant(std::string_view s) {
  if (s.size() < 5 || s.size() > 16) return false;
  size_t digits = std::count_if(s.begin(), s.end(), [](char c) { return text::IsAsciiDigit(c); });
  return digits >= 4;
}

// Where the grant numbers after a funder's name stop: the end of the
// sentence or clause, or another funder.
bool EndsList(std::string_view text, size_t i) {
  // ". " before a capital ends a sentence; "Nos. 71991480" does not.
  if (text.compare(i, 2, ". ") == 0 && i + 2 < text.size() && text::IsAsciiUpper(text[i + 2])) return true;
  static const char* kEnds[] = {"\xE3\x80\x82", "\xEF\xBC\x9B", ";", "\n", "\xE5\x9F\xBA\xE9\x87\x91"};  // 。 ； ; 基金
  for (const char* e : kEnds)
    if (text.compare(i, std::char_traits<char>::length(e), e) == 0) return true;
  return false;
}

// Words between grant numbers and before the first one that the list may
// hold: "(Grant No. ", "（项目编号：", " and ", "、", "Nos. ".
bool IsListWord(std::string_view w) {
  static const char* kWords[] = {"grant", "grants", "no", "nos", "number", "numbers", "and", "under", "project",
                                 "projects", "key", "general", "youth", "major", "program", "programme", "fund",
                                 "funded", "by", "the", "of", "china", "nsfc", "nssfc", "id", "ids"};
  std::string lower = text::AsciiLower(w);
  while (!lower.empty() && (lower.back() == '.' || lower.back() == ':')) lower.pop_back();
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

}  // namespace

std::vector<FundMention> FindFunding(std::string_view text) {
  std::vector<FundMention> out;
  std::vector<std::pair<size_t, size_t>> taken;  // name spans already read
  for (const Funder& f : Funders()) {
    for (const char* n : f.names) {
      const std::string_view name(n);
      const bool ascii = static_cast<unsigned char>(name[0]) < 0x80;
      for (size_t p = text.find(name); p != std::string_view::npos; p = text.find(name, p + 1)) {
        if (std::any_of(taken.begin(), taken.end(), [&](auto& s) { return p >= s.first && p < s.second; })) continue;
        // An English name stands as words ("NSFC", not "NSFCX").
        if (ascii && ((p > 0 && text::IsAsciiAlnum(text[p - 1])) ||
                      (p + name.size() < text.size() && text::IsAsciiAlnum(text[p + name.size()]))))
          continue;
        taken.push_back({p, p + name.size()});
        // Grant numbers within the next ~80 bytes, through list words and
        // punctuation: "(Grant Nos. 71991480 and 71991485)", "项目(21BGJ054)".
        std::vector<std::string> grants;
        size_t i = p + name.size();
        const size_t limit = std::min(text.size(), i + 90);
        while (i < limit && !EndsList(text, i)) {
          if (IsGrantChar(text[i])) {
            size_t e = i;
            while (e < text.size() && IsGrantChar(text[e])) ++e;
            std::string_view w = text.substr(i, e - i);
            if (IsGrant(w)) {
              grants.push_back(text::AsciiLower(w));
            } else if (!IsListWord(w) && !grants.empty()) {
              break;  // prose after the list
            }
            i = e;
            continue;
          }
          ++i;
        }
        std::sort(grants.begin(), grants.end());
        grants.erase(std::unique(grants.begin(), grants.end()), grants.end());
        if (grants.empty()) out.push_back({std::string("fund:") + f.key, f.name, p});
        for (const auto& g : grants) out.push_back({std::string("fund:") + f.key + "/" + g, std::string(f.name) + " " + text::AsciiUpper(g), p});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const FundMention& a, const FundMention& b) { return a.offset < b.offset; });
  return out;
}

}  // namespace lodestone::internal
