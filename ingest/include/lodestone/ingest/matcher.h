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

// A set of words that answers "certainly not here" for most words without
// hashing them: one bit per cheap signature (length and the bytes at both
// ends), so a false "maybe" costs one real look-up and a true "no" costs a
// few operations. Extraction asks it before every hash look-up of a word
// (most words of a text name nothing and are no keyword).
class WordFilter {
 public:
  void Add(std::string_view word);
  bool MayContain(std::string_view word) const {
    const uint32_t s = Signature(word);
    return (bits_[s >> 6] >> (s & 63)) & 1;
  }

 private:
  static constexpr uint32_t kBits = 1u << 18;
  static uint32_t Signature(std::string_view w) {
    const size_t n = w.size();
    auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(w[i])); };
    uint32_t h = static_cast<uint32_t>(n) * 0x9E3779B1u;
    if (n > 0) h ^= b(0) * 0x85EBCA77u ^ b(n - 1) * 0xC2B2AE3Du;
    if (n > 1) h ^= b(1) * 0x27D4EB2Fu ^ b(n - 2) * 0x165667B1u;
    if (n > 2) h ^= b(2) * 0xD3A2646Du ^ b(n / 2) * 0xFD7046C5u;
    h ^= h >> 15;
    h *= 0x2C1B3C6Du;
    h ^= h >> 13;
    return h & (kBits - 1);
  }
  std::vector<uint64_t> bits_ = std::vector<uint64_t>(kBits / 64, 0);
};

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
  WordFilter first_words_;  // the root's keys: most words start no pattern
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
