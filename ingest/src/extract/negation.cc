#include "extract/negation.h"

#include <algorithm>
#include <string>
#include <utility>
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

// Chinese (issue 16): a verb of naming right after a negation — 没有点名,
// 未提及, 不包括, 未列入, 并未具体列出 — opens a scope to the clause's end
// (。；？！ or a line break) or a turn (但, 而是, 只, 仅): "本文没有点名任何矿种，
// 如稀土、镓" names neither. "不仅包括" (not only) is no negation: 仅 is not
// an adverb the verb may follow.
constexpr std::string_view kZhNegators[] = {"并未", "从未", "尚未", "没有", "并不", "从不", "未", "没", "不", "无"};
constexpr std::string_view kZhAdverbs[] = {"具体", "明确", "直接", "专门", "一一"};
constexpr std::string_view kZhNamingVerbs[] = {"点名", "提及", "提到", "列出", "列入", "列明", "包括", "包含",
                                              "涉及", "指明", "写明", "谈及", "载明", "点出", "述及"};
constexpr std::string_view kZhScopeEnds[] = {"。", "；", "？", "！", "\n", "但", "而是", "只", "仅"};

bool EndsWith(std::string_view text, size_t end, std::string_view s) {
  return end >= s.size() && text.compare(end - s.size(), s.size(), s) == 0;
}

// Byte ranges [begin, end) of the Chinese scopes in `text`.
std::vector<std::pair<size_t, size_t>> ChineseScopes(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> out;
  for (std::string_view verb : kZhNamingVerbs)
    for (size_t at = text.find(verb); at != std::string_view::npos; at = text.find(verb, at + verb.size())) {
      size_t before = at;
      for (std::string_view adv : kZhAdverbs)
        if (EndsWith(text, before, adv)) {
          before -= adv.size();
          break;
        }
      bool negated = false;
      for (std::string_view neg : kZhNegators)
        if (EndsWith(text, before, neg)) negated = true;
      if (!negated) continue;
      size_t from = at + verb.size(), to = text.size();
      for (std::string_view e : kZhScopeEnds) to = std::min(to, std::min(text.size(), text.find(e, from)));
      if (to > from) out.push_back({from, to});
    }
  return out;
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
  // Chinese scopes, where the text has Chinese at all.
  if (std::any_of(w.begin(), w.end(), [](const Word& x) { return x.cjk; }))
    for (const auto& [from, to] : ChineseScopes(text)) {
      auto it = std::lower_bound(w.begin(), w.end(), from, [](const Word& x, size_t off) { return x.begin < off; });
      for (; it != w.end() && it->begin < to; ++it) out[static_cast<size_t>(it - w.begin())] = 1;
    }
  return out;
}

}  // namespace lodestone::internal
