// Kind of a policy document from its title, text and path. Private.
#ifndef LODESTONE_INGEST_SRC_EXTRACT_CLASSIFY_H_
#define LODESTONE_INGEST_SRC_EXTRACT_CLASSIFY_H_

#include <string>
#include <string_view>

#include "lodestone/index/document.h"

namespace lodestone::internal {

// Rules, first match wins, over the title and the first 4,000 bytes of the
// text with markup dropped and white space collapsed (the White House pages
// wrap lines inside the formulas): folder names of the White House snapshot
// (statements-releases, fact-sheets), "Fact Sheet" titles, the operative
// formulas of each instrument ("it is hereby ordered", "do hereby proclaim",
// "A PROCLAMATION", "MEMORANDUM FOR", "Presidential Determination No."),
// notice titles, press releases and messages (nominations sent to the
// Senate, disaster declarations, bills signed, letters and messages to
// Congress: statements), and Chinese law titles (…法 -> law,
// …条例/办法/规定/细则 -> regulation). Pardons and permits stay kOther.
Kind ClassifyKind(std::string_view path, std::string_view title, std::string_view text);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_EXTRACT_CLASSIFY_H_
