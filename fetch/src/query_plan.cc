#include "query_plan.h"

#include <algorithm>

#include "dates.h"

namespace lodestone {

namespace {
struct TypeInfo {
  const char* name;
  const char* type;          // conditions[type][]
  const char* presidential;  // conditions[presidential_document_type][], or nullptr
};
// Presidential subtypes first, then the agency document types.
constexpr TypeInfo kTypes[] = {
    {"executive_order", "PRESDOCU", "executive_order"},
    {"proclamation", "PRESDOCU", "proclamation"},
    {"memorandum", "PRESDOCU", "memorandum"},
    {"determination", "PRESDOCU", "determination"},
    {"presidential_notice", "PRESDOCU", "notice"},
    {"presidential_document", "PRESDOCU", nullptr},  // every presidential document
    {"rule", "RULE", nullptr},
    {"proposed_rule", "PRORULE", nullptr},
    {"notice", "NOTICE", nullptr},
};

bool ValidSlug(const std::string& s) {
  if (s.empty() || s.size() > 200) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

void AddUnique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}
}  // namespace

const std::vector<std::string>& FetchDocumentTypes() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& t : kTypes) v.push_back(t.name);
    return v;
  }();
  return names;
}

namespace fetch_internal {

Result<QueryPlan> MakePlan(const FetchRequest& r, int64_t today) {
  QueryPlan p;
  p.root = r.api;
  while (!p.root.empty() && p.root.back() == '/') p.root.pop_back();
  if (p.root.rfind("https://", 0) != 0 && p.root.rfind("http://", 0) != 0)
    return Status::InvalidArgument("--api " + r.api + ": give an http:// or https:// URL (the API root, e.g. "
                                   "https://www.federalregister.gov/api/v1)");
  if (r.per_page < 1 || r.per_page > 1000)
    return Status::InvalidArgument("--per-page " + std::to_string(r.per_page) + ": the API allows 1 to 1000");
  if (r.result_cap < 1) return Status::InvalidArgument("the result cap must be at least 1");
  p.per_page = r.per_page;

  QueryGroup presidential, agency;
  presidential.types = {"PRESDOCU"};
  presidential.presidential_only = true;
  bool any_presidential = false, all_presidential = false;
  for (const auto& name : r.types) {
    const TypeInfo* info = nullptr;
    for (const auto& t : kTypes)
      if (name == t.name) info = &t;
    if (!info) {
      std::string names;
      for (const auto& t : kTypes) names += std::string(names.empty() ? "" : ", ") + t.name;
      return Status::InvalidArgument("--type " + name + ": unknown document type; use " + names);
    }
    if (std::string(info->type) == "PRESDOCU") {
      any_presidential = true;
      if (info->presidential) AddUnique(presidential.presidential, info->presidential);
      else all_presidential = true;
    } else {
      AddUnique(agency.types, info->type);
    }
  }
  if (all_presidential) presidential.presidential.clear();
  if (any_presidential) p.groups.push_back(presidential);
  if (!agency.types.empty()) p.groups.push_back(agency);
  if (p.groups.empty()) p.groups.push_back(QueryGroup{});  // every type

  if (!r.president.empty()) {
    if (!ValidSlug(r.president))
      return Status::InvalidArgument("--president " + r.president +
                                     ": give the API's slug (william-j-clinton, george-w-bush, barack-obama, "
                                     "donald-trump, joe-biden)");
    if (!any_presidential && !r.types.empty())
      return Status::InvalidArgument("--president applies to presidential documents; add --type executive_order "
                                     "(or proclamation, memorandum, determination, presidential_notice)");
    if (r.types.empty()) p.groups[0].presidential_only = true;  // the API filters by the signer
  }
  p.president = r.president;
  for (const auto& a : r.agencies) {
    if (!ValidSlug(a))
      return Status::InvalidArgument("--agency " + a + ": give an agency slug as the API spells it "
                                     "(energy-department, interior-department, …)");
    AddUnique(p.agencies, a);
  }
  p.term = r.term;

  auto since = ParseDay(r.since.empty() ? std::string("1994-01-01") : r.since);
  if (!since) return Status::InvalidArgument("--since " + r.since + ": give a date YYYY-MM-DD");
  auto until = r.until.empty() ? std::optional<int64_t>(today) : ParseDay(r.until);
  if (!until) return Status::InvalidArgument("--until " + r.until + ": give a date YYYY-MM-DD");
  if (*since > *until)
    return Status::InvalidArgument("--since " + FormatDay(*since) + " is after --until " + FormatDay(*until));
  p.since = *since;
  p.until = *until;
  return p;
}

std::pair<Slice, Slice> Halve(const Slice& s) {
  const int64_t mid = s.from + (s.to - s.from) / 2;
  return {Slice{s.from, mid}, Slice{mid + 1, s.to}};
}

std::string PercentEncode(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

const std::vector<std::string>& RecordFields() {
  static const std::vector<std::string> fields = {
      "abstract", "action", "agencies", "body_html_url", "cfr_references", "citation", "comment_url",
      "comments_close_on", "correction_of", "corrections", "dates", "disposition_notes", "docket_ids",
      "document_number", "effective_on", "end_page", "executive_order_notes", "executive_order_number",
      "full_text_xml_url", "html_url", "images", "json_url", "mods_url", "page_length", "page_views", "pdf_url",
      "presidential_document_number", "proclamation_number", "public_inspection_pdf_url", "publication_date",
      "raw_text_url", "regulation_id_number_info", "regulation_id_numbers", "regulations_dot_gov_info",
      "regulations_dot_gov_url", "significant", "signing_date", "start_page", "subtype", "title", "toc_doc",
      "toc_subject", "topics", "type", "volume"};
  return fields;
}

std::string SearchUrl(const QueryPlan& plan, const QueryGroup& group, const Slice& slice) {
  std::string q;
  auto add = [&](const std::string& key, const std::string& value) {
    q += q.empty() ? "" : "&";
    q += PercentEncode(key) + "=" + PercentEncode(value);
  };
  for (const auto& a : plan.agencies) add("conditions[agencies][]", a);
  if (!plan.president.empty() && group.presidential_only) add("conditions[president][]", plan.president);
  for (const auto& t : group.presidential) add("conditions[presidential_document_type][]", t);
  add("conditions[publication_date][gte]", FormatDay(slice.from));
  add("conditions[publication_date][lte]", FormatDay(slice.to));
  if (!plan.term.empty()) add("conditions[term]", plan.term);
  for (const auto& t : group.types) add("conditions[type][]", t);
  for (const auto& f : RecordFields()) add("fields[]", f);
  add("order", "oldest");
  add("per_page", std::to_string(plan.per_page));
  return plan.root + "/documents.json?" + q;
}

}  // namespace fetch_internal
}  // namespace lodestone
