#include "readers/paper_json.h"

#include "formats/dates.h"
#include "formats/doi.h"
#include "formats/json.h"
#include "formats/language.h"
#include "formats/markup.h"
#include "formats/printed_references.h"
#include "formats/whitespace.h"
#include "lodestone/text/ascii.h"
#include "readers/ids.h"

namespace lodestone::internal {

namespace {

using rapidjson::Value;

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

}  // namespace

bool IsFederalRegisterRecord(std::string_view head) {
  return head.find("\"document_number\"") != std::string_view::npos ||
         head.find("\"executive_order_number\"") != std::string_view::npos;
}

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

std::string PlainLine(std::string_view s) { return OneLine(StripMarkup(s)); }

void PutMeta(Document* d, const char* key, const std::string& value) {
  std::string v = PlainLine(value);
  if (!v.empty()) d->meta[key] = v;
}

void SetText(Document* d, const std::string& abstract) {
  d->text = d->title + (abstract.empty() ? "" : "\n\n" + abstract);
  d->language = GuessLanguage(d->text);
}

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

}  // namespace lodestone::internal
