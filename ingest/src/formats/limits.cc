#include "formats/limits.h"

namespace lodestone::internal {

Status LimitExceeded(std::string_view what, std::string_view limit) {
  return Status::ParseError(std::string(what) + " (limit: " + std::string(limit) + ")");
}

namespace {
thread_local std::vector<std::string>* g_warnings = nullptr;
}  // namespace

void WarnLimit(std::string_view what, std::string_view limit) {
  if (g_warnings) g_warnings->push_back(std::string(what) + " (limit: " + std::string(limit) + ")");
}

ScopedLimitWarnings::ScopedLimitWarnings(std::vector<std::string>* sink) : previous_(g_warnings) {
  g_warnings = sink;
}

ScopedLimitWarnings::~ScopedLimitWarnings() { g_warnings = previous_; }

Status RecordsOverLimit() {
  return LimitExceeded("more than " + std::to_string(kMaxRecordsPerFile) + " records in one file",
                       "records per file " + std::to_string(kMaxRecordsPerFile));
}

Status CheckLineLengths(std::string_view text) {
  size_t start = 0, line = 1;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end - start > kMaxLineBytes)
      return LimitExceeded("line " + std::to_string(line) + " is " + std::to_string(end - start) + " bytes long",
                           "line length " + std::to_string(kMaxLineBytes) + " bytes");
    start = end + 1;
    ++line;
  }
  return Status::Ok();
}

}  // namespace lodestone::internal
