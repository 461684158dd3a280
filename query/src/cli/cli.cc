#include "cli.h"

#include <iostream>

#include "lodestone/query/errors.h"

namespace lodestone::cli {

const char* const kEdgeHelp =
    "Edge types, comma-separated: mentions, cites, revokes, amends, supersedes, directs, is_a, issued_by";

const char* const kNodeArg = "a node id or name (eo:14017, mineral:lithium, lithium)";

CLI::Validator NonEmpty(const std::string& expected) {
  return CLI::Validator(
      [expected](std::string& value) -> std::string {
        if (value.find_first_not_of(" \t\r\n\f\v") != std::string::npos) return "";
        return "must not be empty; give " + expected;
      },
      "", "NONEMPTY");
}

void AddGlobalFlags(CLI::App* cmd, Globals& g) {
  cmd->add_option("--index", g.index,
                  "Index folder, or a sharded layout (its folder or XAPIANDB stub, with local and `remote HOST:PORT` "
                  "shards; README \"Shards\") (default: $LODE_INDEX, else ./lode-index)");
  cmd->add_flag("--json", g.json, "Print JSON for scripts instead of text");
  // fetch and render have a --timeout of their own (seconds of HTTP, of
  // Graphviz): there the shards' is --shard-timeout only.
  const bool own_timeout = cmd->get_option_no_throw("--timeout") != nullptr;
  cmd->add_option(own_timeout ? "--shard-timeout" : "--timeout,--shard-timeout", g.timeout_ms,
                  "Milliseconds a remote shard may take to answer (default 5000)")
      ->check(CLI::Range(1u, 3600000u));
  cmd->add_option("--connect-timeout", g.connect_timeout_ms,
                  "Milliseconds to connect to a remote shard (default 2000)")
      ->check(CLI::Range(1u, 3600000u));
  cmd->add_flag("--partial", g.partial,
                "Answer from the shards that answer when some are down, and say which are missing");
}

OpenOptions ShardOpenOptions(const Globals& g) {
  OpenOptions o;
  o.timeout_ms = g.timeout_ms;
  o.connect_timeout_ms = g.connect_timeout_ms;
  o.partial = g.partial;
  return o;
}

namespace {
// Kept until WarnMissingShards: a command's own copy is gone by then.
std::shared_ptr<query::Session>& LastSession() {
  static std::shared_ptr<query::Session> last;
  return last;
}
}  // namespace

void WarnMissingShards() {
  auto session = std::move(LastSession());
  if (!session) return;
  for (const auto& m : session->MissingShards()) std::cerr << "lode: warning: partial answer, left out " << m << "\n";
}

void AddGraphFlags(CLI::App* cmd, GraphFlags& f) {
  cmd->add_option("--kb", f.kb_files, "Extra knowledge-base file(s) (names, groups)")->check(CLI::ExistingFile);
  cmd->add_flag("--no-cache", f.no_cache, "Build the graph from the index instead of reading <index>/graph.cache");
  if (cmd->get_option_no_throw("--quiet") == nullptr)
    cmd->add_flag("-q,--quiet", f.quiet,
                  "No progress on stderr while the graph is built over remote shards (by default: a notice, "
                  "progress every few seconds and the elapsed time)");
}

void GraphProgressToStderr(const std::string& message) { std::cerr << "lode: " << message << std::endl; }

std::shared_ptr<query::Session> OpenSession(const Globals& g, const GraphFlags& f) {
  query::SessionOptions o;
  o.index_dir = g.index;
  o.kb_files = f.kb_files;
  o.graph_cache = !f.no_cache;
  if (!f.quiet) o.graph_progress = GraphProgressToStderr;
  o.open = ShardOpenOptions(g);
  auto session = query::Session::Open(std::move(o));
  LastSession() = session;
  return session;
}

int Fail(const Globals& g, const Status& s) {
  if (g.json && WriteStdout(query::ErrorJson(s)).ok()) {
    // Best effort: the message below says it all.
    (void)FlushStdout();
  }
  std::cerr << "lode: " << s.message() << "\n";
  return query::Classify(s).exit_code;
}

}  // namespace lodestone::cli
