#include "lodestone/ingest/analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/ubrk.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <cassert>
#include <stdexcept>

namespace lodestone {

namespace {

constexpr size_t kMaxWordBytes = 120;

bool IsCjkCodePoint(UChar32 c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3FFFF) || (c >= 0x3040 && c <= 0x30FF);
}

// Decodes the code point at s[i] (UTF-8), advancing i; invalid bytes decode
// as U+FFFD.
UChar32 NextCodePoint(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if (n == 0) {  // a stray continuation byte
    ++i;
    return 0xFFFD;
  }
  UChar32 cp = c & (0x3F >> n);
  size_t j = i + 1;
  for (int k = 0; k < n; ++k, ++j) {
    if (j >= s.size() || (static_cast<unsigned char>(s[j]) & 0xC0) != 0x80) {
      i = j;
      return 0xFFFD;
    }
    cp = (cp << 6) | (static_cast<unsigned char>(s[j]) & 0x3F);
  }
  i = j;
  return cp;
}

// U.S.C -> usc: single letters separated by dots.
bool IsDottedAcronym(std::string_view w) {
  if (w.size() < 3) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    bool letter = (w[i] >= 'a' && w[i] <= 'z') || (w[i] >= 'A' && w[i] <= 'Z');
    if (i % 2 == 0 ? !letter : w[i] != '.') return false;
  }
  return true;
}

// CJK or not, and whether to stem: Latin-script letter words only, judged on
// the normalised form (so full-width ＬＩＴＨＩＵＭ stems like lithium).
void Classify(const std::string& term, int32_t rule, bool* cjk, bool* stem) {
  size_t i = 0;
  UChar32 first = term.empty() ? 0 : NextCodePoint(term, i);
  *cjk = rule >= UBRK_WORD_KANA || IsCjkCodePoint(first);
  *stem = !*cjk && rule >= UBRK_WORD_LETTER && rule < UBRK_WORD_LETTER_LIMIT && first < 0x250;
}

}  // namespace

struct Analyzer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  const icu::Normalizer2* nfkc_cf = nullptr;
  UText* text = nullptr;

  Impl() {
    UErrorCode status = U_ZERO_ERROR;
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !words) throw std::runtime_error("ICU word break iterator unavailable");
    nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold unavailable");
  }
  ~Impl() {
    if (text) utext_close(text);
  }

  // Calls f(begin, end, rule_status) for every word of s.
  template <typename F>
  void ForEachWord(std::string_view s, F&& f) {
    if (s.empty()) return;
    UErrorCode status = U_ZERO_ERROR;
    text = utext_openUTF8(text, s.data(), static_cast<int64_t>(s.size()), &status);
    if (U_FAILURE(status)) return;
    words->setText(text, status);
    if (U_FAILURE(status)) return;
    int32_t start = words->first();
    for (int32_t end = words->next(); end != icu::BreakIterator::DONE; start = end, end = words->next()) {
      int32_t rule = words->getRuleStatus();
      if (rule < UBRK_WORD_NONE_LIMIT) continue;  // spaces and punctuation
      f(static_cast<size_t>(start), static_cast<size_t>(end), rule);
    }
  }
};

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {}
Analyzer::~Analyzer() = default;

std::string Analyzer::Normalize(std::string_view w) {
  bool ascii = true;
  for (unsigned char c : w)
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  std::string out;
  if (ascii) {
    out.reserve(w.size());
    bool acronym = IsDottedAcronym(w);
    for (char c : w) {
      if (acronym && c == '.') continue;
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(w.data(), static_cast<int32_t>(w.size())));
  u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), icu::UnicodeString("'"));
  u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2018)), icu::UnicodeString("'"));
  icu::UnicodeString n = impl_->nfkc_cf->normalize(u, status);
  if (U_FAILURE(status)) n = u;
  n.toUTF8String(out);
  return out;
}

std::vector<Word> Analyzer::Words(std::string_view text) {
  std::vector<Word> out;
  impl_->ForEachWord(text, [&](size_t b, size_t e, int32_t rule) {
    if (e - b > kMaxWordBytes) return;
    Word w;
    w.begin = b;
    w.end = e;
    w.term = Normalize(text.substr(b, e - b));
    Classify(w.term, rule, &w.cjk, &w.stem);
    out.push_back(std::move(w));
  });
  return out;
}

void Analyzer::Tokenize(std::string_view text, uint32_t* position, std::vector<Token>* out) {
  impl_->ForEachWord(text, [&](size_t b, size_t e, int32_t rule) {
    if (e - b > kMaxWordBytes) return;
    Token t;
    t.term = Normalize(text.substr(b, e - b));
    if (t.term.empty()) return;
    bool cjk;
    Classify(t.term, rule, &cjk, &t.stem);
    t.position = (*position)++;
    out->push_back(std::move(t));
  });
}

std::string Analyzer::SegmentQuery(const std::string& q) {
  // Find maximal runs of CJK code points, remembering whether each starts
  // inside double quotes.
  std::string out;
  size_t i = 0;
  bool in_quotes = false;
  while (i < q.size()) {
    size_t start = i;
    UChar32 c = NextCodePoint(q, i);
    if (!IsCjkCodePoint(c)) {
      if (c == '"') in_quotes = !in_quotes;
      out.append(q, start, i - start);
      continue;
    }
    size_t run_end = i;
    while (run_end < q.size()) {
      size_t j = run_end;
      if (!IsCjkCodePoint(NextCodePoint(q, j))) break;
      run_end = j;
    }
    std::string_view run(q.data() + start, run_end - start);
    std::vector<std::string> parts;
    impl_->ForEachWord(run, [&](size_t b, size_t e, int32_t) { parts.emplace_back(run.substr(b, e - b)); });
    std::string joined;
    for (size_t k = 0; k < parts.size(); ++k) joined += (k ? " " : "") + parts[k];
    if (parts.size() > 1 && !in_quotes)
      out += " \"" + joined + "\" ";
    else
      out += in_quotes ? " " + joined + " " : joined;
    i = run_end;
  }
  return out;
}

void AppendTokens(const std::vector<Word>& words, uint32_t* position, std::vector<Token>* out) {
  out->reserve(out->size() + words.size());
  for (const Word& w : words) {
    if (w.term.empty()) continue;  // as Tokenize: a word that normalises to nothing
    out->push_back(Token{w.term, (*position)++, w.stem});
  }
}

std::vector<std::string> SimpleAsciiWords(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum) {
      cur += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    } else if (!cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

}  // namespace lodestone
