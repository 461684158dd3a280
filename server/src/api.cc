// The API table: for each endpoint, the parameters it takes and how they
// fill the engine's request (the CLI's flags of the same names, web/README.md),
// the engine call and the renderer the CLI's --json uses.
#include "lodestone/server/api.h"

#include <functional>
#include <optional>

#include "lodestone/query/bibliometric_render.h"
#include "lodestone/query/dossier.h"
#include "lodestone/query/engine.h"
#include "lodestone/query/errors.h"
#include "lodestone/query/graph_render.h"
#include "lodestone/query/render.h"
#include "admission.h"
#include "params.h"

namespace lodestone::server {

namespace {

using internal::Params;
using query::Session;

// What an endpoint's function is given: the id (the rest of the path, when
// the endpoint takes one), the parameters and the caps.
struct Call {
  Session& session;
  const std::optional<std::string>& id;
  const ApiRequest& request;
  const ApiCaps& caps;
  const std::string& endpoint;
  Params params(std::initializer_list<const char*> known) const { return Params(request.params, endpoint, known); }
};

using Fn = std::function<Result<ApiResponse>(const Call&)>;

ApiResponse Json(std::string body) {
  ApiResponse r;
  r.body = std::move(body);
  return r;
}

// The engine's answer through the CLI's JSON renderer.
template <typename R, typename J>
Result<ApiResponse> Answer(const Result<R>& r, J&& json) {
  if (!r.ok()) return r.status();
  return Json(json(r.value()));
}

std::string Slug(const std::string& s) {
  std::string out;
  for (char c : s) {
    const char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    const bool keep = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9');
    if (keep) out += l;
    else if (!out.empty() && out.back() != '-') out += '-';
    if (out.size() >= 60) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "graph" : out;
}

Result<ApiResponse> Export(const Call& c) {
  query::ExportRequest req;
  std::string around, part;
  Params p = c.params({"format", "around", "depth", "query", "edge", "limit", "part"});
  p.Required("format", &req.format);
  p.Text("around", &around);
  p.Number("depth", &req.depth, c.caps.depth);
  p.Text("query", &req.query);
  p.Text("edge", &req.edge);
  p.Number("limit", &req.limit, c.caps.export_limit);
  p.Text("part", &part);
  if (!p.ok()) return p.status();
  if (auto a = p.Find("around")) req.around = *a;  // given, even empty (then refused, as by the CLI)
  auto r = query::Export(c.session, req);
  if (!r.ok()) return r.status();
  const query::ExportPart* chosen = nullptr;
  std::string names;
  for (const auto& x : r->parts) {
    names += (names.empty() ? "" : "|") + x.name;
    if (x.name == part) chosen = &x;
  }
  if (!chosen) {
    if (r->parts.size() == 1)
      return Status::InvalidArgument("format " + req.format + " is one file; it has no part " + part);
    return Status::InvalidArgument("format " + req.format + " writes two files: ask for part=" + names);
  }
  ApiResponse out;
  out.content_type = chosen->media_type + "; charset=utf-8";
  out.body = chosen->content;
  const std::string name = "lodestone-" + Slug(around.empty() ? req.query : around) +
                           (chosen->name.empty() ? "" : "-" + chosen->name) + chosen->extension;
  out.headers.push_back({"Content-Disposition", "attachment; filename=\"" + name + "\""});
  // A download has no room for "truncated": it is said in headers.
  out.headers.push_back({"X-Lodestone-Nodes", std::to_string(r->nodes)});
  out.headers.push_back({"X-Lodestone-Edges", std::to_string(r->edges)});
  if (r->truncated) out.headers.push_back({"X-Lodestone-Truncated", "true"});
  return out;
}

// cooccur, cocite and couple: an id, a node type and a limit.
template <typename Req, typename R>
Fn TypeAndLimit(Result<R> (*ask)(Session&, const Req&), std::string (*json)(const R&)) {
  return [ask, json](const Call& c) -> Result<ApiResponse> {
    Req req;
    req.id = *c.id;
    Params p = c.params({"type", "limit"});
    p.Text("type", &req.type);
    p.Number("limit", &req.limit, c.caps.related_limit);
    if (!p.ok()) return p.status();
    return Answer(ask(c.session, req), json);
  };
}

// cites and cited-by: an id alone.
Fn IdAlone(Result<query::CitationsResult> (*ask)(Session&, const query::CitationsRequest&)) {
  return [ask](const Call& c) -> Result<ApiResponse> {
    query::CitationsRequest req;
    req.id = *c.id;
    Params p = c.params({});
    if (!p.ok()) return p.status();
    return Answer(ask(c.session, req), query::CitationsJson);
  };
}

// /api/network/TYPE: lode network TYPE's flags (not -o/--format: the files
// are /api/export's business). Without a limit, the network_nodes strongest.
Result<ApiResponse> Network(const Call& c) {
  query::NetworkRequest req;
  req.type = *c.id;
  Params p = c.params({"min", "query", "limit", "max_per_paper", "fractional", "cluster", "resolution", "starts",
                       "keywords", "short_names"});
  p.Number("min", &req.min);
  p.Text("query", &req.query);
  p.Number("limit", &req.limit, c.caps.network_nodes);
  size_t max_per_paper = 0;
  const bool per_paper_given = p.Find("max_per_paper") && !p.Find("max_per_paper")->empty();
  p.Number("max_per_paper", &max_per_paper);
  p.Flag("fractional", &req.fractional);
  p.Text("cluster", &req.cluster);
  p.Decimal("resolution", &req.resolution);
  p.Number("starts", &req.starts);
  p.Text("keywords", &req.keywords);
  p.Flag("short_names", &req.short_names);
  if (!p.ok()) return p.status();
  if (per_paper_given) req.max_per_paper = static_cast<int>(std::min<size_t>(max_per_paper, 1u << 30));
  if (auto q = p.Find("query"); q && q->empty())
    return Status::InvalidArgument("query is empty; give a search (words or filters), or leave it out for every paper");
  if (req.limit == 0) req.limit = c.caps.network_nodes;
  return Answer(query::Network(c.session, req), query::NetworkJson);
}

// /api/bursts: lode bursts' flags; limit as -n (default 25, 0: up to the cap).
Result<ApiResponse> Bursts(const Call& c) {
  query::BurstsRequest req;
  size_t limit = 25;
  Params p = c.params({"type", "query", "gamma", "s", "min", "min_duration", "limit", "keywords", "short_names"});
  p.Text("type", &req.type);
  p.Text("query", &req.query);
  p.Decimal("gamma", &req.gamma);
  p.Decimal("s", &req.s);
  p.Number("min", &req.min);
  p.Number("min_duration", &req.min_duration);
  p.Number("limit", &limit, c.caps.bursts_limit);
  p.Text("keywords", &req.keywords);
  p.Flag("short_names", &req.short_names);
  if (!p.ok()) return p.status();
  if (limit == 0) limit = c.caps.bursts_limit;
  return Answer(query::Bursts(c.session, req), [limit](const lodestone::BurstResult& r) { return query::BurstsJson(r, limit); });
}

struct Endpoint {
  const char* path;  // exact, or a prefix ending in '/' followed by the id
  Fn fn;
};

const std::vector<Endpoint>& Table() {
  static const std::vector<Endpoint> table = {
      {"/api/search",
       [](const Call& c) -> Result<ApiResponse> {
         query::SearchRequest req;
         Params p = c.params({"q", "limit", "offset", "facets", "by_date", "any"});
         p.Required("q", &req.query);
         p.Number("limit", &req.limit, c.caps.search_limit);
         p.Number("offset", &req.offset, c.caps.search_offset);
         p.Flag("facets", &req.facets);
         p.Flag("by_date", &req.sort_by_date);
         p.Flag("any", &req.match_any);
         if (!p.ok()) return p.status();
         // Admitted only once the result cache has no answer (engine.h).
         return Answer(query::Search(c.session, req, c.request.admit), query::SearchJson);
       }},
      {"/api/show/",
       [](const Call& c) -> Result<ApiResponse> {
         query::ShowRequest req;
         req.id = *c.id;
         bool no_text = false;
         Params p = c.params({"no_text"});
         p.Flag("no_text", &no_text);
         if (!p.ok()) return p.status();
         req.text = !no_text;
         return Answer(query::Show(c.session, req), query::ShowJson);
       }},
      {"/api/entity/",
       [](const Call& c) -> Result<ApiResponse> {
         query::EntityRequest req;
         req.name = *c.id;
         Params p = c.params({"limit"});
         p.Number("limit", &req.limit, c.caps.entity_limit);
         if (!p.ok()) return p.status();
         return Answer(query::DescribeEntity(c.session, req), query::EntityJson);
       }},
      {"/api/similar/",
       [](const Call& c) -> Result<ApiResponse> {
         query::SimilarRequest req;
         req.id = *c.id;
         Params p = c.params({"limit"});
         p.Number("limit", &req.limit, c.caps.similar_limit);
         if (!p.ok()) return p.status();
         return Answer(query::Similar(c.session, req), query::SimilarJson);
       }},
      {"/api/stats",
       [](const Call& c) -> Result<ApiResponse> {
         Params p = c.params({});
         if (!p.ok()) return p.status();
         return Answer(query::Stats(c.session, {}), query::StatsJson);
       }},
      {"/api/trace/",
       [](const Call& c) -> Result<ApiResponse> {
         query::TraceRequest req;
         req.entity = *c.id;
         Params p = c.params({"as_of", "kind", "via", "sort", "limit"});
         p.Text("as_of", &req.as_of);
         p.Text("kind", &req.kind);
         p.Text("via", &req.via);
         p.Text("sort", &req.sort);
         p.Number("limit", &req.limit);
         if (!p.ok()) return p.status();
         return Answer(query::Trace(c.session, req), query::TraceJson);
       }},
      {"/api/neighbors/",
       [](const Call& c) -> Result<ApiResponse> {
         query::NeighborsRequest req;
         req.id = *c.id;
         Params p = c.params({"depth", "edge", "type", "limit"});
         p.Number("depth", &req.depth, c.caps.depth);
         p.Text("edge", &req.edge);
         p.Text("type", &req.type);
         p.Number("limit", &req.limit, c.caps.neighbors_limit);
         if (!p.ok()) return p.status();
         return Answer(query::Neighbors(c.session, req), query::NeighborsJson);
       }},
      {"/api/path",
       [](const Call& c) -> Result<ApiResponse> {
         query::PathRequest req;
         Params p = c.params({"from", "to", "edge"});
         p.Required("from", &req.from);
         p.Required("to", &req.to);
         p.Text("edge", &req.edge);
         if (!p.ok()) return p.status();
         return Answer(query::Path(c.session, req), query::PathJson);
       }},
      {"/api/cites/", IdAlone(query::Cites)},
      {"/api/cited-by/", IdAlone(query::CitedBy)},
      {"/api/rank",
       [](const Call& c) -> Result<ApiResponse> {
         query::RankRequest req;
         Params p = c.params({"by", "type", "edge", "limit"});
         p.Text("by", &req.by);
         p.Text("type", &req.type);
         p.Text("edge", &req.edge);
         p.Number("limit", &req.limit, c.caps.rank_limit);
         if (!p.ok()) return p.status();
         return Answer(query::Rank(c.session, req), query::RankJson);
       }},
      {"/api/timeline",  // every document; /api/timeline/ID those of one node
       [](const Call& c) -> Result<ApiResponse> {
         query::TimelineRequest req;
         req.id = c.id;
         Params p = c.params({"type", "by", "limit"});
         p.Text("type", &req.type);
         p.Text("by", &req.by);
         p.Number("limit", &req.limit);
         if (!p.ok()) return p.status();
         return Answer(query::Timeline(c.session, req), query::TimelineJson);
       }},
      {"/api/cooccur/", TypeAndLimit(query::Cooccur, query::CooccurJson)},
      {"/api/cocite/", TypeAndLimit(query::CoCite, query::RelatedJson)},
      {"/api/couple/", TypeAndLimit(query::Couple, query::RelatedJson)},
      {"/api/export", Export},
      {"/api/dossier/",  // the web UI's dossier page (issue 16): lode dossier ID --json
       [](const Call& c) -> Result<ApiResponse> {
         query::DossierRequest req;
         req.subject = *c.id;
         Params p = c.params({"from", "to", "papers"});
         p.Text("from", &req.from);
         p.Text("to", &req.to);
         p.Number("papers", &req.literature_limit, c.caps.dossier_papers);
         if (!p.ok()) return p.status();
         return Answer(query::Dossier(c.session, req), query::DossierJson);
       }},
      {"/api/network/", Network},
      {"/api/bursts", Bursts},
  };
  return table;
}

ApiResponse Error(const Status& s) {
  ApiResponse r;
  r.status = query::Classify(s).http_status;
  r.body = query::ErrorJson(s);
  return r;
}

}  // namespace

ApiResponse Handle(Session& session, const ApiRequest& request, const ApiCaps& caps) {
  const std::string& path = request.path;
  for (const Endpoint& e : Table()) {
    const std::string base = e.path;
    std::optional<std::string> id;
    if (path == base) {
      if (base.back() == '/') id = "";  // "/api/show/": an empty id, refused by the engine
    } else if (base == "/api/timeline" && path.rfind("/api/timeline/", 0) == 0) {
      id = path.substr(base.size() + 1);
    } else if (base.back() == '/' && path.size() > base.size() && path.compare(0, base.size(), base) == 0) {
      id = path.substr(base.size());
    } else {
      continue;
    }
    if (base.back() == '/' && !id) continue;
    const std::string endpoint = base.back() == '/' ? base + "ID" : base;
    try {
      // Searches ask for admission themselves, after their cache lookup.
      if (request.admit && base != "/api/search" && !internal::IsCheap(path)) request.admit();
      auto r = e.fn(Call{session, id, request, caps, endpoint});
      return r.ok() ? std::move(*r) : Error(r.status());
    } catch (const std::exception& ex) {  // a bug, not the client's: 500, and the server goes on
      return Error(Status::Internal(std::string("internal error: ") + ex.what()));
    }
  }
  return Error(Status::NotFound("no endpoint " + path + " (see README.md, \"lode serve\")"));
}

query::Limits ServerLimits(const ApiCaps& caps, size_t max_list, size_t max_export_nodes) {
  query::Limits l;
  l.search_limit = caps.search_limit;
  l.search_offset = caps.search_offset;
  l.neighbors_limit = caps.neighbors_limit;
  l.depth = caps.depth;
  l.list = max_list;
  l.export_nodes = max_export_nodes;
  l.export_documents = caps.export_limit;
  return l;
}

}  // namespace lodestone::server
