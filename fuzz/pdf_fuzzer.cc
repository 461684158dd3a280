// libFuzzer harness for the PDF reader (issue 11). It calls the reader in
// this process (readers/pdf.h), not through ReadDocuments, which runs poppler
// in a child: there a crash would be a failed file, here it must reach
// libFuzzer. poppler is Debian's build, not instrumented: coverage guides
// the mutations only through our code around it, and ASan sees poppler's
// allocations (double frees, leaks) but not its reads out of bounds. Built
// only with -DLODE_FUZZ=ON and clang; run by fuzz/run.sh.
#include <cstddef>
#include <cstdint>
#include <string>

#include "readers/pdf.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  lodestone::FileInput in{"/fuzz/input.pdf", "fuzz/input.pdf", std::string(reinterpret_cast<const char*>(data), size)};
  auto docs = lodestone::internal::ReadPdfInProcess(in);
  (void)docs;
  return 0;
}
