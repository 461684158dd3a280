// Synonyms from the knowledge base, for the index's synonym table.
//
// Every name of an entity (its name, aliases, acronyms and Chinese names)
// becomes a key that expands to the entity's extraction term (XE + id; for
// named acts XC + id, as they are citations). A query for "REE", "rare
// earths" or "稀土" then also finds the documents in which extraction found
// rare earth elements under any of their names, with the care extraction
// takes (case-sensitive acronyms, not_in phrases), rather than every
// document containing some alias's words.
//
// Names that would cost precision are left out:
//  * a name that contains another name of the same entity ("lithium
//    carbonate", "heavy rare earths", 重稀土) is a narrower thing, not
//    another name: a query for it must not find every lithium document;
//  * case-sensitive forms that are not acronyms ("Turkey", "America",
//    "Obama") would lose their case in the query parser and become ordinary
//    words; acronyms of at least three letters stay ("PRC", "DPA");
//  * the plain name of an ambiguous entity ("Georgia"), one- and two-letter
//    keys ("US"), and people (names are short surnames).
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
