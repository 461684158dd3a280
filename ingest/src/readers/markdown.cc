// Markdown (the White House snapshot, the Chinese laws, our demo notes): YAML
// front matter (title, date, kind, id, jurisdiction, citation, ...), the
// text without its markup, U.S. Code excerpts recognised by their headings,
// an own number stated as the heading, a Chinese law's version.
#include <cctype>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "extract/classify.h"
#include "extract/own_id.h"
#include "formats/dates.h"
#include "formats/encoding.h"
#include "formats/language.h"
#include "formats/numbers.h"
#include "formats/whitespace.h"
#include "lodestone/text/ascii.h"
#include "lodestone/text/utf8.h"
#include "readers/ids.h"
#include "readers/reader.h"

namespace lodestone::internal {

namespace {

// Markdown to plain text: headings, emphasis, links, escapes, inline HTML
// and comments go; the words stay where they were.
std::string MarkdownToText(std::string_view md) {
  std::string out;
  out.reserve(md.size());
  for (size_t i = 0; i < md.size(); ++i) {
    char c = md[i];
    if (c == '\\' && i + 1 < md.size() && std::ispunct(static_cast<unsigned char>(md[i + 1]))) {
      out += md[++i];
    } else if (c == '<') {
      // Inline HTML tag or comment: drop it, keep a space so words do not glue.
      bool comment = text::StartsWith(md.substr(i), "<!--");
      size_t close = comment ? md.find("-->", i) : md.find('>', i);
      bool tag = close != std::string_view::npos && close - i < 400 &&
                 (comment || (i + 1 < md.size() && (std::isalpha(static_cast<unsigned char>(md[i + 1])) || md[i + 1] == '/')));
      if (!tag) {
        out += c;
        continue;
      }
      i = comment ? close + 2 : close;
      out += ' ';
    } else if (c == '[') {
      // [text](url) -> text
      size_t close = md.find(']', i);
      if (close != std::string_view::npos && close + 1 < md.size() && md[close + 1] == '(') {
        size_t paren = md.find(')', close);
        if (paren != std::string_view::npos && paren - close < 600) {
          out.append(md.substr(i + 1, close - i - 1));
          i = paren;
          continue;
        }
      }
      out += c;
    } else if (c == '*' || (c == '#' && (i == 0 || md[i - 1] == '\n' || md[i - 1] == '#'))) {
      // emphasis markers and heading marks
    } else {
      out += c;
    }
  }
  return out;
}

// A YAML scalar spread over `lines` (first line without the key, then
// indented continuation lines): plain, 'single' or "double" quoted, with
// line folding and the escapes the White House snapshot uses (\_ is a
// non-breaking space, a trailing backslash joins lines without a space).
std::string YamlScalar(const std::vector<std::string>& lines) {
  std::string first = lines.empty() ? std::string() : text::Trim(lines[0]);
  if (first.empty()) return {};
  const char q = first[0];
  if (q != '"' && q != '\'') {
    std::string out = first;
    for (size_t i = 1; i < lines.size(); ++i) out += " " + text::Trim(lines[i]);
    return out;
  }
  // Join the lines first: a newline folds to a space unless escaped.
  std::string raw = first.substr(1);
  for (size_t i = 1; i < lines.size(); ++i) {
    if (q == '"' && !raw.empty() && raw.back() == '\\') {
      raw.pop_back();
      std::string next = text::Trim(lines[i]);
      raw += next;
    } else {
      raw += " " + text::Trim(lines[i]);
    }
  }
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (q == '\'') {
      if (c == '\'') {
        if (i + 1 < raw.size() && raw[i + 1] == '\'') {
          out += '\'';
          ++i;
          continue;
        }
        break;  // closing quote
      }
      out += c;
      continue;
    }
    if (c == '"') break;
    if (c != '\\' || i + 1 >= raw.size()) {
      out += c;
      continue;
    }
    char e = raw[++i];
    switch (e) {
      case '_': text::AppendUtf8(0xA0, &out); break;
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case ' ': out += ' '; break;
      case '"': out += '"'; break;
      case '/': out += '/'; break;
      case '\\': out += '\\'; break;
      case 'x':
      case 'u':
      case 'U': {
        size_t len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        if (i + len < raw.size()) {
          uint32_t cp = static_cast<uint32_t>(std::strtoul(raw.substr(i + 1, len).c_str(), nullptr, 16));
          text::AppendUtf8(cp, &out);
          i += len;
        }
        break;
      }
      default: out += e;
    }
  }
  return out;
}

// Splits YAML front matter (--- ... ---) into key: scalar pairs.
std::string_view FrontMatter(std::string_view text, std::map<std::string, std::string>* kv) {
  if (!text::StartsWith(text, "---")) return text;
  size_t end = text.find("\n---", 3);
  if (end == std::string_view::npos) return text;
  std::string_view fm = text.substr(3, end - 3);
  std::string key;
  std::vector<std::string> value;
  auto flush = [&] {
    if (!key.empty()) (*kv)[key] = CleanWhitespace(YamlScalar(value));
    key.clear();
    value.clear();
  };
  size_t pos = 0;
  while (pos < fm.size()) {
    size_t nl = fm.find('\n', pos);
    if (nl == std::string_view::npos) nl = fm.size();
    std::string_view line = fm.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.empty()) continue;
    if (line[0] == ' ' || line[0] == '\t') {
      if (!key.empty()) value.emplace_back(line);
      continue;
    }
    flush();
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || line[0] == '-' || line[0] == '#') continue;
    key = text::Trim(line.substr(0, colon));
    value.emplace_back(line.substr(colon + 1));
  }
  flush();
  size_t body = text.find('\n', end + 4);
  return body == std::string_view::npos ? std::string_view() : text.substr(body + 1);
}

