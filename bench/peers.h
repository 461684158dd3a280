// The peer engines the benchmarks measure Lodestone against (Recoll, and
// Xapian's own Omega indexer), and the small process helpers they need.
// Shared by lode-bench (indexing speed) and lode-bench-relevance (ranking
// quality), so that both index the same files the same way.
#ifndef LODESTONE_BENCH_PEERS_H_
#define LODESTONE_BENCH_PEERS_H_

#include <filesystem>
#include <string>
#include <vector>

namespace lodestone::bench {

// Whether `program` is an executable in a folder of $PATH.
bool OnPath(const std::string& program);

// Single-quotes a string for /bin/sh.
std::string ShellQuote(const std::string& s);

// Runs argv[0] with arguments argv[1..] (looked up in $PATH, no shell),
// standard input from /dev/null, standard output into *out, standard error
// appended to `stderr_path` (or discarded when empty). Returns the exit
// status, or -1 when the program could not be started or was killed.
int RunCapture(const std::vector<std::string>& argv, std::string* out, const std::string& stderr_path = "");

// Writes a Recoll configuration folder that indexes exactly `roots`:
// recoll.conf (topdirs, nothing skipped by name, every file name indexed,
// an aspell language so the spelling step works under LANG=C) and a
// mimemap/mimeconf pinning Recoll 1.34's defaults for the corpus formats
// (.md and .json as text/plain, .xml through text/plain, .htm/.html as
// text/html), so that other Recoll versions index the same way.
void WriteRecollConfig(const std::vector<std::string>& roots, const std::filesystem::path& conf);

}  // namespace lodestone::bench

#endif  // LODESTONE_BENCH_PEERS_H_
