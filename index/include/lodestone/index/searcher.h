// Searcher: ranked full-text search, filters, facets and look-ups over an
// index directory written by writer.h.
//
// The query language is Xapian's (AND, OR, NOT, "phrases", NEAR, trailing
// wildcards, +/-), with field filters kind:, lang:, jurisdiction:, format:,
// id:, title:, mineral:, agency:, country:, person:, concept:, cites:, and ranges
// year:YYYY..YYYY and date:YYYY-MM-DD..YYYY-MM-DD. Queries arrive
// already segmented (CJK text split into words by the analyser in ingest/);
// the query layer does that, so that index/ stays free of ICU.
// Thread-safety: a Searcher is not thread-safe; open one per thread (or
// lend them out from a pool, as query/session.h does). A Searcher reads
// one revision of the index until Refresh() moves it to the newest.
#ifndef LODESTONE_INDEX_SEARCHER_H_
#define LODESTONE_INDEX_SEARCHER_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "lodestone/index/document.h"
#include "lodestone/index/graph_source.h"
#include "lodestone/index/status.h"

namespace lodestone {

// How relevance is computed (BM25 plus boosts). The defaults are what the
// evaluation in tests/eval chose (bench/relevance_bench.cc); the fields
// exist so that it can measure each feature on its own.
struct RankingOptions {
  double k1 = 1.0;  // BM25 term-frequency saturation
  double b = 0.5;   // BM25 document-length normalisation (0: none, 1: full)
  // Boosts for plain word queries (no operators or fields), each a factor
  // on its weight; 0 turns one off. The two left at 0 were measured and
  // lost (README, "Relevance").
  double title_weight = 0;          // the words in the title (any of them), BM25
  double title_phrase_weight = 0;   // the words as a phrase in the title, BM25
  double title_all_weight = 1;      // all the words in the title, BM25
  double title_cover_weight = 32;   // all the words in the title, by the share of the title they make
  double title_exact_weight = 16;   // the words, in order, are the whole title
  double near_weight = 0.5;         // the words within a window of the text, BM25
  unsigned near_slack = 4;          // window: the number of words plus this
  // When synonyms expanded the query: the words as typed, BM25, so that a
  // document saying 稀土 comes before one that only says "rare earths".
  double literal_weight = 3;
  // Every mineral name in the query also finds the documents naming the
  // mineral by another name (the synonym table filled at ingest: REE, rare
  // earths, 稀土); false: only names marked ~name.
  bool synonyms = true;
};

struct SearchRequest {
  std::string query;
  uint32_t offset = 0;
  uint32_t limit = 10;
  bool facets = false;      // count kind and year over all matches
  bool match_any = false;   // OR between plain words instead of AND
  bool sort_by_date = false;  // newest first instead of relevance
  // false: hits carry their docid only (Hit::doc left empty), for a caller
  // that reads the records itself (Searcher::Record), e.g. from a cache.
  bool records = true;
  RankingOptions ranking;
};

struct Hit {
  Document doc;
  double score = 0;
  uint32_t rank = 0;
  uint32_t docid = 0;  // Xapian's, valid for the revision searched (Searcher::Record)
};

struct FacetCount {
  std::string value;
  uint64_t count = 0;
};

struct SearchResult {
  uint64_t total = 0;         // estimate unless total_exact
  bool total_exact = false;
  std::vector<Hit> hits;
  std::map<std::string, std::vector<FacetCount>> facets;  // "kind", "year"
  std::string suggestion;     // a corrected query when this one finds little
  std::vector<std::string> words;  // unprefixed query words (for highlighting)
  std::vector<std::string> stems;  // their English stems
  // Shards of a sharded layout left out with --partial (described, with
  // why): the answer comes from the others. Empty otherwise.
  std::vector<std::string> missing_shards;
};

// More like this: the documents closest to one document, found by a query
// of its most telling terms (Xapian's ESet over the document as relevance
// set): its words, the entities it names and the authorities it cites.
struct SimilarRequest {
  std::string id;       // document id, alias or source path
  uint32_t limit = 10;  // documents to return
  uint32_t terms = 40;  // terms of the document that make the query
};

struct SimilarResult {
  Document doc;                    // the document asked about
  std::vector<std::string> terms;  // the terms used, best first: words, mineral:…, cites:…
  uint64_t total = 0;              // documents sharing some of the terms (estimate)
  std::vector<Hit> hits;           // the most similar, never the document itself
};

// One line of a sharded layout's stub, as read (issue 13).
struct ShardStats {
  std::string name;     // meta, shard-0, or "shard 2" for a remote line
  std::string address;  // local path or HOST:PORT
  bool remote = false;
  uint64_t documents = 0;
  std::string uuid;
  uint64_t commit = 0;  // lode:commit, 0 when never set
};

struct IndexStats {
  uint64_t documents = 0;
  uint64_t revision = 0;
  uint64_t size_bytes = 0;
  uint64_t terms_total = 0;  // total length of all documents, in words
  std::string path;          // the live database
  std::map<std::string, uint64_t> by_kind, by_year, by_format, by_language;
  std::map<std::string, uint64_t> entities_by_type;   // distinct entities named, per type
  std::map<std::string, uint64_t> citations_by_type;  // (document, cited id) pairs, per id type
  std::map<std::string, uint64_t> relations_by_type;  // (document, target) pairs, per relation
  // A sharded layout (issue 13): meta first, then each shard opened; the
  // revision above is meta's. Empty for a plain index folder.
  std::vector<ShardStats> shards;
  std::vector<std::string> missing_shards;  // left out with --partial
};

// A document that names an entity (or cites an id), with how often.
struct Posting {
  std::string id;
  std::string title;
  std::string kind;
  std::string date;
  uint32_t count = 0;
};

// Which revision of an index a Searcher reads. Ordered: a later generation
// (a rebuild publishes gen-N+1) is newer whatever its Xapian revision.
struct IndexRevision {
  uint64_t generation = 0;  // N of DIR/gen-N
  uint64_t revision = 0;    // Xapian's revision of that database
  bool operator==(const IndexRevision& o) const { return generation == o.generation && revision == o.revision; }
  bool operator!=(const IndexRevision& o) const { return !(*this == o); }
  bool operator<(const IndexRevision& o) const {
    return generation != o.generation ? generation < o.generation : revision < o.revision;
  }
};

// How a sharded layout's shards are reached (issue 13). Plain index folders
// ignore it.
struct OpenOptions {
  unsigned timeout_ms = 5000;          // a remote shard's reads (never 0: 0 would wait forever)
  unsigned connect_timeout_ms = 2000;  // connecting to a remote shard
  // Open the shards that answer and leave out the others (said in every
  // result's missing_shards) instead of failing.
  bool partial = false;
};

class Searcher {
 public:
  // Opens the live database of an index directory, or a sharded layout: a
  // folder with a stub (XAPIANDB naming meta and the shards, local or
  // `remote HOST:PORT`) or the stub file itself. NotFound when there is no
  // index there, kCorrupt/kIoError when it cannot be read; a shard that
  // cannot be opened is kIoError naming its stub line and address.
  static Result<std::unique_ptr<Searcher>> Open(const std::string& index_dir, const OpenOptions& options = {});
  ~Searcher();

