#include "formats/tagged_records.h"

#include "formats/whitespace.h"

namespace lodestone::internal {

std::string Field(const TaggedRecord& rec, const char* tag, std::string_view sep) {
  auto it = rec.find(tag);
  if (it == rec.end()) return {};
  std::string out;
  for (const auto& l : it->second) {
    if (l.empty()) continue;
    if (!out.empty()) out += sep;
    out += l;
  }
  return OneLine(out);
}

const std::vector<std::string>* Items(const TaggedRecord& rec, const char* tag) {
  auto it = rec.find(tag);
  return it == rec.end() ? nullptr : &it->second;
}

}  // namespace lodestone::internal
