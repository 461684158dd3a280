// PDF reader: the text layer through poppler-cpp (poppler stays inside this
// file), with a paper's title, authors, year, DOI and printed reference list
// found heuristically.
//
// A PDF without a text layer (a scan) is an error, not a skip: only OCR can
// make it searchable, and the user should see it among the failed files with
// that advice. An encrypted PDF that needs a password is an error too.
//
// poppler runs in a child process per file (formats/isolated_run.h, issue
// 11): only ExtractPdf calls it, and the child sends back plain strings
// (PdfExtract) from which this process builds the document.
//
// Thread-safety: poppler documents are independent; poppler's error handler
// is process-wide, set once, and writes to a per-thread buffer.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <cctype>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>

#include "readers/pdf.h"

#include "extract/classify.h"
#include "formats/printed_references.h"
#include "extract/own_id.h"
#include "readers/reader.h"
#include "formats/dates.h"
#include "formats/isolated_run.h"
#include "formats/limits.h"
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

// What poppler gives us of one PDF: everything the reader needs, as plain
// strings, so that it can be computed in a child process and sent back.
struct PdfExtract {
  int pages = 0;
  size_t pages_with_text = 0;
  std::string text;        // every page in reading order, a blank line between pages
  std::string first_page;  // the first page's text as poppler gives it
  std::string prominent;   // ProminentLine of the first page
  std::string title, author, created, subject, xmp;
  std::vector<std::string> doi_values;  // the Info keys "doi" and "prism:doi"
};

// The poppler part of the reader: the only code that runs in the child.
Result<PdfExtract> ExtractPdf(std::string_view bytes) {
  static std::once_flag quiet;
  std::call_once(quiet, [] { poppler::set_debug_error_function(CollectPopplerError, nullptr); });
  poppler_errors.clear();
  if (bytes.size() > static_cast<size_t>(INT_MAX)) return Status::Unsupported("PDF larger than 2 GB");
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf)
    return Status::ParseError("not a readable PDF" + (poppler_errors.empty() ? std::string() : ": " + poppler_errors));
  if (pdf->is_locked())
    return Status::Unsupported("encrypted PDF: it needs a password; decrypt it first (e.g. qpdf --decrypt)");
  PdfExtract x;
  x.pages = pdf->pages();
  if (x.pages <= 0) return Status::ParseError("PDF without pages");
  for (int i = 0; i < x.pages; ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (!page) continue;
    // Reading order (poppler's pdftotext default), not the physical layout,
    // so that two columns come one after the other.
    std::string t = Utf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout));
    if (TextChars(t) >= kMinCharsPerPage) ++x.pages_with_text;
    if (i == 0) {
      x.first_page = t;
      x.prominent = ProminentLine(*page);
    }
    x.text += t;
    x.text += "\n\n";
  }
  x.title = InfoString(*pdf, "Title");
  x.author = InfoString(*pdf, "Author");
  x.created = InfoString(*pdf, "CreationDate");
  x.subject = InfoString(*pdf, "Subject");
  for (const std::string& key : pdf->info_keys()) {
    std::string k = text::AsciiLower(key);
    if (k == "doi" || k == "prism:doi") x.doi_values.push_back(Utf8(pdf->info_key(key)));
  }
  x.xmp = Utf8(pdf->metadata());
  return x;
}

// PdfExtract on the pipe: each string as its 8-byte length and its bytes.
void PutString(std::string* out, std::string_view s) {
  uint64_t n = s.size();
  out->append(reinterpret_cast<const char*>(&n), sizeof n);
  out->append(s);
}

bool GetString(std::string_view* in, std::string* s) {
  uint64_t n;
  if (in->size() < sizeof n) return false;
  std::memcpy(&n, in->data(), sizeof n);
  in->remove_prefix(sizeof n);
  if (in->size() < n) return false;
  s->assign(in->data(), n);
  in->remove_prefix(n);
  return true;
}

std::string EncodeExtract(const PdfExtract& x) {
  std::string out;
  out.reserve(x.text.size() + x.first_page.size() + x.xmp.size() + 256);
  PutString(&out, std::to_string(x.pages));
  PutString(&out, std::to_string(x.pages_with_text));
  for (const std::string* s : {&x.text, &x.first_page, &x.prominent, &x.title, &x.author, &x.created, &x.subject,
                               &x.xmp})
    PutString(&out, *s);
  for (const std::string& d : x.doi_values) PutString(&out, d);
  return out;
}

