// Rendering of the engine's graph answers (engine.h) for people (text) and
// scripts (JSON). Formatting only: the results hold every name, evidence
// sentence, status and count shown.
//
// The JSON shapes are contracts (README "JSON"): fields are added, never
// renamed. Thread-safety: pure functions.
#ifndef LODESTONE_QUERY_GRAPH_RENDER_H_
#define LODESTONE_QUERY_GRAPH_RENDER_H_

#include <string>

#include "lodestone/query/engine.h"

namespace lodestone::query {

std::string TraceJson(const TraceResult& r);
std::string TraceText(const TraceResult& r);

std::string NeighborsJson(const NeighborsResult& r);
// Evidence is printed for the nodes one hop away.
std::string NeighborsText(const NeighborsResult& r);

std::string PathJson(const PathResult& r);
std::string PathText(const PathResult& r);

// cites {"id","citations":[…]}; cited-by the same with "cited_by".
std::string CitationsJson(const CitationsResult& r);
std::string CitationsText(const CitationsResult& r);

std::string RankJson(const RankResult& r);
std::string RankText(const RankResult& r);

// request.by: "" (counts per year and per president, then the documents),
// "year" (the year counts and the documents) or "president" (each
// administration in order with its documents). JSON has every count
// whatever `by` is.
std::string TimelineJson(const TimelineResult& r);
std::string TimelineText(const TimelineResult& r);

std::string CooccurJson(const CooccurResult& r);
std::string CooccurText(const CooccurResult& r);

// cocite / couple: {"id","relation":"cocitation"|"coupling","degree","related":[{node…,"shared","degree","cosine"}]}
std::string RelatedJson(const RelatedResult& r);
std::string RelatedText(const RelatedResult& r);

}  // namespace lodestone::query

#endif  // LODESTONE_QUERY_GRAPH_RENDER_H_
