// Session: one open index, its knowledge base and its graph, shared by every
// question a front end asks (the `lode` CLI asks one, `lode serve` many at
// once from several threads).
//
// What it holds, and how it is shared:
//  * Searchers (Xapian databases, which are not thread-safe) in a small
//    pool: each request borrows one, brings it to the newest revision
//    (Searcher::Refresh: a cheap check of the version file) and gives it back.
//  * One snapshot per index revision: its stamp and the graph built from it
//    (graph/cache.h), immutable once built, shared through std::shared_ptr.
//    A request whose Searcher sees a newer revision installs a new snapshot
//    (atomically, under a mutex); requests still running on the old one keep
//    it alive until they finish. The graph of a snapshot is loaded on first
//    need, by one thread while the others wait.
//  * The knowledge base (built-in plus --kb files, KnowledgeBase::Load),
//    loaded on first need and immutable after.
//  * A request reads through a View: its Searcher, its snapshot, the records
//    it has read and its deadline. So a request sees exactly one revision,
//    never a mix. A snapshot also keeps the records its requests read, up to
//    SessionOptions::record_cache_bytes (they are of its revision only),
//    and the answers of its searches, up to result_cache_bytes.
//  * A read that fails because a writer committed under it (Xapian's
//    DatabaseModifiedError, Status kUnavailable) is run again on a reopened
//    Searcher, up to SessionOptions::retries times (issue 11). A read that
//    lost its connection to a shard, or whose replica was replaced under it
//    (Searcher::Broken), is run once more on a newly opened Searcher
//    (issue 13: reopen() does not reconnect).
// Thread-safety: a Session is safe to share between threads (std::shared_ptr
// from Open); a View belongs to the one thread running its request.
#ifndef LODESTONE_QUERY_SESSION_H_
#define LODESTONE_QUERY_SESSION_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lodestone/graph/cache.h"
#include "lodestone/graph/graph.h"
#include "lodestone/index/document.h"
#include "lodestone/index/searcher.h"
#include "lodestone/index/status.h"
#include "lodestone/ingest/analyzer.h"
#include "lodestone/ingest/kb.h"

namespace lodestone::query {

// Caps on what one request may ask for (0: no cap). The CLI sets none; a
// server sets them: a request over a cap is kTooLarge, and lists that have
// no limit of their own (cites, cited-by) are cut at `list` and say so
// ("truncated": true).
struct Limits {
  size_t search_limit = 0;    // hits per page
  size_t search_offset = 0;   // deepest offset
  size_t neighbors_limit = 0;
  uint32_t depth = 0;         // neighbors and export --around hops
  size_t list = 0;            // entity, cooccur, cocite, couple, cites, cited-by, rank, timeline documents
  size_t export_nodes = 0;    // nodes of an export (cut, and said: "truncated")
  size_t export_documents = 0;  // documents taken from export --query
};

using Clock = std::chrono::steady_clock;

struct SessionOptions {
  std::string index_dir;  // an index folder or a sharded layout (its folder or stub)
  OpenOptions open;       // timeouts of remote shards, --partial
  std::vector<std::string> kb_files;  // added to the built-in knowledge base
  bool graph_cache = true;            // read and write <index_dir>/graph.cache
  // Hears a graph built over remote shards (slow: a notice, progress, the
  // elapsed time; LoadGraph in graph/cache.h); nothing else calls it. The CLI
  // prints it on stderr unless -q.
  std::function<void(const std::string&)> graph_progress;
  int retries = 5;                    // runs of a request after the index changed under it
  size_t idle_searchers = 8;          // open Searchers kept for the next requests
  // Time a request may take (0: none): the deadline of every Read that was
  // given none, so a server's time limit holds without each engine call
  // taking one. Past it the request fails kUnavailable (HTTP 503).
  Clock::duration time_limit{0};
  // Bytes of document records (text included) a revision keeps once read,
  // for the next requests (0: none, the CLI's one request needs none). A
  // server's traces and neighbourhoods read the same records again and
  // again; once the budget is spent, records are read per request as before.
  size_t record_cache_bytes = 0;
  // Bytes of answers (searches) a revision keeps for the same request asked
  // again, least recently used first out (0: none; the CLI asks once). Like
  // Solr's queryResultCache: keyed by the request, dropped with its revision.
  size_t result_cache_bytes = 0;
  Limits limits;
};

class Session;
namespace internal {
struct Snapshot;  // one revision: its stamp and its graph (session.cc)
}  // namespace internal

// One request's view of the index: one revision, read by one thread.
class View {
 public:
  const SessionOptions& options() const;
  Searcher& searcher() { return *searcher_; }
  // The revision this request reads, and its stamp (Searcher::Stamp()).
  const IndexRevision& revision() const;
  const std::string& stamp() const;
  // This thread's analyser (ICU objects are not thread-safe).
  Analyzer& analyzer();

  // The knowledge base (loaded on first need). InvalidArgument for a --kb
  // file that cannot be read.
  Result<const KnowledgeBase*> kb();
  // The graph of this revision (loaded on first need, through the cache).
  Result<const KnowledgeGraph*> graph();

