#include "lodestone/query/snippet.h"

#include <algorithm>
#include <array>
#include <cstdint>
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

bool IsAsciiAlnum(unsigned char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
unsigned char AsciiLower(unsigned char c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

// Whether s holds anything that can be a word (a letter, digit or any
// non-ASCII character): tells whether words lie outside a region.
bool MayHoldWords(std::string_view s) {
  for (unsigned char c : s)
    if (IsAsciiAlnum(c) || c >= 0x80) return true;
  return false;
}

// The query's words and stems scored against words of the text.
class Matcher {
 public:
  Matcher(const std::vector<std::string>& words, const std::vector<std::string>& stems)
      : wset_(words.begin(), words.end()), sset_(stems.begin(), stems.end()) {}

  // The index (for "distinct") of the query word w matches, or -1.
  int Match(const Word& w) {
    std::string key;
    if (wset_.count(w.term)) key = w.term;
    else if (w.stem && !sset_.empty()) {
      std::string st = StemEnglish(w.term);
      if (sset_.count(st)) key = "Z" + st;
    }
    if (key.empty()) return -1;
    auto it = std::find(keys_.begin(), keys_.end(), key);
    if (it == keys_.end()) it = keys_.insert(keys_.end(), key);
    return static_cast<int>(it - keys_.begin());
  }
  size_t keys() const { return keys_.size(); }

 private:
  std::set<std::string> wset_, sset_;
  std::vector<std::string> keys_;
};

// Words of text[begin, end) with offsets into the whole text and their
// matches.
struct Region {
  size_t begin = 0, end = 0;
  std::vector<Word> ws;
  std::vector<int> match;
};

Region Analyse(const std::string& text, size_t begin, size_t end, Matcher& m, Analyzer& analyzer) {
  Region r;
  r.begin = begin;
  r.end = end;
  r.ws = analyzer.Words(std::string_view(text).substr(begin, end - begin));
  r.match.reserve(r.ws.size());
  for (Word& w : r.ws) {
    w.begin += begin;
    w.end += begin;
    r.match.push_back(m.Match(w));
  }
  return r;
}

struct Choice {
  long score = -1;
  size_t start = 0;  // word index in the region
};

// The first window of w words with the best score (distinct matches * 100 +
// total matches) in r.
Choice BestWindow(const Region& r, size_t w, size_t nkeys) {
  Choice c;
  std::vector<int> count(nkeys, 0);
  int distinct = 0, total = 0;
  for (size_t i = 0; i < r.ws.size(); ++i) {
    if (r.match[i] >= 0) {
      if (count[r.match[i]]++ == 0) ++distinct;
      ++total;
    }
    if (i >= w) {
      int m = r.match[i - w];
      if (m >= 0) {
        if (--count[m] == 0) --distinct;
        --total;
      }
    }
    if (i + 1 >= w) {
      long score = distinct * 100L + total;
      if (score > c.score) {
        c.score = score;
        c.start = i + 1 - w;
      }
    }
  }
  return c;
}

// The chosen window's start moved so that its first match is not its first
// word (up to four words of lead-in).
size_t LeadIn(const Region& r, const Choice& c, size_t w) {
  size_t first = c.start;
  while (first < c.start + w && r.match[first] < 0) ++first;
  size_t lead = std::min<size_t>(4, first);
  return std::min(first - lead, r.ws.size() - w);
}

// The passage of w words from word `best` of r, matches marked.
std::string Render(const std::string& text, const Region& r, size_t best, size_t w, bool cut_before, bool cut_after,
                   const SnippetOptions& opt) {
  const size_t end = best + w;  // exclusive
  std::string out;
  if (cut_before) out += "… ";
  size_t cursor = r.ws[best].begin;
  for (size_t i = best; i < end; ++i) {
    AppendFlat(out, std::string_view(text).substr(cursor, r.ws[i].begin - cursor));
    std::string_view word = std::string_view(text).substr(r.ws[i].begin, r.ws[i].end - r.ws[i].begin);
    if (r.match[i] >= 0) {
      out += opt.mark_start;
      out += word;
      out += opt.mark_end;
    } else {
      out += word;
    }
    cursor = r.ws[i].end;
  }
  // Keep closing punctuation of the last word.
  size_t tail = cursor;
  while (tail < text.size() && tail < cursor + 2 && std::ispunct(static_cast<unsigned char>(text[tail]))) ++tail;
  AppendFlat(out, std::string_view(text).substr(cursor, tail - cursor));
  if (cut_after) out += " …";
  return out;
}

// A surface form to look for in the raw text, and the query items (bit i:
// words[i], then stems) a word found at it can match.
struct Needle {
  std::string form;
  uint64_t items = 0;
};

// Each query word, and each stem cut to the part English stemming keeps
// from every word it comes from: without a final "i" (policy -> polici), a
// final "e" (mining -> mine) and the "l" of "bl" (possibility -> possibl);
// an apostrophe ends a form (China’s is normalised to
// china's); short letter-only words also as dotted acronyms (U.S.C. is
// normalised to usc). Past 63 items, an item counts as all (a bound that
// stays an upper bound).
std::vector<Needle> Needles(const std::vector<std::string>& words, const std::vector<std::string>& stems) {
  std::vector<Needle> out;
  auto add = [&](std::string s, size_t item) {
    size_t q = s.find('\'');
    if (q != std::string::npos) s.resize(q);
    if (s.empty()) return;
    const uint64_t bit = item < 63 ? uint64_t{1} << item : ~uint64_t{0};
    for (Needle& n : out)
      if (n.form == s) {
        n.items |= bit;
        return;
      }
    out.push_back({s, bit});
  };
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    add(w, i);
    bool letters = w.size() >= 2 && w.size() <= 10 &&
                   std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (letters) {
      std::string dotted;
      for (char c : w) dotted += dotted.empty() ? std::string(1, c) : std::string(".") + c;
      add(dotted, i);
    }
  }
  for (size_t i = 0; i < stems.size(); ++i) {
    std::string s = stems[i];
    if (s.size() > 1 && (s.back() == 'i' || s.back() == 'e')) s.pop_back();
    if (s.size() > 2 && s.compare(s.size() - 2, 2, "bl") == 0) s.pop_back();
    add(s, words.size() + i);
  }
  return out;
}

struct Candidate {
  size_t pos = 0;
  uint64_t items = 0;
  bool operator<(const Candidate& o) const { return pos < o.pos; }
};

// Byte offsets where a needle occurs (ASCII letters compared without case),
// at the start of a word: not right after an ASCII letter or digit when
// the needle starts with one (ICU never breaks between those). Sorted, one
// per offset, with the items of every needle found there. One pass over
// the text for all the needles (a query's words, their dotted forms and
// stems: 2 to 10 of them), each byte looked up among the needles that start
// with it, instead of one pass per needle.
std::vector<Candidate> Candidates(const std::string& text, const std::vector<Needle>& needles) {
  std::array<std::vector<uint32_t>, 256> by_first;
  for (uint32_t k = 0; k < needles.size(); ++k) {
    const unsigned char lo = AsciiLower(static_cast<unsigned char>(needles[k].form[0]));
    by_first[lo].push_back(k);
    if (lo >= 'a' && lo <= 'z') by_first[lo - 32].push_back(k);
  }
  std::vector<Candidate> out;
  const size_t size = text.size();
  for (size_t i = 0; i < size; ++i) {
    const std::vector<uint32_t>& starting = by_first[static_cast<unsigned char>(text[i])];
    if (starting.empty()) continue;
    const bool after_alnum = i > 0 && IsAsciiAlnum(static_cast<unsigned char>(text[i - 1]));
    uint64_t items = 0;
    for (uint32_t k : starting) {
      const std::string& n = needles[k].form;
      if (i + n.size() > size) continue;
      if (after_alnum && IsAsciiAlnum(static_cast<unsigned char>(n[0]))) continue;
      size_t j = 1;
      while (j < n.size() && AsciiLower(static_cast<unsigned char>(text[i + j])) == static_cast<unsigned char>(n[j])) ++j;
      if (j == n.size()) items |= needles[k].items;
    }
    if (items) out.push_back({i, items});
  }
  return out;
}

// A region edge moved out to just after whitespace (or to the text's end)
// within `slack` bytes, else to a UTF-8 character boundary, so that ICU
// does not see half a word.
size_t SnapBack(const std::string& text, size_t pos, size_t slack) {
  for (size_t p = pos, n = 0; p > 0 && n < slack; --p, ++n)
    if (std::isspace(static_cast<unsigned char>(text[p - 1]))) return p;
  size_t p = pos;
  while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
  return p;
}
size_t SnapForward(const std::string& text, size_t pos, size_t slack) {
  for (size_t p = pos, n = 0; p < text.size() && n < slack; ++p, ++n)
    if (std::isspace(static_cast<unsigned char>(text[p]))) return p;
  size_t p = std::min(pos, text.size());
  while (p < text.size() && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) ++p;
  return p;
}

// Candidates close enough to share a region, and the most a window there
// can score: each matched word is at a candidate and matches one of its
// items.
struct Cluster {
  size_t first = 0, last = 0;  // byte offsets of the first and last candidate
  long bound = 0;
};

// The snippet chosen from regions around the candidates; empty when no
// region has a match. Regions are analysed best bound first and skipped
// once no window in them can beat (or, earlier in the text, tie) the best
// found, so the answer is the first best window of the whole text.
std::string FromRegions(const std::string& text, const std::vector<Candidate>& cands, size_t window, Matcher& m,
                        Analyzer& analyzer, const SnippetOptions& opt) {
  // Bytes on each side of a candidate, a first guess at `window` words;
  // doubled where the region turns out to hold fewer words than that.
  const size_t pad0 = window * 12 + 64;
  std::vector<Cluster> clusters;
  for (size_t k = 0; k < cands.size();) {
    Cluster c;
    c.first = c.last = cands[k].pos;
    uint64_t items = cands[k].items;
    long n = 1;
    while (k + 1 < cands.size() && cands[k + 1].pos <= c.last + 2 * pad0) {
      c.last = cands[++k].pos;
      items |= cands[k].items;
      ++n;
    }
    ++k;
    const long distinct = std::min<long>(__builtin_popcountll(items), n);
    c.bound = distinct * 100 + n;
    clusters.push_back(c);
  }
  std::stable_sort(clusters.begin(), clusters.end(), [](const Cluster& a, const Cluster& b) {
    return a.bound > b.bound;
  });
  Region best_region;
  Choice best;
  size_t best_byte = 0;
  for (const Cluster& cl : clusters) {
    if (cl.bound < best.score) break;
    // A tie only wins earlier in the text; a window reaching this cluster
    // cannot start before the best one if the cluster lies past its region.
    if (cl.bound == best.score && cl.first >= best_region.end) continue;
    size_t pad_before = pad0, pad_after = pad0;
    for (;;) {
      size_t b = cl.first > pad_before ? SnapBack(text, cl.first - pad_before, 64) : 0;
      size_t e = cl.last + pad_after < text.size() ? SnapForward(text, cl.last + pad_after, 64) : text.size();
      Region r = Analyse(text, b, e, m, analyzer);
      // Words wholly before the first candidate and after the last one: a
      // window holding a match must fit in the region.
      size_t before = 0, after = 0;
      for (const Word& w : r.ws) {
        if (w.end <= cl.first) ++before;
        if (w.begin > cl.last) ++after;
      }
      bool grow_before = b > 0 && before < window, grow_after = e < text.size() && after < window;
      if (grow_before || grow_after) {
        if (grow_before) pad_before *= 2;
        if (grow_after) pad_after *= 2;
        continue;
      }
      const size_t w = std::min(window, r.ws.size());
      if (w == 0) break;
      Choice c = BestWindow(r, w, m.keys());
      size_t byte = r.ws[c.start].begin;
      if (c.score > 0 && (c.score > best.score || (c.score == best.score && byte < best_byte))) {
        best = c;
        best_byte = byte;
        best_region = std::move(r);
      }
      break;
    }
  }
  if (best.score <= 0) return {};
  const Region& r = best_region;
  const size_t w = std::min(window, r.ws.size());
  const size_t start = LeadIn(r, best, w);
  bool cut_before = start > 0 || MayHoldWords(std::string_view(text).substr(0, r.begin));
  bool cut_after = start + w < r.ws.size() || MayHoldWords(std::string_view(text).substr(r.end));
  return Render(text, r, start, w, cut_before, cut_after, opt);
}

// The whole text analysed at once: the reference the regions must agree with.
std::string FromWholeText(const std::string& text, Matcher& m, Analyzer& analyzer, const SnippetOptions& opt) {
  Region r = Analyse(text, 0, text.size(), m, analyzer);
  if (r.ws.empty()) return {};
  const size_t w = std::min(opt.window_words, r.ws.size());
  Choice c = BestWindow(r, w, m.keys());
  const size_t start = c.score > 0 ? LeadIn(r, c, w) : 0;
  return Render(text, r, start, w, start > 0, start + w < r.ws.size(), opt);
}

}  // namespace

std::string MakeSnippet(const std::string& text, const std::vector<std::string>& words,
                        const std::vector<std::string>& stems, Analyzer& analyzer, const SnippetOptions& opt) {
  Matcher m(words, stems);
  if (opt.whole_text || opt.window_words == 0) return FromWholeText(text, m, analyzer, opt);
  std::vector<Candidate> cands = Candidates(text, Needles(words, stems));
  std::string s = FromRegions(text, cands, opt.window_words, m, analyzer, opt);
  if (!s.empty()) return s;
  // No match: the opening words, from an opening long enough to hold them.
  for (size_t n = opt.window_words * 12 + 64;; n *= 2) {
    size_t e = n < text.size() ? SnapForward(text, n, 64) : text.size();
    Region r = Analyse(text, 0, e, m, analyzer);
    if (r.ws.empty() && e < text.size()) continue;
    if (r.ws.empty()) return {};
    if (r.ws.size() <= opt.window_words && e < text.size()) continue;
    const size_t w = std::min(opt.window_words, r.ws.size());
    bool cut_after = w < r.ws.size() || MayHoldWords(std::string_view(text).substr(e));
    return Render(text, r, 0, w, false, cut_after, opt);
  }
}

}  // namespace lodestone
