// RFC 4180 CSV (Scopus exports). Private. Thread-safety: pure.
#ifndef LODESTONE_INGEST_SRC_FORMATS_CSV_H_
#define LODESTONE_INGEST_SRC_FORMATS_CSV_H_

#include <string>
#include <string_view>
#include <vector>

namespace lodestone::internal {

// The rows of a CSV text: fields separated by ',', "quoted" fields may hold
// commas, line breaks and doubled quotes (""), rows end at \n, \r\n or \r;
// blank lines are no rows. Malformed input (an unclosed quote) is read to
// its end, never rejected.
std::vector<std::vector<std::string>> ParseCsv(std::string_view s);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_FORMATS_CSV_H_
