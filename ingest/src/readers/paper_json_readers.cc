// Readers for paper records in JSON: CSL-JSON (citation managers, Pandoc,
// Crossref content negotiation), Crossref REST API works and OpenAlex works.
// Each record becomes one Document of kind paper whose text is the title and
// the abstract, with its authors, date, journal metadata, other ids
// (aliases) and, where the source lists them, its references.
//
// Crossref's work schema is CSL with extensions (title and container-title
// are arrays, a "reference" list), and CSL from Crossref content negotiation
// carries Crossref's keys: one mapping (CslLikeRecord) reads both, accepting
// a string or an array wherever either occurs.
#include <rapidjson/document.h>

#include <algorithm>
#include <cstdint>
#include <map>

#include "formats/json.h"
#include "formats/printed_references.h"
#include "readers/readers_internal.h"
#include "formats/dates.h"
#include "formats/doi.h"
#include "formats/language.h"
#include "formats/whitespace.h"
#include "lodestone/text/ascii.h"
#include "lodestone/text/utf8.h"
#include "readers/ids.h"

namespace lodestone::internal {

namespace {

using rapidjson::Value;

constexpr size_t kMaxAbstractWords = 100000;  // bounds a hostile inverted index

// A string, or the first string of an array ("title": ["…"] in Crossref).
std::string FirstString(const Value* v) {
  if (!v) return {};
  if (v->IsArray()) {
    for (const auto& e : v->GetArray())
      if (e.IsString() && e.GetStringLength() > 0) return std::string(e.GetString(), e.GetStringLength());
    return {};
  }
  return AsText(*v);
}

// Text of a string that may hold JATS or HTML markup (Crossref abstracts:
// "<jats:p>…</jats:p>", titles with "<i>"): tags dropped, paragraph-like
// elements start a new paragraph, character references decoded.
std::string StripMarkup(std::string_view s) {
  static const std::map<std::string_view, std::string_view> kEntities = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}};
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '<') {
      size_t e = s.find('>', i);
      if (e == std::string_view::npos) break;
      std::string name = text::AsciiLower(s.substr(i + 1, e - i - 1));
      if (!name.empty() && name[0] == '/') name.erase(0, 1);
      name = name.substr(0, name.find_first_of(" \t\n/"));
      if (size_t colon = name.find(':'); colon != std::string::npos) name = name.substr(colon + 1);
      if (name == "p" || name == "title" || name == "sec" || name == "div" || name == "list-item" || name == "li")
        out += "\n\n";
      else if (name == "br")
        out += '\n';
      i = e;
      continue;
    }
    if (c == '&') {
      size_t e = s.find(';', i);
      if (e != std::string_view::npos && e - i <= 10) {
        std::string_view ent = s.substr(i + 1, e - i - 1);
        if (!ent.empty() && ent[0] == '#') {
          uint32_t cp = 0;
          bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
          std::string digits(ent.substr(hex ? 2 : 1));
          if (!digits.empty() && digits.size() <= 8) {
            cp = static_cast<uint32_t>(std::strtoul(digits.c_str(), nullptr, hex ? 16 : 10));
            text::AppendUtf8(cp, &out);
            i = e;
            continue;
          }
        } else if (auto it = kEntities.find(ent); it != kEntities.end()) {
          out += it->second;
          i = e;
          continue;
        }
      }
    }
    out += c;
  }
  return CleanWhitespace(out);
}

// A title or a name as one line of plain text (markup dropped).
std::string PlainLine(std::string_view s) { return OneLine(StripMarkup(s)); }

