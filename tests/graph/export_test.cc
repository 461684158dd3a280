#include "lodestone/graph/export.h"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlstring.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace lodestone {
namespace {

// Every character XML must escape, an apostrophe, non-ASCII text, and bytes
// XML 1.0 cannot carry at all (a C0 control, a vertical tab, a stray 0xFF).
const std::string kNastyTitle =
    "Safe & <Secure> \"Critical\" Minerals d'Amérique \xE7\xA8\x80\xE5\x9C\x9F\x01\x0B\xFF";
// What an XML reader should get back: controls dropped, 0xFF replaced by U+FFFD.
const std::string kNastyTitleInXml =
    "Safe & <Secure> \"Critical\" Minerals d'Amérique \xE7\xA8\x80\xE5\x9C\x9F\xEF\xBF\xBD";

Node Doc(const std::string& id, const std::string& name) {
  Node n;
  n.id = id;
  n.type = id.substr(0, id.find(':'));
  n.name = name;
  n.kind = "executive_order";
  n.date = "2021-02-24";
  n.external = false;
  return n;
}

Node Ext(const std::string& id, const std::string& name) {
  Node n;
  n.id = id;
  n.type = id.substr(0, id.find(':'));
  n.name = name;
  return n;
}

// eo:14017 (0) -mentions x3-> mineral:lithium (1); eo:14017 -cites/revokes-> eo:13817 (2).
KnowledgeGraph Tiny(const std::string& title = kNastyTitle) {
  std::vector<Node> nodes = {Doc("eo:14017", title), Ext("mineral:lithium", "Lithium"),
                             Ext("eo:13817", "Executive Order 13817")};
  std::vector<Edge> edges = {
      {0, 1, EdgeType::kMentions, 3}, {0, 2, EdgeType::kCites, 1}, {0, 2, EdgeType::kRevokes, 1}};
  return KnowledgeGraph::FromParts(std::move(nodes), std::move(edges), "stamp");
}

// ---------------------------------------------------------------------------
// XML helpers (libxml2, an independent parser).

using XmlDoc = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

XmlDoc Parse(const std::string& text) {
  return XmlDoc(xmlReadMemory(text.data(), static_cast<int>(text.size()), "export.xml", nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
                &xmlFreeDoc);
}

std::string Name(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return "<absent>";
  std::string s = reinterpret_cast<const char*>(v);
  xmlFree(v);
  return s;
}

std::string Text(const xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return s;
}

// Elements with this local name, in document order.
void Collect(const xmlNode* n, const std::string& name, std::vector<const xmlNode*>* out) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (Name(n) == name) out->push_back(n);
    Collect(n->children, name, out);
  }
}

std::vector<const xmlNode*> All(const XmlDoc& doc, const std::string& name) {
  std::vector<const xmlNode*> out;
  Collect(xmlDocGetRootElement(doc.get()), name, &out);
  return out;
}

bool ValidUtf8(const std::string& s) { return xmlCheckUTF8(reinterpret_cast<const xmlChar*>(s.c_str())) != 0; }

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// ---------------------------------------------------------------------------

TEST(ExportFormatTest, NamesRoundTrip) {
  for (auto f : {ExportFormat::kGraphML, ExportFormat::kGexf, ExportFormat::kDot, ExportFormat::kJson,
                 ExportFormat::kCsv, ExportFormat::kPajek}) {
    auto back = ExportFormatFromName(ExportFormatName(f));
    ASSERT_TRUE(back.has_value()) << ExportFormatName(f);
    EXPECT_EQ(*back, f);
  }
  EXPECT_EQ(ExportFormatFromName("net"), ExportFormat::kPajek);
  EXPECT_FALSE(ExportFormatFromName("xlsx").has_value());
  EXPECT_FALSE(ExportFormatFromName("").has_value());
}

