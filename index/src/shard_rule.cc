#include "shard_rule.h"

#include <algorithm>
#include <set>

#include "lodestone/index/schema.h"
#include "record_json.h"

namespace lodestone::internal {

uint32_t Fnv1a32(const std::string& s) {
  uint32_t h = 2166136261u;
  for (unsigned char c : s) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

Result<ShardRule> ShardRule::Parse(const std::string& text) {
  ShardRule r;
  if (text == "year") {
    r.kind = Kind::kYear;
    return r;
  }
  if (text == "source") {
    r.kind = Kind::kSource;
    return r;
  }
  if (text.rfind("count:", 0) == 0) {
    const std::string n = text.substr(6);
    if (!n.empty() && n.size() <= 4 && n.find_first_not_of("0123456789") == std::string::npos) {
      unsigned long v = std::strtoul(n.c_str(), nullptr, 10);
      if (v >= 1 && v <= 1024) {
        r.kind = Kind::kCount;
        r.n = static_cast<uint32_t>(v);
        return r;
      }
    }
  }
  return Status::InvalidArgument("bad shard rule '" + text +
                                 "' (expected year, source or count:N with N from 1 to 1024)");
}

std::string ShardRule::ToString() const {
  switch (kind) {
    case Kind::kYear:
      return "year";
    case Kind::kSource:
      return "source";
    case Kind::kCount:
      break;
  }
  return "count:" + std::to_string(n);
}

std::string ShardRule::KeyOf(const Xapian::Document& doc) const {
  switch (kind) {
    case Kind::kCount:
      return std::to_string(Fnv1a32(doc.get_value(schema::kSlotId)) % n);
    case Kind::kYear: {
      std::string y = doc.get_value(schema::kSlotYearStr);
      return y.empty() ? "undated" : y;
    }
    case Kind::kSource: {
      auto rec = DecodeRecord(doc.get_data());
      if (!rec.ok() || rec->sources.empty()) return "other";
      const std::string& p = rec->sources.front().path;
      const std::string prefix = root == "/" ? root : root + "/";
      if (p.rfind(prefix, 0) != 0) return "other";
      std::string rest = p.substr(prefix.size());
      size_t slash = rest.find('/');
      // A file directly in the root has no folder to name its source.
      return slash == std::string::npos || slash == 0 ? "other" : rest.substr(0, slash);
    }
  }
  return "other";
}

std::vector<std::string> ShardRule::InitialKeys(const std::vector<std::string>& seen) const {
  std::vector<std::string> keys;
  if (kind == Kind::kCount) {
    for (uint32_t i = 0; i < n; ++i) keys.push_back(std::to_string(i));
    return keys;
  }
  std::set<std::string> s(seen.begin(), seen.end());
  keys.assign(s.begin(), s.end());  // years sort as numbers ("undated" last)
  if (keys.empty()) keys.push_back(kind == Kind::kYear ? "undated" : "other");
  return keys;
}

std::string CommonFolder(const std::vector<std::string>& paths) {
  if (paths.empty()) return "/";
  std::string common = paths.front().substr(0, paths.front().rfind('/') + 1);
  for (const auto& p : paths) {
    size_t i = 0;
    while (i < common.size() && i < p.size() && common[i] == p[i]) ++i;
    common.resize(i);
  }
  size_t slash = common.rfind('/');
  common = slash == std::string::npos ? "" : common.substr(0, slash);
  return common.empty() ? "/" : common;
}

}  // namespace lodestone::internal
