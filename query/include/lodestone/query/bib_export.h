// Bibliographic exports of documents (papers, and the laws and orders they
// cite): BibTeX, RIS and CSL-JSON, for reference managers and bibliometrix;
// Web of Science plain text for CiteSpace, VOSviewer and bibliometrix.
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

// Web of Science plain text ("FN Clarivate Analytics Web of Science", "VR
// 1.0", one PT … ER record per paper, "EF"), UTF-8 with the BOM Web of
// Science writes, so that CiteSpace reads any selection, Chinese records
// included, as CiteSpace users convert CNKI data today (issue 15). Papers
// only: other documents are skipped (*skipped counts them). Fields: PT AU AF
// TI SO LA DT DE ID AB C1 CR NR TC PY VL IS BP EP AR DI J9 UT. AF holds the
// names exactly as the record does (Web of Science itself prints "Zhan
// Xiangjiang" and "Thinh Tien Vu" without a comma: no name is reordered).
// AU is the record's abbreviated form when it has one, else derived ("Li,
// Haoqi" -> "Li, H"; "Jane Doe" -> "Doe, J"); names with Chinese
// characters are written as given. CR lines
// are the printed Web of Science lines for Web of Science records and are
// composed ("Alho JM, 1990, BIOMETRICS, V46, P623, DOI 10.2307/2532083")
// for the others. UT is WOS:<accession> when known, else LODE:<id>, which
// lode's reader maps back to the id. No field is wrapped (a wrapped Chinese
// title would gain a space when read back).
void WriteWosPlainText(const std::vector<Document>& docs, std::ostream& out, size_t* skipped = nullptr);

}  // namespace lodestone

#endif  // LODESTONE_QUERY_BIB_EXPORT_H_
