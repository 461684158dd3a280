// Rendering of the bibliometric analyses (bibliometrics.h) for people (text)
// and scripts (JSON). The JSON shapes are contracts (issue 15); fields are
// added, never renamed:
//
// network: {"type","query","counting","threshold","max_per_paper","max_nodes",
//   "cluster_method","resolution","random_starts","keywords"|"names",
//   "papers","papers_with_items","papers_used","papers_over_cap","items",
//   "items_over_threshold","clusters","modularity","quality",
//   "nodes":[{"id","label","occurrences","cluster","avg_year","links",
//             "total_link_strength"}],
//   "links":[{"source","target","weight","strength"}]}
//   (node "id" is the folded label, the key links refer to; avg_year null
//   when no paper of the item has a year; strength = association strength)
//
// bursts: {"type","query","gamma","s","min_occurrences","min_duration",
//   "first_year","last_year","papers","papers_per_year":{YYYY: n},
//   "terms_seen","terms_tested","bursts_found","truncated",
//   "terms":[{"id","label","start","end","strength","occurrences"}]}
//   (one entry per burst, strongest first: a term with two bursts appears
//   twice). Thread-safety: pure functions.
#ifndef LODESTONE_QUERY_BIBLIOMETRIC_RENDER_H_
#define LODESTONE_QUERY_BIBLIOMETRIC_RENDER_H_

#include <cstddef>
#include <string>

#include "lodestone/query/bibliometrics.h"

namespace lodestone::query {

std::string NetworkJson(const NetworkResult& r);
// The strongest `show` items and the ten largest clusters.
std::string NetworkText(const NetworkResult& r, size_t show = 20);

// At most `limit` bursts (0: all).
std::string BurstsJson(const BurstResult& r, size_t limit);
std::string BurstsText(const BurstResult& r, size_t limit);

}  // namespace lodestone::query

#endif  // LODESTONE_QUERY_BIBLIOMETRIC_RENDER_H_
