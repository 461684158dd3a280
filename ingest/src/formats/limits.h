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

// "<what> (limit: <limit>)", the one shape every limit failure has.
Status LimitExceeded(std::string_view what, std::string_view limit);

// A file holding more than kMaxRecordsPerFile documents.
Status RecordsOverLimit();

// The first line longer than kMaxLineBytes is an error naming its number.
Status CheckLineLengths(std::string_view text);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_FORMATS_LIMITS_H_
