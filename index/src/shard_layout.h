// The sharded layout of an index folder (issue 13). Private to lodestone::index.
//
// A sharded index OUT is a folder holding:
//   OUT/XAPIANDB   a Xapian stub file: `auto meta` first, then `auto shard-0`,
//                  `auto shard-1` ... An operator may replace a shard line by
//                  `remote HOST:PORT` (IPv6 as `remote [ADDR]:PORT`); `meta`
//                  stays local and first.
//   OUT/meta/      a normal lode index with 0 documents: spelling, synonyms,
//                  the manifest and every index-wide metadata key.
//   OUT/shard-K/   normal lode indexes (CURRENT -> gen-N) with the documents.
//
// Lines starting with `#` are comments (Xapian ignores them). lode reads its
// own directives from comment lines of the form `#lode KEY VALUE`, e.g.
// `#lode graph-source /srv/replicas/XAPIANDB` or `#lode shard-rule count:3`.
//
// lode parses the stub itself (rather than letting Xapian open it) so that it
// can apply timeouts, name the failing shard, and keep meta apart. The line
// order is the order of sub-databases, which fixes how Xapian interleaves
// docids; never reorder lines of a live layout.
//
// Thread-safety: plain functions over plain values.
#ifndef LODESTONE_INDEX_SRC_SHARD_LAYOUT_H_
#define LODESTONE_INDEX_SRC_SHARD_LAYOUT_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "lodestone/index/status.h"

namespace lodestone::internal {

// One database line of a stub.
struct ShardLine {
  enum class Kind { kLocal, kRemote };
  Kind kind = Kind::kLocal;
  // kLocal: absolute, lexically normalised path (relative paths in the stub
  // are resolved against the stub's folder, as Xapian does).
  std::string path;
  // kRemote: host without brackets (an IPv6 address is stored bare) and port.
  std::string host;
  uint16_t port = 0;
  // 1-based line number in the stub file and the line as written (no newline).
  int line_number = 0;
  std::string text;

  bool local() const { return kind == Kind::kLocal; }
  // "shard-1 (line 3)" style label for messages: the path's last component
  // for local lines, "HOST:PORT" for remote ones.
  std::string Label() const;
};

// A parsed stub. lines[0] is meta; lines[1..] are the document shards in order.
struct ShardStub {
  std::string stub_file;  // absolute path of the XAPIANDB file read
  std::vector<ShardLine> lines;
  // `#lode KEY VALUE` directives in file order (VALUE may contain spaces;
  // leading and trailing blanks are trimmed).
  std::vector<std::pair<std::string, std::string>> directives;
  // The `#lode shard-rule` directive when present, else "" (the authoritative
  // copy is meta's `lode:shard-rule` metadata; see ShardRule).
  std::string shard_rule;

  const ShardLine& meta() const { return lines.front(); }
  size_t shard_count() const { return lines.empty() ? 0 : lines.size() - 1; }
  // Value of the first directive named `key`, or "" when absent.
  std::string Directive(const std::string& key) const;
};

// Reads a stub. `dir_or_file` is a layout folder (its XAPIANDB is read) or
// the stub file itself. Errors: NotFound when there is no stub; ParseError
// naming "FILE:LINE" for each bad line (unknown kind, missing path, bad
// HOST:PORT, `remote :PROG` (not supported by lode), the first line not a
// local database, no shard line at all).
Result<ShardStub> ReadShardStub(const std::string& dir_or_file);

// Writes `stub` as `dir/XAPIANDB` durably (tmp file, fsync, rename). Lines are
// written from their kind/path/host/port (not `text`): local paths inside
// `dir` are written relative (`auto shard-0`) so the folder can be moved or
// replicated; directives follow as `#lode KEY VALUE` comment lines after a
// header comment. Errors: IoError naming the file.
Status WriteShardStub(const std::string& dir, const ShardStub& stub);

// True when `dir` holds a sharded layout: a XAPIANDB stub whose first line is
// a local database and which has no CURRENT file (a plain lode index has
// CURRENT and a one-line XAPIANDB naming its generation).
bool IsShardedLayout(const std::string& dir);

// Formats a remote address as the stub writes it: "HOST:PORT" or
// "[ADDR]:PORT" when HOST contains ':'.
std::string FormatHostPort(const std::string& host, uint16_t port);

}  // namespace lodestone::internal

#endif  // LODESTONE_INDEX_SRC_SHARD_LAYOUT_H_
