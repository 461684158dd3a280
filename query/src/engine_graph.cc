// The engine's questions about the graph: trace, neighbors, path, cites,
// cited-by, rank, timeline, cooccur, cocite, couple (engine.h). Each reads
// one revision's graph through a View, and the stored records of the
// documents it shows for their evidence sentences.
#include <algorithm>
#include <deque>
#include <set>
#include <unordered_set>

#include "id_text.h"
#include "lodestone/graph/algorithms.h"
#include "lodestone/query/engine.h"
#include "nodes.h"
#include "validate.h"

namespace lodestone::query {

using internal::CappedLimit;
using internal::CheckCap;
using internal::CheckNotEmpty;
using internal::kExpectEntity;
using internal::kExpectNode;
using internal::CheckType;
using internal::InfoOf;
using internal::IsEntityType;
using internal::MatchesType;
using internal::ParseEdges;

namespace {

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

Status CheckDepth(uint32_t depth, uint32_t most, uint32_t cap) {
  if (depth < 1 || depth > most)
    return Status::InvalidArgument("depth wants 1 to " + std::to_string(most) + ", got " + std::to_string(depth));
  return CheckCap(depth, cap, "depth");
}

// The graph and a resolved node, the opening of most questions.
struct Subject {
  const KnowledgeGraph* kg = nullptr;
  uint32_t node = 0;
};
Result<Subject> Open(View& v, const std::string& id) {
  auto kg = v.graph();
  if (!kg.ok()) return kg.status();
  auto n = v.Resolve(id);
  if (!n.ok()) return n.status();
  return Subject{*kg, *n};
}

DocStatus StatusOf(const KnowledgeGraph& kg, uint32_t doc, const std::string& as_of) {
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

}  // namespace

// ---------------------------------------------------------------- trace

Result<TraceResult> Trace(Session& session, const TraceRequest& req) {
  if (Status s = CheckNotEmpty(req.entity, "mineral", kExpectEntity); !s.ok()) return s;
  if (!req.as_of.empty())
    if (Status s = internal::CheckDate(req.as_of, "--as-of"); !s.ok()) return s;
  if (!req.status_on.empty())
    if (Status s = internal::CheckDate(req.status_on, "status date"); !s.ok()) return s;
  if (Status s = internal::CheckKind(req.kind); !s.ok()) return s;
  if (!req.via.empty() && req.via != "direct" && req.via != "group" && req.via != "category" && req.via != "member")
    return Status::InvalidArgument("--via wants direct, member, group or category");
  if (req.sort != "via" && req.sort != "date")
    return Status::InvalidArgument("unknown sort " + req.sort + "; use via (the default) or date");
  auto limit = CappedLimit(req.limit, session.options().limits.list, "limit");
  if (!limit.ok()) return limit.status();
  return session.Read([&](View& v) -> Result<TraceResult> {
    auto subject = Open(v, req.entity);
    if (!subject.ok()) return subject.status();
    const KnowledgeGraph& kg = *subject->kg;
    const uint32_t entity = subject->node;
    const Node& en = kg.node(entity);
    if (en.type != "mineral" && en.type != "concept" && en.type != "agency" && en.type != "country" &&
        en.type != "person")
      return Status::InvalidArgument(en.id + " is not an entity; trace follows minerals (and other entities) "
                                             "through the documents naming them — try lode cited-by " +
                                     en.id);
    TraceResult out;
    out.request = req;
    out.entity = InfoOf(en);
    // Everything above the entity through is_a: groups, and concepts (categories).
    std::vector<uint32_t> groups, categories;
    std::deque<uint32_t> todo{entity};
    std::set<uint32_t> seen{entity};
    while (!todo.empty()) {
      uint32_t n = todo.front();
      todo.pop_front();
      for (uint32_t e : kg.OutEdges(n, Bit(EdgeType::kIsA))) {
        uint32_t p = kg.edge(e).target;
        if (!seen.insert(p).second) continue;
        (kg.node(p).type == "concept" ? categories : groups).push_back(p);
        todo.push_back(p);
      }
    }
    // A group of minerals (rare earth elements): its members, through is_a
    // downwards (issue 16). A document naming neodymium is about rare earths
    // too. Not for a concept: its members are whole lists of minerals, and
    // every mineral's documents would become the concept's.
    std::vector<uint32_t> members;
    if (en.type == "mineral") {
      std::deque<uint32_t> down{entity};
      std::set<uint32_t> met{entity};
      while (!down.empty()) {
        uint32_t n = down.front();
        down.pop_front();
        for (uint32_t e : kg.InEdges(n, Bit(EdgeType::kIsA))) {
          uint32_t c = kg.edge(e).source;
          if (kg.node(c).type != "mineral" || !met.insert(c).second) continue;
          members.push_back(c);
          down.push_back(c);
        }
      }
    }
    for (uint32_t g : groups) out.groups.push_back(InfoOf(kg.node(g)));
    for (uint32_t c : categories) out.categories.push_back(InfoOf(kg.node(c)));
    // First the matching documents (cheap: graph only), then order, count and
    // cut, then evidence and status for the ones shown (they read records).
    struct Match {
      uint32_t doc, edge, named;
      int via;  // 0 direct, 1 member, 2 group, 3 category: the order rows are sorted by
    };
    static const char* kVia[] = {"direct", "member", "group", "category"};
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
    for (uint32_t m : members) collect(m, 1);
    for (uint32_t g : groups) collect(g, 2);
    for (uint32_t c : categories) collect(c, 3);
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
    for (const auto& m : matches)
      ++(m.via == 0 ? out.direct : m.via == 1 ? out.member : m.via == 2 ? out.group : out.category);
    if (*limit && matches.size() > *limit) matches.resize(*limit);
    for (const auto& m : matches) {
      if (Status s = v.CheckDeadline(); !s.ok()) return s;
      const Node& n = kg.node(m.doc);
      TraceDocument t;
      t.id = n.id;
      t.title = n.name;
      t.kind = n.kind;
      t.date = n.date;
      t.president = n.president;
      t.jurisdiction = n.jurisdiction;
      t.via = kVia[m.via];
      t.via_entity = kg.node(m.named).id;
      t.via_entity_name = kg.node(m.named).name;
      if (const Document* rec = v.Record(m.doc)) t.source = internal::SourceOf(*rec);
      t.evidence = v.Evidence(m.edge);
      t.evidence_at = v.EvidenceAt(m.edge).second;
      t.status = StatusOf(kg, m.doc, req.status_on.empty() ? req.as_of : req.status_on);
      for (uint32_t f : kg.OutEdges(m.doc, Bit(EdgeType::kDirects))) {
        const Node& a = kg.node(kg.edge(f).target);
        t.directs.push_back({a.id, a.name, ""});
        t.directs_evidence.push_back(v.Evidence(f));
        t.directs_at.push_back(v.EvidenceAt(f).second);
      }
      out.documents.push_back(std::move(t));
    }
    return out;
  });
}

// ---------------------------------------------------------------- neighbors

Result<NeighborsResult> Neighbors(Session& session, const NeighborsRequest& req) {
  const Limits& limits = session.options().limits;
  if (Status s = CheckNotEmpty(req.id, "id", kExpectNode); !s.ok()) return s;
  if (Status s = CheckDepth(req.depth, 6, limits.depth); !s.ok()) return s;
  auto mask = ParseEdges(req.edge, kAllEdges);
  if (!mask.ok()) return mask.status();
  if (Status s = CheckType(req.type); !s.ok()) return s;
  auto limit = CappedLimit(req.limit, limits.neighbors_limit, "limit");
  if (!limit.ok()) return limit.status();
  return session.Read([&](View& v) -> Result<NeighborsResult> {
    auto subject = Open(v, req.id);
    if (!subject.ok()) return subject.status();
    const KnowledgeGraph& kg = *subject->kg;
    auto reached = Neighborhood(kg, subject->node, req.depth, *mask);
    NeighborsResult out;
    out.request = req;
    out.start = InfoOf(kg.node(subject->node));
    for (size_t i = 1; i < reached.size(); ++i) {
      const Reached& r = reached[i];
      if (!MatchesType(kg.node(r.node), req.type)) continue;
      ++out.total;
      if (*limit != 0 && out.nodes.size() >= *limit) continue;
      if (Status s = v.CheckDeadline(); !s.ok()) return s;
      Neighbor n;
      n.node = InfoOf(kg.node(r.node));
      n.depth = r.depth;
      const Edge& e = kg.edge(r.via_edge);
      n.via = InfoOf(kg, e);
      n.outward = e.target == r.node;
      n.evidence = v.Evidence(r.via_edge);
      out.nodes.push_back(std::move(n));
    }
    return out;
  });
}

// ---------------------------------------------------------------- path

Result<PathResult> Path(Session& session, const PathRequest& req) {
  if (Status s = CheckNotEmpty(req.from, "from", kExpectNode); !s.ok()) return s;
  if (Status s = CheckNotEmpty(req.to, "to", kExpectNode); !s.ok()) return s;
  auto mask = ParseEdges(req.edge, kAllEdges & ~Bit(EdgeType::kIssuedBy));
  if (!mask.ok()) return mask.status();
  return session.Read([&](View& v) -> Result<PathResult> {
    auto a = Open(v, req.from);
    if (!a.ok()) return a.status();
    auto b = v.Resolve(req.to);
    if (!b.ok()) return b.status();
    const KnowledgeGraph& kg = *a->kg;
    auto edges = ShortestPath(kg, a->node, *b, *mask);
    if (!edges)
      return Status::NotFound("no path between " + kg.node(a->node).id + " and " + kg.node(*b).id +
                              (req.edge.empty() ? "" : " over " + req.edge + " edges"));
    PathResult out;
    out.request = req;
    uint32_t cur = a->node;
    out.path.push_back(InfoOf(kg.node(cur)));
    for (uint32_t e : *edges) {
      const Edge& ed = kg.edge(e);
      PathHop hop;
      hop.edge = InfoOf(kg, ed);
      hop.forward = ed.source == cur;
      hop.evidence = v.Evidence(e);
      cur = hop.forward ? ed.target : ed.source;
      out.path.push_back(InfoOf(kg.node(cur)));
      out.hops.push_back(std::move(hop));
    }
    return out;
  });
}

// ---------------------------------------------------------------- cites / cited-by

namespace {

Result<CitationsResult> Citations(Session& session, const CitationsRequest& req, bool incoming) {
  if (Status s = CheckNotEmpty(req.id, "id", kExpectNode); !s.ok()) return s;
  auto limit = CappedLimit(req.limit, session.options().limits.list, "limit");
  if (!limit.ok()) return limit.status();
  return session.Read([&](View& v) -> Result<CitationsResult> {
    auto subject = Open(v, req.id);
    if (!subject.ok()) return subject.status();
    const KnowledgeGraph& kg = *subject->kg;
    struct Entry {
      uint32_t node = 0;
      std::vector<EdgeType> relations;
      uint32_t count = 0;
      uint32_t evidence_edge = 0;
      bool has_evidence_edge = false;
    };
    std::map<uint32_t, Entry> by_other;
    const auto edges = incoming ? kg.InEdges(subject->node, kCitationEdges) : kg.OutEdges(subject->node, kCitationEdges);
    for (uint32_t e : edges) {
      const Edge& ed = kg.edge(e);
      uint32_t other = incoming ? ed.source : ed.target;
      Entry& c = by_other[other];
      c.node = other;
      c.relations.push_back(ed.type);
      if (ed.type == EdgeType::kCites) c.count = std::max(c.count, ed.count);
      // A relation's own sentence says more than a bare citation.
      if (!c.has_evidence_edge || ed.type != EdgeType::kCites) {
        c.evidence_edge = e;
        c.has_evidence_edge = true;
      }
    }
    std::vector<Entry> entries;
    for (auto& [other, c] : by_other) entries.push_back(std::move(c));
    std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
      if (incoming) return ByDate(kg.node(a.node), kg.node(b.node));
      return internal::NaturalLess(kg.node(a.node).id, kg.node(b.node).id);
    });
    CitationsResult out;
    out.subject = InfoOf(kg.node(subject->node));
    out.incoming = incoming;
    out.total = entries.size();
    if (*limit && entries.size() > *limit) entries.resize(*limit);
    for (Entry& c : entries) {
      if (Status s = v.CheckDeadline(); !s.ok()) return s;
      CitationEntry x;
      x.node = InfoOf(kg.node(c.node));
      x.relations = std::move(c.relations);
      x.count = c.count == 0 ? 1 : c.count;
      x.evidence = v.Evidence(c.evidence_edge);
      out.entries.push_back(std::move(x));
    }
    return out;
  });
}

}  // namespace

