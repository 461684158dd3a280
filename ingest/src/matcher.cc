#include "lodestone/ingest/matcher.h"

#include <algorithm>

namespace lodestone {

namespace {
std::string_view Surface(const Word& w, std::string_view text) { return text.substr(w.begin, w.end - w.begin); }

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

void TrieMatcher::Walk(uint32_t node, const std::vector<Word>& words, std::string_view text, uint32_t at,
                       uint32_t start, PhraseMatch* best) const {
  const Node& n = nodes_[node];
  if (n.value >= 0 && at > start) {
    PhraseMatch m{start, at, static_cast<uint32_t>(n.value)};
    if (best->end_word == 0 || Better(m, *best)) *best = m;
  }
  if (at >= words.size()) return;
  if (!n.ci.empty()) {
    auto it = n.ci.find(words[at].term);
    if (it != n.ci.end()) Walk(it->second, words, text, at + 1, start, best);
  }
  if (!n.cs.empty()) {
    // Most words are written in lower case, and then (for ASCII) the surface
    // is the normalised term: look that up without building a string.
    std::string_view surface = Surface(words[at], text);
    bool plain = surface.size() == words[at].term.size() &&
                 std::equal(surface.begin(), surface.end(), words[at].term.begin());
    auto it = plain ? n.cs.find(words[at].term) : n.cs.find(std::string(surface));
    if (it != n.cs.end()) Walk(it->second, words, text, at + 1, start, best);
  }
}

std::vector<PhraseMatch> TrieMatcher::Match(const std::vector<Word>& words, std::string_view text) const {
  std::vector<PhraseMatch> out;
  uint32_t i = 0;
  while (i < words.size()) {
    PhraseMatch best{0, 0, 0};
    Walk(0, words, text, i, i, &best);
    if (best.end_word > i) {
      out.push_back(best);
      i = best.end_word;
    } else {
      ++i;
    }
  }
  return out;
}

std::vector<PhraseMatch> NaiveMatcher::Match(const std::vector<Word>& words, std::string_view text) const {
  std::vector<PhraseMatch> out;
  uint32_t i = 0;
  while (i < words.size()) {
    PhraseMatch best{0, 0, 0};
    for (const auto& p : patterns_) {
      if (p.words.empty() || i + p.words.size() > words.size()) continue;
      bool ok = true;
      for (size_t k = 0; k < p.words.size() && ok; ++k)
        ok = p.case_sensitive ? Surface(words[i + k], text) == p.words[k] : words[i + k].term == p.words[k];
      if (!ok) continue;
      PhraseMatch m{i, static_cast<uint32_t>(i + p.words.size()), p.value};
      if (best.end_word == 0 || Better(m, best)) best = m;
    }
    if (best.end_word > i) {
      out.push_back(best);
      i = best.end_word;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace lodestone
