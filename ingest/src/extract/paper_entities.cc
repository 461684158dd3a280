#include "extract/paper_entities.h"

#include <map>

#include "extract/funding.h"
#include "lodestone/ingest/fold.h"
#include "lodestone/text/ascii.h"

namespace lodestone::internal {

std::string LabelId(std::string_view type, std::string_view label) {
  std::string key = FoldLabel(label);
  if (key.empty()) return {};
  for (char& c : key)
    if (c == ' ') c = '-';
  return std::string(type) + ":" + key;
}

void AddPaperEntities(Document* doc) {
  if (doc->kind != Kind::kPaper) return;
  std::map<std::string, size_t> at;
  for (size_t i = 0; i < doc->entities.size(); ++i) at.emplace(doc->entities[i].id, i);
  auto add = [&](const std::string& id, const std::string& name, uint32_t offset) {
    if (id.empty()) return;
    auto [it, fresh] = at.emplace(id, doc->entities.size());
    if (fresh) doc->entities.push_back({id, text::Trim(name), 0, {}});
    EntityRef& e = doc->entities[it->second];
    ++e.count;
    if (offset != kNoOffset && e.offsets.size() < 8) e.offsets.push_back(offset);
  };
  auto in_text = [&](const std::string& label) {
    size_t p = label.empty() ? std::string::npos : doc->text.find(label);
    return p == std::string::npos ? kNoOffset : static_cast<uint32_t>(p);
  };
  // A keyword or organisation counts once per paper, as in the networks.
  std::map<std::string, bool> once;
  auto add_once = [&](std::string_view type, const std::string& label) {
    std::string id = LabelId(type, label);
    if (id.empty() || once[id]) return;
    once[id] = true;
    add(id, label, in_text(label));
  };
  for (const auto& k : doc->keywords) add_once("keyword", k);
  for (const auto& k : doc->index_keywords) add_once("keyword", k);
  for (const auto& a : doc->affiliations) add_once("org", a.organization);
  for (const auto& f : FindFunding(doc->text)) add(f.id, f.name, static_cast<uint32_t>(f.offset));
  if (auto it = doc->meta.find("funding"); it != doc->meta.end())
    for (const auto& f : FindFunding(it->second))
      if (!at.count(f.id)) add(f.id, f.name, kNoOffset);  // the fund field, not in the text
}

}  // namespace lodestone::internal
