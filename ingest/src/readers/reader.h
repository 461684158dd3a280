// What a reader is: a format name, the richness of its text, a sniff that
// recognises the format's files and a read that parses them. Private.
//
// Every format is one file in readers/ that defines one Reader (two when one
// file holds two views of one format: html.cc, fr_json.cc), and one line in
// the registry (registry.cc), whose order is the order detection tries them.
// Detection (DetectFormat), reading (ReadDocuments) and merging (the
// richness a reader gives its documents) all go through the registry, so
// adding a format touches nothing else.
//
// A sniff sees the file name and its first bytes (FileHead), never the disk.
// A read takes the whole file's bytes and returns its documents, or an error
// value naming the problem (the pipeline adds the path). Both must be
// reentrant: readers run on every worker thread.
#ifndef LODESTONE_INGEST_SRC_READERS_READER_H_
#define LODESTONE_INGEST_SRC_READERS_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "lodestone/index/document.h"
#include "lodestone/index/status.h"
#include "lodestone/ingest/readers.h"

namespace lodestone::internal {

// The part of a file detection looks at.
struct FileHead {
  std::string_view path;
  std::string ext;        // lower case with its dot (".htm"), "" for none
  std::string_view head;  // the first bytes (up to 64 KB)
  std::string_view body;  // `head` without a BOM and leading blanks
  bool ExtIs(std::initializer_list<std::string_view> exts) const {
    for (std::string_view e : exts)
      if (ext == e) return true;
    return false;
  }
  // .txt, .text or none: where text-like exports and plain text live.
  bool TextLike() const { return ExtIs({".txt", ".text", ""}); }
  bool Has(std::string_view needle) const { return head.find(needle) != std::string_view::npos; }
};

// Richness of a reader's text, compared when several files of one document
// are merged (index/merge.h): structured sources first, their text has no
// printing artefacts; then pages; then plain and printed text; then records
// with a title and an abstract; records with metadata only last.
inline constexpr int kRichStructured = 6;  // Federal Register XML, USLM, JATS
inline constexpr int kRichFederalRegisterPage = 5;
inline constexpr int kRichMarkdown = 4;
inline constexpr int kRichHtml = 3;
inline constexpr int kRichPlainText = 2;  // also PDF: full text, with layout artefacts
inline constexpr int kRichRecord = 1;     // title and abstract, or a table's block
inline constexpr int kRichMetadata = 0;   // no text of its own

struct Reader {
  const char* format;  // the contract name (JSON "format", the format: filter)
  int richness;
  bool (*sniff)(const FileHead&);
  Result<std::vector<Document>> (*read)(const FileInput&);
};

// A file detection refuses, with the reason the ingest summary gives. The
// registry holds these among the readers, where their order matters.
struct Refusal {
  bool (*sniff)(const FileHead&);
  std::string (*reason)(const FileHead&);
};

// The reader of a format, or null; every reader in detection order.
const Reader* FindReader(std::string_view format);
std::vector<const Reader*> AllReaders();

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_READERS_READER_H_
