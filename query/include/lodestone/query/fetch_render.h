// Rendering of a fetch (fetch/federal_register.h) for people and scripts.
//
// FetchJson is a contract (README "JSON"): fields are added, never renamed.
// The ingest that may follow a fetch is rendered as `lode ingest` renders it
// (render.h), nested under "ingest". Thread-safety: pure functions.
#ifndef LODESTONE_QUERY_FETCH_RENDER_H_
#define LODESTONE_QUERY_FETCH_RENDER_H_

#include <string>

#include "lodestone/fetch/federal_register.h"

namespace lodestone::query {

// {"api","dir","queries","splits","pages","requests","retries","records","new","changed","unchanged",
//  "full_texts","full_text_bytes","without_full_text","failed":[{"url","error"}],"interrupted","seconds",
//  "ingest":{…} or null}
std::string FetchJson(const FetchSummary& s);

// A summary: documents new / changed / unchanged, full texts, searches and
// requests, every failure, then the ingest summary when one ran.
std::string FetchText(const FetchSummary& s, bool verbose);

}  // namespace lodestone::query

#endif  // LODESTONE_QUERY_FETCH_RENDER_H_
