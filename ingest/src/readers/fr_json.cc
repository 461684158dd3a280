// Federal Register API JSON: one document's record (fr-json: EO_13603.json,
// as lode fetch saves them) and a search-results page of many (fr-json-
// results). Records carry metadata (citation, dates, disposition notes,
// agencies) and at most an abstract: they rank lowest when the formats of
// one order are merged, and lend it their metadata.
#include <rapidjson/document.h>

#include <string>
#include <vector>

#include "formats/dates.h"
#include "formats/json.h"
#include "lodestone/text/ascii.h"
#include "readers/ids.h"
#include "readers/paper_json.h"
#include "readers/reader.h"

namespace lodestone::internal {

namespace {

Document FrRecord(const rapidjson::Value& r, const std::string& key) {
  Document d;
  d.format = "fr-json";
  d.language = "en";
  d.title = Str(r, "title");
  d.date = ParseDate(Str(r, "signing_date"));
  if (d.date.empty()) d.date = ParseDate(Str(r, "publication_date"));
  d.url = Str(r, "html_url");
  std::string subtype = text::AsciiLower(Str(r, "subtype"));
  std::string eo = Str(r, "executive_order_number");
  if (eo.empty() && subtype == "executive order") eo = Str(r, "presidential_document_number");
  if (subtype == "executive order" || !eo.empty()) d.kind = Kind::kExecutiveOrder;
  else if (subtype == "proclamation") d.kind = Kind::kProclamation;
  else if (subtype.find("memorandum") != std::string::npos || subtype.find("determination") != std::string::npos)
    d.kind = Kind::kPresidentialMemorandum;
  else if (subtype == "notice" || text::AsciiLower(Str(r, "type")) == "notice") d.kind = Kind::kNotice;
  else if (text::AsciiLower(Str(r, "type")) == "rule") d.kind = Kind::kRegulation;
  if (!eo.empty()) {
    d.number = eo;
    d.id = "eo:" + eo;
  } else {
    std::string docnum = Str(r, "document_number");
    d.id = docnum.empty() ? HashId(key) : "frdoc:" + docnum;
  }
  for (const char* k : {"citation", "document_number", "disposition_notes", "executive_order_notes",
                        "publication_date", "signing_date", "toc_subject"}) {
    std::string v = text::Trim(Str(r, k));
    if (!v.empty()) d.meta[k] = v;
  }
  if (auto it = r.FindMember("agencies"); it != r.MemberEnd() && it->value.IsArray()) {
    std::string slugs;
    for (const auto& a : it->value.GetArray()) {
      std::string slug = Str(a, "slug");
      if (!slug.empty()) slugs += (slugs.empty() ? "" : ",") + slug;
    }
    if (!slugs.empty()) d.meta["agencies"] = slugs;
  }
  // Abstract (rarely present) is the only text such a record carries.
  d.text = text::Trim(Str(r, "abstract"));
  return d;
}

Result<std::vector<Document>> ReadFrJson(const FileInput& in) {
  auto j = ParseJson(in.bytes);
  if (!j.ok()) return j.status();
  if (!j->IsObject()) return Status::ParseError("expected a JSON object (a Federal Register API record)");
  if (!j->HasMember("document_number") && !j->HasMember("executive_order_number"))
    return Status::ParseError("not a Federal Register API record (no document_number)");
  return std::vector<Document>{FrRecord(*j, in.key)};
}

Result<std::vector<Document>> ReadFrJsonResults(const FileInput& in) {
  auto j = ParseJson(in.bytes);
  if (!j.ok()) return j.status();
  if (!j->IsObject() || !j->HasMember("results") || !(*j)["results"].IsArray())
    return Status::ParseError("expected a Federal Register search-results object with a results array");
  // A page of one president's documents says so: "Documents signed by
  // Donald Trump, of type Presidential Document, ..." (attribution keeps a
  // president the source states).
  std::string signer;
  const std::string description = Str(*j, "description");
  if (const std::string lead = "Documents signed by "; description.rfind(lead, 0) == 0)
    signer = text::Trim(description.substr(lead.size(), description.find(',') - lead.size()));
  std::vector<Document> out;
  size_t n = 0;
  for (const auto& r : (*j)["results"].GetArray()) {
    ++n;
    if (!r.IsObject()) continue;
    Document d = FrRecord(r, in.key + "#" + std::to_string(n));
    if (!signer.empty()) d.meta["signed_by"] = signer;
    // Without a number such a record cannot join its order's other formats.
    if (d.id.rfind("eo:", 0) == 0 || d.id.rfind("frdoc:", 0) == 0) out.push_back(std::move(d));
  }
  return out;
}

bool IsJsonFile(const FileHead& f) { return f.ExtIs({".json"}); }
// After the paper records in the registry: a page of results, else one record.
bool SniffFrJsonResults(const FileHead& f) { return IsJsonFile(f) && f.Has("\"results\"") && f.Has("\"count\""); }

}  // namespace

extern const Reader kFrJsonResultsReader = {"fr-json-results", kRichMetadata, SniffFrJsonResults, ReadFrJsonResults};

extern const Reader kFrJsonReader = {"fr-json", kRichMetadata, IsJsonFile, ReadFrJson};

}  // namespace lodestone::internal
