// Folding of the labels that bibliometric analyses count: keywords,
// author names, organisations, countries. Readers keep these as printed
// (Document::keywords, authors, affiliations); an analysis folds them so
// that "Capture-Recapture", "capture-recapture;" and "ｃａｐｔｕｒｅ-ｒｅｃａｐｔｕｒｅ"
// count as one item. Thread-safety: pure function (ICU's normaliser is
// shared and thread-safe).
#ifndef LODESTONE_INGEST_FOLD_H_
#define LODESTONE_INGEST_FOLD_H_

#include <string>
#include <string_view>

namespace lodestone {

// NFKC with Unicode case folding (full-width and half-width forms fold to
// one, Latin case is ignored; Chinese has no case and is left as written),
// runs of blanks become one space, and separators left at either end
// (";", ",", "." and their full-width forms "；", "，", "。", "．") are
// stripped. Names are never split or reordered: "王小明" stays "王小明" and
// "Li, Haoqi" becomes "li, haoqi". Invalid UTF-8 is replaced, not rejected.
std::string FoldLabel(std::string_view label);

}  // namespace lodestone

#endif  // LODESTONE_INGEST_FOLD_H_
