#include "formats/numbers.h"

#include "lodestone/text/ascii.h"

namespace lodestone::internal {

std::string ReadNumber(std::string_view s, size_t pos, size_t* end) {
  std::string out;
  size_t i = pos;
  while (i < s.size()) {
    if (text::IsAsciiDigit(s[i])) {
      out += s[i++];
    } else if (s[i] == ',' && !out.empty() && i + 1 < s.size() && text::IsAsciiDigit(s[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  if (end) *end = i;
  return out;
}

}  // namespace lodestone::internal
