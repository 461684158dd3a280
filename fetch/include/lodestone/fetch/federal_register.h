// Keeping a corpus current from the Federal Register API.
//
// FetchFederalRegister(request) lists the documents that match the request
// (documents.json with conditions[...], fields[] and per_page, following
// next_page_url), saves each record as DIR/<document_number>.json — the shape
// of the API's own document JSON, which ingest reads — and its full text beside
// it (DIR/<document_number>.xml, .html, or .htm/.txt for the printed text), so
// that `lode ingest DIR` makes one document of the two. It sits before ingest in
// the pipeline: fetch -> ingest -> index; with `ingest_index` set it runs the
// normal ingest on DIR afterwards.
//
// The API's rules are part of the contract: about 5 requests per second and 1
// per second for XML (request.rate overrides both); every query is silently
// capped at `result_cap` results (the reported count too), so the date range is
// split in halves until no slice comes back at the cap; 429 and 5xx answers,
// timeouts and malformed pages are retried with exponential backoff (bounded);
// a 400 carries the API's {"errors": …}, returned as an InvalidArgument status.
//
// Incremental and crash-safe: DIR/.lode-fetch.json remembers every record (a
// hash of its JSON without the page-view counter), its full text and when it was
// fetched, so a second run downloads only what is new or changed. Every file is
// written under a temporary name and renamed, so a killed fetch leaves no
// half-written file; the next run removes the leftovers and continues. A lock
// (DIR/.lode-fetch.lock) keeps two fetches out of one folder. Files starting
// with a dot are not ingested.
//
// Thread-safety: one call at a time per DIR (the lock rejects a second); the
// function itself uses one thread and blocking HTTP (libcurl, TLS verified).
#ifndef LODESTONE_FETCH_FEDERAL_REGISTER_H_
#define LODESTONE_FETCH_FEDERAL_REGISTER_H_

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "lodestone/index/status.h"
#include "lodestone/ingest/pipeline.h"

namespace lodestone {

// Which full text to save beside each record.
enum class FullTextChoice {
  kAuto,  // the richest the record links: XML, else HTML, else the printed text
  kNone,  // records only
  kXml,   // full_text_xml_url (Federal Register XML)
  kHtml,  // body_html_url (federalregister.gov HTML)
  kText,  // raw_text_url (the printed text; GPO pages come as <pre> HTML, saved as .htm)
};

// "auto", "none", "xml", "html", "text" (false for anything else).
bool FullTextChoiceFromName(const std::string& name, FullTextChoice* out);
const char* FullTextChoiceName(FullTextChoice c);

// The document types a request may name (--type), in the order of the help.
const std::vector<std::string>& FetchDocumentTypes();

struct FetchRequest {
  std::string api = "https://www.federalregister.gov/api/v1";  // API root; API/documents.json is the search
  std::string dir;                   // where records and full texts go (created)
  std::vector<std::string> types;    // FetchDocumentTypes(); empty: every type
  std::string term;                  // conditions[term]
  std::vector<std::string> agencies; // conditions[agencies][] (agency slugs)
  std::string since, until;          // publication dates YYYY-MM-DD; defaults 1994-01-01 and today
  std::string president;             // conditions[president][] (slug), presidential documents only
  FullTextChoice full_text = FullTextChoice::kAuto;
  double rate = 0;                   // requests per second for every request; 0: 5/s, XML 1/s
  uint32_t per_page = 1000;          // 1..1000
  uint32_t result_cap = 10000;       // the API's silent cap per query (a replay server may use less)
  double timeout = 60;               // seconds, whole request
  double connect_timeout = 10;       // seconds
  uint32_t retries = 5;              // per request, after the first attempt
  double backoff = 1;                // seconds before the first retry; doubles each time (at most 60)
  std::string ca_file;               // trust this CA bundle instead of the system's (a private mirror)
  bool progress = false;             // a progress line on stderr (pages, documents, rate, ETA)
  bool verbose = false;              // one line per request on stderr
  std::string ingest_index;          // when not empty: ingest DIR into this index afterwards
  IngestOptions ingest;              // options for that ingest (paths and index_dir are set by fetch)
  const std::atomic<bool>* cancel = nullptr;  // set to stop soon (SIGINT): state saved, no half file
};

struct FetchFailure {
  std::string url;    // the request (or the day whose documents could not all be listed)
  std::string error;
};

struct FetchSummary {
  std::string api, dir;
  uint64_t queries = 0;      // searches run (one per date slice, splits included)
  uint64_t splits = 0;       // slices that came back at the cap and were halved
  uint64_t pages = 0;        // result pages read
  uint64_t requests = 0;     // HTTP requests made, retries included
  uint64_t retries = 0;      // of which retries (429, 5xx, timeouts, malformed pages)
  uint64_t records = 0;      // distinct documents listed
  uint64_t new_records = 0;  // saved for the first time
  uint64_t changed = 0;      // record JSON differs from the saved one (re-saved)
  uint64_t unchanged = 0;
  uint64_t full_texts = 0;   // full texts downloaded in this run
  uint64_t full_text_bytes = 0;
  uint64_t without_full_text = 0;  // records that link no full text of the chosen kind
  std::vector<FetchFailure> failed;
  bool interrupted = false;  // stopped by request.cancel; run again to continue
  double seconds = 0;
  bool ingested = false;     // ingest ran (request.ingest_index set and the fetch completed)
  IngestSummary ingest;
};

// Runs the fetch. Returns a non-ok Status only when the run as a whole cannot
// go on: bad request fields (InvalidArgument), the API rejecting the query
// with 400 (InvalidArgument with the API's message), DIR unwritable or locked
// (IoError), or the ingest failing as a whole. Per-request failures that
// survive the retries are listed in `failed` and the run goes on.
Result<FetchSummary> FetchFederalRegister(const FetchRequest& request);

}  // namespace lodestone

#endif  // LODESTONE_FETCH_FEDERAL_REGISTER_H_
