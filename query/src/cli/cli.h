// The `lode` command line: what every command file shares.
//
// main.cc is a list of steps: register the command groups (one file each:
// ingest_cmds.cc, search_cmds.cc, graph_cmds.cc, export_cmds.cc,
// biblio_cmds.cc, fetch_cmds.cc), parse, run the chosen command, close
// standard output. A command turns its flags into the engine's request
// (query/engine.h), asks the engine, and prints the result with a renderer;
// it holds no query logic. Output goes through Print/Write (output.h), which
// check every write.
#ifndef LODESTONE_QUERY_SRC_CLI_CLI_H_
#define LODESTONE_QUERY_SRC_CLI_CLI_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "lodestone/index/status.h"
#include "lodestone/query/session.h"

namespace lodestone::cli {

constexpr int kExitOk = 0, kExitProblem = 1, kExitUsage = 2;

// Flags every command takes, before or after its name:
// `lode --index DIR search x` and `lode search x --index DIR` are the same.
struct Globals {
  std::string index;  // $LODE_INDEX, else ./lode-index
  bool json = false;
  // A sharded layout's remote shards (issue 13).
  unsigned timeout_ms = 5000, connect_timeout_ms = 2000;
  bool partial = false;  // answer from the shards that answer
};

// A parsed subcommand and what running it means.
struct Command {
  CLI::App* app = nullptr;
  std::function<int(const Globals&)> run;
};
using Commands = std::vector<Command>;

// Adds --index and --json to `cmd`, bound to `g` (the app and every
// subcommand get them).
void AddGlobalFlags(CLI::App* cmd, Globals& g);

// Refuses "" (and blanks alone) for an argument, naming it and what it
// wants: "id: must not be empty; give a document id or source path" (issue
// 10). A usage error (exit 2), like every flag CLI11 rejects; the engine
// refuses the same in its own words for the server.
CLI::Validator NonEmpty(const std::string& expected);
extern const char* const kNodeArg;  // what a node argument takes (for NonEmpty)

// Options of the commands that read the graph.
struct GraphFlags {
  std::vector<std::string> kb_files;
  bool no_cache = false;
  // -q: no word on stderr while a graph is built over remote shards (a
  // command with a -q of its own, serve, keeps that one and binds it here).
  bool quiet = false;
};
void AddGraphFlags(CLI::App* cmd, GraphFlags& f);
extern const char* const kEdgeHelp;

// Prints a graph build's progress over remote shards on stderr ("lode: graph: ...").
void GraphProgressToStderr(const std::string& message);

// The session a command asks its question through.
std::shared_ptr<query::Session> OpenSession(const Globals& g, const GraphFlags& f = {});
// The open options of --timeout, --connect-timeout and --partial.
OpenOptions ShardOpenOptions(const Globals& g);
// After the command: with --partial, says on stderr which shards the answer
// left out (every command; search and stats also say it in their JSON).
void WarnMissingShards();

// Reports a failed command: the message on stderr (and {"error","code"} on
// stdout with --json); returns its exit code (errors.h).
int Fail(const Globals& g, const Status& s);

// Prints an answer as JSON or text, checking the write.
template <typename R, typename J, typename T>
int Print(const Globals& g, const Result<R>& r, J&& json, T&& text);

// The command groups, in the order `lode --help` lists them.
void AddIngestCommands(CLI::App& app, Globals& g, Commands& out);
void AddShardCommands(CLI::App& app, Globals& g, Commands& out);  // shard (issue 13)
void AddSearchCommands(CLI::App& app, Globals& g, Commands& out);  // search, similar, show, entity, stats
void AddGraphCommands(CLI::App& app, Globals& g, Commands& out);   // trace ... couple
void AddExportCommands(CLI::App& app, Globals& g, Commands& out);  // export, render
void AddBiblioCommands(CLI::App& app, Globals& g, Commands& out);  // network, bursts
void AddFetchCommands(CLI::App& app, Globals& g, Commands& out);
void AddServeCommands(CLI::App& app, Globals& g, Commands& out);  // serve (server/)
void AddDossierCommands(CLI::App& app, Globals& g, Commands& out);  // dossier

}  // namespace lodestone::cli

#include "output.h"

namespace lodestone::cli {

template <typename R, typename J, typename T>
int Print(const Globals& g, const Result<R>& r, J&& json, T&& text) {
  if (!r.ok()) return Fail(g, r.status());
  Status s = WriteStdout(g.json ? json(r.value()) : text(r.value()));
  return s.ok() ? kExitOk : Fail(g, s);
}

}  // namespace lodestone::cli

#endif  // LODESTONE_QUERY_SRC_CLI_CLI_H_