TEST(ExportTest, GraphMLIsWellFormedAndEscaped) {
  const KnowledgeGraph kg = Tiny();
  std::ostringstream out;
  WriteGraphML(kg, SelectAll(kg), out);
  XmlDoc doc = Parse(out.str());
  ASSERT_TRUE(doc) << out.str();

  std::set<std::string> keys;
  for (const xmlNode* k : All(doc, "key"))
    keys.insert(Attr(k, "for") + "/" + Attr(k, "attr.name") + "/" + Attr(k, "attr.type"));
  for (const char* want : {"node/type/string", "node/name/string", "node/kind/string", "node/date/string",
                           "node/external/boolean", "edge/type/string", "edge/count/int"})
    EXPECT_TRUE(keys.count(want)) << want;
  auto graphs = All(doc, "graph");
  ASSERT_EQ(graphs.size(), 1u);
  EXPECT_EQ(Attr(graphs[0], "edgedefault"), "directed");

  // Key ids -> attr.name, to read <data> by meaning.
  std::map<std::string, std::string> key_name;
  for (const xmlNode* k : All(doc, "key")) key_name[Attr(k, "id")] = Attr(k, "for") + "/" + Attr(k, "attr.name");
  auto data = [&](const xmlNode* el, const std::string& want) {
    for (const xmlNode* c = el->children; c; c = c->next)
      if (c->type == XML_ELEMENT_NODE && Name(c) == "data" && key_name[Attr(c, "key")] == want) return Text(c);
    return std::string("<absent>");
  };

  auto nodes = All(doc, "node");
  ASSERT_EQ(nodes.size(), 3u);
  EXPECT_EQ(Attr(nodes[0], "id"), "eo:14017");
  EXPECT_EQ(data(nodes[0], "node/name"), kNastyTitleInXml);
  EXPECT_EQ(data(nodes[0], "node/kind"), "executive_order");
  EXPECT_EQ(data(nodes[0], "node/external"), "false");
  EXPECT_EQ(data(nodes[1], "node/external"), "true");

  auto edges = All(doc, "edge");
  ASSERT_EQ(edges.size(), 3u);
  std::set<std::string> ids;
  for (const xmlNode* e : edges) ids.insert(Attr(e, "id"));
  EXPECT_EQ(ids.size(), edges.size());
  EXPECT_EQ(Attr(edges[0], "source"), "eo:14017");
  EXPECT_EQ(Attr(edges[0], "target"), "mineral:lithium");
  EXPECT_EQ(data(edges[0], "edge/type"), "mentions");
  EXPECT_EQ(data(edges[0], "edge/count"), "3");
}

