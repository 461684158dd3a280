#include "lodestone/query/snippet.h"

#include <algorithm>
#include <set>

#include "lodestone/index/writer.h"

namespace lodestone {

namespace {
void AppendFlat(std::string& out, std::string_view s) {
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
}
}  // namespace

std::string MakeSnippet(const std::string& text, const std::vector<std::string>& words,
                        const std::vector<std::string>& stems, Analyzer& analyzer, const SnippetOptions& opt) {
  std::vector<Word> ws = analyzer.Words(text);
  if (ws.empty()) return {};
  const std::set<std::string> wset(words.begin(), words.end()), sset(stems.begin(), stems.end());
  // match[i] = index of the matched query word (for "distinct"), or -1.
  std::vector<int> match(ws.size(), -1);
  std::vector<std::string> keys;
  for (size_t i = 0; i < ws.size(); ++i) {
    std::string key;
    if (wset.count(ws[i].term)) key = ws[i].term;
    else if (ws[i].stem && !sset.empty()) {
      std::string st = StemEnglish(ws[i].term);
      if (sset.count(st)) key = "Z" + st;
    }
    if (key.empty()) continue;
    auto it = std::find(keys.begin(), keys.end(), key);
    match[i] = static_cast<int>(it - keys.begin());
    if (it == keys.end()) keys.push_back(key);
  }
  // Slide a window; score = distinct matches * 100 + total matches.
  const size_t w = std::min(opt.window_words, ws.size());
  size_t best = 0;
  long best_score = -1;
  std::vector<int> count(keys.size(), 0);
  int distinct = 0, total = 0;
  for (size_t i = 0; i < ws.size(); ++i) {
    if (match[i] >= 0) {
      if (count[match[i]]++ == 0) ++distinct;
      ++total;
    }
    if (i >= w) {
      int m = match[i - w];
      if (m >= 0) {
        if (--count[m] == 0) --distinct;
        --total;
      }
    }
    if (i + 1 >= w) {
      long score = distinct * 100L + total;
      // Prefer a window that starts a little before the first match.
      if (score > best_score) {
        best_score = score;
        best = i + 1 - w;
      }
    }
  }
  if (best_score > 0) {
    // Shift so that the first match is not the first word.
    size_t first = best;
    while (first < best + w && match[first] < 0) ++first;
    size_t lead = std::min<size_t>(4, first);
    best = std::min(first - lead, ws.size() - w);
  }
  const size_t end = best + w;  // exclusive
  std::string out;
  if (best > 0) out += "… ";
  size_t cursor = ws[best].begin;
  for (size_t i = best; i < end; ++i) {
    AppendFlat(out, std::string_view(text).substr(cursor, ws[i].begin - cursor));
    std::string_view word = std::string_view(text).substr(ws[i].begin, ws[i].end - ws[i].begin);
    if (match[i] >= 0) {
      out += opt.mark_start;
      out += word;
      out += opt.mark_end;
    } else {
      out += word;
    }
    cursor = ws[i].end;
  }
  // Keep closing punctuation of the last word.
  size_t tail = cursor;
  while (tail < text.size() && tail < cursor + 2 && std::ispunct(static_cast<unsigned char>(text[tail]))) ++tail;
  AppendFlat(out, std::string_view(text).substr(cursor, tail - cursor));
  if (end < ws.size()) out += " …";
  return out;
}

}  // namespace lodestone
