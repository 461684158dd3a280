// lode dossier: one report per mineral, group or concept (issue 16) —
// the U.S. by administration, China, a timeline chart, the literature, the
// counts and the commands that check them.
#include <filesystem>

#include "cli.h"
#include "lodestone/query/dossier.h"

namespace lodestone::cli {

namespace {

struct DossierFlags {
  GraphFlags graph;
  query::DossierRequest req;
  std::string format, output, link_base = "/doc/";
};

int RunDossier(const Globals& g, const DossierFlags& f) {
  // --json is --format json (every command's flag for scripts).
  const std::string format = g.json ? "json" : f.format.empty() ? "md" : f.format;
  if (g.json && !f.format.empty() && f.format != "json")
    return Fail(g, Status::InvalidArgument("--json and --format " + f.format + " ask for two formats; give one"));
  auto r = query::Dossier(*OpenSession(g, f.graph), f.req);
  if (!r.ok()) return Fail(g, r.status());
  std::string chart_file, chart_path;  // Markdown to a file: the chart is a file beside it
  if (format == "md" && !f.output.empty() && f.output != "-") {
    std::filesystem::path svg = f.output;
    svg.replace_extension(".svg");
    Status s = WriteFile(svg.string(), query::DossierChartSvg(*r, f.link_base));
    if (!s.ok()) return Fail(g, s);
    chart_file = svg.filename().string();
    chart_path = svg.string();
  }
  const std::string text = format == "json"   ? query::DossierJson(*r)
                           : format == "html" ? query::DossierHtml(*r, f.link_base)
                                              : query::DossierMarkdown(*r, chart_file, f.link_base);
  if (f.output.empty() || f.output == "-") {
    Status s = WriteStdout(text);
    return s.ok() ? kExitOk : Fail(g, s);
  }
  Status s = WriteFile(f.output, text);
  if (!s.ok()) return Fail(g, s);
  std::vector<std::string> files{f.output};
  if (!chart_file.empty()) files.push_back(chart_path);
  s = WriteStdout(g.json ? query::DossierWrittenJson(*r, files)
                         : f.output + (chart_file.empty() ? "" : " and " + chart_path) + ": " +
                               std::to_string(r->Measures()) + " measures, " + std::to_string(r->literature_total) +
                               " papers\n");
  return s.ok() ? kExitOk : Fail(g, s);
}

}  // namespace

void AddDossierCommands(CLI::App& app, Globals& globals, Commands& out) {
  auto f = std::make_shared<DossierFlags>();
  auto* cmd = app.add_subcommand(
      "dossier",
      "One report on a mineral, a group (rare earth elements) or concept:critical-minerals:\n"
      "  1 its names (English, Chinese), list memberships and members\n"
      "  2 U.S. measures by administration, each with date, via (names it / its group / the category),\n"
      "    status on the end date, the agencies it tasks and its evidence sentence\n"
      "  3 China's measures with their versions and the bodies they task; known instruments the index lacks\n"
      "  4 a timeline chart (U.S. above the axis, China below; pairs within 12 months marked as a sequence,\n"
      "    not a cause)\n"
      "  5 the literature naming it or citing those measures, most cited first, with co-citation clusters\n"
      "  6 counts per administration, jurisdiction and kind, and the command listing each section's documents\n"
      "The documents are exactly those of `lode trace MINERAL`.\n"
      "  lode dossier gallium\n"
      "  lode dossier rare-earth-elements --from 2017-01-20 --to 2024-12-31 --format html -o ree.html\n"
      "  lode dossier concept:critical-minerals -o cm.md        # also writes cm.svg, the chart\n"
      "  lode dossier lithium --json");
  cmd->add_option("mineral", f->req.subject, "Mineral, group or concept: id, name or alias (gallium, 稀土)")->required();
  cmd->add_option("--from", f->req.from, "Only documents dated on or after this day (YYYY-MM-DD)");
  cmd->add_option("--to", f->req.to, "Only documents dated on or before this day; statuses are those of this day");
  cmd->add_option("--format", f->format, "md (default), html (with the chart embedded) or json (the chart as chart_svg)")
      ->check(CLI::IsMember({"md", "html", "json"}));
  cmd->add_option("-o,--output", f->output, "File to write (default: standard output); md also writes the chart as FILE.svg");
  cmd->add_option("--papers", f->req.literature_limit, "Papers listed, most cited first (default 50; 0 = all)");
  cmd->add_option("--link-base", f->link_base, "Prefix of document links (default /doc/, the web UI's document page)");
  AddGlobalFlags(cmd, globals);
  AddGraphFlags(cmd, f->graph);
  out.push_back({cmd, [f](const Globals& g) { return RunDossier(g, *f); }});
}

}  // namespace lodestone::cli