TEST(ExportTest, GexfIsWellFormedAndEscaped) {
  const KnowledgeGraph kg = Tiny();
  std::ostringstream out;
  WriteGexf(kg, SelectAll(kg), out);
  XmlDoc doc = Parse(out.str());
  ASSERT_TRUE(doc) << out.str();
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  ASSERT_TRUE(root->ns);
  // issue 12: 1.2draft, because networkx 2.8 finds no <graph> in a GEXF 1.3 file.
  EXPECT_STREQ(reinterpret_cast<const char*>(root->ns->href), "http://www.gexf.net/1.2draft");
  EXPECT_EQ(Attr(root, "version"), "1.2");

  auto graphs = All(doc, "graph");
  ASSERT_EQ(graphs.size(), 1u);
  EXPECT_EQ(Attr(graphs[0], "defaultedgetype"), "directed");
  EXPECT_EQ(Attr(graphs[0], "mode"), "static");

  std::map<std::string, std::string> node_attr;  // id -> title
  std::set<std::string> node_titles;
  for (const xmlNode* a : All(doc, "attributes")) {
    if (Attr(a, "class") != "node") continue;
    for (const xmlNode* c = a->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      node_attr[Attr(c, "id")] = Attr(c, "title");
      node_titles.insert(Attr(c, "title") + "/" + Attr(c, "type"));
    }
  }
  for (const char* want : {"type/string", "name/string", "kind/string", "date/string", "external/boolean"})
    EXPECT_TRUE(node_titles.count(want)) << want;

  auto nodes = All(doc, "node");
  ASSERT_EQ(nodes.size(), 3u);
  EXPECT_EQ(Attr(nodes[0], "id"), "eo:14017");
  EXPECT_EQ(Attr(nodes[0], "label"), kNastyTitleInXml);
  std::map<std::string, std::string> values;
  std::vector<const xmlNode*> attvalues;
  Collect(nodes[0]->children, "attvalue", &attvalues);
  for (const xmlNode* av : attvalues) values[node_attr[Attr(av, "for")]] = Attr(av, "value");
  EXPECT_EQ(values["name"], kNastyTitleInXml);
  EXPECT_EQ(values["external"], "false");
  EXPECT_EQ(values["date"], "2021-02-24");

  auto edges = All(doc, "edge");
  ASSERT_EQ(edges.size(), 3u);
  std::set<std::string> ids;
  for (const xmlNode* e : edges) ids.insert(Attr(e, "id"));
  EXPECT_EQ(ids.size(), edges.size());
  EXPECT_EQ(Attr(edges[0], "weight"), "3");
  EXPECT_EQ(Attr(edges[0], "label"), "mentions");
  EXPECT_EQ(Attr(edges[2], "label"), "revokes");
}

TEST(ExportTest, JsonFollowsTheContract) {
  const KnowledgeGraph kg = Tiny();
  std::ostringstream out;
  WriteJson(kg, SelectAll(kg), out);
  rapidjson::Document d;
  d.Parse(out.str().c_str());
  ASSERT_FALSE(d.HasParseError()) << out.str();
  ASSERT_TRUE(d.IsObject());
  ASSERT_TRUE(d.HasMember("nodes") && d["nodes"].IsArray());
  ASSERT_TRUE(d.HasMember("edges") && d["edges"].IsArray());
  const auto& nodes = d["nodes"];
  ASSERT_EQ(nodes.Size(), 3u);
  for (const auto& n : nodes.GetArray()) {
    for (const char* f : {"id", "type", "name", "kind", "date"})
      ASSERT_TRUE(n.HasMember(f) && n[f].IsString()) << f;
    ASSERT_TRUE(n.HasMember("external") && n["external"].IsBool());
  }
  EXPECT_STREQ(nodes[0]["id"].GetString(), "eo:14017");
  // JSON can carry controls (escaped); only the invalid 0xFF byte is replaced.
  EXPECT_EQ(std::string(nodes[0]["name"].GetString(), nodes[0]["name"].GetStringLength()),
            kNastyTitle.substr(0, kNastyTitle.size() - 1) + "\xEF\xBF\xBD");
  EXPECT_FALSE(nodes[0]["external"].GetBool());
  EXPECT_STREQ(nodes[1]["kind"].GetString(), "");
  EXPECT_STREQ(nodes[1]["date"].GetString(), "");
  EXPECT_TRUE(nodes[1]["external"].GetBool());

  const auto& edges = d["edges"];
  ASSERT_EQ(edges.Size(), 3u);
  for (const auto& e : edges.GetArray()) {
    for (const char* f : {"source", "target", "type"}) ASSERT_TRUE(e.HasMember(f) && e[f].IsString()) << f;
    ASSERT_TRUE(e.HasMember("count") && e["count"].IsUint());
  }
  EXPECT_STREQ(edges[0]["source"].GetString(), "eo:14017");
  EXPECT_STREQ(edges[0]["target"].GetString(), "mineral:lithium");
  EXPECT_STREQ(edges[0]["type"].GetString(), "mentions");
  EXPECT_EQ(edges[0]["count"].GetUint(), 3u);
}

