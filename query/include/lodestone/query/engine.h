// The query engine: one function per question a front end can ask, each a
// request struct in and a result struct out, over a shared Session.
//
//   lode CLI:    flags        -> XxxRequest -> Xxx(session, request) -> XxxResult -> render.h
//   lode serve:  HTTP request -> XxxRequest -> Xxx(session, request) -> XxxResult -> render.h
//
// The engine validates every request (dates, kinds, edge types, node types,
// empty ids, caps from Limits) with the messages the CLI prints, so both
// front ends reject the same input in the same words and with the same
// Status code (errors.h maps it to an exit code and an HTTP status). User
// text arrives as typed: the engine segments CJK queries, resolves names to
// ids and adds suggestions to "not found". A result holds everything a
// renderer needs (names, evidence sentences, statuses, degrees, totals and
// whether a list was cut), so rendering is formatting only and the same
// result prints the same way from the CLI and the server.
//
// Thread-safety: every function may be called from many threads on one
// Session at once; results are plain values owned by the caller.
#ifndef LODESTONE_QUERY_ENGINE_H_
#define LODESTONE_QUERY_ENGINE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lodestone/index/searcher.h"
#include "lodestone/index/status.h"
#include "lodestone/ingest/kb.h"
#include "lodestone/query/bibliometrics.h"
#include "lodestone/query/session.h"

