// Exports of the whole knowledge graph or of a part of it, in the formats
// graph tools read: GraphML (Gephi, Cytoscape, yEd), GEXF 1.2draft (Gephi,
// networkx, graphology), DOT (Graphviz), JSON (scripts; a contract), CSV with
// neo4j-admin import headers, and Pajek .net. Thread-safety: pure functions.
#ifndef LODESTONE_GRAPH_EXPORT_H_
#define LODESTONE_GRAPH_EXPORT_H_

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

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

}  // namespace lodestone

#endif  // LODESTONE_GRAPH_EXPORT_H_
