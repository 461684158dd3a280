#include "lodestone/graph/resolve.h"

namespace lodestone {

namespace {
// "avp:who|2010|91|951" with the year moved by delta; "" if not a keyed year.
std::string ShiftYear(const std::string& key, int delta) {
  size_t a = key.find('|');
  if (a == std::string::npos || key.size() < a + 5) return {};
  const std::string year = key.substr(a + 1, 4);
  if (year.find_first_not_of("0123456789") != std::string::npos) return {};
  return key.substr(0, a + 1) + std::to_string(std::stoi(year) + delta) + key.substr(a + 5);
}
}  // namespace

ReferenceMatch ResolveReference(const UnpackedReference& ref, const NodeLookup& by_id, const NodeLookup& by_key) {
  ReferenceMatch by_ids;
  for (const auto& id : ref.ids)
    if (auto n = by_id(id)) {
      by_ids = {n, "id"};
      break;
    }
  ReferenceMatch by_keys;
  for (const auto& k : ref.keys)
    if (auto n = by_key(k)) {
      by_keys = {n, "key"};
      break;
    }
  if (by_ids.node) {
    // A DOI against four agreeing fields: the fields win.
    if (by_keys.node && *by_keys.node != *by_ids.node && !ref.keys.empty() && ref.keys.front().rfind("avp:", 0) == 0 &&
        by_key(ref.keys.front()) == by_keys.node)
      return by_keys;
    return by_ids;
  }
  if (by_keys.node) return by_keys;
  for (int delta : {-1, 1})
    for (const auto& k : ref.keys) {
      std::string shifted = ShiftYear(k, delta);
      if (shifted.empty()) continue;
      if (auto n = by_key(shifted)) return {n, "key-year"};
    }
  return {};
}

}  // namespace lodestone
