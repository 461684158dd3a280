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
      if (i == 0 || !IsAsciiUpper(t[i - 1]) || i + 1 >= t.size() || t[i + 1] != '.') return false;
    } else if (c == '.') {
      dot = true;
    } else if (c != '-' && c != ' ') {
      return false;
    }
  }
  return capitals >= 1 && capitals <= 4 && (dot || capitals <= 3);
}

}  // namespace lodestone::text