Result<std::vector<Document>> ReadMarkdown(const FileInput& in) {
  auto utf8 = ToUtf8(in.bytes);
  if (!utf8.ok()) return utf8.status();
  std::map<std::string, std::string> fm;
  std::string_view body = FrontMatter(*utf8, &fm);
  Document d;
  d.format = "markdown";
  // The Chinese laws put their history above a marker; it stays in the text.
  d.text = CleanWhitespace(MarkdownToText(body));
  d.title = fm.count("title") ? fm["title"] : "";
  if (d.title.empty()) {
    // First heading, else first line.
    size_t h = body.find("# ");
    d.title = text::Trim(MarkdownToText(h != std::string_view::npos ? FirstLine(body.substr(h + 2)) : FirstLine(d.text)));
  }
  d.date = fm.count("date") ? ParseDate(fm["date"]) : "";
  if (d.date.empty()) d.date = FindChineseDate(d.text.substr(0, 600));
  if (d.date.empty()) {
    // file names such as export-control-law_2020-10-17.md
    std::string stem = std::filesystem::path(in.path).stem().string();
    size_t us = stem.rfind('_');
    if (us != std::string::npos) d.date = ParseDate(stem.substr(us + 1));
  }
  d.url = fm.count("source_url") ? fm["source_url"] : "";
  if (fm.count("language")) d.language = fm["language"];
  if (fm.count("number")) d.number = fm["number"];
  if (fm.count("jurisdiction")) d.jurisdiction = fm["jurisdiction"];  // stated: attribution keeps it
  for (const char* k : {"citation", "tags", "checked_against"})
    if (fm.count(k) && !fm[k].empty()) d.meta[k] = fm[k];
  auto kind = fm.count("kind") ? KindFromName(fm["kind"]) : std::nullopt;
  d.kind = kind ? *kind : ClassifyKind(in.path, d.title, d.text);
  d.id = fm.count("id") && fm["id"].find(':') != std::string::npos ? fm["id"] : HashId(in.key);
  // Excerpts of the U.S. Code: "# Title 42— ..." then "#### § 18741. Heading".
  std::string_view lead = body.substr(body.find_first_not_of("\r\n") == std::string_view::npos
                                          ? body.size()
                                          : body.find_first_not_of("\r\n"));
  if (text::StartsWith(lead, "# Title ")) {
    std::string_view body_ = lead;
    std::string title = ReadNumber(body_, 8);
    size_t sec = body_.find("\n#### §");
    if (!title.empty() && sec != std::string_view::npos) {
      // The section sign is followed by a space, often a narrow no-break one.
      size_t start = sec + std::strlen("\n#### §");
      for (;;) {
        if (body_.substr(start, 1) == " ") start += 1;
        else if (body_.substr(start, 2) == "\xC2\xA0") start += 2;
        else if (body_.substr(start, 3) == "\xE2\x80\xAF") start += 3;
        else break;
      }
      size_t end = body_.find('.', start);
      std::string section = text::Trim(body_.substr(start, end == std::string_view::npos ? 0 : end - start));
      if (!section.empty() && section.size() < 16) {
        d.meta["usc_title"] = title;
        d.meta["citation"] = title + " U.S.C. " + section;
        d.kind = Kind::kLaw;
        d.language = "en";
      }
    }
  }
  if (!fm.count("id")) {
    // A number stated as the heading is the document's own (since 2025 the
    // White House prints "Executive Order 14413" above "By the authority");
    // a Chinese law's promulgation history dates its version.
    if (!TakeOwnHeading(d)) TakeChineseVersion(d);
  }
  if (d.language.empty()) d.language = GuessLanguage(d.text);
  return std::vector<Document>{std::move(d)};
}

bool SniffMarkdown(const FileHead& f) { return f.ExtIs({".md", ".markdown"}); }

}  // namespace

extern const Reader kMarkdownReader = {"markdown", kRichMarkdown, SniffMarkdown, ReadMarkdown};

}  // namespace lodestone::internal
