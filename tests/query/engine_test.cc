// The engine's questions (engine.h) asked directly, the way `lode serve`
// will ask them: one Session, several requests, results as structs. The
// index is built once from tests/fixtures/graph (four made-up orders: 99102
// revokes 99101 and names neodymium, 99103 amends 99102, 99104 cites EO
// 13817, which is not in the set).
#include "lodestone/query/engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "cli_util.h"

namespace fs = std::filesystem;

namespace lodestone::query {
namespace {

class EngineTest : public lodestone::testing::IndexedSuite<EngineTest> {
 public:
  static constexpr const char* kName = "lode-engine";
  static std::string Ingest(const std::string&) { return std::string(LODE_FIXTURES) + "/graph/docs"; }

 protected:
  static std::shared_ptr<Session> Open(Limits limits = {}) {
    SessionOptions o;
    o.index_dir = *dir_ + "/index";
    o.graph_cache = false;  // the suite's tests run in one folder; no cache file shared between them
    o.limits = limits;
    return Session::Open(std::move(o));
  }
};

TEST_F(EngineTest, SearchFindsAndSnippets) {
  auto s = Open();
  SearchRequest req;
  req.query = "neodymium";
  req.facets = true;
  auto r = Search(*s, req);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_GE(r->hits.size(), 1u);
  EXPECT_EQ(r->hits.size(), r->total);
  auto it = std::find_if(r->hits.begin(), r->hits.end(), [](const SearchHit& h) { return h.id == "eo:99102"; });
  ASSERT_NE(it, r->hits.end());
  EXPECT_EQ(it->kind, "executive_order");
  EXPECT_NE(it->snippet.find("<mark>neodymium</mark>"), std::string::npos) << it->snippet;
  EXPECT_EQ(r->hits.front().rank, 1u);
  EXPECT_TRUE(r->facets.count("kind"));
}

TEST_F(EngineTest, ShowGivesEvidenceAndMentionSpans) {
  auto s = Open();
  ShowRequest req;
  req.id = "eo:99102";
  auto r = Show(*s, req);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Document& d = r->document;
  EXPECT_EQ(d.title, "Magnets for an Imaginary Grid");
  ASSERT_EQ(r->entity_evidence.size(), d.entities.size());
  ASSERT_EQ(r->entity_mentions.size(), d.entities.size());
  ASSERT_EQ(r->citation_mentions.size(), d.citations.size());
  ASSERT_EQ(r->relation_evidence.size(), d.relations.size());
  // Every stored offset has a span, and the span spells what was named.
  std::map<std::string, std::string> first;  // id -> text of its first mention
  for (size_t i = 0; i < d.entities.size(); ++i) {
    ASSERT_EQ(r->entity_mentions[i].size(), d.entities[i].offsets.size()) << d.entities[i].id;
    for (const TextSpan& m : r->entity_mentions[i]) {
      ASSERT_LT(m.begin, m.end);
      ASSERT_LE(m.end, d.text.size());
      first.emplace(d.entities[i].id, d.text.substr(m.begin, m.end - m.begin));
    }
  }
  for (size_t i = 0; i < d.citations.size(); ++i) {
    ASSERT_EQ(r->citation_mentions[i].size(), d.citations[i].offsets.size()) << d.citations[i].id;
    for (const TextSpan& m : r->citation_mentions[i])
      first.emplace(d.citations[i].id, d.text.substr(m.begin, m.end - m.begin));
  }
  EXPECT_EQ(first["mineral:neodymium"], "neodymium");
  EXPECT_EQ(first["eo:99101"], "Executive Order 99101");
  EXPECT_EQ(first["usc:30/1602"], "30 U.S.C. 1602");
  auto revokes = std::find_if(d.relations.begin(), d.relations.end(),
                              [](const RelationRef& x) { return x.type == RelationType::kRevokes && x.target == "eo:99101"; });
  ASSERT_NE(revokes, d.relations.end());
  EXPECT_NE(r->relation_evidence[revokes - d.relations.begin()].find("is hereby revoked"), std::string::npos);
}

TEST_F(EngineTest, ShowWithoutMentionsLeavesTheSpansOut) {
  auto s = Open();
  ShowRequest req;
  req.id = "eo:99102";
  req.mentions = false;
  auto r = Show(*s, req);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_FALSE(r->document.entities.empty());
  EXPECT_TRUE(r->entity_mentions.empty());
  EXPECT_TRUE(r->citation_mentions.empty());
  EXPECT_EQ(r->entity_evidence.size(), r->document.entities.size());  // the evidence is still there
}

TEST_F(EngineTest, ShowOfAnUnknownIdSuggestsNeighbours) {
  auto s = Open();
  ShowRequest req;
  req.id = "eo:99109";
  auto r = Show(*s, req);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
  EXPECT_NE(r.status().message().find("ids that start alike: eo:99101"), std::string::npos) << r.status().message();
}

TEST_F(EngineTest, GraphQuestionsShareOneSession) {
  auto s = Open();
  TraceRequest tr;
  tr.entity = "neodymium";
  auto trace = Trace(*s, tr);
  ASSERT_TRUE(trace.ok()) << trace.status().message();
  EXPECT_EQ(trace->entity.id, "mineral:neodymium");
  EXPECT_EQ(trace->total, trace->documents.size());
  EXPECT_EQ(trace->direct + trace->group + trace->category, trace->total);
  auto one = std::find_if(trace->documents.begin(), trace->documents.end(),
                          [](const TraceDocument& d) { return d.id == "eo:99101"; });
  ASSERT_NE(one, trace->documents.end());
  EXPECT_EQ(one->status.state, "revoked");
  ASSERT_EQ(one->status.revoked_by.size(), 1u);
  EXPECT_EQ(one->status.revoked_by[0].id, "eo:99102");

  CitationsRequest cr;
  cr.id = "eo:99101";
  auto cited = CitedBy(*s, cr);
  ASSERT_TRUE(cited.ok()) << cited.status().message();
  EXPECT_TRUE(cited->incoming);
  // 99102 revokes it; 99103 cites it ("the mapping begun under Executive Order 99101").
  ASSERT_EQ(cited->entries.size(), 2u);
  std::map<std::string, std::vector<EdgeType>> relations;
  for (const CitationEntry& e : cited->entries) relations[e.node.id] = e.relations;
  ASSERT_EQ(relations.count("eo:99102"), 1u);
  EXPECT_NE(std::find(relations["eo:99102"].begin(), relations["eo:99102"].end(), EdgeType::kRevokes),
            relations["eo:99102"].end());
  EXPECT_EQ(relations["eo:99103"], (std::vector<EdgeType>{EdgeType::kCites}));

  cr.id = "eo:99104";
  auto cites = Cites(*s, cr);
  ASSERT_TRUE(cites.ok()) << cites.status().message();
  auto ext = std::find_if(cites->entries.begin(), cites->entries.end(),
                          [](const CitationEntry& e) { return e.node.id == "eo:13817"; });
  ASSERT_NE(ext, cites->entries.end());
  EXPECT_TRUE(ext->node.external);

  PathRequest pr;
  pr.from = "eo:99103";
  pr.to = "eo:99101";
  auto path = Path(*s, pr);
  ASSERT_TRUE(path.ok()) << path.status().message();
  ASSERT_EQ(path->path.size(), path->hops.size() + 1);
  EXPECT_EQ(path->path.front().id, "eo:99103");
  EXPECT_EQ(path->path.back().id, "eo:99101");
  ASSERT_EQ(path->hops.size(), 1u);  // "This order builds on ... Executive Order 99101."
  EXPECT_EQ(path->hops[0].edge.type, "cites");
  EXPECT_TRUE(path->hops[0].forward);
  EXPECT_NE(path->hops[0].evidence.find("Executive Order 99101"), std::string::npos) << path->hops[0].evidence;

  NeighborsRequest nr;
  nr.id = "eo:99102";
  nr.limit = 1;
  auto nb = Neighbors(*s, nr);
  ASSERT_TRUE(nb.ok()) << nb.status().message();
  EXPECT_EQ(nb->nodes.size(), 1u);
  EXPECT_GT(nb->total, 1u);
  EXPECT_TRUE(nb->truncated());

  // One session: the graph was built once for all of these.
  EXPECT_EQ(s->counters().graph_loads, 1u);
  EXPECT_GE(s->counters().requests, 5u);
}

// issue 10: an empty (or blank) required argument is refused, naming it,
// before anything is read.
TEST_F(EngineTest, EmptyArgumentsAreRefusedByName) {
  auto s = Open();
  auto named = [](const Status& st, const std::string& what) {
    EXPECT_EQ(st.code(), Status::Code::kInvalidArgument) << what;
    EXPECT_EQ(st.message().rfind("empty " + what + "; give ", 0), 0u) << st.message();
  };
  SearchRequest search;
  search.query = "  ";
  named(Search(*s, search).status(), "query");
  named(Show(*s, ShowRequest{}).status(), "id");
  named(Similar(*s, SimilarRequest{}).status(), "id");
  named(DescribeEntity(*s, EntityRequest{}).status(), "name");
  named(Trace(*s, TraceRequest{}).status(), "mineral");
  named(Neighbors(*s, NeighborsRequest{}).status(), "id");
  PathRequest path;
  path.to = "eo:99101";
  named(Path(*s, path).status(), "from");
  path.from = "eo:99101";
  path.to = "\t";
  named(Path(*s, path).status(), "to");
  named(Cites(*s, CitationsRequest{}).status(), "id");
  named(CitedBy(*s, CitationsRequest{}).status(), "id");
  TimelineRequest tl;
  tl.id = "";
  named(Timeline(*s, tl).status(), "id");
  named(Cooccur(*s, CooccurRequest{}).status(), "id");
  named(CoCite(*s, RelatedRequest{}).status(), "id");
  named(Couple(*s, RelatedRequest{}).status(), "id");
  named(Render(*s, RenderRequest{}).status(), "id");
  ExportRequest ex;
  ex.around = " ";
  named(Export(*s, ex).status(), "around (--around)");
  named(Network(*s, NetworkRequest{}).status(), "type");
  BurstsRequest bursts;
  bursts.type = "";
  named(Bursts(*s, bursts).status(), "--type");
  EXPECT_EQ(s->counters().requests, 0u) << "refused before reading";
}

TEST_F(EngineTest, LimitsRefuseWhatIsTooLargeAndCutLists) {
  Limits limits;
  limits.search_limit = 5;
  limits.list = 1;
  auto s = Open(limits);
  SearchRequest search;
  search.query = "order";
  search.limit = 6;
  auto big = Search(*s, search);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), Status::Code::kTooLarge);
  EXPECT_NE(big.status().message().find("limit 6 is over the limit of 5"), std::string::npos) << big.status().message();
  search.limit = 5;
  EXPECT_TRUE(Search(*s, search).ok());

  CitationsRequest cr;
  cr.id = "eo:99102";
  auto cites = Cites(*s, cr);  // no limit of its own: cut at Limits::list, and said
  ASSERT_TRUE(cites.ok()) << cites.status().message();
  EXPECT_EQ(cites->entries.size(), 1u);
  EXPECT_GT(cites->total, 1u);
  EXPECT_TRUE(cites->truncated());
}

}  // namespace
}  // namespace lodestone::query
