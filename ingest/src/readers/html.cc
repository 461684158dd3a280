// HTML pages (html) and the federalregister.gov fragments of one order
// (fr-html, EO_13603.html): the body's text without scripts, styles and the
// Federal Register's page-number spans; the title from <h1> or <title>.
// Both are one parser with two names, told apart by detection: the format
// name is a contract (the format: filter), and fr-html ranks richer when an
// order's formats are merged.
#include "readers/html.h"

#include <string>
#include <vector>

#include "extract/classify.h"
#include "extract/own_id.h"
#include "formats/encoding.h"
#include "formats/language.h"
#include "formats/whitespace.h"
#include "readers/federal_register.h"
#include "readers/ids.h"
#include "readers/reader.h"

namespace lodestone::internal {

const std::vector<std::string_view>& HtmlSkippedElements() {
  static const std::vector<std::string_view> k = {"script", "style", "head", "noscript", "template"};
  return k;
}

const std::vector<std::string_view>& HtmlBlockElements() {
  static const std::vector<std::string_view> k = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li",
                                                  "br", "tr", "pre", "table", "ul", "ol", "blockquote",
                                                  "section", "article", "header", "footer", "dd", "dt"};
  return k;
}

Result<XmlDocPtr> ParseHtmlPage(const FileInput& in) {
  auto utf8 = ToUtf8(in.bytes);
  if (!utf8.ok()) return utf8.status();
  auto doc = ParseHtml(*utf8);
  if (!doc.ok()) return doc.status();
  if (!xmlDocGetRootElement(doc->get())) return Status::ParseError("empty HTML document");
  return doc;
}

void FinishHtmlDocument(const FileInput& in, const std::string& number, Document& d) {
  if (!number.empty() && d.kind == Kind::kExecutiveOrder) {
    d.number = number;
    d.id = "eo:" + number;
  } else {
    d.kind = ClassifyKind(in.path, d.title, d.text);
    d.id = HashId(in.key);
    TakeOwnHeading(d);
  }
  if (d.title.empty()) d.title = FirstLine(d.text).substr(0, 200);
  if (d.language.empty()) d.language = GuessLanguage(d.text);
}

namespace {

Result<std::vector<Document>> ReadPage(const FileInput& in, const char* format) {
  auto doc = ParseHtmlPage(in);
  if (!doc.ok()) return doc.status();
  xmlNode* root = xmlDocGetRootElement(doc->get());
  Document d;
  d.format = format;
  std::string number = EoNumberFromName(in.path);
  // Page-number spans (federalregister.gov) carry no words of the text.
  std::vector<xmlNode*> spans;
  FindAll(root, "span", &spans);
  for (xmlNode* s : spans)
    if (Attr(s, "class").find("printed-page") != std::string::npos) {
      xmlUnlinkNode(s);
      xmlFreeNode(s);
    }
  xmlNode* body = Find(root, "body");
  d.text = CleanWhitespace(Text(body ? body : root, HtmlSkippedElements(), HtmlBlockElements()));
  if (xmlNode* h1 = Find(root, "h1")) d.title = CleanWhitespace(Text(h1));
  if (d.title.empty())
    if (xmlNode* t = Find(root, "title")) d.title = CleanWhitespace(Text(t));
  // A federalregister.gov page is named for its order (EO_13603.html)
  // and has the order's heading; any other page is the order only when its
  // text opens with the number (a page that cites an order is not it).
  std::string date;
  if (!number.empty() && FindEoHeading(d.text, &number, &date) != std::string::npos) {
    d.date = date;
    d.kind = Kind::kExecutiveOrder;
  }
  FinishHtmlDocument(in, number, d);
  return std::vector<Document>{std::move(d)};
}

Result<std::vector<Document>> ReadHtmlPage(const FileInput& in) { return ReadPage(in, "html"); }
Result<std::vector<Document>> ReadFrHtml(const FileInput& in) { return ReadPage(in, "fr-html"); }

bool IsHtmlFile(const FileHead& f) { return f.ExtIs({".htm", ".html", ".xhtml"}); }
bool SniffFrHtml(const FileHead& f) { return IsHtmlFile(f) && (f.Has("class=\"eo\"") || f.Has("data-page=")); }

}  // namespace

extern const Reader kFrHtmlReader = {"fr-html", kRichFederalRegisterPage, SniffFrHtml, ReadFrHtml};
extern const Reader kHtmlReader = {"html", kRichHtml, IsHtmlFile, ReadHtmlPage};

}  // namespace lodestone::internal