TEST(ExportTest, CsvHasNeo4jHeadersAndQuotes) {
  const KnowledgeGraph kg = Tiny("Securing Supply, \"Critical\" Minerals");
  std::ostringstream nodes, edges;
  WriteCsv(kg, SelectAll(kg), nodes, edges);
  auto nl = Lines(nodes.str());
  ASSERT_EQ(nl.size(), 4u);
  EXPECT_EQ(nl[0], "id:ID,name,type,kind,date,external:boolean,:LABEL");
  EXPECT_EQ(nl[1],
            "eo:14017,\"Securing Supply, \"\"Critical\"\" Minerals\",eo,executive_order,2021-02-24,false,Document");
  EXPECT_EQ(nl[2], "mineral:lithium,Lithium,mineral,,,true,Mineral");
  EXPECT_EQ(nl[3], "eo:13817,Executive Order 13817,eo,,,true,Authority");

  auto el = Lines(edges.str());
  ASSERT_EQ(el.size(), 4u);
  EXPECT_EQ(el[0], ":START_ID,:END_ID,:TYPE,count:int");
  EXPECT_EQ(el[1], "eo:14017,mineral:lithium,MENTIONS,3");
  EXPECT_EQ(el[2], "eo:14017,eo:13817,CITES,1");
  EXPECT_EQ(el[3], "eo:14017,eo:13817,REVOKES,1");
}

TEST(ExportTest, CsvQuotesLineBreaks) {
  const KnowledgeGraph kg = Tiny("Two\nlines");
  std::ostringstream nodes, edges;
  WriteCsv(kg, SelectAll(kg), nodes, edges);
  EXPECT_NE(nodes.str().find(",\"Two\nlines\","), std::string::npos) << nodes.str();
}

TEST(ExportTest, PajekNumbersFromOneInSelectionOrder) {
  const KnowledgeGraph kg = Tiny();
  // eo:13817 first: Pajek numbers are positions in the selection, not node numbers.
  Selection sel = SelectInduced(kg, {2, 0}, kAllEdges);
  std::ostringstream out;
  WritePajek(kg, sel, out);
  auto l = Lines(out.str());
  ASSERT_EQ(l.size(), 6u) << out.str();
  EXPECT_EQ(l[0], "*Vertices 2");
  EXPECT_EQ(l[1], "1 \"eo:13817\"");
  EXPECT_EQ(l[2], "2 \"eo:14017\"");
  EXPECT_EQ(l[3], "*Arcs");
  EXPECT_EQ(l[4], "2 1 1");  // cites
  EXPECT_EQ(l[5], "2 1 1");  // revokes

  std::ostringstream all;
  WritePajek(kg, SelectAll(kg), all);
  auto a = Lines(all.str());
  ASSERT_EQ(a.size(), 8u);
  EXPECT_EQ(a[0], "*Vertices 3");
  EXPECT_EQ(a[4], "*Arcs");
  EXPECT_EQ(a[5], "1 2 3");
}

TEST(ExportTest, PajekReplacesQuotesInIds) {
  const KnowledgeGraph kg =
      KnowledgeGraph::FromParts({Ext("doc:a\"b", "x"), Ext("mineral:y", "y")}, {{0, 1, EdgeType::kMentions, 1}}, "s");
  std::ostringstream out;
  WritePajek(kg, SelectAll(kg), out);
  auto l = Lines(out.str());
  ASSERT_GE(l.size(), 2u);
  EXPECT_EQ(l[1], "1 \"doc:a'b\"");
}

