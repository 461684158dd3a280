// Index writer: puts analysed documents into the Xapian index at a directory.
//
// Layout of an index directory (all under DIR):
//   CURRENT    the name of the live database ("gen-3"), replaced atomically
//   XAPIANDB   a Xapian stub pointing at the live database, so that Xapian's
//              own tools (delve, xapian-compact) open DIR directly
//   gen-N/     the live glass database
//   tmp-*/     work folders of an unfinished build; removed on the next open
//
// Two ways in:
//  * IndexWriter updates the live database in place (incremental ingest).
//    Every Put also records its source files in the database's metadata
//    (the manifest), so documents and manifest are committed together: a
//    crash leaves the last commit, and re-running finishes the job.
//  * ShardBuilder + PublishShards build a new generation from scratch on all
//    cores: each worker fills its own shard, the shards are compacted into
//    gen-N+1, documents that arrived in several shards with one id are merged,
//    and CURRENT is switched with a rename. Readers never see a half-built
//    index.
// Thread-safety: one IndexWriter per index (Xapian's lock enforces it); one
// ShardBuilder per thread.
#ifndef LODESTONE_INDEX_WRITER_H_
#define LODESTONE_INDEX_WRITER_H_

#include <cstdint>
#include <memory>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "lodestone/index/document.h"
#include "lodestone/index/status.h"

namespace lodestone {

// What the index remembers about one source file.
struct ManifestEntry {
  std::string path;
  std::string id;  // the document it went into
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  uint64_t hash = 0;
};

// Options that trade memory for speed when writing.
struct WriteOptions {
  uint32_t flush_every = 2000;  // documents between commits
};

// The synonym table (Xapian's): a key, the words of a name lower-cased and
// joined by single spaces as the query parser sees them ("rare earths",
// "ree", "稀土"), and the terms a query for it expands to.
using SynonymTable = std::map<std::string, std::set<std::string>>;

// True when DIR is a sharded layout written by `lode shard` (shard.h).
bool IsShardedIndex(const std::string& dir);

class IndexWriter {
 public:
  // Opens the live database of DIR for update, creating an empty index when
  // DIR does not exist. When DIR is a sharded layout (issue 13), documents go
  // to the shard their rule names (a document whose key changed moves
  // there; a new key gets a new shard, appended to the stub), and spelling,
  // synonyms and the manifest go to meta; Commit commits the shards (each
  // bumping its lode:commit counter) before meta. Remote shard lines are
  // refused (kUnsupported): ingest runs where the shard folders are. Fails with kIoError when DIR is locked by another
  // writer or cannot be created, kCorrupt when it is not a Lodestone index.
  static Result<std::unique_ptr<IndexWriter>> Open(const std::string& dir,
                                                   WriteOptions options = {});
  ~IndexWriter();

  // The number of documents. Fails (kIoError, kCorrupt) when Xapian cannot
  // read the database.
  Result<uint64_t> DocumentCount() const;

  // Manifest look-ups: the entry of `path` (nullopt when the manifest does
  // not know it), and every entry. Fail when Xapian cannot read the database.
  Result<std::optional<ManifestEntry>> Lookup(const std::string& path) const;
  Result<std::vector<ManifestEntry>> Manifest() const;

  // Replaces everything that came from `files` (one bundle: the formats of
  // one document, or one file holding many documents) with `docs`, and
  // records the files in the manifest. Documents the bundle no longer yields
  // lose these sources and are deleted when no source is left. A document
  // whose id exists with other sources is merged with it (merge.h).
  // Running out of memory while building or merging the bundle's documents
  // returns kTooLarge with nothing of the bundle written (issue 11): the
  // caller fails the bundle's files and goes on.
  Status PutBundle(const std::vector<SourceFile>& files, const std::vector<AnalyzedDocument>& docs);

  // Forgets source files that are gone (for --prune).
  Status RemoveSources(const std::vector<std::string>& paths);

  // Updates the manifest entries of files whose content did not change
  // (a touched file: new mtime, same hash), so the next run skips them
  // without hashing.
  Status RecordSources(const std::vector<SourceFile>& files);

  // Replaces the whole synonym table (keys not in `table` are removed);
  // committed with the next Commit.
  Status ReplaceSynonyms(const SynonymTable& table);

  // Internal numbers of the documents that came from these files. Fails
  // when Xapian cannot read the database.
  Result<std::vector<uint32_t>> DocumentsOf(const std::vector<std::string>& paths) const;

  // Documents added, replaced and removed since Open.
  struct Counts {
    uint64_t added = 0, updated = 0, removed = 0;
  };
  Counts counts() const;

  // Makes everything written so far durable and visible to readers.
  Status Commit();

 private:
  struct Impl;
  explicit IndexWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

class ShardBuilder {
 public:
  // Creates a shard database at path (a fresh directory).
  static Result<std::unique_ptr<ShardBuilder>> Create(const std::string& path,
                                                      WriteOptions options = {});
  ~ShardBuilder();
  // Adds the documents of one bundle and records its files. kTooLarge when
  // memory ran out building them: nothing of the bundle was written.
  Status PutBundle(const std::vector<SourceFile>& files, const std::vector<AnalyzedDocument>& docs);
  // As IndexWriter::ReplaceSynonyms; PublishShards keeps the table (Xapian's
  // compactor merges the synonym tables of the shards).
  Status ReplaceSynonyms(const SynonymTable& table);
  Status Commit();
  const std::string& path() const;

 private:
  struct Impl;
  explicit ShardBuilder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A fresh work folder inside the index directory (DIR/tmp-<pid>-<n>),
// creating DIR if needed. Left-over work folders of dead runs are removed.
Result<std::string> MakeWorkDir(const std::string& index_dir);

// Compacts the shards into a new generation of DIR, merges documents that
// share an id, and makes it live. The previous generation is deleted.
Status PublishShards(const std::string& index_dir, const std::vector<std::string>& shard_paths);

// Names of the index files (for `stats`): total bytes of the live database.
Result<uint64_t> IndexSizeBytes(const std::string& index_dir);

// English stem of a lower-case word, as the index stores it (Z prefix).
std::string StemEnglish(const std::string& word);

// A test-only seam (issue 11): storing the document with this id, in a
// build (ShardBuilder) or an update (IndexWriter), throws std::bad_alloc
// where running out of memory would. "" (the default) turns it off. Set it
// before an ingest starts, never during one.
void FailStoringDocumentForTesting(const std::string& id);

}  // namespace lodestone

#endif  // LODESTONE_INDEX_WRITER_H_
