// The registry of readers: the one table that detection, reading and merging
// use (readers/reader.h). To add a format, write readers/<format>.cc defining
// its Reader and add its line below, where detection should try it.
#include <algorithm>
#include <exception>
#include <new>
#include <filesystem>
#include <string>
#include <vector>

#include "formats/limits.h"
#include "lodestone/ingest/readers.h"
#include "lodestone/text/ascii.h"
#include "readers/reader.h"

namespace lodestone::internal {

namespace {

// Refusals: files detection skips, with the reason the summary gives.
bool IsUnreadExport(const FileHead& f) { return f.ExtIs({".bib", ".ris", ".csv", ".tsv"}); }
std::string UnreadExport(const FileHead& f) {
  return "bibliographic or tabular export (" + f.ext.substr(1) + "); not ingested as documents yet";
}
// NUL bytes alone do not make a file binary (GPO pages carry them); control
// bytes other than whitespace in large numbers do.
bool IsBinary(const FileHead& f) {
  size_t control = 0;
  for (unsigned char c : f.head)
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0) ++control;
  return !f.head.empty() && control * 20 > f.head.size();
}
std::string Binary(const FileHead&) { return "binary file"; }
bool IsOtherXml(const FileHead& f) { return f.ExtIs({".xml"}); }
std::string OtherXml(const FileHead&) { return "XML of an unknown vocabulary (not Federal Register, USLM or JATS)"; }
// A Web of Science header without records (a record would have made it wos).
bool IsEmptyWos(const FileHead& f) {
  return f.TextLike() && (text::StartsWith(f.body, "FN ") || text::StartsWith(f.body, "PT "));
}
std::string EmptyWos(const FileHead&) { return "Web of Science header without records"; }
bool Anything(const FileHead&) { return true; }
std::string UnknownType(const FileHead& f) {
  return "unknown file type " + (f.ext.empty() ? std::string("(no extension)") : f.ext);
}

struct Step {
  const Reader* reader;  // or null for a refusal
  Refusal refusal;
};

}  // namespace

// Each reader file defines its Reader. Detection tries these in order: the
// first reader whose sniff accepts the file reads it; a refusal on the way
// skips the file with its reason. One line per reader.
#define LODE_DETECTION_ORDER(READER, REFUSE)                                   \
  READER(kBibtexReader)         /* .bib with an @entry */                       \
  READER(kRisReader)            /* .ris, .txt opening "TY  -" */                \
  READER(kScopusCsvReader)      /* .csv with Scopus's header */                 \
  READER(kWosReader)            /* .txt, .ciw: FN/VR, PT ... ER */              \
  READER(kCnkiEStudyReader)     /* .txt: "DataType:", "Title-题名:" */          \
  READER(kNoteExpressReader)    /* .net, .txt: "{Reference Type}:" */           \
  READER(kMedlineReader)        /* .nbib, .txt: "PMID- " */                     \
  READER(kRefWorksReader)       /* .txt: "RT Journal Article", "T1 " */         \
  READER(kEndNoteReader)        /* .txt, .enw: "%0 Journal Article", "%T " */   \
  REFUSE(IsUnreadExport, UnreadExport)                                          \
  READER(kPdfReader)            /* .pdf or %PDF */                              \
  REFUSE(IsBinary, Binary)                                                      \
  READER(kMarkdownReader)       /* .md */                                       \
  READER(kJsonLinesReader)      /* .jsonl */                                    \
  READER(kOpenAlexJsonReader)   /* .json, by keys: before the other JSON */     \
  READER(kCrossrefJsonReader)                                                   \
  READER(kCslJsonReader)                                                        \
  READER(kFrJsonResultsReader)  /* .json with "results" and "count" */          \
  READER(kFrJsonReader)         /* any other .json */                           \
  READER(kFrXmlReader)          /* .xml: PRESDOCU, EXECORD, ... */              \
  READER(kJatsXmlReader)        /* .xml: <article> */                           \
  READER(kUslmXmlReader)        /* .xml: uslm */                                \
  REFUSE(IsOtherXml, OtherXml)                                                  \
  READER(kGpoHtmlReader)        /* .htm: <pre> and "Federal Register" */        \
  READER(kFrHtmlReader)         /* .html: class="eo" */                         \
  READER(kHtmlReader)           /* any other .htm, .html */                     \
  REFUSE(IsEmptyWos, EmptyWos)                                                  \
  READER(kEoDispositionReader)  /* .txt: "Executive Order N", title, Signed: */ \
  READER(kTextReader)           /* any other .txt, or no extension */           \
  REFUSE(Anything, UnknownType)

