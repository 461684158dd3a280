#include "extract/classify.h"

#include <algorithm>
#include <string>

namespace lodestone::internal {

namespace {

// What the rules read: ASCII lower case, markup dropped (<span ...>, the
// Markdown emphasis * and escapes \), every run of white space (line
// breaks, no-break spaces, "_" as in the titles' "Disaster\_Declaration")
// one space. The White House pages wrap lines anywhere ("it is hereby
// ordered" over two lines) and underline words one by one.
std::string RuleText(std::string_view s, size_t max_bytes) {
  std::string out;
  out.reserve(std::min(s.size(), max_bytes));
  bool space = true;  // drop leading space
  auto blank = [&] {
    if (!space) out += ' ';
    space = true;
  };
  for (size_t i = 0; i < s.size() && out.size() < max_bytes; ++i) {
    const char c = s[i];
    if (c == '<') {  // a tag: skip to its end
      size_t close = s.find('>', i);
      if (close != std::string_view::npos && close - i < 200) {
        i = close;
        continue;
      }
    }
    if (c == '*' || c == '\\') continue;
    if (c == '_' || c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
      blank();
      continue;
    }
    if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ++i;  // no-break space
      blank();
      continue;
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    space = false;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool Has(const std::string& s, const char* what) { return s.find(what) != std::string::npos; }
bool Starts(const std::string& s, const char* what) { return s.rfind(what, 0) == 0; }

// Press releases of the White House that announce something the President
// did or will do (a nomination, a disaster declaration, a bill signed, an
// award), and his letters and messages to Congress: what the President
// says, not an instrument.
bool IsRelease(const std::string& title, const std::string& head) {
  if ((Has(title, "nomination") || Has(title, "withdrawal")) && Has(title, "to the senate")) return true;
  if (Has(title, "disaster declaration") || Has(title, "emergency declaration")) return true;
  if (Starts(title, "bill signed") || Starts(title, "bills signed") || Has(title, " into law")) return true;
  if (Has(title, " announces ") || Has(title, " names ") || Has(title, " to award ")) return true;
  if (Starts(title, "letter to ") || Starts(title, "text of a letter") || Starts(title, "message to the ")) return true;
  return Starts(head, "to the congress of the united states") || Starts(head, "to the senate of the united states") ||
         Starts(head, "dear mr. speaker") || Starts(head, "dear madam");
}

}  // namespace

Kind ClassifyKind(std::string_view path, std::string_view raw_title, std::string_view text) {
  const std::string head = RuleText(text, 4000);
  const std::string title = RuleText(raw_title, 1000);
  if (Starts(title, "fact sheet") || path.find("/fact-sheets/") != std::string_view::npos) return Kind::kFactSheet;
  // Chinese laws and regulations.
  if (!raw_title.empty() && static_cast<unsigned char>(raw_title[0]) >= 0xE0) {
    auto ends = [&](std::string_view suffix) {
      return raw_title.size() >= suffix.size() && raw_title.substr(raw_title.size() - suffix.size()) == suffix;
    };
    // "办法" (measures) also ends in 法: test the regulation suffixes first.
    if (ends("条例") || ends("办法") || ends("规定") || ends("细则")) return Kind::kRegulation;
    if (ends("法")) return Kind::kLaw;
  }
  if (path.find("/statements-releases/") != std::string_view::npos) return Kind::kStatement;
  // A memorandum may order too ("SUBJECT: ... it is hereby ordered"): its
  // heading decides.
  if (Starts(title, "memorandum") || Starts(head, "memorandum for ") || Starts(head, "subject:"))
    return Kind::kPresidentialMemorandum;
  if (Starts(title, "executive order") || Has(head, "it is hereby ordered") || Has(head, "it is ordered as follows"))
    return Kind::kExecutiveOrder;
  // "BY THE PRESIDENT OF THE UNITED STATES OF AMERICA / A PROCLAMATION"
  // opens every proclamation, before its text.
  if (Has(head, "do hereby proclaim") || Has(head.substr(0, 400), "a proclamation") || Has(title, "proclamation"))
    return Kind::kProclamation;
  if (Has(head, "presidential determination no") || Has(head, "memorandum for ") || Has(title, "memorandum") ||
      Has(head.substr(0, 400), "national security presidential memorandum"))
    return Kind::kPresidentialMemorandum;
  if (Starts(title, "notice") || Has(title, "continuation of the national emergency")) return Kind::kNotice;
  if (Has(title, "statement") || Has(title, "remarks") || Has(title, "readout") || Has(title, "communiqu") ||
      IsRelease(title, head))
    return Kind::kStatement;
  return Kind::kOther;
}

}  // namespace lodestone::internal
