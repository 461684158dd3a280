// Opening a sharded layout (issue 13) for reading: one Xapian::Database made
// of the meta index and every document shard of the stub, each opened by
// lode itself so that remote shards get timeouts, a failed shard is named by
// its stub line and address, and --partial can leave it out. Private to
// lodestone::index (searcher.cc reads through it).
//
// The stub is parsed by shard_layout.h. Local lines are opened with
// Xapian::Database(path) (a lode index folder through its live generation);
// remote lines with Xapian::Remote::open(host, port, timeout,
// connect_timeout). They are joined with add_database in stub order, so
// documents interleave exactly as Xapian's own reading of the stub would
// interleave them; lode never shows or keeps a Xapian docid.
// Thread-safety: a ShardedDatabase is a value owned by one Searcher.
#ifndef LODESTONE_INDEX_SRC_SHARDED_DATABASE_H_
#define LODESTONE_INDEX_SRC_SHARDED_DATABASE_H_

#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "lodestone/index/searcher.h"
#include "lodestone/index/status.h"

namespace lodestone::internal {

// One opened line of the stub.
struct OpenedShard {
  std::string name;     // "meta", "shard-0" (a local folder's name) or "shard 2" (a remote line)
  std::string address;  // the local path or HOST:PORT
  bool remote = false;
  int line_number = 0;
  std::string index_dir;    // local: the folder the line names
  std::string live;         // local: the database opened (DIR/gen-N for a lode index folder)
  uint64_t generation = 0;  // N of gen-N, 0 otherwise
  Xapian::Database db;      // shares its internals with ShardedDatabase::combined

  // "shard 2 (remote 127.0.0.1:7012, line 3 of OUT/XAPIANDB)".
  std::string Describe(const std::string& stub_file) const;
};

struct ShardedDatabase {
  std::string stub_file;
  std::string stub_text;     // the file as read, to notice an edit (Refresh)
  std::string graph_source;  // `#lode graph-source PATH` (absolute), "" when none
  OpenedShard meta;
  std::vector<OpenedShard> shards;   // the document shards opened, in stub order
  std::vector<std::string> missing;  // with --partial: each shard left out, described, and why
  Xapian::Database combined;         // meta, then the shards
  std::chrono::steady_clock::time_point opened_at;

  // True when the layout should be opened again: the stub was edited, a
  // local lode index folder among its lines published a new generation, or
  // shards were left out more than 10 s ago (they may answer again).
  bool Outdated() const;

  // The shard a Xapian network error came from (its context names
  // "remote:tcp(HOST:PORT)"), or null.
  const OpenedShard* ShardOf(const Xapian::Error& e) const;
  // The error of a read that failed on a shard, naming it when it can.
  Status Failure(const std::string& what, const Xapian::Error& e) const;
  // An identity of what is read that a replica of the same shards shares
  // (uuid, documents, last docid and lode:commit of each line, without
  // paths): graph caches are keyed on it.
  std::string Stamp() const;
  // A number that grows with every commit of any shard (for ordering
  // revisions; see IndexRevision).
  IndexRevision Revision() const;
};

// The lode:commit counter of one database (0 when never set): every commit
// of a shard raises it.
uint64_t CommitCounter(const Xapian::Database& db);

// True when `path` names a sharded layout: a folder holding a stub and no
// CURRENT, or a stub file itself.
bool IsShardedPath(const std::string& path);

// Opens the layout at `path` (a folder or its XAPIANDB). Errors: the stub's
// parse errors; the first line not a local database; a shard that cannot be
// opened (IoError naming it), unless options.partial, which leaves it out
// and lists it in `missing` (meta, and all shards failing, are still errors).
Result<ShardedDatabase> OpenShardedDatabase(const std::string& path, const OpenOptions& options);

}  // namespace lodestone::internal

#endif  // LODESTONE_INDEX_SRC_SHARDED_DATABASE_H_
