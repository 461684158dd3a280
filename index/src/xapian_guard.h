// The one place where Xapian's exceptions become Status values (with the
// context `what`). Private to index/.
#ifndef LODESTONE_INDEX_SRC_XAPIAN_GUARD_H_
#define LODESTONE_INDEX_SRC_XAPIAN_GUARD_H_

#include <xapian.h>

#include <exception>
#include <string>

#include "lodestone/index/status.h"

namespace lodestone::internal {

// Runs f (returning Status or Result<T>) and turns exceptions into errors.
template <typename F>
auto XapianGuard(const std::string& what, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const Xapian::QueryParserError& e) {
    return Status::InvalidArgument("query syntax error: " + e.get_msg());
  } catch (const Xapian::DatabaseLockError& e) {
    return Status::IoError(what + ": the index is locked by another writer (" + e.get_msg() + ")");
  } catch (const Xapian::DatabaseModifiedError& e) {
    // A writer committed twice since this reader opened its revision, and
    // the blocks it was reading were reused: Xapian's answer is to reopen
    // and retry, which the caller can do (Searcher::Refresh).
    return Status::Unavailable(what + ": the index changed while it was read (" + e.get_msg() + ")");
  } catch (const Xapian::DatabaseCorruptError& e) {
    // issue 11: say what to do, not only what Xapian found.
    return Status::Corrupt(what + ": damaged index (" + e.get_msg() +
                           "); rebuild it with `lode ingest --rebuild` on the same sources");
  } catch (const Xapian::DatabaseOpeningError& e) {
    return Status::IoError(what + ": " + e.get_msg());
  } catch (const Xapian::Error& e) {
    return Status::IoError(what + ": " + e.get_description());
  } catch (const std::exception& e) {
    return Status::Internal(what + ": " + e.what());
  }
}

}  // namespace lodestone::internal

#endif  // LODESTONE_INDEX_SRC_XAPIAN_GUARD_H_
