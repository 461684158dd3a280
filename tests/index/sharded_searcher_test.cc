// issue 13: a Searcher over a sharded layout (a stub naming meta and the
// shards) answers as one index, names a shard it cannot open, and with
// --partial answers from the others.
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>

#include <fstream>

#include "index_fixture.h"
#include "wildcard.h"

namespace lodestone::testing {
namespace {

namespace fs = std::filesystem;

class ShardedSearcherTest : public IndexTest {
 protected:
  // The same three documents as one index (dir_/single) and as meta plus two
  // shards (dir_/out), stub written by hand with `extra` lines after them.
  void Build(const std::string& extra = "") {
    auto a = Make("eo:1", Kind::kExecutiveOrder, "Lithium", "2017-01-01", "lithium lithium supply chain", "/c/a.md");
    auto b = Make("eo:2", Kind::kExecutiveOrder, "Lithium batteries", "2018-01-01", "lithium batteries", "/c/b.md");
    auto c = Make("doc:3", Kind::kNotice, "Notice", "2018-02-01", "lithium notice of supply", "/c/c.md");
    Put(dir_ + "/single", {a, b, c});
    Put(dir_ + "/out/meta", {});
    Put(dir_ + "/out/shard-0", {a, c});
    Put(dir_ + "/out/shard-1", {b});
    std::ofstream(dir_ + "/out/XAPIANDB") << "auto meta\nauto shard-0\nauto shard-1\n" << extra;
  }
  std::unique_ptr<Searcher> Open(const std::string& dir, OpenOptions o = {}) {
    auto s = Searcher::Open(dir, o);
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? std::move(*s) : nullptr;
  }
};

// A loopback port nobody listens on (bound, then closed).
int ClosedPort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

TEST_F(ShardedSearcherTest, SameHitsScoresFacetsAndStatsAsOneIndex) {
  Build();
  auto one = Open(dir_ + "/single"), many = Open(dir_ + "/out");
  ASSERT_TRUE(one && many);
  for (const char* q : {"lithium", "supply", "lith*", "title:lith*", "lithium supply"}) {
    SearchRequest r;
    r.query = q;
    r.facets = true;
    auto a = one->Search(r), b = many->Search(r);
    ASSERT_TRUE(a.ok() && b.ok()) << q;
    ASSERT_EQ(a->hits.size(), b->hits.size()) << q;
    ASSERT_GT(a->hits.size(), 0u) << q;
    for (size_t i = 0; i < a->hits.size(); ++i) {
      EXPECT_EQ(a->hits[i].doc.id, b->hits[i].doc.id) << q;
      EXPECT_NEAR(a->hits[i].score, b->hits[i].score, 1e-9) << q;
    }
    for (const auto& [name, counts] : a->facets) {
      ASSERT_EQ(counts.size(), b->facets[name].size()) << q << " " << name;
      for (size_t i = 0; i < counts.size(); ++i)
        EXPECT_EQ(counts[i].value + std::to_string(counts[i].count),
                  b->facets[name][i].value + std::to_string(b->facets[name][i].count));
    }
  }
  auto sa = one->Stats(), sb = many->Stats();
  ASSERT_TRUE(sa.ok() && sb.ok()) << sb.status().message();
  EXPECT_EQ(sa->documents, sb->documents);
  EXPECT_EQ(sa->by_kind, sb->by_kind);
  ASSERT_EQ(sb->shards.size(), 3u);
  EXPECT_EQ(sb->shards[0].name, "meta");
  EXPECT_EQ(sb->shards[1].documents + sb->shards[2].documents, 3u);
  EXPECT_TRUE(sa->shards.empty());
  EXPECT_TRUE(many->Stamp().ok());  // no get_revision on a multi-database
  auto ga = one->ReadGraphSource(), gb = many->ReadGraphSource();
  ASSERT_TRUE(ga.ok() && gb.ok()) << gb.status().message();
  ASSERT_EQ(ga->docs.size(), gb->docs.size());
  for (size_t i = 0; i < ga->docs.size(); ++i) EXPECT_EQ(ga->docs[i].id, gb->docs[i].id);  // ordered by id
  ASSERT_EQ(ga->entities.size(), gb->entities.size());
  auto d = many->Get("eo:2");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->title, "Lithium batteries");
}

TEST(WildcardExpanderTest, RewritesOutsideQuotesAndCapsTheExpansion) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document d;
  for (const char* t : {"lithium", "lithuania", "lithographic", "Slithium"}) d.add_term(t);
  db.add_document(d);
  internal::WildcardExpander wide(db);
  EXPECT_EQ(wide.Rewrite("lith* \"lith* x\" title:lith* -lith* mineral:li*"),
            "lodewildcard:lith \"lith* x\" lodewildcardtitle:lith -lodewildcard:lith mineral:li*");
  Xapian::QueryParser qp;
  wide.Register(qp);
  Xapian::Query q = qp.parse_query(wide.Rewrite("lith*"));
  EXPECT_EQ(q.get_description(), "Query((lithium SYNONYM lithographic SYNONYM lithuania))") << q.get_description();
  EXPECT_TRUE(wide.error().empty());
  internal::WildcardExpander narrow(db, 2);
  Xapian::QueryParser qp2;
  narrow.Register(qp2);
  (void)qp2.parse_query(narrow.Rewrite("lith*"));
  EXPECT_NE(narrow.error().find("lith* stands for more than 2 words"), std::string::npos) << narrow.error();
}

TEST_F(ShardedSearcherTest, AShardDownIsNamedAndPartialAnswersFromTheRest) {
  const int port = ClosedPort();
  Build("remote 127.0.0.1:" + std::to_string(port) + "\n");
  auto failed = Searcher::Open(dir_ + "/out");
  ASSERT_FALSE(failed.ok());
  const std::string& m = failed.status().message();
  EXPECT_NE(m.find("shard 2 (remote 127.0.0.1:" + std::to_string(port) + ", line 4 of "), std::string::npos) << m;
  EXPECT_NE(m.find("--partial"), std::string::npos) << m;

  OpenOptions o;
  o.partial = true;
  auto s = Open(dir_ + "/out", o);
  ASSERT_TRUE(s);
  ASSERT_EQ(s->MissingShards().size(), 1u);
  SearchRequest r;
  r.query = "lithium";
  auto res = s->Search(r);
  ASSERT_TRUE(res.ok());
  EXPECT_EQ(res->hits.size(), 3u);
  ASSERT_EQ(res->missing_shards.size(), 1u);
  EXPECT_NE(res->missing_shards[0].find(std::to_string(port)), std::string::npos);
}

TEST_F(ShardedSearcherTest, TheFirstLineMustBeLocalMeta) {
  Build();
  std::ofstream(dir_ + "/out/XAPIANDB") << "remote 127.0.0.1:" << ClosedPort() << "\nauto shard-0\n";
  auto s = Searcher::Open(dir_ + "/out");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("XAPIANDB"), std::string::npos) << s.status().message();
}

}  // namespace
}  // namespace lodestone::testing
