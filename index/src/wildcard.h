// Trailing wildcards (lith*, title:miner*) expanded on the client (issue 13).
//
// Xapian 1.4 expands OP_WILDCARD lazily, inside each sub-database at match
// time, so over several shards every shard weighs its own expansion and the
// scores and order differ from the single index. Here the query text's
// wildcards are rewritten into a field of our own whose processor expands
// the word over the whole (combined) database at once, into the OP_SYNONYM
// the query parser itself would have built: the same weights on one index
// and on any number of shards. Private to lodestone::index.
// Thread-safety: one per query.
#ifndef LODESTONE_INDEX_SRC_WILDCARD_H_
#define LODESTONE_INDEX_SRC_WILDCARD_H_

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

namespace lodestone::internal {

// Words a wildcard may stand for before the query is refused.
inline constexpr size_t kWildcardLimit = 2000;

class WildcardExpander {
 public:
  explicit WildcardExpander(const Xapian::Database& db, size_t limit = kWildcardLimit);
  ~WildcardExpander();
  WildcardExpander(const WildcardExpander&) = delete;
  WildcardExpander& operator=(const WildcardExpander&) = delete;

  // Adds the fields Rewrite() writes to `qp` (which must not outlive this).
  void Register(Xapian::QueryParser& qp);
  // The query with each `word*` and `title:word*` outside quotes written as
  // a field Register() added; the rest unchanged.
  std::string Rewrite(const std::string& query) const;
  // Set when a wildcard matched more than `limit` words (the query then
  // matches nothing): a message for the user.
  const std::string& error() const { return error_; }

 private:
  class Field;
  Xapian::Database db_;
  size_t limit_;
  std::string error_;
  std::vector<std::unique_ptr<Field>> fields_;
};

}  // namespace lodestone::internal

#endif  // LODESTONE_INDEX_SRC_WILDCARD_H_
