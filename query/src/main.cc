// lode: the Lodestone command line.
//
// main() parses flags into a validated config, then runs one command as a
// list of named steps. Exit codes: 0 success; 1 the command ran but found a
// problem (a file failed to ingest, an id is unknown, no index); 2 bad usage
// or a query syntax error.
#include <unistd.h>

#include <sys/wait.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <fstream>
#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "lodestone/graph/export.h"
#include "lodestone/index/searcher.h"
#include "lodestone/ingest/analyzer.h"
#include "lodestone/ingest/kb.h"
#include "lodestone/ingest/pipeline.h"
#include "lodestone/fetch/federal_register.h"
#include "lodestone/query/bib_export.h"
#include "lodestone/query/bibliometric_render.h"
#include "lodestone/query/bibliometrics.h"
#include "lodestone/query/fetch_render.h"
#include "lodestone/query/graph_queries.h"
#include "lodestone/query/graph_render.h"
#include "lodestone/query/render.h"
#include "lodestone/query/snippet.h"

namespace fs = std::filesystem;
using namespace lodestone;

namespace {

constexpr int kExitOk = 0, kExitProblem = 1, kExitUsage = 2;

struct Common {
  std::string index;
  bool json = false;
};

std::string DefaultIndex() {
  if (const char* env = std::getenv("LODE_INDEX"); env && *env) return env;
  return "lode-index";
}

int Fail(const Common& c, const Status& s) {
  int code = s.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitProblem;
  const char* name = s.code() == Status::Code::kInvalidArgument ? "invalid_argument"
                     : s.code() == Status::Code::kNotFound  ? "not_found"
                     : s.code() == Status::Code::kCorrupt   ? "corrupt"
                                                            : "error";
  if (c.json) std::cout << ErrorJson(s.message(), name);
  std::cerr << "lode: " << s.message() << "\n";
  return code;
}

// ---------------------------------------------------------------- commands

int RunIngest(const Common& c, const IngestOptions& in, bool quiet, bool verbose) {
  IngestOptions opt = in;
  opt.index_dir = c.index;
  opt.progress = !quiet && !c.json && ::isatty(STDERR_FILENO);
  auto sum = Ingest(opt);
  if (!sum.ok()) return Fail(c, sum.status());
  if (c.json)
    std::cout << IngestJson(*sum);
  else if (!quiet || !sum->failed.empty())
    std::cout << IngestText(*sum, verbose);
  return sum->failed.empty() ? kExitOk : kExitProblem;
}

int RunSearch(const Common& c, SearchRequest req) {
  auto searcher = Searcher::Open(c.index);
  if (!searcher.ok()) return Fail(c, searcher.status());
  Analyzer analyzer;
  const std::string original = req.query;
  req.query = analyzer.SegmentQuery(req.query);
  auto res = (*searcher)->Search(req);
  if (!res.ok()) return Fail(c, res.status());
  req.query = original;
  const bool color = !c.json && ::isatty(STDOUT_FILENO);
  SnippetOptions sopt;
  if (!c.json) {
    sopt.mark_start = color ? "\033[1;33m" : "";
    sopt.mark_end = color ? "\033[0m" : "";
  }
  std::vector<RenderedHit> hits;
  for (const auto& h : res->hits)
    hits.push_back({&h, MakeSnippet(h.doc.text.empty() ? h.doc.title : h.doc.text, res->words, res->stems, analyzer, sopt)});
  std::cout << (c.json ? SearchJson(req, *res, hits) : SearchText(req, *res, hits, color));
  return kExitOk;
}

int RunSimilar(const Common& c, const SimilarRequest& req) {
  auto searcher = Searcher::Open(c.index);
  if (!searcher.ok()) return Fail(c, searcher.status());
  auto res = (*searcher)->Similar(req);
  if (!res.ok()) return Fail(c, res.status());
  std::cout << (c.json ? SimilarJson(*res) : SimilarText(*res, ::isatty(STDOUT_FILENO)));
  return kExitOk;
}

int RunShow(const Common& c, const std::string& key, bool no_text) {
  auto searcher = Searcher::Open(c.index);
  if (!searcher.ok()) return Fail(c, searcher.status());
  auto doc = (*searcher)->Get(key);
  const Status first = doc.ok() ? Status::Ok() : doc.status();
  if (!doc.ok() && doc.status().code() == Status::Code::kNotFound) {
    // A path as given to ingest.
    std::error_code ec;
    std::string abs = fs::absolute(key, ec).lexically_normal().string();
    if (!ec && abs != key) doc = (*searcher)->Get(abs);
    if (!doc.ok() && doc.status().code() == Status::Code::kNotFound) doc = first;
  }
  if (!doc.ok()) {
    if (doc.status().code() == Status::Code::kNotFound) {
      std::string msg = doc.status().message();
      size_t colon = key.find(':');
      auto near = (*searcher)->IdsWithPrefix(colon == std::string::npos ? key : key.substr(0, colon + 1) +
                                                 key.substr(colon + 1, 2), 5);
      // A failure to list them leaves the not-found message as it is.
      if (near.ok() && !near->empty()) {
        msg += "; ids that start alike:";
        for (const auto& n : *near) msg += " " + n;
      }
      return Fail(c, Status::NotFound(msg));
    }
    return Fail(c, doc.status());
  }
  std::cout << (c.json ? DocumentJson(*doc) : DocumentText(*doc, !no_text));
  return kExitOk;
}

int RunEntity(const Common& c, const std::string& name, const std::vector<std::string>& kb_files, size_t limit) {
  auto kb = KnowledgeBase::Builtin();
  if (!kb.ok()) return Fail(c, kb.status());
  for (const auto& f : kb_files) {
    Status s = kb->AddFile(f);
    if (!s.ok()) return Fail(c, Status::InvalidArgument(s.message()));
  }
  auto searcher = Searcher::Open(c.index);
  if (!searcher.ok()) return Fail(c, searcher.status());
  EntityReport r;
  if (const Entity* e = kb->Find(name)) {
    r.id = e->id;
    r.entity = e;
  } else if (auto found = kb->Lookup(name); !found.empty()) {
    r.id = found.front()->id;
    r.entity = found.front();
  } else if (name.find(':') != std::string::npos) {
    r.id = name;  // a cited id (eo:13817) or an entity only a user file knows
  }
  const bool cited = r.id.empty() ? false : !r.entity;
  if (!r.id.empty()) {
    auto top = (*searcher)->Postings(r.id, cited, limit, &r.documents);
    if (!top.ok()) return Fail(c, top.status());
    r.top = *top;
  }
  if (r.id.empty() || (!r.entity && r.documents == 0)) {
    std::string msg = "no entity " + name;
    auto similar = kb->Similar(name, 3);
    if (!similar.empty()) {
      msg += "; did you mean";
      for (size_t i = 0; i < similar.size(); ++i) msg += (i ? ", " : " ") + similar[i];
      msg += "?";
    }
    return Fail(c, Status::NotFound(msg));
  }
  for (const auto& e : kb->entities())
    if (std::find(e.is_a.begin(), e.is_a.end(), r.id) != e.is_a.end()) r.members.push_back(&e);
  auto co = (*searcher)->CoOccurring(r.id, 10);
  if (co.ok()) r.cooccurs = *co;
  for (const auto& [id, n] : r.cooccurs) {
    const Entity* e = kb->Find(id);
    r.cooccur_names.push_back(e ? e->name : id);
  }
  std::cout << (c.json ? EntityJson(r) : EntityText(r));
  return kExitOk;
}

int RunStats(const Common& c) {
  auto searcher = Searcher::Open(c.index);
  if (!searcher.ok()) return Fail(c, searcher.status());
  auto stats = (*searcher)->Stats();
  if (!stats.ok()) return Fail(c, stats.status());
  std::cout << (c.json ? StatsJson(*stats) : StatsText(*stats));
  return kExitOk;
}


// ---------------------------------------------------------------- graph commands

struct GraphOpts {
  std::vector<std::string> kb_files;
  bool no_cache = false;
};

Result<std::unique_ptr<GraphSession>> OpenGraph(const Common& c, const GraphOpts& g) {
  return GraphSession::Open(c.index, g.kb_files, !g.no_cache);
}

Result<EdgeMask> Mask(const std::string& csv, EdgeMask fallback) {
  if (csv.empty()) return fallback;
  std::string bad;
  auto m = ParseEdgeMask(csv, &bad);
  if (!m)
    return Status::InvalidArgument("unknown edge type " + (bad.empty() ? csv : bad) +
                                   "; use mentions, cites, revokes, amends, supersedes, directs, is_a, issued_by");
  return *m;
}

bool ValidDate(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  int m = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
  return m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

struct TraceArgs {
  std::string mineral, as_of, kind, via, sort = "via";
  size_t limit = 0;
};

int RunTrace(const Common& c, const GraphOpts& g, const TraceArgs& a) {
  TraceRequest req{a.as_of, a.kind, a.via, a.sort, a.limit};
  if (!req.as_of.empty() && !ValidDate(req.as_of))
    return Fail(c, Status::InvalidArgument("--as-of wants a date YYYY-MM-DD, got " + req.as_of));
  if (!req.kind.empty() && !KindFromName(req.kind)) {
    std::string kinds;
    for (Kind k : AllKinds()) kinds += std::string(kinds.empty() ? "" : ", ") + KindName(k);
    return Fail(c, Status::InvalidArgument("unknown kind " + req.kind + "; use one of " + kinds));
  }
  if (!req.via.empty() && req.via != "direct" && req.via != "group" && req.via != "category")
    return Fail(c, Status::InvalidArgument("--via wants direct, group or category"));
  auto s = OpenGraph(c, g);
  if (!s.ok()) return Fail(c, s.status());
  auto v = (*s)->Resolve(a.mineral);
  if (!v.ok()) return Fail(c, v.status());
  const Node& n = (*s)->graph().node(*v);
  if (n.type != "mineral" && n.type != "concept" && n.type != "agency" && n.type != "country" && n.type != "person")
    return Fail(c, Status::InvalidArgument(n.id + " is not an entity; trace follows minerals (and other entities) "
                                           "through the documents naming them — try lode cited-by " + n.id));
  auto r = Trace(**s, *v, req);
  if (!r.ok()) return Fail(c, r.status());
  std::cout << (c.json ? TraceJson(**s, *r, req) : TraceText(**s, *r, req));
  return kExitOk;
}

struct NeighborArgs {
  std::string id, edge, type;
  uint32_t depth = 1;
  size_t limit = 100;
};

int RunNeighbors(const Common& c, const GraphOpts& g, const NeighborArgs& a) {
  auto mask = Mask(a.edge, kAllEdges);
  if (!mask.ok()) return Fail(c, mask.status());
  if (Status t = CheckType(a.type); !t.ok()) return Fail(c, t);
  auto s = OpenGraph(c, g);
  if (!s.ok()) return Fail(c, s.status());
  auto v = (*s)->Resolve(a.id);
  if (!v.ok()) return Fail(c, v.status());
  const KnowledgeGraph& kg = (*s)->graph();
  auto reached = Neighborhood(kg, *v, a.depth, *mask);
  std::vector<Reached> shown;
  size_t total = 0;
  for (size_t i = 1; i < reached.size(); ++i) {
    if (!MatchesType(kg.node(reached[i].node), a.type)) continue;
    ++total;
    if (a.limit == 0 || shown.size() < a.limit) shown.push_back(reached[i]);
  }
  std::cout << (c.json ? NeighborsJson(**s, shown, *v, a.depth, total) : NeighborsText(**s, shown, *v, a.depth, total));
  return kExitOk;
}

int RunPath(const Common& c, const GraphOpts& g, const std::string& from, const std::string& to,
            const std::string& edge) {
  auto mask = Mask(edge, kAllEdges & ~Bit(EdgeType::kIssuedBy));
  if (!mask.ok()) return Fail(c, mask.status());
  auto s = OpenGraph(c, g);
  if (!s.ok()) return Fail(c, s.status());
  auto a = (*s)->Resolve(from);
  if (!a.ok()) return Fail(c, a.status());
  auto b = (*s)->Resolve(to);
  if (!b.ok()) return Fail(c, b.status());
  auto path = ShortestPath((*s)->graph(), *a, *b, *mask);
  if (!path)
    return Fail(c, Status::NotFound("no path between " + (*s)->graph().node(*a).id + " and " +
                                    (*s)->graph().node(*b).id + (edge.empty() ? "" : " over " + edge + " edges")));
  std::cout << (c.json ? PathJson(**s, *a, *path) : PathText(**s, *a, *path));
  return kExitOk;
}

int RunCites(const Common& c, const GraphOpts& g, const std::string& id, bool incoming) {
  auto s = OpenGraph(c, g);
  if (!s.ok()) return Fail(c, s.status());
  auto v = (*s)->Resolve(id);
  if (!v.ok()) return Fail(c, v.status());
  auto list = Citations(**s, *v, incoming);
  std::cout << (c.json ? CitationsJson(**s, *v, list, incoming) : CitationsText(**s, *v, list, incoming));
  return kExitOk;
}

int RunRank(const Common& c, const GraphOpts& g, RankRequest req, const std::string& edge) {
  auto mask = Mask(edge, 0);
  if (!mask.ok()) return Fail(c, mask.status());
  req.edges = *mask;
  auto s = OpenGraph(c, g);
  if (!s.ok()) return Fail(c, s.status());
  auto r = Rank(**s, req);
  if (!r.ok()) return Fail(c, r.status());
  std::cout << (c.json ? RankJson(**s, req, *r) : RankText(**s, req, *r));
  return kExitOk;
}

int RunTimeline(const Common& c, const GraphOpts& g, const std::string& id, const std::string& type, size_t limit,
                const std::string& by) {
  if (Status t = CheckType(type); !t.ok()) return Fail(c, t);
  auto s = OpenGraph(c, g);
  if (!s.ok()) return Fail(c, s.status());
  std::optional<uint32_t> subject;
  if (!id.empty()) {
    auto v = (*s)->Resolve(id);
    if (!v.ok()) return Fail(c, v.status());
    subject = *v;
  }
  auto t = Timeline(**s, subject, type);
  std::cout << (c.json ? TimelineJson(**s, t, limit, by) : TimelineText(**s, t, limit, by));
  return kExitOk;
}

int RunCooccur(const Common& c, const GraphOpts& g, const std::string& id, const std::string& type, size_t limit) {
  if (Status t = CheckType(type); !t.ok()) return Fail(c, t);
  auto s = OpenGraph(c, g);
  if (!s.ok()) return Fail(c, s.status());
  auto v = (*s)->Resolve(id);
  if (!v.ok()) return Fail(c, v.status());
  auto list = CoOccurrences((*s)->graph(), *v);
  if (!type.empty())
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](const CoOccurrence& x) { return !MatchesType((*s)->graph().node(x.node), type); }),
               list.end());
  std::cout << (c.json ? CooccurJson(**s, *v, list, limit) : CooccurText(**s, *v, list, limit));
  return kExitOk;
}


