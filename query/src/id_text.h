// The natural order of node ids (eo:9 before eo:10). Case, digits and the
// edit distance of "did you mean" are lodestone/text's (ascii.h,
// edit_distance.h), as everywhere else. Private to query/. Thread-safety:
// pure functions.
#ifndef LODESTONE_QUERY_SRC_ID_TEXT_H_
#define LODESTONE_QUERY_SRC_ID_TEXT_H_

#include <algorithm>
#include <string>

#include "lodestone/text/ascii.h"

namespace lodestone::query::internal {

// eo:9 < eo:10: digit runs compare as numbers.
inline bool NaturalLess(const std::string& a, const std::string& b) {
  const auto digit = text::IsAsciiDigit;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      size_t i2 = i, j2 = j;
      while (i2 < a.size() && digit(a[i2])) ++i2;
      while (j2 < b.size() && digit(b[j2])) ++j2;
      std::string x = a.substr(i, i2 - i), y = b.substr(j, j2 - j);
      x.erase(0, std::min(x.find_first_not_of('0'), x.size()));
      y.erase(0, std::min(y.find_first_not_of('0'), y.size()));
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = i2, j = j2;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i, ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

}  // namespace lodestone::query::internal

#endif  // LODESTONE_QUERY_SRC_ID_TEXT_H_
