// ASCII character classes, case and blanks, for the parts of the formats and
// ids that are ASCII by definition (numbers, tags, labels, ids). Letters
// outside ASCII are never letters here: callers that need Unicode use ICU
// (ingest/analysis). Thread-safety: pure functions.
#ifndef LODESTONE_TEXT_ASCII_H_
#define LODESTONE_TEXT_ASCII_H_

#include <string>
#include <string_view>

namespace lodestone::text {

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiAlpha(char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }
inline bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }
// Space, tab, line feed, carriage return, form feed, vertical tab.
inline bool IsAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// True when s is non-empty and every byte is 0-9 ("2019", not "", "20a9", "-1").
bool AllAsciiDigits(std::string_view s);

// A-Z to a-z (other bytes, UTF-8 included, unchanged).
std::string AsciiLower(std::string_view s);
// a-z to A-Z.
std::string AsciiUpper(std::string_view s);

bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
// The same, ignoring ASCII case.
bool IStartsWith(std::string_view s, std::string_view prefix);
bool IContains(std::string_view s, std::string_view needle);

// s without ASCII blanks (IsAsciiSpace) at either end.
std::string Trim(std::string_view s);

}  // namespace lodestone::text

#endif  // LODESTONE_TEXT_ASCII_H_
