#include "lodestone/query/fetch_render.h"

#include <cstdio>
#include <sstream>

#include "json_writer.h"
#include "lodestone/query/render.h"

namespace lodestone::query {

using internal::JsonWriter;

namespace {
std::string Count(uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}
std::string Size(uint64_t bytes) {
  char buf[32];
  if (bytes < 1000000)
    std::snprintf(buf, sizeof buf, "%.0f KB", bytes / 1e3);
  else
    std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1e6);
  return buf;
}
}  // namespace

std::string FetchJson(const FetchSummary& s) {
  JsonWriter w;
  w.StartObject();
  w.Str("api", s.api);
  w.Str("dir", s.dir);
  w.U64("queries", s.queries);
  w.U64("splits", s.splits);
  w.U64("pages", s.pages);
  w.U64("requests", s.requests);
  w.U64("retries", s.retries);
  w.U64("records", s.records);
  w.U64("new", s.new_records);
  w.U64("changed", s.changed);
  w.U64("unchanged", s.unchanged);
  w.U64("full_texts", s.full_texts);
  w.U64("full_text_bytes", s.full_text_bytes);
  w.U64("without_full_text", s.without_full_text);
  w.Key("failed");
  w.StartArray();
  for (const auto& f : s.failed) {
    w.StartObject();
    w.Str("url", f.url);
    w.Str("error", f.error);
    w.EndObject();
  }
  w.EndArray();
  w.Key("interrupted");
  w.Bool(s.interrupted);
  w.Key("seconds");
  w.Double(s.seconds);
  w.Key("ingest");
  if (s.ingested) {
    std::string ingest = IngestJson(s.ingest);
    while (!ingest.empty() && (ingest.back() == '\n' || ingest.back() == ' ')) ingest.pop_back();
    w.RawObject(ingest);
  } else {
    w.Null();
  }
  w.EndObject();
  return w.Line();
}

std::string FetchText(const FetchSummary& s, bool verbose) {
  std::ostringstream o;
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.1f s", s.seconds);
  if (s.records == 0 && !s.interrupted)
    o << "fetch: no documents match\n";
  else if (s.new_records == 0 && s.changed == 0 && s.full_texts == 0 && !s.interrupted)
    o << "fetch: nothing new; " << Count(s.records, "document", "documents") << " listed, all unchanged\n";
  else
    o << "fetch: " << Count(s.records, "document", "documents") << " listed: " << s.new_records << " new, "
      << s.changed << " changed, " << s.unchanged << " unchanged; " << Count(s.full_texts, "full text", "full texts")
      << " saved (" << Size(s.full_text_bytes) << ")\n";
  o << "  " << Count(s.queries, "search", "searches");
  if (s.splits) o << " (" << s.splits << " split at the API's result cap)";
  o << ", " << Count(s.pages, "page", "pages") << ", " << Count(s.requests, "request", "requests");
  if (s.retries) o << " (" << s.retries << " retried)";
  o << " in " << secs << "\n  from " << s.api << "\n  into " << s.dir << "\n";
  if (s.without_full_text && verbose) o << "  " << s.without_full_text << " records link no full text of that kind\n";
  if (s.interrupted) o << "  interrupted: run the same command again to continue\n";
  if (!s.failed.empty()) {
    o << "  " << s.failed.size() << " failed (run again to retry):\n";
    for (const auto& f : s.failed) o << "    " << f.url << ": " << f.error << "\n";
  }
  if (s.ingested) o << IngestText(s.ingest, verbose);
  return o.str();
}

}  // namespace lodestone::query