int RunRelated(const Common& c, const GraphOpts& g, const std::string& id, bool cocite, const std::string& type,
               size_t limit) {
  if (Status t = CheckType(type); !t.ok()) return Fail(c, t);
  auto s = OpenGraph(c, g);
  if (!s.ok()) return Fail(c, s.status());
  auto v = (*s)->Resolve(id);
  if (!v.ok()) return Fail(c, v.status());
  auto list = cocite ? CoCitations((*s)->graph(), *v) : Couplings((*s)->graph(), *v);
  if (!type.empty())
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](const Related& x) { return !MatchesType((*s)->graph().node(x.node), type); }),
               list.end());
  std::cout << (c.json ? RelatedJson(**s, *v, list, cocite, limit) : RelatedText(**s, *v, list, cocite, limit));
  return kExitOk;
}

struct ExportArgs {
  std::string format = "graphml", output, around, query, edge;
  uint32_t depth = 1;
  size_t limit = 1000;
  size_t max_nodes = 0;
};

// The part of the graph an export or a render asks for.
Result<Selection> Select(GraphSession& s, const ExportArgs& a, EdgeMask mask) {
  const KnowledgeGraph& kg = s.graph();
  if (!a.around.empty() && !a.query.empty())
    return Status::InvalidArgument("--around and --query choose a part of the graph each; give one");
  if (!a.around.empty()) {
    auto v = s.Resolve(a.around);
    if (!v.ok()) return v.status();
    return SelectAround(kg, *v, a.depth, mask, a.max_nodes ? a.max_nodes : SIZE_MAX);
  }
  if (!a.query.empty()) {
    Analyzer analyzer;
    SearchRequest req;
    req.query = analyzer.SegmentQuery(a.query);
    req.limit = static_cast<uint32_t>(std::min<size_t>(a.limit, 100000));
    auto res = s.searcher().Search(req);
    if (!res.ok()) return res.status();
    // The matching documents and what they link to (one hop out).
    std::vector<uint32_t> nodes;
    for (const auto& h : res->hits)
      if (auto v = kg.Find(h.doc.id)) nodes.push_back(*v);
    const size_t docs = nodes.size();
    for (size_t i = 0; i < docs; ++i)
      for (uint32_t e : kg.OutEdges(nodes[i], mask)) nodes.push_back(kg.edge(e).target);
    return SelectInduced(kg, nodes, mask);
  }
  if (mask == kAllEdges) return SelectAll(kg);
  // The whole graph over some edge types: the nodes those edges touch.
  std::vector<uint32_t> nodes;
  for (const Edge& e : kg.edges())
    if (mask & Bit(e.type)) nodes.push_back(e.source), nodes.push_back(e.target);
  return SelectInduced(kg, nodes, mask);
}

