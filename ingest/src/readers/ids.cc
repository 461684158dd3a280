#include "readers/ids.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>

#include "lodestone/text/ascii.h"

namespace lodestone::internal {

std::string HashId(const std::string& key) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "doc:%012llx",
                static_cast<unsigned long long>(XXH3_64bits(key.data(), key.size()) >> 16));
  return buf;
}

std::string Slug(std::string_view s) {
  std::string out;
  bool dash = false;
  for (char c : text::AsciiLower(s)) {
    if (text::IsAsciiAlnum(c)) {
      if (dash && !out.empty()) out += '-';
      out += c;
      dash = false;
    } else {
      dash = true;
    }
  }
  return out;
}

void AddAlias(Document* doc, const std::string& id) {
  if (id.empty() || id == doc->id) return;
  if (std::find(doc->aliases.begin(), doc->aliases.end(), id) != doc->aliases.end()) return;
  doc->aliases.push_back(id);
}

void SetPaperId(Document* doc, const std::string& doi, const std::string& own_id) {
  if (!doi.empty()) {
    doc->id = "doi:" + doi;
    doc->meta["doi"] = doi;
    AddAlias(doc, own_id);
  } else {
    doc->id = own_id;
  }
}

}  // namespace lodestone::internal
