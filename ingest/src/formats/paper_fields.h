// Fields of paper records that several readers print the same way: keyword
// lists, the authors' addresses, page ranges, and the text made of them.
// Readers keep them as printed (no knowledge-base matching, no case
// folding); analyses fold them later
// (lodestone/ingest/fold.h). Private to ingest/. Thread-safety: pure
// functions.
#ifndef LODESTONE_INGEST_SRC_FORMATS_PAPER_FIELDS_H_
#define LODESTONE_INGEST_SRC_FORMATS_PAPER_FIELDS_H_

#include <string>
#include <string_view>
#include <vector>

#include "lodestone/index/document.h"

namespace lodestone::internal {

// "capture-recapture; newts; ribbons;" -> 3 keywords; a list without ';'
// is split on ',' when `comma_too` (BibTeX's convention), else kept whole.
// Items are trimmed; empty ones are dropped.
std::vector<std::string> SplitKeywordList(std::string_view s, bool comma_too = false);

// A Web of Science C1 line: "[Li, Haoqi; Li, Yuan] Guangzhou Univ, Sch Econ &
// Stat, Guangzhou 510006, Guangdong, Peoples R China." -> authors as listed,
// organization "Guangzhou Univ" (the first part, VOSviewer's reading),
// country "Peoples R China" ("Washington, DC 20052 USA" -> "USA").
Affiliation ParseWosAddress(std::string_view line);

// An address that starts with the department (Scopus, RIS AD, BibTeX
// affiliation): "Department of Statistics, University of Naples Federico II,
// Naples, Italy" -> country "Italy", organization the address without its
// country (VOSviewer reads Scopus affiliations whole in the same way).
Affiliation ParseFreeAddress(std::string_view address);

// The first page of "1339-1351", "e1221-e1234", "1339--1351", "12, 14".
std::string FirstPage(std::string_view pages);

// A paper's text as the index keeps it: title, abstract, "Keywords: ..."
// (so that search finds them), blank lines between.
std::string PaperText(const std::string& title, const std::string& abstract, const std::string& keywords);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_FORMATS_PAPER_FIELDS_H_
