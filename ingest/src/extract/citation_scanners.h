// The citation scanners of extraction's FindCitations stage (extractor.cc):
// Executive Orders, public laws, the U.S. Code, the C.F.R., the Federal
// Register, the Statutes at Large, bills and presidential determinations,
// read from a document's analysed words (the pipeline segments each text
// once: DocumentWords). Named acts come from the knowledge base, DOIs from
// formats/doi.h, U.S. instruments cited in Chinese from cross_language.h.
// Private to ingest. Thread-safety: pure functions.
#ifndef LODESTONE_INGEST_SRC_EXTRACT_CITATION_SCANNERS_H_
#define LODESTONE_INGEST_SRC_EXTRACT_CITATION_SCANNERS_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lodestone/ingest/analyzer.h"

namespace lodestone::internal {

// 1 for every word the scanners (and the relation stage's "shall"/"direct")
// look for, 0 for the others: words are marked once, so that the scanners
// reject the other 95% of words without comparing strings.
std::vector<uint8_t> MarkKeywords(const std::vector<Word>& words);

// The words a scanner reads and what it must know of their document.
struct CitationScan {
  const std::vector<Word>& w;
  std::string_view text;
  const std::string& own_id;
  int congress;       // for bills, from the document's date (CongressOf)
  std::string own_usc_title;  // for "section 1604 of this title" (OwnUscTitle)
  std::vector<uint8_t> kw;    // MarkKeywords(w)

  bool Is(size_t i, const char* word) const { return i < w.size() && kw[i] && w[i].term == word; }

  const std::string& T(size_t i) const {
    static const std::string kEmpty;
    return i < w.size() ? w[i].term : kEmpty;
  }
  std::string_view S(size_t i) const {
    return i < w.size() ? text.substr(w[i].begin, w[i].end - w[i].begin) : std::string_view();
  }
};

// A cited id (eo:13603, pl:117-169, usc:30/1606, cfr:..., fr:..., stat:...,
// bill:..., pd:...) and the word it stands at.
struct FoundCitation {
  std::string id;
  size_t word;
};

// Every scanner, in this order: orders, public laws, the Code, the
// Register and the Statutes, bills and determinations.
std::vector<FoundCitation> ScanCitations(const CitationScan& s);
// Executive Orders alone (a title's "Revocation of Executive Orders ...").
void ScanExecutiveOrders(const CitationScan& s, std::vector<FoundCitation>* out);

// The Congress in session on a YYYY-MM-DD date (a Congress starts on
// January 3 of an odd year); 0 when the date has no year or is before 1789.
int CongressOf(const std::string& date);
// The U.S. Code title a document belongs to: from its id (usc:30/1606) or,
// for excerpts of the Code with other ids, from meta "usc_title"; "" when none.
std::string OwnUscTitle(const std::string& id, const std::map<std::string, std::string>& meta = {});

// A word of digits with thousands commas ("13,224"; not ",5").
bool IsNumber(const std::string& t);
// A month's name or abbreviation (formats/dates.h MonthNumber).
bool IsMonthWord(const std::string& t);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_EXTRACT_CITATION_SCANNERS_H_
