// Rendering of the engine's document answers (engine.h) and of an ingest
// (ingest/pipeline.h) for people (text) and scripts (JSON).
//
// Formatting only: the results carry everything shown (snippets, evidence
// sentences, names). JSON shapes are contracts (README "JSON"): fields are
// added, never renamed. All JSON goes through one writer (src/json_writer.h),
// so every string is escaped. Thread-safety: pure functions.
#ifndef LODESTONE_QUERY_RENDER_H_
#define LODESTONE_QUERY_RENDER_H_

#include <string>
#include <vector>

#include "lodestone/index/searcher.h"
#include "lodestone/ingest/pipeline.h"
#include "lodestone/query/engine.h"

namespace lodestone::query {

// {"query","total","total_exact","offset","limit","hits":[{"id","source","title","kind","date","score",
//  "snippet","rank","language","number","jurisdiction"}],"facets":{"kind":{...},...},"suggestion"}
std::string SearchJson(const SearchResult& r);
// `color`: bold titles and dim metadata (the marks are the request's).
std::string SearchText(const SearchResult& r, bool color);

// {"id","title","terms":[...],"total","similar":[hits without snippets]}
std::string SimilarJson(const SimilarResult& r);
std::string SimilarText(const SimilarResult& r, bool color);

// The document with its links; entities[] and citations[] carry "offsets"
// (byte offsets into "text"), relations[] an "offset" (or null).
std::string ShowJson(const ShowResult& r);
std::string ShowText(const ShowResult& r);

std::string EntityJson(const EntityResult& r);
std::string EntityText(const EntityResult& r);

std::string StatsJson(const IndexStats& s);
std::string StatsText(const IndexStats& s);

std::string IngestJson(const IngestSummary& s);
// The summary; with_failures = false leaves the list of failed files out
// (the CLI writes that list to stderr: IngestFailuresText).
std::string IngestText(const IngestSummary& s, bool verbose, bool with_failures = true);
// The failed files and the files read in part (warnings), one per line.
std::string IngestFailuresText(const IngestSummary& s);

// What an export wrote to `files`: {"format","nodes","edges"[,"records","skipped_not_papers"],"files","truncated"}.
std::string ExportJson(const ExportResult& r, const std::vector<std::string>& files);
std::string ExportText(const ExportResult& r, const std::vector<std::string>& files);

// What render drew into `file`: {"file","nodes","edges","reachable","truncated"}.
std::string RenderJson(const RenderResult& r, const std::string& file);
std::string RenderText(const RenderResult& r, const std::string& file);

// Words of s on lines of at most width visible characters, each indented.
std::string WrapText(const std::string& s, size_t indent, size_t width);

// 5022 -> "5,022" (counts in text output).
std::string Thousands(uint64_t n);

}  // namespace lodestone::query

#endif  // LODESTONE_QUERY_RENDER_H_