TEST(ExportTest, DotShapesEscapesAndLabels) {
  const KnowledgeGraph kg = KnowledgeGraph::FromParts(
      {Doc("eo:14017", "Short \"title\" with \\ backslash"), Ext("mineral:lithium", "Lithium"),
       Ext("eo:13817", "Executive Order 13817"), Ext("agency:energy", "Energy"), Ext("country:cn", "China")},
      {{0, 1, EdgeType::kMentions, 3}, {0, 2, EdgeType::kRevokes, 1}, {0, 3, EdgeType::kDirects, 1},
       {0, 4, EdgeType::kMentions, 1}},
      "s");
  std::ostringstream out;
  WriteDot(kg, SelectAll(kg), out);
  const std::string s = out.str();
  EXPECT_EQ(s.rfind("digraph lodestone {", 0), 0u) << s;
  EXPECT_EQ(s.substr(s.size() - 2), "}\n");
  EXPECT_NE(s.find("\"eo:14017\" [label=\"Short \\\"title\\\" with \\\\ backslash\\neo:14017\", shape=box]"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("\"mineral:lithium\" [label=\"Lithium\\nmineral:lithium\", shape=ellipse]"), std::string::npos);
  EXPECT_NE(s.find("\"eo:13817\" [label=\"Executive Order 13817\\neo:13817\", shape=box, style=dashed]"),
            std::string::npos);
  EXPECT_NE(s.find("shape=hexagon"), std::string::npos);
  EXPECT_NE(s.find("shape=diamond"), std::string::npos);
  EXPECT_NE(s.find("\"eo:14017\" -> \"eo:13817\" [label=\"revokes\""), std::string::npos);
}

TEST(ExportTest, DotQuotesIds) {
  const KnowledgeGraph kg = KnowledgeGraph::FromParts({Ext("doc:a\"b\\c", "x")}, {}, "s");
  std::ostringstream out;
  WriteDot(kg, SelectAll(kg), out);
  EXPECT_NE(out.str().find("  \"doc:a\\\"b\\\\c\" ["), std::string::npos) << out.str();
}

TEST(ExportTest, DotShortensWithoutSplittingCharacters) {
  // Every offset into the name: 1-byte, 2-byte and 3-byte characters in turn,
  // so that whichever byte a naive cut lands on, some are mid-character.
  std::string name;
  for (int i = 0; i < 60; ++i) name += i % 3 == 0 ? "a" : i % 3 == 1 ? "\xC3\xA9" : "\xE7\xA8\x80";
  for (int shift = 0; shift < 3; ++shift) {
    const std::string title = std::string(shift, 'x') + name;
    const KnowledgeGraph kg = KnowledgeGraph::FromParts({Doc("eo:1", title)}, {}, "s");
    std::ostringstream out;
    WriteDot(kg, SelectAll(kg), out);
    const std::string s = out.str();
    size_t b = s.find("label=\"");
    ASSERT_NE(b, std::string::npos);
    b += 7;
    const size_t e = s.find("\\n", b);
    ASSERT_NE(e, std::string::npos);
    const std::string label = s.substr(b, e - b);
    EXPECT_TRUE(ValidUtf8(label)) << label;
    EXPECT_LE(xmlUTF8Strlen(reinterpret_cast<const xmlChar*>(label.c_str())), 40);
    EXPECT_GE(xmlUTF8Strlen(reinterpret_cast<const xmlChar*>(label.c_str())), 30);
    const std::string ellipsis = "\xE2\x80\xA6";
    ASSERT_GE(label.size(), ellipsis.size());
    EXPECT_EQ(label.substr(label.size() - ellipsis.size()), ellipsis);
    const std::string kept = label.substr(0, label.size() - ellipsis.size());
    EXPECT_EQ(title.compare(0, kept.size(), kept), 0) << "label is not a prefix of the title";
    EXPECT_TRUE(ValidUtf8(s));
  }
  // Short names are left alone.
  const KnowledgeGraph kg = KnowledgeGraph::FromParts({Doc("eo:1", "稀土 Élément")}, {}, "s");
  std::ostringstream out;
  WriteDot(kg, SelectAll(kg), out);
  EXPECT_NE(out.str().find("label=\"稀土 Élément\\neo:1\""), std::string::npos) << out.str();
}

// a=eo:1 (0), b=eo:2 (1), c=mineral:x (2), d=agency:y (3), e=country:z (4).
// a->c mentions, b->c mentions, a->b cites, a->b revokes, b->d directs, d->e is_a.
KnowledgeGraph Web() {
  return KnowledgeGraph::FromParts(
      {Doc("eo:1", "A"), Doc("eo:2", "B"), Ext("mineral:x", "X"), Ext("agency:y", "Y"), Ext("country:z", "Z")},
      {{0, 2, EdgeType::kMentions, 1},
       {1, 2, EdgeType::kMentions, 2},
       {0, 1, EdgeType::kCites, 1},
       {0, 1, EdgeType::kRevokes, 1},
       {1, 3, EdgeType::kDirects, 1},
       {3, 4, EdgeType::kIsA, 1}},
      "s");
}

std::set<std::string> NodeIds(const KnowledgeGraph& kg, const Selection& s) {
  std::set<std::string> out;
  for (uint32_t v : s.nodes) out.insert(kg.node(v).id);
  return out;
}

// "source>target:type" for each selected edge.
std::set<std::string> EdgeKeys(const KnowledgeGraph& kg, const Selection& s) {
  std::set<std::string> out;
  for (uint32_t e : s.edges) {
    const Edge& ed = kg.edge(e);
    out.insert(kg.node(ed.source).id + ">" + kg.node(ed.target).id + ":" + EdgeTypeName(ed.type));
  }
  return out;
}

TEST(SelectTest, AllIsEverything) {
  const KnowledgeGraph kg = Web();
  Selection s = SelectAll(kg);
  EXPECT_EQ(s.nodes, (std::vector<uint32_t>{0, 1, 2, 3, 4}));
  EXPECT_EQ(s.edges.size(), kg.num_edges());
}

TEST(SelectTest, AroundIncludesNonTreeEdges) {
  const KnowledgeGraph kg = Web();
  Selection s = SelectAround(kg, 0, 1, kAllEdges);
  EXPECT_EQ(s.nodes.front(), 0u);
  EXPECT_EQ(NodeIds(kg, s), (std::set<std::string>{"eo:1", "eo:2", "mineral:x"}));
  // b->c is not on the BFS tree from a, and only one of the parallel a->b
  // edges can be; all four join selected nodes.
  EXPECT_EQ(EdgeKeys(kg, s), (std::set<std::string>{"eo:1>mineral:x:mentions", "eo:2>mineral:x:mentions",
                                                    "eo:1>eo:2:cites", "eo:1>eo:2:revokes"}));
}

TEST(SelectTest, AroundRespectsDepth) {
  const KnowledgeGraph kg = Web();
  EXPECT_EQ(NodeIds(kg, SelectAround(kg, 0, 0, kAllEdges)), (std::set<std::string>{"eo:1"}));
  EXPECT_TRUE(SelectAround(kg, 0, 0, kAllEdges).edges.empty());
  EXPECT_EQ(NodeIds(kg, SelectAround(kg, 0, 2, kAllEdges)),
            (std::set<std::string>{"eo:1", "eo:2", "mineral:x", "agency:y"}));
  EXPECT_EQ(SelectAround(kg, 0, 3, kAllEdges).nodes.size(), 5u);
  // Reached against the direction of edges too: from the country back to b.
  EXPECT_EQ(NodeIds(kg, SelectAround(kg, 4, 2, kAllEdges)), (std::set<std::string>{"country:z", "agency:y", "eo:2"}));
}

TEST(SelectTest, AroundRespectsEdgeMask) {
  const KnowledgeGraph kg = Web();
  // Mentions only: a reaches b through c, and the citation edges between
  // them stay out although both ends are selected.
  Selection s = SelectAround(kg, 0, 2, Bit(EdgeType::kMentions));
  EXPECT_EQ(NodeIds(kg, s), (std::set<std::string>{"eo:1", "eo:2", "mineral:x"}));
  EXPECT_EQ(EdgeKeys(kg, s), (std::set<std::string>{"eo:1>mineral:x:mentions", "eo:2>mineral:x:mentions"}));
  Selection c = SelectAround(kg, 0, 5, kCitationEdges);
  EXPECT_EQ(NodeIds(kg, c), (std::set<std::string>{"eo:1", "eo:2"}));
  EXPECT_EQ(c.edges.size(), 2u);
}

TEST(SelectTest, AroundRespectsMaxNodesAndBadCenter) {
  const KnowledgeGraph kg = Web();
  Selection s = SelectAround(kg, 0, 5, kAllEdges, 2);
  EXPECT_EQ(s.nodes.size(), 2u);
  for (uint32_t e : s.edges) {
    EXPECT_TRUE(std::count(s.nodes.begin(), s.nodes.end(), kg.edge(e).source));
    EXPECT_TRUE(std::count(s.nodes.begin(), s.nodes.end(), kg.edge(e).target));
  }
  Selection none = SelectAround(kg, 99, 2, kAllEdges);
  EXPECT_TRUE(none.nodes.empty());
  EXPECT_TRUE(none.edges.empty());
}

TEST(SelectTest, InducedDedupesInOrder) {
  const KnowledgeGraph kg = Web();
  Selection s = SelectInduced(kg, {1, 0, 1, 2, 0}, Bit(EdgeType::kMentions));
  EXPECT_EQ(s.nodes, (std::vector<uint32_t>{1, 0, 2}));
  EXPECT_EQ(EdgeKeys(kg, s), (std::set<std::string>{"eo:1>mineral:x:mentions", "eo:2>mineral:x:mentions"}));
  Selection all = SelectInduced(kg, {1, 0, 2}, kAllEdges);
  EXPECT_EQ(all.edges.size(), 4u);
}

TEST(ExportTest, WritersSkipEdgesLeavingTheSelection) {
  // A hand-made selection that breaks the contract must not yield dangling
  // edges (GraphML/GEXF readers reject them) or out-of-range Pajek numbers.
  const KnowledgeGraph kg = Web();
  Selection bad{{0, 2, 0}, {0, 1, 2, 3}};  // duplicate node; edges to eo:2 (1) unselected
  std::ostringstream pajek, graphml;
  WritePajek(kg, bad, pajek);
  EXPECT_EQ(pajek.str(), "*Vertices 2\n1 \"eo:1\"\n2 \"mineral:x\"\n*Arcs\n1 2 1\n");
  WriteGraphML(kg, bad, graphml);
  XmlDoc doc = Parse(graphml.str());
  ASSERT_TRUE(doc);
  EXPECT_EQ(All(doc, "node").size(), 2u);
  EXPECT_EQ(All(doc, "edge").size(), 1u);
}


// ---------------------------------------------------------------------------
// Bibliometric networks (issue 15)

// Three papers: {王小明, Li, Haoqi} twice, {Li, Haoqi, a nasty label}.
BibliometricNetwork SmallNetwork() {
  std::vector<PaperItems> papers = {
      {"p1", 2018, {"王小明", "li, haoqi"}, {"王小明", "Li, Haoqi"}},
      {"p2", 2019, {"王小明", "li, haoqi"}, {"王小明", "Li, Haoqi"}},
      {"p3", 2021, {"li, haoqi", "nasty"}, {"Li, Haoqi", kNastyTitle + "\tand a tab"}},
  };
  auto n = BuildCoNetwork(papers, {});
  EXPECT_TRUE(n.ok());
  return n.ok() ? *n : BibliometricNetwork{};
}

TEST(NetworkExportTest, VosviewerMapHasClustersWeightsAndAverageYears) {
  const BibliometricNetwork net = SmallNetwork();
  ASSERT_EQ(net.nodes.size(), 3u);
  std::ostringstream map, network;
  WriteNetworkVosviewer(net, map, network);
  auto rows = Lines(map.str());
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0],
            "id\tlabel\tdescription\turl\tcluster\tweight<Links>\tweight<Total link strength>\t"
            "weight<Occurrences>\tscore<Avg. pub. year>");
  // Li, Haoqi: 2 links, strength 3, 3 papers, (2018 + 2019 + 2021) / 3.
  EXPECT_EQ(rows[1].substr(0, rows[1].find('\t', 2) + 1), "1\tLi, Haoqi\t");
  EXPECT_NE(rows[1].find("\t2\t3\t3\t2019.3333"), std::string::npos) << rows[1];
  EXPECT_NE(rows[2].find("王小明\t王小明"), std::string::npos) << rows[2];
  for (const auto& r : rows) {
    EXPECT_TRUE(ValidUtf8(r)) << r;
    EXPECT_EQ(std::count(r.begin(), r.end(), '\t'), 8) << r;  // the label's tab did not add a column
  }
  // Network file: item numbers from 1 and the raw link weights.
  auto links = Lines(network.str());
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0], "1\t2\t2");
  EXPECT_EQ(links[1], "1\t3\t1");
}

