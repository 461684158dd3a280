// What to ask the API: the request turned into searches and their URLs. Private.
//
// A request becomes one or two query groups — presidential documents
// (conditions[type][]=PRESDOCU with conditions[presidential_document_type][])
// and agency documents (RULE, PRORULE, NOTICE) — because a presidential type
// condition would filter out every rule. Each group is searched over date
// slices of the publication-date range; a slice that comes back at the API's
// result cap is halved (Halve) until every slice is under it.
#ifndef LODESTONE_FETCH_SRC_QUERY_PLAN_H_
#define LODESTONE_FETCH_SRC_QUERY_PLAN_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "lodestone/fetch/federal_register.h"

namespace lodestone::fetch_internal {

struct QueryGroup {
  std::vector<std::string> types;         // conditions[type][]: PRESDOCU, RULE, PRORULE, NOTICE
  std::vector<std::string> presidential;  // conditions[presidential_document_type][]
  bool presidential_only = false;         // --president applies to this group
};

struct QueryPlan {
  std::string root;  // API root without a trailing slash
  std::vector<QueryGroup> groups;
  std::string term, president;
  std::vector<std::string> agencies;
  int64_t since = 0, until = 0;  // day numbers (dates.h), inclusive
  uint32_t per_page = 1000;
};

// A publication-date range, both ends included (day numbers).
struct Slice {
  int64_t from = 0, to = 0;
  int64_t days() const { return to - from + 1; }
};

// Validates the request's query fields and builds the plan. `today` is the
// default end of the range. InvalidArgument names the field and the problem.
Result<QueryPlan> MakePlan(const FetchRequest& request, int64_t today);

// The two halves of a slice of at least two days: [from, mid] and [mid+1, to].
std::pair<Slice, Slice> Halve(const Slice& s);

// RFC 3986 percent-encoding of a query-string component (unreserved kept).
std::string PercentEncode(const std::string& s);

// The fields[] asked for: those of the API's own document JSON (the shape of
// the records ingest reads).
const std::vector<std::string>& RecordFields();

// URL of the first page of one group's search over one slice.
std::string SearchUrl(const QueryPlan& plan, const QueryGroup& group, const Slice& slice);

}  // namespace lodestone::fetch_internal

#endif  // LODESTONE_FETCH_SRC_QUERY_PLAN_H_