Result<PdfExtract> DecodeExtract(std::string_view in) {
  PdfExtract x;
  std::string pages, with_text;
  bool ok = GetString(&in, &pages) && GetString(&in, &with_text);
  for (std::string* s : {&x.text, &x.first_page, &x.prominent, &x.title, &x.author, &x.created, &x.subject, &x.xmp})
    ok = ok && GetString(&in, s);
  while (ok && !in.empty()) ok = GetString(&in, &x.doi_values.emplace_back());
  if (!ok) return Status::Internal("PDF reader: garbled answer from its child process");
  x.pages = std::atoi(pages.c_str());
  x.pages_with_text = static_cast<size_t>(std::atoll(with_text.c_str()));
  return x;
}

// A DOI the file states about itself: an Info key ("doi", "prism:doi"), the
// Subject, the XMP metadata.
std::string DeclaredDoi(const PdfExtract& x) {
  for (const std::string& v : x.doi_values) {
    std::string d = NormalizeDoi(v);
    if (!d.empty()) return d;
  }
  std::string d = FindDoi(x.subject);
  if (!d.empty()) return d;
  for (std::string_view tag : {"<prism:doi>", "<pdfx:doi>", "<crossmark:DOI>"})
    if (size_t p = x.xmp.find(tag); p != std::string::npos) {
      d = FindDoi(std::string_view(x.xmp).substr(p + tag.size(), 200));
      if (!d.empty()) return d;
    }
  return {};
}

// The document from what poppler gave (in this process: no poppler here).
Result<std::vector<Document>> BuildDocument(const FileInput& in, const PdfExtract& x) {
  if (x.pages_with_text == 0)
    return Status::Unsupported("no text layer (scanned PDF?); run OCR first (" + std::to_string(x.pages) +
                               (x.pages == 1 ? " page" : " pages") + " without text)");
  std::string first_page = CleanWhitespace(x.first_page);

  Document d;
  d.format = "pdf";
  d.text = CleanWhitespace(x.text);
  d.language = GuessLanguage(d.text);
  d.meta["pages"] = std::to_string(x.pages);

  std::string title = x.title;
  if (IsJunkTitle(title)) title = x.prominent;
  if (title.empty()) title = FirstPhraseLine(first_page);
  d.title = title;

  if (!x.author.empty()) d.authors = SplitInfoAuthors(x.author);

  std::string created = x.created;  // D:YYYYMMDDHHmmSS
  if (text::StartsWith(created, "D:")) created = created.substr(2);
  std::string year = created.size() >= 4 ? FindYearInText(created.substr(0, 4)) : std::string();
  if (year.empty()) year = FindYearInText(first_page);
  if (!year.empty()) d.date = year + "-01-01";

  TextRange refs = FindReferenceSection(d.text);
  if (refs.end > refs.begin)
    d.references = SplitReferences(std::string_view(d.text).substr(refs.begin, refs.end - refs.begin));

  // Its own DOI: declared in the file, else the first one on the first page
  // (publishers print it in the header or footer).
  std::string doi = DeclaredDoi(x);
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

// poppler in a child process (issue 11): a crash, a hang or a runaway
// allocation on a hostile file fails that file, and the run goes on.
Result<std::vector<Document>> ReadPdf(const FileInput& in) {
  IsolationLimits limits{"PDF reader", kMaxPdfSeconds, kMaxPdfMemoryBytes};
  Result<std::string> answer = RunIsolated(
      [&]() -> Result<std::string> {
        Result<PdfExtract> x = ExtractPdf(in.bytes);
        if (!x.ok()) return x.status();
        return EncodeExtract(*x);
      },
      limits);
  if (!answer.ok()) return answer.status();
  Result<PdfExtract> x = DecodeExtract(*answer);
  if (!x.ok()) return x.status();
  return BuildDocument(in, *x);
}

}  // namespace

Result<std::vector<Document>> ReadPdfInProcess(const FileInput& in) {
  try {
    Result<PdfExtract> x = ExtractPdf(in.bytes);
    if (!x.ok()) return x.status();
    return BuildDocument(in, *x);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("PDF reader failed: ") + e.what());
  }
}

extern const Reader kPdfReader = {"pdf", kRichPlainText, SniffPdf, ReadPdf};

}  // namespace lodestone::internal
