// Bibliographic exports of documents (papers, and the laws and orders they
// cite): BibTeX, RIS and CSL-JSON, for reference managers and bibliometrix.
// Thread-safety: pure functions.
#ifndef LODESTONE_QUERY_BIB_EXPORT_H_
#define LODESTONE_QUERY_BIB_EXPORT_H_

#include <ostream>
#include <string>
#include <vector>

#include "lodestone/index/document.h"

namespace lodestone {

struct PersonName {
  std::string family, given;  // given may be initials; family alone for institutions
};
// "Li, Haoqi" / "ALHO JM" / "J. M. Alho" / "Chao A" -> family + given.
PersonName SplitName(const std::string& author);

// One entry per document; keys are unique (surname + year + first title word, then a, b, …).
void WriteBibtex(const std::vector<Document>& docs, std::ostream& out);
void WriteRis(const std::vector<Document>& docs, std::ostream& out);
void WriteCslJson(const std::vector<Document>& docs, std::ostream& out);

}  // namespace lodestone

#endif  // LODESTONE_QUERY_BIB_EXPORT_H_
