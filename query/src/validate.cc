#include "validate.h"

#include <set>

#include "lodestone/graph/ids.h"
#include "lodestone/index/document.h"

namespace lodestone::query::internal {

namespace {

const std::set<std::string>& EntityTypes() {
  static const std::set<std::string> k = {"mineral", "agency", "country", "person", "concept"};
  return k;
}

std::string KindNames() {
  std::string kinds;
  for (Kind k : AllKinds()) kinds += std::string(kinds.empty() ? "" : ", ") + KindName(k);
  return kinds;
}

}  // namespace

Status CheckNotEmpty(const std::string& value, const char* what, const char* expected) {
  if (value.find_first_not_of(" \t\r\n\f\v") != std::string::npos) return Status::Ok();
  return Status::InvalidArgument(std::string("empty ") + what + "; give " + expected);
}

Status CheckDate(const std::string& d, const std::string& flag) {
  auto bad = [&] { return Status::InvalidArgument(flag + " wants a date YYYY-MM-DD, got " + d); };
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return bad();
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return bad();
  int m = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
  if (m < 1 || m > 12 || day < 1 || day > 31) return bad();
  return Status::Ok();
}

Status CheckKind(const std::string& kind) {
  if (kind.empty() || KindFromName(kind)) return Status::Ok();
  return Status::InvalidArgument("unknown kind " + kind + "; use one of " + KindNames());
}

bool IsEntityType(const std::string& type) { return type == "entity" || EntityTypes().count(type) > 0; }

bool MatchesType(const Node& n, const std::string& type) {
  if (type.empty()) return true;
  if (type == "document") return !n.external;
  if (type == "external") return n.external;
  if (type == "entity") return EntityTypes().count(n.type) > 0;
  if (KindFromName(type)) return n.kind == type;
  return n.type == type;
}

Status CheckType(const std::string& type) {
  if (type.empty() || type == "document" || type == "external" || type == "entity" || KindFromName(type) ||
      EntityTypes().count(type) || IsDocumentType(type))
    return Status::Ok();
  return Status::InvalidArgument("unknown type " + type +
                                 "; use an id type (eo, pl, usc, doi, mineral, agency, country, person, concept, "
                                 "...), a kind (" +
                                 KindNames() + "), document, entity or external");
}

Result<EdgeMask> ParseEdges(const std::string& csv, EdgeMask fallback) {
  if (csv.empty()) return fallback;
  std::string bad;
  auto m = ParseEdgeMask(csv, &bad);
  if (!m)
    return Status::InvalidArgument("unknown edge type " + (bad.empty() ? csv : bad) +
                                   "; use mentions, cites, revokes, amends, supersedes, directs, is_a, issued_by");
  return *m;
}

Status CheckCap(size_t value, size_t cap, const char* what) {
  if (cap == 0 || value <= cap) return Status::Ok();
  return Status::TooLarge(std::string(what) + " " + std::to_string(value) + " is over the limit of " +
                          std::to_string(cap));
}

Result<size_t> CappedLimit(size_t requested, size_t cap, const char* what) {
  if (cap == 0) return requested;
  if (requested == 0) return cap;
  Status s = CheckCap(requested, cap, what);
  if (!s.ok()) return s;
  return requested;
}

}  // namespace lodestone::query::internal
