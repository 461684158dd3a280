// lode: the Lodestone command line.
//
// main() parses flags into a validated config, then runs one command as a
// list of named steps. Exit codes: 0 success; 1 the command ran but found a
// problem (a file failed to ingest, an id is unknown, no index); 2 bad usage
// or a query syntax error.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "lodestone/index/searcher.h"
#include "lodestone/ingest/analyzer.h"
#include "lodestone/ingest/kb.h"
#include "lodestone/ingest/pipeline.h"
#include "lodestone/query/render.h"
#include "lodestone/query/snippet.h"

namespace fs = std::filesystem;
using namespace lodestone;

namespace {

constexpr int kExitOk = 0, kExitProblem = 1, kExitUsage = 2;

struct Common {
  std::string index;
  bool json = false;
};

std::string DefaultIndex() {
  if (const char* env = std::getenv("LODE_INDEX"); env && *env) return env;
  return "lode-index";
}

int Fail(const Common& c, const Status& s) {
  int code = s.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitProblem;
  const char* name = s.code() == Status::Code::kInvalidArgument ? "invalid_argument"
                     : s.code() == Status::Code::kNotFound  ? "not_found"
                     : s.code() == Status::Code::kCorrupt   ? "corrupt"
                                                            : "error";
  if (c.json) std::cout << ErrorJson(s.message(), name);
  std::cerr << "lode: " << s.message() << "\n";
  return code;
}

// ---------------------------------------------------------------- commands

int RunIngest(const Common& c, const IngestOptions& in, bool quiet, bool verbose) {
  IngestOptions opt = in;
  opt.index_dir = c.index;
  opt.progress = !quiet && !c.json && ::isatty(STDERR_FILENO);
  auto sum = Ingest(opt);
  if (!sum.ok()) return Fail(c, sum.status());
  if (c.json)
    std::cout << IngestJson(*sum);
  else if (!quiet || !sum->failed.empty())
    std::cout << IngestText(*sum, verbose);
  return sum->failed.empty() ? kExitOk : kExitProblem;
}

int RunSearch(const Common& c, SearchRequest req) {
  auto searcher = Searcher::Open(c.index);
  if (!searcher.ok()) return Fail(c, searcher.status());
  Analyzer analyzer;
  const std::string original = req.query;
  req.query = analyzer.SegmentQuery(req.query);
  auto res = (*searcher)->Search(req);
  if (!res.ok()) return Fail(c, res.status());
  req.query = original;
  const bool color = !c.json && ::isatty(STDOUT_FILENO);
  SnippetOptions sopt;
  if (!c.json) {
    sopt.mark_start = color ? "\033[1;33m" : "";
    sopt.mark_end = color ? "\033[0m" : "";
  }
  std::vector<RenderedHit> hits;
  for (const auto& h : res->hits)
    hits.push_back({&h, MakeSnippet(h.doc.text.empty() ? h.doc.title : h.doc.text, res->words, res->stems, analyzer, sopt)});
  std::cout << (c.json ? SearchJson(req, *res, hits) : SearchText(req, *res, hits, color));
  return kExitOk;
}

int RunShow(const Common& c, const std::string& key, bool no_text) {
  auto searcher = Searcher::Open(c.index);
  if (!searcher.ok()) return Fail(c, searcher.status());
  auto doc = (*searcher)->Get(key);
  const Status first = doc.ok() ? Status::Ok() : doc.status();
  if (!doc.ok() && doc.status().code() == Status::Code::kNotFound) {
    // A path as given to ingest.
    std::error_code ec;
    std::string abs = fs::absolute(key, ec).lexically_normal().string();
    if (!ec && abs != key) doc = (*searcher)->Get(abs);
    if (!doc.ok() && doc.status().code() == Status::Code::kNotFound) doc = first;
  }
  if (!doc.ok()) {
    if (doc.status().code() == Status::Code::kNotFound) {
      std::string msg = doc.status().message();
      size_t colon = key.find(':');
      auto near = (*searcher)->IdsWithPrefix(colon == std::string::npos ? key : key.substr(0, colon + 1) +
                                                 key.substr(colon + 1, 2), 5);
      if (!near.empty()) {
        msg += "; ids that start alike:";
        for (const auto& n : near) msg += " " + n;
      }
      return Fail(c, Status::NotFound(msg));
    }
    return Fail(c, doc.status());
  }
  std::cout << (c.json ? DocumentJson(*doc) : DocumentText(*doc, !no_text));
  return kExitOk;
}

int RunEntity(const Common& c, const std::string& name, const std::vector<std::string>& kb_files, size_t limit) {
  auto kb = KnowledgeBase::Builtin();
  if (!kb.ok()) return Fail(c, kb.status());
  for (const auto& f : kb_files) {
    Status s = kb->AddFile(f);
    if (!s.ok()) return Fail(c, Status::InvalidArgument(s.message()));
  }
  auto searcher = Searcher::Open(c.index);
  if (!searcher.ok()) return Fail(c, searcher.status());
  EntityReport r;
  if (const Entity* e = kb->Find(name)) {
    r.id = e->id;
    r.entity = e;
  } else if (auto found = kb->Lookup(name); !found.empty()) {
    r.id = found.front()->id;
    r.entity = found.front();
  } else if (name.find(':') != std::string::npos) {
    r.id = name;  // a cited id (eo:13817) or an entity only a user file knows
  }
  const bool cited = r.id.empty() ? false : !r.entity;
  if (!r.id.empty()) {
    auto top = (*searcher)->Postings(r.id, cited, limit, &r.documents);
    if (!top.ok()) return Fail(c, top.status());
    r.top = *top;
  }
  if (r.id.empty() || (!r.entity && r.documents == 0)) {
    std::string msg = "no entity " + name;
    auto similar = kb->Similar(name, 3);
    if (!similar.empty()) {
      msg += "; did you mean";
      for (size_t i = 0; i < similar.size(); ++i) msg += (i ? ", " : " ") + similar[i];
      msg += "?";
    }
    return Fail(c, Status::NotFound(msg));
  }
  for (const auto& e : kb->entities())
    if (std::find(e.is_a.begin(), e.is_a.end(), r.id) != e.is_a.end()) r.members.push_back(&e);
  auto co = (*searcher)->CoOccurring(r.id, 10);
  if (co.ok()) r.cooccurs = *co;
  for (const auto& [id, n] : r.cooccurs) {
    const Entity* e = kb->Find(id);
    r.cooccur_names.push_back(e ? e->name : id);
  }
  std::cout << (c.json ? EntityJson(r) : EntityText(r));
  return kExitOk;
}

int RunStats(const Common& c) {
  auto searcher = Searcher::Open(c.index);
  if (!searcher.ok()) return Fail(c, searcher.status());
  auto stats = (*searcher)->Stats();
  if (!stats.ok()) return Fail(c, stats.status());
  std::cout << (c.json ? StatsJson(*stats) : StatsText(*stats));
  return kExitOk;
}

void AddCommon(CLI::App* cmd, Common& c) {
  cmd->add_option("--index", c.index, "Index folder (default: $LODE_INDEX, else ./lode-index)");
  cmd->add_flag("--json", c.json, "Print JSON for scripts instead of text");
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
      "  lode stats\n",
      "lode"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "lode 0.1.0");
  Common common;
  common.index = DefaultIndex();

