#include "extract/cn_functions.h"

#include <algorithm>

namespace lodestone::internal {

namespace {

constexpr std::string_view kStateCouncil = "国务院";
constexpr std::string_view kComma = "、";  // the enumeration comma
constexpr std::string_view kAnd = "和";
// What follows the last function of a list, longest first.
constexpr std::string_view kSuffixes[] = {"等国家其他有关部门", "等国家有关部门", "行政主管部门", "等有关部门",
                                          "主管部门",           "行政部门",       "管理部门",     "等部门",
                                          "部门"};
constexpr std::string_view kNationalTails[] = {"等国家其他有关部门", "等国家有关部门"};
constexpr size_t kMaxUnknown = 8;  // characters of a function the knowledge base does not know
constexpr size_t kMaxItems = 24;

bool At(std::string_view text, size_t pos, std::string_view s) { return text.compare(pos, s.size(), s) == 0; }

// A CJK ideograph (three UTF-8 bytes, lead byte E4-E9) starts at pos.
bool IsIdeograph(std::string_view text, size_t pos) {
  if (pos + 3 > text.size()) return false;
  unsigned char c = static_cast<unsigned char>(text[pos]);
  return c >= 0xE4 && c <= 0xE9;
}

size_t SuffixAt(std::string_view text, size_t pos) {
  for (std::string_view s : kSuffixes)
    if (At(text, pos, s)) return s.size();
  return 0;
}

}  // namespace

void FunctionNames::Add(const std::string& function, size_t entity) {
  if (function.empty()) return;
  functions_.emplace_back(function, entity);
  std::stable_sort(functions_.begin(), functions_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

size_t FunctionNames::Match(std::string_view text, size_t pos, size_t* entity) const {
  for (const auto& [f, e] : functions_)
    if (At(text, pos, f)) {
      *entity = e;
      return f.size();
    }
  return 0;
}

size_t FunctionNames::MatchBefore(std::string_view text, size_t end, size_t* entity) const {
  for (const auto& [f, e] : functions_)
    if (end >= f.size() && At(text, end - f.size(), f)) {
      *entity = e;
      return end - f.size();
    }
  return std::string_view::npos;
}

std::vector<FunctionNames::Hit> FunctionNames::Find(std::string_view text) const {
  std::vector<Hit> hits;
  if (functions_.empty()) return hits;
  // 1. Lists after 国务院: items joined by 、 (or 和 before a known function),
  //    accepted when a department suffix closes them; after the suffix a 、
  //    may open another list under the same 国务院 (国务院财政部门、计划主管部门).
  for (size_t at = text.find(kStateCouncil); at != std::string_view::npos;
       at = text.find(kStateCouncil, at + kStateCouncil.size())) {
    size_t pos = at + kStateCouncil.size();
    std::vector<Hit> pending;
    for (size_t items = 0; items < kMaxItems; ++items) {
      size_t entity = 0;
      size_t len = Match(text, pos, &entity);
      if (len) {
        pending.push_back({entity, pos, len});
        pos += len;
      } else {
        // An unknown function: up to kMaxUnknown ideographs, ending where a
        // suffix or a 、 starts.
        size_t n = 0;
        while (n < kMaxUnknown && IsIdeograph(text, pos) && !SuffixAt(text, pos) && !At(text, pos, kComma)) {
          pos += 3;
          ++n;
        }
        if (n == 0 || n == kMaxUnknown) break;
      }
      if (size_t s = SuffixAt(text, pos)) {
        hits.insert(hits.end(), pending.begin(), pending.end());
        pending.clear();
        pos += s;
        if (!At(text, pos, kComma)) break;
        pos += kComma.size();
        continue;
      }
      if (At(text, pos, kComma)) {
        pos += kComma.size();
        continue;
      }
      size_t next = 0;
      if (At(text, pos, kAnd) && Match(text, pos + kAnd.size(), &next)) {
        pos += kAnd.size();
        continue;
      }
      break;
    }
  }
  // 2. Lists closed by 等国家有关部门 ("the relevant national departments"),
  //    read backwards from the closing words: 外交、海关等国家有关部门.
  for (std::string_view tail : kNationalTails) {
    for (size_t at = text.find(tail); at != std::string_view::npos; at = text.find(tail, at + tail.size())) {
      size_t end = at;
      for (size_t items = 0; items < kMaxItems; ++items) {
        size_t entity = 0;
        size_t start = MatchBefore(text, end, &entity);
        if (start != std::string_view::npos) {
          hits.push_back({entity, start, end - start});
        } else {
          start = end;
          size_t n = 0;
          while (n < kMaxUnknown && start >= 3 && IsIdeograph(text, start - 3) &&
                 !(start >= kComma.size() && At(text, start - kComma.size(), kComma))) {
            start -= 3;
            ++n;
          }
          if (n == 0) break;
        }
        if (start < kComma.size() || !At(text, start - kComma.size(), kComma)) break;
        end = start - kComma.size();
      }
    }
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.offset < b.offset; });
  hits.erase(std::unique(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.offset == b.offset; }),
             hits.end());
  return hits;
}

}  // namespace lodestone::internal
