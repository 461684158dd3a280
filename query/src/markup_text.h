// Text put into markup that the dossier writes by hand: HTML and SVG
// (elements and attribute values) and Markdown (inline text, link targets).
// Private to query/. Thread-safety: pure functions.
#ifndef LODESTONE_QUERY_SRC_MARKUP_TEXT_H_
#define LODESTONE_QUERY_SRC_MARKUP_TEXT_H_

#include <string>

namespace lodestone::query::internal {

// & < > " ' escaped: safe in element content and in either kind of quoted
// attribute.
inline std::string Html(const std::string& s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// Inline Markdown: the characters that would open emphasis, code, links,
// HTML or a table cell are backslash-escaped; line breaks become spaces (a
// title or sentence stays on its list item's line).
inline std::string Md(const std::string& s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|': case '#':
        out += '\\';
        out += c;
        break;
      case '\n': case '\r': case '\t': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

// A link target: spaces, parentheses and angle brackets percent-encoded so
// that the target ends where Markdown expects (ids hold ':' and '/', kept).
inline std::string UrlPart(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (c <= ' ' || c == '(' || c == ')' || c == '<' || c == '>' || c == '"' || c == '#' || c == '%' || c == '?' ||
        c == '\\' || c == 0x7f) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace lodestone::query::internal

#endif  // LODESTONE_QUERY_SRC_MARKUP_TEXT_H_
