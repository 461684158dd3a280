// PDF reader: the text layer through poppler-cpp (poppler stays inside this
// file), with a paper's title, authors, year, DOI and printed reference list
// found heuristically.
//
// A PDF without a text layer (a scan) is an error, not a skip: only OCR can
// make it searchable, and the user should see it among the failed files with
// that advice. An encrypted PDF that needs a password is an error too.
//
// Thread-safety: poppler documents are independent; poppler's error handler
// is process-wide, set once, and writes to a per-thread buffer.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <cctype>
#include <climits>
#include <cmath>
#include <memory>
#include <mutex>

#include "extract/classify.h"
#include "formats/printed_references.h"
#include "extract/own_id.h"
#include "readers/reader.h"
#include "formats/dates.h"
#include "formats/doi.h"
#include "formats/language.h"
#include "formats/whitespace.h"
#include "lodestone/text/ascii.h"
#include "readers/ids.h"

namespace lodestone::internal {

namespace {

constexpr size_t kMinCharsPerPage = 16;  // fewer letters and digits: the page has no text layer

// Poppler's messages of the current thread's last load (instead of stderr).
thread_local std::string poppler_errors;

void CollectPopplerError(const std::string& message, void*) {
  if (poppler_errors.size() < 500) poppler_errors += (poppler_errors.empty() ? "" : "; ") + message;
}

std::string Utf8(const poppler::ustring& s) {
  poppler::byte_array b = s.to_utf8();
  return std::string(b.begin(), b.end());
}

std::string InfoString(const poppler::document& pdf, const char* key) {
  return text::Trim(Utf8(pdf.info_key(key)));
}

// Titles a producer writes instead of the real one.
bool IsJunkTitle(const std::string& title) {
  std::string l = text::AsciiLower(title);
  if (l.size() < 4 || l == "untitled" || l == "title" || l == "no title" || text::StartsWith(l, "microsoft word - ") ||
      text::StartsWith(l, "microsoft powerpoint - "))
    return true;
  for (std::string_view ext : {".doc", ".docx", ".pdf", ".tex", ".dvi", ".indd", ".rtf", ".odt", ".ps"})
    if (l.size() > ext.size() && l.compare(l.size() - ext.size(), ext.size(), ext) == 0) return true;
  return false;
}

// "Jane Doe; John Q. Public", "Jane Doe, John Roe and Ann Poe", "Doe, Jane".
std::vector<std::string> SplitInfoAuthors(const std::string& field) {
  std::string s = field;
  bool semicolons = s.find(';') != std::string::npos;
  std::string norm;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 5, " and ") == 0) {
      norm += semicolons ? ";" : ",";
      i += 4;
    } else if (s.compare(i, 3, " & ") == 0) {
      norm += semicolons ? ";" : ",";
      i += 2;
    } else {
      norm += s[i];
    }
  }
  char sep = semicolons ? ';' : ',';
  std::vector<std::string> parts;
  size_t pos = 0;
  while (pos <= norm.size()) {
    size_t e = norm.find(sep, pos);
    if (e == std::string::npos) e = norm.size();
    std::string p = text::Trim(std::string_view(norm).substr(pos, e - pos));
    if (!p.empty()) parts.push_back(p);
    pos = e + 1;
  }
  // "Doe, Jane" is one name written surname first.
  if (!semicolons && parts.size() == 2 && parts[0].find(' ') == std::string::npos &&
      parts[1].find(' ') == std::string::npos)
    return {parts[0] + ", " + parts[1]};
  return parts;
}

