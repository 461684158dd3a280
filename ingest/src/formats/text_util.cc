#include "formats/text_util.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <xxhash.h>

#include <cctype>
#include <cstdio>
#include <cstring>
#include <memory>

namespace lodestone::internal {

bool IsValidUtf8(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || i + len > n) return false;
    if (len == 2 && c < 0xC2) return false;  // overlong
    for (int k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

Result<std::string> ToUtf8(std::string_view bytes) {
  if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0) bytes.remove_prefix(3);
  std::string out;
  if (IsValidUtf8(bytes)) {
    out.reserve(bytes.size());
    for (char c : bytes)
      if (c != '\0') out += c;
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&status), ucsdet_close);
  if (U_FAILURE(status)) return Status::Internal("ICU charset detector unavailable");
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 20)), &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  std::string charset = "windows-1252";
  if (U_SUCCESS(status) && match) {
    const char* name = ucsdet_getName(match, &status);
    if (U_SUCCESS(status) && name && std::strcmp(name, "UTF-8") != 0) charset = name;
  }
  status = U_ZERO_ERROR;
  std::vector<char> buf(bytes.size() * 4 + 16);
  int32_t len = ucnv_convert("UTF-8", charset.c_str(), buf.data(), static_cast<int32_t>(buf.size()), bytes.data(),
                             static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return Status::ParseError("not UTF-8 and cannot be converted from " + charset);
  for (int32_t i = 0; i < len; ++i)
    if (buf[i] != '\0') out += buf[i];
  return out;
}

namespace {
constexpr const char* kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                   "july",    "august",   "september", "october", "november", "december"};

int MonthFromWord(std::string_view w) {
  std::string l = Lower(w);
  while (!l.empty() && l.back() == '.') l.pop_back();
  if (l.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    std::string_view full = kMonths[m];
    if (l == full || (l.size() >= 3 && l.size() <= 4 && full.substr(0, l.size()) == l) || (l == "sept" && m == 8))
      return m + 1;
  }
  return 0;
}

std::string Ymd(int y, int m, int d) {
  if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31) return {};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Parses "Month D, YYYY" at s[pos] (Month already known to start there).
std::string DateAt(std::string_view s, size_t pos) {
  size_t i = pos;
  while (i < s.size() && (std::isalpha(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
  int month = MonthFromWord(s.substr(pos, i - pos));
  if (!month) return {};
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t')) ++i;
  int day = 0, nd = 0;
  while (i < s.size() && IsDigit(s[i]) && nd < 2) day = day * 10 + (s[i++] - '0'), ++nd;
  if (!nd) return {};
  if (i < s.size() && s[i] == ',') ++i;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t')) ++i;
  int year = 0, ny = 0;
  while (i < s.size() && IsDigit(s[i]) && ny < 4) year = year * 10 + (s[i++] - '0'), ++ny;
  if (ny != 4) return {};
  return Ymd(year, month, day);
}
}  // namespace

std::string ParseDate(std::string_view raw) {
  std::string s = Trim(raw);
  if (s.size() >= 10 && IsDigit(s[0]) && s[4] == '-' && s[7] == '-')
    return Ymd(std::atoi(s.substr(0, 4).c_str()), std::atoi(s.substr(5, 2).c_str()), std::atoi(s.substr(8, 2).c_str()));
  if (s.size() == 4 && IsDigit(s[0]) && IsDigit(s[3])) return s;  // a bare year stays a year
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
    if (!std::isupper(static_cast<unsigned char>(s[i]))) continue;
    if (i > 0 && std::isalpha(static_cast<unsigned char>(s[i - 1]))) continue;
    std::string d = DateAt(s, i);
    if (!d.empty()) return d;
  }
  return {};
}

std::string FindChineseDate(std::string_view s) {
  size_t y = s.find("年");
  while (y != std::string_view::npos) {
    if (y >= 4 && IsDigit(s[y - 1]) && IsDigit(s[y - 4])) {
      int year = std::atoi(std::string(s.substr(y - 4, 4)).c_str());
      size_t i = y + 3;  // "年" is 3 bytes
      int month = 0, day = 0;
      while (i < s.size() && IsDigit(s[i])) month = month * 10 + (s[i++] - '0');
      if (s.substr(i, 3) == "月") {
        i += 3;
        while (i < s.size() && IsDigit(s[i])) day = day * 10 + (s[i++] - '0');
        if (s.substr(i, 3) == "日") return Ymd(year, month, day);
      }
    }
    y = s.find("年", y + 3);
  }
  return {};
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  auto space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (b < e && space(s[b])) ++b;
  while (e > b && space(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

std::string CleanWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t blank_lines = 0;
  size_t i = 0;
  while (i <= s.size()) {
    size_t nl = s.find('\n', i);
    if (nl == std::string_view::npos) nl = s.size();
    std::string_view line = s.substr(i, nl - i);
    // Collapse inner runs of blanks (including NBSP, U+00A0).
    std::string l;
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

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

std::string Slug(std::string_view s) {
  std::string out;
  bool dash = false;
  for (char c : Lower(s)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (dash && !out.empty()) out += '-';
      out += c;
      dash = false;
    } else {
      dash = true;
    }
  }
  return out;
}

std::string AsciiDashes(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x93 || static_cast<unsigned char>(s[i + 2]) == 0x94)) {
      out += '-';
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool IStartsWith(std::string_view s, std::string_view p) { return Lower(s.substr(0, p.size())) == Lower(p); }
bool IContains(std::string_view s, std::string_view p) { return Lower(s).find(Lower(p)) != std::string::npos; }

std::string HashId(const std::string& key) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "doc:%012llx",
                static_cast<unsigned long long>(XXH3_64bits(key.data(), key.size()) >> 16));
  return buf;
}

std::string GuessLanguage(std::string_view text) {
  size_t cjk = 0, latin = 0;
  for (size_t i = 0; i < text.size() && i < 20000; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++latin;
    else if (c >= 0xE3 && c <= 0xE9) ++cjk;  // lead bytes of U+3000..U+9FFF
  }
  // A CJK character stands for a word-ish unit; weight it like 3 letters.
  return cjk * 3 * 5 >= (latin + cjk * 3) && cjk > 0 ? "zh" : "en";
}

std::string ReadNumber(std::string_view s, size_t pos, size_t* end) {
  std::string out;
  size_t i = pos;
  while (i < s.size()) {
    if (IsDigit(s[i])) {
      out += s[i++];
    } else if (s[i] == ',' && !out.empty() && i + 1 < s.size() && IsDigit(s[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  if (end) *end = i;
  return out;
}

}  // namespace lodestone::internal
