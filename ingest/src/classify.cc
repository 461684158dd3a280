#include "classify.h"

#include "text_util.h"

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

std::string PresidentOn(const std::string& date) {
  struct Term {
    const char* from;
    const char* who;
  };
  // Inauguration days (noon); an order signed on the day belongs to the new
  // one. Truman, Johnson and Ford took office on the day their predecessor
  // died or resigned (the disposition tables list no order of those days).
  static const Term kTerms[] = {
      {"1933-03-04", "person:franklin-d-roosevelt"}, {"1945-04-12", "person:harry-s-truman"},
      {"1953-01-20", "person:dwight-d-eisenhower"},  {"1961-01-20", "person:john-f-kennedy"},
      {"1963-11-22", "person:lyndon-b-johnson"},     {"1969-01-20", "person:richard-nixon"},
      {"1974-08-09", "person:gerald-r-ford"},        {"1977-01-20", "person:jimmy-carter"},
      {"1981-01-20", "person:ronald-reagan"},        {"1989-01-20", "person:george-h-w-bush"},
      {"1993-01-20", "person:william-j-clinton"}, {"2001-01-20", "person:george-w-bush"},
      {"2009-01-20", "person:barack-obama"},      {"2017-01-20", "person:donald-j-trump"},
      {"2021-01-20", "person:joseph-r-biden"},    {"2025-01-20", "person:donald-j-trump"},
  };
  if (date.size() < 10) return {};
  std::string who;
  for (const auto& t : kTerms)
    if (date >= t.from) who = t.who;
  return who;
}

}  // namespace lodestone::internal
