#include "formats/xml.h"

#include <algorithm>

#include "formats/limits.h"

namespace lodestone::internal {

namespace {
// libxml2 reports errors through a global callback; collect the first one
// per thread instead of printing to stderr.
thread_local std::string g_first_error;

// One line: libxml2's messages may hold newlines (and end with one), which
// would break the "path: problem" line of the ingest summary (issue 11).
std::string OneLineMessage(const char* m) {
  std::string out;
  for (const char* p = m; p && *p; ++p) {
    char c = (*p == '\n' || *p == '\r' || *p == '\t') ? ' ' : *p;
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out.empty() ? "malformed" : out;
}

void CollectError(void*, xmlErrorPtr err) {
  if (!err || !g_first_error.empty()) return;
  std::string msg = OneLineMessage(err->message);
  std::string where = "line " + std::to_string(err->line);
  // The two limits libxml2 enforces for us, named as limits.
  if (msg.find("Excessive depth") != std::string::npos)
    g_first_error = LimitExceeded("elements nested deeper than " + std::to_string(kMaxXmlDepth) + " at " + where,
                                  "XML nesting depth " + std::to_string(kMaxXmlDepth))
                        .message();
  else if (err->code == XML_ERR_ENTITY_LOOP || msg.find("entity reference loop") != std::string::npos ||
           msg.find("amplification") != std::string::npos)
    g_first_error = LimitExceeded("entity expansion looping or growing out of proportion at " + where,
                                  "XML entity expansion")
                        .message();
  else
    g_first_error = "malformed XML (" + where + ": " + msg + ")";
}

bool In(std::string_view name, const std::vector<std::string_view>& list) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

// What a visitor tells Walk after seeing a node.
enum class Step { kDescend, kSkip, kStop };

// Visits the nodes below `root` in document order without recursion: an
// untrusted file nests as deep as it likes and a recursive walk overflows
// the stack (issue 11: 100,000 levels took the whole run down). `enter` sees
// every node; Walk descends only into elements it answers kDescend for, and
// calls `leave` on each of those after its children. Entity references are
// not descended into (their children belong to the declaration).
template <typename Enter, typename Leave>
void Walk(const xmlNode* root, Enter enter, Leave leave) {
  const xmlNode* c = root ? root->children : nullptr;
  while (c) {
    Step step = enter(c);
    if (step == Step::kStop) return;
    bool entered = step == Step::kDescend && c->type == XML_ELEMENT_NODE;
    if (entered && c->children) {
      c = c->children;
      continue;
    }
    if (entered) leave(c);
    while (!c->next) {
      c = c->parent;
      if (!c || c == root) return;
      leave(c);
    }
    c = c->next;
  }
}
}  // namespace

Result<XmlDocPtr> ParseXml(std::string_view bytes) {
  g_first_error.clear();
  xmlSetStructuredErrorFunc(nullptr, CollectError);
  // No XML_PARSE_HUGE: it turns off libxml2's limits on nesting depth (256)
  // and on entity amplification, and a billion-laughs attribute then ran for
  // minutes (issue 11). No XML_PARSE_NOENT: entities are not substituted.
  xmlDoc* d = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  if (!d || !g_first_error.empty()) {
    if (d) xmlFreeDoc(d);
    return Status::ParseError(g_first_error.empty() ? std::string("malformed XML (unreadable)") : g_first_error);
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
  // libxml2 stops at kMaxXmlDepth and keeps what came before: the page is
  // read, cut there, and the cut reported (issue 11: it used to be silent).
  if (g_first_error.find("(limit: XML nesting depth") != std::string::npos)
    WarnLimit(g_first_error.substr(0, g_first_error.find(" (limit:")) + "; the rest of the page was left out",
              "HTML nesting depth " + std::to_string(kMaxXmlDepth));
  return XmlDocPtr(d);
}

std::string Attr(const xmlNode* n, const char* name) {
  if (!n || n->type != XML_ELEMENT_NODE) return {};
  const xmlAttr* a = xmlHasProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!a || a->type != XML_ATTRIBUTE_NODE) return {};  // absent, or a DTD default
  // The value's text nodes only, as Text does: xmlGetProp would expand an
  // entity reference with a strcat per use, and an attribute holding
  // 200,000 references to a 10 KB entity hung the reader (issue 11).
  std::string out;
  for (const xmlNode* c = a->children; c; c = c->next)
    if (c->type == XML_TEXT_NODE && c->content) out += reinterpret_cast<const char*>(c->content);
  return out;
}

xmlNode* Find(xmlNode* n, std::string_view name, bool deep) {
  const xmlNode* found = nullptr;
  Walk(
      n,
      [&](const xmlNode* c) {
        if (c->type != XML_ELEMENT_NODE) return Step::kSkip;
        if (Name(c) == name) {
          found = c;
          return Step::kStop;
        }
        return deep ? Step::kDescend : Step::kSkip;
      },
      [](const xmlNode*) {});
  return const_cast<xmlNode*>(found);
}

void FindAll(xmlNode* n, std::string_view name, std::vector<xmlNode*>* out) {
  Walk(
      n,
      [&](const xmlNode* c) {
        if (c->type != XML_ELEMENT_NODE) return Step::kSkip;
        if (Name(c) != name) return Step::kDescend;
        out->push_back(const_cast<xmlNode*>(c));
        return Step::kSkip;
      },
      [](const xmlNode*) {});
}

std::string Text(const xmlNode* n, const std::vector<std::string_view>& skip,
                 const std::vector<std::string_view>& blocks) {
  std::string out;
  auto end_line = [&] {
    if (!out.empty() && out.back() != '\n') out += '\n';
  };
  Walk(
      n,
      [&](const xmlNode* c) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
          if (c->content) out += reinterpret_cast<const char*>(c->content);
          return Step::kSkip;
        }
        if (c->type != XML_ELEMENT_NODE || In(Name(c), skip)) return Step::kSkip;
        if (In(Name(c), blocks)) end_line();
        return Step::kDescend;
      },
      [&](const xmlNode* c) {
        if (In(Name(c), blocks)) end_line();
      });
  return out;
}

}  // namespace lodestone::internal
