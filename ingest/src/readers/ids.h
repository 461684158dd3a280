// The ids readers give documents (../shared/DESIGN.md, "Identifiers"). Private.
//
// A document whose own number is known takes it (eo:, pl:, usc:, …, set by
// its reader). A paper's id is "doi:" + its normalised DOI when known, else
// the source's own id (wos:, scopus:, s2:, openalex:W…, bib:, ris:, csl:,
// pmid:, arxiv:); every other id it is known by goes to aliases, so that a
// reference carrying any of them resolves to it. Anything else is doc: and 12
// hex digits of a hash of its stable key (<root folder>/<path below it>).
// Thread-safety: pure functions.
#ifndef LODESTONE_INGEST_SRC_READERS_IDS_H_
#define LODESTONE_INGEST_SRC_READERS_IDS_H_

#include <string>
#include <string_view>

#include "lodestone/index/document.h"

namespace lodestone::internal {

// doc:<12 hex digits of XXH3(key)>.
std::string HashId(const std::string& key);

// "Geothermal Steam Act of 1970" -> "geothermal-steam-act-of-1970": ASCII
// letters and digits, lower case, runs of anything else one '-'.
std::string Slug(std::string_view s);

// Adds `id` to doc->aliases unless it is empty, the document's id or
// already there.
void AddAlias(Document* doc, const std::string& id);

// Sets doc->id from the DOI when there is one (and meta "doi"), else from
// `own_id`; the one not used becomes an alias.
void SetPaperId(Document* doc, const std::string& doi, const std::string& own_id);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_READERS_IDS_H_
