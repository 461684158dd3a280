#include "graphviz.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <thread>

namespace lodestone::cli {

namespace {

// What a signal handler needs to clean up: the child and the temporary
// picture. Plain globals: a handler may only touch these.
volatile sig_atomic_t g_child = 0;
char g_tmp[PATH_MAX] = {0};

extern "C" void OnSignal(int sig) {
  if (g_child > 0) ::kill(static_cast<pid_t>(g_child), SIGKILL);
  if (g_tmp[0]) ::unlink(g_tmp);
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

// Installs the handlers for the child's lifetime and restores the old ones.
class Guard {
 public:
  Guard(pid_t child, const std::string& tmp) {
    std::strncpy(g_tmp, tmp.c_str(), sizeof g_tmp - 1);
    g_child = child;
    struct sigaction sa {};
    sa.sa_handler = OnSignal;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGINT, &sa, &old_int_);
    ::sigaction(SIGTERM, &sa, &old_term_);
    ::sigaction(SIGHUP, &sa, &old_hup_);
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    ::sigaction(SIGPIPE, &ignore, &old_pipe_);  // dot may exit before reading all: EPIPE, not death
  }
  ~Guard() {
    ::sigaction(SIGINT, &old_int_, nullptr);
    ::sigaction(SIGTERM, &old_term_, nullptr);
    ::sigaction(SIGHUP, &old_hup_, nullptr);
    ::sigaction(SIGPIPE, &old_pipe_, nullptr);
    g_child = 0;
    g_tmp[0] = 0;
  }

 private:
  struct sigaction old_int_ {}, old_term_ {}, old_hup_ {}, old_pipe_ {};
};

}  // namespace

std::string FindGraphviz() {
  const char* path = std::getenv("PATH");
  std::string p = path ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= p.size()) {
    size_t colon = p.find(':', start);
    std::string dir = p.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
    if (!dir.empty()) {
      std::string full = dir + "/dot";
      if (::access(full.c_str(), X_OK) == 0) return full;
    }
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  return {};
}

Status DrawWithGraphviz(const std::string& dot_program, const std::string& dot_text, const std::string& output,
                        const std::string& format, double seconds) {
  const std::string tmp = output + ".tmp-" + std::to_string(::getpid());
  int in[2];
  if (::pipe2(in, O_CLOEXEC) != 0) return Status::IoError(std::string("cannot start Graphviz: ") + std::strerror(errno));
  const std::string type = "-T" + format;
  const pid_t parent = ::getpid();
  // Signals stay blocked from fork until the handlers know the child, so a
  // Ctrl-C in between cannot leave it running.
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGTERM);
  sigaddset(&block, SIGHUP);
  ::sigprocmask(SIG_BLOCK, &block, &old);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::sigprocmask(SIG_SETMASK, &old, nullptr);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // lode killed (even by SIGKILL): dot goes too
    if (::getppid() != parent) ::_exit(127);
    ::dup2(in[0], STDIN_FILENO);
    ::execl(dot_program.c_str(), "dot", type.c_str(), "-o", tmp.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  const int fork_errno = errno;
  ::close(in[0]);
  if (pid < 0) {
    ::sigprocmask(SIG_SETMASK, &old, nullptr);
    ::close(in[1]);
    return Status::IoError(std::string("cannot start Graphviz: ") + std::strerror(fork_errno));
  }
  Guard guard(pid, tmp);
  ::sigprocmask(SIG_SETMASK, &old, nullptr);
  // dot reads all its input before drawing.
  size_t done = 0;
  while (done < dot_text.size()) {
    ssize_t n = ::write(in[1], dot_text.data() + done, dot_text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // dot is gone: its exit status says why
    done += static_cast<size_t>(n);
  }
  ::close(in[1]);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  int status = 0;
  bool timed_out = false;
  for (auto wait = std::chrono::milliseconds(1);; wait = std::min(wait * 2, std::chrono::milliseconds(50))) {
    pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (r < 0 && errno != EINTR) break;
    if (std::chrono::steady_clock::now() >= deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      timed_out = true;
      break;
    }
    std::this_thread::sleep_for(wait);
  }
  if (timed_out || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    ::unlink(tmp.c_str());
    if (timed_out)
      return Status::Unavailable("Graphviz dot took more than " + std::to_string(static_cast<int>(seconds)) +
                                 " s drawing " + output + " and was stopped; draw fewer nodes (--max-nodes, --depth, "
                                 "--edge) or allow more time (--timeout)");
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) return Status::IoError("cannot run " + dot_program);
    return Status::IoError("Graphviz dot failed to draw " + output);
  }
  if (std::rename(tmp.c_str(), output.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return Status::IoError("cannot write " + output + ": " + std::strerror(err));
  }
  return Status::Ok();
}

}  // namespace lodestone::cli
