// Kind of a policy document from its title, text and path. Private.
#ifndef LODESTONE_INGEST_SRC_EXTRACT_CLASSIFY_H_
#define LODESTONE_INGEST_SRC_EXTRACT_CLASSIFY_H_

#include <string>
#include <string_view>

#include "lodestone/index/document.h"

namespace lodestone::internal {

// Rules, first match wins: folder names of the White House snapshot
// (statements-releases, fact-sheets), "Fact Sheet" titles, the operative
// formulas of each instrument ("it is hereby ordered", "do hereby proclaim",
// "MEMORANDUM FOR", "Presidential Determination No."), notice titles, and
// Chinese law titles (…法 -> law, …条例/办法/规定/细则 -> regulation).
Kind ClassifyKind(std::string_view path, std::string_view title, std::string_view text);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_EXTRACT_CLASSIFY_H_
