#include "sharded_database.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "layout.h"
#include "shard_layout.h"

namespace fs = std::filesystem;

namespace lodestone::internal {

namespace {

// Set by every commit of a shard (the write side, issue 13): in-place
// replacements change neither the document count nor the last docid.
constexpr char kMetaCommit[] = "lode:commit";

std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Opens one line; throws Xapian::Error.
OpenedShard OpenLine(const ShardLine& line, const std::string& name, const OpenOptions& o) {
  OpenedShard s;
  s.name = name;
  s.line_number = line.line_number;
  s.remote = !line.local();
  if (s.remote) {
    s.address = FormatHostPort(line.host, line.port);
    s.db = Xapian::Remote::open(line.host, line.port, o.timeout_ms, o.connect_timeout_ms);
    return s;
  }
  s.address = line.path;
  s.index_dir = line.path;
  s.live = line.path;
  // A lode index folder (CURRENT -> gen-N) is read through its live
  // generation, so that a rebuild of the shard is noticed (Refresh).
  if (!LiveGeneration(line.path).empty()) {
    auto live = LiveDatabasePath(line.path);
    if (live.ok()) s.live = *live;
    s.generation = GenerationNumber(s.live);
  }
  s.db = Xapian::Database(s.live);
  return s;
}

std::string ShardName(const ShardLine& line, size_t k) {
  if (line.local()) return fs::path(line.path).filename().string();
  return "shard " + std::to_string(k);
}

}  // namespace

uint64_t CommitCounter(const Xapian::Database& db) {
  const std::string v = db.get_metadata(kMetaCommit);
  return v.empty() ? 0 : std::strtoull(v.c_str(), nullptr, 10);
}

bool ShardedDatabase::Outdated() const {
  if (!missing.empty() && std::chrono::steady_clock::now() - opened_at > std::chrono::seconds(10)) return true;
  if (ReadWhole(stub_file) != stub_text) return true;
  auto moved = [](const OpenedShard& s) {
    return s.generation > 0 && fs::path(s.live).filename().string() != LiveGeneration(s.index_dir);
  };
  if (moved(meta)) return true;
  for (const auto& s : shards)
    if (moved(s)) return true;
  return false;
}

std::string OpenedShard::Describe(const std::string& stub_file) const {
  return name + " (" + (remote ? "remote " : "") + address + ", line " + std::to_string(line_number) + " of " +
         stub_file + ")";
}

const OpenedShard* ShardedDatabase::ShardOf(const Xapian::Error& e) const {
  const std::string where = e.get_context() + " " + e.get_msg();
  for (const auto& s : shards)
    if (s.remote && where.find("(" + s.address + ")") != std::string::npos) return &s;
  return nullptr;
}

Status ShardedDatabase::Failure(const std::string& what, const Xapian::Error& e) const {
  const OpenedShard* s = ShardOf(e);
  const std::string who = s ? s->Describe(stub_file) : "a shard of " + stub_file;
  return Status::Unavailable(what + ": " + who + ": " + e.get_description() +
                             " (start its server again, or answer from the others with --partial)");
}

std::string ShardedDatabase::Stamp() const {
  std::string out = "shards@";
  uint64_t docs = 0;
  auto add = [&](const OpenedShard& s) {
    out += s.db.get_uuid() + "/" + std::to_string(s.db.get_doccount()) + "/" + std::to_string(s.db.get_lastdocid()) +
           "/" + std::to_string(CommitCounter(s.db)) + ";";
    docs += s.db.get_doccount();
  };
  add(meta);
  for (const auto& s : shards) add(s);
  return out + "#" + std::to_string(docs);
}

IndexRevision ShardedDatabase::Revision() const {
  IndexRevision r;
  auto add = [&](const OpenedShard& s) {
    r.generation += s.generation;
    // Remote backends keep no revision (UnimplementedError): their last
    // docid and commit counter grow instead.
    if (s.remote) r.revision += s.db.get_lastdocid() + CommitCounter(s.db);
    else r.revision += s.db.get_revision();
  };
  add(meta);
  for (const auto& s : shards) add(s);
  return r;
}

bool IsShardedPath(const std::string& path) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) return true;  // the stub itself
  return IsShardedLayout(path);
}

Result<ShardedDatabase> OpenShardedDatabase(const std::string& path, const OpenOptions& options) {
  auto stub = ReadShardStub(path);
  if (!stub.ok()) return stub.status();
  ShardedDatabase out;
  out.stub_file = stub->stub_file;
  out.stub_text = ReadWhole(stub->stub_file);
  out.opened_at = std::chrono::steady_clock::now();
  if (std::string gs = stub->Directive("graph-source"); !gs.empty())
    out.graph_source = fs::path(gs).is_absolute() ? gs : (fs::path(out.stub_file).parent_path() / gs).string();
  const auto describe_line = [&](const ShardLine& l, const std::string& name) {
    return name + " (" + (l.local() ? l.path : "remote " + FormatHostPort(l.host, l.port)) + ", line " +
           std::to_string(l.line_number) + " of " + out.stub_file + ")";
  };
  try {
    out.meta = OpenLine(stub->meta(), "meta", options);
  } catch (const Xapian::Error& e) {
    return Status::IoError(describe_line(stub->meta(), "meta") + ": " + e.get_description());
  }
  out.combined.add_database(out.meta.db);
  for (size_t i = 1; i < stub->lines.size(); ++i) {
    const ShardLine& line = stub->lines[i];
    const std::string name = ShardName(line, i - 1);
    try {
      out.shards.push_back(OpenLine(line, name, options));
    } catch (const Xapian::Error& e) {
      std::string why = describe_line(line, name) + ": " + e.get_description();
      if (!options.partial)
        return Status::IoError(why + " (start its server, fix the line, or answer from the other shards with --partial)");
      out.missing.push_back(std::move(why));
      continue;
    }
    out.combined.add_database(out.shards.back().db);
  }
  if (out.shards.empty())
    return Status::IoError("no shard of " + out.stub_file + " could be opened" +
                           (out.missing.empty() ? std::string() : ": " + out.missing.front()));
  return out;
}

}  // namespace lodestone::internal
