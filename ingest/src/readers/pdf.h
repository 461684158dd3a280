// The PDF reader without its child process (readers/pdf.cc reads each PDF
// in a child, formats/isolated_run.h). Private: for the libFuzzer harness
// (fuzz/pdf_fuzzer.cc), where a crash in poppler must reach libFuzzer
// instead of being reported as a failed file.
#ifndef LODESTONE_INGEST_SRC_READERS_PDF_H_
#define LODESTONE_INGEST_SRC_READERS_PDF_H_

#include <vector>

#include "lodestone/index/document.h"
#include "lodestone/index/status.h"
#include "lodestone/ingest/readers.h"

namespace lodestone::internal {

// What ReadDocuments("pdf", in) gives, computed in this process.
Result<std::vector<Document>> ReadPdfInProcess(const FileInput& in);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_READERS_PDF_H_
