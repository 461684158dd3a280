// GPO's printed-text pages of the Federal Register (EO_13603.htm: the issue
// inside one <pre>): the order from its heading to the filing trailer, page
// markers and NUL bytes dropped, the title the paragraph after the heading.
#include <string>
#include <vector>

#include "formats/whitespace.h"
#include "lodestone/text/ascii.h"
#include "readers/federal_register.h"
#include "readers/html.h"
#include "readers/reader.h"

namespace lodestone::internal {

namespace {

Result<std::vector<Document>> ReadGpoHtml(const FileInput& in) {
  auto doc = ParseHtmlPage(in);
  if (!doc.ok()) return doc.status();
  xmlNode* root = xmlDocGetRootElement(doc->get());
  Document d;
  d.format = "gpo-html";
  std::string number = EoNumberFromName(in.path);
  xmlNode* pre = Find(root, "pre");
  std::string text = Text(pre ? pre : root, HtmlSkippedElements(), HtmlBlockElements());
  // Page markers would otherwise sit between words: drop them.
  std::string clean;
  for (size_t i = 0; i < text.size();) {
    if (text::StartsWith(std::string_view(text).substr(i), "[[Page ")) {
      size_t close = text.find("]]", i);
      if (close != std::string::npos && close - i < 24) {
        // A marker on a line of its own goes with its line, so that it
        // does not split a paragraph; one inside a line becomes a space.
        size_t line_start = clean.find_last_not_of(" \t");
        bool own_line = line_start == std::string::npos || clean[line_start] == '\n';
        size_t after = text.find_first_not_of(" \t", close + 2);
        if (own_line && (after == std::string::npos || text[after] == '\n')) {
          i = after == std::string::npos ? text.size() : after + 1;
        } else {
          clean += ' ';
          i = close + 2;
        }
        continue;
      }
    }
    clean += text[i++];
  }
  // Front matter (issue header, table of contents) ends at the order's own
  // heading; the filing trailer starts at "[FR Doc.".
  std::string date;
  size_t start = FindEoHeading(clean, &number, &date);
  if (start != std::string::npos) {
    clean = clean.substr(start);
    d.date = date;
    d.kind = Kind::kExecutiveOrder;
  }
  size_t trailer = clean.find("[FR Doc.");
  if (trailer != std::string::npos) clean.resize(trailer);
  d.text = CleanWhitespace(clean);
  if (start != std::string::npos) {
    // The title is the paragraph after the heading line.
    size_t nl = d.text.find('\n');
    size_t para_end = nl == std::string::npos ? std::string::npos : d.text.find("\n\n", nl + 2);
    if (nl != std::string::npos) {
      std::string title = d.text.substr(nl + 1, para_end == std::string::npos ? std::string::npos : para_end - nl - 1);
      for (char& c : title)
        if (c == '\n') c = ' ';
      d.title = text::Trim(title);
    }
  }
  FinishHtmlDocument(in, number, d);
  return std::vector<Document>{std::move(d)};
}

bool SniffGpoHtml(const FileHead& f) {
  return f.ExtIs({".htm", ".html", ".xhtml"}) && f.Has("<pre>") && text::IContains(f.head, "federal register");
}

}  // namespace

extern const Reader kGpoHtmlReader = {"gpo-html", kRichHtml, SniffGpoHtml, ReadGpoHtml};

}  // namespace lodestone::internal
