// Status and Result<T>: expected failures as values.
//
// Every stage of Lodestone (reading a file, parsing a query, opening an
// index) reports an expected failure by returning a Status or a Result<T>
// instead of throwing. Exceptions from third-party libraries (Xapian, ICU,
// libxml2, RapidJSON) are caught at the adapter that calls them and turned
// into a Status carrying context (which file, which query). Programmer
// errors are assertions. Thread-safety: plain values, no shared state.
#ifndef LODESTONE_INDEX_STATUS_H_
#define LODESTONE_INDEX_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace lodestone {

class [[nodiscard]] Status {
 public:
  // kTooLarge: a request over a limit (a page size, a neighbourhood, an
  // export); kUnavailable: worth retrying later (the index changed while it
  // was read, no index yet, a time limit hit).
  enum class Code {
    kOk,
    kInvalidArgument,
    kNotFound,
    kParseError,
    kIoError,
    kUnsupported,
    kCorrupt,
    kInternal,
    kTooLarge,
    kUnavailable,
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return Status(Code::kInvalidArgument, std::move(m)); }
  static Status NotFound(std::string m) { return Status(Code::kNotFound, std::move(m)); }
  static Status ParseError(std::string m) { return Status(Code::kParseError, std::move(m)); }
  static Status IoError(std::string m) { return Status(Code::kIoError, std::move(m)); }
  static Status Unsupported(std::string m) { return Status(Code::kUnsupported, std::move(m)); }
  static Status Corrupt(std::string m) { return Status(Code::kCorrupt, std::move(m)); }
  static Status Internal(std::string m) { return Status(Code::kInternal, std::move(m)); }
  static Status TooLarge(std::string m) { return Status(Code::kTooLarge, std::move(m)); }
  static Status Unavailable(std::string m) { return Status(Code::kUnavailable, std::move(m)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "context: message".
  Status WithContext(const std::string& context) const {
    if (ok()) return *this;
    return Status(code_, context + ": " + message_);
  }

 private:
  Status(Code c, std::string m) : code_(c), message_(std::move(m)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Either a value or a non-ok Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose
  Result(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace lodestone

#endif  // LODESTONE_INDEX_STATUS_H_