Result<CitationsResult> Cites(Session& session, const CitationsRequest& request) {
  return Citations(session, request, false);
}
Result<CitationsResult> CitedBy(Session& session, const CitationsRequest& request) {
  return Citations(session, request, true);
}

// ---------------------------------------------------------------- rank

Result<RankResult> Rank(Session& session, const RankRequest& req) {
  if (Status s = CheckType(req.type); !s.ok()) return s;
  if (req.by != "pagerank" && req.by != "indegree" && req.by != "betweenness")
    return Status::InvalidArgument("unknown ranking " + req.by + "; use pagerank, indegree or betweenness");
  auto given = ParseEdges(req.edge, 0);
  if (!given.ok()) return given.status();
  auto limit = CappedLimit(req.limit, session.options().limits.list, "limit");
  if (!limit.ok()) return limit.status();
  return session.Read([&](View& v) -> Result<RankResult> {
    auto g = v.graph();
    if (!g.ok()) return g.status();
    const KnowledgeGraph& kg = **g;
    RankResult out;
    out.request = req;
    const EdgeMask edges = *given                 ? *given
                           : IsEntityType(req.type) ? (Bit(EdgeType::kMentions) | Bit(EdgeType::kDirects))
                                                    : kCitationEdges;
    for (int t = 0; t < kEdgeTypeCount; ++t)
      if (edges & (1u << t)) out.edges.push_back(EdgeTypeName(static_cast<EdgeType>(t)));
    std::vector<double> score;
    if (req.by == "pagerank") {
      auto on = EdgeFilter(kg, edges);
      PageRankOptions opt;
      opt.tolerance = 1e-10;
      auto pr = PageRank(kg.digraph(), opt, &on);
      score = std::move(pr.rank);
      out.iterations = pr.iterations;
    } else if (req.by == "indegree") {
      auto deg = InDegree(kg, edges);
      score.assign(deg.begin(), deg.end());
    } else {
      // Exact (Boost's Brandes) while every node can be a source cheaply, else
      // a fixed-seed sample of 512 sources.
      auto est = SampledBetweenness(kg, edges, 512);
      if (est.exact) {
        score = Betweenness(kg, edges);
      } else {
        score = std::move(est.score);
        out.approximate = true;
      }
      out.sources = est.sources;
    }
    if (Status s = v.CheckDeadline(); !s.ok()) return s;
    // Only nodes that take part in the chosen edges.
    std::vector<uint8_t> touched(kg.num_nodes(), 0);
    for (const Edge& e : kg.edges())
      if (edges & Bit(e.type)) touched[e.source] = touched[e.target] = 1;
    std::vector<std::pair<uint32_t, double>> ranked;
    for (uint32_t n = 0; n < kg.num_nodes(); ++n)
      if (touched[n] && MatchesType(kg.node(n), req.type)) ranked.push_back({n, score[n]});
    std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
      if (a.second != b.second) return a.second > b.second;
      return kg.node(a.first).id < kg.node(b.first).id;
    });
    if (*limit && ranked.size() > *limit) ranked.resize(*limit);
    for (const auto& [n, sc] : ranked) out.nodes.push_back({InfoOf(kg.node(n)), sc});
    return out;
  });
}

