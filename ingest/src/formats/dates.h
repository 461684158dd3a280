// Dates and years as sources print them: "March 16, 2012", "Feb. 28, 2017",
// "2012-03-16", "3/16/12", "2020年10月17日", a record's year field. Private.
// Thread-safety: pure functions.
#ifndef LODESTONE_INGEST_SRC_FORMATS_DATES_H_
#define LODESTONE_INGEST_SRC_FORMATS_DATES_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace lodestone::internal {

// "March 16, 2012", "Feb. 28, 2017", "2012-03-16", "3/16/12" -> "2012-03-16";
// a bare year stays a year ("2012"); "" when not a date.
std::string ParseDate(std::string_view s);
// The first "Month D, YYYY" date in s; "" when none.
std::string FindEnglishDate(std::string_view s);
// "2020年10月17日" -> "2020-10-17"; "" when none.
std::string FindChineseDate(std::string_view s);

// 1-12 for a month's name or its abbreviation ("March", "mar", "Mar.",
// "Sept", "SEP"), case ignored; 0 otherwise.
int MonthNumber(std::string_view word);

// YYYY-MM-DD from a year field and a month and day that may be unknown (0):
// ("2019", 0, 0) -> "2019-01-01", ("2019", 2, 30) -> "2019-02-01" (a day
// the month lacks is dropped); "" when `year` is no 1xxx/2xxx year.
std::string MakeDate(const std::string& year, int month, int day);

// "1990", "2026": four digits starting 1 or 2.
bool IsYear(std::string_view s);

// The year a record's date field gives ("2019", "2019/03/15/", "JUN 2019",
// "1 Jan.-Feb. 2019"): the first 18xx, 19xx or 20xx not part of a longer
// number; "" when none.
std::string YearOfField(std::string_view field);

// A year in running text (a printed reference, a PDF's first page): the
// first 19xx/20xx standing alone (not part of a longer number or word, not
// inside a token holding '/' or starting "doi"/"http", such as a DOI or a
// URL), "" when none. A parenthesised year "(2019)" is preferred when
// prefer_parenthesised is set. *at (if given) gets its byte offset.
std::string FindYearInText(std::string_view s, bool prefer_parenthesised = false, size_t* at = nullptr);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_FORMATS_DATES_H_
