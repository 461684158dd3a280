// The shard rule of a sharded layout (issue 13): which shard a stored
// document belongs to. Private to lodestone::index.
//
// A rule maps a stored Xapian document to a key, a pure function of the
// document (never of arrival order), so that `lode shard` and every later
// `lode ingest` agree on where a document lives:
//   count:N  FNV-1a (32-bit) of the lode id, modulo N  -> "0" .. "N-1"
//   year     the document's year (value slot kSlotYearStr) -> "2019", or
//            "undated" when it has none
//   source   the first path component of its first source file, relative to
//            the rule's root (the common folder of the split index's
//            sources) -> "fr-eo-1994-2020", or "other" outside the root
// Each shard records its key (metadata lode:shard-key); meta records the
// rule (lode:shard-rule, and lode:shard-root for `source`).
// Thread-safety: plain values.
#ifndef LODESTONE_INDEX_SRC_SHARD_RULE_H_
#define LODESTONE_INDEX_SRC_SHARD_RULE_H_

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

#include "lodestone/index/status.h"

namespace lodestone::internal {

inline constexpr char kMetaShardRule[] = "lode:shard-rule";
inline constexpr char kMetaShardRoot[] = "lode:shard-root";
inline constexpr char kMetaShardKey[] = "lode:shard-key";
inline constexpr char kMetaCommit[] = "lode:commit";

struct ShardRule {
  enum class Kind { kCount, kYear, kSource };
  Kind kind = Kind::kCount;
  uint32_t n = 1;    // kCount
  std::string root;  // kSource: absolute folder, no trailing '/'

  // "count:N" (1 <= N <= 1024), "year" or "source". Errors: InvalidArgument
  // saying what is accepted.
  static Result<ShardRule> Parse(const std::string& text);
  std::string ToString() const;  // as Parse accepts it
  std::string KeyOf(const Xapian::Document& doc) const;
  // The keys a split starts with: "0".."N-1" for count (every shard exists,
  // empty or not); for year/source, the sorted distinct keys of `seen`.
  std::vector<std::string> InitialKeys(const std::vector<std::string>& seen) const;
};

// Creates DIR as a lode index with an empty gen-1 that records `key` as its
// shard key (a shard that a new year or source needs during ingest). DIR
// must not exist. Errors: IoError.
Status CreateEmptyShard(const std::string& dir, const std::string& key);

// 32-bit FNV-1a.
uint32_t Fnv1a32(const std::string& s);

// The common parent folder of absolute paths ("/" at worst).
std::string CommonFolder(const std::vector<std::string>& paths);

}  // namespace lodestone::internal

#endif  // LODESTONE_INDEX_SRC_SHARD_RULE_H_
