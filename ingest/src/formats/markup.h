// Markup inside strings of JSON records (Crossref abstracts "<jats:p>…</jats:p>",
// titles with "<i>"). Private. Thread-safety: pure.
#ifndef LODESTONE_INGEST_SRC_FORMATS_MARKUP_H_
#define LODESTONE_INGEST_SRC_FORMATS_MARKUP_H_

#include <string>
#include <string_view>

namespace lodestone::internal {

// The text of a string that may hold JATS or HTML markup: tags dropped,
// paragraph-like elements start a new paragraph, <br> a new line, character
// references (&amp;, &#233;, &#x2014;) decoded; whitespace cleaned.
std::string StripMarkup(std::string_view s);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_FORMATS_MARKUP_H_
