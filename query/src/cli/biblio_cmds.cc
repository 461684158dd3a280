// lode network and lode bursts: VOSviewer's and CiteSpace's analyses of the
// papers in the index.
#include <sstream>

#include "cli.h"
#include "lodestone/graph/export.h"
#include "lodestone/query/bibliometric_render.h"
#include "lodestone/query/engine.h"

namespace lodestone::cli {

namespace {

struct BiblioFlags {
  GraphFlags graph;
  query::NetworkRequest net;
  std::string net_output, net_format;
  size_t net_show = 20;
  query::BurstsRequest burst;
  size_t burst_limit = 25;
};

int RunNetwork(const Globals& g, const BiblioFlags& f) {
  const std::string& output = f.net_output;
  std::string format = f.net_format;
  if (format.empty() && !output.empty()) format = "vosviewer";
  if (!format.empty() && format != "vosviewer" && format != "gexf" && format != "graphml")
    return Fail(g, Status::InvalidArgument("--format wants vosviewer, gexf or graphml"));
  if (!format.empty() && output.empty())
    return Fail(g, Status::InvalidArgument("--format " + format +
                                           " writes files: give -o PREFIX (vosviewer) or -o FILE"));
  auto r = query::Network(*OpenSession(g), f.net);
  if (!r.ok()) return Fail(g, r.status());
  std::vector<std::string> written;
  if (!format.empty()) {
    std::vector<std::pair<std::string, std::string>> files;
    if (format == "vosviewer") {
      std::string prefix = output;
      if (prefix.size() > 4 && prefix.substr(prefix.size() - 4) == ".txt") prefix.resize(prefix.size() - 4);
      std::ostringstream map, network;
      WriteNetworkVosviewer(r->network, map, network);
      files = {{prefix + "-map.txt", map.str()}, {prefix + "-network.txt", network.str()}};
    } else {
      std::ostringstream o;
      if (format == "gexf") WriteNetworkGexf(r->network, o);
      else WriteNetworkGraphML(r->network, o);
      files = {{output, o.str()}};
    }
    for (const auto& [path, text] : files) {
      Status s = WriteFile(path, text);
      if (!s.ok()) return Fail(g, s);
      written.push_back(path);
    }
  }
  std::string text;
  if (g.json) {
    text = query::NetworkJson(*r);
  } else {
    text = query::NetworkText(*r, f.net_show);
    if (!written.empty()) {
      text += "\nwrote";
      for (const auto& w : written) text += " " + w;
      text += "\n";
    }
  }
  Status s = WriteStdout(text);
  return s.ok() ? kExitOk : Fail(g, s);
}

}  // namespace

void AddBiblioCommands(CLI::App& app, Globals& globals, Commands& out) {
  auto f = std::make_shared<BiblioFlags>();
  auto& [graph, net, net_output, net_format, net_show, burst, burst_limit] = *f;
  auto* net_cmd = app.add_subcommand(
      "network",
      "Co-authorship, organization and country collaboration, or keyword co-occurrence network of the\n"
      "papers (all of them, or those matching --query), with VOSviewer's conventions: full counting (each\n"
      "paper adds 1 to every pair it names; --fractional for 1/(n-1)), a minimum number of papers per item,\n"
      "association strength s_ij = 2m c_ij / (k_i k_j), clusters by igraph's Leiden with VOSviewer's quality\n"
      "function (or modularity, or Louvain) and Newman's modularity of the result. Authors are taken as\n"
      "written (full names; --short-names for WoS AU / Scopus abbreviations), organizations and countries\n"
      "from the addresses (WoS C1: the first part and the last), keywords folded (case, full-width, trailing ;).\n"
      "  lode network coauthors\n"
      "  lode network keywords --min 10 --keywords author -o capture --format vosviewer\n"
      "  lode network countries --min 1 --json\n"
      "  lode network keywords --query 'year:2015..2019' --cluster modularity -o kw.gexf --format gexf");
  net_cmd->add_option("type", net.type, "coauthors, organizations, countries or keywords")
      ->required()
      ->check(NonEmpty("coauthors, organizations, countries or keywords"));
  net_cmd->add_option("--min", net.min, "Minimum papers per item (default 5, VOSviewer's)");
  net_cmd->add_option("--query", net.query, "Only the papers matching this search")
      ->check(NonEmpty("a search (words or filters)"));
  net_cmd->add_option("-n,--limit", net.limit, "Keep the N items of greatest total link strength (default: all over --min)");
  net_cmd->add_option("--max-per-paper", net.max_per_paper,
                      "Ignore papers naming more items (default 25 for names, VOSviewer's; none for keywords; 0 = none)");
  net_cmd->add_flag("--fractional", net.fractional, "Fractional counting: a paper naming n items adds 1/(n-1) per link");
  net_cmd->add_option("--cluster", net.cluster,
                      "vos (default: Leiden, VOSviewer's quality over association strengths), modularity (Leiden),\n"
                      "louvain, or none");
  net_cmd->add_option("--resolution", net.resolution, "Clustering resolution (default 1; larger: more, smaller clusters)");
  net_cmd->add_option("--starts", net.starts, "Random starts of the clustering, best kept (default 10; seeds fixed)")
      ->check(CLI::Range(1u, 1000u));
  net_cmd->add_option("--keywords", net.keywords, "all (default), author (WoS DE, Scopus Author Keywords) or index (WoS ID, Keywords Plus)");
  net_cmd->add_flag("--short-names", net.short_names, "Authors as the database abbreviates them (WoS AU) when the record has them");
  net_cmd->add_option("--show", net_show, "Items listed in the text output (default 20)");
  net_cmd->add_option("-o,--output", net_output, "Write the network: a PREFIX for vosviewer (PREFIX-map.txt, PREFIX-network.txt), a FILE otherwise")
      ->check(NonEmpty("a file name or prefix"));
  net_cmd->add_option("--format", net_format, "vosviewer (default with -o), gexf (1.2draft) or graphml");
  AddGlobalFlags(net_cmd, globals);

  auto* burst_cmd = app.add_subcommand(
      "bursts",
      "Kleinberg's burst detection (the two-state automaton CiteSpace uses) on counts per year: the\n"
      "keywords, or the works cited, that an unusually large share of the papers of some years named, with\n"
      "the first and last year of each burst and its strength (the cost it saves, CiteSpace's Strength).\n"
      "A year's batch is its papers naming at least one item; the burst state's rate is s times the base\n"
      "rate; entering it costs gamma ln(years).\n"
      "  lode bursts --type keywords\n"
      "  lode bursts --type cited --min 10 --limit 30\n"
      "  lode bursts --type keywords --query 'year:2012..' --gamma 0.5 --json");
  burst_cmd->add_option("--type", burst.type, "keywords (default), cited, authors, organizations or countries")
      ->check(NonEmpty("keywords, cited, authors, organizations or countries"));
  burst_cmd->add_option("--gamma", burst.gamma, "Cost of entering a burst, times ln(years) (default 1)");
  burst_cmd->add_option("--s", burst.s, "Burst rate / base rate (default 2)");
  burst_cmd->add_option("--min", burst.min, "Test only items named by at least this many papers (default 5)");
  burst_cmd->add_option("--min-duration", burst.min_duration, "Drop bursts shorter than this many years (default 1)");
  burst_cmd->add_option("--query", burst.query, "Only the papers matching this search")
      ->check(NonEmpty("a search (words or filters)"));
  burst_cmd->add_option("-n,--limit", burst_limit, "Bursts listed, strongest first (default 25; 0 = all)");
  burst_cmd->add_option("--keywords", burst.keywords, "all (default), author or index");
  burst_cmd->add_flag("--short-names", burst.short_names, "Authors as the database abbreviates them");
  AddGlobalFlags(burst_cmd, globals);
  AddGraphFlags(burst_cmd, f->graph);
  out.push_back({net_cmd, [f](const Globals& g) { return RunNetwork(g, *f); }});
  out.push_back({burst_cmd, [f](const Globals& g) {
                   const size_t limit = f->burst_limit;
                   return Print(g, query::Bursts(*OpenSession(g, f->graph), f->burst),
                                [&](const auto& r) { return query::BurstsJson(r, limit); },
                                [&](const auto& r) { return query::BurstsText(r, limit); });
                 }});
}

}  // namespace lodestone::cli
