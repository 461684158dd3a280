// Shard tests and lode-bench-shards share this: a sharded layout made from a lode index with Xapian alone, for the shard
// tests and lode-bench-shards (issue 13): meta (spelling, synonyms, every
// metadata key, no documents) and N shards, documents by FNV-1a(id) % N, in
// the contract's layout (OUT/XAPIANDB, OUT/meta, OUT/shard-K, each a lode
// index folder: CURRENT -> gen-1). It stands in for `lode shard --by
// count:N` (the write side) until that is merged; it is not a product path.
#ifndef LODESTONE_TESTS_SHARDS_SHARD_SPLIT_H_
#define LODESTONE_TESTS_SHARDS_SHARD_SPLIT_H_

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <thread>
#include <fstream>
#include <string>
#include <vector>

namespace lodestone::testing {

inline uint64_t Fnv1a(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

inline void WriteIndexFolder(const std::filesystem::path& dir) {
  std::ofstream(dir / "CURRENT") << "gen-1\n";
  std::ofstream(dir / "XAPIANDB") << "auto gen-1\n";
}

// Splits the live database `source` (a glass folder) into OUT; throws
// Xapian::Error.
inline void SplitIndex(const std::string& source, const std::string& out, unsigned n) {
  namespace fs = std::filesystem;
  fs::remove_all(out);
  fs::create_directories(fs::path(out) / "meta");
  Xapian::Database src(source);
  Xapian::WritableDatabase meta((fs::path(out) / "meta" / "gen-1").string(), Xapian::DB_CREATE_OR_OVERWRITE);
  for (auto w = src.spellings_begin(); w != src.spellings_end(); ++w) meta.add_spelling(*w, w.get_termfreq());
  for (auto k = src.synonym_keys_begin(); k != src.synonym_keys_end(); ++k)
    for (auto s = src.synonyms_begin(*k); s != src.synonyms_end(*k); ++s) meta.add_synonym(*k, *s);
  for (auto k = src.metadata_keys_begin(); k != src.metadata_keys_end(); ++k) meta.set_metadata(*k, src.get_metadata(*k));
  meta.commit();
  WriteIndexFolder(fs::path(out) / "meta");
  std::vector<Xapian::WritableDatabase> shards;
  std::string stub = "auto meta\n";
  for (unsigned k = 0; k < n; ++k) {
    const fs::path dir = fs::path(out) / ("shard-" + std::to_string(k));
    fs::create_directories(dir);
    shards.emplace_back((dir / "gen-1").string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
    WriteIndexFolder(dir);
    stub += "auto shard-" + std::to_string(k) + "\n";
  }
  for (auto it = src.postlist_begin(""); it != src.postlist_end(""); ++it) {
    Xapian::Document d = src.get_document(*it);
    shards[Fnv1a(d.get_value(3)) % n].add_document(d);  // slot 3: the id (schema.h)
  }
  for (auto& s : shards) {
    s.set_metadata("lode:commit", "1");
    s.commit();
  }
  std::ofstream(fs::path(out) / "XAPIANDB") << stub;
}

// Stock xapian-tcpsrv servers on loopback, started and stopped by pid.
inline int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  int port = -1;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
    port = ntohs(a.sin_port);
  ::close(fd);
  return port;
}

inline bool Accepts(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(static_cast<uint16_t>(port));
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

// xapian-tcpsrv over `db` on 127.0.0.1:port; its pid, or -1.
inline pid_t StartServer(const std::string& db, int port) {
  pid_t pid = ::fork();
  if (pid == 0) {
    // Its own process group: on SIGTERM xapian-tcpsrv signals its whole
    // group, which would otherwise take the caller down with it.
    ::setpgid(0, 0);
    // Its "Got exception ... Broken pipe" when a client goes is not news.
    if (int null = ::open("/dev/null", O_WRONLY); null >= 0) ::dup2(null, 2);
    ::execlp("xapian-tcpsrv", "xapian-tcpsrv", "--interface", "127.0.0.1", "--port", std::to_string(port).c_str(),
             "--idle-timeout", "0", "--quiet", db.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  for (int i = 0; i < 100 && pid > 0; ++i) {  // at most 10 s
    if (Accepts(port)) return pid;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  if (pid > 0) ::kill(pid, SIGKILL);
  return -1;
}

inline void StopServer(pid_t pid) {
  if (pid <= 0) return;
  ::kill(pid, SIGTERM);
  int status = 0;
  for (int i = 0; i < 50; ++i) {
    if (::waitpid(pid, &status, WNOHANG) == pid) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
}

}  // namespace lodestone::testing

#endif  // LODESTONE_TESTS_SHARDS_SHARD_SPLIT_H_
