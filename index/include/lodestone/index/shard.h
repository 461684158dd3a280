// Splitting an index into shards (issue 13): `lode shard`.
//
// SplitIndex copies every document of a lode index into the shard its rule
// names (shard_rule.h: count:N, year or source), in source docid order, with
// terms, positions, values and data unchanged, and writes a sharded layout:
//   OUT/XAPIANDB   stub: `auto meta`, then `auto shard-0` ... (Xapian and
//                  every lode command open it as one database)
//   OUT/meta/      a lode index with 0 documents: spelling (with
//                  frequencies), synonyms and all metadata (the manifest,
//                  lode:schema, lode:shard-rule ...)
//   OUT/shard-K/   a lode index per key, compacted into gen-1
// Everything is written into a hidden folder beside OUT and renamed to OUT at
// the end, so a crash leaves nothing half-written at OUT. `lode ingest
// --index OUT` then routes updates by the same rule (writer.h).
// Thread-safety: one call per OUT.
#ifndef LODESTONE_INDEX_SHARD_H_
#define LODESTONE_INDEX_SHARD_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "lodestone/index/status.h"

namespace lodestone {

struct ShardOptions {
  std::string index_dir;  // a plain (unsharded) lode index
  std::string out_dir;    // must not exist, or be an empty folder
  std::string rule;       // "count:N", "year" or "source"
  // Called now and then with a line of progress ("copied 4000/16146").
  std::function<void(const std::string&)> progress;
};

struct ShardSummary {
  struct Shard {
    std::string name;  // shard-0
    std::string key;   // "2", "2019", "fr-eo-1994-2020"
    uint64_t documents = 0;
    uint64_t bytes = 0;
  };
  std::string rule;  // as stored: "count:3", "year", "source"
  std::string root;  // the `source` rule's root folder ("" otherwise)
  std::string out_dir;
  uint64_t documents = 0;  // copied (= the source index's document count)
  uint64_t spelling_words = 0, synonym_keys = 0, metadata_keys = 0;
  std::vector<Shard> shards;
  double seconds = 0;
};

// Splits `options.index_dir` into `options.out_dir`. Errors:
// InvalidArgument (bad rule; OUT not empty; the index already sharded),
// NotFound (no index), IoError (cannot write OUT).
Result<ShardSummary> SplitIndex(const ShardOptions& options);

}  // namespace lodestone

#endif  // LODESTONE_INDEX_SHARD_H_
