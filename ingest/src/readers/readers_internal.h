// The per-format readers behind ReadDocuments. Private.
#ifndef LODESTONE_INGEST_SRC_READERS_READERS_INTERNAL_H_
#define LODESTONE_INGEST_SRC_READERS_READERS_INTERNAL_H_

#include <string>
#include <vector>

#include "lodestone/ingest/readers.h"

namespace lodestone::internal {

Result<std::vector<Document>> ReadText(const FileInput& in);
Result<std::vector<Document>> ReadMarkdown(const FileInput& in);
Result<std::vector<Document>> ReadHtml(const FileInput& in, const std::string& format);
Result<std::vector<Document>> ReadFrXml(const FileInput& in);
Result<std::vector<Document>> ReadUslm(const FileInput& in);
Result<std::vector<Document>> ReadJats(const FileInput& in);
Result<std::vector<Document>> ReadFrJson(const FileInput& in);
Result<std::vector<Document>> ReadFrJsonResults(const FileInput& in);
Result<std::vector<Document>> ReadJsonLines(const FileInput& in);
Result<std::vector<Document>> ReadEoDisposition(const FileInput& in);  // disposition.cc
// bibliographic_readers.cc: Web of Science plain text, Scopus CSV, BibTeX, RIS.
Result<std::vector<Document>> ReadWos(const FileInput& in);
Result<std::vector<Document>> ReadScopusCsv(const FileInput& in);
Result<std::vector<Document>> ReadBibtex(const FileInput& in);
Result<std::vector<Document>> ReadRis(const FileInput& in);
// paper_json_readers.cc: CSL-JSON, Crossref and OpenAlex work records.
Result<std::vector<Document>> ReadCslJson(const FileInput& in);
Result<std::vector<Document>> ReadCrossrefJson(const FileInput& in);
Result<std::vector<Document>> ReadOpenAlexJson(const FileInput& in);
Result<std::vector<Document>> ReadPdf(const FileInput& in);  // pdf_reader.cc

// Gives `d` the id, kind, number and date that its text states as its
// heading (own_id.h: "Executive Order 12003 of May 1, 2001", "Proclamation
// 10001", "Presidential Determination No. 2022-07", "Public Law 117-169");
// false, and `d` unchanged, when the text opens with no such heading.
bool TakeOwnHeading(Document& d);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_READERS_READERS_INTERNAL_H_
