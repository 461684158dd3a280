// Blanks and line structure of extracted text. Private. Thread-safety: pure.
#ifndef LODESTONE_INGEST_SRC_FORMATS_WHITESPACE_H_
#define LODESTONE_INGEST_SRC_FORMATS_WHITESPACE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lodestone::internal {

// The text of a document as the index keeps it: runs of blanks inside a line
// (no-break spaces included) become one space, lines are trimmed, and runs of
// blank lines become one (a paragraph break: "\n\n").
std::string CleanWhitespace(std::string_view s);

// One line: every run of blanks and line breaks becomes one space, trimmed
// ("Title\n  of a  record" -> "Title of a record").
std::string OneLine(std::string_view s);

// The first line of text, trimmed.
std::string FirstLine(std::string_view text);

// A line of a text and where it starts.
struct TextLine {
  size_t begin = 0;       // byte offset of the line in the text
  std::string_view text;  // without its line break
};
// The lines of s whatever its line endings (\n, \r\n or a lone \r). A text
// ending in a line break has no empty last line.
std::vector<TextLine> SplitLines(std::string_view s);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_FORMATS_WHITESPACE_H_
