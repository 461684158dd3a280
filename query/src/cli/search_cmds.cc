// lode search, similar, show, entity, stats: questions about documents.
#include <unistd.h>

#include "cli.h"
#include "lodestone/query/engine.h"
#include "lodestone/query/render.h"

namespace lodestone::cli {

namespace {

struct SearchFlags {
  query::SearchRequest req;
  query::SimilarRequest similar;
  query::ShowRequest show_req;
  bool no_text = false;
  query::EntityRequest entity_req;
  std::vector<std::string> entity_kb;
};

int RunSearch(const Globals& g, query::SearchRequest req) {
  const bool color = !g.json && ::isatty(STDOUT_FILENO);
  if (!g.json) {  // bold yellow on a terminal, nothing on a pipe
    req.mark_start = color ? "\033[1;33m" : "";
    req.mark_end = color ? "\033[0m" : "";
  }
  auto session = OpenSession(g);
  return Print(g, query::Search(*session, req), query::SearchJson,
               [&](const auto& r) { return query::SearchText(r, color); });
}

int RunSimilar(const Globals& g, const query::SimilarRequest& req) {
  const bool color = ::isatty(STDOUT_FILENO);
  auto session = OpenSession(g);
  return Print(g, query::Similar(*session, req), query::SimilarJson,
               [&](const auto& r) { return query::SimilarText(r, color); });
}

}  // namespace

void AddSearchCommands(CLI::App& app, Globals& globals, Commands& out) {
  auto f = std::make_shared<SearchFlags>();
  auto& [req, similar, show_req, no_text, entity_req, entity_kb] = *f;
  auto* search_cmd = app.add_subcommand(
      "search",
      "Ranked full-text search: BM25, with more weight when the words are the title, are in the title,\n"
      "or stand close together; newest first only with --by-date or for a query of filters alone.\n"
      "  words            all must match (use --any for OR); English stems match (mineral ~ minerals)\n"
      "                   a mineral's names find each other: REE, rare earths and 稀土 find the same documents\n"
      "  \"a phrase\"       exact words in order;   a NEAR b, a NEAR/5 b;   wild*\n"
      "  AND OR NOT ( )   boolean operators;      +must -mustnot\n"
      "  kind:executive_order  (also presidential_memorandum, proclamation, law, regulation, notice,\n"
      "                         fact_sheet, statement, paper, other)\n"
      "  title:word  lang:zh  format:fr-xml  id:eo:13603  jurisdiction:cn (also us, intl)\n"
      "  year:2012  year:2017..2021  date:2020-01-01..2022-12-31\n"
      "  mineral:gallium  agency:interior-department  country:cn  concept:critical-minerals\n"
      "  cites:eo:13817  cites:usc:50/4501   (--facets also counts jurisdictions, minerals, agencies, countries)\n"
      "  Chinese works as typed: 稀土, 出口管制 (segmented like the index).");
  search_cmd->add_option("query", req.query, "The query (quote it for the shell)")
      ->required()
      ->check(NonEmpty("words, a \"phrase\" or filters such as kind:executive_order"));
  search_cmd->add_option("-n,--limit", req.limit, "Hits to show (default 10)")->check(CLI::Range(0u, 10000u));
  search_cmd->add_option("--offset", req.offset, "Skip this many hits first (paging)");
  search_cmd->add_flag("--facets", req.facets, "Count matches by kind and year");
  search_cmd->add_flag("--any", req.match_any, "Match any word instead of all");
  search_cmd->add_flag("--by-date", req.sort_by_date, "Newest first instead of by relevance");
  AddGlobalFlags(search_cmd, globals);

  auto* similar_cmd = app.add_subcommand(
      "similar",
      "Documents like one document (more like this): a query of its most telling words, the entities it\n"
      "names and the authorities it cites (Xapian's expand set), never the document itself.\n"
      "  lode similar eo:13603\n  lode similar eo:14241 --limit 5 --json");
  similar_cmd->add_option("id", similar.id, "Document id, alias or source path")
      ->required()
      ->check(NonEmpty("a document id, alias or source path"));
  similar_cmd->add_option("-n,--limit", similar.limit, "Documents to list (default 10)")->check(CLI::Range(1u, 1000u));
  similar_cmd->add_option("--terms", similar.terms, "Terms of the document to search with (default 40)")
      ->check(CLI::Range(1u, 500u));
  AddGlobalFlags(similar_cmd, globals);

  auto* show_cmd = app.add_subcommand("show", "Print one document: metadata and text.\n"
                                              "ID is an identifier (eo:13603, usc:30/1606, doi:...) or a path given to ingest.");
  show_cmd->add_option("id", show_req.id, "Document id or source path")
      ->required()
      ->check(NonEmpty("a document id, alias or source path"));
  show_cmd->add_flag("--no-text", no_text, "Metadata only");
  AddGlobalFlags(show_cmd, globals);

  auto* entity_cmd = app.add_subcommand(
      "entity",
      "What the index knows about an entity: names, list memberships, the documents naming it (most\n"
      "mentions first) and the entities named with it. NAME is an id (mineral:gallium), a name or an\n"
      "alias (gallium, rare earths, USGS, 稀土), or a cited id (eo:13817: the documents citing it).");
  entity_cmd->add_option("name", entity_req.name, "Entity id, name or alias")
      ->required()
      ->check(NonEmpty("an entity id, name or alias (mineral:gallium, gallium, 稀土)"));
  entity_cmd->add_option("--kb", entity_kb, "Extra knowledge-base file(s)")->check(CLI::ExistingFile);
  entity_cmd->add_option("-n,--limit", entity_req.limit, "Documents to list (default 10)");
  AddGlobalFlags(entity_cmd, globals);

  auto* stats_cmd = app.add_subcommand("stats", "Index summary: documents by kind, year, format and language.");
  AddGlobalFlags(stats_cmd, globals);
  out.push_back({search_cmd, [f](const Globals& g) { return RunSearch(g, f->req); }});
  out.push_back({similar_cmd, [f](const Globals& g) { return RunSimilar(g, f->similar); }});
  out.push_back({show_cmd, [f](const Globals& g) {
                   query::ShowRequest r = f->show_req;
                   r.text = !f->no_text;
                   r.mentions = g.json;  // the text form shows no spans; finding them reads the knowledge base
                   return Print(g, query::Show(*OpenSession(g), r), query::ShowJson, query::ShowText);
                 }});
  out.push_back({entity_cmd, [f](const Globals& g) {
                   GraphFlags kb;
                   kb.kb_files = f->entity_kb;
                   return Print(g, query::DescribeEntity(*OpenSession(g, kb), f->entity_req), query::EntityJson,
                                query::EntityText);
                 }});
  out.push_back({stats_cmd, [](const Globals& g) {
                   return Print(g, query::Stats(*OpenSession(g), {}), query::StatsJson, query::StatsText);
                 }});
}

}  // namespace lodestone::cli
