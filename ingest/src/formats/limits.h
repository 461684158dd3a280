// The limits every reader enforces on untrusted input (issue 11). A file
// that crosses one is a failure naming the limit ("... (limit: XML nesting
// depth 256)"), never a crash, a hang or a run that dies with the batch.
// Each limit is far above anything in the real corpus (its largest files are
// in the comments) and far below what exhausts a worker's stack or memory.
// Private. Thread-safety: pure.
#ifndef LODESTONE_INGEST_SRC_FORMATS_LIMITS_H_
#define LODESTONE_INGEST_SRC_FORMATS_LIMITS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lodestone/index/status.h"

namespace lodestone::internal {

// XML element nesting: libxml2's own limit without XML_PARSE_HUGE (the
// corpus nests 20 levels at most). HTML is held to the same by libxml2.
inline constexpr int kMaxXmlDepth = 256;
// Bytes that BibTeX @string macros may add to one file when expanded (a
// doubling chain of 30 macros would add a gigabyte).
inline constexpr size_t kMaxBibMacroExpansion = size_t{64} << 20;
// One line of a line-based export (an abstract on one line is a few KB).
inline constexpr size_t kMaxLineBytes = size_t{4} << 20;
// One field of a tagged record, continuation lines included.
inline constexpr size_t kMaxFieldBytes = size_t{16} << 20;
// Documents from one file (the corpus's largest holds 1,000; exports cap at a few thousand).
inline constexpr size_t kMaxRecordsPerFile = 1000000;

// The PDF reader runs poppler in a child process (formats/isolated_run.h):
// its wall-clock time and the memory it may add. poppler reads a 500-page
// report in a few seconds and under 200 MB.
inline constexpr int kMaxPdfSeconds = 120;
inline constexpr size_t kMaxPdfMemoryBytes = size_t{1} << 30;

// "<what> (limit: <limit>)", the one shape every limit failure has.
Status LimitExceeded(std::string_view what, std::string_view limit);

// A file holding more than kMaxRecordsPerFile documents.
Status RecordsOverLimit();

// A limit that cuts a file short instead of failing it (HTML past
// kMaxXmlDepth: browsers, like libxml2, read such a page, and the text
// before the cut is worth indexing). The message goes to the warnings of
// the ReadDocuments call running on this thread (ScopedLimitWarnings), and
// from there to the ingest summary with the file's path; never silent.
void WarnLimit(std::string_view what, std::string_view limit);

// Collects the WarnLimit messages of this thread while it lives.
class ScopedLimitWarnings {
 public:
  explicit ScopedLimitWarnings(std::vector<std::string>* sink);
  ~ScopedLimitWarnings();
  ScopedLimitWarnings(const ScopedLimitWarnings&) = delete;
  ScopedLimitWarnings& operator=(const ScopedLimitWarnings&) = delete;

 private:
  std::vector<std::string>* previous_;
};

// The first line longer than kMaxLineBytes is an error naming its number.
Status CheckLineLengths(std::string_view text);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_FORMATS_LIMITS_H_
