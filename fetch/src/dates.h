// Calendar dates as day numbers, for splitting a query's date range. Private.
//
// The Federal Register API filters by publication date (YYYY-MM-DD); a slice
// of the range is split in two by counting days, so dates become day numbers
// (days since 1970-01-01 in the proleptic Gregorian calendar) and back.
#ifndef LODESTONE_FETCH_SRC_DATES_H_
#define LODESTONE_FETCH_SRC_DATES_H_

#include <cstdint>
#include <optional>
#include <string>

namespace lodestone::fetch_internal {

// Day number of a valid YYYY-MM-DD date (month lengths and leap years
// checked), nullopt otherwise.
std::optional<int64_t> ParseDay(const std::string& ymd);

// YYYY-MM-DD of a day number.
std::string FormatDay(int64_t day);

// Today's date in UTC.
int64_t Today();

// Now as an ISO 8601 UTC timestamp (2025-03-20T12:00:00Z), for the state file.
std::string NowStamp();

}  // namespace lodestone::fetch_internal

#endif  // LODESTONE_FETCH_SRC_DATES_H_
