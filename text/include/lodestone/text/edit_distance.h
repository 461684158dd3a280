// Levenshtein distance, for "did you mean" suggestions. Thread-safety: pure.
#ifndef LODESTONE_TEXT_EDIT_DISTANCE_H_
#define LODESTONE_TEXT_EDIT_DISTANCE_H_

#include <cstddef>
#include <string_view>

namespace lodestone::text {

// Insertions, deletions and substitutions of bytes turning a into b
// (compare case-folded strings for a case-blind distance). O(|a|·|b|) time,
// O(|b|) memory.
size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace lodestone::text

#endif  // LODESTONE_TEXT_EDIT_DISTANCE_H_
