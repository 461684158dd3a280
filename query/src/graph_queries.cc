#include "lodestone/query/graph_queries.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <filesystem>
#include <set>
#include <unordered_set>

#include "lodestone/graph/ids.h"
#include "lodestone/ingest/extract.h"

namespace lodestone {

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool AllDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    prev.swap(cur);
  }
  return prev[b.size()];
}

const std::set<std::string>& EntityTypes() {
  static const std::set<std::string> k = {"mineral", "agency", "country", "person", "concept"};
  return k;
}

// Dates sort first, undated last; then ids.
bool ByDate(const Node& a, const Node& b) {
  if (a.date.empty() != b.date.empty()) return !a.date.empty();
  if (a.date != b.date) return a.date < b.date;
  return a.id < b.id;
}

// Newest first, undated last; then ids.
bool NewestFirst(const Node& a, const Node& b) {
  if (a.date.empty() != b.date.empty()) return !a.date.empty();
  if (a.date != b.date) return a.date > b.date;
  return a.id < b.id;
}

// eo:9 < eo:10: digit runs compare as numbers.
bool NaturalLess(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (std::isdigit(static_cast<unsigned char>(a[i])) && std::isdigit(static_cast<unsigned char>(b[j]))) {
      size_t i2 = i, j2 = j;
      while (i2 < a.size() && std::isdigit(static_cast<unsigned char>(a[i2]))) ++i2;
      while (j2 < b.size() && std::isdigit(static_cast<unsigned char>(b[j2]))) ++j2;
      std::string x = a.substr(i, i2 - i), y = b.substr(j, j2 - j);
      x.erase(0, std::min(x.find_first_not_of('0'), x.size()));
      y.erase(0, std::min(y.find_first_not_of('0'), y.size()));
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = i2, j = j2;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i, ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

}  // namespace

// ---------------------------------------------------------------- session

Result<std::unique_ptr<GraphSession>> GraphSession::Open(const std::string& index_dir,
                                                         const std::vector<std::string>& kb_files, bool use_cache) {
  std::unique_ptr<GraphSession> s(new GraphSession());
  auto searcher = Searcher::Open(index_dir);
  if (!searcher.ok()) return searcher.status();
  s->searcher_ = std::move(*searcher);
  auto kb = KnowledgeBase::Load(kb_files);
  if (!kb.ok()) return kb.status();
  s->kb_ = std::move(*kb);
  std::vector<KbNode> nodes;
  nodes.reserve(s->kb_.entities().size());
  for (const auto& e : s->kb_.entities()) nodes.push_back({e.id, e.name, e.is_a});
  auto kg = LoadGraph(*s->searcher_, index_dir, nodes, use_cache, &s->load_info_);
  if (!kg.ok()) return kg.status();
  s->kg_ = std::move(*kg);
  return s;
}

Result<uint32_t> GraphSession::Resolve(const std::string& text) {
  if (text.empty()) return Status::InvalidArgument("empty id");
  if (auto v = kg_.Find(text)) return *v;
  if (auto v = kg_.Find(Lower(text))) return *v;  // DOIs, EO:14017
  std::string known_only;  // in the knowledge base, named by no document
  std::vector<std::string> candidates;
  if (const Entity* e = kb_.Find(Lower(text))) candidates.push_back(e->id);
  for (const Entity* e : kb_.Lookup(text)) candidates.push_back(e->id);
  for (const auto& id : candidates) {
    if (auto v = kg_.Find(id)) return *v;
    if (known_only.empty()) known_only = id;
  }
  if (AllDigits(text))
    if (auto v = kg_.Find("eo:" + text)) return *v;
  if (text.find(':') == std::string::npos) {
    auto cited = FindCitations(text, analyzer_);
    if (cited.size() == 1)
      if (auto v = kg_.Find(cited.front())) return *v;
    std::error_code ec;
    std::string abs = std::filesystem::absolute(text, ec).lexically_normal().string();
    if (!ec) {
      auto doc = searcher_->Get(abs);
      if (doc.ok())
        if (auto v = kg_.Find(doc->id)) return *v;
    }
  }
  // An id's key alone (rare-earth-elements, 30/1602): the node when one id
  // has it; suggestions when several types share it (cfr:5/302, usc:5/302).
  std::vector<std::string> same_key;
  if (text.find(':') == std::string::npos || !ParseNodeId(Lower(text))) {
    for (const auto& n : kg_.nodes())
      if (HasKey(n.id, text)) same_key.push_back(n.id);
    if (same_key.size() == 1) return *kg_.Find(same_key.front());
  }
  if (same_key.size() > 1) {
    std::sort(same_key.begin(), same_key.end());
    std::string msg = "no node " + text + " (" + std::to_string(same_key.size()) + " ids have this key); did you mean";
    for (size_t i = 0; i < same_key.size() && i < 6; ++i) msg += (i ? ", " : " ") + same_key[i];
    return Status::NotFound(msg + (same_key.size() > 6 ? ", …?" : "?"));
  }
  if (!known_only.empty())
    return Status::NotFound(known_only + " is in the knowledge base, but no document in the index names it");
  // Suggestions: knowledge-base names close to the text (or to its key), and
  // graph ids of the same type within a small edit distance.
  std::vector<std::string> near;
  auto add = [&](const std::string& id) {
    if (kg_.Find(id) && std::find(near.begin(), near.end(), id) == near.end()) near.push_back(id);
  };
  size_t colon = text.find(':');
  const std::string key = colon == std::string::npos ? text : text.substr(colon + 1);
  const std::string type = colon == std::string::npos ? "" : Lower(text.substr(0, colon));
  for (const auto& id : kb_.Similar(key, 3)) add(id);
  if (!type.empty() && key.size() >= 2) {
    std::vector<std::pair<size_t, std::string>> close;
    const size_t budget = std::max<size_t>(2, key.size() / 4);
    for (const auto& n : kg_.nodes()) {
      if (n.type != type) continue;
      const std::string k = n.id.substr(n.type.size() + 1);
      if (k.size() + budget < key.size() || key.size() + budget < k.size()) continue;
      size_t d = EditDistance(Lower(key), Lower(k));
      if (d <= budget) close.push_back({d, n.id});
    }
    std::sort(close.begin(), close.end());
    for (size_t i = 0; i < close.size() && i < 3; ++i) add(close[i].second);
  }
  std::string msg = "no node " + text;
  if (!near.empty()) {
    msg += "; did you mean";
    for (size_t i = 0; i < near.size() && i < 4; ++i) msg += (i ? ", " : " ") + near[i];
    msg += "?";
  } else if (colon != std::string::npos && !ParseNodeId(Lower(text))) {
    msg += " (unknown id type " + text.substr(0, colon) + ")";
  }
  return Status::NotFound(msg);
}

const Document* GraphSession::Record(uint32_t v) {
  if (v >= kg_.num_nodes() || kg_.node(v).external) return nullptr;
  auto it = records_.find(v);
  if (it == records_.end()) {
    auto doc = searcher_->Get(kg_.node(v).id);
    it = records_.emplace(v, doc.ok() ? std::optional<Document>(std::move(*doc)) : std::nullopt).first;
  }
  return it->second ? &*it->second : nullptr;
}

std::string GraphSession::Evidence(uint32_t edge) {
  const Edge& e = kg_.edge(edge);
  const std::string& target = kg_.node(e.target).id;
  const std::string& source = kg_.node(e.source).id;
  auto sentence = [](const Document* d, uint32_t off) -> std::string {
    if (!d || off == kNoOffset || off >= d->text.size()) return {};
    return SentenceAround(d->text, off);
  };
  auto cited_in = [&](const Document* d, const std::string& id) -> std::string {
    if (!d) return {};
    for (const auto& c : d->citations)
      if (c.id == id && !c.offsets.empty()) return sentence(d, c.offsets.front());
    return {};
  };
  const Document* d = Record(e.source);
  switch (e.type) {
    case EdgeType::kMentions:
      if (d)
        for (const auto& en : d->entities)
          if (en.id == target && !en.offsets.empty()) return sentence(d, en.offsets.front());
      return {};
    case EdgeType::kCites:
      return cited_in(d, target);
    case EdgeType::kRevokes:
    case EdgeType::kAmends:
    case EdgeType::kSupersedes:
    case EdgeType::kDirects: {
      const std::string type = EdgeTypeName(e.type);
      if (d)
        for (const auto& r : d->relations)
          if (r.type == type && r.target == target && r.offset != kNoOffset) return sentence(d, r.offset);
      // Stated by the other side ("revoked by ...": Federal Register notes).
      if (e.type != EdgeType::kDirects) {
        const std::string inverse = e.type == EdgeType::kRevokes ? "revoked_by"
                                    : e.type == EdgeType::kAmends ? "amended_by"
                                                                  : "superseded_by";
        if (const Document* t = Record(e.target))
          for (const auto& r : t->relations)
            if (r.type == inverse && r.target == source && r.offset != kNoOffset) return sentence(t, r.offset);
      }
      return cited_in(d, target);
    }
    case EdgeType::kIsA:
    case EdgeType::kIssuedBy:
      return {};
  }
  return {};
}

// ---------------------------------------------------------------- trace

DocStatus StatusOf(GraphSession& s, uint32_t doc, const std::string& as_of) {
  const KnowledgeGraph& kg = s.graph();
  auto v = kg.ValidityOf(doc);
  DocStatus st;
  auto keep = [&](const std::vector<uint32_t>& from, std::vector<LinkedNode>& into) {
    for (uint32_t r : from) {
      const Node& n = kg.node(r);
      if (!as_of.empty() && (n.date.empty() || n.date > as_of)) continue;
      into.push_back({n.id, n.name, n.date});
      if (&into != &st.amended_by && !n.date.empty() && (st.revoked_on.empty() || n.date < st.revoked_on))
        st.revoked_on = n.date;
    }
  };
  keep(v.revoked_by, st.revoked_by);
  keep(v.superseded_by, st.superseded_by);
  keep(v.amended_by, st.amended_by);
  st.in_force = st.revoked_by.empty() && st.superseded_by.empty();
  st.state = !st.revoked_by.empty() ? "revoked" : !st.superseded_by.empty() ? "superseded" : "in_force";
  return st;
}

Result<TraceResult> Trace(GraphSession& s, uint32_t entity, const TraceRequest& req) {
  if (req.sort != "via" && req.sort != "date")
    return Status::InvalidArgument("unknown sort " + req.sort + "; use via (the default) or date");
  const KnowledgeGraph& kg = s.graph();
  TraceResult out;
  out.entity = entity;
  // Everything above the entity through is_a: groups, and concepts (categories).
  std::deque<uint32_t> todo{entity};
  std::set<uint32_t> seen{entity};
  while (!todo.empty()) {
    uint32_t v = todo.front();
    todo.pop_front();
    for (uint32_t e : kg.OutEdges(v, Bit(EdgeType::kIsA))) {
      uint32_t p = kg.edge(e).target;
      if (!seen.insert(p).second) continue;
      (kg.node(p).type == "concept" ? out.categories : out.groups).push_back(p);
      todo.push_back(p);
    }
  }
  // First the matching documents (cheap: graph only), then order, count and
  // cut, then evidence and status for the ones shown (they read records).
  struct Match {
    uint32_t doc, edge, named;
    int via;  // 0 direct, 1 group, 2 category
  };
  static const char* kVia[] = {"direct", "group", "category"};
  std::vector<Match> matches;
  std::unordered_set<uint32_t> taken;
  auto collect = [&](uint32_t named, int via) {
    if (!req.via.empty() && req.via != kVia[via]) return;
    for (uint32_t e : kg.InEdges(named, Bit(EdgeType::kMentions))) {
      uint32_t d = kg.edge(e).source;
      const Node& n = kg.node(d);
      if (n.external || taken.count(d)) continue;
      if (!req.kind.empty() && n.kind != req.kind) continue;
      if (!req.as_of.empty() && !kg.InForceOn(d, req.as_of)) continue;
      taken.insert(d);
      matches.push_back({d, e, named, via});
    }
  };
  collect(entity, 0);
  for (uint32_t g : out.groups) collect(g, 1);
  for (uint32_t c : out.categories) collect(c, 2);
  if (req.sort == "date") {
    std::stable_sort(matches.begin(), matches.end(),
                     [&](const Match& a, const Match& b) { return ByDate(kg.node(a.doc), kg.node(b.doc)); });
  } else {
    std::stable_sort(matches.begin(), matches.end(), [&](const Match& a, const Match& b) {
      if (a.via != b.via) return a.via < b.via;
      return NewestFirst(kg.node(a.doc), kg.node(b.doc));
    });
  }
  out.total = matches.size();
  for (const auto& m : matches) ++(m.via == 0 ? out.direct : m.via == 1 ? out.group : out.category);
  if (req.limit && matches.size() > req.limit) matches.resize(req.limit);
  for (const auto& m : matches) {
    const Node& n = kg.node(m.doc);
    TraceDocument t;
    t.node = m.doc;
    t.id = n.id;
    t.title = n.name;
    t.kind = n.kind;
    t.date = n.date;
    t.president = n.president;
    t.jurisdiction = n.jurisdiction;
    t.via = kVia[m.via];
    t.via_entity = kg.node(m.named).id;
    if (const Document* rec = s.Record(m.doc)) {
      for (const auto& f : rec->sources)  // the file whose text was kept, else the first
        if (t.source.empty() || f.format == rec->format) t.source = f.path;
    }
    t.evidence = s.Evidence(m.edge);
    t.status = StatusOf(s, m.doc, req.as_of);
    for (uint32_t f : kg.OutEdges(m.doc, Bit(EdgeType::kDirects))) {
      const Node& a = kg.node(kg.edge(f).target);
      t.directs.push_back({a.id, a.name, ""});
    }
    out.documents.push_back(std::move(t));
  }
  return out;
}

// ---------------------------------------------------------------- citations

std::vector<CitationEntry> Citations(GraphSession& s, uint32_t v, bool incoming) {
  const KnowledgeGraph& kg = s.graph();
  std::map<uint32_t, CitationEntry> by_other;
  std::map<uint32_t, uint32_t> evidence_edge;
  const auto edges = incoming ? kg.InEdges(v, kCitationEdges) : kg.OutEdges(v, kCitationEdges);
  for (uint32_t e : edges) {
    const Edge& ed = kg.edge(e);
    uint32_t other = incoming ? ed.source : ed.target;
    CitationEntry& c = by_other[other];
    c.node = other;
    c.relations.push_back(EdgeTypeName(ed.type));
    if (ed.type == EdgeType::kCites) c.count = std::max(c.count, ed.count);
    // A relation's own sentence says more than a bare citation.
    if (!evidence_edge.count(other) || ed.type != EdgeType::kCites) evidence_edge[other] = e;
  }
  std::vector<CitationEntry> out;
  for (auto& [other, c] : by_other) {
    if (c.count == 0) c.count = 1;
    c.evidence = s.Evidence(evidence_edge[other]);
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [&](const CitationEntry& a, const CitationEntry& b) {
    if (incoming) return ByDate(kg.node(a.node), kg.node(b.node));
    return NaturalLess(kg.node(a.node).id, kg.node(b.node).id);
  });
  return out;
}

// ---------------------------------------------------------------- ranking

bool MatchesType(const Node& n, const std::string& type) {
  if (type.empty()) return true;
  if (type == "document") return !n.external;
  if (type == "external") return n.external;
  if (type == "entity") return EntityTypes().count(n.type) > 0;
  if (KindFromName(type)) return n.kind == type;
  return n.type == type;
}

Status CheckType(const std::string& type) {
  if (type.empty() || type == "document" || type == "external" || type == "entity" || KindFromName(type) ||
      EntityTypes().count(type) || IsDocumentType(type))
    return Status::Ok();
  std::string kinds;
  for (Kind k : AllKinds()) kinds += std::string(kinds.empty() ? "" : ", ") + KindName(k);
  return Status::InvalidArgument("unknown type " + type +
                                 "; use an id type (eo, pl, usc, doi, mineral, agency, country, person, concept, "
                                 "...), a kind (" +
                                 kinds + "), document, entity or external");
}

Result<RankResult> Rank(GraphSession& s, const RankRequest& req) {
  const KnowledgeGraph& kg = s.graph();
  Status t = CheckType(req.type);
  if (!t.ok()) return t;
  RankResult out;
  const bool entity_type = req.type == "entity" || EntityTypes().count(req.type) > 0;
  out.edges = req.edges ? req.edges
              : entity_type ? (Bit(EdgeType::kMentions) | Bit(EdgeType::kDirects))
                            : kCitationEdges;
  std::vector<double> score;
  if (req.by == "pagerank") {
    auto on = EdgeFilter(kg, out.edges);
    PageRankOptions opt;
    opt.tolerance = 1e-10;
    auto pr = PageRank(kg.digraph(), opt, &on);
    score = std::move(pr.rank);
    out.iterations = pr.iterations;
  } else if (req.by == "indegree") {
    auto deg = InDegree(kg, out.edges);
    score.assign(deg.begin(), deg.end());
  } else if (req.by == "betweenness") {
    // Exact (Boost's Brandes) while every node can be a source cheaply, else
    // a fixed-seed sample of 512 sources.
    auto est = SampledBetweenness(kg, out.edges, 512);
    if (est.exact) {
      score = Betweenness(kg, out.edges);
    } else {
      score = std::move(est.score);
      out.approximate = true;
    }
    out.sources = est.sources;
  } else {
    return Status::InvalidArgument("unknown ranking " + req.by + "; use pagerank, indegree or betweenness");
  }
  // Only nodes that take part in the chosen edges.
  std::vector<uint8_t> touched(kg.num_nodes(), 0);
  for (const Edge& e : kg.edges())
    if (out.edges & Bit(e.type)) touched[e.source] = touched[e.target] = 1;
  for (uint32_t v = 0; v < kg.num_nodes(); ++v)
    if (touched[v] && MatchesType(kg.node(v), req.type)) out.nodes.push_back({v, score[v]});
  std::sort(out.nodes.begin(), out.nodes.end(), [&](const RankedNode& a, const RankedNode& b) {
    if (a.score != b.score) return a.score > b.score;
    return kg.node(a.node).id < kg.node(b.node).id;
  });
  if (req.limit && out.nodes.size() > req.limit) out.nodes.resize(req.limit);
  return out;
}

// ---------------------------------------------------------------- timeline

TimelineResult Timeline(GraphSession& s, std::optional<uint32_t> subject, const std::string& type) {
  const KnowledgeGraph& kg = s.graph();
  TimelineResult out;
  out.subject = subject;
  std::vector<uint32_t> docs;
  if (subject) {
    const bool entity = EntityTypes().count(kg.node(*subject).type) > 0;
    const EdgeMask m = entity ? (Bit(EdgeType::kMentions) | Bit(EdgeType::kDirects)) : kCitationEdges;
    std::set<uint32_t> unique;
    for (uint32_t e : kg.InEdges(*subject, m)) unique.insert(kg.edge(e).source);
    docs.assign(unique.begin(), unique.end());
  } else {
    for (uint32_t v = 0; v < kg.num_nodes(); ++v)
      if (!kg.node(v).external) docs.push_back(v);
  }
  for (uint32_t d : docs) {
    const Node& n = kg.node(d);
    if (n.external || !MatchesType(n, type)) continue;
    out.documents.push_back(d);
  }
  std::sort(out.documents.begin(), out.documents.end(),
            [&](uint32_t a, uint32_t b) { return ByDate(kg.node(a), kg.node(b)); });
  // Administrations by their place in the knowledge base's list (oldest
  // first); a president the knowledge base has no term for goes last.
  const auto& terms = s.kb().Administrations();
  std::map<size_t, AdministrationCount> by_term;
  std::map<std::string, AdministrationCount> unknown_terms;
  for (uint32_t d : out.documents) {
    const Node& n = kg.node(d);
    ++out.by_year[n.date.size() >= 4 ? n.date.substr(0, 4) : "unknown"];
    ++out.by_jurisdiction[n.jurisdiction.empty() ? "none" : n.jurisdiction];
    if (n.president.empty()) {
      if (n.jurisdiction == "us") ++out.by_president[n.date.empty() ? "undated" : "none"];
      continue;
    }
    ++out.by_president[n.president];
    const Administration* a = s.kb().AdministrationOf(n.president, n.date);
    AdministrationCount* c;
    if (a) {
      c = &by_term[static_cast<size_t>(a - terms.data())];
      c->administration = *a;
    } else {
      c = &unknown_terms[n.president];
      c->administration.president = n.president;
      auto p = kg.Find(n.president);
      c->administration.name = p ? kg.node(*p).name : n.president;
    }
    ++c->documents;
    ++c->by_jurisdiction[n.jurisdiction];
    c->nodes.push_back(d);
  }
  if (!by_term.empty()) {
    for (size_t i = by_term.begin()->first; i <= by_term.rbegin()->first; ++i) {
      auto it = by_term.find(i);
      if (it != by_term.end()) {
        out.administrations.push_back(std::move(it->second));
      } else {
        AdministrationCount empty;
        empty.administration = terms[i];
        out.administrations.push_back(std::move(empty));
      }
    }
  }
  for (auto& [id, c] : unknown_terms) out.administrations.push_back(std::move(c));
  return out;
}

}  // namespace lodestone
