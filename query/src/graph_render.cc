#include "lodestone/query/graph_render.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "json_writer.h"
#include "lodestone/query/render.h"

namespace lodestone {

namespace {
using query::internal::JsonWriter;

void NodeFields(JsonWriter& w, const Node& n) {
  w.Str("id", n.id);
  w.Str("type", n.type);
  w.Str("name", n.name);
  w.Str("kind", n.kind);
  w.Str("date", n.date);
  w.Key("external");
  w.Bool(n.external);
}

void EdgeObject(JsonWriter& w, const KnowledgeGraph& kg, uint32_t e) {
  const Edge& ed = kg.edge(e);
  w.StartObject();
  w.Str("source", kg.node(ed.source).id);
  w.Str("target", kg.node(ed.target).id);
  w.Str("type", EdgeTypeName(ed.type));
  w.Key("count");
  w.Uint(ed.count);
  w.EndObject();
}

void Linked(JsonWriter& w, const char* key, const std::vector<LinkedNode>& l) {
  w.Key(key);
  w.StartArray();
  for (const auto& n : l) {
    w.StartObject();
    w.Str("id", n.id);
    w.Str("name", n.name);
    if (!n.date.empty()) w.Str("date", n.date);
    w.EndObject();
  }
  w.EndArray();
}

// "Title (eo:14017, 2021-02-24)"
std::string Label(const Node& n, size_t max = 90) {
  std::string name = n.name;
  if (name.size() > max) {
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name = name.substr(0, cut) + "…";
  }
  std::string out = name == n.id ? n.id : name + " (" + n.id;
  if (!n.date.empty()) out += (name == n.id ? " (" : ", ") + n.date;
  if (name != n.id || !n.date.empty()) out += ")";
  return out;
}

std::string Fixed(double v, const char* fmt) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

std::string StatusLine(const DocStatus& st) {
  std::string out;
  if (st.state == "in_force") out = "in force";
  auto list = [](const std::vector<LinkedNode>& l) {
    std::string s;
    for (const auto& n : l) s += (s.empty() ? "" : ", ") + n.id + (n.date.empty() ? "" : " (" + n.date + ")");
    return s;
  };
  if (!st.revoked_by.empty()) out = "revoked by " + list(st.revoked_by);
  if (!st.superseded_by.empty()) out += (out.empty() ? "" : "; ") + std::string("superseded by ") + list(st.superseded_by);
  if (!st.amended_by.empty()) out += "; amended by " + list(st.amended_by);
  return out;
}

}  // namespace

// ---------------------------------------------------------------- trace

std::string TraceJson(GraphSession& s, const TraceResult& r, const TraceRequest& req) {
  const KnowledgeGraph& kg = s.graph();
  JsonWriter w;
  w.StartObject();
  w.Key("entity");
  w.StartObject();
  NodeFields(w, kg.node(r.entity));
  for (auto [key, list] : {std::pair<const char*, const std::vector<uint32_t>*>{"groups", &r.groups},
                           {"categories", &r.categories}}) {
    w.Key(key);
    w.StartArray();
    for (uint32_t g : *list) w.String(kg.node(g).id);
    w.EndArray();
  }
  w.EndObject();
  w.Str("as_of", req.as_of);
  w.Str("kind", req.kind);
  w.Str("sort", req.sort);
  w.Key("total");  // documents that matched; "documents" holds at most "limit" of them
  w.Uint64(r.total);
  w.Key("limit");
  w.Uint64(req.limit);
  w.Key("truncated");
  w.Bool(r.truncated());
  w.Key("counts");  // of all the matches, not only those listed
  w.StartObject();
  for (auto [via, n] : {std::pair<const char*, size_t>{"direct", r.direct}, {"group", r.group}, {"category", r.category}}) {
    w.Key(via);
    w.Uint64(n);
  }
  w.EndObject();
  w.Key("documents");
  w.StartArray();
  for (const auto& d : r.documents) {
    w.StartObject();
    w.Str("id", d.id);
    w.Str("source", d.source);
    w.Str("title", d.title);
    w.Str("kind", d.kind);
    w.Str("date", d.date);
    w.Str("president", d.president);
    w.Str("jurisdiction", d.jurisdiction);
    w.Str("via", d.via);
    w.Str("via_entity", d.via_entity);
    w.Str("evidence", d.evidence);
    w.Key("status");
    w.StartObject();
    w.Str("state", d.status.state);
    w.Key("in_force");
    w.Bool(d.status.in_force);
    w.Str("revoked_on", d.status.revoked_on);
    Linked(w, "revoked_by", d.status.revoked_by);
    Linked(w, "superseded_by", d.status.superseded_by);
    Linked(w, "amended_by", d.status.amended_by);
    w.EndObject();
    Linked(w, "directs", d.directs);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Line();
}

std::string TraceText(GraphSession& s, const TraceResult& r, const TraceRequest& req) {
  const KnowledgeGraph& kg = s.graph();
  std::ostringstream o;
  const Node& e = kg.node(r.entity);
  o << e.name << " (" << e.id << ")";
  if (!r.groups.empty()) {
    o << " — in";
    for (size_t i = 0; i < r.groups.size(); ++i) o << (i ? ", " : " ") << kg.node(r.groups[i]).name;
  }
  o << "\n";
  // "314 documents (showing 8)": the count is of all matches, never of the page.
  o << r.total << (r.total == 1 ? " document" : " documents")
    << (req.as_of.empty() ? "" : " in force on " + req.as_of) << (req.kind.empty() ? "" : " of kind " + req.kind)
    << (r.truncated() ? " (showing " + std::to_string(r.documents.size()) + ")" : "") << ": " << r.direct << " name it, " << r.group << " name a group it belongs to, " << r.category
    << " speak of the category" << (req.sort == "date" ? "; oldest first" : "; newest first within each") << "\n\n";
  std::string section;
  for (const auto& d : r.documents) {
    if (req.sort != "date" && d.via != section) {
      section = d.via;
      const size_t n = d.via == "direct" ? r.direct : d.via == "group" ? r.group : r.category;
      o << (d.via == "direct"  ? "Naming it"
            : d.via == "group" ? "Naming a group it belongs to"
                               : "Speaking of the category")
        << " (" << n << ")\n";
    }
    o << (d.date.empty() ? "          " : d.date) << "  " << Label(kg.node(d.node)) << "\n";
    o << "            " << d.kind << " · via " << d.via
      << (d.via == "direct" ? "" : " (" + kg.node(*kg.Find(d.via_entity)).name + ")") << " · " << StatusLine(d.status)
      << "\n";
    if (!d.directs.empty()) {
      std::string a;
      for (const auto& x : d.directs) a += (a.empty() ? "" : ", ") + x.name;
      o << WrapText("directs: " + a, 12, 100);
    }
    if (!d.evidence.empty()) o << WrapText("“" + d.evidence + "”", 12, 100);
  }
  if (r.documents.empty()) o << "(none)\n";
  return o.str();
}

// ---------------------------------------------------------------- neighbors

std::string NeighborsJson(GraphSession& s, const std::vector<Reached>& shown, uint32_t start, uint32_t depth,
                          size_t total) {
  const KnowledgeGraph& kg = s.graph();
  JsonWriter w;
  w.StartObject();
  w.Str("id", kg.node(start).id);
  w.Key("depth");
  w.Uint(depth);
  w.Key("total");
  w.Uint64(total);
  w.Key("nodes");
  w.StartArray();
  for (const auto& r : shown) {
    w.StartObject();
    NodeFields(w, kg.node(r.node));
    w.Key("depth");
    w.Uint(r.depth);
    if (r.via_edge != UINT32_MAX) {
      w.Key("via");
      EdgeObject(w, kg, r.via_edge);
      w.Str("evidence", s.Evidence(r.via_edge));
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Line();
}

std::string NeighborsText(GraphSession& s, const std::vector<Reached>& shown, uint32_t start, uint32_t depth,
                          size_t total) {
  const KnowledgeGraph& kg = s.graph();
  std::ostringstream o;
  o << Label(kg.node(start)) << ": " << total << " nodes within " << depth << (depth == 1 ? " hop" : " hops");
  if (shown.size() < total) o << " (showing " << shown.size() << ")";
  o << "\n";
  for (const auto& r : shown) {
    const Edge& e = kg.edge(r.via_edge);
    const bool out = e.target == r.node;  // reached along the edge's direction
    o << "  " << r.depth << "  " << (out ? "-[" : "<-[") << EdgeTypeName(e.type) << (out ? "]-> " : "]- ")
      << Label(kg.node(r.node), 70) << "\n";
    if (r.depth == 1) {
      std::string ev = s.Evidence(r.via_edge);
      if (!ev.empty()) o << WrapText("“" + ev + "”", 8, 100);
    }
  }
  return o.str();
}

// ---------------------------------------------------------------- path

std::string PathJson(GraphSession& s, uint32_t a, const std::vector<uint32_t>& edges) {
  const KnowledgeGraph& kg = s.graph();
  JsonWriter w;
  w.StartObject();
  w.Key("path");
  w.StartArray();
  uint32_t cur = a;
  w.StartObject();
  NodeFields(w, kg.node(cur));
  w.EndObject();
  for (uint32_t e : edges) {
    cur = kg.edge(e).source == cur ? kg.edge(e).target : kg.edge(e).source;
    w.StartObject();
    NodeFields(w, kg.node(cur));
    w.EndObject();
  }
  w.EndArray();
  w.Key("length");
  w.Uint64(edges.size());
  w.Key("hops");
  w.StartArray();
  for (uint32_t e : edges) {
    const Edge& ed = kg.edge(e);
    w.StartObject();
    w.Str("source", kg.node(ed.source).id);
    w.Str("target", kg.node(ed.target).id);
    w.Str("type", EdgeTypeName(ed.type));
    w.Key("count");
    w.Uint(ed.count);
    w.Str("evidence", s.Evidence(e));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Line();
}

std::string PathText(GraphSession& s, uint32_t a, const std::vector<uint32_t>& edges) {
  const KnowledgeGraph& kg = s.graph();
  std::ostringstream o;
  o << edges.size() << (edges.size() == 1 ? " hop" : " hops") << "\n" << Label(kg.node(a)) << "\n";
  uint32_t cur = a;
  for (uint32_t e : edges) {
    const Edge& ed = kg.edge(e);
    const bool forward = ed.source == cur;
    cur = forward ? ed.target : ed.source;
    o << "  " << (forward ? "-[" : "<-[") << EdgeTypeName(ed.type) << (forward ? "]-> " : "]- ") << Label(kg.node(cur))
      << "\n";
    std::string ev = s.Evidence(e);
    if (!ev.empty()) o << WrapText("“" + ev + "”", 6, 100);
  }
  return o.str();
}

// ---------------------------------------------------------------- cites / cited-by

std::string CitationsJson(GraphSession& s, uint32_t v, const std::vector<CitationEntry>& c, bool incoming) {
  const KnowledgeGraph& kg = s.graph();
  JsonWriter w;
  w.StartObject();
  w.Str("id", kg.node(v).id);
  w.Key(incoming ? "cited_by" : "citations");
  w.StartArray();
  for (const auto& e : c) {
    w.StartObject();
    NodeFields(w, kg.node(e.node));
    w.Key("count");
    w.Uint(e.count);
    w.Key("relations");
    w.StartArray();
    for (const auto& r : e.relations) w.String(r);
    w.EndArray();
    w.Str("evidence", e.evidence);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Line();
}

std::string CitationsText(GraphSession& s, uint32_t v, const std::vector<CitationEntry>& c, bool incoming) {
  const KnowledgeGraph& kg = s.graph();
  std::ostringstream o;
  size_t external = std::count_if(c.begin(), c.end(), [&](const CitationEntry& e) { return kg.node(e.node).external; });
  o << Label(kg.node(v)) << "\n";
  if (incoming)
    o << c.size() << " documents cite, revoke or amend it\n";
  else
    o << "cites " << c.size() << " works (" << (c.size() - external) << " in the corpus, " << external
      << " external)\n";
  for (const auto& e : c) {
    std::string rel;
    for (const auto& r : e.relations)
      if (r != "cites") rel += (rel.empty() ? "" : ",") + r;
    o << "  " << (kg.node(e.node).external ? "  " : "• ") << Label(kg.node(e.node), 70)
      << (rel.empty() ? "" : "  [" + rel + "]") << (e.count > 1 ? "  ×" + std::to_string(e.count) : "") << "\n";
  }
  if (!c.empty()) o << "(• in the corpus)\n";
  return o.str();
}

// ---------------------------------------------------------------- rank

std::string RankJson(GraphSession& s, const RankRequest& req, const RankResult& r) {
  const KnowledgeGraph& kg = s.graph();
  JsonWriter w;
  w.StartObject();
  w.Str("by", req.by);
  w.Str("type", req.type);
  if (req.by == "betweenness") {
    w.Key("approximate");
    w.Bool(r.approximate);
    w.Key("sources");
    w.Uint64(r.sources);
  }
  w.Key("edges");
  w.StartArray();
  for (int t = 0; t < kEdgeTypeCount; ++t)
    if (r.edges & (1u << t)) w.String(EdgeTypeName(static_cast<EdgeType>(t)));
  w.EndArray();
  w.Key("nodes");
  w.StartArray();
  for (size_t i = 0; i < r.nodes.size(); ++i) {
    w.StartObject();
    w.Key("rank");
    w.Uint64(i + 1);
    NodeFields(w, kg.node(r.nodes[i].node));
    w.Key("score");
    w.Double(r.nodes[i].score);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Line();
}

std::string RankText(GraphSession& s, const RankRequest& req, const RankResult& r) {
  const KnowledgeGraph& kg = s.graph();
  std::ostringstream o;
  std::string edges;
  for (int t = 0; t < kEdgeTypeCount; ++t)
    if (r.edges & (1u << t)) edges += (edges.empty() ? "" : ",") + std::string(EdgeTypeName(static_cast<EdgeType>(t)));
  o << "by " << req.by << " over " << edges << " edges" << (req.type.empty() ? "" : ", type " + req.type)
    << (r.approximate ? " (estimated from " + std::to_string(r.sources) + " sampled sources)" : "") << "\n";
  const char* fmt = req.by == "indegree" ? "%8.0f" : req.by == "pagerank" ? "%10.6f" : "%10.1f";
  for (size_t i = 0; i < r.nodes.size(); ++i)
    o << Fixed(static_cast<double>(i + 1), "%4.0f") << "  " << Fixed(r.nodes[i].score, fmt) << "  "
      << Label(kg.node(r.nodes[i].node), 70) << "\n";
  return o.str();
}

// ---------------------------------------------------------------- timeline

std::string TimelineJson(GraphSession& s, const TimelineResult& t, size_t limit, const std::string& by) {
  const KnowledgeGraph& kg = s.graph();
  JsonWriter w;
  w.StartObject();
  w.Str("id", t.subject ? kg.node(*t.subject).id : "");
  w.Str("by", by);
  w.Key("total");
  w.Uint64(t.documents.size());
  for (auto [key, m] : {std::pair<const char*, const std::map<std::string, uint64_t>*>{"by_year", &t.by_year},
                        {"by_president", &t.by_president},
                        {"by_jurisdiction", &t.by_jurisdiction}}) {
    w.Key(key);
    w.StartObject();
    for (const auto& [k, v] : *m) {
      w.String(k);
      w.Uint64(v);
    }
    w.EndObject();
  }
  w.Key("administrations");  // chronological; the terms are the knowledge base's
  w.StartArray();
  for (const auto& a : t.administrations) {
    w.StartObject();
    w.Str("president", a.administration.president);
    w.Str("name", a.administration.name);
    w.Str("from", a.administration.from);
    w.Str("to", a.administration.to);
    w.Key("documents");
    w.Uint64(a.documents);
    w.Key("by_jurisdiction");
    w.StartObject();
    for (const auto& [k, v] : a.by_jurisdiction) {
      w.String(k.empty() ? "none" : k);
      w.Uint64(v);
    }
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.Key("documents");
  w.StartArray();
  for (size_t i = 0; i < t.documents.size() && (limit == 0 || i < limit); ++i) {
    const Node& n = kg.node(t.documents[i]);
    w.StartObject();
    NodeFields(w, n);
    w.Str("president", n.president);
    w.Str("jurisdiction", n.jurisdiction);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Line();
}

namespace {

// "Joseph R. Biden   2021-01-20 – 2025-01-20"
std::string TermLabel(const Administration& a) {
  std::string name = a.name;
  if (name.size() < 24) name += std::string(24 - name.size(), ' ');
  if (a.from.empty()) return name;
  return name + "  " + a.from + " –" + (a.to.empty() ? "" : " " + a.to);
}

// The documents no administration holds, each count with what it is.
void CountedApart(std::ostringstream& o, const TimelineResult& t) {
  auto at = [](const std::map<std::string, uint64_t>& m, const char* k) -> uint64_t {
    auto it = m.find(k);
    return it == m.end() ? 0 : it->second;
  };
  uint64_t intl_with_president = 0;
  for (const auto& a : t.administrations) intl_with_president += at(a.by_jurisdiction, "intl");
  const std::pair<uint64_t, const char*> rows[] = {
      {at(t.by_president, "undated"), "U.S., undated (U.S. Code sections, ...)"},
      {at(t.by_president, "none"), "U.S., no president's (bills; before 1933)"},
      {at(t.by_jurisdiction, "cn"), "China (jurisdiction cn)"},
      {at(t.by_jurisdiction, "intl") - std::min(at(t.by_jurisdiction, "intl"), intl_with_president),
       "international, not released by a U.S. president (intl)"},
      {at(t.by_jurisdiction, "none"), "no jurisdiction (papers, other documents)"},
  };
  bool any = false;
  for (const auto& [n, what] : rows) {
    if (n == 0) continue;
    if (!any) o << "counted apart:\n";
    any = true;
    o << "  " << Fixed(static_cast<double>(n), "%6.0f") << "  " << what << "\n";
  }
}

void DocumentLine(std::ostringstream& o, const Node& n, const char* indent = "  ") {
  o << indent << (n.date.empty() ? "          " : n.date) << "  " << Label(n, 80) << "\n";
}

}  // namespace

std::string TimelineText(GraphSession& s, const TimelineResult& t, size_t limit, const std::string& by) {
  const KnowledgeGraph& kg = s.graph();
  std::ostringstream o;
  o << (t.subject ? Label(kg.node(*t.subject)) + ": " : std::string()) << t.documents.size() << " documents\n";
  if (by.empty() || by == "year") {
    uint64_t top = 1;
    for (const auto& [y, n] : t.by_year) top = std::max(top, n);
    o << "by year:\n";
    for (const auto& [y, n] : t.by_year)
      o << "  " << y << Fixed(static_cast<double>(n), " %6.0f ") << std::string(std::max<uint64_t>(1, n * 50 / top), '#')
        << "\n";
  }
  if (by.empty() || by == "president") {
    o << "by president (the one in office on the document's date, administrations in order):\n";
    for (const auto& a : t.administrations) {
      const auto intl = a.by_jurisdiction.find("intl");
      o << "  " << Fixed(static_cast<double>(a.documents), "%6.0f") << "  " << TermLabel(a.administration)
        << (intl != a.by_jurisdiction.end() ? "   (" + std::to_string(intl->second) + " joint: intl)" : "") << "\n";
      if (by == "president")
        for (size_t i = 0; i < a.nodes.size() && i < limit; ++i) DocumentLine(o, kg.node(a.nodes[i]), "          ");
      if (by == "president" && limit && a.nodes.size() > limit)
        o << "          … " << a.nodes.size() - limit << " more\n";
    }
    if (t.administrations.empty()) o << "  (none)\n";
    CountedApart(o, t);
  }
  if (limit && by != "president") {
    o << "documents (first " << std::min(limit, t.documents.size()) << "):\n";
    for (size_t i = 0; i < t.documents.size() && i < limit; ++i) DocumentLine(o, kg.node(t.documents[i]));
  }
  return o.str();
}

// ---------------------------------------------------------------- cooccur

std::string CooccurJson(GraphSession& s, uint32_t v, const std::vector<CoOccurrence>& c, size_t limit) {
  const KnowledgeGraph& kg = s.graph();
  JsonWriter w;
  w.StartObject();
  w.Str("id", kg.node(v).id);
  w.Key("documents");
  w.Uint64(kg.InEdges(v, Bit(EdgeType::kMentions)).size());
  w.Key("cooccurs");
  w.StartArray();
  for (size_t i = 0; i < c.size() && (limit == 0 || i < limit); ++i) {
    w.StartObject();
    NodeFields(w, kg.node(c[i].node));
    w.Key("shared");
    w.Uint(c[i].shared);
    w.Key("documents");
    w.Uint(c[i].documents);
    w.Key("jaccard");
    w.Double(c[i].jaccard);
    w.Key("lift");
    w.Double(c[i].lift);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Line();
}

std::string CooccurText(GraphSession& s, uint32_t v, const std::vector<CoOccurrence>& c, size_t limit) {
  const KnowledgeGraph& kg = s.graph();
  std::ostringstream o;
  o << Label(kg.node(v)) << ": named in " << kg.InEdges(v, Bit(EdgeType::kMentions)).size() << " documents\n";
  o << "  shared  jaccard    lift  entity\n";
  for (size_t i = 0; i < c.size() && (limit == 0 || i < limit); ++i)
    o << Fixed(c[i].shared, "%8.0f") << Fixed(c[i].jaccard, "%9.3f") << Fixed(c[i].lift, "%8.2f") << "  "
      << Label(kg.node(c[i].node), 60) << "\n";
  return o.str();
}

// ---------------------------------------------------------------- cocite / couple

std::string RelatedJson(GraphSession& s, uint32_t v, const std::vector<Related>& r, bool cocite, size_t limit) {
  const KnowledgeGraph& kg = s.graph();
  JsonWriter w;
  w.StartObject();
  w.Str("id", kg.node(v).id);
  w.Str("relation", cocite ? "cocitation" : "coupling");
  w.Key("degree");  // times v is cited (co-citation) or references v has (coupling)
  w.Uint64(cocite ? kg.InEdges(v, Bit(EdgeType::kCites)).size() : kg.OutEdges(v, Bit(EdgeType::kCites)).size());
  w.Key("related");
  w.StartArray();
  for (size_t i = 0; i < r.size() && (limit == 0 || i < limit); ++i) {
    w.StartObject();
    NodeFields(w, kg.node(r[i].node));
    w.Key("shared");
    w.Uint(r[i].shared);
    w.Key("degree");
    w.Uint(r[i].degree);
    w.Key("cosine");
    w.Double(r[i].cosine);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Line();
}

std::string RelatedText(GraphSession& s, uint32_t v, const std::vector<Related>& r, bool cocite, size_t limit) {
  const KnowledgeGraph& kg = s.graph();
  std::ostringstream o;
  const size_t degree =
      cocite ? kg.InEdges(v, Bit(EdgeType::kCites)).size() : kg.OutEdges(v, Bit(EdgeType::kCites)).size();
  o << Label(kg.node(v)) << (cocite ? ": cited by " : ": cites ") << degree << "; " << r.size()
    << (cocite ? " works cited together with it\n" : " documents share references with it\n");
  o << (cocite ? "  co-cited" : "    shared") << "   cosine  " << (cocite ? "work" : "document") << "\n";
  for (size_t i = 0; i < r.size() && (limit == 0 || i < limit); ++i)
    o << Fixed(r[i].shared, "%10.0f") << Fixed(r[i].cosine, "%9.3f") << "  " << Label(kg.node(r[i].node), 70) << "\n";
  return o.str();
}

}  // namespace lodestone