// Writes `text` to `path` through a temporary file renamed into place, so a
// reader never sees half a file.
Status WriteAtomically(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IoError("cannot write " + path + ": " + std::strerror(errno));
  out << text;
  out.close();
  if (!out || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::IoError("cannot write " + path);
  }
  return Status::Ok();
}

int RunExport(const Common& c, const GraphOpts& g, const ExportArgs& a) {
  const bool wos = a.format == "wos" || a.format == "wos-plain";
  const bool bib = a.format == "bibtex" || a.format == "bib" || a.format == "ris" || a.format == "csl-json" ||
                   a.format == "csl" || wos;
  auto fmt = bib ? std::optional<ExportFormat>(ExportFormat::kJson) : ExportFormatFromName(a.format);
  if (!fmt)
    return Fail(c, Status::InvalidArgument("unknown format " + a.format +
                                           "; use graphml, gexf, dot, json, csv, pajek, vosviewer, bibtex, ris, "
                                           "csl-json or wos"));
  if ((*fmt == ExportFormat::kCsv || *fmt == ExportFormat::kVosviewer) && !bib && a.output.empty())
    return Fail(c, Status::InvalidArgument("--format " + a.format + " writes two files: give -o PREFIX"));
  auto mask = Mask(a.edge, kAllEdges);
  if (!mask.ok()) return Fail(c, mask.status());
  auto s = OpenGraph(c, g);
  if (!s.ok()) return Fail(c, s.status());
  auto sel = Select(**s, a, *mask);
  if (!sel.ok()) return Fail(c, sel.status());
  const KnowledgeGraph& kg = (*s)->graph();
  std::vector<std::string> written;
  auto write_to = [&](const std::string& path, auto&& fn) -> Status {
    std::ostringstream text;
    fn(text);
    Status st = WriteAtomically(path, text.str());
    if (st.ok()) written.push_back(path);
    return st;
  };
  // Bibliographic formats: the records of the selected documents.
  std::vector<Document> records;
  size_t not_papers = 0;
  if (bib) {
    for (uint32_t v : sel->nodes)
      if (const Document* d = (*s)->Record(v)) records.push_back(*d);
  }
  if (wos) {  // Web of Science records are papers' records
    not_papers = records.size();
    records.erase(std::remove_if(records.begin(), records.end(), [](const Document& d) { return d.kind != Kind::kPaper; }),
                  records.end());
    not_papers -= records.size();
  }
  auto emit = [&](std::ostream& out) {
    if (bib) {
      if (wos) WriteWosPlainText(records, out);
      else if (a.format == "ris") WriteRis(records, out);
      else if (a.format == "bibtex" || a.format == "bib") WriteBibtex(records, out);
      else WriteCslJson(records, out);
      return;
    }
    switch (*fmt) {
      case ExportFormat::kGraphML: WriteGraphML(kg, *sel, out); break;
      case ExportFormat::kGexf: WriteGexf(kg, *sel, out); break;
      case ExportFormat::kDot: WriteDot(kg, *sel, out); break;
      case ExportFormat::kJson: WriteJson(kg, *sel, out); break;
      case ExportFormat::kPajek: WritePajek(kg, *sel, out); break;
      case ExportFormat::kCsv:
      case ExportFormat::kVosviewer: break;
    }
  };
  if (*fmt == ExportFormat::kVosviewer && !bib) {
    std::string prefix = a.output;
    if (prefix.size() > 4 && prefix.substr(prefix.size() - 4) == ".txt") prefix.resize(prefix.size() - 4);
    std::ostringstream map, network;
    WriteVosviewer(kg, *sel, map, network);
    for (auto [path, text] : {std::pair<std::string, std::string>{prefix + "-map.txt", map.str()},
                              {prefix + "-network.txt", network.str()}}) {
      Status st = write_to(path, [&](std::ostream& o) { o << text; });
      if (!st.ok()) return Fail(c, st);
    }
  } else if (*fmt == ExportFormat::kCsv && !bib) {
    std::string prefix = a.output;
    if (prefix.size() > 4 && prefix.substr(prefix.size() - 4) == ".csv") prefix.resize(prefix.size() - 4);
    std::ostringstream nodes, edges;
    WriteCsv(kg, *sel, nodes, edges);
    for (auto [path, text] : {std::pair<std::string, std::string>{prefix + "-nodes.csv", nodes.str()},
                              {prefix + "-relationships.csv", edges.str()}}) {
      Status st = write_to(path, [&](std::ostream& o) { o << text; });
      if (!st.ok()) return Fail(c, st);
    }
  } else if (a.output.empty() || a.output == "-") {
    emit(std::cout);
    if (wos && not_papers && !c.json)
      std::cerr << "lode: " << not_papers << " selected documents are not papers and were left out of the Web of Science file\n";
    return kExitOk;
  } else {
    Status st = write_to(a.output, emit);
    if (!st.ok()) return Fail(c, st);
  }
  if (c.json) {
    std::cout << "{\"format\":\"" << (bib ? a.format : ExportFormatName(*fmt)) << "\",\"nodes\":" << sel->nodes.size()
              << ",\"edges\":" << sel->edges.size();
    if (bib) std::cout << ",\"records\":" << records.size() << ",\"skipped_not_papers\":" << not_papers;
    std::cout << ",\"files\":[";
    for (size_t i = 0; i < written.size(); ++i) std::cout << (i ? "," : "") << '"' << written[i] << '"';
    std::cout << "]}\n";
  } else {
    if (bib)
      std::cout << "wrote " << records.size() << " records as " << a.format
                << (not_papers ? " (" + std::to_string(not_papers) + " documents that are not papers left out)" : "")
                << " to";
    else
      std::cout << "wrote " << sel->nodes.size() << " nodes and " << sel->edges.size() << " edges as "
                << ExportFormatName(*fmt) << " to";
    for (const auto& w : written) std::cout << " " << w;
    std::cout << "\n";
  }
  return kExitOk;
}

// ---------------------------------------------------------------- bibliometrics

