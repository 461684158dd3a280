#include "lodestone/graph/cache.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace lodestone {

namespace {

// The layout's version: a cache of another layout (03: nodes without a
// jurisdiction) is not read, so the graph is rebuilt and the cache rewritten.
constexpr char kMagic[8] = {'L', 'O', 'D', 'E', 'G', 'R', '0', '4'};

// FNV-1a, enough to notice a change (not a security boundary).
struct Hasher {
  uint64_t h = 1469598103934665603ull;
  void Add(const std::string& s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h = (h ^ 0xff) * 1099511628211ull;  // separator
  }
};

void PutU32(std::string& b, uint32_t v) { b.append(reinterpret_cast<const char*>(&v), 4); }
void PutU64(std::string& b, uint64_t v) { b.append(reinterpret_cast<const char*>(&v), 8); }
void PutStr(std::string& b, const std::string& s) {
  PutU32(b, static_cast<uint32_t>(s.size()));
  b += s;
}

struct Reader {
  const std::string& b;
  size_t pos = 0;
  bool ok = true;
  bool Take(void* out, size_t n) {
    if (!ok || b.size() - pos < n) return ok = false;
    std::memcpy(out, b.data() + pos, n);
    pos += n;
    return true;
  }
  uint32_t U32() {
    uint32_t v = 0;
    Take(&v, 4);
    return v;
  }
  uint64_t U64() {
    uint64_t v = 0;
    Take(&v, 8);
    return v;
  }
  std::string Str() {
    uint32_t n = U32();
    if (!ok || b.size() - pos < n) {
      ok = false;
      return {};
    }
    std::string s = b.substr(pos, n);
    pos += n;
    return s;
  }
};

// Eight bytes at a time (the cache is tens of MB; byte-wise FNV cost more
// than parsing it).
uint64_t Checksum(const std::string& bytes, size_t end) {
  uint64_t h = 0x9e3779b97f4a7c15ull ^ end;
  size_t i = 0;
  for (; i + 8 <= end; i += 8) {
    uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  for (; i < end; ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * 1099511628211ull;
  return h ^ (h >> 29);
}

}  // namespace

uint64_t KbHash(const std::vector<KbNode>& kb) {
  Hasher h;
  for (const auto& k : kb) {
    h.Add(k.id);
    h.Add(k.name);
    for (const auto& p : k.is_a) h.Add(p);
  }
  return h.h;
}

Status WriteGraphCache(const KnowledgeGraph& kg, uint64_t kb_hash, const std::string& path) {
  std::string b(kMagic, 8);
  PutStr(b, kg.stamp());
  PutU64(b, kb_hash);
  PutU32(b, static_cast<uint32_t>(kg.num_nodes()));
  for (const Node& n : kg.nodes()) {
    for (const std::string* s : {&n.id, &n.type, &n.name, &n.kind, &n.date, &n.president, &n.jurisdiction})
      PutStr(b, *s);
    b += static_cast<char>(n.external ? 1 : 0);
  }
  PutU32(b, static_cast<uint32_t>(kg.num_edges()));
  for (const Edge& e : kg.edges()) {
    PutU32(b, e.source);
    PutU32(b, e.target);
    b += static_cast<char>(e.type);
    PutU32(b, e.count);
  }
  PutU32(b, static_cast<uint32_t>(kg.aliases().size()));
  for (const auto& [alias, v] : kg.aliases()) {
    PutStr(b, alias);
    PutU32(b, v);
  }
  PutU64(b, Checksum(b, b.size()));
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IoError("cannot write " + tmp + ": " + std::strerror(errno));
    out.write(b.data(), static_cast<std::streamsize>(b.size()));
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      return Status::IoError("cannot write " + tmp);
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::IoError("cannot replace " + path + ": " + std::strerror(errno));
  }
  return Status::Ok();
}

Result<KnowledgeGraph> ReadGraphCache(const std::string& path, const std::string& stamp, uint64_t kb_hash) {
  // Not a regular file (issue 11: a directory in its place made the size
  // read below enormous and aborted trace and rank): a miss, so the graph is
  // built from the index instead.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return Status::NotFound("no graph cache " + path);
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status::NotFound("no graph cache " + path);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("no graph cache " + path);
  std::string b(static_cast<size_t>(size), '\0');
  in.read(b.data(), static_cast<std::streamsize>(b.size()));
  if (in.gcount() != static_cast<std::streamsize>(b.size())) return Status::Corrupt(path + ": truncated");
  if (b.size() < 16 || std::memcmp(b.data(), kMagic, 8) != 0) return Status::Corrupt(path + ": not a graph cache");
  uint64_t sum = 0;
  std::memcpy(&sum, b.data() + b.size() - 8, 8);
  if (sum != Checksum(b, b.size() - 8)) return Status::Corrupt(path + ": checksum mismatch");
  Reader r{b, 8};
  if (r.Str() != stamp || r.U64() != kb_hash) return Status::NotFound(path + ": stale");
  std::vector<Node> nodes(r.U32());
  for (Node& n : nodes) {
    for (std::string* s : {&n.id, &n.type, &n.name, &n.kind, &n.date, &n.president, &n.jurisdiction}) *s = r.Str();
    char ext = 0;
    r.Take(&ext, 1);
    n.external = ext != 0;
    if (!r.ok) break;
  }
  if (!r.ok) return Status::Corrupt(path + ": truncated");
  std::vector<Edge> edges(r.U32());
  for (Edge& e : edges) {
    e.source = r.U32();
    e.target = r.U32();
    char t = 0;
    r.Take(&t, 1);
    e.type = static_cast<EdgeType>(t);
    e.count = r.U32();
    if (!r.ok) break;
    if (e.source >= nodes.size() || e.target >= nodes.size() || t < 0 || t >= kEdgeTypeCount)
      return Status::Corrupt(path + ": edge out of range");
  }
  std::vector<std::pair<std::string, uint32_t>> aliases(r.ok ? r.U32() : 0);
  for (auto& [alias, v] : aliases) {
    alias = r.Str();
    v = r.U32();
    if (!r.ok) break;
    if (v >= nodes.size()) return Status::Corrupt(path + ": alias out of range");
  }
  if (!r.ok || r.pos != b.size() - 8) return Status::Corrupt(path + ": truncated");
  return KnowledgeGraph::FromParts(std::move(nodes), std::move(edges), stamp, std::move(aliases));
}

Result<KnowledgeGraph> LoadGraph(Searcher& searcher, const std::string& index_dir, const std::vector<KbNode>& kb,
                                 bool use_cache, GraphLoadInfo* info,
                                 const std::function<void(const std::string&)>& progress) {
  auto t0 = std::chrono::steady_clock::now();
  GraphLoadInfo local;
  GraphLoadInfo& li = info ? *info : local;
  li.cache_path = (std::filesystem::path(index_dir) / "graph.cache").string();
  const uint64_t kb_hash = KbHash(kb);
  auto finish = [&](KnowledgeGraph kg) -> Result<KnowledgeGraph> {
    li.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return kg;
  };
  if (use_cache) {
    auto stamp = searcher.Stamp();
    if (!stamp.ok()) return stamp.status();
    auto cached = ReadGraphCache(li.cache_path, *stamp, kb_hash);
    if (cached.ok()) {
      li.from_cache = true;
      return finish(std::move(*cached));
    }
  }
  bool said = false;  // the read spoke (remote shards): then say the whole time too
  std::function<void(const std::string&)> heard;
  if (progress)
    heard = [&](const std::string& m) {
      said = true;
      progress(m);
    };
  auto src = searcher.ReadGraphSource(heard);
  if (!src.ok()) return src.status();
  KnowledgeGraph kg = KnowledgeGraph::Build(*src, kb);
  if (use_cache) li.cache_written = WriteGraphCache(kg, kb_hash, li.cache_path).ok();
  auto done = finish(std::move(kg));
  if (said) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "graph: built in %.1f s", li.seconds);
    progress(std::string(buf) + (li.cache_written ? "; kept in " + li.cache_path + " for the next command" : ""));
  }
  return done;
}

}  // namespace lodestone