  // ingest
  IngestOptions ingest;
  bool quiet = false, verbose = false;
  auto* ingest_cmd = app.add_subcommand(
      "ingest",
      "Add files and folders to the index (new index: parallel build; existing: incremental update).\n"
      "Formats: Federal Register XML/HTML/API JSON, GPO text pages, USLM XML (U.S. Code, public laws,\n"
      "bills), JATS XML, Markdown with YAML front matter, HTML, plain text in any encoding, JSON Lines\n"
      "paper records. Unchanged files are skipped; a file that cannot be read is reported and the run\n"
      "goes on; the exit code is 1 when any file failed.");
  ingest_cmd->add_option("paths", ingest.paths, "Files or folders to ingest")->required();
  ingest_cmd->add_flag("--prune", ingest.prune, "Remove documents whose files are gone from the given folders");
  ingest_cmd->add_flag("--rebuild", ingest.rebuild, "Build a fresh index instead of updating the existing one");
  ingest_cmd->add_option("--threads", ingest.threads, "Worker threads (default: all cores)");
  ingest_cmd->add_option("--flush-every", ingest.flush_every, "Documents per batch commit (default 2000)")
      ->check(CLI::Range(1u, 1000000u));
  ingest_cmd->add_option("--kb", ingest.kb_files, "Knowledge-base file(s) to add to the built-in one (format: corpus/kb/README.md)")
      ->check(CLI::ExistingFile);
  ingest_cmd->add_flag("-q,--quiet", quiet, "No progress and no summary unless something failed");
  ingest_cmd->add_flag("-v,--verbose", verbose, "List every skipped file with its reason");
  AddCommon(ingest_cmd, common);

