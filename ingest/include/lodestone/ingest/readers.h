// Readers: turn the bytes of one file into Documents.
//
// First pipeline stage after discovery. DetectFormat looks at the file name
// and the first bytes and names a format (or a reason to skip the file);
// ReadDocuments parses the bytes in that format. Readers take bytes, never
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
Result<std::vector<Document>> ReadDocuments(const std::string& format, const FileInput& in);

}  // namespace lodestone

#endif  // LODESTONE_INGEST_READERS_H_
