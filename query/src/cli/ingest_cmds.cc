// lode ingest: files and folders into the index (ingest/pipeline.h).
#include <unistd.h>

#include "cli.h"
#include "lodestone/ingest/pipeline.h"
#include "lodestone/query/render.h"

namespace lodestone::cli {

namespace {

struct IngestFlags {
  IngestOptions ingest;
  bool quiet = false, verbose = false;
};

int RunIngest(const Globals& g, const IngestFlags& f) {
  IngestOptions opt = f.ingest;
  opt.index_dir = g.index;
  opt.progress = !f.quiet && !g.json && ::isatty(STDERR_FILENO);
  auto sum = Ingest(opt);
  if (!sum.ok()) return Fail(g, sum.status());
  Status s;
  if (g.json)
    s = WriteStdout(query::IngestJson(*sum));
  else if (!f.quiet || !sum->failed.empty())
    s = WriteStdout(query::IngestText(*sum, f.verbose, /*with_failures=*/false));
  if (!s.ok()) return Fail(g, s);
  // issue 11: the files that failed are diagnostics, on stderr (the summary
  // stays on stdout; --json carries both in one object).
  // A file cut short by a limit is said too, even with -q; it was indexed,
  // so the exit code stays 0.
  if (!g.json && (!sum->failed.empty() || !sum->warnings.empty()))
    std::cerr << query::IngestFailuresText(*sum) << std::flush;
  return sum->failed.empty() ? kExitOk : kExitProblem;
}

}  // namespace

void AddIngestCommands(CLI::App& app, Globals& globals, Commands& out) {
  auto f = std::make_shared<IngestFlags>();
  auto& [ingest, quiet, verbose] = *f;
  auto* ingest_cmd = app.add_subcommand(
      "ingest",
      "Add files and folders to the index (new index: parallel build; existing: incremental update).\n"
      "Formats: Federal Register XML/HTML/API JSON, GPO text pages, USLM XML (U.S. Code, public laws,\n"
      "bills), the National Archives EO disposition tables, Markdown with YAML front matter, HTML, plain\n"
      "text in any encoding; papers: JATS XML, Web of Science plain text, Scopus CSV and BibTeX, RIS,\n"
      "CSL-JSON, Crossref and OpenAlex JSON, S2ORC JSON Lines, PDF (text layer). Unchanged files are\n"
      "skipped; a file that cannot be read is reported and the run goes on; the exit code is 1 when any\n"
      "file failed. A layout made by `lode shard` is updated in place: each document goes to the shard\n"
      "its rule names (README \"Shards\").");
  ingest_cmd->add_option("paths", ingest.paths, "Files or folders to ingest")
      ->required()
      ->check(NonEmpty("a file or folder"));
  ingest_cmd->add_flag("--prune", ingest.prune, "Remove documents whose files are gone from the given folders");
  ingest_cmd->add_flag("--rebuild", ingest.rebuild, "Build a fresh index instead of updating the existing one");
  ingest_cmd->add_option("--threads", ingest.threads, "Worker threads (default: all cores)");
  ingest_cmd->add_option("--flush-every", ingest.flush_every, "Documents per batch commit (default 2000)")
      ->check(CLI::Range(1u, 1000000u));
  ingest_cmd->add_option("--kb", ingest.kb_files, "Knowledge-base file(s) to add to the built-in one (format: corpus/kb/README.md)")
      ->check(CLI::ExistingFile);
  ingest_cmd->add_flag("-q,--quiet", quiet, "No progress and no summary unless something failed");
  ingest_cmd->add_flag("-v,--verbose", verbose, "List every skipped file with its reason");
  AddGlobalFlags(ingest_cmd, globals);
  out.push_back({ingest_cmd, [f](const Globals& g) { return RunIngest(g, *f); }});
}

}  // namespace lodestone::cli
