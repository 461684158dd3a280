#include "record_json.h"

#include <optional>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "lodestone/index/json_allocator.h"

namespace lodestone::internal {

namespace {
// Buffers that throw std::bad_alloc instead of writing through a null
// pointer when memory runs out (issue 11: a segfault under prlimit --as).
using Buffer = rapidjson::GenericStringBuffer<rapidjson::UTF8<>, ThrowingJsonAllocator>;
using Writer = rapidjson::Writer<Buffer, rapidjson::UTF8<>, rapidjson::UTF8<>, ThrowingJsonAllocator>;

void Str(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

std::string GetStr(const rapidjson::Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || !it->value.IsString()) return {};
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

uint64_t GetU64(const rapidjson::Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd()) return 0;
  if (it->value.IsUint64()) return it->value.GetUint64();
  if (it->value.IsString()) return std::strtoull(it->value.GetString(), nullptr, 16);
  return 0;
}
}  // namespace

std::string EncodeRecord(const Document& doc) {
  Buffer buf;
  Writer w(buf);
  w.StartObject();
  Str(w, "id", doc.id);
  w.Key("kind");
  w.String(KindName(doc.kind));
  Str(w, "title", doc.title);
  Str(w, "date", doc.date);
  Str(w, "number", doc.number);
  Str(w, "language", doc.language);
  Str(w, "url", doc.url);
  Str(w, "format", doc.format);
  w.Key("richness");
  w.Int(doc.richness);
  if (!doc.jurisdiction.empty()) Str(w, "jurisdiction", doc.jurisdiction);
  Str(w, "text", doc.text);
  w.Key("authors");
  w.StartArray();
  for (const auto& a : doc.authors) w.String(a.data(), static_cast<rapidjson::SizeType>(a.size()));
  w.EndArray();
  w.Key("references");
  w.StartArray();
  for (const auto& r : doc.references) {
    w.StartObject();
    Str(w, "label", r.label);
    Str(w, "text", r.text);
    Str(w, "doi", r.doi);
    Str(w, "title", r.title);
    Str(w, "year", r.year);
    // Only what the source gave: most references have few of these.
    auto list = [&](const char* key, const std::vector<std::string>& v) {
      if (v.empty()) return;
      w.Key(key);
      w.StartArray();
      for (const auto& a : v) w.String(a.data(), static_cast<rapidjson::SizeType>(a.size()));
      w.EndArray();
    };
    list("authors", r.authors);
    if (!r.journal.empty()) Str(w, "journal", r.journal);
    if (!r.volume.empty()) Str(w, "volume", r.volume);
    if (!r.page.empty()) Str(w, "page", r.page);
    list("ids", r.ids);
    w.EndObject();
  }
  w.EndArray();
  w.Key("aliases");
  w.StartArray();
  for (const auto& a : doc.aliases) w.String(a.data(), static_cast<rapidjson::SizeType>(a.size()));
  w.EndArray();
  // Paper fields: written only when the record has them (most documents
  // are not papers).
  auto strings = [&](const char* key, const std::vector<std::string>& v) {
    w.Key(key);
    w.StartArray();
    for (const auto& a : v) w.String(a.data(), static_cast<rapidjson::SizeType>(a.size()));
    w.EndArray();
  };
  if (!doc.keywords.empty()) strings("keywords", doc.keywords);
  if (!doc.index_keywords.empty()) strings("index_keywords", doc.index_keywords);
  if (!doc.affiliations.empty()) {
    w.Key("affiliations");
    w.StartArray();
    for (const auto& a : doc.affiliations) {
      w.StartObject();
      Str(w, "organization", a.organization);
      Str(w, "country", a.country);
      Str(w, "address", a.address);
      if (!a.authors.empty()) strings("authors", a.authors);
      w.EndObject();
    }
    w.EndArray();
  }
  w.Key("meta");
  w.StartObject();
  for (const auto& [k, v] : doc.meta) Str(w, k.c_str(), v);
  w.EndObject();
  w.Key("sources");
  w.StartArray();
  for (const auto& s : doc.sources) {
    w.StartObject();
    Str(w, "path", s.path);
    Str(w, "format", s.format);
    w.Key("size");
    w.Uint64(s.size);
    w.Key("mtime_ns");
    w.Int64(s.mtime_ns);
    w.Key("hash");
    w.Uint64(s.hash);
    w.EndObject();
  }
  w.EndArray();
  auto offsets = [&](const std::vector<uint32_t>& v) {
    w.Key("offsets");
    w.StartArray();
    for (uint32_t o : v) w.Uint(o);
    w.EndArray();
  };
  w.Key("entities");
  w.StartArray();
  for (const auto& e : doc.entities) {
    w.StartObject();
    Str(w, "id", e.id);
    Str(w, "name", e.name);
    w.Key("count");
    w.Uint(e.count);
    offsets(e.offsets);
    w.EndObject();
  }
  w.EndArray();
  w.Key("citations");
  w.StartArray();
  for (const auto& c : doc.citations) {
    w.StartObject();
    Str(w, "id", c.id);
    w.Key("count");
    w.Uint(c.count);
    offsets(c.offsets);
    w.EndObject();
  }
  w.EndArray();
  w.Key("relations");
  w.StartArray();
  for (const auto& r : doc.relations) {
    w.StartObject();
    Str(w, "type", RelationTypeName(r.type));
    Str(w, "target", r.target);
    w.Key("offset");
    w.Uint(r.offset);
    Str(w, "origin", r.origin);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

Result<Document> DecodeRecord(const std::string& data) {
  rapidjson::Document j;
  j.Parse<rapidjson::kParseIterativeFlag>(data.data(), data.size());
  if (j.HasParseError() || !j.IsObject()) return Status::Corrupt("stored document data is not a JSON object");
  Document d;
  d.id = GetStr(j, "id");
  d.kind = KindFromName(GetStr(j, "kind")).value_or(Kind::kOther);
  d.title = GetStr(j, "title");
  d.date = GetStr(j, "date");
  d.number = GetStr(j, "number");
  d.language = GetStr(j, "language");
  d.url = GetStr(j, "url");
  d.format = GetStr(j, "format");
  if (auto it = j.FindMember("richness"); it != j.MemberEnd() && it->value.IsInt()) d.richness = it->value.GetInt();
  d.jurisdiction = GetStr(j, "jurisdiction");
  d.text = GetStr(j, "text");
  if (auto it = j.FindMember("authors"); it != j.MemberEnd() && it->value.IsArray())
    for (const auto& a : it->value.GetArray())
      if (a.IsString()) d.authors.emplace_back(a.GetString(), a.GetStringLength());
  if (auto it = j.FindMember("references"); it != j.MemberEnd() && it->value.IsArray())
    for (const auto& r : it->value.GetArray()) {
      if (!r.IsObject()) continue;
      Reference ref;
      ref.label = GetStr(r, "label");
      ref.text = GetStr(r, "text");
      ref.doi = GetStr(r, "doi");
      ref.title = GetStr(r, "title");
      ref.year = GetStr(r, "year");
      ref.journal = GetStr(r, "journal");
      ref.volume = GetStr(r, "volume");
      ref.page = GetStr(r, "page");
      for (auto [key, into] : {std::pair<const char*, std::vector<std::string>*>{"authors", &ref.authors},
                               {"ids", &ref.ids}})
        if (auto l = r.FindMember(key); l != r.MemberEnd() && l->value.IsArray())
          for (const auto& a : l->value.GetArray())
            if (a.IsString()) into->emplace_back(a.GetString(), a.GetStringLength());
      d.references.push_back(std::move(ref));
    }
  if (auto it = j.FindMember("aliases"); it != j.MemberEnd() && it->value.IsArray())
    for (const auto& a : it->value.GetArray())
      if (a.IsString()) d.aliases.emplace_back(a.GetString(), a.GetStringLength());
  auto strings = [](const rapidjson::Value& obj, const char* key, std::vector<std::string>* into) {
    if (auto it = obj.FindMember(key); it != obj.MemberEnd() && it->value.IsArray())
      for (const auto& a : it->value.GetArray())
        if (a.IsString()) into->emplace_back(a.GetString(), a.GetStringLength());
  };
  strings(j, "keywords", &d.keywords);
  strings(j, "index_keywords", &d.index_keywords);
  if (auto it = j.FindMember("affiliations"); it != j.MemberEnd() && it->value.IsArray())
    for (const auto& a : it->value.GetArray()) {
      if (!a.IsObject()) continue;
      Affiliation aff{GetStr(a, "organization"), GetStr(a, "country"), GetStr(a, "address"), {}};
      strings(a, "authors", &aff.authors);
      d.affiliations.push_back(std::move(aff));
    }
  if (auto it = j.FindMember("meta"); it != j.MemberEnd() && it->value.IsObject())
    for (const auto& m : it->value.GetObject())
      if (m.value.IsString()) d.meta.emplace(m.name.GetString(), m.value.GetString());
  if (auto it = j.FindMember("sources"); it != j.MemberEnd() && it->value.IsArray())
    for (const auto& s : it->value.GetArray()) {
      if (!s.IsObject()) continue;
      SourceFile f;
      f.path = GetStr(s, "path");
      f.format = GetStr(s, "format");
      f.size = GetU64(s, "size");
      if (auto m = s.FindMember("mtime_ns"); m != s.MemberEnd() && m->value.IsInt64())
        f.mtime_ns = m->value.GetInt64();
      f.hash = GetU64(s, "hash");
      d.sources.push_back(std::move(f));
    }
  auto offsets = [](const rapidjson::Value& v) {
    std::vector<uint32_t> out;
    if (auto it = v.FindMember("offsets"); it != v.MemberEnd() && it->value.IsArray())
      for (const auto& o : it->value.GetArray())
        if (o.IsUint()) out.push_back(o.GetUint());
    return out;
  };
  auto count = [](const rapidjson::Value& v) -> uint32_t {
    auto it = v.FindMember("count");
    return it != v.MemberEnd() && it->value.IsUint() ? it->value.GetUint() : 0;
  };
  if (auto it = j.FindMember("entities"); it != j.MemberEnd() && it->value.IsArray())
    for (const auto& e : it->value.GetArray())
      if (e.IsObject()) d.entities.push_back({GetStr(e, "id"), GetStr(e, "name"), count(e), offsets(e)});
  if (auto it = j.FindMember("citations"); it != j.MemberEnd() && it->value.IsArray())
    for (const auto& c : it->value.GetArray())
      if (c.IsObject()) d.citations.push_back({GetStr(c, "id"), count(c), offsets(c)});
  if (auto it = j.FindMember("relations"); it != j.MemberEnd() && it->value.IsArray())
    for (const auto& r : it->value.GetArray()) {
      if (!r.IsObject()) continue;
      const std::optional<RelationType> type = RelationTypeFromName(GetStr(r, "type"));
      if (!type) continue;  // a relation type this version does not know (the graph skips its term too)
      RelationRef rel{*type, GetStr(r, "target"), 0, GetStr(r, "origin")};
      if (auto o = r.FindMember("offset"); o != r.MemberEnd() && o->value.IsUint()) rel.offset = o->value.GetUint();
      d.relations.push_back(rel);
    }
  return d;
}

}  // namespace lodestone::internal
