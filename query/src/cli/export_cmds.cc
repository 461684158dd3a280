// lode export and lode render: the graph, or a part of it, for other tools.
#include <filesystem>
#include <iostream>

#include "cli.h"
#include "graphviz.h"
#include "lodestone/query/engine.h"
#include "lodestone/query/render.h"

namespace lodestone::cli {

namespace {

struct ExportFlags {
  GraphFlags graph;
  query::ExportRequest ex;
  std::string ex_output, ex_around;
  query::RenderRequest rd;
  std::string rd_output;
  double rd_timeout = 60;
};

std::string WithoutSuffix(std::string prefix, const std::string& ext) {
  if (prefix.size() > ext.size() && prefix.compare(prefix.size() - ext.size(), ext.size(), ext) == 0)
    prefix.resize(prefix.size() - ext.size());
  return prefix;
}

int RunExport(const Globals& g, const GraphFlags& gf, const query::ExportRequest& req, const std::string& output) {
  const bool two_files = req.format == "csv" || req.format == "vosviewer";
  if (two_files && output.empty())
    return Fail(g, Status::InvalidArgument("--format " + req.format + " writes two files: give -o PREFIX"));
  auto r = query::Export(*OpenSession(g, gf), req);
  if (!r.ok()) return Fail(g, r.status());
  if (r->parts.size() == 1 && (output.empty() || output == "-")) {
    Status s = WriteStdout(r->parts.front().content);
    if (!s.ok()) return Fail(g, s);
    if (r->format.rfind("wos", 0) == 0 && r->skipped_not_papers && !g.json && FlushStdout().ok())
      std::cerr << "lode: " << r->skipped_not_papers
                << " selected documents are not papers and were left out of the Web of Science file\n";
    return kExitOk;
  }
  std::vector<std::string> written;
  for (const query::ExportPart& part : r->parts) {
    // Two files: PREFIX-nodes.csv and PREFIX-relationships.csv, PREFIX-map.txt and PREFIX-network.txt.
    const std::string path =
        part.name.empty() ? output : WithoutSuffix(output, part.extension) + "-" + part.name + part.extension;
    Status s = WriteFile(path, part.content);
    if (!s.ok()) return Fail(g, s);
    written.push_back(path);
  }
  Status s = WriteStdout(g.json ? query::ExportJson(*r, written) : query::ExportText(*r, written));
  return s.ok() ? kExitOk : Fail(g, s);
}

int RunRender(const Globals& g, const ExportFlags& f) {
  const std::string& output = f.rd_output;
  if (output.empty()) return Fail(g, Status::InvalidArgument("lode render needs -o FILE.svg or FILE.png"));
  const std::string ext = std::filesystem::path(output).extension().string();
  if (ext != ".svg" && ext != ".png" && ext != ".pdf")
    return Fail(g, Status::InvalidArgument("-o " + output +
                                           ": the picture is chosen by the name; end it in .svg, .png or .pdf"));
  const std::string dot = FindGraphviz();
  if (dot.empty())
    return Fail(g, Status::Unsupported("lode render draws with Graphviz, which is not installed (Debian: apt-get "
                                       "install graphviz); lode export --format dot writes the graph for drawing "
                                       "elsewhere"));
  auto r = query::Render(*OpenSession(g, f.graph), f.rd);
  if (!r.ok()) return Fail(g, r.status());
  Status drawn = DrawWithGraphviz(dot, r->dot, output, ext.substr(1), f.rd_timeout);
  if (!drawn.ok()) return Fail(g, drawn);
  Status s = WriteStdout(g.json ? query::RenderJson(*r, output) : query::RenderText(*r, output));
  return s.ok() ? kExitOk : Fail(g, s);
}

}  // namespace

void AddExportCommands(CLI::App& app, Globals& globals, Commands& out) {
  auto f = std::make_shared<ExportFlags>();
  auto& [graph, ex, ex_output, ex_around, rd, rd_output, rd_timeout] = *f;
  auto* ex_cmd = app.add_subcommand(
      "export",
      "Write the graph, or a part of it, for graph tools: graphml (Gephi, Cytoscape, yEd), gexf (Gephi),\n"
      "dot (Graphviz), json {nodes, edges}, csv (neo4j-admin import: PREFIX-nodes.csv and\n"
      "PREFIX-relationships.csv), pajek (.net).\n"
      "  lode export --format graphml -o lodestone.graphml\n"
      "  lode export --format gexf --around mineral:gallium --depth 2 -o gallium.gexf\n"
      "  lode export --format json --query 'kind:executive_order \"critical minerals\"'\n"
      "  lode export --format csv --edge cites,revokes,amends -o citations\n"
      "  lode export --format vosviewer --query kind:paper --edge cites -o papers\n"
      "  lode export --format bibtex --around doi:10.7554/elife.00005 -o refs.bib\n"
      "  lode export --format wos --query 'kind:paper lang:zh' -o download_cn.txt   # for CiteSpace");
  ex_cmd->add_option("--format", ex.format,
                     "graphml (default), gexf, dot, json, csv, pajek, vosviewer (PREFIX-map.txt and PREFIX-network.txt);\n"
                     "bibtex, ris or csl-json: the records of the selected documents; wos: Web of Science plain text\n"
                     "of the selected papers (for CiteSpace; Chinese records included, UTF-8)");
  ex_cmd->add_option("-o,--output", ex_output, "File to write (default: standard output; csv: a prefix)")
      ->check(NonEmpty("a file name (- for standard output)"));
  auto* ex_around_opt =
      ex_cmd->add_option("--around", ex_around, "Only the neighbourhood of this node")->check(NonEmpty(kNodeArg));
  ex_cmd->add_option("--depth", ex.depth, "Hops around --around (default 1)")->check(CLI::Range(1u, 6u));
  ex_cmd->add_option("--query", ex.query, "Only the documents matching this search, and what they link to")
      ->check(NonEmpty("a search (words or filters)"));
  ex_cmd->add_option("--limit", ex.limit, "Documents taken from --query (default 1000)");
  ex_cmd->add_option("--edge", ex.edge, kEdgeHelp);
  AddGlobalFlags(ex_cmd, globals);
  AddGraphFlags(ex_cmd, f->graph);

  auto* rd_cmd = app.add_subcommand("render",
                                    "Draw the neighbourhood of ID with Graphviz (installed by scripts/install-deps.sh).\n"
                                    "  lode render eo:14017 -o eo14017.svg\n  lode render mineral:gallium --edge mentions,revokes -o gallium.png");
  rd_cmd->add_option("id", rd.id, "Node id or name")->required()->check(NonEmpty(kNodeArg));
  rd_cmd->add_option("-o,--output", rd_output, "FILE.svg, FILE.png or FILE.pdf")
      ->required()
      ->check(NonEmpty("a file name ending in .svg, .png or .pdf"));
  rd_cmd->add_option("--depth", rd.depth, "Hops (default 1)")->check(CLI::Range(1u, 4u));
  rd_cmd->add_option("--edge", rd.edge, kEdgeHelp);
  rd_cmd->add_option("--max-nodes", rd.max_nodes, "Draw at most this many nodes, nearest first (default 80; the output says when some were left out)")
      ->check(CLI::Range(size_t{1}, size_t{100000}));
  rd_cmd->add_option("--timeout", rd_timeout, "Seconds Graphviz may take before it is stopped (default 60)")
      ->check(CLI::PositiveNumber);
  AddGlobalFlags(rd_cmd, globals);
  AddGraphFlags(rd_cmd, f->graph);
  out.push_back({ex_cmd, [f, ex_around_opt](const Globals& g) {
                   query::ExportRequest r = f->ex;
                   if (ex_around_opt->count()) r.around = f->ex_around;  // given, even empty (then refused)
                   return RunExport(g, f->graph, r, f->ex_output);
                 }});
  out.push_back({rd_cmd, [f](const Globals& g) { return RunRender(g, *f); }});
}

}  // namespace lodestone::cli
