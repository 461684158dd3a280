// Words a text names only to say it does not name them. Private to the
// extractor (extract.cc).
//
// "The order names no mineral such as lithium", "the list does not include
// cobalt", "None of them mentions critical minerals": an entity inside the
// scope of a negated verb of naming (name, mention, include, list, cite,
// cover, refer to) or of "no ... such as/like/including" is not a mention.
// The scope runs from the negation to the end of its clause (a semicolon,
// "but", or the sentence's end). In Chinese the same: 没有点名, 未提及, 不包括,
// 未列入 (negation.cc; to the clause's end or 但). Other negation ("lithium is not produced
// here") is about the entity and leaves the mention alone.
#ifndef LODESTONE_INGEST_SRC_EXTRACT_NEGATION_H_
#define LODESTONE_INGEST_SRC_EXTRACT_NEGATION_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "lodestone/ingest/analyzer.h"

namespace lodestone::internal {

// 1 for every word inside such a scope; `sentence` is the sentence number of
// each word.
std::vector<uint8_t> NegatedNamingScopes(const std::vector<Word>& words, std::string_view text,
                                         const std::vector<uint32_t>& sentence);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_EXTRACT_NEGATION_H_
