#include "readers/paper_ids.h"

#include <algorithm>

#include "formats/text_util.h"

namespace lodestone::internal {

std::string NormalizeDoi(std::string_view s) {
  std::string d = Lower(Trim(s));
  for (std::string_view p : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
                             "doi.org/", "doi:", "doi "})
    if (StartsWith(d, p)) {
      d = Trim(std::string_view(d).substr(p.size()));
      break;
    }
  if (!StartsWith(d, "10.") || d.find('/') == std::string::npos) return {};
  return d;
}

std::string FindDoi(std::string_view text, size_t* at) {
  size_t pos = 0;
  while ((pos = text.find("10.", pos)) != std::string_view::npos) {
    size_t start = pos;
    pos += 3;
    // A DOI is not the tail of a longer number ("210.5").
    if (start > 0 && (isalnum(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == '.')) continue;
    size_t k = pos;
    while (k < text.size() && isdigit(static_cast<unsigned char>(text[k]))) ++k;
    size_t digits = k - pos;
    if (digits < 4 || digits > 9 || k >= text.size() || text[k] != '/') continue;
    size_t end = k + 1;
    while (end < text.size() && !isspace(static_cast<unsigned char>(text[end])) && text[end] != '"' &&
           text[end] != '<' && text[end] != '>')
      ++end;
    std::string_view doi = text.substr(start, end - start);
    // Sentence punctuation after a DOI is not part of it; a closing bracket
    // is when the DOI opened one ("10.1016/S0959-8049(16)61519-8").
    while (!doi.empty()) {
      char c = doi.back();
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '\'') {
        doi.remove_suffix(1);
      } else if (c == ')' || c == ']') {
        char open = c == ')' ? '(' : '[';
        if (std::count(doi.begin(), doi.end(), open) >= std::count(doi.begin(), doi.end(), c)) break;
        doi.remove_suffix(1);
      } else {
        break;
      }
    }
    if (doi.size() <= k + 1 - start) continue;  // nothing after the slash
    if (at) *at = start;
    return Lower(doi);
  }
  return {};
}

void AddAlias(Document* doc, const std::string& id) {
  if (id.empty() || id == doc->id) return;
  if (std::find(doc->aliases.begin(), doc->aliases.end(), id) != doc->aliases.end()) return;
  doc->aliases.push_back(id);
}

void SetPaperId(Document* doc, const std::string& doi, const std::string& own_id) {
  if (!doi.empty()) {
    doc->id = "doi:" + doi;
    doc->meta["doi"] = doi;
    AddAlias(doc, own_id);
  } else {
    doc->id = own_id;
  }
}

}  // namespace lodestone::internal
