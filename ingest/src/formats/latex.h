// LaTeX markup in BibTeX fields. Private. Thread-safety: pure (ICU's NFC
// normaliser is shared and thread-safe).
#ifndef LODESTONE_INGEST_SRC_FORMATS_LATEX_H_
#define LODESTONE_INGEST_SRC_FORMATS_LATEX_H_

#include <string>
#include <string_view>

namespace lodestone::internal {

// BibTeX field text as UTF-8: accents (\"o, {\'e}, \c{c}, \v{s}) and the
// common symbols (\ss, \o, \textendash, \&, ~, -- and ---) become
// characters (then NFC), other commands keep their argument, braces and $
// go, and the result is one line.
std::string LatexToUtf8(std::string_view s);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_FORMATS_LATEX_H_
