// UTF-8 encoding and validation. Thread-safety: pure functions.
#ifndef LODESTONE_TEXT_UTF8_H_
#define LODESTONE_TEXT_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace lodestone::text {

// Appends code point `cp` to *out as UTF-8; a value that is no Unicode
// scalar value (0, a surrogate, above U+10FFFF) becomes U+FFFD, so the
// output stays valid whatever a source's escapes say.
void AppendUtf8(char32_t cp, std::string* out);

// True when s is well-formed UTF-8 (no stray continuation bytes, no
// truncated or overlong two-byte sequences).
bool IsValidUtf8(std::string_view s);

// The largest n <= max_bytes such that s.substr(0, n) does not cut a UTF-8
// sequence in two.
size_t Utf8PrefixLength(std::string_view s, size_t max_bytes);

}  // namespace lodestone::text

#endif  // LODESTONE_TEXT_UTF8_H_
