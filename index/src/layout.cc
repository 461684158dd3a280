#include "layout.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace lodestone::internal {

Status WriteFileDurably(const std::string& path_text, const std::string& content) {
  const fs::path path(path_text);
  fs::path tmp = path;
  tmp += ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return Status::IoError("cannot write " + tmp.string());
  bool ok = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size());
  ok = ok && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return Status::IoError("cannot write " + tmp.string());
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) return Status::IoError("cannot rename " + tmp.string() + ": " + ec.message());
  return Status::Ok();
}

namespace {
// True when PATH is a Xapian stub naming exactly one local database.
bool OneLineStub(const fs::path& path) {
  std::ifstream in(path);
  if (!in) return false;
  int lines = 0;
  bool local = false;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    ++lines;
    local = line.rfind("auto ", 0) == 0 || line.rfind("glass ", 0) == 0;
  }
  return lines == 1 && local;
}
}  // namespace

std::string LiveGeneration(const std::string& index_dir) {
  std::ifstream in(fs::path(index_dir) / "CURRENT");
  std::string gen;
  if (!(in >> gen)) return {};
  if (gen.rfind("gen-", 0) != 0 || gen.find('/') != std::string::npos) return {};
  return gen;
}

Result<std::string> LiveDatabasePath(const std::string& index_dir) {
  std::string gen = LiveGeneration(index_dir);
  if (gen.empty()) {
    std::error_code ec;
    // issue 13: a replica written by xapian-replicate of a lode index has no
    // CURRENT but a one-line stub ("auto replica_1") that Xapian follows,
    // and that it rewrites when a full copy arrives.
    if (OneLineStub(fs::path(index_dir) / "XAPIANDB")) return index_dir;
    if (!fs::exists(index_dir, ec))
      return Status::NotFound("no index at " + index_dir +
                              " (create one with: lode ingest PATH --index " + index_dir + ")");
    return Status::NotFound(index_dir + " is not a Lodestone index (no CURRENT file)");
  }
  return (fs::path(index_dir) / gen).string();
}

uint64_t GenerationNumber(const std::string& database_path) {
  const std::string name = fs::path(database_path).filename().string();
  if (name.rfind("gen-", 0) != 0) return 0;
  return std::strtoull(name.c_str() + 4, nullptr, 10);
}

std::string NextGeneration(const std::string& index_dir) {
  long best = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(index_dir, ec)) {
    std::string name = e.path().filename().string();
    if (name.rfind("gen-", 0) == 0) best = std::max(best, std::strtol(name.c_str() + 4, nullptr, 10));
  }
  return "gen-" + std::to_string(best + 1);
}

Status SwitchGeneration(const std::string& index_dir, const std::string& gen) {
  fs::path dir(index_dir);
  // The stub first: it is only a convenience for Xapian's tools.
  Status s = WriteFileDurably(dir / "XAPIANDB", "auto " + gen + "\n");
  if (!s.ok()) return s;
  s = WriteFileDurably(dir / "CURRENT", gen + "\n");
  if (!s.ok()) return s;
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return Status::Ok();
}

void RemoveDebris(const std::string& index_dir) {
  std::string live = LiveGeneration(index_dir);
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(index_dir, ec)) {
    std::string name = e.path().filename().string();
    bool tmp = name.rfind("tmp-", 0) == 0;
    bool old_gen = name.rfind("gen-", 0) == 0 && name != live;
    if (!tmp && !old_gen) continue;
    if (tmp) {
      // tmp-<pid>-<n>: keep folders of a process that is still running.
      long pid = std::strtol(name.c_str() + 4, nullptr, 10);
      if (pid > 0 && pid != ::getpid() && ::kill(static_cast<pid_t>(pid), 0) == 0) continue;
      if (pid == ::getpid()) continue;
    }
    if (old_gen && live.empty()) continue;  // never delete the only data there is
    fs::remove_all(e.path(), ec);
  }
}

}  // namespace lodestone::internal
