// Executive Order disposition tables (National Archives): detection, the
// layout of a block's lines and the reading of the orders a block names.
// Private.
//
// A table is a sequence of blocks:
//
//   Executive Order 12625
//   Integrity and Efficiency in Federal Programs
//
//       Signed: January 27, 1988
//       Federal Register page and date: 53 FR 2812; February 1, 1988
//       Revokes: EO 12301, March 26, 1981
//       Revoked by: EO 12805, May 11, 1992
//
// The reader (readers/eo_disposition.cc) makes one document per block; its
// text is the block with one paragraph per line, so that each line is a
// sentence of its own. ReadDispositionBlock reads the orders named in such a
// text, once, in the reader: the reader's citations and "metadata" relations
// are what the extractor (extract/) keeps for the block, so the relations
// are the same whether or not extraction runs (issue 10: one pass).
#ifndef LODESTONE_INGEST_SRC_EXTRACT_DISPOSITIONS_H_
#define LODESTONE_INGEST_SRC_EXTRACT_DISPOSITIONS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lodestone/index/document.h"

namespace lodestone::internal {

// True when `head` (the first bytes of a file) starts with an order's block:
// "Executive Order N", a title line, then an indented "Signed:" line.
bool LooksLikeDispositionTable(std::string_view head);

// The relation type of a disposition label ("Revoked in part by" ->
// kRevokedBy); nullopt for labels that relate nothing (See, Note, Continued
// by, ...) or that are unknown.
std::optional<RelationType> DispositionRelation(std::string_view label);

// The relations of the Federal Register's disposition notes (a record's
// meta "disposition_notes", "executive_order_notes"): "Revokes: EO 11423 of
// August 16, 1968; EO 13337, April 30, 2004", each EO after a label that
// relates (DispositionRelation), origin "metadata", offset kNoOffset; never
// the document's own id `own`.
void DispositionNoteRelations(const std::string& notes, const std::string& own, std::vector<RelationRef>* out);

struct DispositionRef {
  std::string id;        // eo:12301, eo:7261-A
  std::optional<RelationType> relation;  // kRevokes, kRevokedBy, ... or nullopt (cited only)
  size_t offset = 0;     // byte offset of the mention ("EO 12301") in the text
};

struct DispositionReading {
  std::vector<DispositionRef> refs;  // in text order, the own number left out
  // Byte ranges [begin, end) of the lines about the order's own publication
  // ("Signed:", "Federal Register page and date:"): what is cited there is
  // the order itself.
  std::vector<std::pair<size_t, size_t>> own_lines;
};

// Reads the text of one block (as the reader builds it). Orders under a
// relation label, outside parentheses and in an item's place ("Revokes: EO 1,
// May 2, 1933; EO 3 (which was revoked by EO 4)") get the label's relation
// (EO 1 and EO 3 here); every other numbered order is cited only (EO 4, and
// the orders of titles, See and Note lines). Orders of the "unnumbered
// series" are left out: their numbers are not Executive Order numbers.
DispositionReading ReadDispositionBlock(std::string_view text, const std::string& own_id);

// Whether byte `offset` of a block's text (as the reader builds it: heading
// and title, then one line per paragraph) is on a line about the order's own
// publication, where what is cited is the order itself (own_lines above).
bool OnOwnPublicationLine(std::string_view text, size_t offset);

// "Executive Order 7784-A" (a heading line, at most two leading blanks) ->
// "7784-A"; "" when the line is no heading.
std::string DispositionHeadingNumber(std::string_view line);

// The label at the start of a block's line ("Signed:", "Revoked by:", and
// the tables' typos); returns where the items after it start and sets
// *label (lower case, parenthesised parts dropped), npos when none.
size_t DispositionLineLabel(std::string_view line, std::string* label);

// "revoked_by", "amended_by", "superseded_by": what a later order did to this
// one. Such an item is a relation, never a citation by this order.
inline bool IsLaterOrderRelation(std::optional<RelationType> relation) { return relation && IsPassive(*relation); }

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_EXTRACT_DISPOSITIONS_H_
