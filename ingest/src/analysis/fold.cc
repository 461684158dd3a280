#include "lodestone/ingest/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <stdexcept>

namespace lodestone {

namespace {

const icu::Normalizer2& NfkcCasefold() {
  static const icu::Normalizer2* n = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* inst = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold unavailable");
    return inst;
  }();
  return *n;
}

bool IsBlank(UChar32 c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00A0 || c == 0x3000; }

// After NFKC the full-width forms are already ASCII; the ideographic ones
// (。 、) have no compatibility mapping.
bool IsEdgeSeparator(UChar32 c) { return c == ';' || c == ',' || c == '.' || c == 0x3002 || c == 0x3001; }

}  // namespace

std::string FoldLabel(std::string_view label) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(label.data(), static_cast<int32_t>(label.size())));
  icu::UnicodeString n = NfkcCasefold().normalize(u, status);
  if (U_FAILURE(status)) n = u;
  // Collapse blanks, then trim blanks and separators at both ends.
  icu::UnicodeString out;
  bool blank = false;
  for (int32_t i = 0; i < n.length();) {
    UChar32 c = n.char32At(i);
    i += U16_LENGTH(c);
    if (IsBlank(c)) {
      blank = true;
      continue;
    }
    if (blank && out.length() > 0) out.append(static_cast<UChar>(' '));
    blank = false;
    out.append(c);
  }
  auto edge = [](UChar32 c) { return IsBlank(c) || IsEdgeSeparator(c); };
  int32_t b = 0, e = out.length();
  while (b < e && edge(out.char32At(b))) b += U16_LENGTH(out.char32At(b));
  while (e > b && edge(out.char32At(e - 1))) --e;
  std::string s;
  out.tempSubStringBetween(b, e).toUTF8String(s);
  return s;
}

}  // namespace lodestone
