// The on-disk layout of an index directory (see writer.h). Private.
#ifndef LODESTONE_INDEX_SRC_LAYOUT_H_
#define LODESTONE_INDEX_SRC_LAYOUT_H_

#include <cstdint>
#include <string>

#include "lodestone/index/status.h"

namespace lodestone::internal {

// Path of the live database, or NotFound when DIR holds no index yet.
Result<std::string> LiveDatabasePath(const std::string& index_dir);
// Name (not path) of the live generation, "" when none.
std::string LiveGeneration(const std::string& index_dir);
// N of a path ending in gen-N (0 for anything else).
uint64_t GenerationNumber(const std::string& database_path);
// Name of a generation that does not exist yet.
std::string NextGeneration(const std::string& index_dir);
// Atomically makes generation `gen` live (write CURRENT.tmp, fsync, rename).
Status SwitchGeneration(const std::string& index_dir, const std::string& gen);
// Writes `content` to PATH.tmp, fsyncs it and renames it over PATH.
Status WriteFileDurably(const std::string& path, const std::string& content);
// Removes tmp-* folders and generations other than the live one.
void RemoveDebris(const std::string& index_dir);

}  // namespace lodestone::internal

#endif  // LODESTONE_INDEX_SRC_LAYOUT_H_
