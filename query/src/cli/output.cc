#include "output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace lodestone::cli {

namespace {

Status CannotWrite(const std::string& what, int err) {
  return Status::IoError("cannot write " + what + ": " + std::strerror(err));
}

// Writes all of `text` to fd; the errno of the failure, or 0.
int WriteAll(int fd, const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    done += static_cast<size_t>(n);
  }
  return 0;
}

// Set once a write to standard output failed and was reported, so that
// closing it does not report the same failure again.
bool g_stdout_failed = false;

}  // namespace

Status WriteStdout(const std::string& text) {
  if (g_stdout_failed) return CannotWrite("standard output", EIO);
  errno = 0;
  if ((!text.empty() && std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) || std::ferror(stdout)) {
    g_stdout_failed = true;
    return CannotWrite("standard output", errno ? errno : EIO);
  }
  return Status::Ok();
}

Status FlushStdout() {
  if (g_stdout_failed) return CannotWrite("standard output", EIO);
  errno = 0;
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    g_stdout_failed = true;
    return CannotWrite("standard output", errno ? errno : EIO);
  }
  return Status::Ok();
}

Status CloseStdout() {
  if (g_stdout_failed) {
    std::fclose(stdout);
    return Status::Ok();
  }
  errno = 0;
  const bool flushed = std::fflush(stdout) == 0 && !std::ferror(stdout);
  const int flush_errno = errno;
  const bool closed = std::fclose(stdout) == 0;
  if (!flushed) return CannotWrite("standard output", flush_errno ? flush_errno : EIO);
  if (!closed) return CannotWrite("standard output", errno ? errno : EIO);
  return Status::Ok();
}

Status WriteFile(const std::string& path, const std::string& text) {
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    // A device or a pipe: there is nothing to rename over.
    int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC);
    if (fd < 0) return CannotWrite(path, errno);
    int err = WriteAll(fd, text);
    if (::close(fd) != 0 && !err) err = errno;
    return err ? CannotWrite(path, err) : Status::Ok();
  }
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return CannotWrite(path, errno);
  int err = WriteAll(fd, text);
  if (::close(fd) != 0 && !err) err = errno;
  if (!err && std::rename(tmp.c_str(), path.c_str()) != 0) err = errno;
  if (err) {
    ::unlink(tmp.c_str());
    return CannotWrite(path, err);
  }
  return Status::Ok();
}

}  // namespace lodestone::cli