#define LODE_DECLARE_READER(name) extern const Reader name;
#define LODE_IGNORE_REFUSAL(sniff, reason)
LODE_DETECTION_ORDER(LODE_DECLARE_READER, LODE_IGNORE_REFUSAL)

namespace {

#define LODE_READER_STEP(name) Step{&name, {}},
#define LODE_REFUSAL_STEP(sniff, reason) Step{nullptr, {sniff, reason}},
const Step kSteps[] = {LODE_DETECTION_ORDER(LODE_READER_STEP, LODE_REFUSAL_STEP)};

std::string_view WithoutBomAndBlanks(std::string_view s) {
  if (text::StartsWith(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() && (s[0] == ' ' || s[0] == '\n' || s[0] == '\r' || s[0] == '\t')) s.remove_prefix(1);
  return s;
}

}  // namespace

const Reader* FindReader(std::string_view format) {
  for (const Step& s : kSteps)
    if (s.reader && format == s.reader->format) return s.reader;
  return nullptr;
}

std::vector<const Reader*> AllReaders() {
  std::vector<const Reader*> out;
  for (const Step& s : kSteps)
    if (s.reader) out.push_back(s.reader);
  return out;
}

}  // namespace lodestone::internal

namespace lodestone {

Detection DetectFormat(const std::string& path, std::string_view head) {
  namespace fs = std::filesystem;
  internal::FileHead f;
  f.path = path;
  f.ext = text::AsciiLower(fs::path(path).extension().string());
  f.head = head;
  f.body = internal::WithoutBomAndBlanks(head);
  for (const internal::Step& s : internal::kSteps) {
    if (s.reader) {
      if (s.reader->sniff(f)) return {s.reader->format, ""};
    } else if (s.refusal.sniff(f)) {
      return {"", s.refusal.reason(f)};
    }
  }
  return {"", internal::UnknownType(f)};
}

Result<std::vector<Document>> ReadDocuments(const std::string& format, const FileInput& in) {
  return ReadDocuments(format, in, nullptr);
}

Result<std::vector<Document>> ReadDocuments(const std::string& format, const FileInput& in,
                                            std::vector<std::string>* warnings) {
  const internal::Reader* reader = internal::FindReader(format);
  if (!reader) return Status::Unsupported("no reader for format " + format);
  internal::ScopedLimitWarnings collect(warnings);
  // A reader that runs out of memory (or throws from a library it wraps)
  // fails this file, never the batch (issue 11).
  try {
    auto docs = reader->read(in);
    if (!docs.ok()) return docs;
    if (docs->size() > internal::kMaxRecordsPerFile) return internal::RecordsOverLimit();
    for (Document& d : *docs) d.richness = reader->richness;
    return docs;
  } catch (const std::bad_alloc&) {
    return Status::Internal("out of memory while reading as " + format);
  } catch (const std::exception& e) {
    return Status::Internal(format + " reader failed: " + e.what());
  }
}

int FormatRichness(const std::string& format) {
  const internal::Reader* reader = internal::FindReader(format);
  return reader ? reader->richness : internal::kRichMetadata;
}

std::vector<std::string> KnownFormats() {
  std::vector<std::string> out;
  for (const internal::Reader* r : internal::AllReaders()) out.push_back(r->format);
  return out;
}

}  // namespace lodestone
