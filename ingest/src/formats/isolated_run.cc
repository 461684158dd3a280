#include "formats/isolated_run.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <new>

#include "formats/limits.h"

#if defined(__SANITIZE_ADDRESS__)
#define LODE_ISOLATED_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || __has_feature(thread_sanitizer)
#define LODE_ISOLATED_SANITIZED 1
#endif
#endif

namespace lodestone::internal {

namespace {

// The child's answer on the pipe: one byte, the Status code (0 for a
// value), then the value or the error message.
Status FromCode(int code, std::string message) {
  using C = Status::Code;
  switch (static_cast<C>(code)) {
    case C::kInvalidArgument: return Status::InvalidArgument(std::move(message));
    case C::kNotFound: return Status::NotFound(std::move(message));
    case C::kParseError: return Status::ParseError(std::move(message));
    case C::kIoError: return Status::IoError(std::move(message));
    case C::kUnsupported: return Status::Unsupported(std::move(message));
    case C::kCorrupt: return Status::Corrupt(std::move(message));
    case C::kTooLarge: return Status::TooLarge(std::move(message));
    case C::kUnavailable: return Status::Unavailable(std::move(message));
    default: return Status::Internal(std::move(message));
  }
}

std::string MiB(size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// The address space in use now (/proc/self/statm's first field, in pages).
size_t AddressSpaceBytes() {
  FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return 0;
  unsigned long pages = 0;
  if (std::fscanf(f, "%lu", &pages) != 1) pages = 0;
  std::fclose(f);
  return static_cast<size_t>(pages) * static_cast<size_t>(::sysconf(_SC_PAGESIZE));
}

bool WriteAll(int fd, const char* p, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

[[noreturn]] void RunChild(int fd, const std::function<Result<std::string>()>& work, const IsolationLimits& limits) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  // Only our pipe stays open: a pipe of another reader's child, forked by
  // another thread, held open here would keep that reader waiting for us.
  if (fd > 3) ::close_range(3, static_cast<unsigned>(fd) - 1, 0);
  ::close_range(static_cast<unsigned>(fd) + 1, ~0U, 0);
  ::signal(SIGPIPE, SIG_IGN);
  // The limit a bad_alloc names: ours, or a lower one the parent was given
  // (prlimit --as, ulimit -v), which the child inherits.
  std::string memory_limit = limits.what + " memory " + MiB(limits.memory_bytes);
  struct rlimit rl;
  if (::getrlimit(RLIMIT_AS, &rl) == 0) {
    rlim_t cap = RLIM_INFINITY;
#ifndef LODE_ISOLATED_SANITIZED
    if (limits.memory_bytes > 0) cap = static_cast<rlim_t>(AddressSpaceBytes() + limits.memory_bytes);
#endif
    if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur <= cap) {
      memory_limit = "address space " + MiB(rl.rlim_cur) + ", set for the whole process";
    } else if (cap != RLIM_INFINITY) {
      rl.rlim_cur = cap;
      if (::setrlimit(RLIMIT_AS, &rl) != 0) memory_limit = limits.what + " memory (not set)";
    }
  }
  std::string out;
  try {
    Result<std::string> r = work();
    if (r.ok()) {
      out.reserve(r->size() + 1);
      out += '\0';
      out += *r;
    } else {
      out = static_cast<char>(r.status().code());
      out += r.status().message();
    }
  } catch (const std::bad_alloc&) {
    out.clear();
    Status s = LimitExceeded(limits.what + " ran out of memory", memory_limit);
    out = static_cast<char>(s.code());
    out += s.message();
  } catch (const std::exception& e) {
    out = static_cast<char>(Status::Code::kInternal);
    out += limits.what + " failed: " + e.what();
  }
  bool sent = WriteAll(fd, out.data(), out.size());
  ::_exit(sent ? 0 : 3);
}

}  // namespace

Result<std::string> RunIsolated(const std::function<Result<std::string>()>& work, const IsolationLimits& limits) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return Status::IoError(limits.what + ": no pipe: " + std::strerror(errno));
  pid_t pid = ::fork();
  if (pid < 0) {
    int err = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    return Status::IoError(limits.what + ": cannot start a child process: " + std::strerror(err));
  }
  if (pid == 0) {
    ::close(fds[0]);
    RunChild(fds[1], work, limits);
  }
  ::close(fds[1]);

  // Read while the child runs (a large text would fill the pipe), until the
  // end of its output or the deadline.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limits.seconds);
  std::string got;
  bool timed_out = false;
  char buf[65536];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    struct pollfd p = {fds[0], POLLIN, 0};
    int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) break;
    if (ready == 0) continue;
    ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got.append(buf, static_cast<size_t>(n));
  }
  ::close(fds[0]);
  if (timed_out) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out)
    return LimitExceeded(limits.what + " took over " + std::to_string(limits.seconds) + " s",
                         limits.what + " time " + std::to_string(limits.seconds) + " s");
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    return Status::Internal(limits.what + " crashed (signal " + std::to_string(sig) + ", " + ::strsignal(sig) +
                            "); the run went on without this file");
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || got.empty())
    return Status::Internal(limits.what + " ended without an answer (exit status " +
                            std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")");
  int code = static_cast<unsigned char>(got[0]);
  got.erase(0, 1);
  if (code == 0) return got;
  return FromCode(code, std::move(got));
}

}  // namespace lodestone::internal
