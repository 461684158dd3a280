// Crossref REST API works: one work ("message": {...}) or a list ("items").
// Ids: doi: (a Crossref work always has one).
#include <rapidjson/document.h>

#include <string>
#include <vector>

#include "formats/json.h"
#include "readers/ids.h"
#include "readers/paper_json.h"
#include "readers/reader.h"

namespace lodestone::internal {

namespace {

using rapidjson::Value;

Result<std::vector<Document>> ReadCrossrefJson(const FileInput& in) {
  auto j = ParseJson(in.bytes);
  if (!j.ok()) return j.status();
  const Value* root = &*j;
  if (const Value* status = Member(*root, "status"); status && status->IsString() &&
                                                     std::string_view(status->GetString()) != "ok")
    return Status::ParseError("Crossref response with status \"" + std::string(status->GetString()) + "\"");
  if (const Value* message = Member(*root, "message")) root = message;
  if (!root->IsObject() && !root->IsArray()) return Status::ParseError("expected a Crossref work or work list");
  std::vector<Document> out;
  size_t n = 0;
  for (const Value* r : Records(*root, "items")) {
    ++n;
    Document d = CslLikeRecord(*r, "crossref-json", std::string());
    if (d.title.empty() && !d.meta.count("doi")) continue;  // not a work
    if (d.id.empty()) d.id = HashId(in.key + "#" + std::to_string(n));
    if (d.title.empty()) d.title = d.id;
    out.push_back(std::move(d));
  }
  return out;
}

// After OpenAlex in the registry: OpenAlex result pages also have such keys.
bool SniffCrossrefJson(const FileHead& f) {
  return f.ExtIs({".json"}) && !IsFederalRegisterRecord(f.head) &&
         (f.Has("\"message-type\"") || f.Has("\"reference-count\"") || f.Has("\"is-referenced-by-count\""));
}

}  // namespace

extern const Reader kCrossrefJsonReader = {"crossref-json", kRichRecord, SniffCrossrefJson, ReadCrossrefJson};

}  // namespace lodestone::internal
