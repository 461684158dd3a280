#include "api_response.h"

#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace lodestone::fetch_internal {

namespace {
constexpr int kMaxDepth = 64;  // records are a few levels deep; deeper input is rejected, never recursed into

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

// Nesting depth of a parsed value, without recursion.
int Depth(const rapidjson::Value& root) {
  std::vector<std::pair<const rapidjson::Value*, int>> stack{{&root, 1}};
  int deepest = 0;
  while (!stack.empty()) {
    auto [v, d] = stack.back();
    stack.pop_back();
    deepest = std::max(deepest, d);
    if (deepest > kMaxDepth) return deepest;
    if (v->IsObject())
      for (const auto& m : v->GetObject()) stack.push_back({&m.value, d + 1});
    else if (v->IsArray())
      for (const auto& e : v->GetArray()) stack.push_back({&e, d + 1});
  }
  return deepest;
}

Result<rapidjson::Document> Parse(const std::string& body) {
  rapidjson::Document d;
  d.Parse<rapidjson::kParseIterativeFlag>(body.data(), body.size());
  if (d.HasParseError())
    return Status::ParseError("invalid JSON at byte " + std::to_string(d.GetErrorOffset()) + ": " +
                              rapidjson::GetParseError_En(d.GetParseError()));
  if (Depth(d) > kMaxDepth) return Status::ParseError("JSON nested more than " + std::to_string(kMaxDepth) + " deep");
  return d;
}

// Canonical form: object members sorted by name; `skip` left out at the top.
// Depth is bounded by Parse.
void WriteCanonical(Writer& w, const rapidjson::Value& v, const char* skip) {
  if (v.IsObject()) {
    std::vector<const rapidjson::Value::Member*> members;
    for (const auto& m : v.GetObject())
      if (!skip || std::string_view(m.name.GetString(), m.name.GetStringLength()) != skip) members.push_back(&m);
    std::sort(members.begin(), members.end(), [](auto* a, auto* b) {
      return std::string_view(a->name.GetString(), a->name.GetStringLength()) <
             std::string_view(b->name.GetString(), b->name.GetStringLength());
    });
    w.StartObject();
    for (auto* m : members) {
      w.Key(m->name.GetString(), m->name.GetStringLength());
      WriteCanonical(w, m->value, nullptr);
    }
    w.EndObject();
  } else if (v.IsArray()) {
    w.StartArray();
    for (const auto& e : v.GetArray()) WriteCanonical(w, e, nullptr);
    w.EndArray();
  } else {
    v.Accept(w);
  }
}

void Flatten(const rapidjson::Value& v, const std::string& path, std::vector<std::string>* out) {
  if (v.IsObject()) {
    for (const auto& m : v.GetObject()) {
      std::string name(m.name.GetString(), m.name.GetStringLength());
      Flatten(m.value, path.empty() ? name : path + "." + name, out);
    }
  } else if (v.IsArray()) {
    for (const auto& e : v.GetArray()) Flatten(e, path, out);
  } else {
    std::string text;
    if (v.IsString()) {
      text.assign(v.GetString(), v.GetStringLength());
    } else {
      rapidjson::StringBuffer b;
      Writer w(b);
      v.Accept(w);
      text = b.GetString();
    }
    out->push_back(path.empty() ? text : path + ": " + text);
  }
}
}  // namespace

Result<SearchPage> ParseSearchPage(const std::string& body) {
  auto d = Parse(body);
  if (!d.ok()) return d.status();
  SearchPage p;
  p.doc = std::move(*d);
  if (!p.doc.IsObject()) return Status::ParseError("a search page is a JSON object");
  auto count = p.doc.FindMember("count");
  if (count == p.doc.MemberEnd() || !count->value.IsUint64()) return Status::ParseError("no count");
  p.count = count->value.GetUint64();
  if (auto t = p.doc.FindMember("total_pages"); t != p.doc.MemberEnd() && t->value.IsUint64())
    p.total_pages = t->value.GetUint64();
  if (auto n = p.doc.FindMember("next_page_url"); n != p.doc.MemberEnd() && n->value.IsString())
    p.next_page_url.assign(n->value.GetString(), n->value.GetStringLength());
  auto results = p.doc.FindMember("results");
  if (results != p.doc.MemberEnd()) {
    if (!results->value.IsArray()) return Status::ParseError("results is not an array");
    p.results = &results->value;
  } else if (p.count > 0 && !p.next_page_url.empty()) {
    return Status::ParseError("no results array");
  }
  static const rapidjson::Value kEmpty(rapidjson::kArrayType);
  if (!p.results) p.results = &kEmpty;  // the API leaves results out when nothing matches
  return p;
}

std::string ApiErrorMessage(const std::string& body) {
  auto d = Parse(body);
  if (d.ok() && d->IsObject()) {
    std::vector<std::string> parts;
    if (auto e = d->FindMember("errors"); e != d->MemberEnd()) Flatten(e->value, "", &parts);
    if (parts.empty())
      if (auto m = d->FindMember("message"); m != d->MemberEnd()) Flatten(m->value, "", &parts);
    if (!parts.empty()) {
      std::string msg;
      for (const auto& p : parts) msg += (msg.empty() ? "" : "; ") + p;
      return msg;
    }
  }
  std::string head = body.substr(0, 200);
  for (char& c : head)
    if (c == '\n' || c == '\r') c = ' ';
  return head.empty() ? "(empty answer)" : head;
}

uint64_t RecordHash(const rapidjson::Value& record) {
  rapidjson::StringBuffer b;
  Writer w(b);
  WriteCanonical(w, record, "page_views");
  return XXH3_64bits(b.GetString(), b.GetSize());
}

std::string HashHex(uint64_t h) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string RecordJson(const rapidjson::Value& record) {
  rapidjson::StringBuffer b;
  Writer w(b);
  record.Accept(w);
  return std::string(b.GetString(), b.GetSize());
}

std::string StringField(const rapidjson::Value& record, const char* name) {
  if (!record.IsObject()) return {};
  auto it = record.FindMember(name);
  if (it == record.MemberEnd() || !it->value.IsString()) return {};
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

bool ValidDocumentNumber(const std::string& n) {
  if (n.empty() || n.size() > 100 || n[0] == '.') return false;
  return std::all_of(n.begin(), n.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.';
  });
}

std::optional<FullTextLink> ChooseFullText(const rapidjson::Value& record, FullTextChoice choice) {
  auto link = [&](const char* kind, const char* field) -> std::optional<FullTextLink> {
    std::string url = StringField(record, field);
    if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) return std::nullopt;
    return FullTextLink{kind, url};
  };
  switch (choice) {
    case FullTextChoice::kNone: return std::nullopt;
    case FullTextChoice::kXml: return link("xml", "full_text_xml_url");
    case FullTextChoice::kHtml: return link("html", "body_html_url");
    case FullTextChoice::kText: return link("text", "raw_text_url");
    case FullTextChoice::kAuto:
      if (auto x = link("xml", "full_text_xml_url")) return x;
      if (auto h = link("html", "body_html_url")) return h;
      return link("text", "raw_text_url");
  }
  return std::nullopt;
}

std::string FullTextFileName(const std::string& number, const std::string& kind, std::string_view body) {
  if (kind == "xml") return number + ".xml";
  if (kind == "html") return number + ".html";
  size_t i = 0;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < body.size() && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) ++i;
  return number + (i < body.size() && body[i] == '<' ? ".htm" : ".txt");
}

}  // namespace lodestone::fetch_internal
