#include "lodestone/query/graph_render.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "json_writer.h"
#include "trace_json.h"
#include "lodestone/query/render.h"

namespace lodestone::query {

namespace {
using internal::JsonWriter;

void NodeFields(JsonWriter& w, const NodeInfo& n) {
  w.Str("id", n.id);
  w.Str("type", n.type);
  w.Str("name", n.name);
  w.Str("kind", n.kind);
  w.Str("date", n.date);
  w.Flag("external", n.external);
}

void EdgeObject(JsonWriter& w, const EdgeInfo& e) {
  w.StartObject();
  w.Str("source", e.source);
  w.Str("target", e.target);
  w.Str("type", e.type);
  w.U32("count", e.count);
  w.EndObject();
}

// "Title (eo:14017, 2021-02-24)"
std::string Label(const std::string& id, const std::string& full_name, const std::string& date, size_t max = 90) {
  std::string name = full_name;
  if (name.size() > max) {
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name = name.substr(0, cut) + "…";
  }
  std::string out = name == id ? id : name + " (" + id;
  if (!date.empty()) out += (name == id ? " (" : ", ") + date;
  if (name != id || !date.empty()) out += ")";
  return out;
}
std::string Label(const NodeInfo& n, size_t max = 90) { return Label(n.id, n.name, n.date, max); }

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

std::string TraceJson(const TraceResult& r) {
  const TraceRequest& req = r.request;
  JsonWriter w;
  w.StartObject();
  w.Key("entity");
  w.StartObject();
  NodeFields(w, r.entity);
  for (auto [key, list] : {std::pair<const char*, const std::vector<NodeInfo>*>{"groups", &r.groups},
                           {"categories", &r.categories}}) {
    w.Key(key);
    w.StartArray();
    for (const NodeInfo& g : *list) w.String(g.id);
    w.EndArray();
  }
  w.EndObject();
  w.Str("as_of", req.as_of);
  w.Str("kind", req.kind);
  w.Str("sort", req.sort);
  w.U64("total", r.total);  // documents that matched; "documents" holds at most "limit" of them
  w.U64("limit", req.limit);
  w.Flag("truncated", r.truncated());
  w.Key("counts");  // of all the matches, not only those listed
  w.StartObject();
  for (auto [via, n] : {std::pair<const char*, size_t>{"direct", r.direct}, {"group", r.group}, {"category", r.category},
                        {"member", r.member}})
    w.U64(via, n);
  w.EndObject();
  w.Key("documents");
  w.StartArray();
  for (const auto& d : r.documents) {
    w.StartObject();
    internal::TraceRowFields(w, d, {});
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Line();
}

std::string TraceText(const TraceResult& r) {
  const TraceRequest& req = r.request;
  std::ostringstream o;
  o << r.entity.name << " (" << r.entity.id << ")";
  if (!r.groups.empty()) {
    o << " — in";
    for (size_t i = 0; i < r.groups.size(); ++i) o << (i ? ", " : " ") << r.groups[i].name;
  }
  o << "\n";
  // "314 documents (showing 8)": the count is of all matches, never of the page.
  o << r.total << (r.total == 1 ? " document" : " documents")
    << (req.as_of.empty() ? "" : " in force on " + req.as_of) << (req.kind.empty() ? "" : " of kind " + req.kind)
    << (r.truncated() ? " (showing " + std::to_string(r.documents.size()) + ")" : "") << ": " << r.direct
    << " name it, " << (r.member ? std::to_string(r.member) + " name a member of it, " : "") << r.group
    << " name a group it belongs to, " << r.category << " speak of the category"
    << (req.sort == "date" ? "; oldest first" : "; newest first within each") << "\n\n";
  std::string section;
  for (const auto& d : r.documents) {
    if (req.sort != "date" && d.via != section) {
      section = d.via;
      const size_t n = d.via == "direct"   ? r.direct
                       : d.via == "member" ? r.member
                       : d.via == "group"  ? r.group
                                           : r.category;
      o << (d.via == "direct"   ? "Naming it"
            : d.via == "member" ? "Naming a member of it"
            : d.via == "group"  ? "Naming a group it belongs to"
                                : "Speaking of the category")
        << " (" << n << ")\n";
    }
    o << (d.date.empty() ? "          " : d.date) << "  " << Label(d.id, d.title, d.date) << "\n";
    o << "            " << d.kind << " · via " << d.via << (d.via == "direct" ? "" : " (" + d.via_entity_name + ")")
      << " · " << StatusLine(d.status) << "\n";
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

std::string NeighborsJson(const NeighborsResult& r) {
  JsonWriter w;
  w.StartObject();
  w.Str("id", r.start.id);
  w.U32("depth", r.request.depth);
  w.U64("total", r.total);
  w.Key("nodes");
  w.StartArray();
  for (const auto& n : r.nodes) {
    w.StartObject();
    NodeFields(w, n.node);
    w.U32("depth", n.depth);
    w.Key("via");
    EdgeObject(w, n.via);
    w.Str("evidence", n.evidence);
    w.EndObject();
  }
  w.EndArray();
  w.Flag("truncated", r.truncated());  // added with issue 10: `nodes` holds fewer than `total`
  w.EndObject();
  return w.Line();
}

std::string NeighborsText(const NeighborsResult& r) {
  std::ostringstream o;
  const uint32_t depth = r.request.depth;
  o << Label(r.start) << ": " << r.total << " nodes within " << depth << (depth == 1 ? " hop" : " hops");
  if (r.truncated()) o << " (showing " << r.nodes.size() << ")";
  o << "\n";
  for (const auto& n : r.nodes) {
    o << "  " << n.depth << "  " << (n.outward ? "-[" : "<-[") << n.via.type << (n.outward ? "]-> " : "]- ")
      << Label(n.node, 70) << "\n";
    if (n.depth == 1 && !n.evidence.empty()) o << WrapText("“" + n.evidence + "”", 8, 100);
  }
  return o.str();
}

// ---------------------------------------------------------------- path

std::string PathJson(const PathResult& r) {
  JsonWriter w;
  w.StartObject();
  w.Key("path");
  w.StartArray();
  for (const NodeInfo& n : r.path) {
    w.StartObject();
    NodeFields(w, n);
    w.EndObject();
  }
  w.EndArray();
  w.U64("length", r.hops.size());
  w.Key("hops");
  w.StartArray();
  for (const PathHop& h : r.hops) {
    w.StartObject();
    w.Str("source", h.edge.source);
    w.Str("target", h.edge.target);
    w.Str("type", h.edge.type);
    w.U32("count", h.edge.count);
    w.Str("evidence", h.evidence);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Line();
}

std::string PathText(const PathResult& r) {
  std::ostringstream o;
  o << r.hops.size() << (r.hops.size() == 1 ? " hop" : " hops") << "\n" << Label(r.path.front()) << "\n";
  for (size_t i = 0; i < r.hops.size(); ++i) {
    const PathHop& h = r.hops[i];
    o << "  " << (h.forward ? "-[" : "<-[") << h.edge.type << (h.forward ? "]-> " : "]- ") << Label(r.path[i + 1])
      << "\n";
    if (!h.evidence.empty()) o << WrapText("“" + h.evidence + "”", 6, 100);
  }
  return o.str();
}

// ---------------------------------------------------------------- cites / cited-by

std::string CitationsJson(const CitationsResult& r) {
  JsonWriter w;
  w.StartObject();
  w.Str("id", r.subject.id);
  w.Key(r.incoming ? "cited_by" : "citations");
  w.StartArray();
  for (const auto& e : r.entries) {
    w.StartObject();
    NodeFields(w, e.node);
    w.U32("count", e.count);
    w.Key("relations");
    w.StartArray();
    for (EdgeType t : e.relations) w.String(EdgeTypeName(t));
    w.EndArray();
    w.Str("evidence", e.evidence);
    w.EndObject();
  }
  w.EndArray();
  // Added with issue 10: a server cuts long lists.
  w.U64("total", r.total);
  w.Flag("truncated", r.truncated());
  w.EndObject();
  return w.Line();
}

std::string CitationsText(const CitationsResult& r) {
  std::ostringstream o;
  const auto& c = r.entries;
  size_t external = std::count_if(c.begin(), c.end(), [&](const CitationEntry& e) { return e.node.external; });
  o << Label(r.subject) << "\n";
  const std::string showing = r.truncated() ? " (showing " + std::to_string(c.size()) + ")" : "";
  if (r.incoming)
    o << r.total << " documents cite, revoke or amend it" << showing << "\n";
  else
    o << "cites " << r.total << " works (" << (c.size() - external) << " in the corpus, " << external << " external)"
      << showing << "\n";
  for (const auto& e : c) {
    std::string rel;
    for (EdgeType x : e.relations)
      if (x != EdgeType::kCites) rel += (rel.empty() ? "" : ",") + std::string(EdgeTypeName(x));
    o << "  " << (e.node.external ? "  " : "• ") << Label(e.node, 70) << (rel.empty() ? "" : "  [" + rel + "]")
      << (e.count > 1 ? "  ×" + std::to_string(e.count) : "") << "\n";
  }
  if (!c.empty()) o << "(• in the corpus)\n";
  return o.str();
}

// ---------------------------------------------------------------- rank

std::string RankJson(const RankResult& r) {
  JsonWriter w;
  w.StartObject();
  w.Str("by", r.request.by);
  w.Str("type", r.request.type);
  if (r.request.by == "betweenness") {
    w.Flag("approximate", r.approximate);
    w.U64("sources", r.sources);
  }
  w.Strings("edges", r.edges);
  w.Key("nodes");
  w.StartArray();
  for (size_t i = 0; i < r.nodes.size(); ++i) {
    w.StartObject();
    w.U64("rank", i + 1);
    NodeFields(w, r.nodes[i].node);
    w.Dbl("score", r.nodes[i].score);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Line();
}

std::string RankText(const RankResult& r) {
  std::ostringstream o;
  std::string edges;
  for (const auto& e : r.edges) edges += (edges.empty() ? "" : ",") + e;
  o << "by " << r.request.by << " over " << edges << " edges"
    << (r.request.type.empty() ? "" : ", type " + r.request.type)
    << (r.approximate ? " (estimated from " + std::to_string(r.sources) + " sampled sources)" : "") << "\n";
  const char* fmt = r.request.by == "indegree" ? "%8.0f" : r.request.by == "pagerank" ? "%10.6f" : "%10.1f";
  for (size_t i = 0; i < r.nodes.size(); ++i)
    o << Fixed(static_cast<double>(i + 1), "%4.0f") << "  " << Fixed(r.nodes[i].score, fmt) << "  "
      << Label(r.nodes[i].node, 70) << "\n";
  return o.str();
}

// ---------------------------------------------------------------- timeline

std::string TimelineJson(const TimelineResult& t) {
  JsonWriter w;
  w.StartObject();
  w.Str("id", t.subject ? t.subject->id : "");
  w.Str("by", t.request.by);
  w.U64("total", t.total);
  w.Counts("by_year", t.by_year);
  w.Counts("by_president", t.by_president);
  w.Counts("by_jurisdiction", t.by_jurisdiction);
  w.Key("administrations");  // chronological; the terms are the knowledge base's
  w.StartArray();
  for (const auto& a : t.administrations) {
    w.StartObject();
    w.Str("president", a.administration.president);
    w.Str("name", a.administration.name);
    w.Str("from", a.administration.from);
    w.Str("to", a.administration.to);
    w.U64("documents", a.documents);
    w.Key("by_jurisdiction");
    w.StartObject();
    for (const auto& [k, v] : a.by_jurisdiction) {
      w.Key(k.empty() ? "none" : k);
      w.Uint64(v);
    }
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.Key("documents");
  w.StartArray();
  for (const NodeInfo& n : t.documents) {
    w.StartObject();
    NodeFields(w, n);
    w.Str("president", n.president);
    w.Str("jurisdiction", n.jurisdiction);
    w.EndObject();
  }
  w.EndArray();
  w.Flag("truncated", t.truncated());  // added with issue 10: `documents` holds fewer than `total`
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

void DocumentLine(std::ostringstream& o, const NodeInfo& n, const char* indent = "  ") {
  o << indent << (n.date.empty() ? "          " : n.date) << "  " << Label(n, 80) << "\n";
}

}  // namespace

std::string TimelineText(const TimelineResult& t) {
  const std::string& by = t.request.by;
  const size_t limit = t.request.limit;
  std::ostringstream o;
  o << (t.subject ? Label(*t.subject) + ": " : std::string()) << t.total << " documents\n";
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
      if (limit)
        for (const NodeInfo& n : a.listed) DocumentLine(o, n, "          ");
      if (by == "president" && limit && a.documents > limit) o << "          … " << a.documents - limit << " more\n";
    }
    if (t.administrations.empty()) o << "  (none)\n";
    CountedApart(o, t);
  }
  if (limit && by != "president") {
    o << "documents (first " << t.documents.size() << "):\n";
    for (const NodeInfo& n : t.documents) DocumentLine(o, n);
  }
  return o.str();
}

// ---------------------------------------------------------------- cooccur

std::string CooccurJson(const CooccurResult& r) {
  JsonWriter w;
  w.StartObject();
  w.Str("id", r.subject.id);
  w.U64("documents", r.documents);
  w.Key("cooccurs");
  w.StartArray();
  for (const auto& c : r.entries) {
    w.StartObject();
    NodeFields(w, c.node);
    w.U32("shared", c.shared);
    w.U32("documents", c.documents);
    w.Dbl("jaccard", c.jaccard);
    w.Dbl("lift", c.lift);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Line();
}

std::string CooccurText(const CooccurResult& r) {
  std::ostringstream o;
  o << Label(r.subject) << ": named in " << r.documents << " documents\n";
  o << "  shared  jaccard    lift  entity\n";
  for (const auto& c : r.entries)
    o << Fixed(c.shared, "%8.0f") << Fixed(c.jaccard, "%9.3f") << Fixed(c.lift, "%8.2f") << "  " << Label(c.node, 60)
      << "\n";
  return o.str();
}

// ---------------------------------------------------------------- cocite / couple

std::string RelatedJson(const RelatedResult& r) {
  JsonWriter w;
  w.StartObject();
  w.Str("id", r.subject.id);
  w.Str("relation", r.cocitation ? "cocitation" : "coupling");
  w.U64("degree", r.degree);  // times it is cited (co-citation) or references it has (coupling)
  w.Key("related");
  w.StartArray();
  for (const auto& e : r.entries) {
    w.StartObject();
    NodeFields(w, e.node);
    w.U32("shared", e.shared);
    w.U32("degree", e.degree);
    w.Dbl("cosine", e.cosine);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Line();
}

std::string RelatedText(const RelatedResult& r) {
  std::ostringstream o;
  const bool cocite = r.cocitation;
  o << Label(r.subject) << (cocite ? ": cited by " : ": cites ") << r.degree << "; " << r.total
    << (cocite ? " works cited together with it\n" : " documents share references with it\n");
  o << (cocite ? "  co-cited" : "    shared") << "   cosine  " << (cocite ? "work" : "document") << "\n";
  for (const auto& e : r.entries)
    o << Fixed(e.shared, "%10.0f") << Fixed(e.cosine, "%9.3f") << "  " << Label(e.node, 70) << "\n";
  return o.str();
}

}  // namespace lodestone::query