  // Runs a search. InvalidArgument (with Xapian's message) on a syntax error.
  Result<SearchResult> Search(const SearchRequest& request);

  // The document with this id, or with this (absolute, normalised) source
  // path. NotFound otherwise.
  Result<Document> Get(const std::string& id_or_path);
  // The docid of that document in the revision read (NotFound otherwise),
  // and the record of a docid: Get in two steps, so that a caller can keep
  // records by docid for one revision.
  Result<uint32_t> Locate(const std::string& id_or_path);
  Result<Document> Record(uint32_t docid);

  // Documents like the one with this id, alias or path (see SimilarRequest).
  // NotFound when there is no such document.
  Result<SimilarResult> Similar(const SimilarRequest& request);

  // Up to `limit` ids that start with `prefix` (for "did you mean" on
  // unknown ids). Fails when Xapian cannot read the index.
  Result<std::vector<std::string>> IdsWithPrefix(const std::string& prefix, size_t limit);

  Result<IndexStats> Stats();

  // Documents whose text names entity `id` (or cite it, with citations), most
  // mentions first. `total` receives the number of such documents.
  Result<std::vector<Posting>> Postings(const std::string& id, bool citations, size_t limit, uint64_t* total);

  // Entities most often named in the same documents as `id`, with the number
  // of shared documents.
  Result<std::vector<std::pair<std::string, uint64_t>>> CoOccurring(const std::string& id, size_t limit);

  // "<database path>@<revision>#<documents>" of the revision this Searcher
  // reads: changes whenever the documents do.
  Result<std::string> Stamp();

  // Moves this Searcher to the newest committed revision of its index:
  // Xapian's reopen(), or the new live generation after a rebuild. True when
  // what it reads changed. Cheap when nothing did (reads DIR/CURRENT and the
  // database's version file). Errors as Open's.
  Result<bool> Refresh();
  IndexRevision Revision() const;

  // Shards of a sharded layout left out (--partial), described; empty
  // otherwise.
  std::vector<std::string> MissingShards() const;
  // True once a read failed on a lost connection (a shard server gone or a
  // replica replaced under it): reopen() cannot repair that, so the caller
  // should drop this Searcher and open a new one.
  bool Broken() const;

  // Everything the knowledge graph is built from (see graph_source.h).
  // Over remote shards (every posting list a network round trip: seconds to
  // minutes) `progress`, when given, is called with a notice first, a line
  // per shard and every few seconds within one, and the elapsed time at the
  // end ("graph: postings of 3 remote shards read in 52.1 s"); it is never
  // called when every shard read is local.
  Result<GraphSource> ReadGraphSource(const std::function<void(const std::string&)>& progress = {});

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace lodestone

#endif  // LODESTONE_INDEX_SEARCHER_H_
