// Rendering of `lode shard` (index/shard.h) for people and scripts (issue 13).
//
// ShardJson is a contract (README "JSON"): fields are added, never renamed.
// Thread-safety: pure functions.
#ifndef LODESTONE_QUERY_SHARD_RENDER_H_
#define LODESTONE_QUERY_SHARD_RENDER_H_

#include <string>

#include "lodestone/index/shard.h"

namespace lodestone::query {

// {"out","rule","root","documents","spelling_words","synonym_keys","metadata_keys",
//  "shards":[{"name","key","documents","bytes"}],"seconds"}
std::string ShardJson(const ShardSummary& s);

// One line per shard (name, key, documents, size), then the totals.
std::string ShardText(const ShardSummary& s);

}  // namespace lodestone::query

#endif  // LODESTONE_QUERY_SHARD_RENDER_H_
