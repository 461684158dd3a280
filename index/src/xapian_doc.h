// Conversion between the document record and Xapian documents. Private.
#ifndef LODESTONE_INDEX_SRC_XAPIAN_DOC_H_
#define LODESTONE_INDEX_SRC_XAPIAN_DOC_H_

#include <xapian.h>

#include <string>

#include "lodestone/index/document.h"
#include "lodestone/index/merge.h"
#include "lodestone/index/status.h"

namespace lodestone::internal {

// The Xapian document for an analysed document: positional terms, English
// stems (Z), title terms (S, ZS), boolean filter terms, values, stored data.
Xapian::Document BuildXapianDoc(const AnalyzedDocument& doc);

// Merges two Xapian documents of one id (see merge.h): the text terms of the
// richer one are kept, filter terms, values and data are rebuilt from the
// merged record.
Result<Xapian::Document> MergeXapianDocs(const Xapian::Document& a, const Xapian::Document& b);

// Same as MergeXapianDocs, with the records already decoded (and edited)
// and their provenance (StoredMergeInfo) read.
Xapian::Document MergeXapianDocs(const Document& ra, const MergeInfo& ia, const Xapian::Document& a,
                                 const Document& rb, const MergeInfo& ib, const Xapian::Document& b);

// The provenance stored with x (value schema::kSlotMerge), or that of a
// single record `rec` when it has none.
MergeInfo StoredMergeInfo(const Xapian::Document& x, const Document& rec);

// Rebuilds a document's filter terms, values and data for record `rec`,
// keeping its text terms (and its stored merge provenance).
Xapian::Document WithRecord(const Xapian::Document& x, const Document& rec);

// Boolean term for a source path (hashed when too long for a term).
std::string SourceTerm(const std::string& path);
// Metadata key of a source path's manifest entry.
std::string ManifestKey(const std::string& path);

}  // namespace lodestone::internal

#endif  // LODESTONE_INDEX_SRC_XAPIAN_DOC_H_
