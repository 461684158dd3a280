// Analyser: ICU word segmentation and normalisation of UTF-8 text.
//
// Sits between the readers and the index writer in the ingest pipeline, and
// is also used by the query layer, so that queries and snippets see words
// exactly as they were indexed. Words come from ICU's word BreakIterator,
// which segments Chinese and Japanese with its dictionary (稀土, 出口管制),
// and are normalised with NFKC case folding; curly apostrophes become
// straight ones and dotted acronyms lose their dots (U.S.C. -> usc), as
// Xapian's query parser does. Latin-script words are marked for English
// stemming. Thread-safety: an Analyzer is not thread-safe; use one per
// thread (construction is cheap).
#ifndef LODESTONE_INGEST_ANALYZER_H_
#define LODESTONE_INGEST_ANALYZER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lodestone/index/document.h"

namespace lodestone {

// A word with its byte range in the analysed text.
struct Word {
  size_t begin = 0;
  size_t end = 0;
  std::string term;  // normalised
  bool stem = false;
  bool cjk = false;
};

class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Appends the words of `text` to `out` as Tokens numbered from *position,
  // which is advanced. Invalid UTF-8 is tolerated (ICU substitutes).
  void Tokenize(std::string_view text, uint32_t* position, std::vector<Token>* out);

  // The words of `text` with byte offsets (for extraction, snippets and
  // highlighting).
  std::vector<Word> Words(std::string_view text);

  // Rewrites a query so that Xapian's parser sees CJK text as the words the
  // index holds: an unquoted run of several CJK words becomes a phrase
  // ("出口管制" -> "\"出口 管制\""), a quoted one gets spaces between words.
  std::string SegmentQuery(const std::string& query);

  // Normalises one word (NFKC case fold, apostrophes, acronym dots).
  std::string Normalize(std::string_view word);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The index tokens of words Analyzer::Words found, numbered from *position
// (advanced): the same tokens Tokenize gives for their text, so that a text
// segmented once for extraction is not segmented again for the index.
void AppendTokens(const std::vector<Word>& words, uint32_t* position, std::vector<Token>* out);

// A reference implementation of word splitting for ASCII text only
// (split on anything that is not a letter or digit, lower-case), used by
// tests to cross-check the ICU analyser on English.
std::vector<std::string> SimpleAsciiWords(std::string_view text);

}  // namespace lodestone

#endif  // LODESTONE_INGEST_ANALYZER_H_
