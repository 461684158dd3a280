#include "formats/xml.h"

#include <algorithm>

namespace lodestone::internal {

namespace {
// libxml2 reports errors through a global callback; collect the first one
// per thread instead of printing to stderr.
thread_local std::string g_first_error;

void CollectError(void*, xmlErrorPtr err) {
  if (!err || !g_first_error.empty()) return;
  std::string msg = err->message ? err->message : "malformed";
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  g_first_error = "line " + std::to_string(err->line) + ": " + msg;
}

bool In(std::string_view name, const std::vector<std::string_view>& list) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

void TextInto(const xmlNode* n, const std::vector<std::string_view>& skip,
              const std::vector<std::string_view>& blocks, std::string& out) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) out += reinterpret_cast<const char*>(c->content);
    } else if (c->type == XML_ELEMENT_NODE) {
      std::string_view name = Name(c);
      if (In(name, skip)) continue;
      bool block = In(name, blocks);
      if (block && !out.empty() && out.back() != '\n') out += '\n';
      TextInto(c, skip, blocks, out);
      if (block && !out.empty() && out.back() != '\n') out += '\n';
    }
  }
}
}  // namespace

Result<XmlDocPtr> ParseXml(std::string_view bytes) {
  g_first_error.clear();
  xmlSetStructuredErrorFunc(nullptr, CollectError);
  xmlDoc* d = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  if (!d || !g_first_error.empty()) {
    if (d) xmlFreeDoc(d);
    return Status::ParseError("malformed XML (" + (g_first_error.empty() ? std::string("unreadable") : g_first_error) +
                              ")");
  }
  return XmlDocPtr(d);
}

Result<XmlDocPtr> ParseHtml(std::string_view bytes) {
  g_first_error.clear();
  xmlSetStructuredErrorFunc(nullptr, CollectError);
  htmlDocPtr d = htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, "UTF-8",
                                HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  if (!d) return Status::ParseError("unreadable HTML");
  return XmlDocPtr(d);
}

std::string Attr(const xmlNode* n, const char* name) {
  if (!n) return {};
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return {};
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

xmlNode* Find(xmlNode* n, std::string_view name, bool deep) {
  if (!n) return nullptr;
  for (xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (Name(c) == name) return c;
    if (deep)
      if (xmlNode* f = Find(c, name, true)) return f;
  }
  return nullptr;
}

void FindAll(xmlNode* n, std::string_view name, std::vector<xmlNode*>* out) {
  if (!n) return;
  for (xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (Name(c) == name)
      out->push_back(c);
    else
      FindAll(c, name, out);
  }
}

std::string Text(const xmlNode* n, const std::vector<std::string_view>& skip,
                 const std::vector<std::string_view>& blocks) {
  std::string out;
  if (n) TextInto(n, skip, blocks, out);
  return out;
}

}  // namespace lodestone::internal
