#include "formats/dates.h"

#include <cstdio>
#include <cstdlib>

#include "lodestone/text/ascii.h"

namespace lodestone::internal {

using text::IsAsciiAlpha;
using text::IsAsciiDigit;

namespace {

constexpr const char* kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                   "july",    "august",   "september", "october", "november", "december"};

std::string Ymd(int y, int m, int d) {
  if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31) return {};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Parses "Month D, YYYY" at s[pos] (Month already known to start there).
std::string DateAt(std::string_view s, size_t pos) {
  size_t i = pos;
  while (i < s.size() && (IsAsciiAlpha(s[i]) || s[i] == '.')) ++i;
  int month = MonthNumber(s.substr(pos, i - pos));
  if (!month) return {};
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t')) ++i;
  int day = 0, nd = 0;
  while (i < s.size() && IsAsciiDigit(s[i]) && nd < 2) day = day * 10 + (s[i++] - '0'), ++nd;
  if (!nd) return {};
  if (i < s.size() && s[i] == ',') ++i;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t')) ++i;
  int year = 0, ny = 0;
  while (i < s.size() && IsAsciiDigit(s[i]) && ny < 4) year = year * 10 + (s[i++] - '0'), ++ny;
  if (ny != 4) return {};
  return Ymd(year, month, day);
}

}  // namespace

int MonthNumber(std::string_view w) {
  std::string l = text::AsciiLower(w);
  while (!l.empty() && l.back() == '.') l.pop_back();
  if (l.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    std::string_view full = kMonths[m];
    if (l == full || (l.size() <= 4 && full.substr(0, l.size()) == l) || (l == "sept" && m == 8)) return m + 1;
  }
  return 0;
}

std::string ParseDate(std::string_view raw) {
  std::string s = text::Trim(raw);
  if (s.size() >= 10 && IsAsciiDigit(s[0]) && s[4] == '-' && s[7] == '-')
    return Ymd(std::atoi(s.substr(0, 4).c_str()), std::atoi(s.substr(5, 2).c_str()), std::atoi(s.substr(8, 2).c_str()));
  if (s.size() == 4 && IsAsciiDigit(s[0]) && IsAsciiDigit(s[3])) return s;  // a bare year stays a year
  // M/D/YY or M/D/YYYY
  int m, d, y;
  char tail;
  if (std::sscanf(s.c_str(), "%d/%d/%d%c", &m, &d, &y, &tail) == 3) {
    if (y < 100) y += y < 50 ? 2000 : 1900;
    return Ymd(y, m, d);
  }
  return DateAt(s, 0);
}

std::string FindEnglishDate(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (!text::IsAsciiUpper(s[i])) continue;
    if (i > 0 && IsAsciiAlpha(s[i - 1])) continue;
    std::string d = DateAt(s, i);
    if (!d.empty()) return d;
  }
  return {};
}

std::string FindChineseDate(std::string_view s) {
  size_t y = s.find("年");
  while (y != std::string_view::npos) {
    if (y >= 4 && IsAsciiDigit(s[y - 1]) && IsAsciiDigit(s[y - 4])) {
      int year = std::atoi(std::string(s.substr(y - 4, 4)).c_str());
      size_t i = y + 3;  // "年" is 3 bytes
      int month = 0, day = 0;
      while (i < s.size() && IsAsciiDigit(s[i])) month = month * 10 + (s[i++] - '0');
      if (s.substr(i, 3) == "月") {
        i += 3;
        while (i < s.size() && IsAsciiDigit(s[i])) day = day * 10 + (s[i++] - '0');
        if (s.substr(i, 3) == "日") return Ymd(year, month, day);
      }
    }
    y = s.find("年", y + 3);
  }
  return {};
}

bool IsYear(std::string_view s) { return s.size() == 4 && text::AllAsciiDigits(s) && (s[0] == '1' || s[0] == '2'); }

std::string MakeDate(const std::string& year, int month, int day) {
  if (!IsYear(year)) return {};
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 0 || month > 12) month = 0;
  if (month && day > kDays[month - 1]) day = 0;
  if (month == 2 && day == 29) {
    int y = std::stoi(year);
    if (!(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) day = 0;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%s-%02d-%02d", year.c_str(), month ? month : 1, month && day ? day : 1);
  return buf;
}

std::string YearOfField(std::string_view s) {
  for (size_t i = 0; i + 4 <= s.size(); ++i) {
    if (i > 0 && IsAsciiDigit(s[i - 1])) continue;
    if (i + 4 < s.size() && IsAsciiDigit(s[i + 4])) continue;
    std::string_view y = s.substr(i, 4);
    if (IsYear(y) && (y.substr(0, 2) == "19" || y.substr(0, 2) == "20" || y.substr(0, 2) == "18")) return std::string(y);
  }
  return {};
}

std::string FindYearInText(std::string_view s, bool prefer_parenthesised, size_t* at) {
  // Letters outside ASCII count as letters (a year glued to 年 or to a name is no year).
  auto letter = [](char c) { return IsAsciiAlpha(c) || (static_cast<unsigned char>(c) & 0x80); };
  size_t first = std::string_view::npos;
  for (size_t i = 0; i + 4 <= s.size(); ++i) {
    if (!((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0'))) continue;
    if (!IsAsciiDigit(s[i + 2]) || !IsAsciiDigit(s[i + 3])) continue;
    if (i > 0 && (IsAsciiDigit(s[i - 1]) || letter(s[i - 1]))) continue;
    if (i + 4 < s.size() && IsAsciiDigit(s[i + 4])) continue;
    size_t b = i, e = i + 4;
    while (b > 0 && s[b - 1] != ' ' && s[b - 1] != '\n') --b;
    while (e < s.size() && s[e] != ' ' && s[e] != '\n') ++e;
    std::string token = text::AsciiLower(s.substr(b, e - b));
    if (token.find('/') != std::string::npos || text::StartsWith(token, "doi") || text::StartsWith(token, "http"))
      continue;
    if (!prefer_parenthesised || (i > 0 && s[i - 1] == '(')) {
      if (at) *at = i;
      return std::string(s.substr(i, 4));
    }
    if (first == std::string_view::npos) first = i;
  }
  if (first == std::string_view::npos) return {};
  if (at) *at = first;
  return std::string(s.substr(first, 4));
}

}  // namespace lodestone::internal
