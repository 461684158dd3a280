// The engine's exports: a part of the graph (or the records of its
// documents) in the formats other tools read, and the DOT of a
// neighbourhood for `lode render` (engine.h).
#include <algorithm>
#include <limits>
#include <sstream>

#include "lodestone/graph/export.h"
#include "lodestone/query/bib_export.h"
#include "lodestone/query/engine.h"
#include "validate.h"

namespace lodestone::query {

using internal::CheckCap;
using internal::CheckNotEmpty;
using internal::kExpectNode;
using internal::ParseEdges;

namespace {

// The part of the graph an export asks for: a neighbourhood, the documents
// matching a search and what they link to, or everything over some edges.
Result<Selection> Select(View& v, const KnowledgeGraph& kg, const ExportRequest& a, EdgeMask mask, size_t max_nodes) {
  if (a.around) {
    auto n = v.Resolve(*a.around);
    if (!n.ok()) return n.status();
    return SelectAround(kg, *n, a.depth, mask, max_nodes ? max_nodes : SIZE_MAX);
  }
  std::vector<uint32_t> nodes;
  if (!a.query.empty()) {
    lodestone::SearchRequest req;
    req.query = a.query;
    req.limit = static_cast<uint32_t>(std::min<size_t>(a.limit, 100000));
    auto res = v.Search(req);
    if (!res.ok()) return res.status();
    // The matching documents and what they link to (one hop out).
    for (const auto& h : res->hits)
      if (auto n = kg.Find(h.doc.id)) nodes.push_back(*n);
    const size_t docs = nodes.size();
    for (size_t i = 0; i < docs; ++i)
      for (uint32_t e : kg.OutEdges(nodes[i], mask)) nodes.push_back(kg.edge(e).target);
  } else if (mask == kAllEdges && max_nodes == 0) {
    return SelectAll(kg);
  } else if (mask == kAllEdges) {
    for (uint32_t n = 0; n < kg.num_nodes(); ++n) nodes.push_back(n);
  } else {
    // The whole graph over some edge types: the nodes those edges touch.
    for (const Edge& e : kg.edges())
      if (mask & Bit(e.type)) nodes.push_back(e.source), nodes.push_back(e.target);
  }
  if (max_nodes) {
    // The first max_nodes distinct nodes, in the order found.
    std::vector<uint32_t> kept;
    std::vector<uint8_t> seen(kg.num_nodes(), 0);
    for (uint32_t n : nodes) {
      if (seen[n]) continue;
      seen[n] = 1;
      if (kept.size() == max_nodes) break;
      kept.push_back(n);
    }
    nodes = std::move(kept);
  }
  return SelectInduced(kg, nodes, mask);
}

// Distinct nodes a selection would have had without the cap.
size_t Distinct(const std::vector<uint32_t>& nodes) {
  std::vector<uint32_t> v = nodes;
  std::sort(v.begin(), v.end());
  return static_cast<size_t>(std::unique(v.begin(), v.end()) - v.begin());
}

ExportPart Part(std::string name, std::string extension, std::string media_type, std::string content) {
  return {std::move(name), std::move(extension), std::move(media_type), std::move(content)};
}

}  // namespace

Result<ExportResult> Export(Session& session, const ExportRequest& a) {
  const Limits& limits = session.options().limits;
  const bool wos = a.format == "wos" || a.format == "wos-plain";
  const bool bib = a.format == "bibtex" || a.format == "bib" || a.format == "ris" || a.format == "csl-json" ||
                   a.format == "csl" || wos;
  auto fmt = bib ? std::optional<ExportFormat>(ExportFormat::kJson) : ExportFormatFromName(a.format);
  if (!fmt)
    return Status::InvalidArgument("unknown format " + a.format +
                                   "; use graphml, gexf, dot, json, csv, pajek, vosviewer, bibtex, ris, "
                                   "csl-json or wos");
  if (a.around) {
    if (Status s = CheckNotEmpty(*a.around, "around (--around)", kExpectNode); !s.ok()) return s;
    if (!a.query.empty()) return Status::InvalidArgument("--around and --query choose a part of the graph each; give one");
    if (a.depth < 1 || a.depth > 6)
      return Status::InvalidArgument("depth wants 1 to 6, got " + std::to_string(a.depth));
    if (Status s = CheckCap(a.depth, limits.depth, "depth"); !s.ok()) return s;
  }
  if (Status s = CheckCap(a.limit, limits.export_documents, "limit"); !s.ok()) return s;
  auto mask = ParseEdges(a.edge, kAllEdges);
  if (!mask.ok()) return mask.status();
  size_t max_nodes = a.max_nodes;
  if (limits.export_nodes && (max_nodes == 0 || max_nodes > limits.export_nodes)) max_nodes = limits.export_nodes;
  return session.Read([&](View& v) -> Result<ExportResult> {
    auto g = v.graph();
    if (!g.ok()) return g.status();
    const KnowledgeGraph& kg = **g;
    auto sel = Select(v, kg, a, *mask, max_nodes);
    if (!sel.ok()) return sel.status();
    ExportResult out;
    out.records = bib;
    out.format = bib ? a.format : ExportFormatName(*fmt);
    out.nodes = sel->nodes.size();
    out.edges = sel->edges.size();
    if (max_nodes && sel->nodes.size() == max_nodes) {
      // Cut when there was more to take: ask again without the cap.
      auto all = Select(v, kg, a, *mask, 0);
      if (all.ok()) out.truncated = Distinct(all->nodes) > sel->nodes.size();
    }
    if (Status s = v.CheckDeadline(); !s.ok()) return s;
    if (bib) {
      // Bibliographic formats: the records of the selected documents.
      std::vector<Document> records;
      for (uint32_t n : sel->nodes)
        if (const Document* d = v.Record(n)) records.push_back(*d);
      if (wos) {  // Web of Science records are papers' records
        out.skipped_not_papers = records.size();
        records.erase(std::remove_if(records.begin(), records.end(),
                                     [](const Document& d) { return d.kind != Kind::kPaper; }),
                      records.end());
        out.skipped_not_papers -= records.size();
      }
      out.record_count = records.size();
      std::ostringstream text;
      if (wos) {
        WriteWosPlainText(records, text);
        out.parts.push_back(Part("", ".txt", "text/plain", text.str()));
      } else if (a.format == "ris") {
        WriteRis(records, text);
        out.parts.push_back(Part("", ".ris", "application/x-research-info-systems", text.str()));
      } else if (a.format == "bibtex" || a.format == "bib") {
        WriteBibtex(records, text);
        out.parts.push_back(Part("", ".bib", "application/x-bibtex", text.str()));
      } else {
        WriteCslJson(records, text);
        out.parts.push_back(Part("", ".json", "application/vnd.citationstyles.csl+json", text.str()));
      }
      return out;
    }
    std::ostringstream one, two;
    switch (*fmt) {
      case ExportFormat::kGraphML:
        WriteGraphML(kg, *sel, one);
        out.parts.push_back(Part("", ".graphml", "application/graphml+xml", one.str()));
        break;
      case ExportFormat::kGexf:
        WriteGexf(kg, *sel, one);
        out.parts.push_back(Part("", ".gexf", "application/gexf+xml", one.str()));
        break;
      case ExportFormat::kDot:
        WriteDot(kg, *sel, one);
        out.parts.push_back(Part("", ".dot", "text/vnd.graphviz", one.str()));
        break;
      case ExportFormat::kJson:
        WriteJson(kg, *sel, one);
        out.parts.push_back(Part("", ".json", "application/json", one.str()));
        break;
      case ExportFormat::kPajek:
        WritePajek(kg, *sel, one);
        out.parts.push_back(Part("", ".net", "text/plain", one.str()));
        break;
      case ExportFormat::kCsv:
        WriteCsv(kg, *sel, one, two);
        out.parts.push_back(Part("nodes", ".csv", "text/csv", one.str()));
        out.parts.push_back(Part("relationships", ".csv", "text/csv", two.str()));
        break;
      case ExportFormat::kVosviewer:
        WriteVosviewer(kg, *sel, one, two);
        out.parts.push_back(Part("map", ".txt", "text/plain", one.str()));
        out.parts.push_back(Part("network", ".txt", "text/plain", two.str()));
        break;
    }
    return out;
  });
}

Result<RenderResult> Render(Session& session, const RenderRequest& req) {
  if (Status s = CheckNotEmpty(req.id, "id", kExpectNode); !s.ok()) return s;
  if (req.depth < 1 || req.depth > 4)
    return Status::InvalidArgument("depth wants 1 to 4, got " + std::to_string(req.depth));
  if (req.max_nodes == 0) return Status::InvalidArgument("--max-nodes wants at least 1");
  auto mask = ParseEdges(req.edge, kAllEdges & ~Bit(EdgeType::kIssuedBy));
  if (!mask.ok()) return mask.status();
  return session.Read([&](View& v) -> Result<RenderResult> {
    auto g = v.graph();
    if (!g.ok()) return g.status();
    const KnowledgeGraph& kg = **g;
    auto n = v.Resolve(req.id);
    if (!n.ok()) return n.status();
    Selection sel = SelectAround(kg, *n, req.depth, *mask, req.max_nodes);
    RenderResult out;
    out.nodes = sel.nodes.size();
    out.edges = sel.edges.size();
    out.reachable = out.nodes;
    if (out.nodes == req.max_nodes) {
      out.reachable = SelectAround(kg, *n, req.depth, *mask, SIZE_MAX).nodes.size();
      out.truncated = out.reachable > out.nodes;
    }
    std::ostringstream dot;
    WriteDot(kg, sel, dot);
    out.dot = dot.str();
    return out;
  });
}

}  // namespace lodestone::query