  // search
  SearchRequest req;
  auto* search_cmd = app.add_subcommand(
      "search",
      "Ranked full-text search (BM25).\n"
      "  words            all must match (use --any for OR); English stems match (mineral ~ minerals)\n"
      "  \"a phrase\"       exact words in order;   a NEAR b, a NEAR/5 b;   wild*\n"
      "  AND OR NOT ( )   boolean operators;      +must -mustnot\n"
      "  kind:executive_order  (also presidential_memorandum, proclamation, law, regulation, notice,\n"
      "                         fact_sheet, statement, paper, other)\n"
      "  title:word  lang:zh  format:fr-xml  id:eo:13603\n"
      "  year:2012  year:2017..2021  date:2020-01-01..2022-12-31\n"
      "  mineral:gallium  agency:interior-department  country:cn  concept:critical-minerals\n"
      "  cites:eo:13817  cites:usc:50/4501   (--facets also counts minerals, agencies, countries)\n"
      "  Chinese works as typed: 稀土, 出口管制 (segmented like the index).");
  search_cmd->add_option("query", req.query, "The query (quote it for the shell)")->required();
  search_cmd->add_option("-n,--limit", req.limit, "Hits to show (default 10)")->check(CLI::Range(0u, 10000u));
  search_cmd->add_option("--offset", req.offset, "Skip this many hits first (paging)");
  search_cmd->add_flag("--facets", req.facets, "Count matches by kind and year");
  search_cmd->add_flag("--any", req.match_any, "Match any word instead of all");
  search_cmd->add_flag("--by-date", req.sort_by_date, "Newest first instead of by relevance");
  AddCommon(search_cmd, common);

  // show
  std::string show_key;
  bool no_text = false;
  auto* show_cmd = app.add_subcommand("show", "Print one document: metadata and text.\n"
                                              "ID is an identifier (eo:13603, usc:30/1606, doi:...) or a path given to ingest.");
  show_cmd->add_option("id", show_key, "Document id or source path")->required();
  show_cmd->add_flag("--no-text", no_text, "Metadata only");
  AddCommon(show_cmd, common);

  // entity
  std::string entity_name;
  std::vector<std::string> entity_kb;
  size_t entity_limit = 10;
  auto* entity_cmd = app.add_subcommand(
      "entity",
      "What the index knows about an entity: names, list memberships, the documents naming it (most\n"
      "mentions first) and the entities named with it. NAME is an id (mineral:gallium), a name or an\n"
      "alias (gallium, rare earths, USGS, 稀土), or a cited id (eo:13817: the documents citing it).");
  entity_cmd->add_option("name", entity_name, "Entity id, name or alias")->required();
  entity_cmd->add_option("--kb", entity_kb, "Extra knowledge-base file(s)")->check(CLI::ExistingFile);
  entity_cmd->add_option("-n,--limit", entity_limit, "Documents to list (default 10)");
  AddCommon(entity_cmd, common);

  // stats
  auto* stats_cmd = app.add_subcommand("stats", "Index summary: documents by kind, year, format and language.");
  AddCommon(stats_cmd, common);

  if (argc == 1) {
    std::cout << app.help();
    return kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (*ingest_cmd) return RunIngest(common, ingest, quiet, verbose);
  if (*search_cmd) return RunSearch(common, req);
  if (*show_cmd) return RunShow(common, show_key, no_text);
  if (*stats_cmd) return RunStats(common);
  if (*entity_cmd) return RunEntity(common, entity_name, entity_kb, entity_limit);
  return kExitUsage;
}
