// lode: the Lodestone command line.
//
// A list of named steps (mold's linear main): register the command groups,
// parse the flags, run the chosen command, close standard output. Each
// command turns flags into an engine request and renders the result
// (cli/*_cmds.cc); the questions themselves are lodestone::query's
// (query/engine.h). Exit codes: 0 success; 1 the command ran but found a
// problem (a file failed to ingest, an id is unknown, no index, output
// could not be written); 2 bad usage or a query syntax error.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <new>

#include "cli/cli.h"
#include "lodestone/query/errors.h"

using namespace lodestone;
using namespace lodestone::cli;

namespace {

// Whether --json is among the arguments: a usage error is reported before
// the flags are bound, and a script that asked for JSON still gets it.
bool AskedForJson(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (std::strcmp(argv[i], "--json") == 0) return true;
  return false;
}

std::string DefaultIndex() {
  if (const char* env = std::getenv("LODE_INDEX"); env && *env) return env;
  return "lode-index";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "lode — search policy documents and trace what they say about critical minerals.\n\n"
      "Typical session:\n"
      "  lode ingest corpus/demo ../shared/corpus     # build or update ./lode-index\n"
      "  lode search '\"critical minerals\" kind:executive_order' --facets\n"
      "  lode search 'lithium date:2020-01-01..2022-12-31'\n"
      "  lode search 稀土\n"
      "  lode show eo:13603\n"
      "  lode trace lithium --as-of 2022-12-31            # documents affecting a mineral\n"
      "  lode cited-by eo:13817                           # who cites, revokes, amends an order\n"
      "  lode rank --type eo                              # central orders (PageRank)\n"
      "  lode export --format gexf -o lodestone.gexf      # for Gephi\n"
      "  lode cocite doi:10.1890/08-1481.1                # works cited together (papers)\n"
      "  lode network coauthors                           # co-authorship network, VOSviewer's way\n"
      "  lode bursts --type keywords                      # Kleinberg bursts, CiteSpace's way\n"
      "  lode dossier gallium --format html -o gallium.html  # U.S. and China on one timeline\n"
      "  lode stats\n"
      "  lode fetch federal-register -o fr --type executive_order --since 2025-01-01 --ingest   # keep current\n",
      "lode"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "lode 0.1.0");

  // 1. Flags: --index and --json on the app and on every command, so they
  //    work before or after the command's name.
  Globals globals;
  globals.index = DefaultIndex();
  AddGlobalFlags(&app, globals);
  Commands commands;
  AddIngestCommands(app, globals, commands);
  AddShardCommands(app, globals, commands);
  AddSearchCommands(app, globals, commands);
  AddGraphCommands(app, globals, commands);
  AddExportCommands(app, globals, commands);
  AddBiblioCommands(app, globals, commands);
  AddDossierCommands(app, globals, commands);
  AddFetchCommands(app, globals, commands);
  AddServeCommands(app, globals, commands);

  // std::cerr would flush standard output before every message, and a
  // failed flush there would lose its errno: output is flushed, and
  // checked, at the end (step 4).
  std::cerr.tie(nullptr);

  // 2. Parse.
  if (argc == 1) {
    std::cout << app.help();
    return kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    if (code == 0) return kExitOk;
    // {"error","code":"invalid_argument"} on stdout with --json, as for every other failure.
    if (AskedForJson(argc, argv) && WriteStdout(query::ErrorJson(Status::InvalidArgument(e.what()))).ok())
      (void)CloseStdout();
    return kExitUsage;
  }

  // 3. Run the command that was given.
  int rc = kExitUsage;
  // Running out of memory (a memory limit: prlimit --as, a container's cap)
  // or another escaped exception ends the command with its reason, never an
  // abort and a core (issue 11).
  for (const Command& c : commands)
    if (c.app->parsed()) {
      try {
        rc = c.run(globals);
        WarnMissingShards();
      } catch (const std::bad_alloc&) {
        rc = Fail(globals, Status::Internal("out of memory; raise the memory limit or give fewer files at a time"));
      } catch (const std::exception& e) {
        rc = Fail(globals, Status::Internal(std::string("unexpected error: ") + e.what()));
      }
      break;
    }

  // 4. Close standard output: a full disk shows here, and is a failure.
  Status closed = CloseStdout();
  if (!closed.ok()) {
    std::cerr << "lode: " << closed.message() << "\n";
    if (rc == kExitOk) rc = kExitProblem;
  }
  return rc;
}
