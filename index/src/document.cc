#include <algorithm>
#include <iterator>

#include "lodestone/index/document.h"
#include "lodestone/index/merge.h"

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

bool TextIsRicher(const Document& a, const Document& b) {
  if (a.text.empty() != b.text.empty()) return !a.text.empty();
  if (a.richness != b.richness) return a.richness > b.richness;
  if (a.text.size() != b.text.size()) return a.text.size() > b.text.size();
  // A tie is broken by the records' content, never by which came first: a
  // build meets the files of one id in path order, an update meets the
  // indexed record first, and both must keep the same (issue 11: they kept
  // different titles and author orders). The merged record carries its
  // winner's text, title and authors, so the winner of any number of
  // records is the same whatever the order of the merges.
  if (a.text != b.text) return a.text < b.text;
  if (a.title != b.title) return a.title < b.title;
  if (a.authors != b.authors) return a.authors < b.authors;
  return a.date <= b.date;
}

Document MergeDocuments(const Document& a, const Document& b) {
  const bool a_wins = TextIsRicher(a, b);
  const Document& w = a_wins ? a : b;
  const Document& l = a_wins ? b : a;
  Document m = w;
  auto fill = [](std::string& dst, const std::string& src) {
    if (dst.empty()) dst = src;
  };
  fill(m.id, l.id);
  if (m.kind == Kind::kOther) m.kind = l.kind;
  fill(m.title, l.title);
  fill(m.date, l.date);
  fill(m.number, l.number);
  fill(m.language, l.language);
  fill(m.url, l.url);
  fill(m.jurisdiction, l.jurisdiction);
  if (m.authors.empty()) m.authors = l.authors;
  if (m.references.empty()) m.references = l.references;
  if (m.keywords.empty()) m.keywords = l.keywords;
  if (m.index_keywords.empty()) m.index_keywords = l.index_keywords;
  if (m.affiliations.empty()) m.affiliations = l.affiliations;
  for (const auto& alias : l.aliases)
    if (alias != m.id && std::find(m.aliases.begin(), m.aliases.end(), alias) == m.aliases.end()) m.aliases.push_back(alias);
  if (l.id != m.id && !l.id.empty() && std::find(m.aliases.begin(), m.aliases.end(), l.id) == m.aliases.end())
    m.aliases.push_back(l.id);
  for (const auto& [k, v] : l.meta) m.meta.emplace(k, v);  // winner's value stays
  // A president the source states beats one derived from the date
  // (ingest/attribution.h): the Federal Register's "signed by" list may be
  // the poorer record of an order whose text another format gives.
  auto stated = [](const Document& d) {
    auto it = d.meta.find("president_source");
    return it != d.meta.end() && it->second == "stated";
  };
  if (stated(l) && !stated(m)) {
    m.meta.erase("president_by_date");
    for (const char* k : {"president", "president_source", "president_by_date"})
      if (auto it = l.meta.find(k); it != l.meta.end()) m.meta[k] = it->second;
  }
  // Extraction results belong to the text they were found in: keep the
  // winner's, and add what only the other record found (its metadata, e.g.
  // disposition notes, yields relations too).
  // Offsets point into the other text, so they are dropped.
  for (auto e : l.entities)
    if (std::none_of(m.entities.begin(), m.entities.end(), [&](const EntityRef& x) { return x.id == e.id; })) {
      e.offsets.clear();
      m.entities.push_back(e);
    }
  for (auto c : l.citations)
    if (std::none_of(m.citations.begin(), m.citations.end(), [&](const CitationRef& x) { return x.id == c.id; })) {
      c.offsets.clear();
      m.citations.push_back(c);
    }
  for (auto r : l.relations)
    if (std::none_of(m.relations.begin(), m.relations.end(),
                     [&](const RelationRef& x) { return x.type == r.type && x.target == r.target; })) {
      r.offset = kNoOffset;
      m.relations.push_back(r);
    }
  for (const auto& s : l.sources) {
    bool have = std::any_of(m.sources.begin(), m.sources.end(),
                            [&](const SourceFile& x) { return x.path == s.path; });
    if (!have) m.sources.push_back(s);
  }
  std::sort(m.sources.begin(), m.sources.end(),
            [](const SourceFile& x, const SourceFile& y) { return x.path < y.path; });
  return m;
}

}  // namespace lodestone
