// Readers: turn the bytes of one file into Documents.
//
// First pipeline stage after discovery. DetectFormat looks at the file name
// and the first bytes and names a format (or a reason to skip the file);
// ReadDocuments parses the bytes in that format. Both go through one table
// of readers (ingest/src/readers/registry.cc: a format is one file there
// and one line in the table), which also ranks each format's text for
// merging (Document::richness). Readers take bytes, never
// touch the disk, and return errors as values naming the problem (the
// pipeline adds the path). One file may yield many documents (a U.S. Code
// title yields one per section, a JSON Lines file one per record, a
// disposition table one per order).
// Thread-safety: all functions are reentrant.
#ifndef LODESTONE_INGEST_READERS_H_
#define LODESTONE_INGEST_READERS_H_

#include <string>
#include <string_view>
#include <vector>

#include "lodestone/index/document.h"
#include "lodestone/index/status.h"

namespace lodestone {

struct Detection {
  std::string format;       // "" when the file is to be skipped
  std::string skip_reason;  // why, when skipped
};

// Formats: text, markdown, html, gpo-html, fr-html, fr-xml, uslm-xml,
// jats-xml, fr-json, fr-json-results, jsonl, eo-disposition (the National
// Archives' Executive Order disposition tables: one document per order),
// and the bibliographic exports, one paper per record: wos (Web of Science
// plain text), scopus-csv, bibtex, ris; paper records in JSON (.json, told
// apart by their keys): csl-json, crossref-json, openalex-json; and pdf (the
// text layer; a PDF without one, or one needing a password, fails to read
// with a message saying so).
Detection DetectFormat(const std::string& path, std::string_view head);

struct FileInput {
  std::string path;      // absolute path (stored as the source)
  std::string key;       // stable name for doc: ids, e.g. "corpus/wh/2025/x.md"
  std::string bytes;
};

// Parses one file. Every returned document has an id, a kind, a format and
// UTF-8 text (possibly empty for metadata-only records); sources are left
// for the caller to fill.
// Each document's `richness` is its format's (FormatRichness).
Result<std::vector<Document>> ReadDocuments(const std::string& format, const FileInput& in);
// The same, with the limits that cut the file short instead of failing it
// ("elements nested deeper than 256 at line 9; the rest of the page was left
// out (limit: HTML nesting depth 256)") added to `warnings`.
Result<std::vector<Document>> ReadDocuments(const std::string& format, const FileInput& in,
                                            std::vector<std::string>* warnings);

// How clean a format's text is, for merging the formats of one document
// (index/merge.h): 6 structured XML (fr-xml, uslm-xml, jats-xml), 5 fr-html,
// 4 markdown, 3 html and gpo-html, 2 text and pdf, 1 records with a title and
// an abstract, 0 metadata only (fr-json, fr-json-results) and unknown names.
int FormatRichness(const std::string& format);

// Every format a reader exists for, in detection order.
std::vector<std::string> KnownFormats();

}  // namespace lodestone

#endif  // LODESTONE_INGEST_READERS_H_
