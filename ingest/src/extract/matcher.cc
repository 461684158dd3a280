#include "lodestone/ingest/matcher.h"

#include <algorithm>

namespace lodestone {

namespace {
std::string_view Surface(const Word& w, std::string_view text) { return text.substr(w.begin, w.end - w.begin); }

// The pattern word `p` matches word `w` as written or as a possessive
// ("China's", "China’s"): the rule both matchers share.
bool SameWord(std::string_view w, std::string_view p) {
  if (w == p) return true;
  if (w.size() == p.size() + 2 && w.substr(p.size()) == "'s") return w.substr(0, p.size()) == p;
  if (w.size() == p.size() + 4 && w.substr(p.size()) == "\xE2\x80\x99s") return w.substr(0, p.size()) == p;
  return false;
}

// Later patterns with the same words do not replace earlier ones: the first
// entity to claim a name keeps it (files are loaded in a fixed order).
bool Better(const PhraseMatch& candidate, const PhraseMatch& best) {
  return candidate.end_word > best.end_word;
}
}  // namespace

PatternSpec MakePattern(Analyzer& analyzer, const std::string& phrase, bool case_sensitive, uint32_t value) {
  PatternSpec p;
  p.case_sensitive = case_sensitive;
  p.value = value;
  for (const Word& w : analyzer.Words(phrase))
    p.words.push_back(case_sensitive ? phrase.substr(w.begin, w.end - w.begin) : w.term);
  return p;
}

void TrieMatcher::Add(const PatternSpec& p) {
  if (p.words.empty()) return;
  uint32_t node = 0;
  for (const auto& w : p.words) {
    auto& children = p.case_sensitive ? nodes_[node].cs : nodes_[node].ci;
    auto it = children.find(w);
    if (it == children.end()) {
      uint32_t next = static_cast<uint32_t>(nodes_.size());
      children.emplace(w, next);
      nodes_.emplace_back();  // may reallocate: `children` is not used after this
      node = next;
    } else {
      node = it->second;
    }
  }
  if (nodes_[node].value < 0) {
    nodes_[node].value = p.value;
    ++patterns_;
  }
}

void WordFilter::Add(std::string_view word) {
  const uint32_t s = Signature(word);
  bits_[s >> 6] |= uint64_t{1} << (s & 63);
}

void TrieMatcher::Build() {
  for (const auto& [k, v] : nodes_[0].ci) first_words_.Add(k);
  for (const auto& [k, v] : nodes_[0].cs) first_words_.Add(k);
  // unordered_map nodes never move, so views of their keys stay valid.
  for (Node& n : nodes_) {
    n.ci_view.clear();
    n.cs_view.clear();
    for (const auto& [k, v] : n.ci) n.ci_view.emplace(k, v);
    for (const auto& [k, v] : n.cs) n.cs_view.emplace(k, v);
  }
}

void TrieMatcher::Walk(uint32_t node, const std::vector<Word>& words, std::string_view text, uint32_t at,
                       uint32_t start, PhraseMatch* best) const {
  const Node& n = nodes_[node];
  if (n.value >= 0 && at > start) {
    PhraseMatch m{start, at, static_cast<uint32_t>(n.value)};
    if (best->end_word == 0 || Better(m, *best)) *best = m;
  }
  if (at >= words.size()) return;
  // A possessive is its word: "China's" names China (ICU keeps it as one word).
  auto try_key = [&](const std::unordered_map<std::string_view, uint32_t>& m, std::string_view key) {
    auto it = m.find(key);
    if (it == m.end()) {
      if (key.size() > 2 && key.substr(key.size() - 2) == "'s") it = m.find(key.substr(0, key.size() - 2));
      else if (key.size() > 4 && key.substr(key.size() - 4) == "\xE2\x80\x99s") it = m.find(key.substr(0, key.size() - 4));
    }
    if (it != m.end()) Walk(it->second, words, text, at + 1, start, best);
  };
  if (!n.ci_view.empty()) try_key(n.ci_view, words[at].term);
  if (!n.cs_view.empty()) try_key(n.cs_view, Surface(words[at], text));
}

namespace {
// Leftmost-longest, non-overlapping: take the longest match starting at the
// current word (longest_at fills it, or leaves end_word 0), jump past it.
template <typename LongestAt>
std::vector<PhraseMatch> LeftmostLongest(size_t n, LongestAt longest_at) {
  std::vector<PhraseMatch> out;
  uint32_t i = 0;
  while (i < n) {
    PhraseMatch best{0, 0, 0};
    longest_at(i, &best);
    if (best.end_word > i) {
      out.push_back(best);
      i = best.end_word;
    } else {
      ++i;
    }
  }
  return out;
}
}  // namespace

namespace {
// The word without a possessive ending ("China's", "China’s" -> "China").
std::string_view WithoutPossessive(std::string_view w) {
  if (w.size() > 2 && w.substr(w.size() - 2) == "'s") return w.substr(0, w.size() - 2);
  if (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s") return w.substr(0, w.size() - 4);
  return w;
}
}  // namespace

std::vector<PhraseMatch> TrieMatcher::Match(const std::vector<Word>& words, std::string_view text) const {
  // A word that is no first word of a pattern (as normalised, as written, or
  // without a possessive) starts no match: skip the walk and its look-ups.
  auto may_start = [&](const Word& w) {
    const std::string_view term = w.term, surface = Surface(w, text);
    if (first_words_.MayContain(term) || first_words_.MayContain(surface)) return true;
    return term.size() > 2 && term.back() == 's' &&
           (first_words_.MayContain(WithoutPossessive(term)) || first_words_.MayContain(WithoutPossessive(surface)));
  };
  return LeftmostLongest(words.size(), [&](uint32_t i, PhraseMatch* best) {
    if (may_start(words[i])) Walk(0, words, text, i, i, best);
  });
}

std::vector<PhraseMatch> NaiveMatcher::Match(const std::vector<Word>& words, std::string_view text) const {
  return LeftmostLongest(words.size(), [&](uint32_t i, PhraseMatch* best) {
    for (const auto& p : patterns_) {
      if (p.words.empty() || i + p.words.size() > words.size()) continue;
      bool ok = true;
      for (size_t k = 0; k < p.words.size() && ok; ++k)
        ok = SameWord(p.case_sensitive ? Surface(words[i + k], text) : std::string_view(words[i + k].term), p.words[k]);
      if (!ok) continue;
      PhraseMatch m{i, static_cast<uint32_t>(i + p.words.size()), p.value};
      if (best->end_word == 0 || Better(m, *best)) *best = m;
    }
  });
}

}  // namespace lodestone
