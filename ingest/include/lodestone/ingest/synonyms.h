// Synonyms from the knowledge base, for the index's synonym table.
//
// Every name of a mineral (its name, aliases, acronyms and Chinese names)
// becomes a key that expands to the mineral's extraction term (XE + id). A
// query for "REE", "rare earths" or "稀土" then also finds the documents in
// which extraction found rare earth elements under any of their names, with
// the care extraction takes (case-sensitive acronyms, not_in phrases),
// rather than every document containing some alias's words.
//
// Only minerals: measured on the topical queries of tests/eval, expanding
// the names of concepts and acts costs precision (a query for "critical
// minerals list" expands to every document naming critical materials or
// strategic minerals in any phrasing; "Defense Production Act" to every
// document citing it), and countries and agencies gain nothing over their
// words. Minerals cost nothing measurable and bring in the acronyms and the
// Chinese names that plain words cannot (REE, PGM, 稀土, 锂).
//
// Names that would cost precision are left out too:
//  * a name that contains another name of the same mineral ("lithium
//    carbonate", "heavy rare earths", 重稀土) is a narrower thing, not
//    another name: a query for it must not find every lithium document
//    (the entity's own name stays: "rare earth elements");
//  * case-sensitive forms that are not acronyms ("Li-ion") would lose
//    their case in the query parser; acronyms of at least three letters
//    stay ("REE", "PGMs");
//  * the plain name of an ambiguous entity, and one- and two-letter keys.
// Runs once per ingest; thread-safety: pure function (the analyser is the
// caller's).
#ifndef LODESTONE_INGEST_SYNONYMS_H_
#define LODESTONE_INGEST_SYNONYMS_H_

#include "lodestone/index/writer.h"
#include "lodestone/ingest/analyzer.h"
#include "lodestone/ingest/kb.h"

namespace lodestone {

SynonymTable SynonymsFromKnowledgeBase(const KnowledgeBase& kb, Analyzer& analyzer);

}  // namespace lodestone

#endif  // LODESTONE_INGEST_SYNONYMS_H_
