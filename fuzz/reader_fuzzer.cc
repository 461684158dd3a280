// libFuzzer harness for one family of readers (issue 11): every input is
// read as each format of the family (LODE_FUZZ_FORMATS, comma-separated, set
// by fuzz/CMakeLists.txt) and detected as a file of the family's extension.
// A reader may refuse the input; it must not crash, leak, hang or run away
// with memory. Built only with -DLODE_FUZZ=ON and clang; run by fuzz/run.sh.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lodestone/ingest/readers.h"

namespace {

std::vector<std::string> Split(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string_view::npos) comma = s.size();
    if (comma > start) out.emplace_back(s.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<std::string> formats = Split(LODE_FUZZ_FORMATS);
  std::string bytes(reinterpret_cast<const char*>(data), size);
  (void)lodestone::DetectFormat("/fuzz/input" LODE_FUZZ_EXT, bytes);
  for (const std::string& format : formats) {
    auto docs = lodestone::ReadDocuments(format, lodestone::FileInput{"/fuzz/input" LODE_FUZZ_EXT, "fuzz/input", bytes});
    (void)docs;
  }
  return 0;
}
