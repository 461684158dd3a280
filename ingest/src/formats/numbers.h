// Numbers as policy texts print them ("13,224", "EO_13603"). Private.
#ifndef LODESTONE_INGEST_SRC_FORMATS_NUMBERS_H_
#define LODESTONE_INGEST_SRC_FORMATS_NUMBERS_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace lodestone::internal {

// The digits at s[pos...], thousands commas between digits allowed and
// dropped ("13,224" -> "13224"); "" when s[pos] is no digit. *end (if given)
// gets the position after the number.
std::string ReadNumber(std::string_view s, size_t pos, size_t* end = nullptr);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_FORMATS_NUMBERS_H_
