// The ingest pipeline: discover -> read -> analyse -> write.
//
// Ingest(options) walks the given files and folders, groups the formats of
// one document (same folder, same file stem: EO_13603.xml/.html/.htm/.json),
// skips what has not changed since the last run (size and mtime, then an
// XXH3 content hash), reads and analyses the rest on all cores, and writes
// them to the index at options.index_dir:
//  * into a new index (or with rebuild): one shard per worker, compacted and
//    published atomically (writer.h) — the fast path for large corpora;
//  * into an existing index: one writer thread replaces changed documents in
//    place, committing in batches together with the manifest.
// A file that cannot be read is reported with its path and the problem and
// never stops the run. Thread-safety: call Ingest from one thread at a time
// per index (the index lock rejects a second writer).
#ifndef LODESTONE_INGEST_PIPELINE_H_
#define LODESTONE_INGEST_PIPELINE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "lodestone/index/status.h"

namespace lodestone {

struct IngestOptions {
  std::vector<std::string> paths;
  std::string index_dir;
  bool prune = false;        // forget documents whose files are gone
  bool rebuild = false;      // build a fresh index even when one exists
  unsigned threads = 0;      // 0: all cores
  uint32_t flush_every = 2000;
  bool progress = false;     // draw a progress line on stderr
  std::vector<std::string> kb_files;  // knowledge-base files added to the built-in one
  bool extract = true;       // link entities, citations and relations
};

struct IngestProblem {
  std::string path;
  std::string message;
};

struct IngestSummary {
  uint64_t added = 0;       // documents new to the index
  uint64_t updated = 0;     // documents replaced because a source changed
  uint64_t unchanged = 0;   // documents whose sources did not change
  uint64_t removed = 0;     // documents removed (--prune)
  std::vector<IngestProblem> failed;   // files that could not be read
  std::vector<IngestProblem> skipped;  // files not ingested, with the reason
  std::vector<IngestProblem> warnings; // files read but cut short by a limit (HTML nesting), with the limit
  uint64_t files = 0;       // files discovered
  uint64_t files_read = 0;  // files read and parsed in this run
  uint64_t bytes_read = 0;
  uint64_t documents = 0;   // documents in the index afterwards
  double seconds = 0;
  std::string mode;         // "build" or "update"
};

// Runs the pipeline. Returns a non-ok Status only when the run as a whole
// could not happen (index locked or unwritable); per-file problems are in
// the summary's `failed`.
Result<IngestSummary> Ingest(const IngestOptions& options);

}  // namespace lodestone

#endif  // LODESTONE_INGEST_PIPELINE_H_
