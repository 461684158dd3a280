// Snippets: the passage of a document that best matches a query, with the
// matched words marked.
//
// Runs at query time on the stored text, with the same analyser that built
// the index, so that CJK words, stems and normalised forms match exactly as
// they did in the search. Thread-safety: uses the Analyzer passed in.
#ifndef LODESTONE_QUERY_SNIPPET_H_
#define LODESTONE_QUERY_SNIPPET_H_

#include <string>
#include <vector>

#include "lodestone/ingest/analyzer.h"

namespace lodestone {

struct SnippetOptions {
  size_t window_words = 32;   // words in the passage
  std::string mark_start = "<mark>";
  std::string mark_end = "</mark>";
  // Analyse the whole text instead of the neighbourhood of the matches: the
  // slow reference the fast path is checked against (tests, bench/).
  bool whole_text = false;
};

// The window of `text` with the most distinct query words (by exact word or
// English stem), whitespace collapsed, matches wrapped in the marks, "…" at
// cut ends. Without any match: the opening words.
//
// Cost follows the matches, not the document: the query's surface forms are
// found by a byte search (ASCII case folded), and only the text around them
// (enough for a window on each side) is word-broken, normalised and stemmed.
// A match the byte search cannot see (a form changed by NFKC, such as
// full-width letters, or by a stemming exception, dying -> die) is not
// marked unless another form brings its neighbourhood in.
std::string MakeSnippet(const std::string& text, const std::vector<std::string>& words,
                        const std::vector<std::string>& stems, Analyzer& analyzer,
                        const SnippetOptions& options = {});

}  // namespace lodestone

#endif  // LODESTONE_QUERY_SNIPPET_H_
