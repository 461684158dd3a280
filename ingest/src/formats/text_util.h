// Small text helpers shared by the readers: encoding, dates, ids, cleanup.
#ifndef LODESTONE_INGEST_SRC_FORMATS_TEXT_UTIL_H_
#define LODESTONE_INGEST_SRC_FORMATS_TEXT_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "lodestone/index/document.h"
#include "lodestone/index/status.h"

namespace lodestone::internal {

bool IsValidUtf8(std::string_view s);
// Valid UTF-8 (BOM and NUL bytes removed), converting from the encoding ICU
// detects when the bytes are not UTF-8. ParseError when nothing fits.
Result<std::string> ToUtf8(std::string_view bytes);

// "March 16, 2012", "Feb. 28, 2017", "2012-03-16", "3/16/12" -> "2012-03-16";
// "" when not a date.
std::string ParseDate(std::string_view s);
// Finds the first "Month D, YYYY" date in s; "" when none.
std::string FindEnglishDate(std::string_view s);
// "2020年10月17日" -> "2020-10-17"; "" when none.
std::string FindChineseDate(std::string_view s);

// Collapses runs of spaces/tabs, trims lines, drops runs of blank lines.
std::string CleanWhitespace(std::string_view s);
std::string Trim(std::string_view s);
std::string Lower(std::string_view s);
// "Geothermal Steam Act of 1970" -> "geothermal-steam-act-of-1970".
std::string Slug(std::string_view s);
// Replaces en/em dashes with '-'.
std::string AsciiDashes(std::string_view s);
bool StartsWith(std::string_view s, std::string_view p);
bool IStartsWith(std::string_view s, std::string_view p);
bool IContains(std::string_view s, std::string_view p);
// doc:<12 hex digits of XXH3(key)>.
std::string HashId(const std::string& key);
// "zh" when at least a fifth of the letters are CJK, else "en".
std::string GuessLanguage(std::string_view text);
// Digits at s[pos...] (commas inside allowed: "13,224").
std::string ReadNumber(std::string_view s, size_t pos, size_t* end = nullptr);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_FORMATS_TEXT_UTIL_H_
