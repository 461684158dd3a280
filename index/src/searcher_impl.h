// The state behind a Searcher, shared by the files that implement its
// methods (searcher.cc, similar.cc). Private to index/.
#ifndef LODESTONE_INDEX_SRC_SEARCHER_IMPL_H_
#define LODESTONE_INDEX_SRC_SEARCHER_IMPL_H_

#include <xapian.h>

#include <optional>
#include <string>

#include "lodestone/index/searcher.h"

namespace lodestone {

struct Searcher::Impl {
  std::string dir;
  std::string live;         // the database opened: DIR/gen-N
  uint64_t generation = 0;  // N
  Xapian::Database db;

  // The document with this id, source path or alias, if any.
  std::optional<Xapian::docid> Find(const std::string& key) const;
};

}  // namespace lodestone

#endif  // LODESTONE_INDEX_SRC_SEARCHER_IMPL_H_
