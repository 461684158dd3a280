#include "extract/cross_language.h"

#include <algorithm>
#include <set>

#include "lodestone/text/ascii.h"

namespace lodestone::internal {

namespace {

// The order nouns, longest first so that 总统行政命令 is read whole.
constexpr std::string_view kOrderNouns[] = {"总统行政命令", "总统行政令", "行政命令", "行政法令", "行政令", "总统令"};
constexpr std::string_view kListSeparators[] = {"以及", "、", "和", "及", "与", "或", "，", ",", " "};

bool StartsAt(std::string_view text, size_t i, std::string_view s) { return text.compare(i, s.size(), s) == 0; }
bool EndsAt(std::string_view text, size_t end, std::string_view s) {
  return end >= s.size() && text.compare(end - s.size(), s.size(), s) == 0;
}

size_t SkipBlanksBack(std::string_view t, size_t end) {
  while (end > 0 && (t[end - 1] == ' ' || t[end - 1] == '\t')) --end;
  return end;
}
size_t SkipBlanks(std::string_view t, size_t i) {
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
  return i;
}

// Digits ending at `end`; their start, or `end` when none.
size_t DigitsBack(std::string_view t, size_t end) {
  size_t b = end;
  while (b > 0 && text::IsAsciiDigit(t[b - 1])) --b;
  return b;
}
size_t DigitsForward(std::string_view t, size_t i) {
  while (i < t.size() && text::IsAsciiDigit(t[i])) ++i;
  return i;
}

bool IsOrderNumber(std::string_view n) { return n.size() >= 4 && n.size() <= 5 && n[0] != '0'; }

std::string OrderId(std::string_view n) { return "eo:" + std::string(n); }

// Numbers written before an order noun that ends at `end` (its start):
// "第13817号", "13817号", "第13817号和第13953号", "EO 13817号"; a title between
// ("第13817号《…》行政令") is passed over.
void NumbersBefore(std::string_view t, size_t end, std::vector<CrossCitation>* out) {
  size_t e = SkipBlanksBack(t, end);
  if (EndsAt(t, e, "》")) {  // a title: skip to its opening
    size_t open = t.rfind("《", e);
    if (open == std::string_view::npos || e - open > 300) return;
    e = SkipBlanksBack(t, open);
  }
  std::vector<CrossCitation> found;
  for (;;) {
    if (EndsAt(t, e, "号")) e -= std::string_view("号").size();
    e = SkipBlanksBack(t, e);
    size_t b = DigitsBack(t, e);
    if (b == e || !IsOrderNumber(t.substr(b, e - b)) || (b > 0 && (t[b - 1] == '-' || t[b - 1] == '.'))) break;
    found.push_back({OrderId(t.substr(b, e - b)), b});
    e = SkipBlanksBack(t, b);
    if (EndsAt(t, e, "第")) e -= std::string_view("第").size();
    e = SkipBlanksBack(t, e);
    if (e >= 2 && (t.compare(e - 2, 2, "EO") == 0)) e = SkipBlanksBack(t, e - 2);
    // Another number before, after a list separator that a 号 precedes.
    bool more = false;
    for (std::string_view sep : kListSeparators)
      if (EndsAt(t, e, sep)) {
        size_t before = SkipBlanksBack(t, e - sep.size());
        if (EndsAt(t, before, "号")) {
          e = before;
          more = true;
        }
        break;
      }
    if (!more) break;
  }
  out->insert(out->end(), found.rbegin(), found.rend());
}

// Numbers written after an order noun that ends at `i`: "行政令第13817号",
// "行政令13817", "行政令第13817号和第13953号".
void NumbersAfter(std::string_view t, size_t i, std::vector<CrossCitation>* out) {
  for (;;) {
    i = SkipBlanks(t, i);
    if (StartsAt(t, i, "（") || StartsAt(t, i, "(")) i += StartsAt(t, i, "(") ? 1 : std::string_view("（").size();
    if (StartsAt(t, i, "第")) i += std::string_view("第").size();
    i = SkipBlanks(t, i);
    size_t e = DigitsForward(t, i);
    if (e == i || !IsOrderNumber(t.substr(i, e - i)) || (e < t.size() && (t[e] == '-' || t[e] == '.'))) return;
    // "行政令2017年": a year, not a number.
    if (StartsAt(t, e, "年")) return;
    out->push_back({OrderId(t.substr(i, e - i)), i});
    i = e;
    if (StartsAt(t, i, "号")) i += std::string_view("号").size();
    bool more = false;
    for (std::string_view sep : kListSeparators)
      if (StartsAt(t, i, sep) && sep != " ") {
        size_t j = SkipBlanks(t, i + sep.size());
        if (StartsAt(t, j, "第") || text::IsAsciiDigit(t[j < t.size() ? j : 0])) {
          i = j;
          more = true;
        }
        break;
      }
    if (!more) return;
  }
}

// A title in 《》 right before an order noun ending at `end` ("《…》行政令",
// "《…》总统行政令", "《…》的行政令"), or right after one starting at `i`
// ("行政令《…》", "题为《…》的行政令" is the first form): [begin, end) of the title
// text, or {npos, npos}.
std::pair<size_t, size_t> TitleBefore(std::string_view t, size_t noun_begin) {
  size_t e = SkipBlanksBack(t, noun_begin);
  if (EndsAt(t, e, "的")) e = SkipBlanksBack(t, e - std::string_view("的").size());
  if (!EndsAt(t, e, "》")) return {std::string_view::npos, std::string_view::npos};
  size_t close = e - std::string_view("》").size();
  size_t open = t.rfind("《", close);
  if (open == std::string_view::npos || close - open > 300) return {std::string_view::npos, std::string_view::npos};
  return {open + std::string_view("《").size(), close};
}
std::pair<size_t, size_t> TitleAfter(std::string_view t, size_t noun_end) {
  size_t i = SkipBlanks(t, noun_end);
  if (!StartsAt(t, i, "《")) return {std::string_view::npos, std::string_view::npos};
  size_t b = i + std::string_view("《").size();
  size_t close = t.find("》", b);
  if (close == std::string_view::npos || close - b > 300) return {std::string_view::npos, std::string_view::npos};
  return {b, close};
}

std::vector<std::string> Chars(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}

std::string Normalized(std::string_view s) {
  static const std::set<std::string> kDrop = {"关", "于", "的", "和", "与", "及", "、", " ", "，", ",", "·", "“", "”", "\"", "之"};
  std::string out;
  for (const auto& c : Chars(s))
    if (!kDrop.count(c)) out += c;
  return out;
}

const Entity* BestTitle(std::string_view title, const KnowledgeBase& kb, double threshold, double* score) {
  const Entity* best = nullptr;
  double best_score = 0;
  for (const Entity& e : kb.entities()) {
    if (e.type != "eo") continue;
    for (const auto& zh : e.zh_titles) {
      double s = TitleSimilarity(title, zh);
      if (s > best_score) {
        best_score = s;
        best = &e;
      }
    }
  }
  *score = best_score;
  return best_score >= threshold ? best : nullptr;
}

// Tuned on the tuned half of tests/eval/bridge.tsv: a translated title next
// to an order noun counts from this similarity; a title alone must be the
// known one (after normalisation) and long enough not to be a phrase.
constexpr double kTitleNextToNoun = 0.55;
constexpr size_t kTitleAloneMinChars = 10;

void PublicLaws(std::string_view t, std::vector<CrossCitation>* out) {
  const std::string_view noun = "公法";
  for (size_t q = t.find(noun); q != std::string_view::npos; q = t.find(noun, q + noun.size())) {
    // "第117-169号公法", "117-169号公法"
    size_t e = SkipBlanksBack(t, q);
    if (EndsAt(t, e, "号")) e -= std::string_view("号").size();
    size_t b2 = DigitsBack(t, e);
    if (b2 < e && b2 > 0 && t[b2 - 1] == '-') {
      size_t b1 = DigitsBack(t, b2 - 1);
      if (b1 < b2 - 1) {
        out->push_back({"pl:" + std::string(t.substr(b1, b2 - 1 - b1)) + "-" + std::string(t.substr(b2, e - b2)), b1});
        continue;
      }
    }
    // "公法第117-169号", "公法117-169"
    size_t i = SkipBlanks(t, q + noun.size());
    if (StartsAt(t, i, "第")) i += std::string_view("第").size();
    size_t m = DigitsForward(t, i);
    if (m > i && m < t.size() && t[m] == '-') {
      size_t n = DigitsForward(t, m + 1);
      if (n > m + 1) out->push_back({"pl:" + std::string(t.substr(i, m - i)) + "-" + std::string(t.substr(m + 1, n - m - 1)), i});
    }
  }
}

void CodeSections(std::string_view t, std::vector<CrossCitation>* out) {
  const std::string_view code = "美国法典";
  for (size_t q = t.find(code); q != std::string_view::npos; q = t.find(code, q + code.size())) {
    size_t i = q + code.size();
    if (StartsAt(t, i, "》")) i += std::string_view("》").size();
    i = SkipBlanks(t, i);
    if (!StartsAt(t, i, "第")) continue;
    i += std::string_view("第").size();
    size_t e = DigitsForward(t, i);
    if (e == i) continue;
    std::string title(t.substr(i, e - i));
    bool unit = false;
    for (std::string_view u : {"编", "卷", "篇", "章"})
      if (StartsAt(t, e, u)) {
        e += u.size();
        unit = true;
        break;
      }
    if (!unit) continue;
    e = SkipBlanks(t, e);
    if (!StartsAt(t, e, "第")) continue;
    e += std::string_view("第").size();
    size_t f = DigitsForward(t, e);
    if (f == e) continue;
    bool section = StartsAt(t, f, "节") || StartsAt(t, f, "条");
    if (section) out->push_back({"usc:" + title + "/" + std::string(t.substr(e, f - e)), q});
  }
}

}  // namespace

double TitleSimilarity(std::string_view a, std::string_view b) {
  std::vector<std::string> x = Chars(Normalized(a)), y = Chars(Normalized(b));
  if (x.size() < 2 || y.size() < 2) return Normalized(a) == Normalized(b) && !x.empty() ? 1.0 : 0.0;
  std::multiset<std::string> bx, by;
  for (size_t i = 0; i + 1 < x.size(); ++i) bx.insert(x[i] + x[i + 1]);
  for (size_t i = 0; i + 1 < y.size(); ++i) by.insert(y[i] + y[i + 1]);
  size_t common = 0;
  for (auto it = bx.begin(); it != bx.end(); it = bx.upper_bound(*it))
    common += std::min(bx.count(*it), by.count(*it));
  return 2.0 * static_cast<double>(common) / static_cast<double>(bx.size() + by.size());
}

std::vector<CrossCitation> FindChineseCitations(std::string_view t, const KnowledgeBase& kb) {
  std::vector<CrossCitation> out;
  std::vector<std::pair<size_t, size_t>> titles_read;  // 《》 spans already resolved
  for (size_t q = 0; q < t.size();) {
    size_t best = std::string_view::npos;
    std::string_view noun;
    for (std::string_view n : kOrderNouns) {
      size_t p = t.find(n, q);
      if (p != std::string_view::npos && (p < best || (p == best && n.size() > noun.size()))) {
        best = p;
        noun = n;
      }
    }
    if (best == std::string_view::npos) break;
    const size_t end = best + noun.size();
    std::vector<CrossCitation> numbers;
    NumbersBefore(t, best, &numbers);
    NumbersAfter(t, end, &numbers);
    out.insert(out.end(), numbers.begin(), numbers.end());
    if (numbers.empty()) {
      // No number: a translated title beside the noun names the order.
      for (auto [b, e] : {TitleBefore(t, best), TitleAfter(t, end)}) {
        if (b == std::string_view::npos) continue;
        double score = 0;
        if (const Entity* e_ = BestTitle(t.substr(b, e - b), kb, kTitleNextToNoun, &score)) {
          out.push_back({e_->id, b});
          titles_read.push_back({b, e});
          break;
        }
      }
    }
    q = end;
  }
  // A long title alone, exactly a known one: "特朗普签署《关于确保关键矿产安全和可靠供应的联邦战略》".
  const std::string_view open = "《", close = "》";
  for (size_t b = t.find(open); b != std::string_view::npos; b = t.find(open, b + 1)) {
    size_t s = b + open.size(), e = t.find(close, s);
    if (e == std::string_view::npos || e - s > 300) continue;
    if (std::any_of(titles_read.begin(), titles_read.end(), [&](auto& r) { return r.first == s; })) continue;
    const std::string title = Normalized(t.substr(s, e - s));
    if (Chars(title).size() < kTitleAloneMinChars) continue;
    bool done = false;
    for (const Entity& ent : kb.entities()) {
      if (ent.type != "eo" || done) continue;
      for (const auto& zh : ent.zh_titles)
        if (Normalized(zh) == title) {
          out.push_back({ent.id, s});
          done = true;
          break;
        }
    }
  }
  PublicLaws(t, &out);
  CodeSections(t, &out);
  std::sort(out.begin(), out.end(), [](const CrossCitation& a, const CrossCitation& b) { return a.offset < b.offset; });
  return out;
}

std::string ChineseLawVersion(const Entity& law, std::string_view text, size_t begin, size_t end,
                              const std::string& date) {
  if (law.versions.empty()) return {};
  std::vector<std::string> versions = law.versions;
  std::sort(versions.begin(), versions.end());
  const std::string base = law.id;  // cnlaw:<title>
  // A year next to the name: 40 bytes either side, the nearest that is a
  // version's year.
  constexpr size_t kWindow = 40;
  const size_t from = begin > kWindow ? begin - kWindow : 0, to = std::min(text.size(), end + kWindow);
  size_t best_distance = SIZE_MAX;
  std::string chosen;
  for (size_t i = from; i + 4 <= to; ++i) {
    if (!(StartsAt(text, i, "19") || StartsAt(text, i, "20"))) continue;
    if ((i > 0 && text::IsAsciiDigit(text[i - 1])) || (i + 4 < text.size() && text::IsAsciiDigit(text[i + 4]))) continue;
    if (!std::all_of(text.begin() + i, text.begin() + i + 4, [](char c) { return text::IsAsciiDigit(c); })) continue;
    const std::string year(text.substr(i, 4));
    for (const auto& v : versions)
      if (v.compare(0, 4, year) == 0) {
        size_t d = i < begin ? begin - i : i >= end ? i - end : 0;
        if (d < best_distance) {
          best_distance = d;
          chosen = v;
        }
      }
  }
  if (chosen.empty()) {
    if (date.empty()) {
      chosen = versions.back();
    } else {
      for (const auto& v : versions)
        if (v <= date) chosen = v;
      if (chosen.empty()) chosen = versions.front();
    }
  }
  return base + "@" + chosen;
}

}  // namespace lodestone::internal
