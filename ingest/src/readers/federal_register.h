// What the Federal Register's formats share (XML, HTML, GPO text): the order
// number of a file name and the order's own heading. Private.
#ifndef LODESTONE_INGEST_SRC_READERS_FEDERAL_REGISTER_H_
#define LODESTONE_INGEST_SRC_READERS_FEDERAL_REGISTER_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace lodestone::internal {

// The number of an order from a file name such as EO_13603.htm; "" when none.
std::string EoNumberFromName(const std::string& path);

// Finds "Executive Order <n> of <date>" (the order's own heading) and
// returns where it starts (npos when none); when *number is empty the first
// such heading decides it, else only that number's heading counts. *date
// gets the heading's date.
size_t FindEoHeading(std::string_view text, std::string* number, std::string* date);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_READERS_FEDERAL_REGISTER_H_
