// Thin RAII and traversal helpers over libxml2's tree API. Private.
#ifndef LODESTONE_INGEST_SRC_FORMATS_XML_H_
#define LODESTONE_INGEST_SRC_FORMATS_XML_H_

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lodestone/index/status.h"

namespace lodestone::internal {

struct XmlDocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

// Strict XML parse (no network, no entity substitution, libxml2's limits on
// nesting depth and entity amplification kept: formats/limits.h); a
// truncated or malformed file is a ParseError with libxml2's message and
// line on one line, a limit hit one naming the limit.
Result<XmlDocPtr> ParseXml(std::string_view bytes);
// Forgiving HTML parse.
Result<XmlDocPtr> ParseHtml(std::string_view bytes);

inline std::string_view Name(const xmlNode* n) {
  return n && n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view();
}
std::string Attr(const xmlNode* n, const char* name);
// First element child (any depth when deep) with this local name.
xmlNode* Find(xmlNode* n, std::string_view name, bool deep = true);
void FindAll(xmlNode* n, std::string_view name, std::vector<xmlNode*>* out);

// Find, FindAll and Text walk without recursion, so any depth is safe.
// Concatenated text below n. Elements named in `skip` are left out; block
// elements named in `blocks` start a new line (others are inline).
std::string Text(const xmlNode* n, const std::vector<std::string_view>& skip = {},
                 const std::vector<std::string_view>& blocks = {});

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_FORMATS_XML_H_
