// Printed reference lists in running text (a PDF's text layer, a Crossref
// "unstructured" string): where the list is, where each entry starts, and
// the DOI, year, title and authors of an entry. Heuristic and best effort:
// a field that cannot be found with confidence is left empty, never guessed
// from the wrong part of the entry. Private.
#ifndef LODESTONE_INGEST_SRC_FORMATS_PRINTED_REFERENCES_H_
#define LODESTONE_INGEST_SRC_FORMATS_PRINTED_REFERENCES_H_

#include <string>
#include <string_view>
#include <vector>

#include "lodestone/index/document.h"

namespace lodestone::internal {

// The byte range [begin, end) of the reference list: the lines after the
// last heading line "References", "Bibliography", "Literature Cited" (also
// numbered, "7. References", or upper case), up to an appendix or
// supplementary-material heading. begin == end when there is none.
struct TextRange {
  size_t begin = 0;
  size_t end = 0;
};
TextRange FindReferenceSection(std::string_view text);

// Splits a reference list into entries: at "[n]" labels, at sequential
// "n." numbers, else at blank lines and at lines that start with an author
// ("Smith, J.", "Smith AB", "J. Smith") right after a line that ends an entry
// (a period, a DOI or a URL). Each entry is parsed by ParsePrintedReference.
std::vector<Reference> SplitReferences(std::string_view section);

// One printed entry (lines already joined or not): label ("[3]" -> "3"),
// text (whitespace collapsed, label removed), DOI, year (the first
// 19xx/20xx outside a DOI or URL, a parenthesised one first), title (a
// quoted title, else the sentence after an early year: "Doe, J. (2018).
// Title. Journal…") and authors (the part before that year or quote).
Reference ParsePrintedReference(std::string_view entry);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_FORMATS_PRINTED_REFERENCES_H_
