#include "readers/federal_register.h"

#include <filesystem>

#include "formats/dates.h"
#include "formats/numbers.h"
#include "lodestone/text/ascii.h"

namespace lodestone::internal {

std::string EoNumberFromName(const std::string& path) {
  std::string stem = std::filesystem::path(path).stem().string();
  for (const char* p : {"EO_", "eo_", "EO-", "eo-"})
    if (text::StartsWith(stem, p)) {
      std::string n = ReadNumber(stem, 3);
      if (n.size() >= 4) return n;
    }
  return {};
}

size_t FindEoHeading(std::string_view text, std::string* number, std::string* date) {
  size_t pos = 0;
  while ((pos = text.find("Executive Order ", pos)) != std::string_view::npos) {
    size_t end;
    std::string n = ReadNumber(text, pos + 16, &end);
    std::string_view rest = text.substr(end, 12);
    if (!n.empty() && (number->empty() || n == *number) && text::StartsWith(rest, " of ")) {
      *number = n;
      *date = FindEnglishDate(text.substr(end + 4, 40));
      return pos;
    }
    pos += 16;
  }
  return std::string_view::npos;
}

}  // namespace lodestone::internal