// ---------------------------------------------------------------- timeline

Result<TimelineResult> Timeline(Session& session, const TimelineRequest& req) {
  if (req.id)
    if (Status s = CheckNotEmpty(*req.id, "id", kExpectNode); !s.ok()) return s;
  if (Status s = CheckType(req.type); !s.ok()) return s;
  if (!req.by.empty() && req.by != "year" && req.by != "president")
    return Status::InvalidArgument("--by wants year or president, got " + req.by);
  auto limit = CappedLimit(req.limit, session.options().limits.list, "limit");
  if (!limit.ok()) return limit.status();
  return session.Read([&](View& v) -> Result<TimelineResult> {
    auto g = v.graph();
    if (!g.ok()) return g.status();
    const KnowledgeGraph& kg = **g;
    auto kbr = v.kb();
    if (!kbr.ok()) return kbr.status();
    const KnowledgeBase& kb = **kbr;
    TimelineResult out;
    out.request = req;
    std::vector<uint32_t> docs;
    if (req.id) {
      auto subject = v.Resolve(*req.id);
      if (!subject.ok()) return subject.status();
      out.subject = InfoOf(kg.node(*subject));
      const bool entity = IsEntityType(kg.node(*subject).type);
      const EdgeMask m = entity ? (Bit(EdgeType::kMentions) | Bit(EdgeType::kDirects)) : kCitationEdges;
      std::set<uint32_t> unique;
      for (uint32_t e : kg.InEdges(*subject, m)) unique.insert(kg.edge(e).source);
      docs.assign(unique.begin(), unique.end());
    } else {
      for (uint32_t n = 0; n < kg.num_nodes(); ++n)
        if (!kg.node(n).external) docs.push_back(n);
    }
    std::vector<uint32_t> documents;
    for (uint32_t d : docs) {
      const Node& n = kg.node(d);
      if (n.external || !MatchesType(n, req.type)) continue;
      documents.push_back(d);
    }
    std::sort(documents.begin(), documents.end(), [&](uint32_t a, uint32_t b) { return ByDate(kg.node(a), kg.node(b)); });
    out.total = documents.size();
    // Administrations by their place in the knowledge base's list (oldest
    // first); a president the knowledge base has no term for goes last.
    const auto& terms = kb.Administrations();
    struct Count {
      AdministrationCount c;
      std::vector<uint32_t> nodes;
    };
    std::map<size_t, Count> by_term;
    std::map<std::string, Count> unknown_terms;
    for (uint32_t d : documents) {
      const Node& n = kg.node(d);
      ++out.by_year[n.date.size() >= 4 ? n.date.substr(0, 4) : "unknown"];
      ++out.by_jurisdiction[n.jurisdiction.empty() ? "none" : n.jurisdiction];
      if (n.president.empty()) {
        if (n.jurisdiction == "us") ++out.by_president[n.date.empty() ? "undated" : "none"];
        continue;
      }
      ++out.by_president[n.president];
      const Administration* a = kb.AdministrationOf(n.president, n.date);
      Count* c;
      if (a) {
        c = &by_term[static_cast<size_t>(a - terms.data())];
        c->c.administration = *a;
      } else {
        c = &unknown_terms[n.president];
        c->c.administration.president = n.president;
        auto p = kg.Find(n.president);
        c->c.administration.name = p ? kg.node(*p).name : n.president;
      }
      ++c->c.documents;
      ++c->c.by_jurisdiction[n.jurisdiction];
      c->nodes.push_back(d);
    }
    // With --by president each administration lists its first `limit`
    // documents (0: all; the text form shows none then).
    auto add = [&](Count& c) {
      if (req.by == "president")
        for (size_t i = 0; i < c.nodes.size() && (*limit == 0 || i < *limit); ++i)
          c.c.listed.push_back(InfoOf(kg.node(c.nodes[i])));
      out.administrations.push_back(std::move(c.c));
    };
    if (!by_term.empty()) {
      for (size_t i = by_term.begin()->first; i <= by_term.rbegin()->first; ++i) {
        auto it = by_term.find(i);
        if (it != by_term.end()) {
          add(it->second);
        } else {
          Count empty;
          empty.c.administration = terms[i];
          add(empty);
        }
      }
    }
    for (auto& [id, c] : unknown_terms) add(c);
    for (size_t i = 0; i < documents.size() && (*limit == 0 || i < *limit); ++i)
      out.documents.push_back(InfoOf(kg.node(documents[i])));
    return out;
  });
}

