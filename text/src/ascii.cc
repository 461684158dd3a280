#include "lodestone/text/ascii.h"

namespace lodestone::text {

bool AllAsciiDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!IsAsciiDigit(c)) return false;
  return true;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (IsAsciiUpper(c)) c = static_cast<char>(c + 32);
  return out;
}

std::string AsciiUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (IsAsciiLower(c)) c = static_cast<char>(c - 32);
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

namespace {
char Fold(char c) { return IsAsciiUpper(c) ? static_cast<char>(c + 32) : c; }
bool IEqualAt(std::string_view s, size_t at, std::string_view p) {
  for (size_t i = 0; i < p.size(); ++i)
    if (Fold(s[at + i]) != Fold(p[i])) return false;
  return true;
}
}  // namespace

bool IStartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && IEqualAt(s, 0, prefix);
}

bool IContains(std::string_view s, std::string_view needle) {
  if (needle.empty()) return true;
  for (size_t i = 0; i + needle.size() <= s.size(); ++i)
    if (IEqualAt(s, i, needle)) return true;
  return false;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsAsciiSpace(s[b])) ++b;
  while (e > b && IsAsciiSpace(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

}  // namespace lodestone::text
