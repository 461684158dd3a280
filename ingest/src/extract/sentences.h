// Sentences of a document's analysed words: where each one starts, for
// the relation stage (a citation's verb is in its sentence) and the directs
// rule (an agency before a "shall" of the same sentence). SentenceAround
// (extract.h), the evidence sentence of a byte offset, is defined here too.
// Private to ingest. Thread-safety: pure functions.
#ifndef LODESTONE_INGEST_SRC_EXTRACT_SENTENCES_H_
#define LODESTONE_INGEST_SRC_EXTRACT_SENTENCES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "lodestone/ingest/analyzer.h"

namespace lodestone::internal {

// The bytes of `text` between word i-1 and word i ("" for the first word).
inline std::string_view GapBefore(const std::vector<Word>& w, std::string_view text, size_t i) {
  if (i == 0 || i >= w.size()) return {};
  return text.substr(w[i - 1].end, w[i].begin - w[i - 1].end);
}

// Sentence number of every word, counting up from 0: a new sentence starts
// after a blank line, after Chinese full stops, or after . ! ? when the next
// word starts with a capital and the word before the period is not an
// abbreviation ("Sec.", "No.", "U.S.").
std::vector<uint32_t> SentenceIds(const std::vector<Word>& words, std::string_view text);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_EXTRACT_SENTENCES_H_