// ---------------------------------------------------------------- cooccur

Result<CooccurResult> Cooccur(Session& session, const CooccurRequest& req) {
  if (Status s = CheckNotEmpty(req.id, "id", kExpectEntity); !s.ok()) return s;
  if (Status s = CheckType(req.type); !s.ok()) return s;
  auto limit = CappedLimit(req.limit, session.options().limits.list, "limit");
  if (!limit.ok()) return limit.status();
  return session.Read([&](View& v) -> Result<CooccurResult> {
    auto subject = Open(v, req.id);
    if (!subject.ok()) return subject.status();
    const KnowledgeGraph& kg = *subject->kg;
    CooccurResult out;
    out.request = req;
    out.subject = InfoOf(kg.node(subject->node));
    out.documents = kg.InEdges(subject->node, Bit(EdgeType::kMentions)).size();
    for (const CoOccurrence& c : CoOccurrences(kg, subject->node)) {
      if (!MatchesType(kg.node(c.node), req.type)) continue;
      ++out.total;
      if (*limit == 0 || out.entries.size() < *limit)
        out.entries.push_back({InfoOf(kg.node(c.node)), c.shared, c.documents, c.jaccard, c.lift});
    }
    return out;
  });
}

// ---------------------------------------------------------------- cocite / couple

