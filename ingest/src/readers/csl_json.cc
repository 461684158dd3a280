// CSL-JSON (citation managers, Pandoc, Crossref content negotiation): an
// item or an array of items. Ids: doi:, else csl:<item id>.
#include <rapidjson/document.h>

#include <string>
#include <vector>

#include "formats/json.h"
#include "lodestone/text/ascii.h"
#include "readers/ids.h"
#include "readers/paper_json.h"
#include "readers/reader.h"

namespace lodestone::internal {

namespace {

using rapidjson::Value;

Result<std::vector<Document>> ReadCslJson(const FileInput& in) {
  auto j = ParseJson(in.bytes);
  if (!j.ok()) return j.status();
  if (!j->IsArray() && !j->IsObject()) return Status::ParseError("expected a CSL-JSON item or an array of items");
  std::vector<Document> out;
  size_t n = 0;
  for (const Value* r : Records(*j, "items")) {
    ++n;
    std::string id = text::Trim(Str(*r, "id"));
    Document d = CslLikeRecord(*r, "csl-json", id.empty() ? std::string() : "csl:" + id);
    if (d.title.empty() && !d.meta.count("doi")) continue;  // not a citable item
    if (d.id.empty()) d.id = HashId(in.key + "#" + std::to_string(n));
    if (d.title.empty()) d.title = d.id;
    out.push_back(std::move(d));
  }
  return out;
}

// After OpenAlex and Crossref in the registry (Crossref works are CSL with extras).
bool SniffCslJson(const FileHead& f) {
  if (!f.ExtIs({".json"}) || IsFederalRegisterRecord(f.head)) return false;
  if (f.Has("\"container-title\"") || f.Has("\"issued\"") || f.Has("\"DOI\"")) return true;
  // A CSL array of items without dates, DOIs or journals (books, web pages).
  return text::StartsWith(f.body, "[") && f.Has("\"title\"") && (f.Has("\"type\"") || f.Has("\"author\""));
}

}  // namespace

extern const Reader kCslJsonReader = {"csl-json", kRichRecord, SniffCslJson, ReadCslJson};

}  // namespace lodestone::internal