// The largest line in the upper half of the first page, with the lines of
// the same size right below it (a title set on two lines).
std::string ProminentLine(poppler::page& page) {
  struct Line {
    double top = 0, size = 0;
    std::string text;
  };
  std::vector<Line> lines;
  double height = page.page_rect().height();
  for (auto& box : page.text_list(poppler::page::text_list_include_font)) {
    poppler::rectf r = box.bbox();
    double size = box.get_font_size();
    if (size <= 0) size = r.height();
    std::string word = Utf8(box.text());
    if (word.empty()) continue;
    if (!lines.empty() && std::fabs(lines.back().top - r.top()) < 0.5 * std::max(size, 1.0)) {
      lines.back().text += " " + word;
      lines.back().size = std::max(lines.back().size, size);
    } else {
      lines.push_back({r.top(), size, word});
    }
  }
  size_t best = lines.size();
  for (size_t i = 0; i < lines.size(); ++i) {
    if (height > 0 && lines[i].top > height / 2) continue;
    size_t letters = 0;
    for (char c : lines[i].text) letters += std::isalpha(static_cast<unsigned char>(c)) != 0;
    if (letters < 3) continue;
    if (best == lines.size() || lines[i].size > lines[best].size + 0.5) best = i;
  }
  if (best == lines.size()) return {};
  std::string title = lines[best].text;
  for (size_t i = best + 1; i < lines.size(); ++i) {
    if (std::fabs(lines[i].size - lines[best].size) > 0.5) break;
    if (lines[i].top - lines[i - 1].top > 2.5 * lines[best].size) break;
    title += " " + lines[i].text;
  }
  return text::Trim(title);
}

// The first line with a space in it (a title, not a running head or a number).
std::string FirstPhraseLine(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string l = text::Trim(text.substr(pos, nl - pos));
    if (l.find(' ') != std::string::npos) return l;
    pos = nl + 1;
  }
  return {};
}

// A line "Abstract", "ABSTRACT:", "Abstract. We…", "Abstract—We…".
bool HasAbstractHeading(std::string_view page) {
  size_t pos = 0;
  while (pos < page.size()) {
    size_t nl = page.find('\n', pos);
    if (nl == std::string_view::npos) nl = page.size();
    std::string l = text::AsciiLower(text::Trim(page.substr(pos, nl - pos)));
    pos = nl + 1;
    if (!text::StartsWith(l, "abstract")) continue;
    std::string_view rest = std::string_view(l).substr(8);
    if (rest.empty() || rest[0] == ':' || rest[0] == '.' || text::StartsWith(rest, "\xE2\x80\x94") ||
        text::StartsWith(rest, " -") || text::StartsWith(rest, " \xE2\x80\x94"))
      return true;
  }
  return false;
}

size_t TextChars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += std::isalnum(c) || (c >= 0xC0);  // a UTF-8 lead byte: one letter
  return n;
}

// A DOI the file states about itself: an Info key ("doi", "prism:doi"), the
// Subject, the XMP metadata.
std::string DeclaredDoi(const poppler::document& pdf) {
  for (const std::string& key : pdf.info_keys()) {
    std::string k = text::AsciiLower(key);
    if (k == "doi" || k == "prism:doi") {
      std::string d = NormalizeDoi(Utf8(pdf.info_key(key)));
      if (!d.empty()) return d;
    }
  }
  std::string d = FindDoi(InfoString(pdf, "Subject"));
  if (!d.empty()) return d;
  std::string xmp = Utf8(pdf.metadata());
  for (std::string_view tag : {"<prism:doi>", "<pdfx:doi>", "<crossmark:DOI>"})
    if (size_t p = xmp.find(tag); p != std::string::npos) {
      d = FindDoi(std::string_view(xmp).substr(p + tag.size(), 200));
      if (!d.empty()) return d;
    }
  return {};
}

