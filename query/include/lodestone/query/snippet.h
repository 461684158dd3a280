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
};

// The window of `text` with the most distinct query words (by exact word or
// English stem), whitespace collapsed, matches wrapped in the marks, "…" at
// cut ends. Without any match: the opening words.
std::string MakeSnippet(const std::string& text, const std::vector<std::string>& words,
                        const std::vector<std::string>& stems, Analyzer& analyzer,
                        const SnippetOptions& options = {});

}  // namespace lodestone

#endif  // LODESTONE_QUERY_SNIPPET_H_
