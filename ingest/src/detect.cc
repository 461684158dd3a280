#include <algorithm>
#include <filesystem>

#include "disposition.h"
#include "lodestone/ingest/readers.h"
#include "text_util.h"

namespace lodestone {

using internal::IContains;
using internal::Lower;
using internal::StartsWith;

namespace {
bool LooksBinary(std::string_view head) {
  // NUL bytes alone do not make a file binary (GPO pages carry them); control
  // bytes other than whitespace in large numbers do.
  size_t control = 0;
  for (unsigned char c : head)
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0) ++control;
  return !head.empty() && control * 20 > head.size();
}

std::string_view SkipSpaceAndBom(std::string_view s) {
  if (StartsWith(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() && (s[0] == ' ' || s[0] == '\n' || s[0] == '\r' || s[0] == '\t')) s.remove_prefix(1);
  return s;
}
}  // namespace

Detection DetectFormat(const std::string& path, std::string_view head) {
  namespace fs = std::filesystem;
  const std::string name = fs::path(path).filename().string();
  const std::string ext = Lower(fs::path(path).extension().string());
  std::string_view body = SkipSpaceAndBom(head);

  if (ext == ".bib" || ext == ".ris" || ext == ".csv" || ext == ".tsv")
    return {"", "bibliographic or tabular export (" + ext.substr(1) + "); not ingested as documents yet"};
  if (ext == ".pdf" || StartsWith(body, "%PDF")) return {"", "PDF: not supported yet"};
  if (LooksBinary(head)) return {"", "binary file"};

  if (ext == ".md" || ext == ".markdown") return {"markdown", ""};
  if (ext == ".jsonl" || ext == ".ndjson") return {"jsonl", ""};
  if (ext == ".json") {
    // A Federal Register search-results page holds many records.
    if (head.find("\"results\"") != std::string_view::npos && head.find("\"count\"") != std::string_view::npos)
      return {"fr-json-results", ""};
    return {"fr-json", ""};
  }
  if (ext == ".xml") {
    if (head.find("<PRESDOCU") != std::string_view::npos || head.find("<FEDREG") != std::string_view::npos ||
        head.find("<EXECORD") != std::string_view::npos || head.find("<PROCLA") != std::string_view::npos)
      return {"fr-xml", ""};
    if (head.find("<article") != std::string_view::npos && head.find("JATS") != std::string_view::npos)
      return {"jats-xml", ""};
    if (head.find("<article") != std::string_view::npos) return {"jats-xml", ""};
    if (head.find("uslm") != std::string_view::npos) return {"uslm-xml", ""};
    return {"", "XML of an unknown vocabulary (not Federal Register, USLM or JATS)"};
  }
  if (ext == ".htm" || ext == ".html" || ext == ".xhtml") {
    if (head.find("<pre>") != std::string_view::npos && IContains(head, "federal register"))
      return {"gpo-html", ""};
    if (head.find("class=\"eo\"") != std::string_view::npos || head.find("data-page=") != std::string_view::npos)
      return {"fr-html", ""};
    return {"html", ""};
  }
  if (ext == ".txt" || ext == ".text" || ext.empty()) {
    if (StartsWith(body, "FN ") || StartsWith(body, "PT ") || head.find("\nPT J") != std::string_view::npos)
      return {"", "Web of Science export; paper records are not ingested as documents yet"};
    if (internal::LooksLikeDispositionTable(head)) return {"eo-disposition", ""};
    return {"text", ""};
  }
  return {"", "unknown file type " + (ext.empty() ? std::string("(no extension)") : ext)};
}

}  // namespace lodestone
