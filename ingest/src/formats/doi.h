// DOIs: the one normal form of the id contract (doi:<lowercased DOI>) and
// finding DOIs in running text. Shared by the paper readers and the
// citation scanner. Private. Thread-safety: pure functions.
#ifndef LODESTONE_INGEST_SRC_FORMATS_DOI_H_
#define LODESTONE_INGEST_SRC_FORMATS_DOI_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lodestone::internal {

// A DOI field as records write it, in its normal form: trimmed, without a
// resolver URL or "doi:"/"DOI " prefix (also repeated: "DOI doi:10.…"),
// without the blanks exports insert ("10.1371/journal.pbio. 1001425"),
// lowercased. "" when what remains does not look like a DOI ("10.", a
// registrant, '/', at least six characters).
std::string NormalizeDoi(std::string_view field);

// The first DOI in running text (10.NNNN/… up to a blank, a quote or an
// angle bracket; not the tail of a longer number such as "210.5"), with
// sentence punctuation after it dropped and a closing bracket kept only when
// the DOI opened one ("10.1016/S0959-8049(16)61519-8"); lowercased. "" when
// none. *at (if given) gets its byte offset.
std::string FindDoi(std::string_view text, size_t* at = nullptr);

// Every DOI in the text, as FindDoi finds them, with their offsets.
std::vector<std::pair<std::string, size_t>> FindDois(std::string_view text);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_FORMATS_DOI_H_
