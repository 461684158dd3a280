// Matching keys for papers and the references that cite them.
//
// A reference is resolved to a paper of the corpus by DOI, by another id
// (s2:, pmid:, openalex:, wos:), or by exact equality of normalised keys:
//   avp:<first-author surname>|<year>|<volume>|<first page>
//   aty:<first-author surname>|<year>|<first six content words of the title>
// Both sides (the paper's own record, each reference) make keys with the
// same functions, so a Web of Science "ALHO JM, 1990, BIOMETRICS, V46, P623"
// meets the record "Alho, J. M." 1990 vol. 46 p. 623-630. Exact keys favour
// precision; the normalisation (ASCII folding, particles, initials, page
// ranges, V/P prefixes) is what buys recall. Thread-safety: pure functions.
#ifndef LODESTONE_INDEX_PAPER_KEYS_H_
#define LODESTONE_INDEX_PAPER_KEYS_H_

#include <string>
#include <vector>

#include "lodestone/index/document.h"

namespace lodestone {

// "Alho, J. M.", "ALHO JM", "J. M. Alho", "de Valpine P", "Müller-Lüdenscheidt, K."
// -> "alho", "alho", "alho", "devalpine", "mullerludenscheidt". "" when none.
std::string SurnameKey(const std::string& author);

// Lowercase ASCII letters and digits of the first `max_words` content words.
std::string TitleKey(const std::string& title, size_t max_words = 6);

// "V46" -> "46", "P623-630" -> "623", "e0123456" -> "e0123456", "" stays "".
std::string VolumeKey(const std::string& v);
std::string PageKey(const std::string& p);

// The first DOI printed in a text ("… eLife 1 e00007 10.7554/eLife.00007"),
// lowercased, trailing punctuation dropped; "" when none.
std::string DoiInText(const std::string& text);

// Keys of a reference and of a paper (document). A paper with both a first
// page and an article number gets a key for each.
std::vector<std::string> ReferenceKeys(const Reference& r);
std::vector<std::string> PaperKeys(const Document& d);

// One reference packed into one index term (ids first, then keys), space
// separated: "doi:10.2307/2532083 avp:alho|1990|46|623". Empty when the
// reference has nothing to resolve it by.
std::string PackReference(const Reference& r);
struct UnpackedReference {
  std::vector<std::string> ids;   // doi:…, s2:…, eo:…
  std::vector<std::string> keys;  // avp:…, aty:…
};
UnpackedReference UnpackReference(const std::string& packed);

}  // namespace lodestone

#endif  // LODESTONE_INDEX_PAPER_KEYS_H_
