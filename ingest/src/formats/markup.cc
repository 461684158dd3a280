#include "formats/markup.h"

#include <map>

#include "formats/whitespace.h"
#include "lodestone/text/ascii.h"
#include "lodestone/text/utf8.h"

namespace lodestone::internal {

std::string StripMarkup(std::string_view s) {
  static const std::map<std::string_view, std::string_view> kEntities = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}};
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '<') {
      size_t e = s.find('>', i);
      if (e == std::string_view::npos) break;
      std::string name = text::AsciiLower(s.substr(i + 1, e - i - 1));
      if (!name.empty() && name[0] == '/') name.erase(0, 1);
      name = name.substr(0, name.find_first_of(" \t\n/"));
      if (size_t colon = name.find(':'); colon != std::string::npos) name = name.substr(colon + 1);
      if (name == "p" || name == "title" || name == "sec" || name == "div" || name == "list-item" || name == "li")
        out += "\n\n";
      else if (name == "br")
        out += '\n';
      i = e;
      continue;
    }
    if (c == '&') {
      size_t e = s.find(';', i);
      if (e != std::string_view::npos && e - i <= 10) {
        std::string_view ent = s.substr(i + 1, e - i - 1);
        if (!ent.empty() && ent[0] == '#') {
          uint32_t cp = 0;
          bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
          std::string digits(ent.substr(hex ? 2 : 1));
          if (!digits.empty() && digits.size() <= 8) {
            cp = static_cast<uint32_t>(std::strtoul(digits.c_str(), nullptr, hex ? 16 : 10));
            text::AppendUtf8(cp, &out);
            i = e;
            continue;
          }
        } else if (auto it = kEntities.find(ent); it != kEntities.end()) {
          out += it->second;
          i = e;
          continue;
        }
      }
    }
    out += c;
  }
  return CleanWhitespace(out);
}

}  // namespace lodestone::internal
