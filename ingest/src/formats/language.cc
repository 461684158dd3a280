#include "formats/language.h"

#include <map>

#include "lodestone/text/ascii.h"

namespace lodestone::internal {

std::string GuessLanguage(std::string_view text) {
  size_t cjk = 0, latin = 0;
  for (size_t i = 0; i < text.size() && i < 20000; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (text::IsAsciiAlpha(static_cast<char>(c))) ++latin;
    else if (c >= 0xE3 && c <= 0xE9) ++cjk;  // lead bytes of U+3000..U+9FFF
  }
  // A CJK character stands for a word-ish unit; weight it like 3 letters.
  return cjk * 3 * 5 >= (latin + cjk * 3) && cjk > 0 ? "zh" : "en";
}

std::string LanguageCode(std::string_view name) {
  static const std::map<std::string, std::string> kCodes = {
      {"english", "en"},   {"chinese", "zh"},    {"french", "fr"},     {"german", "de"},    {"spanish", "es"},
      {"portuguese", "pt"}, {"russian", "ru"},   {"japanese", "ja"},   {"korean", "ko"},    {"italian", "it"},
      {"dutch", "nl"},     {"polish", "pl"},     {"czech", "cs"},      {"slovak", "sk"},    {"turkish", "tr"},
      {"swedish", "sv"},   {"norwegian", "no"},  {"danish", "da"},     {"finnish", "fi"},   {"hungarian", "hu"},
      {"romanian", "ro"},  {"croatian", "hr"},   {"serbian", "sr"},    {"slovenian", "sl"}, {"greek", "el"},
      {"arabic", "ar"},    {"persian", "fa"},    {"hebrew", "he"},     {"ukrainian", "uk"}, {"bulgarian", "bg"},
      {"lithuanian", "lt"}, {"latvian", "lv"},   {"estonian", "et"},   {"catalan", "ca"},   {"indonesian", "id"},
      {"malay", "ms"},     {"thai", "th"},       {"vietnamese", "vi"}, {"afrikaans", "af"}, {"icelandic", "is"},
      {"welsh", "cy"},     {"irish", "ga"},      {"latin", "la"},      {"esperanto", "eo"}, {"basque", "eu"},
      {"galician", "gl"},  {"hindi", "hi"},      {"bosnian", "bs"},    {"macedonian", "mk"}};
  std::string n = text::AsciiLower(text::Trim(name));
  size_t cut = n.find_first_of(";,");
  if (cut != std::string::npos) n = text::Trim(std::string_view(n).substr(0, cut));
  if (n.size() == 2 && text::IsAsciiLower(n[0]) && text::IsAsciiLower(n[1])) return n;  // already a code
  if (n == "eng") return "en";
  auto it = kCodes.find(n);
  return it == kCodes.end() ? "en" : it->second;
}

}  // namespace lodestone::internal
