// Stock xapian-tcpsrv servers on loopback for the shard tests, the bench
// (lode-bench-shards) and nothing else (issue 13): a free port, a server over
// one shard started in its own process group and waited for with a bound,
// and stopped by its pid. The layouts themselves come from `lode shard`.
#ifndef LODESTONE_TESTS_SHARDS_TCPSRV_H_
#define LODESTONE_TESTS_SHARDS_TCPSRV_H_

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

namespace lodestone::testing {

// The live database of a lode index folder (DIR/gen-N, from DIR/CURRENT): what
// a xapian-tcpsrv of one shard serves. "" when DIR has no CURRENT.
inline std::string LiveDatabase(const std::string& dir) {
  std::ifstream cur(std::filesystem::path(dir) / "CURRENT");
  std::string gen;
  if (!(cur >> gen)) return "";
  return (std::filesystem::path(dir) / gen).string();
}

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

#endif  // LODESTONE_TESTS_SHARDS_TCPSRV_H_
