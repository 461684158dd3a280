#include "formats/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

#include "lodestone/text/utf8.h"

namespace lodestone::internal {

Result<std::string> ToUtf8(std::string_view bytes) {
  if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0) bytes.remove_prefix(3);
  std::string out;
  if (text::IsValidUtf8(bytes)) {
    out.reserve(bytes.size());
    for (char c : bytes)
      if (c != '\0') out += c;
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&status), ucsdet_close);
  if (U_FAILURE(status)) return Status::Internal("ICU charset detector unavailable");
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 20)), &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  std::string charset = "windows-1252";
  if (U_SUCCESS(status) && match) {
    const char* name = ucsdet_getName(match, &status);
    if (U_SUCCESS(status) && name && std::strcmp(name, "UTF-8") != 0) charset = name;
  }
  status = U_ZERO_ERROR;
  std::vector<char> buf(bytes.size() * 4 + 16);
  int32_t len = ucnv_convert("UTF-8", charset.c_str(), buf.data(), static_cast<int32_t>(buf.size()), bytes.data(),
                             static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return Status::ParseError("not UTF-8 and cannot be converted from " + charset);
  for (int32_t i = 0; i < len; ++i)
    if (buf[i] != '\0') out += buf[i];
  return out;
}

}  // namespace lodestone::internal
