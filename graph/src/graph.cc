#include "lodestone/graph/graph.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <tuple>

#include <boost/range/iterator_range.hpp>

#include "lodestone/graph/resolve.h"
#include "lodestone/index/document.h"
#include "lodestone/index/paper_keys.h"

namespace lodestone {

namespace {

constexpr const char* kEdgeNames[kEdgeTypeCount] = {"mentions", "cites",   "revokes", "amends",
                                                    "supersedes", "directs", "is_a",    "issued_by"};

std::string IdType(const std::string& id) {
  size_t colon = id.find(':');
  return colon == std::string::npos ? std::string() : id.substr(0, colon);
}

}  // namespace

const char* EdgeTypeName(EdgeType t) { return kEdgeNames[static_cast<int>(t)]; }

std::optional<EdgeType> EdgeOf(RelationType relation) {
  switch (ActiveForm(relation)) {
    case RelationType::kRevokes: return EdgeType::kRevokes;
    case RelationType::kAmends: return EdgeType::kAmends;
    case RelationType::kSupersedes: return EdgeType::kSupersedes;
    case RelationType::kDirects: return EdgeType::kDirects;
    default: return std::nullopt;
  }
}

std::optional<EdgeType> EdgeTypeFromName(const std::string& name) {
  for (int i = 0; i < kEdgeTypeCount; ++i)
    if (name == kEdgeNames[i]) return static_cast<EdgeType>(i);
  if (name == "is-a") return EdgeType::kIsA;
  return std::nullopt;
}

std::optional<EdgeMask> ParseEdgeMask(const std::string& csv, std::string* bad) {
  if (csv.empty()) return kAllEdges;
  EdgeMask m = 0;
  size_t start = 0;
  while (start <= csv.size()) {
    size_t comma = csv.find(',', start);
    std::string part = csv.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!part.empty()) {
      auto t = EdgeTypeFromName(part);
      if (!t) {
        if (bad) *bad = part;
        return std::nullopt;
      }
      m |= Bit(*t);
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (m == 0) return std::nullopt;
  return m;
}

std::string DisplayName(const std::string& id) {
  const std::string type = IdType(id);
  const std::string key = type.empty() ? id : id.substr(type.size() + 1);
  auto split = [&](char sep) -> std::pair<std::string, std::string> {
    size_t p = key.find(sep);
    if (p == std::string::npos) return {key, ""};
    return {key.substr(0, p), key.substr(p + 1)};
  };
  if (type == "eo") return "Executive Order " + key;
  if (type == "pl") return "Public Law " + key;
  if (type == "pd") return "Presidential Determination No. " + key;
  if (type == "proc") return "Proclamation " + key;
  if (type == "usc") {
    auto [t, s] = split('/');
    return t + " U.S.C. " + s;
  }
  if (type == "cfr") {
    auto [t, s] = split('/');
    return t + " CFR " + s;
  }
  if (type == "fr") {
    auto [v, p] = split('/');
    return v + " FR " + p;
  }
  if (type == "stat") {
    auto [v, p] = split('/');
    return v + " Stat. " + p;
  }
  if (type == "ref") {  // avp "alho|1990|46|623" -> "Alho 1990, 46: 623"; aty "alho|1990|words" -> "Alho 1990, words"
    std::vector<std::string> f;
    size_t start = 0;
    for (size_t bar; (bar = key.find('|', start)) != std::string::npos; start = bar + 1) f.push_back(key.substr(start, bar - start));
    f.push_back(key.substr(start));
    if (f.size() >= 3 && !f[0].empty()) {
      std::string who = f[0];
      who[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(who[0])));
      std::string rest = f.size() == 4 ? f[2] + ": " + f[3] : f[2];
      if (f.size() == 3) std::replace(rest.begin(), rest.end(), '-', ' ');
      return who + " " + f[1] + ", " + rest;
    }
  }
  if (type == "bill") {  // 117/hr/3684 -> H.R. 3684 (117th Congress)
    size_t a = key.find('/'), b = key.rfind('/');
    if (a != std::string::npos && b > a) {
      std::string t = key.substr(a + 1, b - a - 1);
      std::string label = t == "hr" ? "H.R." : t == "s" ? "S." : t;
      return label + " " + key.substr(b + 1) + " (" + key.substr(0, a) + "th Congress)";
    }
  }
  return id;
}

KnowledgeGraph KnowledgeGraph::FromParts(std::vector<Node> nodes, std::vector<Edge> edges, std::string stamp,
                                         std::vector<std::pair<std::string, uint32_t>> aliases) {
  KnowledgeGraph k;
  k.stamp_ = std::move(stamp);
  k.nodes_ = std::move(nodes);
  for (auto& a : aliases)
    if (a.second < k.nodes_.size()) k.aliases_.push_back(std::move(a));
  edges.erase(std::remove_if(edges.begin(), edges.end(), [](const Edge& e) { return e.source == e.target; }),
              edges.end());
  auto less = [](const Edge& a, const Edge& b) {
    return std::tie(a.source, a.target, a.type) < std::tie(b.source, b.target, b.type);
  };
  if (!std::is_sorted(edges.begin(), edges.end(), less)) std::sort(edges.begin(), edges.end(), less);  // cache: sorted
  // One edge per (source, target, type).
  size_t w = 0;
  for (size_t r = 0; r < edges.size(); ++r) {
    if (w > 0 && edges[w - 1].source == edges[r].source && edges[w - 1].target == edges[r].target &&
        edges[w - 1].type == edges[r].type) {
      edges[w - 1].count = std::max(edges[w - 1].count, edges[r].count);
    } else {
      edges[w++] = edges[r];
    }
  }
  edges.resize(w);
  k.edges_ = std::move(edges);
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  pairs.reserve(k.edges_.size());
  for (const auto& e : k.edges_) pairs.emplace_back(e.source, e.target);
  // The bidirectional CSR places edges by a stable counting sort on the
  // source, so for input sorted by source edge_index i is row i of edges_
  // (graph_test checks this).
  k.g_ = Digraph(boost::edges_are_unsorted_multi_pass, pairs.begin(), pairs.end(),
                 static_cast<uint32_t>(k.nodes_.size()));
  return k;
}

KnowledgeGraph KnowledgeGraph::Build(const GraphSource& src, const std::vector<KbNode>& kb) {
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  std::unordered_map<std::string, uint32_t> by_id;
  std::unordered_map<std::string, const KbNode*> kb_by_id;
  for (const auto& k : kb) kb_by_id.emplace(k.id, &k);

  // Other ids of documents (papers: wos:, s2:, doi: of a record kept under another id).
  std::unordered_map<std::string, size_t> alias_row;
  for (const auto& t : src.aliases)
    if (!t.docs.empty()) alias_row.emplace(t.term, t.docs.front().first);
  std::vector<uint32_t> doc_node(src.docs.size(), UINT32_MAX);

  auto intern = [&](const std::string& id) -> uint32_t {
    if (auto a = alias_row.find(id); a != alias_row.end() && doc_node[a->second] != UINT32_MAX && !by_id.count(id))
      return doc_node[a->second];
    auto [it, fresh] = by_id.emplace(id, static_cast<uint32_t>(nodes.size()));
    if (fresh) {
      Node n;
      n.id = id;
      n.type = IdType(id);
      auto kbit = kb_by_id.find(id);
      n.name = kbit != kb_by_id.end() && !kbit->second->name.empty() ? kbit->second->name : DisplayName(id);
      nodes.push_back(std::move(n));
    }
    return it->second;
  };

  // Documents first: node v for row v (ids are unique in the index).
  for (size_t r = 0; r < src.docs.size(); ++r) {
    const auto& d = src.docs[r];
    uint32_t v = intern(d.id);
    Node& n = nodes[v];
    n.external = false;
    n.kind = d.kind;
    n.date = d.date;
    n.president = d.president;
    n.jurisdiction = d.jurisdiction;
    if (!d.title.empty()) n.name = d.title;
    doc_node[r] = v;
  }
  for (size_t r = 0; r < src.docs.size(); ++r)
    if (!src.docs[r].president.empty())
      edges.push_back({doc_node[r], intern(src.docs[r].president), EdgeType::kIssuedBy, 1});

  std::vector<std::string> named;  // entities some document names (for is_a)
  for (const auto& t : src.entities) {
    uint32_t e = intern(t.term);
    named.push_back(t.term);
    for (auto [row, count] : t.docs) edges.push_back({doc_node[row], e, EdgeType::kMentions, count});
  }
  for (const auto& t : src.citations) {
    uint32_t c = intern(t.term);
    for (auto [row, count] : t.docs) edges.push_back({doc_node[row], c, EdgeType::kCites, count});
  }
  for (const auto& t : src.relations) {
    size_t colon = t.term.find(':');
    if (colon == std::string::npos) continue;
    const std::string type = t.term.substr(0, colon), target = t.term.substr(colon + 1);
    if (target.find(':') == std::string::npos) continue;
    const std::optional<RelationType> rt = RelationTypeFromName(type);
    if (!rt) continue;  // a relation type this version does not know
    // "revoked_by" is the revokes edge seen from its target.
    const bool inverse = IsPassive(*rt);
    const std::optional<EdgeType> et = EdgeOf(*rt);
    if (!et) continue;
    uint32_t other = intern(target);
    for (auto [row, count] : t.docs) {
      (void)count;
      if (inverse)
        edges.push_back({other, doc_node[row], *et, 1});
      else
        edges.push_back({doc_node[row], other, *et, 1});
    }
  }
  // References of papers: to a document by id (DOI, s2:, wos:, a law's id),
  // else by matching key, else to an external node of the reference itself.
  std::unordered_map<std::string, uint32_t> key_node;  // key -> first document with it
  for (const auto& t : src.paper_keys)
    if (!t.docs.empty()) key_node.emplace(t.term, doc_node[t.docs.front().first]);
  std::unordered_map<std::string, std::string> key_doi;  // keys of references that also give a DOI
  for (const auto& t : src.references) {
    auto u = UnpackReference(t.term);
    if (!u.ids.empty() && u.ids.front().rfind("doi:", 0) == 0)
      for (const auto& k : u.keys) key_doi.emplace(k, u.ids.front());
  }
  auto known = [&](const std::string& id) -> std::optional<uint32_t> {
    if (auto it = by_id.find(id); it != by_id.end()) return it->second;
    if (auto a = alias_row.find(id); a != alias_row.end()) return doc_node[a->second];
    return std::nullopt;
  };
  const NodeLookup lookup_id = known;
  const NodeLookup lookup_key = [&](const std::string& k) -> std::optional<uint32_t> {
    if (auto it = key_node.find(k); it != key_node.end()) return it->second;
    return std::nullopt;
  };
  for (const auto& t : src.references) {
    auto u = UnpackReference(t.term);
    std::optional<uint32_t> target = ResolveReference(u, lookup_id, lookup_key).node;
    if (!target) {
      std::string id = !u.ids.empty() ? u.ids.front() : std::string();
      for (size_t i = 0; id.empty() && i < u.keys.size(); ++i)
        if (auto d = key_doi.find(u.keys[i]); d != key_doi.end()) id = d->second;
      if (id.empty() && !u.keys.empty()) id = "ref:" + u.keys.front().substr(4);
      if (id.empty()) continue;
      target = intern(id);
    }
    for (auto [row, count] : t.docs) edges.push_back({doc_node[row], *target, EdgeType::kCites, count});
  }
  // is_a from the knowledge base, upward from every named entity.
  std::deque<std::string> todo(named.begin(), named.end());
  std::unordered_map<std::string, bool> seen;
  while (!todo.empty()) {
    std::string id = todo.front();
    todo.pop_front();
    if (seen[id]) continue;
    seen[id] = true;
    auto it = kb_by_id.find(id);
    if (it == kb_by_id.end()) continue;
    for (const auto& parent : it->second->is_a) {
      edges.push_back({intern(id), intern(parent), EdgeType::kIsA, 1});
      todo.push_back(parent);
    }
  }
  std::vector<std::pair<std::string, uint32_t>> aliases;
  for (const auto& [alias, row] : alias_row) aliases.push_back({alias, doc_node[row]});
  std::sort(aliases.begin(), aliases.end());
  return FromParts(std::move(nodes), std::move(edges), src.stamp, std::move(aliases));
}

std::optional<uint32_t> KnowledgeGraph::Find(const std::string& id) const {
  // An alias never hides a node's own id: nodes first, then aliases.
  if (id_index_->lookups.fetch_add(1, std::memory_order_relaxed) < 8) {
    for (uint32_t v = 0; v < nodes_.size(); ++v)
      if (nodes_[v].id == id) return v;
    for (const auto& [alias, v] : aliases_)
      if (alias == id) return v;
    return std::nullopt;
  }
  std::call_once(id_index_->once, [this] {
    auto& m = id_index_->map;
    m.reserve(nodes_.size() + aliases_.size());
    for (uint32_t v = 0; v < nodes_.size(); ++v) m.emplace(nodes_[v].id, v);
    for (const auto& [alias, v] : aliases_) m.emplace(alias, v);
  });
  auto it = id_index_->map.find(id);
  if (it == id_index_->map.end()) return std::nullopt;
  return it->second;
}

std::vector<uint32_t> KnowledgeGraph::OutEdges(uint32_t v, EdgeMask mask) const {
  std::vector<uint32_t> out;
  for (auto e : boost::make_iterator_range(boost::out_edges(v, g_))) {
    uint32_t i = boost::get(boost::edge_index, g_, e);
    if (mask & Bit(edges_[i].type)) out.push_back(i);
  }
  return out;
}

std::vector<uint32_t> KnowledgeGraph::InEdges(uint32_t v, EdgeMask mask) const {
  std::vector<uint32_t> out;
  for (auto e : boost::make_iterator_range(boost::in_edges(v, g_))) {
    uint32_t i = boost::get(boost::edge_index, g_, e);
    if (mask & Bit(edges_[i].type)) out.push_back(i);
  }
  return out;
}

KnowledgeGraph::Validity KnowledgeGraph::ValidityOf(uint32_t v) const {
  Validity out;
  for (uint32_t e : InEdges(v, Bit(EdgeType::kRevokes) | Bit(EdgeType::kAmends) | Bit(EdgeType::kSupersedes))) {
    const Edge& ed = edges_[e];
    auto& list = ed.type == EdgeType::kRevokes ? out.revoked_by
                 : ed.type == EdgeType::kAmends ? out.amended_by
                                                : out.superseded_by;
    list.push_back(ed.source);
  }
  auto by_date = [&](uint32_t a, uint32_t b) {
    // Undated last.
    const std::string &da = nodes_[a].date, &db = nodes_[b].date;
    if (da.empty() != db.empty()) return !da.empty();
    return std::tie(da, nodes_[a].id) < std::tie(db, nodes_[b].id);
  };
  for (auto* l : {&out.revoked_by, &out.amended_by, &out.superseded_by}) std::sort(l->begin(), l->end(), by_date);
  for (auto* l : {&out.revoked_by, &out.superseded_by})
    for (uint32_t r : *l)
      if (!nodes_[r].date.empty() && (out.revoked_on.empty() || nodes_[r].date < out.revoked_on))
        out.revoked_on = nodes_[r].date;
  return out;
}

bool KnowledgeGraph::InForceOn(uint32_t v, const std::string& date) const {
  const Node& n = nodes_[v];
  if (!n.date.empty() && n.date > date) return false;
  for (uint32_t e : InEdges(v, Bit(EdgeType::kRevokes) | Bit(EdgeType::kSupersedes))) {
    const std::string& d = nodes_[edges_[e].source].date;
    if (!d.empty() && d <= date) return false;
  }
  return true;
}

size_t KnowledgeGraph::MemoryBytes() const {
  size_t b = nodes_.capacity() * sizeof(Node) + edges_.capacity() * sizeof(Edge);
  for (const auto& n : nodes_) {
    for (const std::string* s : {&n.id, &n.type, &n.name, &n.kind, &n.date, &n.president, &n.jurisdiction})
      if (s->capacity() > 15) b += s->capacity() + 1;
  }
  // CSR: forward rowstart + column, backward (in-edge) rowstart + column + edge ids.
  b += (nodes_.size() + 1) * sizeof(uint32_t) * 2 + edges_.size() * sizeof(uint32_t) * 4;
  b += (nodes_.size() + aliases_.size()) * (sizeof(std::pair<std::string, uint32_t>) + 2 * sizeof(void*));  // id index
  return b;
}

}  // namespace lodestone
