// Which words of a text revoke, amend or supersede, and whether the document
// itself does it. Private to the extractor (extract.cc).
//
// Only operative language whose agent is the document counts: "Executive
// Order 12919 ... is hereby revoked", "are revoked", "is amended by", "is
// hereby amended to read", "are hereby superseded", "I hereby revoke ...",
// "This order supersedes ...". Narrative does not: "Executive Order 13716,
// which revoked Executive Orders 13574 ...", "was revoked", "the President
// amended Executive Order 13761", "would be revoked"; nor do nouns ("the
// amendment of permits under Executive Order 12002", "the revocation of"),
// the qualifier "as amended", instructions to others ("agencies shall revoke
// any rules implementing Executive Order 12836") or negated verbs ("nothing
// in this order revokes").
#ifndef LODESTONE_INGEST_SRC_EXTRACT_RELATION_VERBS_H_
#define LODESTONE_INGEST_SRC_EXTRACT_RELATION_VERBS_H_

#include <cstdint>
#include <vector>

#include "lodestone/ingest/analyzer.h"

namespace lodestone::internal {

enum class RelationAction : uint8_t { kNone = 0, kRevoke = 1, kAmend = 2, kSupersede = 3 };

enum class VerbForm : uint8_t {
  kNone,              // not a revoke/amend/supersede word
  kPassiveOperative,  // "is (hereby) revoked", "are amended": its subject is acted on
  kActiveOperative,   // "I hereby revoke", "this order supersedes": its object is acted on
  kPassiveNarrative,  // "was revoked", "had been amended", "would be revoked"
  kActiveNarrative,   // "which revoked Executive Order ...", "amended Executive Order ..."
  kQualifier,         // "as amended": says which text of a citation is meant
  kNoun,              // "the amendments it made to", "revocation of", gerunds
  kInstruction,       // "agencies shall revoke", "to amend", negated verbs: no act of this document
};

struct RelationVerb {
  RelationAction action = RelationAction::kNone;
  VerbForm form = VerbForm::kNone;
};

// One entry per word; `sentence` is the sentence number of each word.
std::vector<RelationVerb> ClassifyRelationVerbs(const std::vector<Word>& words, const std::vector<uint32_t>& sentence);

// The action named by a title's wording before a cited order: "Revocation of
// Executive Orders 13574 ...", "Amending Executive Order 14241", "Further
// Amendment of Executive Order 11858", "Superseding ...". A document's title
// names what the document does, so nouns count there. `word` is the index of
// the order's number in `title_words`.
RelationAction TitleAction(const std::vector<Word>& title_words, size_t word);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_EXTRACT_RELATION_VERBS_H_
