// lode trace, neighbors, path, cites, cited-by, rank, timeline, cooccur,
// cocite, couple: questions about the knowledge graph.
#include "cli.h"
#include "lodestone/query/engine.h"
#include "lodestone/query/graph_render.h"

namespace lodestone::cli {

namespace {

struct GraphCmdFlags {
  GraphFlags graph;
  query::TraceRequest trace;
  query::NeighborsRequest nb;
  query::PathRequest path_req;
  std::string cites_id, cited_id;
  query::RankRequest rank;
  query::TimelineRequest tl;
  std::string tl_id;
  query::CooccurRequest co;
  query::RelatedRequest rel;
};

}  // namespace

void AddGraphCommands(CLI::App& app, Globals& globals, Commands& out) {
  auto f = std::make_shared<GraphCmdFlags>();
  auto& [graph, trace, nb, path_req, cites_id, cited_id, rank, tl, tl_id, co, rel] = *f;
  // Every graph question takes --index, --json and the graph flags, after its own.
  auto common_flags = [&](CLI::App* cmd) {
    AddGlobalFlags(cmd, globals);
    AddGraphFlags(cmd, f->graph);
  };
  // The positional node argument most questions take.
  auto node_arg = [](CLI::App* cmd, std::string& into, const char* help) {
    cmd->add_option("id", into, help)->required()->check(NonEmpty(kNodeArg));
  };
  auto* trace_cmd = app.add_subcommand(
      "trace",
      "Every document that affects a mineral, with the sentence that proves it:\n"
      "  via direct    the document names the mineral\n"
      "  via member    it names a member of the group traced (neodymium for rare earth elements)\n"
      "  via group     it names a group the mineral belongs to (rare earth elements for neodymium)\n"
      "  via category  it speaks of critical minerals in general\n"
      "listed in that order, newest first within each (--sort date: oldest first across all).\n"
      "Each with its status (in force; revoked by whom and when; amended by whom) and the agencies it directs.\n"
      "The count is of every match; --limit shows the first N (\"314 documents (showing 8)\").\n"
      "  lode trace lithium\n  lode trace rare-earth-elements --limit 8\n"
      "  lode trace neodymium --as-of 2021-12-31 --kind executive_order\n  lode trace gallium --via direct --json");
  trace_cmd->add_option("mineral", trace.entity, "Mineral id, name or alias (lithium, mineral:gallium, 稀土)")
      ->required()
      ->check(NonEmpty("a mineral id, name or alias (lithium, mineral:gallium, 稀土)"));
  trace_cmd->add_option("--as-of", trace.as_of, "Keep what was in force on this date (YYYY-MM-DD)");
  trace_cmd->add_option("--kind", trace.kind, "Keep documents of this kind (executive_order, law, ...)");
  trace_cmd->add_option("--via", trace.via, "Keep only direct, member, group or category links");
  trace_cmd->add_option("--sort", trace.sort, "via (default: direct, member, group, category, newest first in each) or date (oldest first)")
      ->check(CLI::IsMember({"via", "date"}));
  trace_cmd->add_option("-n,--limit", trace.limit, "At most this many documents (default: all); counts stay those of all");
  common_flags(trace_cmd);

  auto* nb_cmd = app.add_subcommand("neighbors",
                                    "Nodes linked to ID (both directions), with the edge and its evidence.\n"
                                    "  lode neighbors eo:14017\n  lode neighbors mineral:lithium --edge mentions --type executive_order\n"
                                    "  lode neighbors eo:13817 --depth 2 --edge cites,revokes,amends");
  nb_cmd->alias("neighbours");
  node_arg(nb_cmd, nb.id, "Node id or name");
  nb_cmd->add_option("--depth", nb.depth, "Hops (default 1)")->check(CLI::Range(1u, 6u));
  nb_cmd->add_option("--edge", nb.edge, kEdgeHelp);
  nb_cmd->add_option("--type", nb.type, "List only nodes of this type: an id type (eo, mineral, usc), a kind, document, entity or external");
  nb_cmd->add_option("-n,--limit", nb.limit, "At most this many nodes (default 100; 0 = all)");
  common_flags(nb_cmd);

  auto* path_cmd = app.add_subcommand("path",
                                      "A shortest chain of links between two nodes, each hop with its evidence.\n"
                                      "Edges count in either direction; issued_by is left out unless --edge names it.\n"
                                      "  lode path eo:14017 eo:13817\n  lode path mineral:gallium agency:commerce-department");
  path_cmd->add_option("from", path_req.from, "First node")->required()->check(NonEmpty(kNodeArg));
  path_cmd->add_option("to", path_req.to, "Second node")->required()->check(NonEmpty(kNodeArg));
  path_cmd->add_option("--edge", path_req.edge, kEdgeHelp);
  common_flags(path_cmd);

  auto* cites_cmd = app.add_subcommand("cites", "What a document cites: orders, laws, U.S. Code sections, regulations, papers —\n"
                                                "one entry per cited work, marked external when it is not in the corpus.\n"
                                                "  lode cites eo:14017");
  node_arg(cites_cmd, cites_id, "Document id");
  common_flags(cites_cmd);
  auto* cited_cmd = app.add_subcommand("cited-by", "Who cites, revokes, amends or supersedes ID, by date.\n  lode cited-by eo:13817\n  lode cited-by usc:50/4501");
  node_arg(cited_cmd, cited_id, "Node id (in the corpus or external)");
  common_flags(cited_cmd);

  auto* rank_cmd = app.add_subcommand(
      "rank",
      "The most central nodes. Citation edges (cites, revokes, amends, supersedes) by default;\n"
      "mentions and directs when --type names an entity type.\n"
      "  lode rank --type eo\n  lode rank --by indegree --type usc\n  lode rank --type mineral --by indegree\n"
      "  lode rank --by betweenness --type document");
  rank_cmd->add_option("--by", rank.by, "pagerank (default), indegree or betweenness")
      ->check(CLI::IsMember({"pagerank", "indegree", "betweenness"}));
  rank_cmd->add_option("--type", rank.type, "Only nodes of this type (eo, usc, mineral, agency, executive_order, document, external, ...)");
  rank_cmd->add_option("--edge", rank.edge, kEdgeHelp);
  rank_cmd->add_option("-n,--limit", rank.limit, "How many (default 20; 0 = all)");
  common_flags(rank_cmd);

  auto* tl_cmd = app.add_subcommand(
      "timeline",
      "Documents by date with counts per year and per president: all of them, or those\n"
      "naming an entity / citing a document.\n"
      "Every U.S. government document (orders, memoranda, proclamations, fact sheets, statements,\n"
      "laws as signed) counts for the president in office on its date, administrations in order\n"
      "(Trump 2017-2021 and Trump 2025- are two); Chinese documents, papers and U.S. texts that are\n"
      "no president's (undated U.S. Code sections, bills) are counted apart.\n"
      "  lode timeline\n  lode timeline mineral:lithium\n  lode timeline concept:critical-minerals --by president\n"
      "  lode timeline --type executive_order --by year");
  auto* tl_id_opt = tl_cmd->add_option("id", tl_id, "Entity or document (optional)")->check(NonEmpty(kNodeArg));
  tl_cmd->add_option("--type", tl.type, "Only documents of this type or kind");
  tl_cmd->add_option("--by", tl.by, "year or president: only that block, with its documents (president: per administration)")
      ->check(CLI::IsMember({"year", "president"}));
  tl_cmd->add_option("-n,--limit", tl.limit,
                     "Documents to list (default 20, per administration with --by president; 0 = counts only in text, "
                     "all in JSON)");
  common_flags(tl_cmd);

  auto* co_cmd = app.add_subcommand("cooccur",
                                    "Entities named in the same documents as ID: shared documents, Jaccard and lift\n"
                                    "(shared x N / (n1 x n2); 1 means no more often than chance).\n"
                                    "  lode cooccur mineral:gallium\n  lode cooccur lithium --type country");
  node_arg(co_cmd, co.id, "Entity id or name");
  co_cmd->add_option("--type", co.type, "Only entities of this type (mineral, agency, country, person, concept)");
  co_cmd->add_option("-n,--limit", co.limit, "How many (default 20)");
  common_flags(co_cmd);


  // cocite and couple answer with the same request and result.
  auto related_cmd = [&](const char* name, const char* help, const char* id_help, const char* type_help) {
    auto* cmd = app.add_subcommand(name, help);
    node_arg(cmd, rel.id, id_help);
    cmd->add_option("--type", rel.type, type_help);
    cmd->add_option("-n,--limit", rel.limit, "How many (default 20; 0 = all)");
    common_flags(cmd);
    return cmd;
  };
  auto* cocite_cmd = related_cmd("cocite",
                                 "Co-citation: works cited together with ID by the same documents (papers, and the\n"
                                 "laws and orders papers cite), with counts and Salton's cosine.\n"
                                 "  lode cocite doi:10.2307/2532083\n  lode cocite eo:13817 --type eo",
                                 "Node id", "Only nodes of this type or kind");
  auto* couple_cmd = related_cmd("couple",
                                 "Bibliographic coupling: documents that cite some of the same works as ID, with the\n"
                                 "number of shared references and Salton's cosine.\n  lode couple doi:10.7554/elife.00005",
                                 "Document id", "Only documents of this type or kind");

  auto session = [f](const Globals& g) { return OpenSession(g, f->graph); };
  out.push_back({trace_cmd, [f, session](const Globals& g) {
                   return Print(g, query::Trace(*session(g), f->trace), query::TraceJson, query::TraceText);
                 }});
  out.push_back({nb_cmd, [f, session](const Globals& g) {
                   return Print(g, query::Neighbors(*session(g), f->nb), query::NeighborsJson, query::NeighborsText);
                 }});
  out.push_back({path_cmd, [f, session](const Globals& g) {
                   return Print(g, query::Path(*session(g), f->path_req), query::PathJson, query::PathText);
                 }});
  out.push_back({cites_cmd, [f, session](const Globals& g) {
                   query::CitationsRequest r;
                   r.id = f->cites_id;
                   return Print(g, query::Cites(*session(g), r), query::CitationsJson, query::CitationsText);
                 }});
  out.push_back({cited_cmd, [f, session](const Globals& g) {
                   query::CitationsRequest r;
                   r.id = f->cited_id;
                   return Print(g, query::CitedBy(*session(g), r), query::CitationsJson, query::CitationsText);
                 }});
  out.push_back({rank_cmd, [f, session](const Globals& g) {
                   return Print(g, query::Rank(*session(g), f->rank), query::RankJson, query::RankText);
                 }});
  out.push_back({tl_cmd, [f, session, tl_id_opt](const Globals& g) {
                   query::TimelineRequest r = f->tl;
                   if (tl_id_opt->count()) r.id = f->tl_id;  // given, even empty (then refused)
                   return Print(g, query::Timeline(*session(g), r), query::TimelineJson, query::TimelineText);
                 }});
  out.push_back({co_cmd, [f, session](const Globals& g) {
                   return Print(g, query::Cooccur(*session(g), f->co), query::CooccurJson, query::CooccurText);
                 }});
  out.push_back({cocite_cmd, [f, session](const Globals& g) {
                   return Print(g, query::CoCite(*session(g), f->rel), query::RelatedJson, query::RelatedText);
                 }});
  out.push_back({couple_cmd, [f, session](const Globals& g) {
                   return Print(g, query::Couple(*session(g), f->rel), query::RelatedJson, query::RelatedText);
                 }});
}

}  // namespace lodestone::cli
