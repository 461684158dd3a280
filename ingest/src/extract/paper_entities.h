// A paper's keywords, organisations and funders as entities (issue 15):
// keyword:<folded keyword>, org:<folded organisation>, fund:<funder>[/<grant>].
// Keywords and organisations come from the reader's fields (Document::
// keywords, index_keywords, affiliations), folded as the bibliometric
// analyses fold them (lodestone/ingest/fold.h: full-width and half-width
// forms one, Latin case ignored, separators at the ends dropped) with blanks
// written '-': "Capture-Recapture;" and "capture recapture" are both
// keyword:capture-recapture, "稀土；" is keyword:稀土. Funders come from the text
// and the record's fund field (extract/funding.h). Private to ingest/.
// Thread-safety: pure.
#ifndef LODESTONE_INGEST_SRC_EXTRACT_PAPER_ENTITIES_H_
#define LODESTONE_INGEST_SRC_EXTRACT_PAPER_ENTITIES_H_

#include <string>
#include <string_view>

#include "lodestone/index/document.h"

namespace lodestone::internal {

// "keyword:" + the key of a printed label ("" when it folds to nothing).
std::string LabelId(std::string_view type, std::string_view label);

// Appends the entities to doc->entities (papers only; other kinds are left
// as they are). Offsets point at the label in the text where it is there.
void AddPaperEntities(Document* doc);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_EXTRACT_PAPER_ENTITIES_H_
