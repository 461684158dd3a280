// Bytes to UTF-8: every reader's first step for text formats. Private.
// Thread-safety: reentrant (ICU's detector is created per call).
#ifndef LODESTONE_INGEST_SRC_FORMATS_ENCODING_H_
#define LODESTONE_INGEST_SRC_FORMATS_ENCODING_H_

#include <string>
#include <string_view>

#include "lodestone/index/status.h"

namespace lodestone::internal {

// Valid UTF-8 (BOM and NUL bytes removed), converting from the encoding ICU
// detects when the bytes are not UTF-8 (windows-1252 when it cannot tell).
// ParseError when the conversion fails.
Result<std::string> ToUtf8(std::string_view bytes);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_FORMATS_ENCODING_H_
