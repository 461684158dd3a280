// Runs a third-party parser in a forked child process (issue 11), so that a
// crash, a hang or a runaway allocation inside it fails one file instead of
// taking the whole ingest down. Used by the PDF reader: poppler is the one
// parser we cannot bound from outside (libxml2 and our own parsers enforce
// formats/limits.h in-process).
//
// The child runs `work` and sends its bytes (or its error Status) back
// through a pipe; the parent waits at most `seconds`, then kills it. The
// child's address space may grow by `memory_bytes` over the parent's
// (RLIMIT_AS; not set in sanitizer builds, whose shadow memory needs
// terabytes of address space). The child dies with the parent
// (PR_SET_PDEATHSIG). Failures name `what` and the limit, in the shape of
// LimitExceeded: "PDF reader crashed (signal 11, Segmentation fault)".
//
// Thread-safety: reentrant; each call forks its own child. The child of a
// multi-threaded parent holds only the calling thread, so `work` must not
// need a lock another thread of the parent may hold: it should call only the
// isolated library and plain C++ (glibc's malloc is safe after fork).
#ifndef LODESTONE_INGEST_SRC_FORMATS_ISOLATED_RUN_H_
#define LODESTONE_INGEST_SRC_FORMATS_ISOLATED_RUN_H_

#include <cstddef>
#include <functional>
#include <string>

#include "lodestone/index/status.h"

namespace lodestone::internal {

struct IsolationLimits {
  std::string what;         // "PDF reader": names the failure
  int seconds = 60;         // wall-clock time of the child
  size_t memory_bytes = 0;  // address space the child may add; 0 for no limit
};

// work()'s value or error, computed in a child; or an error saying how the
// child ended (a signal, a time or memory limit, a lost pipe).
Result<std::string> RunIsolated(const std::function<Result<std::string>()>& work, const IsolationLimits& limits);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_FORMATS_ISOLATED_RUN_H_