Result<std::vector<Document>> ReadPdfUnguarded(const FileInput& in) {
  static std::once_flag quiet;
  std::call_once(quiet, [] { poppler::set_debug_error_function(CollectPopplerError, nullptr); });
  poppler_errors.clear();
  if (in.bytes.size() > static_cast<size_t>(INT_MAX)) return Status::Unsupported("PDF larger than 2 GB");
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(in.bytes.data(), static_cast<int>(in.bytes.size())));
  if (!pdf)
    return Status::ParseError("not a readable PDF" + (poppler_errors.empty() ? std::string() : ": " + poppler_errors));
  if (pdf->is_locked())
    return Status::Unsupported("encrypted PDF: it needs a password; decrypt it first (e.g. qpdf --decrypt)");
  int pages = pdf->pages();
  if (pages <= 0) return Status::ParseError("PDF without pages");

  std::string text, first_page;
  size_t pages_with_text = 0;
  std::string prominent;
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (!page) continue;
    // Reading order (poppler's pdftotext default), not the physical layout,
    // so that two columns come one after the other.
    std::string t = Utf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout));
    if (TextChars(t) >= kMinCharsPerPage) ++pages_with_text;
    if (i == 0) {
      first_page = CleanWhitespace(t);
      prominent = ProminentLine(*page);
    }
    text += t;
    text += "\n\n";
  }
  if (pages_with_text == 0)
    return Status::Unsupported("no text layer (scanned PDF?); run OCR first (" + std::to_string(pages) +
                               (pages == 1 ? " page" : " pages") + " without text)");

  Document d;
  d.format = "pdf";
  d.text = CleanWhitespace(text);
  d.language = GuessLanguage(d.text);
  d.meta["pages"] = std::to_string(pages);

  std::string title = InfoString(*pdf, "Title");
  if (IsJunkTitle(title)) title = prominent;
  if (title.empty()) title = FirstPhraseLine(first_page);
  d.title = title;

  std::string author = InfoString(*pdf, "Author");
  if (!author.empty()) d.authors = SplitInfoAuthors(author);

  std::string created = InfoString(*pdf, "CreationDate");  // D:YYYYMMDDHHmmSS
  if (text::StartsWith(created, "D:")) created = created.substr(2);
  std::string year = created.size() >= 4 ? FindYearInText(created.substr(0, 4)) : std::string();
  if (year.empty()) year = FindYearInText(first_page);
  if (!year.empty()) d.date = year + "-01-01";

  TextRange refs = FindReferenceSection(d.text);
  if (refs.end > refs.begin)
    d.references = SplitReferences(std::string_view(d.text).substr(refs.begin, refs.end - refs.begin));

  // Its own DOI: declared in the file, else the first one on the first page
  // (publishers print it in the header or footer).
  std::string doi = DeclaredDoi(*pdf);
  if (doi.empty()) {
    std::string_view page1 = first_page;
    TextRange page1_refs = FindReferenceSection(page1);
    if (page1_refs.end > page1_refs.begin) page1 = page1.substr(0, page1_refs.begin);
    doi = FindDoi(page1);
  }
  SetPaperId(&d, doi, doi.empty() ? HashId(in.key) : std::string());

  // Policy instruments published as PDF keep their kind; otherwise a
  // reference list, a DOI or an "Abstract" heading make a paper.
  d.kind = ClassifyKind(in.path, d.title, d.text);
  if (d.kind == Kind::kOther && (!d.references.empty() || !doi.empty() || HasAbstractHeading(first_page)))
    d.kind = Kind::kPaper;
  // A PDF of an order or a law whose text opens with its number is that
  // order or law (a paper keeps its DOI).
  if (doi.empty()) TakeOwnHeading(d);
  if (d.title.empty()) d.title = d.id;
  return std::vector<Document>{std::move(d)};
}

bool SniffPdf(const FileHead& f) { return f.ExtIs({".pdf"}) || text::StartsWith(f.body, "%PDF"); }

Result<std::vector<Document>> ReadPdf(const FileInput& in) {
  // poppler reports errors through its handler, but memory exhaustion on a
  // hostile file still throws.
  try {
    return ReadPdfUnguarded(in);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("PDF reader failed: ") + e.what());
  }
}

}  // namespace

extern const Reader kPdfReader = {"pdf", kRichPlainText, SniffPdf, ReadPdf};

}  // namespace lodestone::internal
