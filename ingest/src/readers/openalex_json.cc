// OpenAlex works: one work or a results page. Ids: doi:, else openalex:W…;
// the abstract from its inverted index, references as openalex: ids.
#include <rapidjson/document.h>

#include <algorithm>
#include <string>
#include <vector>

#include "formats/dates.h"
#include "formats/doi.h"
#include "formats/json.h"
#include "lodestone/text/ascii.h"
#include "readers/ids.h"
#include "readers/paper_json.h"
#include "readers/reader.h"

namespace lodestone::internal {

namespace {

using rapidjson::Value;

constexpr size_t kMaxAbstractWords = 100000;  // bounds a hostile inverted index

// "https://openalex.org/W2741809807" or "W2741809807" -> "W2741809807";
// "" for anything that is not a work id.
std::string OpenAlexWork(std::string_view s) {
  std::string t = text::Trim(s);
  for (std::string_view p : {"https://openalex.org/", "http://openalex.org/", "openalex:"})
    if (text::StartsWith(t, p)) {
      t = t.substr(p.size());
      break;
    }
  if (t.size() < 2 || (t[0] != 'W' && t[0] != 'w')) return {};
  for (size_t i = 1; i < t.size(); ++i)
    if (t[i] < '0' || t[i] > '9') return {};
  t[0] = 'W';
  return t;
}

// The digits after the last '/' of an id URL ("https://pubmed.ncbi.nlm.nih.gov/29456894").
std::string TailDigits(std::string_view s) {
  std::string t = text::Trim(s);
  while (!t.empty() && t.back() == '/') t.pop_back();
  size_t slash = t.rfind('/');
  std::string tail = slash == std::string::npos ? t : t.substr(slash + 1);
  if (text::StartsWith(tail, "PMC")) tail = tail.substr(3);
  for (char c : tail)
    if (c < '0' || c > '9') return {};
  return tail;
}

// abstract_inverted_index {"word": [positions]} -> the abstract.
std::string InvertedAbstract(const Value* index) {
  if (!index || !index->IsObject()) return {};
  std::vector<std::string> words;
  for (const auto& m : index->GetObject()) {
    if (!m.value.IsArray()) continue;
    for (const auto& p : m.value.GetArray()) {
      if (!p.IsUint() || p.GetUint() >= kMaxAbstractWords) continue;
      if (p.GetUint() >= words.size()) words.resize(p.GetUint() + 1);
      words[p.GetUint()].assign(m.name.GetString(), m.name.GetStringLength());
    }
  }
  std::string out;
  for (const auto& w : words)
    if (!w.empty()) out += (out.empty() ? "" : " ") + w;
  return out;
}

// One OpenAlex work; false when the record is not a work.
bool OpenAlexRecord(const Value& r, Document* out) {
  std::string work = OpenAlexWork(Str(r, "id"));
  if (work.empty()) return false;
  Document d;
  d.format = "openalex-json";
  d.kind = Kind::kPaper;
  const Value* ids = Member(r, "ids");
  std::string doi = NormalizeDoi(Str(r, "doi"));
  if (doi.empty() && ids) doi = NormalizeDoi(Str(*ids, "doi"));
  SetPaperId(&d, doi, "openalex:" + work);
  d.title = PlainLine(Str(r, "title"));
  if (d.title.empty()) d.title = PlainLine(Str(r, "display_name"));
  d.date = ParseDate(Str(r, "publication_date"));
  if (d.date.size() != 10) {
    std::string y = FindYearInText(Str(r, "publication_year"));
    d.date = y.empty() ? "" : y + "-01-01";
  }
  if (const Value* as = Member(r, "authorships"); as && as->IsArray())
    for (const auto& a : as->GetArray()) {
      std::string name;
      if (const Value* author = Member(a, "author")) name = text::Trim(Str(*author, "display_name"));
      if (name.empty()) name = text::Trim(Str(a, "raw_author_name"));
      if (!name.empty()) d.authors.push_back(name);
      // Each institution once, with the authors it lists (issue 15); the
      // country is OpenAlex's ISO code ("US", "CN").
      if (const Value* insts = Member(a, "institutions"); insts && insts->IsArray())
        for (const auto& inst : insts->GetArray()) {
          std::string org = PlainLine(Str(inst, "display_name"));
          if (org.empty()) continue;
          auto it = std::find_if(d.affiliations.begin(), d.affiliations.end(),
                                 [&](const Affiliation& x) { return x.organization == org; });
          if (it == d.affiliations.end()) {
            d.affiliations.push_back({org, text::Trim(Str(inst, "country_code")), org, {}});
            it = d.affiliations.end() - 1;
          }
          if (!name.empty()) it->authors.push_back(name);
        }
    }
  if (const Value* kws = Member(r, "keywords"); kws && kws->IsArray())
    for (const auto& k : kws->GetArray()) {
      std::string kw = k.IsString() ? PlainLine(std::string(k.GetString(), k.GetStringLength()))
                                    : PlainLine(Str(k, "display_name"));
      if (kw.empty() && k.IsObject()) kw = PlainLine(Str(k, "keyword"));
      if (!kw.empty()) d.keywords.push_back(kw);
    }
  const Value* loc = Member(r, "primary_location");
  const Value* source = loc ? Member(*loc, "source") : nullptr;
  if (source && source->IsObject()) {
    PutMeta(&d, "journal", Str(*source, "display_name"));
    PutMeta(&d, "publisher", Str(*source, "host_organization_name"));
  } else if (const Value* venue = Member(r, "host_venue")) {  // the API before 2023
    PutMeta(&d, "journal", Str(*venue, "display_name"));
    PutMeta(&d, "publisher", Str(*venue, "publisher"));
  }
  if (loc) d.url = text::Trim(Str(*loc, "landing_page_url"));
  if (d.url.empty() && !doi.empty()) d.url = "https://doi.org/" + doi;
  if (const Value* biblio = Member(r, "biblio")) {
    PutMeta(&d, "volume", Str(*biblio, "volume"));
    PutMeta(&d, "issue", Str(*biblio, "issue"));
    std::string first = text::Trim(Str(*biblio, "first_page")), last = text::Trim(Str(*biblio, "last_page"));
    PutMeta(&d, "page", !first.empty() && !last.empty() && last != first ? first + "-" + last : first);
  }
  PutMeta(&d, "type", Str(r, "type"));
  if (ids) {
    std::string pmid = TailDigits(Str(*ids, "pmid"));
    if (!pmid.empty()) AddAlias(&d, "pmid:" + pmid);
    std::string pmcid = TailDigits(Str(*ids, "pmcid"));
    if (!pmcid.empty()) AddAlias(&d, "pmcid:PMC" + pmcid);
    std::string mag = text::Trim(Str(*ids, "mag"));
    if (!mag.empty()) AddAlias(&d, "mag:" + mag);
  }
  SetText(&d, InvertedAbstract(Member(r, "abstract_inverted_index")));
  if (std::string lang = Str(r, "language"); lang.size() == 2) d.language = lang;
  if (const Value* refs = Member(r, "referenced_works"); refs && refs->IsArray())
    for (const auto& w : refs->GetArray()) {
      std::string id = OpenAlexWork(AsText(w));
      if (id.empty()) continue;
      Reference ref;
      ref.ids.push_back("openalex:" + id);
      d.references.push_back(std::move(ref));
    }
  if (d.title.empty()) d.title = d.id;
  *out = std::move(d);
  return true;
}

Result<std::vector<Document>> ReadOpenAlexJson(const FileInput& in) {
  auto j = ParseJson(in.bytes);
  if (!j.ok()) return j.status();
  if (!j->IsArray() && !j->IsObject()) return Status::ParseError("expected an OpenAlex work or a results list");
  std::vector<Document> out;
  for (const Value* r : Records(*j, "results")) {
    Document d;
    if (OpenAlexRecord(*r, &d)) out.push_back(std::move(d));  // authors, sources, … are not works
  }
  return out;
}

// First among the JSON records in the registry: OpenAlex result pages also
// have "results" and "count" (as Federal Register pages do).
bool SniffOpenAlexJson(const FileHead& f) {
  return f.ExtIs({".json"}) && !IsFederalRegisterRecord(f.head) &&
         (f.Has("openalex.org/W") || f.Has("\"abstract_inverted_index\"") || f.Has("\"referenced_works\"") ||
          f.Has("\"authorships\""));
}

}  // namespace

extern const Reader kOpenAlexJsonReader = {"openalex-json", kRichRecord, SniffOpenAlexJson, ReadOpenAlexJson};

}  // namespace lodestone::internal
