// Merging two records of one document (same id, different source files).
//
// The Federal Register publishes each order in several formats (XML, HTML,
// GPO text, API JSON); a researcher's folder may also hold a note about the
// same order. They become one document: the richest text wins (by format
// rank, then length) and the metadata is the union (the winner's value
// first). Pure functions; thread-safe.
#ifndef LODESTONE_INDEX_MERGE_H_
#define LODESTONE_INDEX_MERGE_H_

#include <string>

#include "lodestone/index/document.h"

namespace lodestone {

// Higher is richer. Formats with metadata only (fr-json) rank lowest.
int FormatRichness(const std::string& format);

// True when a's text should be kept over b's.
bool TextIsRicher(const Document& a, const Document& b);

// The union of a and b; text (and its format) from the richer one.
Document MergeDocuments(const Document& a, const Document& b);

}  // namespace lodestone

#endif  // LODESTONE_INDEX_MERGE_H_