TEST(NetworkExportTest, GexfIsVersion12WithAttributes) {
  const BibliometricNetwork net = SmallNetwork();
  std::ostringstream out;
  WriteNetworkGexf(net, out);
  XmlDoc doc = Parse(out.str());
  ASSERT_TRUE(doc) << out.str();
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  ASSERT_TRUE(root->ns);
  EXPECT_STREQ(reinterpret_cast<const char*>(root->ns->href), "http://www.gexf.net/1.2draft");
  EXPECT_EQ(Attr(root, "version"), "1.2");
  EXPECT_EQ(Attr(All(doc, "graph")[0], "defaultedgetype"), "undirected");
  auto nodes = All(doc, "node");
  ASSERT_EQ(nodes.size(), 3u);
  EXPECT_EQ(Attr(nodes[0], "label"), "Li, Haoqi");
  std::map<std::string, std::string> values;
  std::vector<const xmlNode*> attvalues;
  Collect(nodes[0]->children, "attvalue", &attvalues);
  for (const xmlNode* av : attvalues) values[Attr(av, "for")] = Attr(av, "value");
  EXPECT_EQ(values["occurrences"], "3");
  EXPECT_EQ(values["cluster"], std::to_string(net.nodes[0].cluster));
  EXPECT_EQ(values["avg_year"], "2019.3333");
  EXPECT_EQ(values["total_link_strength"], "3");
  EXPECT_EQ(Attr(nodes[2], "label"), kNastyTitleInXml + "\tand a tab");
  auto edges = All(doc, "edge");
  ASSERT_EQ(edges.size(), 2u);
  EXPECT_EQ(Attr(edges[0], "weight"), "2");
  EXPECT_EQ(Attr(edges[0], "source"), "n0");
}

TEST(NetworkExportTest, GraphMLIsUndirectedWithAttributes) {
  const BibliometricNetwork net = SmallNetwork();
  std::ostringstream out;
  WriteNetworkGraphML(net, out);
  XmlDoc doc = Parse(out.str());
  ASSERT_TRUE(doc) << out.str();
  EXPECT_EQ(Attr(All(doc, "graph")[0], "edgedefault"), "undirected");
  std::set<std::string> keys;
  for (const xmlNode* k : All(doc, "key")) keys.insert(Attr(k, "attr.name"));
  for (const char* want : {"label", "occurrences", "cluster", "avg_year", "total_link_strength", "weight",
                           "association_strength"})
    EXPECT_TRUE(keys.count(want)) << want;
  auto nodes = All(doc, "node");
  ASSERT_EQ(nodes.size(), 3u);
  EXPECT_EQ(Text(nodes[1]->children), "王小明");
  EXPECT_EQ(All(doc, "edge").size(), 2u);
}

}  // namespace
}  // namespace lodestone
