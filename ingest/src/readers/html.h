// What the HTML readers share (html.cc: pages and federalregister.gov
// fragments; gpo_html.cc: GPO's <pre> pages). Private.
#ifndef LODESTONE_INGEST_SRC_READERS_HTML_H_
#define LODESTONE_INGEST_SRC_READERS_HTML_H_

#include <string>
#include <string_view>
#include <vector>

#include "formats/xml.h"
#include "lodestone/index/document.h"
#include "lodestone/ingest/readers.h"

namespace lodestone::internal {

// Elements whose text is no part of a page's text, and elements that start a
// new line (the others are inline).
const std::vector<std::string_view>& HtmlSkippedElements();
const std::vector<std::string_view>& HtmlBlockElements();

// The file's bytes as UTF-8 and parsed (libxml2's forgiving HTML parser);
// ParseError for an empty page.
Result<XmlDocPtr> ParseHtmlPage(const FileInput& in);

// The id, kind and title of a page's document once its text is known: an
// order (kind executive_order with `number`) is eo:<number>; any other page
// is classified by its wording, doc:<hash> unless its text opens with its
// own number; a page without a title takes its first line.
void FinishHtmlDocument(const FileInput& in, const std::string& number, Document& d);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_READERS_HTML_H_
