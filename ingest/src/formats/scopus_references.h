// Scopus's printed references and ids, shared by its CSV and BibTeX exports.
// Two layouts of reference:
//   current: "Cheng M.; Xue Y.; Cui M., Title, Journal, 50, 4, pp. E128-E139, (2025)"
//   older:   "Billard, L., Diday, E., Title (2003) Journal, 98 (462), pp. 470-487"
// Private. Thread-safety: pure.
#ifndef LODESTONE_INGEST_SRC_FORMATS_SCOPUS_REFERENCES_H_
#define LODESTONE_INGEST_SRC_FORMATS_SCOPUS_REFERENCES_H_

#include <string>
#include <string_view>
#include <vector>

#include "lodestone/index/document.h"

namespace lodestone::internal {

// The references of a Scopus "References" field ("; "-separated), each
// parsed as far as its layout allows (authors, title, year, journal,
// volume, first page, a printed DOI).
std::vector<Reference> ParseScopusReferences(std::string_view all);

// "eid=2-s2.0-84993929598" in a Scopus link -> "2-s2.0-84993929598"; "" when none.
std::string EidFromUrl(std::string_view url);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_FORMATS_SCOPUS_REFERENCES_H_
