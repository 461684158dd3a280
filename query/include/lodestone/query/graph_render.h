// Rendering of graph answers for people (text) and scripts (JSON).
//
// The JSON shapes are contracts (issue 4): trace {"entity","documents":[{"id",
// "source","title","kind","date","via","evidence","status","directs"}]},
// path {"path":[nodes]}, cites {"id","citations":[{"id","type","external",...}]};
// fields are added, never renamed. Evidence sentences are read through the
// session, hence the non-const session. Thread-safety: as GraphSession.
#ifndef LODESTONE_QUERY_GRAPH_RENDER_H_
#define LODESTONE_QUERY_GRAPH_RENDER_H_

#include <string>
#include <vector>

#include "lodestone/graph/algorithms.h"
#include "lodestone/query/graph_queries.h"

namespace lodestone {

std::string TraceJson(GraphSession& s, const TraceResult& r, const TraceRequest& req);
std::string TraceText(GraphSession& s, const TraceResult& r, const TraceRequest& req);

// `reached` from Neighborhood (first entry: the start); `shown` of them are
// listed (after the type filter), `total` matched.
std::string NeighborsJson(GraphSession& s, const std::vector<Reached>& shown, uint32_t start, uint32_t depth,
                          size_t total);
std::string NeighborsText(GraphSession& s, const std::vector<Reached>& shown, uint32_t start, uint32_t depth,
                          size_t total);

std::string PathJson(GraphSession& s, uint32_t a, const std::vector<uint32_t>& edges);
std::string PathText(GraphSession& s, uint32_t a, const std::vector<uint32_t>& edges);

std::string CitationsJson(GraphSession& s, uint32_t v, const std::vector<CitationEntry>& c, bool incoming);
std::string CitationsText(GraphSession& s, uint32_t v, const std::vector<CitationEntry>& c, bool incoming);

std::string RankJson(GraphSession& s, const RankRequest& req, const RankResult& r);
std::string RankText(GraphSession& s, const RankRequest& req, const RankResult& r);

// `by`: "" (counts per year and per president, then the first `limit`
// documents), "year" (the year counts and the documents) or "president"
// (each administration in order with its first `limit` documents). JSON
// has every count whatever `by` is.
std::string TimelineJson(GraphSession& s, const TimelineResult& t, size_t limit, const std::string& by = "");
std::string TimelineText(GraphSession& s, const TimelineResult& t, size_t limit, const std::string& by = "");

std::string CooccurJson(GraphSession& s, uint32_t v, const std::vector<CoOccurrence>& c, size_t limit);
std::string CooccurText(GraphSession& s, uint32_t v, const std::vector<CoOccurrence>& c, size_t limit);

// cocite / couple: {"id","relation":"cocitation"|"coupling","degree","related":[{node…,"shared","degree","cosine"}]}
std::string RelatedJson(GraphSession& s, uint32_t v, const std::vector<Related>& r, bool cocite, size_t limit);
std::string RelatedText(GraphSession& s, uint32_t v, const std::vector<Related>& r, bool cocite, size_t limit);

}  // namespace lodestone

#endif  // LODESTONE_QUERY_GRAPH_RENDER_H_
