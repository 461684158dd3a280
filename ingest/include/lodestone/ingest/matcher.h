// Phrase matcher over analysed words: finds knowledge-base names in text.
//
// Patterns are word sequences (analysed with the same Analyzer as the text,
// so Unicode boundaries, case folding and Chinese segmentation agree). A
// pattern is case-insensitive (compared on normalised words) or
// case-sensitive (compared on the words as written: "PRC", "Turkey").
// Matching is leftmost-longest and non-overlapping: "rare earth elements"
// wins over "rare earth", "Papua New Guinea" over "Guinea".
//
// TrieMatcher is the fast one (a trie over words, one walk per start
// position); NaiveMatcher tries every pattern everywhere and exists to check
// the trie against the same test table. Both are immutable after Build and
// safe to share between threads.
#ifndef LODESTONE_INGEST_MATCHER_H_
#define LODESTONE_INGEST_MATCHER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lodestone/ingest/analyzer.h"

namespace lodestone {

struct PatternSpec {
  std::vector<std::string> words;  // normalised words, or as written when case_sensitive
  bool case_sensitive = false;
  uint32_t value = 0;              // caller's payload (entity index and role)
};

struct PhraseMatch {
  uint32_t first_word = 0;  // index into the words
  uint32_t end_word = 0;    // one past the last
  uint32_t value = 0;
};

// Splits a name into matcher words with `analyzer` (case-sensitive patterns
// keep the words as written).
PatternSpec MakePattern(Analyzer& analyzer, const std::string& phrase, bool case_sensitive, uint32_t value);

class TrieMatcher {
 public:
  void Add(const PatternSpec& p);
  // Freezes the trie for matching (lookups by string_view, no allocation).
  // Call after the last Add and before Match.
  void Build();
  // Leftmost-longest, non-overlapping matches in `words` of `text`.
  std::vector<PhraseMatch> Match(const std::vector<Word>& words, std::string_view text) const;
  size_t size() const { return patterns_; }

 private:
  struct Node {
    std::unordered_map<std::string, uint32_t> ci, cs;  // word -> child node (owns the keys)
    std::unordered_map<std::string_view, uint32_t> ci_view, cs_view;  // the same, for lookups
    int64_t value = -1;                                 // pattern ending here
  };
  std::vector<Node> nodes_{1};
  size_t patterns_ = 0;
  void Walk(uint32_t node, const std::vector<Word>& words, std::string_view text, uint32_t at, uint32_t start,
            PhraseMatch* best) const;
};

class NaiveMatcher {
 public:
  void Add(const PatternSpec& p) { patterns_.push_back(p); }
  std::vector<PhraseMatch> Match(const std::vector<Word>& words, std::string_view text) const;

 private:
  std::vector<PatternSpec> patterns_;
};

}  // namespace lodestone

#endif  // LODESTONE_INGEST_MATCHER_H_
