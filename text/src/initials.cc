#include "lodestone/text/initials.h"

#include "lodestone/text/ascii.h"

namespace lodestone::text {

bool IsInitials(std::string_view t) {
  size_t capitals = 0;
  bool dot = false;
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (IsAsciiUpper(c)) {
      ++capitals;
    } else if (IsAsciiLower(c)) {
      // An abbreviated name: a capital, one or two lower-case letters, a dot.
      size_t b = i;
      while (b > 0 && IsAsciiLower(t[b - 1])) --b;
      size_t e = i;
      while (e < t.size() && IsAsciiLower(t[e])) ++e;
      if (b == 0 || !IsAsciiUpper(t[b - 1]) || e - b > 2 || e >= t.size() || t[e] != '.') return false;
    } else if (c == '.') {
      dot = true;
    } else if (c != '-' && c != ' ') {
      return false;
    }
  }
  return capitals >= 1 && capitals <= (dot ? 6u : 3u);
}

}  // namespace lodestone::text
