// A document's language as a BCP-47 primary tag. Private. Thread-safety: pure.
#ifndef LODESTONE_INGEST_SRC_FORMATS_LANGUAGE_H_
#define LODESTONE_INGEST_SRC_FORMATS_LANGUAGE_H_

#include <string>
#include <string_view>

namespace lodestone::internal {

// "zh" when at least a fifth of the letters (in the first 20,000 bytes) are
// CJK, a CJK character weighing like three Latin letters; else "en".
std::string GuessLanguage(std::string_view text);

// A record's language field as a code: "English" -> "en", "Chinese; English"
// -> "zh", "eng" -> "en", a two-letter code as it is; unknown or empty ->
// "en" (bibliographic records' titles and abstracts are in English whatever
// the paper's language).
std::string LanguageCode(std::string_view name);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_FORMATS_LANGUAGE_H_