namespace lodestone::query {

// A node as answers show it (graph/graph.h's Node without the internals).
struct NodeInfo {
  std::string id, type, name, kind, date;
  std::string president, jurisdiction;
  bool external = true;
};

// An edge as answers show it: its ends' ids, its type name and count.
struct EdgeInfo {
  std::string source, target, type;
  uint32_t count = 0;
};

// ================================================================ search

struct SearchRequest {
  std::string query;  // as typed (CJK is segmented by the engine)
  uint32_t offset = 0;
  uint32_t limit = 10;
  bool facets = false;
  bool match_any = false;
  bool sort_by_date = false;
  // Around matched words in snippets: <mark> for JSON and HTML, terminal
  // colours or nothing for text.
  std::string mark_start = "<mark>", mark_end = "</mark>";
};

// One hit of search or similar.
struct SearchHit {
  std::string id, source, title, kind, date, language, number, jurisdiction;
  double score = 0;
  uint32_t rank = 0;     // 1-based, counting the offset
  std::string snippet;   // search only
};

struct SearchResult {
  SearchRequest request;
  uint64_t total = 0;  // an estimate unless total_exact
  bool total_exact = false;
  std::vector<SearchHit> hits;
  std::map<std::string, std::vector<FacetCount>> facets;  // kind, year, jurisdiction, mineral, agency, country
  std::string suggestion;
  std::vector<std::string> missing_shards;  // --partial: shards left out (JSON "partial": {"missing": [...]})
};
// InvalidArgument for a query that does not parse; TooLarge over the caps.
// `before_work`, when given, is called once the answer is known not to be in
// the revision's result cache, before the search runs (and again if the read
// is retried): a server queues there for a core (lode serve's admission), so
// that a cached answer never waits behind searches that do work.
Result<SearchResult> Search(Session& session, const SearchRequest& request,
                            const std::function<void()>& before_work = {});

struct SimilarRequest {
  std::string id;       // document id, alias or source path
  uint32_t limit = 10;
  uint32_t terms = 40;  // terms of the document the query is made of
};
struct SimilarResult {
  std::string id, title;
  std::vector<std::string> terms;
  uint64_t total = 0;
  std::vector<SearchHit> hits;  // without snippets, never the document itself
};
// NotFound for an unknown document.
Result<SimilarResult> Similar(Session& session, const SimilarRequest& request);

// ================================================================ documents

// Where a mention stands in a document's text, end exclusive, in three
// units: bytes of the UTF-8 text (begin is the offset extraction stored, or
// before it for a citation stored at its number: "Executive Order 13817"),
// characters (Unicode code points: Python's text[char_begin:char_end]) and
// UTF-16 code units (JavaScript's text.slice(utf16_begin, utf16_end)).
struct TextSpan {
  uint32_t begin = 0, end = 0;
  uint32_t char_begin = 0, char_end = 0;
  uint32_t utf16_begin = 0, utf16_end = 0;
};

struct ShowRequest {
  std::string id;  // id, alias, or a path as given to ingest
  bool text = true;
  // Find each mention's span (entity_mentions, citation_mentions): reads the
  // knowledge base, so a front end that does not show spans can skip it.
  bool mentions = true;
};
// A document with the sentence behind each link. The evidence vectors run
// parallel to document.entities / .citations / .relations.
struct ShowResult {
  ShowRequest request;
  Document document;
  std::string source;  // the file whose text was kept
  std::vector<std::string> entity_evidence, citation_evidence;
  // Each mention's span, one per stored offset inside the text (issue 10: for highlighting;
  // the end is found at show time, see src/mentions.h).
  std::vector<std::vector<TextSpan>> entity_mentions, citation_mentions;
  // A relation's sentence when its offset is in the text, else the Federal
  // Register's disposition notes (metadata relations), else "".
  std::vector<std::string> relation_evidence;
  std::vector<bool> relation_in_text;
};
// NotFound with "ids that start alike" for an unknown one.
Result<ShowResult> Show(Session& session, const ShowRequest& request);

struct EntityRequest {
  std::string name;  // id, name or alias; or a cited id (eo:13817)
  size_t limit = 10;  // documents listed (0: none)
};
struct EntityResult {
  std::string id, type;
  std::optional<Entity> entity;  // the knowledge base's entry, when there is one
  std::vector<std::string> members;  // ids of the entities whose is_a names it
  uint64_t documents = 0;           // documents naming (or citing) it
  std::vector<Posting> top;         // most mentions first
  struct CoOccurring {
    std::string id, name;
    uint64_t documents = 0;  // shared
  };
  std::vector<CoOccurring> cooccurs;
};
// NotFound with "did you mean" for a name nothing knows.
Result<EntityResult> DescribeEntity(Session& session, const EntityRequest& request);

struct StatsRequest {};
Result<IndexStats> Stats(Session& session, const StatsRequest& request);

// ================================================================ graph

// Shared by the graph questions: extra knowledge-base files and the graph
// cache are session options (SessionOptions::kb_files, graph_cache).

struct LinkedNode {
  std::string id, name, date;
};

struct DocStatus {
  bool in_force = true;
  std::string state;  // "in_force", "revoked", "superseded"
  std::string revoked_on;
  std::vector<LinkedNode> revoked_by, superseded_by, amended_by;
};

struct TraceRequest {
  std::string entity;  // mineral (or other entity) id, name or alias
  std::string as_of;   // YYYY-MM-DD or ""
  std::string kind;    // document kind or ""
  std::string via;     // direct, member, group, category or "" (all)
  // "via": documents naming the entity first, then those naming a group it
  // belongs to, then those speaking of the category, newest first within
  // each (undated last); "date": oldest first across all.
  std::string sort = "via";
  size_t limit = 0;  // documents listed (0: all); the counts are of all
  // Statuses as they stood on this date (YYYY-MM-DD) without leaving out
  // what was not in force then ("": as_of). The dossier's --to (issue 16).
  std::string status_on;
};
struct TraceDocument {
  std::string id, source, title, kind, date;
  std::string president, jurisdiction;
  std::string via;              // direct, member (of the group traced), group, category
  std::string via_entity;       // the entity actually named
  std::string via_entity_name;
  std::string evidence;
  uint32_t evidence_at = kNoOffset;  // byte offset of the evidence's words in the document (issue 16)
  DocStatus status;
  std::vector<LinkedNode> directs;  // agencies it tasks
  // Parallel to directs: the sentence tasking each and its offset (issue 16;
  // the dossier shows them, trace's JSON does not).
  std::vector<std::string> directs_evidence;
  std::vector<uint32_t> directs_at;
};
struct TraceResult {
  TraceRequest request;
  NodeInfo entity;
  std::vector<NodeInfo> groups;      // groups it belongs to (transitively)
  std::vector<NodeInfo> categories;  // concept:* above it
  size_t total = 0;                  // documents that matched
  size_t direct = 0, group = 0, category = 0;
  size_t member = 0;  // naming a member of the group (via "member", issue 16)
  std::vector<TraceDocument> documents;  // in the requested order, at most limit
  bool truncated() const { return documents.size() < total; }
};
// InvalidArgument for a bad date, kind, via or sort, for an empty or
// non-entity node; NotFound for an unknown one.
Result<TraceResult> Trace(Session& session, const TraceRequest& request);

struct NeighborsRequest {
  std::string id;
  uint32_t depth = 1;
  std::string edge;  // edge types, comma-separated ("": all)
  std::string type;  // node type filter ("": all)
  size_t limit = 100;  // 0: all
};
struct Neighbor {
  NodeInfo node;
  uint32_t depth = 0;
  EdgeInfo via;          // the edge it was reached by
  bool outward = true;   // reached along the edge's direction
  std::string evidence;
};
struct NeighborsResult {
  NeighborsRequest request;
  NodeInfo start;
  size_t total = 0;  // nodes that matched, before the limit
  std::vector<Neighbor> nodes;
  bool truncated() const { return nodes.size() < total; }
};
Result<NeighborsResult> Neighbors(Session& session, const NeighborsRequest& request);

struct PathRequest {
  std::string from, to;
  std::string edge;  // "": every type but issued_by
};
struct PathHop {
  EdgeInfo edge;
  bool forward = true;  // walked along the edge's direction
  std::string evidence;
};
struct PathResult {
  PathRequest request;
  std::vector<NodeInfo> path;  // from, ..., to
  std::vector<PathHop> hops;   // path.size() - 1
};
// NotFound when no path links them.
Result<PathResult> Path(Session& session, const PathRequest& request);

struct CitationsRequest {
  std::string id;
  size_t limit = 0;  // 0: all (a server's Limits::list still cuts)
};
struct CitationEntry {
  NodeInfo node;
  std::vector<EdgeType> relations;  // kCites, kRevokes, kAmends, ... (rendered by EdgeTypeName)
  uint32_t count = 0;
  std::string evidence;
};
struct CitationsResult {
  NodeInfo subject;
  bool incoming = false;  // cited-by
  size_t total = 0;
  std::vector<CitationEntry> entries;  // cites: by id; cited-by: by date
  bool truncated() const { return entries.size() < total; }
};
// What a document cites (one entry per work) / who cites, revokes, amends
// or supersedes it.
Result<CitationsResult> Cites(Session& session, const CitationsRequest& request);
Result<CitationsResult> CitedBy(Session& session, const CitationsRequest& request);

struct RankRequest {
  std::string by = "pagerank";  // pagerank, indegree, betweenness
  std::string type;             // node filter
  std::string edge;             // "": citation edges, or mentions+directs for entity types
  size_t limit = 20;            // 0: all
};
struct RankedNode {
  NodeInfo node;
  double score = 0;
};
struct RankResult {
  RankRequest request;
  std::vector<std::string> edges;  // the edge types ranked over
  std::vector<RankedNode> nodes;
  int iterations = 0;  // PageRank
  size_t sources = 0;  // betweenness: BFS sources used
  bool approximate = false;
};
Result<RankResult> Rank(Session& session, const RankRequest& request);

struct TimelineRequest {
  std::optional<std::string> id;  // an entity or document; none: every document
  std::string type;               // only documents of this type or kind
  std::string by;                 // "", "year" or "president"
  // Documents listed (0: all in JSON, none in text); with by=president, per
  // administration.
  size_t limit = 20;
};
struct AdministrationCount {
  Administration administration;  // president, name, from, to ("" while in office)
  uint64_t documents = 0;
  std::map<std::string, uint64_t> by_jurisdiction;
  std::vector<NodeInfo> listed;  // by=president: its first `limit` documents (0: all)
};
struct TimelineResult {
  TimelineRequest request;
  std::optional<NodeInfo> subject;
  uint64_t total = 0;
  std::map<std::string, uint64_t> by_year;          // "unknown" for undated
  std::map<std::string, uint64_t> by_president;     // person id, "undated", "none"
  std::map<std::string, uint64_t> by_jurisdiction;  // us, cn, intl, none
  std::vector<AdministrationCount> administrations;  // chronological
  std::vector<NodeInfo> documents;  // by date, at most limit (0: all)
  bool truncated() const { return documents.size() < total; }
};
Result<TimelineResult> Timeline(Session& session, const TimelineRequest& request);

struct CooccurRequest {
  std::string id;
  std::string type;  // only entities of this type
  size_t limit = 20;  // 0: all
};
struct CooccurEntry {
  NodeInfo node;
  uint32_t shared = 0, documents = 0;
  double jaccard = 0, lift = 0;
};
struct CooccurResult {
  CooccurRequest request;
  NodeInfo subject;
  uint64_t documents = 0;  // documents naming it
  size_t total = 0;
  std::vector<CooccurEntry> entries;
};
Result<CooccurResult> Cooccur(Session& session, const CooccurRequest& request);

struct RelatedRequest {
  std::string id;
  std::string type;
  size_t limit = 20;  // 0: all
};
struct RelatedEntry {
  NodeInfo node;
  uint32_t shared = 0, degree = 0;
  double cosine = 0;
};
struct RelatedResult {
  NodeInfo subject;
  bool cocitation = true;  // else coupling
  uint64_t degree = 0;     // times cited (co-citation) or references (coupling)
  size_t total = 0;
  std::vector<RelatedEntry> entries;
};
// Works cited together with id / documents sharing references with it.
Result<RelatedResult> CoCite(Session& session, const RelatedRequest& request);
Result<RelatedResult> Couple(Session& session, const RelatedRequest& request);

// ================================================================ export

struct ExportRequest {
  // graphml, gexf, dot, json, csv, pajek, vosviewer; bibtex (bib), ris,
  // csl-json (csl), wos (wos-plain): the records of the selected documents.
  std::string format = "graphml";
  std::optional<std::string> around;  // a neighbourhood (given: never empty)
  uint32_t depth = 1;                  // hops around `around`
  std::string query;                   // the documents matching it, one hop out
  size_t limit = 1000;                 // documents taken from `query`
  std::string edge;                    // "": all types
  size_t max_nodes = 0;                // 0: all (a server's Limits::export_nodes still cuts)
};
// One file of an export: csv and vosviewer have two.
struct ExportPart {
  std::string name;        // "" (one file), nodes/relationships (csv), map/network (vosviewer)
  std::string extension;   // ".graphml", ".csv", ".txt", ...
  std::string media_type;  // application/graphml+xml, text/csv, ...
  std::string content;
};
struct ExportResult {
  std::string format;   // the name as asked for bibliographic formats, else the canonical one
  bool records = false;  // a bibliographic format
  size_t nodes = 0, edges = 0;
  size_t record_count = 0, skipped_not_papers = 0;
  bool truncated = false;  // the selection was cut at max_nodes
  std::vector<ExportPart> parts;
};
Result<ExportResult> Export(Session& session, const ExportRequest& request);

// What `lode render` draws: the DOT of a node's neighbourhood, at most
// max_nodes nodes (nearest first; truncated says when some were left out).
struct RenderRequest {
  std::string id;
  uint32_t depth = 1;
  std::string edge;  // "": every type but issued_by
  size_t max_nodes = 80;
};
struct RenderResult {
  std::string dot;
  size_t nodes = 0, edges = 0;
  size_t reachable = 0;  // nodes within depth, before the cap
  bool truncated = false;
};
Result<RenderResult> Render(Session& session, const RenderRequest& request);

// ================================================================ bibliometrics

struct NetworkRequest {
  std::string type;             // coauthors, organizations, countries, keywords
  std::string query;            // "": every paper
  std::string cluster = "vos";  // vos, modularity, louvain, none
  std::string keywords = "all";  // all, author, index
  uint32_t min = 5;
  int max_per_paper = -1;  // -1: 25 for names (VOSviewer's), none for keywords
  size_t limit = 0;        // items kept (0: all over min)
  bool fractional = false;
  bool short_names = false;
  double resolution = 1.0;
  uint32_t starts = 10;
};
Result<lodestone::NetworkResult> Network(Session& session, const NetworkRequest& request);

struct BurstsRequest {
  std::string type = "keywords";  // keywords, cited, authors, organizations, countries
  std::string query;
  std::string keywords = "all";
  double gamma = 1.0, s = 2.0;
  uint32_t min = 5, min_duration = 1;
  bool short_names = false;
};
Result<lodestone::BurstResult> Bursts(Session& session, const BurstsRequest& request);

}  // namespace lodestone::query

#endif  // LODESTONE_QUERY_ENGINE_H_