struct NetworkArgs {
  std::string type, query, cluster = "vos", keywords = "all", output, format;
  uint32_t min = 5;
  int max_per_paper = -1;  // -1: 25 for names (VOSviewer's default), none for keywords
  size_t limit = 0, show = 20;
  bool fractional = false, short_names = false;
  double resolution = 1.0;
  uint32_t starts = 10;
};

int RunNetwork(const Common& c, const NetworkArgs& a) {
  auto type = ItemTypeFromName(a.type);
  if (!type || *type == ItemType::kCited)
    return Fail(c, Status::InvalidArgument("unknown network " + a.type +
                                           "; use coauthors, organizations, countries or keywords (cited works: lode cocite)"));
  auto method = ClusterMethodFromName(a.cluster);
  if (!method) return Fail(c, Status::InvalidArgument("--cluster wants vos, modularity, louvain or none"));
  auto keywords = KeywordSourceFromName(a.keywords);
  if (!keywords) return Fail(c, Status::InvalidArgument("--keywords wants all, author or index"));
  std::string format = a.format;
  if (format.empty() && !a.output.empty()) format = "vosviewer";
  if (!format.empty() && format != "vosviewer" && format != "gexf" && format != "graphml")
    return Fail(c, Status::InvalidArgument("--format wants vosviewer, gexf or graphml"));
  if (!format.empty() && a.output.empty())
    return Fail(c, Status::InvalidArgument("--format " + format + " writes files: give -o PREFIX (vosviewer) or -o FILE"));
  NetworkRequest req;
  req.type = *type;
  req.query = a.query;
  req.items.keywords = *keywords;
  req.items.short_names = a.short_names;
  req.network.min_occurrences = a.min;
  req.network.max_items_per_paper =
      a.max_per_paper >= 0 ? static_cast<size_t>(a.max_per_paper) : (*type == ItemType::kKeywords ? 0 : 25);
  req.network.max_nodes = a.limit;
  req.network.counting = a.fractional ? Counting::kFractional : Counting::kFull;
  req.network.cluster = *method;
  req.network.resolution = a.resolution;
  req.network.random_starts = a.starts;
  auto searcher = Searcher::Open(c.index);
  if (!searcher.ok()) return Fail(c, searcher.status());
  auto r = CoNetwork(**searcher, req);
  if (!r.ok()) return Fail(c, r.status());
  std::vector<std::string> written;
  if (!format.empty()) {
    std::vector<std::pair<std::string, std::string>> files;
    if (format == "vosviewer") {
      std::string prefix = a.output;
      if (prefix.size() > 4 && prefix.substr(prefix.size() - 4) == ".txt") prefix.resize(prefix.size() - 4);
      std::ostringstream map, network;
      WriteNetworkVosviewer(r->network, map, network);
      files = {{prefix + "-map.txt", map.str()}, {prefix + "-network.txt", network.str()}};
    } else {
      std::ostringstream out;
      if (format == "gexf") WriteNetworkGexf(r->network, out);
      else WriteNetworkGraphML(r->network, out);
      files = {{a.output, out.str()}};
    }
    for (const auto& [path, text] : files) {
      Status st = WriteAtomically(path, text);
      if (!st.ok()) return Fail(c, st);
      written.push_back(path);
    }
  }
  if (c.json) {
    std::cout << NetworkJson(*r);
  } else {
    std::cout << NetworkText(*r, a.show);
    if (!written.empty()) {
      std::cout << "\nwrote";
      for (const auto& w : written) std::cout << " " << w;
      std::cout << "\n";
    }
  }
  return kExitOk;
}

struct BurstArgs {
  std::string type = "keywords", query, keywords = "all";
  double gamma = 1.0, s = 2.0;
  uint32_t min = 5, min_duration = 1;
  size_t limit = 25;
  bool short_names = false;
};

int RunBursts(const Common& c, const GraphOpts& g, const BurstArgs& a) {
  auto type = ItemTypeFromName(a.type);
  if (!type) return Fail(c, Status::InvalidArgument("unknown --type " + a.type + "; use keywords, cited, authors, organizations or countries"));
  auto keywords = KeywordSourceFromName(a.keywords);
  if (!keywords) return Fail(c, Status::InvalidArgument("--keywords wants all, author or index"));
  if (!(a.s > 1)) return Fail(c, Status::InvalidArgument("--s is the burst rate's ratio to the base rate: give a number above 1"));
  if (!(a.gamma >= 0)) return Fail(c, Status::InvalidArgument("--gamma must be zero or more"));
  BurstRequest req;
  req.type = *type;
  req.query = a.query;
  req.items.keywords = *keywords;
  req.items.short_names = a.short_names;
  req.bursts.burst.gamma = a.gamma;
  req.bursts.burst.s = a.s;
  req.bursts.min_occurrences = a.min;
  req.bursts.min_duration = a.min_duration;
  Result<BurstResult> r = Status::Internal("unset");
  if (*type == ItemType::kCited) {
    auto s = OpenGraph(c, g);
    if (!s.ok()) return Fail(c, s.status());
    r = CitedBursts(**s, req);
  } else {
    auto searcher = Searcher::Open(c.index);
    if (!searcher.ok()) return Fail(c, searcher.status());
    r = TermBursts(**searcher, req);
  }
  if (!r.ok()) return Fail(c, r.status());
  std::cout << (c.json ? BurstsJson(*r, a.limit) : BurstsText(*r, a.limit));
  return kExitOk;
}

std::string FindProgram(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string p = path ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= p.size()) {
    size_t colon = p.find(':', start);
    std::string dir = p.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
    if (!dir.empty()) {
      std::string full = dir + "/" + name;
      if (::access(full.c_str(), X_OK) == 0) return full;
    }
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  return {};
}

