// Ids of scholarly works, shared by the paper readers (JSON Lines, CSL-JSON,
// Crossref, OpenAlex, PDF). Private.
//
// The contract (../shared/DESIGN.md): a paper's id is "doi:" + its
// lowercased DOI when known, else the source's own id (s2:, openalex:W…,
// csl:, pmid:, arxiv:); every other id it is known by goes to aliases, so
// that a reference carrying any of them resolves to it.
#ifndef LODESTONE_INGEST_SRC_READERS_PAPER_IDS_H_
#define LODESTONE_INGEST_SRC_READERS_PAPER_IDS_H_

#include <string>
#include <string_view>

#include "lodestone/index/document.h"

namespace lodestone::internal {

// "https://doi.org/10.1000/ABC", "doi:10.1000/abc", " 10.1000/Abc " ->
// "10.1000/abc"; "" when what remains does not start with "10.".
std::string NormalizeDoi(std::string_view s);

// The first DOI in running text (10.NNNN/… up to a space, trailing
// punctuation and an unbalanced closing bracket dropped), normalised; ""
// when none. *at (if given) receives its byte offset.
std::string FindDoi(std::string_view text, size_t* at = nullptr);

// Adds `id` to doc->aliases unless it is empty, the document's id or
// already there.
void AddAlias(Document* doc, const std::string& id);

// Sets doc->id from the DOI when there is one (and meta "doi"), else from
// `own_id`; the one not used becomes an alias.
void SetPaperId(Document* doc, const std::string& doi, const std::string& own_id);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_READERS_PAPER_IDS_H_
