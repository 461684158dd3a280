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
  cmd->add_option("--index", g.index, "Index folder (default: $LODE_INDEX, else ./lode-index)");
  cmd->add_flag("--json", g.json, "Print JSON for scripts instead of text");
}

void AddGraphFlags(CLI::App* cmd, GraphFlags& f) {
  cmd->add_option("--kb", f.kb_files, "Extra knowledge-base file(s) (names, groups)")->check(CLI::ExistingFile);
  cmd->add_flag("--no-cache", f.no_cache, "Build the graph from the index instead of reading <index>/graph.cache");
}

std::shared_ptr<query::Session> OpenSession(const Globals& g, const GraphFlags& f) {
  query::SessionOptions o;
  o.index_dir = g.index;
  o.kb_files = f.kb_files;
  o.graph_cache = !f.no_cache;
  return query::Session::Open(std::move(o));
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