namespace {

Result<RelatedResult> RelatedTo(Session& session, const RelatedRequest& req, bool cocite) {
  if (Status s = CheckNotEmpty(req.id, "id", kExpectNode); !s.ok()) return s;
  if (Status s = CheckType(req.type); !s.ok()) return s;
  auto limit = CappedLimit(req.limit, session.options().limits.list, "limit");
  if (!limit.ok()) return limit.status();
  return session.Read([&](View& v) -> Result<RelatedResult> {
    auto subject = Open(v, req.id);
    if (!subject.ok()) return subject.status();
    const KnowledgeGraph& kg = *subject->kg;
    const uint32_t n = subject->node;
    RelatedResult out;
    out.subject = InfoOf(kg.node(n));
    out.cocitation = cocite;
    out.degree = cocite ? kg.InEdges(n, Bit(EdgeType::kCites)).size() : kg.OutEdges(n, Bit(EdgeType::kCites)).size();
    for (const Related& r : cocite ? CoCitations(kg, n) : Couplings(kg, n)) {
      if (!MatchesType(kg.node(r.node), req.type)) continue;
      ++out.total;
      if (*limit == 0 || out.entries.size() < *limit)
        out.entries.push_back({InfoOf(kg.node(r.node)), r.shared, r.degree, r.cosine});
    }
    return out;
  });
}

}  // namespace

Result<RelatedResult> CoCite(Session& session, const RelatedRequest& request) {
  return RelatedTo(session, request, true);
}
Result<RelatedResult> Couple(Session& session, const RelatedRequest& request) {
  return RelatedTo(session, request, false);
}

}  // namespace lodestone::query
