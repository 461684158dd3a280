#include "lodestone/ingest/readers.h"
#include "readers/readers_internal.h"

namespace lodestone {

Result<std::vector<Document>> ReadDocuments(const std::string& format, const FileInput& in) {
  using namespace internal;
  if (format == "text") return ReadText(in);
  if (format == "markdown") return ReadMarkdown(in);
  if (format == "html" || format == "gpo-html" || format == "fr-html") return ReadHtml(in, format);
  if (format == "fr-xml") return ReadFrXml(in);
  if (format == "uslm-xml") return ReadUslm(in);
  if (format == "jats-xml") return ReadJats(in);
  if (format == "fr-json") return ReadFrJson(in);
  if (format == "fr-json-results") return ReadFrJsonResults(in);
  if (format == "jsonl") return ReadJsonLines(in);
  if (format == "eo-disposition") return ReadEoDisposition(in);
  if (format == "wos") return ReadWos(in);
  if (format == "scopus-csv") return ReadScopusCsv(in);
  if (format == "bibtex") return ReadBibtex(in);
  if (format == "ris") return ReadRis(in);
  if (format == "csl-json") return ReadCslJson(in);
  if (format == "crossref-json") return ReadCrossrefJson(in);
  if (format == "openalex-json") return ReadOpenAlexJson(in);
  if (format == "pdf") return ReadPdf(in);
  return Status::Unsupported("no reader for format " + format);
}

}  // namespace lodestone
