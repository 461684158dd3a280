#include "lodestone/ingest/kb.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "extract/kb_data.h"
#include "lodestone/text/ascii.h"
#include "lodestone/text/edit_distance.h"

namespace lodestone {

namespace {

std::vector<std::string> Strings(const rapidjson::Value& obj, const char* key) {
  std::vector<std::string> out;
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || !it->value.IsArray()) return out;
  for (const auto& v : it->value.GetArray())
    if (v.IsString() && v.GetStringLength() > 0) out.emplace_back(v.GetString(), v.GetStringLength());
  return out;
}

std::string String(const rapidjson::Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || !it->value.IsString()) return {};
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

void AppendUnique(std::vector<std::string>& to, const std::vector<std::string>& from) {
  for (const auto& s : from)
    if (std::find(to.begin(), to.end(), s) == to.end()) to.push_back(s);
}

}  // namespace

Result<KnowledgeBase> KnowledgeBase::Builtin() {
  KnowledgeBase kb;
  for (const auto& file : internal::BuiltinKnowledgeBase()) {
    Status s = kb.AddJson(file.json, std::string("corpus/kb/") + file.name);
    if (!s.ok()) return s;
  }
  return kb;
}

Result<KnowledgeBase> KnowledgeBase::Load(const std::vector<std::string>& files) {
  auto kb = Builtin();
  if (!kb.ok()) return kb.status();
  for (const auto& f : files) {
    Status s = kb->AddFile(f);
    if (!s.ok()) return Status::InvalidArgument(s.message());
  }
  return kb;
}

Status KnowledgeBase::AddFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot read knowledge-base file " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return AddJson(ss.str(), path);
}

Status KnowledgeBase::AddJson(const std::string& json, const std::string& origin) {
  rapidjson::Document d;
  d.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
  if (d.HasParseError())
    return Status::ParseError(origin + ": invalid JSON at byte " + std::to_string(d.GetErrorOffset()) + ": " +
                              rapidjson::GetParseError_En(d.GetParseError()));
  if (!d.IsObject() || !d.HasMember("entities") || !d["entities"].IsArray())
    return Status::ParseError(origin + ": expected an object with an \"entities\" array");
  const std::string file_type = String(d, "type");
  sources_.push_back(origin + ": " + String(d, "source"));
  size_t n = 0;
  for (const auto& v : d["entities"].GetArray()) {
    ++n;
    if (!v.IsObject()) return Status::ParseError(origin + ": entity " + std::to_string(n) + " is not an object");
    Entity e;
    e.id = String(v, "id");
    size_t colon = e.id.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == e.id.size())
      return Status::ParseError(origin + ": entity " + std::to_string(n) + " has no id of the form type:key");
    e.type = e.id.substr(0, colon);
    if (!file_type.empty() && file_type != e.type)
      return Status::ParseError(origin + ": entity " + e.id + " is not of the file's type " + file_type);
    e.name = String(v, "name");
    e.aliases = Strings(v, "aliases");
    e.aliases_cs = Strings(v, "aliases_cs");
    e.acronyms = Strings(v, "acronyms");
    e.zh = Strings(v, "zh");
    e.zh_functions = Strings(v, "zh_functions");
    e.zh_titles = Strings(v, "zh_titles");
    e.public_law = String(v, "public_law");
    e.versions = Strings(v, "versions");
    e.heads = Strings(v, "heads");
    e.adjectives = Strings(v, "adjectives");
    e.is_a = Strings(v, "is_a");
    e.not_in = Strings(v, "not_in");
    e.parent = String(v, "parent");
    e.source = String(v, "source");
    e.office = String(v, "office");
    e.terms = Strings(v, "term");
    e.white_house_archive = Strings(v, "white_house_archive");
    if (auto g = v.FindMember("group"); g != v.MemberEnd() && g->value.IsBool()) e.group = g->value.GetBool();
    if (auto a = v.FindMember("ambiguous"); a != v.MemberEnd() && a->value.IsBool()) e.ambiguous = a->value.GetBool();
    if (auto l = v.FindMember("lists"); l != v.MemberEnd() && l->value.IsArray())
      for (const auto& m : l->value.GetArray()) {
        if (!m.IsObject()) continue;
        ListMembership lm{String(m, "list"), 0, String(m, "citation")};
        if (auto y = m.FindMember("year"); y != m.MemberEnd() && y->value.IsInt()) lm.year = y->value.GetInt();
        e.lists.push_back(lm);
      }
    if (e.name.empty()) e.name = e.id.substr(colon + 1);
    auto it = by_id_.find(e.id);
    if (it == by_id_.end()) {
      by_id_[e.id] = entities_.size();
      entities_.push_back(std::move(e));
    } else {
      Entity& old = entities_[it->second];
      AppendUnique(old.aliases, e.aliases);
      AppendUnique(old.aliases_cs, e.aliases_cs);
      AppendUnique(old.acronyms, e.acronyms);
      AppendUnique(old.zh, e.zh);
      AppendUnique(old.zh_functions, e.zh_functions);
      AppendUnique(old.zh_titles, e.zh_titles);
      AppendUnique(old.versions, e.versions);
      if (old.public_law.empty()) old.public_law = e.public_law;
      AppendUnique(old.heads, e.heads);
      AppendUnique(old.adjectives, e.adjectives);
      AppendUnique(old.is_a, e.is_a);
      AppendUnique(old.not_in, e.not_in);
      for (const auto& lm : e.lists) old.lists.push_back(lm);
      if (old.office.empty()) old.office = e.office;
      AppendUnique(old.terms, e.terms);
      AppendUnique(old.white_house_archive, e.white_house_archive);
    }
  }
  IndexAdministrations();
  return Status::Ok();
}