int RunRender(const Common& c, const GraphOpts& g, ExportArgs a) {
  if (a.output.empty()) return Fail(c, Status::InvalidArgument("lode render needs -o FILE.svg or FILE.png"));
  std::string ext = fs::path(a.output).extension().string();
  if (ext != ".svg" && ext != ".png" && ext != ".pdf")
    return Fail(c, Status::InvalidArgument("-o " + a.output + ": the picture is chosen by the name; end it in .svg, .png or .pdf"));
  const std::string dot = FindProgram("dot");
  if (dot.empty())
    return Fail(c, Status::Unsupported("lode render draws with Graphviz, which is not installed (Debian: apt-get "
                                       "install graphviz); lode export --format dot writes the graph for drawing elsewhere"));
  auto mask = Mask(a.edge, kAllEdges & ~Bit(EdgeType::kIssuedBy));
  if (!mask.ok()) return Fail(c, mask.status());
  auto s = OpenGraph(c, g);
  if (!s.ok()) return Fail(c, s.status());
  auto sel = Select(**s, a, *mask);
  if (!sel.ok()) return Fail(c, sel.status());
  const std::string dot_file = a.output + ".dot.tmp";
  {
    std::ofstream out(dot_file);
    if (!out) return Fail(c, Status::IoError("cannot write " + dot_file + ": " + std::strerror(errno)));
    WriteDot((*s)->graph(), *sel, out);
  }
  pid_t pid = ::fork();
  if (pid == 0) {
    std::string fmt = "-T" + ext.substr(1);
    ::execl(dot.c_str(), "dot", fmt.c_str(), "-o", a.output.c_str(), dot_file.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int status = 0;
  if (pid < 0 || ::waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::remove(dot_file.c_str());
    return Fail(c, Status::IoError("Graphviz dot failed to draw " + a.output));
  }
  std::remove(dot_file.c_str());
  if (c.json)
    std::cout << "{\"file\":\"" << a.output << "\",\"nodes\":" << sel->nodes.size() << ",\"edges\":" << sel->edges.size()
              << "}\n";
  else
    std::cout << "drew " << sel->nodes.size() << " nodes and " << sel->edges.size() << " edges to " << a.output << "\n";
  return kExitOk;
}

// ---------------------------------------------------------------- fetch

std::atomic<bool> g_interrupted{false};
extern "C" void OnInterrupt(int) { g_interrupted = true; }

struct FetchArgs {
  FetchRequest req;
  std::string full_text = "auto";
  bool ingest = false, quiet = false, verbose = false;
};

int RunFetch(const Common& c, FetchArgs a) {
  FetchRequest& req = a.req;
  if (!FullTextChoiceFromName(a.full_text, &req.full_text))
    return Fail(c, Status::InvalidArgument("--full-text wants auto, none, xml, html or text, got " + a.full_text));
  if (const char* env = std::getenv("LODE_FR_API"); env && *env && req.api == FetchRequest{}.api) req.api = env;
  const bool tty = ::isatty(STDERR_FILENO);
  req.progress = !a.quiet && !c.json && tty;
  req.verbose = a.verbose;
  if (a.ingest) {
    req.ingest_index = c.index;
    req.ingest.progress = req.progress;
  }
  // Ctrl-C stops between requests: the state is saved and no half file stays.
  req.cancel = &g_interrupted;
  auto old_int = std::signal(SIGINT, OnInterrupt);
  auto old_term = std::signal(SIGTERM, OnInterrupt);
  auto sum = FetchFederalRegister(req);
  std::signal(SIGINT, old_int);
  std::signal(SIGTERM, old_term);
  if (!sum.ok()) return Fail(c, sum.status());
  const bool problem = !sum->failed.empty() || sum->interrupted || (sum->ingested && !sum->ingest.failed.empty());
  if (c.json)
    std::cout << FetchJson(*sum);
  else if (!a.quiet || problem)
    std::cout << FetchText(*sum, a.verbose);
  return problem ? kExitProblem : kExitOk;
}

void AddCommon(CLI::App* cmd, Common& c) {
  cmd->add_option("--index", c.index, "Index folder (default: $LODE_INDEX, else ./lode-index)");
  cmd->add_flag("--json", c.json, "Print JSON for scripts instead of text");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "lode — search policy documents and trace what they say about critical minerals.\n\n"
      "Typical session:\n"
      "  lode ingest corpus/demo ../shared/corpus     # build or update ./lode-index\n"
      "  lode search '\"critical minerals\" kind:executive_order' --facets\n"
      "  lode search 'lithium date:2020-01-01..2022-12-31'\n"
      "  lode search 稀土\n"
      "  lode show eo:13603\n"
      "  lode trace lithium --as-of 2022-12-31            # documents affecting a mineral\n"
      "  lode cited-by eo:13817                           # who cites, revokes, amends an order\n"
      "  lode rank --type eo                              # central orders (PageRank)\n"
      "  lode export --format gexf -o lodestone.gexf      # for Gephi\n"
      "  lode cocite doi:10.1890/08-1481.1                # works cited together (papers)\n"
      "  lode network coauthors                           # co-authorship network, VOSviewer's way\n"
      "  lode bursts --type keywords                      # Kleinberg bursts, CiteSpace's way\n"
      "  lode stats\n"
      "  lode fetch federal-register -o fr --type executive_order --since 2025-01-01 --ingest   # keep current\n",
      "lode"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "lode 0.1.0");
  Common common;
  common.index = DefaultIndex();

  // ingest
  IngestOptions ingest;
  bool quiet = false, verbose = false;
  auto* ingest_cmd = app.add_subcommand(
      "ingest",
      "Add files and folders to the index (new index: parallel build; existing: incremental update).\n"
      "Formats: Federal Register XML/HTML/API JSON, GPO text pages, USLM XML (U.S. Code, public laws,\n"
      "bills), the National Archives EO disposition tables, Markdown with YAML front matter, HTML, plain\n"
      "text in any encoding; papers: JATS XML, Web of Science plain text, Scopus CSV and BibTeX, RIS,\n"
      "CSL-JSON, Crossref and OpenAlex JSON, S2ORC JSON Lines, PDF (text layer). Unchanged files are\n"
      "skipped; a file that cannot be read is reported and the run goes on; the exit code is 1 when any\n"
      "file failed.");
  ingest_cmd->add_option("paths", ingest.paths, "Files or folders to ingest")->required();
  ingest_cmd->add_flag("--prune", ingest.prune, "Remove documents whose files are gone from the given folders");
  ingest_cmd->add_flag("--rebuild", ingest.rebuild, "Build a fresh index instead of updating the existing one");
  ingest_cmd->add_option("--threads", ingest.threads, "Worker threads (default: all cores)");
  ingest_cmd->add_option("--flush-every", ingest.flush_every, "Documents per batch commit (default 2000)")
      ->check(CLI::Range(1u, 1000000u));
  ingest_cmd->add_option("--kb", ingest.kb_files, "Knowledge-base file(s) to add to the built-in one (format: corpus/kb/README.md)")
      ->check(CLI::ExistingFile);
  ingest_cmd->add_flag("-q,--quiet", quiet, "No progress and no summary unless something failed");
  ingest_cmd->add_flag("-v,--verbose", verbose, "List every skipped file with its reason");
  AddCommon(ingest_cmd, common);

  // search
  SearchRequest req;
  auto* search_cmd = app.add_subcommand(
      "search",
      "Ranked full-text search: BM25, with more weight when the words are the title, are in the title,\n"
      "or stand close together; newest first only with --by-date or for a query of filters alone.\n"
      "  words            all must match (use --any for OR); English stems match (mineral ~ minerals)\n"
      "                   a mineral's names find each other: REE, rare earths and 稀土 find the same documents\n"
      "  \"a phrase\"       exact words in order;   a NEAR b, a NEAR/5 b;   wild*\n"
      "  AND OR NOT ( )   boolean operators;      +must -mustnot\n"
      "  kind:executive_order  (also presidential_memorandum, proclamation, law, regulation, notice,\n"
      "                         fact_sheet, statement, paper, other)\n"
      "  title:word  lang:zh  format:fr-xml  id:eo:13603  jurisdiction:cn (also us, intl)\n"
      "  year:2012  year:2017..2021  date:2020-01-01..2022-12-31\n"
      "  mineral:gallium  agency:interior-department  country:cn  concept:critical-minerals\n"
      "  cites:eo:13817  cites:usc:50/4501   (--facets also counts jurisdictions, minerals, agencies, countries)\n"
      "  Chinese works as typed: 稀土, 出口管制 (segmented like the index).");
  search_cmd->add_option("query", req.query, "The query (quote it for the shell)")->required();
  search_cmd->add_option("-n,--limit", req.limit, "Hits to show (default 10)")->check(CLI::Range(0u, 10000u));
  search_cmd->add_option("--offset", req.offset, "Skip this many hits first (paging)");
  search_cmd->add_flag("--facets", req.facets, "Count matches by kind and year");
  search_cmd->add_flag("--any", req.match_any, "Match any word instead of all");
  search_cmd->add_flag("--by-date", req.sort_by_date, "Newest first instead of by relevance");
  AddCommon(search_cmd, common);

  // similar
  SimilarRequest similar;
  auto* similar_cmd = app.add_subcommand(
      "similar",
      "Documents like one document (more like this): a query of its most telling words, the entities it\n"
      "names and the authorities it cites (Xapian's expand set), never the document itself.\n"
      "  lode similar eo:13603\n  lode similar eo:14241 --limit 5 --json");
  similar_cmd->add_option("id", similar.id, "Document id, alias or source path")->required();
  similar_cmd->add_option("-n,--limit", similar.limit, "Documents to list (default 10)")->check(CLI::Range(1u, 1000u));
  similar_cmd->add_option("--terms", similar.terms, "Terms of the document to search with (default 40)")
      ->check(CLI::Range(1u, 500u));
  AddCommon(similar_cmd, common);

  // show
  std::string show_key;
  bool no_text = false;
  auto* show_cmd = app.add_subcommand("show", "Print one document: metadata and text.\n"
                                              "ID is an identifier (eo:13603, usc:30/1606, doi:...) or a path given to ingest.");
  show_cmd->add_option("id", show_key, "Document id or source path")->required();
  show_cmd->add_flag("--no-text", no_text, "Metadata only");
  AddCommon(show_cmd, common);

  // entity
  std::string entity_name;
  std::vector<std::string> entity_kb;
  size_t entity_limit = 10;
  auto* entity_cmd = app.add_subcommand(
      "entity",
      "What the index knows about an entity: names, list memberships, the documents naming it (most\n"
      "mentions first) and the entities named with it. NAME is an id (mineral:gallium), a name or an\n"
      "alias (gallium, rare earths, USGS, 稀土), or a cited id (eo:13817: the documents citing it).");
  entity_cmd->add_option("name", entity_name, "Entity id, name or alias")->required();
  entity_cmd->add_option("--kb", entity_kb, "Extra knowledge-base file(s)")->check(CLI::ExistingFile);
  entity_cmd->add_option("-n,--limit", entity_limit, "Documents to list (default 10)");
  AddCommon(entity_cmd, common);

  // stats
  auto* stats_cmd = app.add_subcommand("stats", "Index summary: documents by kind, year, format and language.");
  AddCommon(stats_cmd, common);


  // ---- graph commands
  GraphOpts gopts;
  auto add_graph = [&](CLI::App* cmd) {
    AddCommon(cmd, common);
    cmd->add_option("--kb", gopts.kb_files, "Extra knowledge-base file(s) (names, groups)")->check(CLI::ExistingFile);
    cmd->add_flag("--no-cache", gopts.no_cache, "Build the graph from the index instead of reading <index>/graph.cache");
  };
  const std::string edge_help = "Edge types, comma-separated: mentions, cites, revokes, amends, supersedes, directs, is_a, issued_by";

  TraceArgs trace;
  auto* trace_cmd = app.add_subcommand(
      "trace",
      "Every document that affects a mineral, with the sentence that proves it:\n"
      "  via direct    the document names the mineral\n"
      "  via group     it names a group the mineral belongs to (rare earth elements for neodymium)\n"
      "  via category  it speaks of critical minerals in general\n"
      "listed in that order, newest first within each (--sort date: oldest first across all).\n"
      "Each with its status (in force; revoked by whom and when; amended by whom) and the agencies it directs.\n"
      "The count is of every match; --limit shows the first N (\"314 documents (showing 8)\").\n"
      "  lode trace lithium\n  lode trace rare-earth-elements --limit 8\n"
      "  lode trace neodymium --as-of 2021-12-31 --kind executive_order\n  lode trace gallium --via direct --json");
  trace_cmd->add_option("mineral", trace.mineral, "Mineral id, name or alias (lithium, mineral:gallium, 稀土)")->required();
  trace_cmd->add_option("--as-of", trace.as_of, "Keep what was in force on this date (YYYY-MM-DD)");
  trace_cmd->add_option("--kind", trace.kind, "Keep documents of this kind (executive_order, law, ...)");
  trace_cmd->add_option("--via", trace.via, "Keep only direct, group or category links");
  trace_cmd->add_option("--sort", trace.sort, "via (default: direct, group, category, newest first in each) or date (oldest first)")
      ->check(CLI::IsMember({"via", "date"}));
  trace_cmd->add_option("-n,--limit", trace.limit, "At most this many documents (default: all); counts stay those of all");
  add_graph(trace_cmd);

  NeighborArgs nb;
  auto* nb_cmd = app.add_subcommand("neighbors",
                                    "Nodes linked to ID (both directions), with the edge and its evidence.\n"
                                    "  lode neighbors eo:14017\n  lode neighbors mineral:lithium --edge mentions --type executive_order\n"
                                    "  lode neighbors eo:13817 --depth 2 --edge cites,revokes,amends");
  nb_cmd->alias("neighbours");
  nb_cmd->add_option("id", nb.id, "Node id or name")->required();
  nb_cmd->add_option("--depth", nb.depth, "Hops (default 1)")->check(CLI::Range(1u, 6u));
  nb_cmd->add_option("--edge", nb.edge, edge_help);
  nb_cmd->add_option("--type", nb.type, "List only nodes of this type: an id type (eo, mineral, usc), a kind, document, entity or external");
  nb_cmd->add_option("-n,--limit", nb.limit, "At most this many nodes (default 100; 0 = all)");
  add_graph(nb_cmd);

  std::string path_from, path_to, path_edge;
  auto* path_cmd = app.add_subcommand("path",
                                      "A shortest chain of links between two nodes, each hop with its evidence.\n"
                                      "Edges count in either direction; issued_by is left out unless --edge names it.\n"
                                      "  lode path eo:14017 eo:13817\n  lode path mineral:gallium agency:commerce-department");
  path_cmd->add_option("from", path_from, "First node")->required();
  path_cmd->add_option("to", path_to, "Second node")->required();
  path_cmd->add_option("--edge", path_edge, edge_help);
  add_graph(path_cmd);

  std::string cites_id;
  auto* cites_cmd = app.add_subcommand("cites", "What a document cites: orders, laws, U.S. Code sections, regulations, papers —\n"
                                                "one entry per cited work, marked external when it is not in the corpus.\n"
                                                "  lode cites eo:14017");
  cites_cmd->add_option("id", cites_id, "Document id")->required();
  add_graph(cites_cmd);
  std::string cited_id;
  auto* cited_cmd = app.add_subcommand("cited-by", "Who cites, revokes, amends or supersedes ID, by date.\n  lode cited-by eo:13817\n  lode cited-by usc:50/4501");
  cited_cmd->add_option("id", cited_id, "Node id (in the corpus or external)")->required();
  add_graph(cited_cmd);

  RankRequest rank;
  std::string rank_edge;
  auto* rank_cmd = app.add_subcommand(
      "rank",
      "The most central nodes. Citation edges (cites, revokes, amends, supersedes) by default;\n"
      "mentions and directs when --type names an entity type.\n"
      "  lode rank --type eo\n  lode rank --by indegree --type usc\n  lode rank --type mineral --by indegree\n"
      "  lode rank --by betweenness --type document");
  rank_cmd->add_option("--by", rank.by, "pagerank (default), indegree or betweenness")
      ->check(CLI::IsMember({"pagerank", "indegree", "betweenness"}));
  rank_cmd->add_option("--type", rank.type, "Only nodes of this type (eo, usc, mineral, agency, executive_order, document, external, ...)");
  rank_cmd->add_option("--edge", rank_edge, edge_help);
  rank_cmd->add_option("-n,--limit", rank.limit, "How many (default 20; 0 = all)");
  add_graph(rank_cmd);

  std::string tl_id, tl_type, tl_by;
  size_t tl_limit = 20;
  auto* tl_cmd = app.add_subcommand(
      "timeline",
      "Documents by date with counts per year and per president: all of them, or those\n"
      "naming an entity / citing a document.\n"
      "Every U.S. government document (orders, memoranda, proclamations, fact sheets, statements,\n"
      "laws as signed) counts for the president in office on its date, administrations in order\n"
      "(Trump 2017-2021 and Trump 2025- are two); Chinese documents, papers and U.S. texts that are\n"
      "no president's (undated U.S. Code sections, bills) are counted apart.\n"
      "  lode timeline\n  lode timeline mineral:lithium\n  lode timeline concept:critical-minerals --by president\n"
      "  lode timeline --type executive_order --by year");
  tl_cmd->add_option("id", tl_id, "Entity or document (optional)");
  tl_cmd->add_option("--type", tl_type, "Only documents of this type or kind");
  tl_cmd->add_option("--by", tl_by, "year or president: only that block, with its documents (president: per administration)")
      ->check(CLI::IsMember({"year", "president"}));
  tl_cmd->add_option("-n,--limit", tl_limit,
                     "Documents to list (default 20, per administration with --by president; 0 = counts only in text, "
                     "all in JSON)");
  add_graph(tl_cmd);

  std::string co_id, co_type;
  size_t co_limit = 20;
  auto* co_cmd = app.add_subcommand("cooccur",
                                    "Entities named in the same documents as ID: shared documents, Jaccard and lift\n"
                                    "(shared x N / (n1 x n2); 1 means no more often than chance).\n"
                                    "  lode cooccur mineral:gallium\n  lode cooccur lithium --type country");
  co_cmd->add_option("id", co_id, "Entity id or name")->required();
  co_cmd->add_option("--type", co_type, "Only entities of this type (mineral, agency, country, person, concept)");
  co_cmd->add_option("-n,--limit", co_limit, "How many (default 20)");
  add_graph(co_cmd);


  std::string rel_id, rel_type;
  size_t rel_limit = 20;
  auto* cocite_cmd = app.add_subcommand("cocite",
                                        "Co-citation: works cited together with ID by the same documents (papers, and the\n"
                                        "laws and orders papers cite), with counts and Salton's cosine.\n"
                                        "  lode cocite doi:10.2307/2532083\n  lode cocite eo:13817 --type eo");
  cocite_cmd->add_option("id", rel_id, "Node id")->required();
  cocite_cmd->add_option("--type", rel_type, "Only nodes of this type or kind");
  cocite_cmd->add_option("-n,--limit", rel_limit, "How many (default 20; 0 = all)");
  add_graph(cocite_cmd);
  auto* couple_cmd = app.add_subcommand("couple",
                                        "Bibliographic coupling: documents that cite some of the same works as ID, with the\n"
                                        "number of shared references and Salton's cosine.\n  lode couple doi:10.7554/elife.00005");
  couple_cmd->add_option("id", rel_id, "Document id")->required();
  couple_cmd->add_option("--type", rel_type, "Only documents of this type or kind");
  couple_cmd->add_option("-n,--limit", rel_limit, "How many (default 20; 0 = all)");
  add_graph(couple_cmd);

  ExportArgs ex;
  auto* ex_cmd = app.add_subcommand(
      "export",
      "Write the graph, or a part of it, for graph tools: graphml (Gephi, Cytoscape, yEd), gexf (Gephi),\n"
      "dot (Graphviz), json {nodes, edges}, csv (neo4j-admin import: PREFIX-nodes.csv and\n"
      "PREFIX-relationships.csv), pajek (.net).\n"
      "  lode export --format graphml -o lodestone.graphml\n"
      "  lode export --format gexf --around mineral:gallium --depth 2 -o gallium.gexf\n"
      "  lode export --format json --query 'kind:executive_order \"critical minerals\"'\n"
      "  lode export --format csv --edge cites,revokes,amends -o citations\n"
      "  lode export --format vosviewer --query kind:paper --edge cites -o papers\n"
      "  lode export --format bibtex --around doi:10.7554/elife.00005 -o refs.bib\n"
      "  lode export --format wos --query 'kind:paper lang:zh' -o download_cn.txt   # for CiteSpace");
  ex_cmd->add_option("--format", ex.format,
                     "graphml (default), gexf, dot, json, csv, pajek, vosviewer (PREFIX-map.txt and PREFIX-network.txt);\n"
                     "bibtex, ris or csl-json: the records of the selected documents; wos: Web of Science plain text\n"
                     "of the selected papers (for CiteSpace; Chinese records included, UTF-8)");
  ex_cmd->add_option("-o,--output", ex.output, "File to write (default: standard output; csv: a prefix)");
  ex_cmd->add_option("--around", ex.around, "Only the neighbourhood of this node");
  ex_cmd->add_option("--depth", ex.depth, "Hops around --around (default 1)")->check(CLI::Range(1u, 6u));
  ex_cmd->add_option("--query", ex.query, "Only the documents matching this search, and what they link to");
  ex_cmd->add_option("--limit", ex.limit, "Documents taken from --query (default 1000)");
  ex_cmd->add_option("--edge", ex.edge, edge_help);
  add_graph(ex_cmd);

  ExportArgs rd;
  rd.max_nodes = 80;
  std::string rd_id;
  auto* rd_cmd = app.add_subcommand("render",
                                    "Draw the neighbourhood of ID with Graphviz (installed by scripts/install-deps.sh).\n"
                                    "  lode render eo:14017 -o eo14017.svg\n  lode render mineral:gallium --edge mentions,revokes -o gallium.png");
  rd_cmd->add_option("id", rd_id, "Node id or name")->required();
  rd_cmd->add_option("-o,--output", rd.output, "FILE.svg, FILE.png or FILE.pdf")->required();
  rd_cmd->add_option("--depth", rd.depth, "Hops (default 1)")->check(CLI::Range(1u, 4u));
  rd_cmd->add_option("--edge", rd.edge, edge_help);
  rd_cmd->add_option("--max-nodes", rd.max_nodes, "Draw at most this many nodes, nearest first (default 80)");
  add_graph(rd_cmd);

  // ---- bibliometrics (issue 15)
  NetworkArgs net;
  auto* net_cmd = app.add_subcommand(
      "network",
      "Co-authorship, organization and country collaboration, or keyword co-occurrence network of the\n"
      "papers (all of them, or those matching --query), with VOSviewer's conventions: full counting (each\n"
      "paper adds 1 to every pair it names; --fractional for 1/(n-1)), a minimum number of papers per item,\n"
      "association strength s_ij = 2m c_ij / (k_i k_j), clusters by igraph's Leiden with VOSviewer's quality\n"
      "function (or modularity, or Louvain) and Newman's modularity of the result. Authors are taken as\n"
      "written (full names; --short-names for WoS AU / Scopus abbreviations), organizations and countries\n"
      "from the addresses (WoS C1: the first part and the last), keywords folded (case, full-width, trailing ;).\n"
      "  lode network coauthors\n"
      "  lode network keywords --min 10 --keywords author -o capture --format vosviewer\n"
      "  lode network countries --min 1 --json\n"
      "  lode network keywords --query 'year:2015..2019' --cluster modularity -o kw.gexf --format gexf");
  net_cmd->add_option("type", net.type, "coauthors, organizations, countries or keywords")->required();
  net_cmd->add_option("--min", net.min, "Minimum papers per item (default 5, VOSviewer's)");
  net_cmd->add_option("--query", net.query, "Only the papers matching this search");
  net_cmd->add_option("-n,--limit", net.limit, "Keep the N items of greatest total link strength (default: all over --min)");
  net_cmd->add_option("--max-per-paper", net.max_per_paper,
                      "Ignore papers naming more items (default 25 for names, VOSviewer's; none for keywords; 0 = none)");
  net_cmd->add_flag("--fractional", net.fractional, "Fractional counting: a paper naming n items adds 1/(n-1) per link");
  net_cmd->add_option("--cluster", net.cluster,
                      "vos (default: Leiden, VOSviewer's quality over association strengths), modularity (Leiden),\n"
                      "louvain, or none");
  net_cmd->add_option("--resolution", net.resolution, "Clustering resolution (default 1; larger: more, smaller clusters)");
  net_cmd->add_option("--starts", net.starts, "Random starts of the clustering, best kept (default 10; seeds fixed)")
      ->check(CLI::Range(1u, 1000u));
  net_cmd->add_option("--keywords", net.keywords, "all (default), author (WoS DE, Scopus Author Keywords) or index (WoS ID, Keywords Plus)");
  net_cmd->add_flag("--short-names", net.short_names, "Authors as the database abbreviates them (WoS AU) when the record has them");
  net_cmd->add_option("--show", net.show, "Items listed in the text output (default 20)");
  net_cmd->add_option("-o,--output", net.output, "Write the network: a PREFIX for vosviewer (PREFIX-map.txt, PREFIX-network.txt), a FILE otherwise");
  net_cmd->add_option("--format", net.format, "vosviewer (default with -o), gexf (1.2draft) or graphml");
  AddCommon(net_cmd, common);

  BurstArgs burst;
  auto* burst_cmd = app.add_subcommand(
      "bursts",
      "Kleinberg's burst detection (the two-state automaton CiteSpace uses) on counts per year: the\n"
      "keywords, or the works cited, that an unusually large share of the papers of some years named, with\n"
      "the first and last year of each burst and its strength (the cost it saves, CiteSpace's Strength).\n"
      "A year's batch is its papers naming at least one item; the burst state's rate is s times the base\n"
      "rate; entering it costs gamma ln(years).\n"
      "  lode bursts --type keywords\n"
      "  lode bursts --type cited --min 10 --limit 30\n"
      "  lode bursts --type keywords --query 'year:2012..' --gamma 0.5 --json");
  burst_cmd->add_option("--type", burst.type, "keywords (default), cited, authors, organizations or countries");
  burst_cmd->add_option("--gamma", burst.gamma, "Cost of entering a burst, times ln(years) (default 1)");
  burst_cmd->add_option("--s", burst.s, "Burst rate / base rate (default 2)");
  burst_cmd->add_option("--min", burst.min, "Test only items named by at least this many papers (default 5)");
  burst_cmd->add_option("--min-duration", burst.min_duration, "Drop bursts shorter than this many years (default 1)");
  burst_cmd->add_option("--query", burst.query, "Only the papers matching this search");
  burst_cmd->add_option("-n,--limit", burst.limit, "Bursts listed, strongest first (default 25; 0 = all)");
  burst_cmd->add_option("--keywords", burst.keywords, "all (default), author or index");
  burst_cmd->add_flag("--short-names", burst.short_names, "Authors as the database abbreviates them");
  add_graph(burst_cmd);

  // fetch
  FetchArgs fetch;
  auto* fetch_cmd = app.add_subcommand("fetch", "Download documents from a public source into a folder that lode ingest reads.\n"
                                                "  lode fetch federal-register --help");
  fetch_cmd->require_subcommand(1);
  auto* fr_cmd = fetch_cmd->add_subcommand(
      "federal-register",
      "Fetch Federal Register documents (API JSON records and their full text) into DIR; run it again to get\n"
      "only what is new or changed. Each document becomes DIR/<document_number>.json plus its full text\n"
      "(.xml, .html, or .htm for the printed text), which lode ingest reads as one document.\n"
      "  lode fetch federal-register -o fr-2025 --type executive_order --since 2025-01-01 --until 2025-12-31 \\\n"
      "      --term \"critical minerals\" --ingest --index lode-index\n"
      "  lode fetch federal-register -o fr-dpa --type proclamation --type memorandum --president joe-biden\n"
      "  lode fetch federal-register -o fr-doe --type rule --agency energy-department --since 2024-01-01 --full-text none\n"
      "Dates are publication dates. The API allows about 5 requests per second (XML 1 per second) and lists at\n"
      "most 10,000 documents per search; lode paces itself, splits the date range where a search reaches that\n"
      "cap, and retries 429 and 5xx answers with backoff. Interrupting (Ctrl-C, or a killed process) loses\n"
      "nothing: run the same command again to continue. State: DIR/.lode-fetch.json.");
  fr_cmd->add_option("-o,--output", fetch.req.dir, "Folder to fetch into (created; kept between runs)")->required();
  std::string type_names;
  for (const auto& t : FetchDocumentTypes()) type_names += (type_names.empty() ? "" : ", ") + t;
  fr_cmd->add_option("--type", fetch.req.types, "Document types (repeat or comma-separate): " + type_names +
                                                     "; default: every type")
      ->delimiter(',');
  fr_cmd->add_option("--term", fetch.req.term, "Full-text search terms, as the API reads them (\"a phrase\", a | b)");
  fr_cmd->add_option("--agency", fetch.req.agencies, "Agency slugs (repeat or comma-separate): energy-department, ...")
      ->delimiter(',');
  fr_cmd->add_option("--since", fetch.req.since, "First publication date YYYY-MM-DD (default 1994-01-01)");
  fr_cmd->add_option("--until", fetch.req.until, "Last publication date YYYY-MM-DD (default today)");
  fr_cmd->add_option("--president", fetch.req.president,
                     "Signing president of presidential documents: william-j-clinton, george-w-bush, barack-obama, "
                     "donald-trump, joe-biden");
  fr_cmd->add_option("--full-text", fetch.full_text,
                     "Full text beside each record: auto (default: XML, else HTML, else the printed text), xml, html, "
                     "text, or none");
  fr_cmd->add_option("--rate", fetch.req.rate, "Requests per second for everything (default: the API's 5/s, XML 1/s)")
      ->check(CLI::PositiveNumber);
  fr_cmd->add_option("--api", fetch.req.api, "API root (default: $LODE_FR_API, else https://www.federalregister.gov/api/v1)");
  fr_cmd->add_flag("--ingest", fetch.ingest, "Run lode ingest on the folder afterwards, into --index");
  fr_cmd->add_flag("-q,--quiet", fetch.quiet, "No progress and no summary unless something failed");
  fr_cmd->add_flag("-v,--verbose", fetch.verbose, "Log every request (and retry) on stderr");
  fr_cmd->add_option("--per-page", fetch.req.per_page, "Results per page (default 1000, the API's maximum)")
      ->check(CLI::Range(1u, 1000u))
      ->group("Advanced");
  fr_cmd->add_option("--result-cap", fetch.req.result_cap,
                     "Results the API lists per search at most (default 10000; a replay server may use less)")
      ->check(CLI::PositiveNumber)
      ->group("Advanced");
  fr_cmd->add_option("--timeout", fetch.req.timeout, "Seconds for one request, whole (default 60; connecting: 10)")
      ->check(CLI::PositiveNumber)
      ->group("Advanced");
  fr_cmd->add_option("--retries", fetch.req.retries, "Retries of a failed request (default 5)")
      ->check(CLI::Range(0u, 20u))
      ->group("Advanced");
  fr_cmd->add_option("--backoff", fetch.req.backoff, "Seconds before the first retry; doubles each time (default 1)")
      ->check(CLI::NonNegativeNumber)
      ->group("Advanced");
  fr_cmd->add_option("--cacert", fetch.req.ca_file, "Trust this CA bundle instead of the system's (TLS is always verified)")
      ->check(CLI::ExistingFile)
      ->group("Advanced");
  AddCommon(fr_cmd, common);

  if (argc == 1) {
    std::cout << app.help();
    return kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (*ingest_cmd) return RunIngest(common, ingest, quiet, verbose);
  if (*fr_cmd) return RunFetch(common, fetch);
  if (*search_cmd) return RunSearch(common, req);
  if (*show_cmd) return RunShow(common, show_key, no_text);
  if (*similar_cmd) return RunSimilar(common, similar);
  if (*stats_cmd) return RunStats(common);
  if (*entity_cmd) return RunEntity(common, entity_name, entity_kb, entity_limit);
  if (*trace_cmd) return RunTrace(common, gopts, trace);
  if (*nb_cmd) return RunNeighbors(common, gopts, nb);
  if (*path_cmd) return RunPath(common, gopts, path_from, path_to, path_edge);
  if (*cites_cmd) return RunCites(common, gopts, cites_id, false);
  if (*cited_cmd) return RunCites(common, gopts, cited_id, true);
  if (*rank_cmd) return RunRank(common, gopts, rank, rank_edge);
  if (*tl_cmd) return RunTimeline(common, gopts, tl_id, tl_type, tl_limit, tl_by);
  if (*co_cmd) return RunCooccur(common, gopts, co_id, co_type, co_limit);
  if (*ex_cmd) return RunExport(common, gopts, ex);
  if (*net_cmd) return RunNetwork(common, net);
  if (*burst_cmd) return RunBursts(common, gopts, burst);
  if (*cocite_cmd) return RunRelated(common, gopts, rel_id, true, rel_type, rel_limit);
  if (*couple_cmd) return RunRelated(common, gopts, rel_id, false, rel_type, rel_limit);
  if (*rd_cmd) {
    rd.around = rd_id;
    return RunRender(common, gopts, rd);
  }
  return kExitUsage;
}
