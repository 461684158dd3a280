// Exports of the whole knowledge graph or of a part of it, in the formats
// graph tools read: GraphML (Gephi, Cytoscape, yEd), GEXF 1.2draft (Gephi,
// networkx, graphology), DOT (Graphviz), JSON (scripts; a contract), CSV with
// neo4j-admin import headers, and Pajek .net; VOSviewer files, GEXF and
// GraphML of the bibliometric co-occurrence networks too. Thread-safety:
// pure functions.
#ifndef LODESTONE_GRAPH_EXPORT_H_
#define LODESTONE_GRAPH_EXPORT_H_

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "lodestone/graph/bibliometric_network.h"
#include "lodestone/graph/graph.h"

namespace lodestone {

// A part of the graph: node numbers and edge numbers (both ends of every
// edge are among the nodes).
struct Selection {
  std::vector<uint32_t> nodes;
  std::vector<uint32_t> edges;
};

Selection SelectAll(const KnowledgeGraph& kg);
// Nodes within depth hops of center (either direction, edges of mask), and
// every edge of mask between them.
Selection SelectAround(const KnowledgeGraph& kg, uint32_t center, uint32_t depth, EdgeMask mask,
                       size_t max_nodes = SIZE_MAX);
// The given nodes (deduplicated, in the given order) and the edges of mask
// between them.
Selection SelectInduced(const KnowledgeGraph& kg, const std::vector<uint32_t>& nodes, EdgeMask mask);

enum class ExportFormat { kGraphML, kGexf, kDot, kJson, kCsv, kPajek, kVosviewer };
std::optional<ExportFormat> ExportFormatFromName(const std::string& name);
const char* ExportFormatName(ExportFormat f);

// GraphML: node keys type, name, kind, date, external; edge keys type, count.
void WriteGraphML(const KnowledgeGraph& kg, const Selection& sel, std::ostream& out);
// GEXF 1.2draft, the version Gephi, networkx 2.8 and graphology all read
// (networkx 2.8 rejects 1.3: "No <graph> element"); directed, static;
// attributes as in GraphML; weight = count.
void WriteGexf(const KnowledgeGraph& kg, const Selection& sel, std::ostream& out);
// DOT digraph; nodes labelled with names (shortened), shaped by type; edges labelled with their type.
void WriteDot(const KnowledgeGraph& kg, const Selection& sel, std::ostream& out);
// {"nodes":[{"id","type","name","external","kind","date"}],
//  "edges":[{"source","target","type","count"}]}  (a contract: add fields, never rename)
void WriteJson(const KnowledgeGraph& kg, const Selection& sel, std::ostream& out);
// neo4j-admin import: nodes "id:ID,name,type,kind,date,external:boolean,:LABEL"
// and relationships ":START_ID,:END_ID,:TYPE,count:int".
void WriteCsv(const KnowledgeGraph& kg, const Selection& sel, std::ostream& nodes, std::ostream& edges);
// Pajek .net: *Vertices n with quoted ids, *Arcs "i j count" (1-based).
void WritePajek(const KnowledgeGraph& kg, const Selection& sel, std::ostream& out);
// VOSviewer map file (tab-separated: id, label, description, url,
// weight<Links>, weight<Citations>, score<Year>) and network file
// ("id1<TAB>id2<TAB>strength", undirected, one line per pair).
void WriteVosviewer(const KnowledgeGraph& kg, const Selection& sel, std::ostream& map, std::ostream& network);

// The VOSviewer map and network files of any network of items: the one
// writer behind WriteVosviewer and WriteNetworkVosviewer. Map columns: id,
// label, description, url, cluster (when `clusters`), weight<NAME>...,
// score<NAME>...; a NaN weight or score is written as an empty cell. Links
// are undirected, items numbered from 0 here and from 1 in the files.
struct VosviewerMap {
  std::vector<std::string> weights;  // "Links", "Total link strength", ...
  std::vector<std::string> scores;   // "Avg. pub. year", ...
  bool clusters = false;
  struct Item {
    std::string label, description, url;
    uint32_t cluster = 0;
    std::vector<double> weights, scores;
  };
  std::vector<Item> items;
};
struct VosviewerLink {
  uint32_t a = 0, b = 0;
  double strength = 0;
};
void WriteVosviewerFiles(const VosviewerMap& map, const std::vector<VosviewerLink>& links, std::ostream& map_out,
                         std::ostream& network_out);

// A co-occurrence network (bibliometric_network.h) for VOSviewer (map:
// cluster, weight<Links>, weight<Total link strength>, weight<Occurrences>,
// score<Avg. pub. year> for the overlay view; network: the link weights,
// which VOSviewer normalises itself), GEXF 1.2draft and GraphML (undirected;
// nodes with label, occurrences, cluster, avg_year, links,
// total_link_strength; edges with weight and association strength).
void WriteNetworkVosviewer(const BibliometricNetwork& net, std::ostream& map, std::ostream& network);
void WriteNetworkGexf(const BibliometricNetwork& net, std::ostream& out);
void WriteNetworkGraphML(const BibliometricNetwork& net, std::ostream& out);

}  // namespace lodestone

#endif  // LODESTONE_GRAPH_EXPORT_H_
