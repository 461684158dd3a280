#include <algorithm>
#include <cctype>
#include <filesystem>

#include "readers/eo_disposition.h"
#include "lodestone/ingest/readers.h"
#include "lodestone/text/ascii.h"

namespace lodestone {


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
  if (text::StartsWith(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() && (s[0] == ' ' || s[0] == '\n' || s[0] == '\r' || s[0] == '\t')) s.remove_prefix(1);
  return s;
}

// Bibliographic exports, recognised by content (body: BOM and leading blanks gone).
bool LooksLikeWos(std::string_view body) {
  // "FN Clarivate Analytics Web of Science" / "FN Thomson Reuters Web of Science", "VR 1.0", PT ... ER.
  if (!text::StartsWith(body, "FN ") && !text::StartsWith(body, "PT ")) return false;
  if (body.find("\nVR ") != std::string_view::npos || body.find("\nPT ") != std::string_view::npos) return true;
  for (size_t p = body.find("\nER"); p != std::string_view::npos; p = body.find("\nER", p + 1))
    if (p + 3 == body.size() || body[p + 3] == '\n' || body[p + 3] == '\r') return true;  // a line "ER"
  return false;
}
bool LooksLikeRis(std::string_view body) { return text::StartsWith(body, "TY  -"); }
bool LooksLikeBibtex(std::string_view body) {
  // An "@type{" entry at the start of a line (Scopus puts two lines before the first).
  for (size_t at = body.find('@'); at != std::string_view::npos; at = body.find('@', at + 1)) {
    if (at > 0 && body[at - 1] != '\n' && body[at - 1] != '\r') continue;
    size_t i = at + 1;
    while (i < body.size() && std::isalpha(static_cast<unsigned char>(body[i]))) ++i;
    while (i < body.size() && (body[i] == ' ' || body[i] == '\t')) ++i;
    if (i > at + 1 && i < body.size() && (body[i] == '{' || body[i] == '(')) return true;
  }
  return false;
}
bool LooksLikeScopusCsv(std::string_view body) {
  std::string_view header = body.substr(0, body.find('\n'));
  return header.find("Title") != std::string_view::npos && header.find("Source title") != std::string_view::npos &&
         (header.find("EID") != std::string_view::npos || header.find("Link") != std::string_view::npos);
}

// Paper records in JSON, told apart from Federal Register API records (which
// carry "document_number") by keys only their schema has. OpenAlex comes
// first: its result pages also have "results" and "count". Crossref works
// are CSL with extras, so its markers are tested before CSL's. "" when none.
std::string PaperJsonFormat(std::string_view head, std::string_view body) {
  auto has = [&](std::string_view key) { return head.find(key) != std::string_view::npos; };
  if (has("\"document_number\"") || has("\"executive_order_number\"")) return {};
  if (has("openalex.org/W") || has("\"abstract_inverted_index\"") || has("\"referenced_works\"") ||
      has("\"authorships\""))
    return "openalex-json";
  if (has("\"message-type\"") || has("\"reference-count\"") || has("\"is-referenced-by-count\""))
    return "crossref-json";
  if (has("\"container-title\"") || has("\"issued\"") || has("\"DOI\"")) return "csl-json";
  // A CSL array of items without dates, DOIs or journals (books, web pages).
  if (text::StartsWith(body, "[") && has("\"title\"") && (has("\"type\"") || has("\"author\""))) return "csl-json";
  return {};
}
}  // namespace

Detection DetectFormat(const std::string& path, std::string_view head) {
  namespace fs = std::filesystem;
  const std::string name = fs::path(path).filename().string();
  const std::string ext = text::AsciiLower(fs::path(path).extension().string());
  std::string_view body = SkipSpaceAndBom(head);

  if ((ext == ".bib" || ext == ".bibtex") && LooksLikeBibtex(body)) return {"bibtex", ""};
  if ((ext == ".ris" || ext == ".txt") && LooksLikeRis(body)) return {"ris", ""};
  if (ext == ".csv" && LooksLikeScopusCsv(body)) return {"scopus-csv", ""};
  if ((ext == ".ciw" || ext == ".txt" || ext == ".text" || ext.empty()) && LooksLikeWos(body)) return {"wos", ""};
  if (ext == ".bib" || ext == ".ris" || ext == ".csv" || ext == ".tsv")
    return {"", "bibliographic or tabular export (" + ext.substr(1) + "); not ingested as documents yet"};
  if (ext == ".pdf" || text::StartsWith(body, "%PDF")) return {"pdf", ""};
  if (LooksBinary(head)) return {"", "binary file"};

  if (ext == ".md" || ext == ".markdown") return {"markdown", ""};
  if (ext == ".jsonl" || ext == ".ndjson") return {"jsonl", ""};
  if (ext == ".json") {
    if (auto paper = PaperJsonFormat(head, body); !paper.empty()) return {paper, ""};
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
    if (head.find("<pre>") != std::string_view::npos && text::IContains(head, "federal register"))
      return {"gpo-html", ""};
    if (head.find("class=\"eo\"") != std::string_view::npos || head.find("data-page=") != std::string_view::npos)
      return {"fr-html", ""};
    return {"html", ""};
  }
  if (ext == ".txt" || ext == ".text" || ext.empty()) {
    if (text::StartsWith(body, "FN ") || text::StartsWith(body, "PT "))  // not LooksLikeWos: no record in it
      return {"", "Web of Science header without records"};
    if (internal::LooksLikeDispositionTable(head)) return {"eo-disposition", ""};
    return {"text", ""};
  }
  return {"", "unknown file type " + (ext.empty() ? std::string("(no extension)") : ext)};
}

}  // namespace lodestone
