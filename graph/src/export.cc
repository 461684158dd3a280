#include "lodestone/graph/export.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <cctype>
#include <string_view>

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/writer.h>

#include "lodestone/graph/algorithms.h"
#include "lodestone/graph/ids.h"

namespace lodestone {

namespace {

// ---------------------------------------------------------------------------
// Text hygiene. Titles come from PDFs and web pages: they may hold invalid
// UTF-8 or control characters, which XML 1.0 forbids outright and which make
// JSON, DOT and CSV readers choke. Every writer passes text through here.

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 when the bytes
// are not well-formed UTF-8 (overlongs, surrogates and > U+10FFFF included).
size_t DecodeUtf8(std::string_view s, size_t i, uint32_t* cp) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const auto cont = [&](size_t k) { return i + k < s.size() && (b(k) & 0xC0) == 0x80; };
  const unsigned char c = b(0);
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF && cont(1)) {
    *cp = ((c & 0x1Fu) << 6) | (b(1) & 0x3Fu);
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF && cont(1) && cont(2)) {
    if (c == 0xE0 && b(1) < 0xA0) return 0;  // overlong
    if (c == 0xED && b(1) > 0x9F) return 0;  // UTF-16 surrogate
    *cp = ((c & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu);
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    if (c == 0xF0 && b(1) < 0x90) return 0;  // overlong
    if (c == 0xF4 && b(1) > 0x8F) return 0;  // beyond U+10FFFF
    *cp = ((c & 0x07u) << 18) | ((b(1) & 0x3Fu) << 12) | ((b(2) & 0x3Fu) << 6) | (b(3) & 0x3Fu);
    return 4;
  }
  return 0;
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Valid UTF-8: malformed bytes become U+FFFD. With `xml_chars`, characters
// outside XML 1.0's Char production (C0 controls other than tab, LF, CR, and
// U+FFFE/U+FFFF) are dropped; with `flatten`, tab/LF/CR become spaces too.
std::string CleanText(std::string_view s, bool xml_chars, bool flatten = false) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = 0;
    size_t n = DecodeUtf8(s, i, &cp);
    if (n == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    const bool ws = cp == '\t' || cp == '\n' || cp == '\r';
    if (flatten && ws) {
      out += ' ';
    } else if (xml_chars && ((cp < 0x20 && !ws) || cp == 0xFFFE || cp == 0xFFFF)) {
      // dropped: no XML 1.0 reader accepts it, even as a character reference
    } else {
      out.append(s.data() + i, n);
    }
    i += n;
  }
  return out;
}

// Text for XML content and attribute values (both quote kinds escaped, so
// the same function serves either).
std::string Xml(std::string_view s) {
  std::string clean = CleanText(s, /*xml_chars=*/true);
  std::string out;
  out.reserve(clean.size() + 8);
  for (char c : clean) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      // Attribute-value normalisation would turn raw whitespace into spaces.
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default: out += c;
    }
  }
  return out;
}

// A DOT double-quoted string's body: backslash and quote escaped (a lone
// backslash would otherwise start an escString like \N or \l).
std::string DotEscape(std::string_view s) {
  std::string clean = CleanText(s, /*xml_chars=*/true, /*flatten=*/true);
  std::string out;
  out.reserve(clean.size() + 2);
  for (char c : clean) {
    if (c == '\\' || c == '"') out += '\\';
    out += c;
  }
  return out;
}

// At most `max_chars` code points of valid UTF-8 text; a cut one ends in
// "…". Cuts only at code-point boundaries, so no character is split.
std::string Shorten(const std::string& s, size_t max_chars) {
  size_t chars = 0, cut = std::string::npos;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (chars == max_chars - 1) cut = i;
    if (++chars > max_chars) {
      std::string out = s.substr(0, cut);
      while (!out.empty() && out.back() == ' ') out.pop_back();
      return out + "\xE2\x80\xA6";  // U+2026
    }
  }
  return s;
}

// RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled.
std::string Csv(std::string_view raw) {
  std::string s = CleanText(raw, /*xml_chars=*/true);  // controls serve no reader
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

// A number as the tools read it: integers without a fraction, others with
// at most four decimals (VOSviewer's precision), NaN as nothing.
std::string Number(double x) {
  if (std::isnan(x)) return {};
  char buf[64];
  if (std::isfinite(x) && x == std::floor(x) && std::fabs(x) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", x);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%.4f", x);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

// ---------------------------------------------------------------------------
// Node classification shared by the writers.

bool IsEntityType(const std::string& type) {
  return type == "mineral" || type == "agency" || type == "country" || type == "person" || type == "concept";
}

// neo4j label: corpus documents, entities by type, and everything else that
// is only cited (eo:13817 outside the corpus, usc:..., cfr:...) an authority.
std::string Neo4jLabel(const Node& n) {
  if (!n.external) return "Document";
  if (IsEntityType(n.type)) {
    std::string label = n.type;
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    return label;
  }
  return "Authority";
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// The selection as written: nodes deduplicated and in range, edges in range
// with both ends among them (the Selection contract, enforced so that a
// hand-made Selection can never produce a dangling edge or a duplicate id).
// pos[v] is v's 0-based position among the nodes, UINT32_MAX if absent.
struct Resolved {
  std::vector<uint32_t> nodes;
  std::vector<uint32_t> edges;
  std::vector<uint32_t> pos;
};

Resolved Resolve(const KnowledgeGraph& kg, const Selection& sel) {
  Resolved r;
  r.pos.assign(kg.num_nodes(), UINT32_MAX);
  r.nodes.reserve(sel.nodes.size());
  for (uint32_t v : sel.nodes) {
    if (v >= kg.num_nodes() || r.pos[v] != UINT32_MAX) continue;
    r.pos[v] = static_cast<uint32_t>(r.nodes.size());
    r.nodes.push_back(v);
  }
  r.edges.reserve(sel.edges.size());
  for (uint32_t e : sel.edges) {
    if (e >= kg.num_edges()) continue;
    const Edge& ed = kg.edge(e);
    if (r.pos[ed.source] != UINT32_MAX && r.pos[ed.target] != UINT32_MAX) r.edges.push_back(e);
  }
  return r;
}

// Edges of mask among the nodes marked in `in`, in edge-number order.
std::vector<uint32_t> EdgesAmong(const KnowledgeGraph& kg, const std::vector<uint32_t>& nodes,
                                 const std::vector<uint8_t>& in, EdgeMask mask) {
  std::vector<uint32_t> edges;
  for (uint32_t v : nodes)
    for (uint32_t e : kg.OutEdges(v, mask))
      if (in[kg.edge(e).target]) edges.push_back(e);
  std::sort(edges.begin(), edges.end());
  return edges;
}

}  // namespace

Selection SelectAll(const KnowledgeGraph& kg) {
  Selection s;
  s.nodes.resize(kg.num_nodes());
  for (uint32_t v = 0; v < kg.num_nodes(); ++v) s.nodes[v] = v;
  s.edges.resize(kg.num_edges());
  for (uint32_t e = 0; e < kg.num_edges(); ++e) s.edges[e] = e;
  return s;
}

Selection SelectAround(const KnowledgeGraph& kg, uint32_t center, uint32_t depth, EdgeMask mask, size_t max_nodes) {
  Selection s;
  std::vector<uint8_t> in(kg.num_nodes(), 0);
  for (const Reached& r : Neighborhood(kg, center, depth, mask, max_nodes)) {
    s.nodes.push_back(r.node);
    in[r.node] = 1;
  }
  // All edges among the reached nodes, not just the BFS tree: a document
  // that both cites and revokes another shows both.
  s.edges = EdgesAmong(kg, s.nodes, in, mask);
  return s;
}

Selection SelectInduced(const KnowledgeGraph& kg, const std::vector<uint32_t>& nodes, EdgeMask mask) {
  Selection s;
  std::vector<uint8_t> in(kg.num_nodes(), 0);
  for (uint32_t v : nodes) {
    if (v >= kg.num_nodes() || in[v]) continue;
    in[v] = 1;
    s.nodes.push_back(v);
  }
  s.edges = EdgesAmong(kg, s.nodes, in, mask);
  return s;
}

std::optional<ExportFormat> ExportFormatFromName(const std::string& name) {
  std::string n = name;
  for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (n == "graphml") return ExportFormat::kGraphML;
  if (n == "gexf") return ExportFormat::kGexf;
  if (n == "dot") return ExportFormat::kDot;
  if (n == "json") return ExportFormat::kJson;
  if (n == "csv") return ExportFormat::kCsv;
  if (n == "pajek" || n == "net") return ExportFormat::kPajek;
  if (n == "vosviewer" || n == "vos") return ExportFormat::kVosviewer;
  return std::nullopt;
}

const char* ExportFormatName(ExportFormat f) {
  switch (f) {
    case ExportFormat::kGraphML: return "graphml";
    case ExportFormat::kGexf: return "gexf";
    case ExportFormat::kDot: return "dot";
    case ExportFormat::kJson: return "json";
    case ExportFormat::kCsv: return "csv";
    case ExportFormat::kPajek: return "pajek";
    case ExportFormat::kVosviewer: return "vosviewer";
  }
  return "?";
}

void WriteGraphML(const KnowledgeGraph& kg, const Selection& sel, std::ostream& out) {
  const Resolved r = Resolve(kg, sel);
  // Key ids are one namespace for the whole document, so the edge's "type"
  // gets its own id; readers go by attr.name.
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
         "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
         "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
         "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
         "  <key id=\"date\" for=\"node\" attr.name=\"date\" attr.type=\"string\"/>\n"
         "  <key id=\"external\" for=\"node\" attr.name=\"external\" attr.type=\"boolean\"/>\n"
         "  <key id=\"etype\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
         "  <key id=\"count\" for=\"edge\" attr.name=\"count\" attr.type=\"int\"/>\n"
         "  <graph id=\"lodestone\" edgedefault=\"directed\">\n";
  for (uint32_t v : r.nodes) {
    const Node& n = kg.node(v);
    out << "    <node id=\"" << Xml(n.id) << "\">";
    out << "<data key=\"type\">" << Xml(n.type) << "</data>";
    out << "<data key=\"name\">" << Xml(n.name) << "</data>";
    if (!n.kind.empty()) out << "<data key=\"kind\">" << Xml(n.kind) << "</data>";
    if (!n.date.empty()) out << "<data key=\"date\">" << Xml(n.date) << "</data>";
    out << "<data key=\"external\">" << (n.external ? "true" : "false") << "</data></node>\n";
  }
  for (size_t i = 0; i < r.edges.size(); ++i) {
    const Edge& e = kg.edge(r.edges[i]);
    out << "    <edge id=\"e" << i << "\" source=\"" << Xml(kg.node(e.source).id) << "\" target=\""
        << Xml(kg.node(e.target).id) << "\"><data key=\"etype\">" << EdgeTypeName(e.type)
        << "</data><data key=\"count\">" << e.count << "</data></edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

void WriteGexf(const KnowledgeGraph& kg, const Selection& sel, std::ostream& out) {
  const Resolved r = Resolve(kg, sel);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n"
         "  <meta><creator>Lodestone</creator><description>index stamp "
      << Xml(kg.stamp())
      << "</description></meta>\n"
         "  <graph defaultedgetype=\"directed\" mode=\"static\">\n"
         "    <attributes class=\"node\">\n"
         "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
         "      <attribute id=\"name\" title=\"name\" type=\"string\"/>\n"
         "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
         "      <attribute id=\"date\" title=\"date\" type=\"string\"/>\n"
         "      <attribute id=\"external\" title=\"external\" type=\"boolean\"/>\n"
         "    </attributes>\n"
         "    <attributes class=\"edge\">\n"
         "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
         "      <attribute id=\"count\" title=\"count\" type=\"integer\"/>\n"
         "    </attributes>\n"
         "    <nodes>\n";
  for (uint32_t v : r.nodes) {
    const Node& n = kg.node(v);
    out << "      <node id=\"" << Xml(n.id) << "\" label=\"" << Xml(n.name) << "\"><attvalues>"
        << "<attvalue for=\"type\" value=\"" << Xml(n.type) << "\"/>"
        << "<attvalue for=\"name\" value=\"" << Xml(n.name) << "\"/>";
    if (!n.kind.empty()) out << "<attvalue for=\"kind\" value=\"" << Xml(n.kind) << "\"/>";
    if (!n.date.empty()) out << "<attvalue for=\"date\" value=\"" << Xml(n.date) << "\"/>";
    out << "<attvalue for=\"external\" value=\"" << (n.external ? "true" : "false") << "\"/></attvalues></node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  for (size_t i = 0; i < r.edges.size(); ++i) {
    const Edge& e = kg.edge(r.edges[i]);
    // kind keeps parallel edges of different types apart in Gephi, which reads it whatever the
    // declared version; it is a GEXF 1.3 attribute, and 1.2draft readers (networkx, graphology)
    // ignore it.
    const char* type = EdgeTypeName(e.type);
    out << "      <edge id=\"e" << i << "\" source=\"" << Xml(kg.node(e.source).id) << "\" target=\""
        << Xml(kg.node(e.target).id) << "\" kind=\"" << type << "\" label=\"" << type << "\" weight=\"" << e.count
        << "\"><attvalues><attvalue for=\"type\" value=\"" << type << "\"/><attvalue for=\"count\" value=\""
        << e.count << "\"/></attvalues></edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

void WriteDot(const KnowledgeGraph& kg, const Selection& sel, std::ostream& out) {
  const Resolved r = Resolve(kg, sel);
  out << "digraph lodestone {\n"
         "  node [fontsize=10];\n"
         "  edge [fontsize=8];\n";
  for (uint32_t v : r.nodes) {
    const Node& n = kg.node(v);
    const bool entity = IsEntityType(n.type);
    const char* shape = !entity                 ? "box"
                        : n.type == "mineral"   ? "ellipse"
                        : n.type == "agency"    ? "hexagon"
                        : n.type == "country"   ? "diamond"
                        : n.type == "person"    ? "octagon"
                                                : "ellipse";
    // Clean before shortening so that the cut counts real characters; the
    // "\n" between name and id is DOT's escaped newline.
    const std::string name = Shorten(CleanText(n.name, true, true), 40);
    out << "  \"" << DotEscape(n.id) << "\" [label=\"" << DotEscape(name) << "\\n" << DotEscape(n.id)
        << "\", shape=" << shape;
    // Entities are all "external" (not corpus documents); only a cited
    // document outside the corpus is drawn dashed.
    if (!entity && n.external) out << ", style=dashed";
    out << "];\n";
  }
  for (uint32_t ei : r.edges) {
    const Edge& e = kg.edge(ei);
    out << "  \"" << DotEscape(kg.node(e.source).id) << "\" -> \"" << DotEscape(kg.node(e.target).id)
        << "\" [label=\"" << EdgeTypeName(e.type) << "\"];\n";
  }
  out << "}\n";
}

void WriteJson(const KnowledgeGraph& kg, const Selection& sel, std::ostream& out) {
  const Resolved r = Resolve(kg, sel);
  rapidjson::OStreamWrapper os(out);
  rapidjson::Writer<rapidjson::OStreamWrapper> w(os);
  // RapidJSON copies bytes through unchecked; clean so the output is valid UTF-8.
  auto str = [&](const std::string& s) {
    std::string c = CleanText(s, /*xml_chars=*/false);
    w.String(c.data(), static_cast<rapidjson::SizeType>(c.size()));
  };
  w.StartObject();
  w.Key("nodes");
  w.StartArray();
  for (uint32_t v : r.nodes) {
    const Node& n = kg.node(v);
    w.StartObject();
    w.Key("id");
    str(n.id);
    w.Key("type");
    str(n.type);
    w.Key("name");
    str(n.name);
    w.Key("external");
    w.Bool(n.external);
    w.Key("kind");
    str(n.kind);
    w.Key("date");
    str(n.date);
    w.EndObject();
  }
  w.EndArray();
  w.Key("edges");
  w.StartArray();
  for (uint32_t ei : r.edges) {
    const Edge& e = kg.edge(ei);
    w.StartObject();
    w.Key("source");
    str(kg.node(e.source).id);
    w.Key("target");
    str(kg.node(e.target).id);
    w.Key("type");
    w.String(EdgeTypeName(e.type));
    w.Key("count");
    w.Uint(e.count);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  os.Flush();
  out << '\n';
}

void WriteCsv(const KnowledgeGraph& kg, const Selection& sel, std::ostream& nodes, std::ostream& edges) {
  const Resolved r = Resolve(kg, sel);
  nodes << "id:ID,name,type,kind,date,external:boolean,:LABEL\n";
  for (uint32_t v : r.nodes) {
    const Node& n = kg.node(v);
    nodes << Csv(n.id) << ',' << Csv(n.name) << ',' << Csv(n.type) << ',' << Csv(n.kind) << ',' << Csv(n.date) << ','
          << (n.external ? "true" : "false") << ',' << Neo4jLabel(n) << '\n';
  }
  edges << ":START_ID,:END_ID,:TYPE,count:int\n";
  for (uint32_t ei : r.edges) {
    const Edge& e = kg.edge(ei);
    edges << Csv(kg.node(e.source).id) << ',' << Csv(kg.node(e.target).id) << ',' << Upper(EdgeTypeName(e.type))
          << ',' << e.count << '\n';
  }
}

void WritePajek(const KnowledgeGraph& kg, const Selection& sel, std::ostream& out) {
  const Resolved r = Resolve(kg, sel);
  out << "*Vertices " << r.nodes.size() << '\n';
  for (size_t i = 0; i < r.nodes.size(); ++i) {
    // Pajek labels have no escape: a quote would end the label early.
    std::string id = CleanText(kg.node(r.nodes[i]).id, true, true);
    std::replace(id.begin(), id.end(), '"', '\'');
    out << (i + 1) << " \"" << id << "\"\n";
  }
  out << "*Arcs\n";
  for (uint32_t ei : r.edges) {
    const Edge& e = kg.edge(ei);
    out << (r.pos[e.source] + 1) << ' ' << (r.pos[e.target] + 1) << ' ' << e.count << '\n';
  }
}

void WriteVosviewerFiles(const VosviewerMap& map, const std::vector<VosviewerLink>& links, std::ostream& map_out,
                         std::ostream& network_out) {
  auto field = [](const std::string& s) {
    std::string c = CleanText(s, true, true);
    std::replace(c.begin(), c.end(), '\t', ' ');
    return c;
  };
  map_out << "id\tlabel\tdescription\turl";
  if (map.clusters) map_out << "\tcluster";
  for (const auto& w : map.weights) map_out << "\tweight<" << field(w) << ">";
  for (const auto& sc : map.scores) map_out << "\tscore<" << field(sc) << ">";
  map_out << "\n";
  for (size_t i = 0; i < map.items.size(); ++i) {
    const VosviewerMap::Item& it = map.items[i];
    map_out << (i + 1) << '\t' << field(it.label) << '\t' << field(it.description) << '\t' << field(it.url);
    if (map.clusters) map_out << '\t' << it.cluster;
    for (size_t k = 0; k < map.weights.size(); ++k) map_out << '\t' << Number(k < it.weights.size() ? it.weights[k] : NAN);
    for (size_t k = 0; k < map.scores.size(); ++k) map_out << '\t' << Number(k < it.scores.size() ? it.scores[k] : NAN);
    map_out << '\n';
  }
  for (const VosviewerLink& l : links) network_out << (l.a + 1) << '\t' << (l.b + 1) << '\t' << Number(l.strength) << '\n';
}

void WriteVosviewer(const KnowledgeGraph& kg, const Selection& sel, std::ostream& map, std::ostream& network) {
  const Resolved r = Resolve(kg, sel);
  // Links are undirected in VOSviewer: one line per pair, strength = the
  // number of typed edges between the two (citation networks: 1 or 2).
  std::map<std::pair<uint32_t, uint32_t>, uint32_t> strength;
  std::vector<uint32_t> cited(r.nodes.size(), 0), links(r.nodes.size(), 0);
  for (uint32_t ei : r.edges) {
    const Edge& e = kg.edge(ei);
    uint32_t a = r.pos[e.source], b = r.pos[e.target];
    if (e.type == EdgeType::kCites) ++cited[b];
    ++strength[{std::min(a, b), std::max(a, b)}];
  }
  for (const auto& [pair, n] : strength) ++links[pair.first], ++links[pair.second];
  VosviewerMap m;
  m.weights = {"Links", "Citations"};
  m.scores = {"Year"};
  for (size_t i = 0; i < r.nodes.size(); ++i) {
    const Node& n = kg.node(r.nodes[i]);
    VosviewerMap::Item it;
    it.label = Shorten(CleanText(n.name, true, true), 60);
    it.description = n.id;
    it.url = n.type == "doi" ? "https://doi.org/" + n.id.substr(4) : std::string();
    it.weights = {static_cast<double>(links[i]), static_cast<double>(cited[i])};
    it.scores = {n.date.size() >= 4 && std::isdigit(static_cast<unsigned char>(n.date[0])) ? std::stod(n.date.substr(0, 4)) : NAN};
    m.items.push_back(std::move(it));
  }
  std::vector<VosviewerLink> out;
  for (const auto& [pair, n] : strength) out.push_back({pair.first, pair.second, static_cast<double>(n)});
  WriteVosviewerFiles(m, out, map, network);
}

// ---------------------------------------------------------------------------
// Bibliometric networks (co-authorship, keywords, ...)

void WriteNetworkVosviewer(const BibliometricNetwork& net, std::ostream& map, std::ostream& network) {
  VosviewerMap m;
  m.clusters = net.options.cluster != ClusterMethod::kNone;
  m.weights = {"Links", "Total link strength", "Occurrences"};
  m.scores = {"Avg. pub. year"};
  for (const NetworkNode& n : net.nodes) {
    VosviewerMap::Item it;
    it.label = n.label;
    it.description = n.key;
    it.cluster = n.cluster;
    it.weights = {static_cast<double>(n.links), n.total_link_strength, static_cast<double>(n.occurrences)};
    it.scores = {n.avg_year > 0 ? n.avg_year : NAN};
    m.items.push_back(std::move(it));
  }
  std::vector<VosviewerLink> links;
  for (const NetworkLink& l : net.links) links.push_back({l.a, l.b, l.weight});
  WriteVosviewerFiles(m, links, map, network);
}

void WriteNetworkGexf(const BibliometricNetwork& net, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n"
         "  <meta><creator>Lodestone</creator><description>co-occurrence network, "
      << CountingName(net.options.counting) << " counting, clusters " << ClusterMethodName(net.options.cluster)
      << "</description></meta>\n"
         "  <graph defaultedgetype=\"undirected\" mode=\"static\">\n"
         "    <attributes class=\"node\">\n"
         "      <attribute id=\"occurrences\" title=\"occurrences\" type=\"integer\"/>\n"
         "      <attribute id=\"cluster\" title=\"cluster\" type=\"integer\"/>\n"
         "      <attribute id=\"avg_year\" title=\"avg_year\" type=\"double\"/>\n"
         "      <attribute id=\"links\" title=\"links\" type=\"integer\"/>\n"
         "      <attribute id=\"total_link_strength\" title=\"total_link_strength\" type=\"double\"/>\n"
         "    </attributes>\n"
         "    <attributes class=\"edge\">\n"
         "      <attribute id=\"strength\" title=\"association_strength\" type=\"double\"/>\n"
         "    </attributes>\n"
         "    <nodes>\n";
  for (size_t i = 0; i < net.nodes.size(); ++i) {
    const NetworkNode& n = net.nodes[i];
    out << "      <node id=\"n" << i << "\" label=\"" << Xml(n.label) << "\"><attvalues>"
        << "<attvalue for=\"occurrences\" value=\"" << n.occurrences << "\"/>"
        << "<attvalue for=\"cluster\" value=\"" << n.cluster << "\"/>";
    if (n.avg_year > 0) out << "<attvalue for=\"avg_year\" value=\"" << Number(n.avg_year) << "\"/>";
    out << "<attvalue for=\"links\" value=\"" << n.links << "\"/>"
        << "<attvalue for=\"total_link_strength\" value=\"" << Number(n.total_link_strength) << "\"/>"
        << "</attvalues></node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  for (size_t i = 0; i < net.links.size(); ++i) {
    const NetworkLink& l = net.links[i];
    out << "      <edge id=\"e" << i << "\" source=\"n" << l.a << "\" target=\"n" << l.b << "\" weight=\""
        << Number(l.weight) << "\"><attvalues><attvalue for=\"strength\" value=\"" << Number(l.strength)
        << "\"/></attvalues></edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

void WriteNetworkGraphML(const BibliometricNetwork& net, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
         "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
         "  <key id=\"key\" for=\"node\" attr.name=\"key\" attr.type=\"string\"/>\n"
         "  <key id=\"occurrences\" for=\"node\" attr.name=\"occurrences\" attr.type=\"int\"/>\n"
         "  <key id=\"cluster\" for=\"node\" attr.name=\"cluster\" attr.type=\"int\"/>\n"
         "  <key id=\"avg_year\" for=\"node\" attr.name=\"avg_year\" attr.type=\"double\"/>\n"
         "  <key id=\"links\" for=\"node\" attr.name=\"links\" attr.type=\"int\"/>\n"
         "  <key id=\"tls\" for=\"node\" attr.name=\"total_link_strength\" attr.type=\"double\"/>\n"
         "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
         "  <key id=\"strength\" for=\"edge\" attr.name=\"association_strength\" attr.type=\"double\"/>\n"
         "  <graph id=\"network\" edgedefault=\"undirected\">\n";
  for (size_t i = 0; i < net.nodes.size(); ++i) {
    const NetworkNode& n = net.nodes[i];
    out << "    <node id=\"n" << i << "\"><data key=\"label\">" << Xml(n.label) << "</data><data key=\"key\">"
        << Xml(n.key) << "</data><data key=\"occurrences\">" << n.occurrences << "</data><data key=\"cluster\">"
        << n.cluster << "</data>";
    if (n.avg_year > 0) out << "<data key=\"avg_year\">" << Number(n.avg_year) << "</data>";
    out << "<data key=\"links\">" << n.links << "</data><data key=\"tls\">" << Number(n.total_link_strength)
        << "</data></node>\n";
  }
  for (size_t i = 0; i < net.links.size(); ++i) {
    const NetworkLink& l = net.links[i];
    out << "    <edge id=\"e" << i << "\" source=\"n" << l.a << "\" target=\"n" << l.b << "\"><data key=\"weight\">"
        << Number(l.weight) << "</data><data key=\"strength\">" << Number(l.strength) << "</data></edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace lodestone