std::string Pad2(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

// A date-parts element: 2020, "2020", "05".
int PartValue(const Value& v) {
  if (v.IsInt()) return v.GetInt();
  if (v.IsString()) return std::atoi(v.GetString());
  return 0;
}

// {"date-parts": [[2020, 5, 1]]} -> "2020-05-01"; [[2020, 5]] -> "2020-05-01";
// [[2020]] -> "2020-01-01"; CSL's {"raw": "…"} and {"literal": "…"} are
// read for a date or a year. "" when there is no year.
std::string DateOf(const Value* date) {
  if (!date || !date->IsObject()) return {};
  if (const Value* parts = Member(*date, "date-parts"); parts && parts->IsArray() && !parts->Empty()) {
    const Value& first = (*parts)[0];
    if (first.IsArray() && !first.Empty()) {
      int y = PartValue(first[0]), m = first.Size() > 1 ? PartValue(first[1]) : 0,
          d = first.Size() > 2 ? PartValue(first[2]) : 0;
      if (y >= 1000 && y <= 2999) {
        if (m < 1 || m > 12) m = 1, d = 1;
        if (d < 1 || d > 31) d = 1;
        return std::to_string(y) + "-" + Pad2(m) + "-" + Pad2(d);
      }
    }
  }
  for (const char* k : {"raw", "literal"}) {
    std::string raw = Str(*date, k);
    if (raw.empty()) continue;
    std::string d = ParseDate(raw);
    if (d.size() == 10) return d;
    std::string y = FindYearInText(raw);
    if (!y.empty()) return y + "-01-01";
  }
  return {};
}

// CSL / Crossref names: {"given","family"}, {"literal"} or {"name"}
// (organisations) -> "Given Family".
std::vector<std::string> Names(const Value* list) {
  std::vector<std::string> out;
  if (!list || !list->IsArray()) return out;
  for (const auto& a : list->GetArray()) {
    std::string given = text::Trim(Str(a, "given")), family = text::Trim(Str(a, "family"));
    std::string name = given.empty() ? family : family.empty() ? given : given + " " + family;
    if (name.empty()) name = text::Trim(Str(a, "literal"));
    if (name.empty()) name = text::Trim(Str(a, "name"));
    if (!name.empty()) out.push_back(PlainLine(name));
  }
  return out;
}

void SetText(Document* d, const std::string& abstract) {
  d->text = d->title + (abstract.empty() ? "" : "\n\n" + abstract);
  d->language = GuessLanguage(d->text);
}

void PutMeta(Document* d, const char* key, const std::string& value) {
  std::string v = PlainLine(value);
  if (!v.empty()) d->meta[key] = v;
}

// One entry of Crossref's "reference" list.
Reference CrossrefReference(const Value& r) {
  Reference ref;
  ref.label = text::Trim(Str(r, "key"));
  ref.text = PlainLine(Str(r, "unstructured"));
  ref.doi = NormalizeDoi(Str(r, "DOI"));
  if (ref.doi.empty()) ref.doi = FindDoi(ref.text);
  ref.title = PlainLine(Str(r, "article-title"));
  if (ref.title.empty()) ref.title = PlainLine(Str(r, "volume-title"));
  ref.year = FindYearInText(Str(r, "year"));
  if (ref.year.empty()) ref.year = FindYearInText(ref.text, true);
  std::string author = PlainLine(Str(r, "author"));
  if (!author.empty()) ref.authors.push_back(author);
  ref.journal = PlainLine(Str(r, "journal-title"));
  if (ref.journal.empty()) ref.journal = PlainLine(Str(r, "series-title"));
  ref.volume = text::Trim(Str(r, "volume"));
  ref.page = text::Trim(Str(r, "first-page"));
  // Only an unstructured string: take what a printed entry gives.
  if (ref.title.empty() && ref.authors.empty() && !ref.text.empty()) {
    Reference printed = ParsePrintedReference(ref.text);
    ref.title = printed.title;
    ref.authors = printed.authors;
  }
  return ref;
}

// A CSL item or a Crossref work. `own_id` is the source's id for a record
// without a DOI ("csl:…"; "" for Crossref, whose works always have one).
Document CslLikeRecord(const Value& r, const std::string& format, const std::string& own_id) {
  Document d;
  d.format = format;
  d.kind = Kind::kPaper;
  d.title = PlainLine(FirstString(Member(r, "title")));
  std::string subtitle = PlainLine(FirstString(Member(r, "subtitle")));
  if (!subtitle.empty() && !d.title.empty()) d.title += ": " + subtitle;
  std::string doi = NormalizeDoi(Str(r, "DOI"));
  if (doi.empty()) doi = NormalizeDoi(Str(r, "doi"));
  SetPaperId(&d, doi, own_id);
  for (const char* k : {"issued", "published", "published-print", "published-online"}) {
    d.date = DateOf(Member(r, k));
    if (!d.date.empty()) break;
  }
  d.authors = Names(Member(r, "author"));
  if (d.authors.empty()) d.authors = Names(Member(r, "editor"));
  d.url = text::Trim(Str(r, "URL"));
  PutMeta(&d, "journal", FirstString(Member(r, "container-title")));
  PutMeta(&d, "volume", Str(r, "volume"));
  PutMeta(&d, "issue", Str(r, "issue"));
  PutMeta(&d, "page", Str(r, "page"));
  PutMeta(&d, "article_number", Str(r, "article-number"));  // Crossref: e-journals cite it as the page
  PutMeta(&d, "publisher", Str(r, "publisher"));
  PutMeta(&d, "type", Str(r, "type"));
  // Citation managers also hold statutes and rules (CSL types).
  if (std::string type = Str(r, "type"); type == "legislation") d.kind = Kind::kLaw;
  else if (type == "regulation") d.kind = Kind::kRegulation;
  std::string pmid = text::Trim(Str(r, "PMID"));
  if (!pmid.empty()) AddAlias(&d, "pmid:" + pmid);
  std::string pmcid = text::Trim(Str(r, "PMCID"));
  if (!pmcid.empty()) AddAlias(&d, "pmcid:" + (text::StartsWith(pmcid, "PMC") ? pmcid : "PMC" + pmcid));
  SetText(&d, StripMarkup(Str(r, "abstract")));
  if (const Value* refs = Member(r, "reference"); refs && refs->IsArray())
    for (const auto& e : refs->GetArray())
      if (e.IsObject()) d.references.push_back(CrossrefReference(e));
  return d;
}

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

// The records of a response: `list_key` holds them ("items", "results"),
// else a top-level array holds them, else the object is one record.
std::vector<const Value*> Records(const Value& root, const char* list_key) {
  std::vector<const Value*> out;
  const Value* list = root.IsArray() ? &root : Member(root, list_key);
  if (list && list->IsArray()) {
    for (const auto& r : list->GetArray())
      if (r.IsObject()) out.push_back(&r);
  } else if (root.IsObject()) {
    out.push_back(&root);
  }
  return out;
}

}  // namespace

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

}  // namespace lodestone::internal