  // The same, owned: to keep them beyond this request (tools, tests).
  Result<std::shared_ptr<const KnowledgeBase>> KeepKb();
  Result<std::shared_ptr<const KnowledgeGraph>> KeepGraph();

  // A search with the query as the user typed it: CJK runs are segmented
  // into the index's words here, once, for every caller.
  Result<lodestone::SearchResult> Search(lodestone::SearchRequest request);

  // A node from what a user typed: an id (eo:14017), a knowledge-base name or
  // alias (lithium, "rare earths", 稀土), a citation (EO 14017, 30 U.S.C.
  // 1606), a source path, or an id's key alone when one id has it
  // (rare-earth-elements). InvalidArgument for "", NotFound with
  // suggestions otherwise: "no node lithum; did you mean mineral:lithium?",
  // and for a key several ids share "no node 5/302 (2 ids have this key);
  // did you mean cfr:5/302, usc:5/302?".
  Result<uint32_t> Resolve(const std::string& text);

  // The stored record of a document node (memoised for this request); null
  // for externals and on a read error (the error is kept: status()).
  const Document* Record(uint32_t node);
  // The record of a docid of this revision (a search hit's), through the
  // revision's record cache; null on a read error (kept as above).
  std::shared_ptr<const Document> RecordAt(uint32_t docid);

  // This revision's answer to the request `key` (a kind and its normalised
  // parameters), or null; KeepResult stores one that costs about `bytes`.
  // The type behind the pointer is the caller's (one per kind of key).
  std::shared_ptr<const void> CachedResult(const std::string& key);
  void KeepResult(const std::string& key, std::shared_ptr<const void> result, size_t bytes);

  // The sentence of the edge's source document that proves it ("" when the
  // link has no passage, e.g. is_a from the knowledge base).
  std::string Evidence(uint32_t edge);
  // Where that sentence is: the node of the document holding it (the edge's
  // source, or its target for a relation the other side states) and the
  // byte offset in its text of the words that prove the edge; offset
  // kNoOffset when none. The document page's anchor (/doc/ID#at-OFFSET)
  // jumps there (issue 16).
  std::pair<uint32_t, uint32_t> EvidenceAt(uint32_t edge);

  // Unavailable once the request's deadline has passed (server time limits).
  Status CheckDeadline();
  // The first read error Record() met (so a request can fail instead of
  // answering with missing evidence when the index changed under it).
  const Status& status() const { return read_status_; }

 private:
  friend class Session;
  View(Session* session, std::shared_ptr<internal::Snapshot> snapshot, Searcher* searcher,
       Clock::time_point deadline);
  Session* session_;
  std::shared_ptr<internal::Snapshot> snapshot_;
  Searcher* searcher_;
  const KnowledgeGraph* graph_ = nullptr;  // the snapshot's, once this request asked for it
  Clock::time_point deadline_;
  bool timed_out_ = false;
  Status read_status_;
  std::map<uint32_t, std::shared_ptr<const Document>> records_;  // null: not a stored document
};

class Session {
 public:
  // Nothing is read yet: the index is opened by the first request (a missing
  // index is then kUnavailable, "no index at DIR (create one with ...)"),
  // the knowledge base and the graph when a request first needs them.
  static std::shared_ptr<Session> Open(SessionOptions options);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Runs `fn` on a View of the newest revision and returns its result. When
  // the index changed under the read (kUnavailable from Xapian's
  // DatabaseModifiedError) it is run again on a reopened Searcher, at most
  // options().retries more times; a deadline that has passed is not
  // retried. `fn` must not keep the View.
  template <typename F>
  auto Read(F&& fn, Clock::time_point deadline = Clock::time_point::max()) -> decltype(fn(std::declval<View&>()));

  const SessionOptions& options() const { return options_; }

  // What the session did so far (tests, benchmarks, a server's /stats).
  struct Counters {
    uint64_t requests = 0;
    uint64_t retries = 0;          // runs repeated after the index changed under them
    uint64_t snapshots = 0;        // revisions seen (the first one included)
    uint64_t graph_loads = 0;      // graphs built or read from the cache
    uint64_t searchers_opened = 0;
  };
  Counters counters() const;

  // The shards of a sharded layout the last request left out (--partial),
  // described; empty when none was.
  std::vector<std::string> MissingShards() const;

 private:
  friend class View;
  struct Impl;
  explicit Session(SessionOptions options);
  Status Run(const std::function<Status(View&)>& fn, Clock::time_point deadline);
  SessionOptions options_;
  std::unique_ptr<Impl> impl_;
};

template <typename F>
auto Session::Read(F&& fn, Clock::time_point deadline) -> decltype(fn(std::declval<View&>())) {
  using R = decltype(fn(std::declval<View&>()));
  std::optional<R> out;
  Status s = Run(
      [&](View& v) -> Status {
        out.emplace(fn(v));
        if (!out->ok()) return out->status();
        return v.status();
      },
      deadline);
  if (!s.ok()) return s;
  return std::move(*out);
}

}  // namespace lodestone::query

#endif  // LODESTONE_QUERY_SESSION_H_
