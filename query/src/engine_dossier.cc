// The dossier (dossier.h): Trace, DescribeEntity and the knowledge base's
// administrations arranged into one report, plus what only a dossier asks
// (sequence pairs, the literature's counts and clusters, the gaps).
#include <algorithm>
#include <numeric>
#include <set>

#include "dossier_gaps.h"
#include "lodestone/graph/algorithms.h"
#include "lodestone/query/dossier.h"
#include "nodes.h"
#include "validate.h"

namespace lodestone::query {

namespace {

// A date as far as it is known ("2020", "2020-05", "2020-05-17") widened to
// the first or last day it may stand for.
std::string Low(const std::string& d) {
  if (d.size() == 4) return d + "-01-01";
  if (d.size() == 7) return d + "-01";
  return d.substr(0, 10);
}
std::string High(const std::string& d) {
  if (d.size() == 4) return d + "-12-31";
  if (d.size() == 7) return d + "-31";
  return d.substr(0, 10);
}

// Days since 1970-01-01 of YYYY-MM-DD (Howard Hinnant's days_from_civil).
long DaysOf(const std::string& d) {
  const std::string s = Low(d);
  int y = std::stoi(s.substr(0, 4));
  const unsigned m = static_cast<unsigned>(std::stoi(s.substr(5, 2)));
  const unsigned dd = static_cast<unsigned>(std::stoi(s.substr(8, 2)));
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

// The same day a year later ("2023-07-03" -> "2024-07-03"): "within 12 months".
std::string YearLater(const std::string& d) {
  const std::string s = Low(d);
  return std::to_string(std::stoi(s.substr(0, 4)) + 1) + s.substr(4);
}

bool Dated(const std::string& d) { return d.size() >= 4; }

bool IsPaper(const TraceDocument& d) { return d.kind == "paper"; }
bool IsUs(const std::string& j) { return j == "us" || j == "intl"; }

// A measure's side on the chart and in the sequence pairs.
std::string SideOf(const TraceDocument& d) { return d.jurisdiction == "cn" ? "cn" : "us"; }

// cnlaw:<title>@<date> -> <title>; "" for other ids.
std::string VersionKey(const std::string& id) {
  if (id.rfind("cnlaw:", 0) != 0) return "";
  const size_t at = id.rfind('@');
  return at == std::string::npos ? "" : id.substr(0, at);
}

struct UnionFind {
  std::vector<size_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t Root(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Join(size_t a, size_t b) { parent[Root(a)] = Root(b); }
};

}  // namespace

std::string AdministrationLabel(const Administration& a) {
  std::string label = a.name.empty() ? a.president : a.name;
  if (a.from.size() >= 4) label += " " + a.from.substr(0, 4) + "–" + (a.to.size() >= 4 ? a.to.substr(0, 4) : "");
  return label;
}

size_t DossierResult::Measures() const {
  size_t n = us_unattributed.size() + china.size();
  for (const auto& a : us) n += a.measures.size();
  return n;
}

Result<DossierResult> Dossier(Session& session, const DossierRequest& req) {
  if (Status s = internal::CheckNotEmpty(req.subject, "mineral", internal::kExpectEntity); !s.ok()) return s;
  if (!req.from.empty())
    if (Status s = internal::CheckDate(req.from, "--from"); !s.ok()) return s;
  if (!req.to.empty())
    if (Status s = internal::CheckDate(req.to, "--to"); !s.ok()) return s;
  if (!req.from.empty() && !req.to.empty() && req.from > req.to)
    return Status::InvalidArgument("--from " + req.from + " is after --to " + req.to);

  // 1. The documents: exactly what `lode trace SUBJECT --sort date` lists.
  TraceRequest tr;
  tr.entity = req.subject;
  tr.sort = "date";
  tr.limit = 0;
  tr.status_on = req.to;  // statuses on the end date; nothing left out for it
  auto trace = Trace(session, tr);
  if (!trace.ok()) return trace.status();
  const std::string type = trace->entity.type;
  if (type != "mineral" && type != "concept")
    return Status::InvalidArgument(trace->entity.id + " is a" + (type == "agency" ? "n " : " ") + type +
                                   "; a dossier is about a mineral, a group of minerals or a concept "
                                   "(lode dossier gallium, lode dossier rare-earth-elements, lode dossier "
                                   "concept:critical-minerals) — try lode trace " +
                                   trace->entity.id);
  const std::string id = trace->entity.id;

  // 2. The subject's names and members, as `lode entity` gives them.
  EntityRequest er;
  er.name = id;
  er.limit = 0;
  auto entity = DescribeEntity(session, er);
  if (!entity.ok()) return entity.status();

  DossierResult out;
  out.request = req;
  out.subject = trace->entity;
  out.groups = trace->groups;
  out.categories = trace->categories;
  out.members = entity->members;
  out.status_on = req.to;
  out.trace_total = trace->total;
  out.trace_truncated = trace->truncated();
  if (entity->entity) {
    out.zh = entity->entity->zh;
    out.aliases = entity->entity->aliases;
    out.lists = entity->entity->lists;
  }
  const bool concept = type == "concept";

  // 3. Arrange the trace rows; everything that needs the graph, the
  // knowledge base or a search runs in one read below.
  auto in_range = [&](const std::string& d) {
    if (!Dated(d)) return true;  // undated: shown apart, never dropped
    return (req.from.empty() || High(d) >= req.from) && (req.to.empty() || Low(d) <= req.to);
  };
  std::vector<TraceDocument> papers, measures;
  for (const TraceDocument& d : trace->documents) {
    if (!in_range(d.date)) {
      ++out.out_of_range;
      continue;
    }
    ++out.by_jurisdiction[d.jurisdiction.empty() ? "none" : d.jurisdiction];
    ++out.by_kind[d.kind];
    ++out.by_via[d.via];
    if (IsPaper(d)) {
      papers.push_back(d);
    } else if (IsUs(d.jurisdiction) || d.jurisdiction == "cn") {
      measures.push_back(d);
    } else {
      NodeInfo n;
      n.id = d.id, n.type = d.id.substr(0, d.id.find(':')), n.name = d.title, n.kind = d.kind, n.date = d.date;
      n.external = false;
      out.other.push_back(std::move(n));
    }
  }

  auto read = session.Read([&](View& v) -> Result<bool> {
    auto g = v.graph();
    if (!g.ok()) return g.status();
    const KnowledgeGraph& kg = **g;
    auto kbr = v.kb();
    if (!kbr.ok()) return kbr.status();
    const KnowledgeBase& kb = **kbr;
    auto zh = [&](const std::string& e) {
      if (const Entity* k = kb.Find(e); k && !k->zh.empty()) out.zh_names[e] = k->zh.front();
    };
    for (const auto& m : out.members) zh(m);

    // Versions of Chinese laws: every cnlaw:<title>@<date> node of the graph.
    std::map<std::string, std::vector<std::string>> versions;
    for (const Node& n : kg.nodes())
      if (std::string key = VersionKey(n.id); !key.empty() && !n.external) versions[key].push_back(n.id);
    for (auto& [key, ids] : versions) std::sort(ids.begin(), ids.end());

    // U.S. measures by the administration Timeline puts them under.
    const auto& terms = kb.Administrations();
    std::map<size_t, DossierAdministration> by_term;
    std::set<std::string> measure_ids;
    for (TraceDocument& d : measures) {
      measure_ids.insert(d.id);
      for (const LinkedNode& a : d.directs) zh(a.id);
      DossierMeasure m;
      m.names_subject = d.via != "category" || concept;
      m.doc = d;
      if (d.jurisdiction == "cn") {
        if (auto it = versions.find(VersionKey(d.id)); it != versions.end()) m.versions = it->second;
        out.china.push_back(std::move(m));
        continue;
      }
      const Administration* a = d.president.empty() ? nullptr : kb.AdministrationOf(d.president, d.date);
      if (!a) {
        out.us_unattributed.push_back(std::move(m));
        continue;
      }
      DossierAdministration& slot = by_term[static_cast<size_t>(a - terms.data())];
      slot.administration = *a;
      if (m.doc.via == "direct") ++slot.direct;
      slot.measures.push_back(std::move(m));
    }
    for (auto& [i, a] : by_term) {
      out.by_administration[AdministrationLabel(a.administration)] = a.measures.size();
      out.us.push_back(std::move(a));
    }
    if (!out.us_unattributed.empty()) out.by_administration["no administration (undated or Congress)"] = out.us_unattributed.size();

    // Sequence pairs: each dated measure naming the subject, with the latest
    // earlier one of the other side within 12 months.
    std::vector<const DossierMeasure*> dated;
    for (const auto& a : out.us)
      for (const auto& m : a.measures)
        if (Dated(m.doc.date) && m.names_subject) dated.push_back(&m);
    for (const auto& m : out.us_unattributed)
      if (Dated(m.doc.date) && m.names_subject) dated.push_back(&m);
    for (const auto& m : out.china)
      if (Dated(m.doc.date) && m.names_subject) dated.push_back(&m);
    std::stable_sort(dated.begin(), dated.end(),
                     [](const DossierMeasure* a, const DossierMeasure* b) { return Low(a->doc.date) < Low(b->doc.date); });
    for (size_t j = 0; j < dated.size(); ++j) {
      const TraceDocument& second = dated[j]->doc;
      for (size_t i = j; i-- > 0;) {
        const TraceDocument& first = dated[i]->doc;
        if (Low(first.date) >= Low(second.date)) continue;  // same day: no order to tell
        if (YearLater(first.date) < Low(second.date)) break;
        if (SideOf(first) == SideOf(second)) continue;
        out.sequences.push_back({first.id, second.id, SideOf(first), SideOf(second), first.date, second.date,
                                 static_cast<int>(DaysOf(second.date) - DaysOf(first.date))});
        break;
      }
    }

    // The literature: papers the trace lists, and papers citing a measure.
    std::map<std::string, DossierPaper> by_id;
    for (const TraceDocument& d : papers) {
      DossierPaper& p = by_id[d.id];
      p.node.id = d.id, p.node.type = d.id.substr(0, d.id.find(':')), p.node.name = d.title, p.node.kind = d.kind;
      p.node.date = d.date, p.node.external = false;
      p.via = "names";
      p.evidence = d.evidence;
    }
    for (const std::string& mid : measure_ids) {
      auto n = kg.Find(mid);
      if (!n) continue;
      for (uint32_t e : kg.InEdges(*n, kCitationEdges)) {
        const Node& src = kg.node(kg.edge(e).source);
        if (src.external || src.kind != "paper" || !in_range(src.date)) continue;
        DossierPaper& p = by_id[src.id];
        if (p.node.id.empty()) {
          p.node = internal::InfoOf(src);
          p.via = "cites";
        }
        if (std::find(p.cites.begin(), p.cites.end(), mid) == p.cites.end()) p.cites.push_back(mid);
      }
    }
    std::vector<DossierPaper> lit;
    std::map<uint32_t, size_t> slot_of;  // graph node -> index in lit
    for (auto& [pid, p] : by_id) {
      auto n = kg.Find(pid);
      if (n) {
        std::set<uint32_t> citing;
        for (uint32_t e : kg.InEdges(*n, Bit(EdgeType::kCites))) citing.insert(kg.edge(e).source);
        p.cited_by = static_cast<uint32_t>(citing.size());
        slot_of[*n] = lit.size();
      }
      lit.push_back(std::move(p));
    }
    out.literature_total = lit.size();
    // Co-citation clusters: papers joined when some document cites both.
    UnionFind uf(lit.size());
    std::vector<bool> linked(lit.size(), false);
    for (const auto& [node, i] : slot_of) {
      if (Status s = v.CheckDeadline(); !s.ok()) return s;
      if (lit[i].cited_by == 0) continue;
      for (const Related& r : CoCitations(kg, node))
        if (auto it = slot_of.find(r.node); it != slot_of.end()) {
          uf.Join(i, it->second);
          linked[i] = linked[it->second] = true;
        }
    }
    // A cluster is named, before the sort, by its root (as -1 - root);
    // after it, numbered 1, 2, ... in the order the clusters first appear
    // (most cited first).
    for (size_t i = 0; i < lit.size(); ++i)
      if (linked[i]) lit[i].cluster = -1 - static_cast<int>(uf.Root(i));
    std::sort(lit.begin(), lit.end(), [](const DossierPaper& a, const DossierPaper& b) {
      if (a.cited_by != b.cited_by) return a.cited_by > b.cited_by;
      if (a.node.date != b.node.date) return a.node.date > b.node.date;
      return a.node.id < b.node.id;
    });
    std::map<int, int> number;
    for (DossierPaper& p : lit)
      if (p.cluster < 0) p.cluster = number.emplace(p.cluster, static_cast<int>(number.size()) + 1).first->second;
    out.clusters = static_cast<int>(number.size());
    if (req.literature_limit && lit.size() > req.literature_limit) lit.resize(req.literature_limit);
    for (DossierPaper& p : lit) {
      if (auto n = kg.Find(p.node.id))
        if (const Document* rec = v.Record(*n)) {
          p.language = rec->language;
          p.authors = rec->authors;
          if (p.authors.size() > 3) p.authors.resize(3);
        }
    }
    out.literature = std::move(lit);

    // Gaps: instruments known to exist, searched for now.
    std::vector<std::string> related = out.members;
    related.push_back(id);
    for (const NodeInfo& gr : out.groups) related.push_back(gr.id);
    for (const KnownInstrument& k : KnownInstruments()) {
      if (!k.Concerns(related, concept)) continue;
      if (!in_range(k.date)) continue;
      lodestone::SearchRequest s;
      s.query = k.query;
      s.limit = 5;
      auto found = v.Search(s);
      if (!found.ok()) return found.status();
      DossierGap gap{k.side, k.name, k.date, k.citation, k.query, {}};
      for (const auto& h : found->hits) gap.found.push_back(h.doc.id);
      out.gaps.push_back(std::move(gap));
    }
    // The list notices the memberships cite: in this index or not.
    std::set<std::string> notices;
    for (const auto& l : out.lists) notices.insert(l.citation);
    for (const std::string& c : notices) {
      // "87 FR 10381" -> fr:87/10381
      const size_t sp = c.find(" FR ");
      if (sp == std::string::npos) continue;
      const std::string fr = "fr:" + c.substr(0, sp) + "/" + c.substr(sp + 4);
      auto n = kg.Find(fr);
      if (!n || kg.node(*n).external)
        out.notes.push_back("The list notice " + c + " (" + fr + ") is not a document of this index" +
                            (n ? " (it is cited: lode cited-by " + fr + ")" : "") + ".");
    }
    return true;
  });
  if (!read.ok()) return read.status();

  // 6. The commands that list the same documents.
  const std::string range = std::string(req.from.empty() ? "" : " (dates from " + req.from + ")") +
                            (req.to.empty() ? "" : " (dates to " + req.to + ")");
  out.commands = {
      {"1", "lode entity " + id, "the names, list memberships and members"},
      {"2", "lode trace " + id + " --sort date --json",
       "every document of sections 2, 3 and 5 (rows with jurisdiction us or intl: section 2)" + range},
      {"2", "lode timeline " + id + " --by president",
       "documents naming " + id + " itself per administration (the \"naming it\" counts)"},
      {"2", "lode cited-by ID", "who revokes, amends or supersedes one measure (its status)"},
      {"3", "lode trace " + id + " --sort date --json", "rows with jurisdiction cn"},
      {"4", "lode trace " + id + " --via direct --sort date", "the measures naming it, the sequence pairs' ends"},
      {"5", "lode trace " + id + " --kind paper", "papers naming it"},
      {"5", "lode cited-by ID", "papers citing one of the measures"},
      {"5", "lode cocite ID --type paper", "a paper's co-citation neighbours (its cluster)"},
      {"6", "lode search 'jurisdiction:cn' --facets", "the index's documents per jurisdiction"},
  };
  if (!req.to.empty()) out.commands[3].command = "lode cited-by ID  (relations dated after " + req.to + " left out)";
  return out;
}

}  // namespace lodestone::query
