// The state behind a Searcher, shared by the files that implement its
// methods (searcher.cc, similar.cc). Private to index/.
#ifndef LODESTONE_INDEX_SRC_SEARCHER_IMPL_H_
#define LODESTONE_INDEX_SRC_SEARCHER_IMPL_H_

#include <xapian.h>

#include <optional>
#include <string>

#include "lodestone/index/searcher.h"
#include "sharded_database.h"
#include "xapian_guard.h"

namespace lodestone {

struct Searcher::Impl {
  std::string dir;
  std::string live;         // the database opened: DIR/gen-N
  uint64_t generation = 0;  // N; for a replica, its stub's modification time (ns)
  // A replica folder of xapian-replicate (issue 13): no CURRENT, a one-line
  // stub (`auto replica_1`) that a full copy rewrites to name a new
  // database. Xapian's reopen() keeps reading the old one (its files stay
  // open), so Refresh watches the stub.
  bool replica = false;
  Xapian::Database db;
  // Spelling, synonyms and index-wide metadata: `db` itself for an index
  // folder, the meta index of a sharded layout (metadata of a multi-database
  // is only its first part's, and remote parts return no spelling).
  Xapian::Database meta;
  OpenOptions options;
  std::optional<internal::ShardedDatabase> sharded;  // a sharded layout (issue 13)
  bool broken = false;  // a read lost its connection: open a new Searcher

  // Opens what `dir` names: a sharded layout, or the live generation of an
  // index folder.
  Status OpenLayout();

  // The document with this id, source path or alias, if any.
  std::optional<Xapian::docid> Find(const std::string& key) const;

  // XapianGuard, plus: a lost connection to a shard (NetworkError) or a
  // database replaced under the reader (DatabaseNotFoundError, a replica's
  // full copy) marks this Searcher broken and names the shard (kUnavailable,
  // so that Session runs the request again on a new Searcher).
  template <typename F>
  auto Guard(const std::string& what, F&& f) -> decltype(f()) {
    return internal::XapianGuard(what, [&]() -> decltype(f()) {
      try {
        return f();
      } catch (const Xapian::NetworkError& e) {
        broken = true;
        if (sharded) return sharded->Failure(what, e);
        return Status::Unavailable(what + ": " + e.get_description());
      } catch (const Xapian::DatabaseNotFoundError& e) {
        broken = true;
        return Status::Unavailable(what + ": " + e.get_description());
      }
    });
  }
};

}  // namespace lodestone

#endif  // LODESTONE_INDEX_SRC_SEARCHER_IMPL_H_
