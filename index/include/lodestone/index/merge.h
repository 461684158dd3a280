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

// True when a's text should be kept over b's: a text over none, then the
// higher Document::richness (the index knows no format names: ingest's
// readers rank their formats), then the longer text; a tie goes to the text,
// then the title, then the author list that sorts first, so that the order
// records are merged in (a build, an update) never changes the result.
bool TextIsRicher(const Document& a, const Document& b);

// The union of a and b; text (and its format) from the richer one.
Document MergeDocuments(const Document& a, const Document& b);

}  // namespace lodestone

#endif  // LODESTONE_INDEX_MERGE_H_
