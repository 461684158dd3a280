#include "extract/negation.h"

#include <string>
#include <unordered_set>

namespace lodestone::internal {

namespace {

bool IsNamingVerb(const std::string& t) {
  static const std::unordered_set<std::string> k = {
      "name",    "names",    "named",    "naming",    "mention", "mentions", "mentioned", "mentioning",
      "include", "includes", "included", "including", "list",    "lists",    "listed",    "listing",
      "cite",    "cites",    "cited",    "citing",    "cover",   "covers",   "covered",   "covering",
      "refer",   "refers",   "referred", "identify",  "identifies", "identified"};
  return k.count(t) > 0;
}

// The verbs of "None of them mentions ...": a list's members named, not included.
bool IsMentionVerb(const std::string& t) {
  static const std::unordered_set<std::string> k = {"name", "names", "mention", "mentions", "list", "lists",
                                                    "cite", "cites", "refer", "refers"};
  return k.count(t) > 0;
}

// Length first: most words differ in length from the few this file looks for.
bool Is(const std::string& t, std::string_view s) { return t.size() == s.size() && t.compare(0, s.size(), s) == 0; }

bool EndsScope(const std::vector<Word>& w, std::string_view text, size_t i) {
  if (i == 0) return false;
  std::string_view gap = text.substr(w[i - 1].end, w[i].begin - w[i - 1].end);
  if (gap.find(';') != std::string_view::npos) return true;
  const std::string& t = w[i].term;
  return Is(t, "but") || Is(t, "except") || Is(t, "however") || Is(t, "only");
}

}  // namespace

std::vector<uint8_t> NegatedNamingScopes(const std::vector<Word>& w, std::string_view text,
                                         const std::vector<uint32_t>& sentence) {
  std::vector<uint8_t> out(w.size(), 0);
  for (size_t i = 0; i < w.size(); ++i) {
    if (w[i].cjk) continue;
    const std::string& t = w[i].term;
    // Cheap tests first: every trigger is one of four words, or a verb of
    // naming right before "no".
    const bool next_no = i + 1 < w.size() && Is(w[i + 1].term, "no");
    if (!(Is(t, "not") || Is(t, "never") || Is(t, "none") || Is(t, "without") || next_no)) continue;
    size_t start = 0;  // first word of the scope, 0 when no trigger here
    if ((Is(t, "not") || Is(t, "never")) && i + 1 < w.size()) {
      // "does not name", "did not mention", "never lists", "not even named"
      for (size_t j = i + 1; j < w.size() && j <= i + 2 && sentence[j] == sentence[i]; ++j)
        if (IsNamingVerb(w[j].term)) start = j + 1;
    } else if (next_no && IsNamingVerb(t) && sentence[i + 1] == sentence[i]) {
      start = i + 2;  // "names no mineral such as ..."
    } else if (Is(t, "none") && i + 1 < w.size() && Is(w[i + 1].term, "of")) {
      // "None of them mentions critical minerals"
      for (size_t j = i + 2; j < w.size() && j <= i + 7 && sentence[j] == sentence[i]; ++j)
        if (IsMentionVerb(w[j].term)) {
          start = j + 1;
          break;
        }
    } else if (Is(t, "without") && i + 1 < w.size() && IsNamingVerb(w[i + 1].term)) {
      start = i + 2;  // "without naming cobalt"
    }
    if (!start) continue;
    for (size_t j = start; j < w.size() && sentence[j] == sentence[i] && !EndsScope(w, text, j); ++j) out[j] = 1;
  }
  return out;
}

}  // namespace lodestone::internal