namespace {
bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}
}  // namespace

void KnowledgeBase::IndexAdministrations() {
  administrations_.clear();
  for (const auto& e : entities_) {
    if (e.type != "person" || e.office != "President of the United States") continue;
    for (const auto& term : e.terms) {
      size_t slash = term.find('/');
      if (slash == std::string::npos) continue;
      Administration a{e.id, e.name, term.substr(0, slash), term.substr(slash + 1)};
      if (a.to == "..") a.to.clear();
      // Cabinet-style year-only terms cannot place a document on a day.
      if (!IsIsoDate(a.from) || (!a.to.empty() && !IsIsoDate(a.to))) continue;
      administrations_.push_back(std::move(a));
    }
  }
  std::sort(administrations_.begin(), administrations_.end(),
            [](const Administration& a, const Administration& b) { return a.from < b.from; });
}

const Administration* KnowledgeBase::AdministrationOn(const std::string& date) const {
  if (date.size() < 10 || !IsIsoDate(date.substr(0, 10))) return nullptr;
  const std::string day = date.substr(0, 10);
  const Administration* found = nullptr;
  for (const auto& a : administrations_)  // oldest first: the last that covers the day is the newer
    if (a.Covers(day)) found = &a;
  return found;
}

const Administration* KnowledgeBase::AdministrationOf(const std::string& president, const std::string& date) const {
  const Administration* first = nullptr;
  const Administration* latest_started = nullptr;
  for (const auto& a : administrations_) {
    if (a.president != president) continue;
    if (!first) first = &a;
    if (!date.empty() && a.from <= date) latest_started = &a;
  }
  return latest_started ? latest_started : first;
}

const Entity* KnowledgeBase::PresidentOfArchive(const std::string& host) const {
  for (const auto& e : entities_)
    for (const auto& h : e.white_house_archive)
      if (text::AsciiLower(host) == h) return &e;
  return nullptr;
}

const Entity* KnowledgeBase::Find(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &entities_[it->second];
}

std::vector<const Entity*> KnowledgeBase::Lookup(const std::string& name) const {
  std::vector<const Entity*> out;
  const std::string l = text::AsciiLower(name);
  for (const auto& e : entities_) {
    bool hit = text::AsciiLower(e.id) == l || text::AsciiLower(e.name) == l;
    for (const auto& a : e.aliases) hit = hit || text::AsciiLower(a) == l;
    for (const auto& a : e.aliases_cs) hit = hit || a == name;
    for (const auto& a : e.acronyms) hit = hit || a == name;
    for (const auto& a : e.zh) hit = hit || a == name;
    if (hit) out.push_back(&e);
  }
  return out;
}

std::vector<std::string> KnowledgeBase::Similar(const std::string& name, size_t limit) const {
  const std::string l = text::AsciiLower(name);
  std::vector<std::pair<size_t, std::string>> scored;
  for (const auto& e : entities_) {
    size_t best = text::EditDistance(l, text::AsciiLower(e.id));
    best = std::min(best, text::EditDistance(l, text::AsciiLower(e.name)));
    const std::string key = e.id.substr(e.id.find(':') + 1);
    best = std::min(best, text::EditDistance(l, key));
    if (best <= std::max<size_t>(2, l.size() / 4)) scored.emplace_back(best, e.id);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (const auto& [d, id] : scored)
    if (out.size() < limit) out.push_back(id);
  return out;
}

}  // namespace lodestone
