#include <algorithm>
#include <iterator>

#include "lodestone/index/document.h"

namespace lodestone {

namespace {
struct KindNameEntry {
  Kind kind;
  const char* name;
};
constexpr KindNameEntry kKindNames[] = {
    {Kind::kExecutiveOrder, "executive_order"},
    {Kind::kPresidentialMemorandum, "presidential_memorandum"},
    {Kind::kProclamation, "proclamation"},
    {Kind::kLaw, "law"},
    {Kind::kRegulation, "regulation"},
    {Kind::kNotice, "notice"},
    {Kind::kFactSheet, "fact_sheet"},
    {Kind::kStatement, "statement"},
    {Kind::kPaper, "paper"},
    {Kind::kOther, "other"},
};
}  // namespace

const char* KindName(Kind kind) {
  for (const auto& e : kKindNames)
    if (e.kind == kind) return e.name;
  return "other";
}

std::optional<Kind> KindFromName(const std::string& name) {
  for (const auto& e : kKindNames)
    if (name == e.name) return e.kind;
  return std::nullopt;
}

const std::vector<Kind>& AllKinds() {
  static const std::vector<Kind> kinds = [] {
    std::vector<Kind> v;
    for (const auto& e : kKindNames) v.push_back(e.kind);
    return v;
  }();
  return kinds;
}

namespace {
constexpr const char* kRelationNames[] = {"revokes",    "amends",     "supersedes",   "directs",
                                          "revoked_by", "amended_by", "superseded_by"};
}  // namespace

const char* RelationTypeName(RelationType type) { return kRelationNames[static_cast<int>(type)]; }

std::optional<RelationType> RelationTypeFromName(const std::string& name) {
  for (size_t i = 0; i < std::size(kRelationNames); ++i)
    if (name == kRelationNames[i]) return static_cast<RelationType>(i);
  return std::nullopt;
}

RelationType ActiveForm(RelationType type) {
  switch (type) {
    case RelationType::kRevokedBy: return RelationType::kRevokes;
    case RelationType::kAmendedBy: return RelationType::kAmends;
    case RelationType::kSupersededBy: return RelationType::kSupersedes;
    default: return type;
  }
}

std::optional<RelationType> PassiveForm(RelationType type) {
  switch (type) {
    case RelationType::kRevokes: return RelationType::kRevokedBy;
    case RelationType::kAmends: return RelationType::kAmendedBy;
    case RelationType::kSupersedes: return RelationType::kSupersededBy;
    case RelationType::kDirects: return std::nullopt;
    default: return type;
  }
}

}  // namespace lodestone
