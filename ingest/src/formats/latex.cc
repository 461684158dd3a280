#include "formats/latex.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cctype>
#include <map>

#include "formats/whitespace.h"

namespace lodestone::internal {

std::string LatexToUtf8(std::string_view s) {
  static const std::map<std::string, std::string> kAccent = {
      {"\"", "\xCC\x88"}, {"'", "\xCC\x81"}, {"`", "\xCC\x80"}, {"^", "\xCC\x82"}, {"~", "\xCC\x83"},
      {"=", "\xCC\x84"},  {".", "\xCC\x87"}, {"u", "\xCC\x86"}, {"v", "\xCC\x8C"}, {"H", "\xCC\x8B"},
      {"c", "\xCC\xA7"},  {"k", "\xCC\xA8"}, {"r", "\xCC\x8A"}, {"d", "\xCC\xA3"}, {"b", "\xCC\xB1"}};
  static const std::map<std::string, std::string> kSymbol = {
      {"ss", "ß"}, {"o", "ø"},  {"O", "Ø"},  {"aa", "å"}, {"AA", "Å"}, {"ae", "æ"}, {"AE", "Æ"}, {"oe", "œ"},
      {"OE", "Œ"}, {"l", "ł"},  {"L", "Ł"},  {"i", "ı"},  {"j", "ȷ"},  {"textendash", "–"}, {"textemdash", "—"},
      {"textquoteright", "’"}, {"textquoteleft", "‘"}, {"ldots", "…"}, {"dots", "…"}, {"textregistered", "®"},
      {"copyright", "©"}, {"textcopyright", "©"}, {"S", "§"}, {"P", "¶"}, {"pounds", "£"}, {"euro", "€"},
      {"textdegree", "°"}, {"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"}, {"mu", "μ"},
      {"pi", "π"}, {"sigma", "σ"}, {"lambda", "λ"}, {"chi", "χ"}, {"times", "×"}, {"pm", "±"}, {"le", "≤"},
      {"ge", "≥"}, {"%", "%"}, {"&", "&"}, {"$", "$"}, {"#", "#"}, {"_", "_"}, {"{", "{"}, {"}", "}"},
      {" ", " "}, {"\\", " "}, {",", " "}, {";", " "}, {"/", ""}, {"-", ""}};
  std::string out;
  bool combining = false;
  size_t i = 0;
  // Reads one accent argument: "u", "{u}", "{\i}", " u".
  auto argument = [&](size_t* pos) -> std::string {
    size_t p = *pos;
    while (p < s.size() && s[p] == ' ') ++p;
    std::string a;
    if (p + 1 < s.size() && s[p] == '\\' && (s[p + 1] == 'i' || s[p + 1] == 'j')) {
      *pos = p + 2;
      return std::string(1, s[p + 1]);
    }
    if (p < s.size() && s[p] == '{') {
      size_t e = s.find('}', p);
      if (e == std::string_view::npos) e = s.size();
      a = std::string(s.substr(p + 1, e - p - 1));
      *pos = e + (e < s.size() ? 1 : 0);
    } else if (p < s.size()) {
      size_t len = 1;
      unsigned char c = static_cast<unsigned char>(s[p]);
      if (c >= 0xC0) len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      a = std::string(s.substr(p, len));
      *pos = p + len;
    } else {
      *pos = p;
    }
    if (a == "\\i") a = "i";
    if (a == "\\j") a = "j";
    return a;
  };
  while (i < s.size()) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size()) {
      char n = s[i + 1];
      std::string name;
      size_t p = i + 1;
      if (std::isalpha(static_cast<unsigned char>(n))) {
        while (p < s.size() && std::isalpha(static_cast<unsigned char>(s[p]))) name += s[p++];
      } else {
        name = std::string(1, n);
        ++p;
      }
      auto acc = kAccent.find(name);
      bool letter_accent = acc != kAccent.end() && std::isalpha(static_cast<unsigned char>(name[0]));
      if (acc != kAccent.end() && (!letter_accent || p >= s.size() || s[p] == '{' || s[p] == ' ')) {
        std::string a = argument(&p);
        out += a + acc->second;
        combining = true;
        i = p;
        continue;
      }
      auto sym = kSymbol.find(name);
      if (sym != kSymbol.end()) {
        out += sym->second;
        if (std::isalpha(static_cast<unsigned char>(name[0])) && p < s.size() && s[p] == ' ') ++p;  // "\ss "
        i = p;
        continue;
      }
      // Another command (\emph, \textit, \url): drop the name, keep its argument.
      while (p < s.size() && s[p] == ' ' && std::isalpha(static_cast<unsigned char>(n))) ++p;
      i = p;
      continue;
    }
    if (c == '{' || c == '}' || c == '$') {
      ++i;
      continue;
    }
    if (c == '~') {
      out += ' ';
      ++i;
      continue;
    }
    if (c == '-' && s.compare(i, 3, "---") == 0) {
      out += "—";
      i += 3;
      continue;
    }
    if (c == '-' && s.compare(i, 2, "--") == 0) {
      out += "–";
      i += 2;
      continue;
    }
    out += c;
    ++i;
  }
  if (combining) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_SUCCESS(status)) {
      icu::UnicodeString u = nfc->normalize(icu::UnicodeString::fromUTF8(out), status);
      if (U_SUCCESS(status)) {
        std::string norm;
        u.toUTF8String(norm);
        out = std::move(norm);
      }
    }
  }
  return OneLine(out);
}

}  // namespace lodestone::internal
