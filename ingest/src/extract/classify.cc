#include "extract/classify.h"

#include "lodestone/text/ascii.h"

namespace lodestone::internal {

Kind ClassifyKind(std::string_view path, std::string_view title, std::string_view text) {
  std::string_view head = text.substr(0, 4000);
  if (text::IStartsWith(title, "fact sheet") || path.find("/fact-sheets/") != std::string_view::npos)
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
  if (text::IStartsWith(title, "executive order") || text::IContains(head, "it is hereby ordered") ||
      text::IContains(head, "it is ordered as follows"))
    return Kind::kExecutiveOrder;
  if (text::IContains(head, "do hereby proclaim") || text::IContains(title, "proclamation")) return Kind::kProclamation;
  if (text::IContains(head, "presidential determination no") || text::IContains(head, "memorandum for ") ||
      text::IContains(title, "memorandum"))
    return Kind::kPresidentialMemorandum;
  if (text::IStartsWith(title, "notice") || text::IContains(title, "continuation of the national emergency"))
    return Kind::kNotice;
  if (text::IContains(title, "statement") || text::IContains(title, "remarks") || text::IContains(title, "readout") ||
      text::IContains(title, "joint statement") || text::IContains(title, "communiqu"))
    return Kind::kStatement;
  return Kind::kOther;
}

}  // namespace lodestone::internal
