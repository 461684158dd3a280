// The schema version an index was written with, checked on opening. Private
// to index/.
#ifndef LODESTONE_INDEX_SRC_SCHEMA_VERSION_H_
#define LODESTONE_INDEX_SRC_SCHEMA_VERSION_H_

#include <xapian.h>

#include <string>

#include "lodestone/index/status.h"

namespace lodestone::internal {

// Ok when `db` (the index in `index_dir`) has this build's schema version;
// otherwise Unsupported, naming the version found and how to rebuild.
Status CheckSchemaVersion(const Xapian::Database& db, const std::string& index_dir);

}  // namespace lodestone::internal

#endif  // LODESTONE_INDEX_SRC_SCHEMA_VERSION_H_
