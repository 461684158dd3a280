// BibTeX syntax: entries, fields, @string macros, "and"-lists of names.
// Private. Thread-safety: pure.
#ifndef LODESTONE_INGEST_SRC_FORMATS_BIBTEX_H_
#define LODESTONE_INGEST_SRC_FORMATS_BIBTEX_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lodestone/index/status.h"

namespace lodestone::internal {

struct BibEntry {
  std::string type;  // lowercased
  std::string key;
  std::map<std::string, std::string> fields;  // lowercased names; raw values (braces kept inside)
};

// The entries of a BibTeX file in order: @type{key, name = value, ...} or
// with parentheses; values in braces, quotes, numbers, @string macros and #
// concatenations (raw: braces inside a value are kept); @comment and
// @preamble skipped; a malformed entry is skipped up to the next '@'. An
// error (naming the limit) when macros expand past kMaxBibMacroExpansion.
Result<std::vector<BibEntry>> ParseBibtex(std::string_view s);

// Splits a BibTeX name list: "A and B and C" (the word "and" at brace depth 0).
std::vector<std::string> SplitBibAnd(std::string_view s);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_FORMATS_BIBTEX_H_
