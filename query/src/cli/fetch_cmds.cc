// lode fetch federal-register: keep a folder current from the Federal
// Register API (fetch/federal_register.h), and ingest it.
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdlib>

#include "cli.h"
#include "lodestone/fetch/federal_register.h"
#include "lodestone/query/fetch_render.h"

namespace lodestone::cli {

namespace {

std::atomic<bool> g_interrupted{false};
extern "C" void OnInterrupt(int) { g_interrupted = true; }

struct FetchArgs {
  FetchRequest req;
  std::string full_text = "auto";
  bool ingest = false, quiet = false, verbose = false;
};

int RunFetch(const Globals& g, FetchArgs a) {
  FetchRequest& req = a.req;
  if (!FullTextChoiceFromName(a.full_text, &req.full_text))
    return Fail(g, Status::InvalidArgument("--full-text wants auto, none, xml, html or text, got " + a.full_text));
  if (const char* env = std::getenv("LODE_FR_API"); env && *env && req.api == FetchRequest{}.api) req.api = env;
  const bool tty = ::isatty(STDERR_FILENO);
  req.progress = !a.quiet && !g.json && tty;
  req.verbose = a.verbose;
  if (a.ingest) {
    req.ingest_index = g.index;
    req.ingest.progress = req.progress;
  }
  // Ctrl-C stops between requests: the state is saved and no half file stays.
  req.cancel = &g_interrupted;
  auto old_int = std::signal(SIGINT, OnInterrupt);
  auto old_term = std::signal(SIGTERM, OnInterrupt);
  auto sum = FetchFederalRegister(req);
  std::signal(SIGINT, old_int);
  std::signal(SIGTERM, old_term);
  if (!sum.ok()) return Fail(g, sum.status());
  const bool problem = !sum->failed.empty() || sum->interrupted || (sum->ingested && !sum->ingest.failed.empty());
  Status s;
  if (g.json)
    s = WriteStdout(query::FetchJson(*sum));
  else if (!a.quiet || problem)
    s = WriteStdout(query::FetchText(*sum, a.verbose));
  if (!s.ok()) return Fail(g, s);
  return problem ? kExitProblem : kExitOk;
}

}  // namespace

void AddFetchCommands(CLI::App& app, Globals& globals, Commands& out) {
  auto f = std::make_shared<FetchArgs>();
  FetchArgs& fetch = *f;
  auto* fetch_cmd = app.add_subcommand("fetch", "Download documents from a public source into a folder that lode ingest reads.\n"
                                                "  lode fetch federal-register --help");
  fetch_cmd->require_subcommand(1);
  auto* fr_cmd = fetch_cmd->add_subcommand(
      "federal-register",
      "Fetch Federal Register documents (API JSON records and their full text) into DIR; run it again to get\n"
      "only what is new or changed. Each document becomes DIR/<document_number>.json plus its full text\n"
      "(.xml, .html, or .htm for the printed text), which lode ingest reads as one document.\n"
      "  lode fetch federal-register -o fr-2025 --type executive_order --since 2025-01-01 --until 2025-12-31 \\\n"
      "      --term \"critical minerals\" --ingest --index lode-index\n"
      "  lode fetch federal-register -o fr-dpa --type proclamation --type memorandum --president joe-biden\n"
      "  lode fetch federal-register -o fr-doe --type rule --agency energy-department --since 2024-01-01 --full-text none\n"
      "Dates are publication dates. The API allows about 5 requests per second (XML 1 per second) and lists at\n"
      "most 10,000 documents per search; lode paces itself, splits the date range where a search reaches that\n"
      "cap, and retries 429 and 5xx answers with backoff. Interrupting (Ctrl-C, or a killed process) loses\n"
      "nothing: run the same command again to continue. State: DIR/.lode-fetch.json.");
  fr_cmd->add_option("-o,--output", fetch.req.dir, "Folder to fetch into (created; kept between runs)")
      ->required()
      ->check(NonEmpty("a folder"));
  std::string type_names;
  for (const auto& t : FetchDocumentTypes()) type_names += (type_names.empty() ? "" : ", ") + t;
  fr_cmd->add_option("--type", fetch.req.types, "Document types (repeat or comma-separate): " + type_names +
                                                     "; default: every type")
      ->delimiter(',');
  fr_cmd->add_option("--term", fetch.req.term, "Full-text search terms, as the API reads them (\"a phrase\", a | b)");
  fr_cmd->add_option("--agency", fetch.req.agencies, "Agency slugs (repeat or comma-separate): energy-department, ...")
      ->delimiter(',');
  fr_cmd->add_option("--since", fetch.req.since, "First publication date YYYY-MM-DD (default 1994-01-01)");
  fr_cmd->add_option("--until", fetch.req.until, "Last publication date YYYY-MM-DD (default today)");
  fr_cmd->add_option("--president", fetch.req.president,
                     "Signing president of presidential documents: william-j-clinton, george-w-bush, barack-obama, "
                     "donald-trump, joe-biden");
  fr_cmd->add_option("--full-text", fetch.full_text,
                     "Full text beside each record: auto (default: XML, else HTML, else the printed text), xml, html, "
                     "text, or none");
  fr_cmd->add_option("--rate", fetch.req.rate, "Requests per second for everything (default: the API's 5/s, XML 1/s)")
      ->check(CLI::PositiveNumber);
  fr_cmd->add_option("--api", fetch.req.api, "API root (default: $LODE_FR_API, else https://www.federalregister.gov/api/v1)");
  fr_cmd->add_flag("--ingest", fetch.ingest, "Run lode ingest on the folder afterwards, into --index");
  fr_cmd->add_flag("-q,--quiet", fetch.quiet, "No progress and no summary unless something failed");
  fr_cmd->add_flag("-v,--verbose", fetch.verbose, "Log every request (and retry) on stderr");
  fr_cmd->add_option("--per-page", fetch.req.per_page, "Results per page (default 1000, the API's maximum)")
      ->check(CLI::Range(1u, 1000u))
      ->group("Advanced");
  fr_cmd->add_option("--result-cap", fetch.req.result_cap,
                     "Results the API lists per search at most (default 10000; a replay server may use less)")
      ->check(CLI::PositiveNumber)
      ->group("Advanced");
  fr_cmd->add_option("--timeout", fetch.req.timeout, "Seconds for one request, whole (default 60; connecting: 10)")
      ->check(CLI::PositiveNumber)
      ->group("Advanced");
  fr_cmd->add_option("--retries", fetch.req.retries, "Retries of a failed request (default 5)")
      ->check(CLI::Range(0u, 20u))
      ->group("Advanced");
  fr_cmd->add_option("--backoff", fetch.req.backoff, "Seconds before the first retry; doubles each time (default 1)")
      ->check(CLI::NonNegativeNumber)
      ->group("Advanced");
  fr_cmd->add_option("--cacert", fetch.req.ca_file, "Trust this CA bundle instead of the system's (TLS is always verified)")
      ->check(CLI::ExistingFile)
      ->group("Advanced");
  AddGlobalFlags(fr_cmd, globals);
  AddGlobalFlags(fetch_cmd, globals);
  out.push_back({fr_cmd, [f](const Globals& g) { return RunFetch(g, *f); }});
}

}  // namespace lodestone::cli
