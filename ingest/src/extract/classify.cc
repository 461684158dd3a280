#include "extract/classify.h"

#include "formats/text_util.h"

namespace lodestone::internal {

Kind ClassifyKind(std::string_view path, std::string_view title, std::string_view text) {
  std::string_view head = text.substr(0, 4000);
  if (IStartsWith(title, "fact sheet") || path.find("/fact-sheets/") != std::string_view::npos)
    return Kind::kFactSheet;
  // Chinese laws and regulations.
  if (!title.empty() && static_cast<unsigned char>(title[0]) >= 0xE0) {
    auto ends = [&](std::string_view suffix) {
      return title.size() >= suffix.size() && title.substr(title.size() - suffix.size()) == suffix;
    };
    // "办法" (measures) also ends in 法: test the regulation suffixes first.
    if (ends("条例") || ends("办法") || ends("规定") || ends("细则")) return Kind::kRegulation;
    if (ends("法")) return Kind::kLaw;
  }
  if (path.find("/statements-releases/") != std::string_view::npos) return Kind::kStatement;
  if (IStartsWith(title, "executive order") || IContains(head, "it is hereby ordered") ||
      IContains(head, "it is ordered as follows"))
    return Kind::kExecutiveOrder;
  if (IContains(head, "do hereby proclaim") || IContains(title, "proclamation")) return Kind::kProclamation;
  if (IContains(head, "presidential determination no") || IContains(head, "memorandum for ") ||
      IContains(title, "memorandum"))
    return Kind::kPresidentialMemorandum;
  if (IStartsWith(title, "notice") || IContains(title, "continuation of the national emergency"))
    return Kind::kNotice;
  if (IContains(title, "statement") || IContains(title, "remarks") || IContains(title, "readout") ||
      IContains(title, "joint statement") || IContains(title, "communiqu"))
    return Kind::kStatement;
  return Kind::kOther;
}

}  // namespace lodestone::internal
