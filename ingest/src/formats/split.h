// Splitting and joining the fields of records. Private. Thread-safety: pure.
#ifndef LODESTONE_INGEST_SRC_FORMATS_SPLIT_H_
#define LODESTONE_INGEST_SRC_FORMATS_SPLIT_H_

#include <string>
#include <string_view>
#include <vector>

namespace lodestone::internal {

// s split at every `sep` (an empty piece where two meet); never empty.
std::vector<std::string> Split(std::string_view s, std::string_view sep);

// s split at `sep` outside [] and () brackets, each piece trimmed:
// "ALHO JM, 1990, V46, DOI [10.1/a, 10.1/b]" -> 4 pieces.
std::vector<std::string> SplitOutsideBrackets(std::string_view s, std::string_view sep);

// The non-empty strings of v joined by sep.
std::string JoinNonEmpty(const std::vector<std::string>& v, std::string_view sep);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_FORMATS_SPLIT_H_
