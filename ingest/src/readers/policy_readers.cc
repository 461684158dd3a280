// Readers for policy documents: plain text, Markdown (White House, Chinese
// laws, our demo notes), HTML (GPO <pre> pages, federalregister.gov
// fragments, generic pages) and Federal Register XML.
#include <cstring>
#include <filesystem>

#include "extract/classify.h"
#include "extract/own_id.h"
#include "readers/readers_internal.h"
#include "formats/dates.h"
#include "formats/encoding.h"
#include "formats/language.h"
#include "formats/numbers.h"
#include "formats/whitespace.h"
#include "lodestone/text/ascii.h"
#include "lodestone/text/utf8.h"
#include "readers/ids.h"
#include "formats/xml.h"

namespace lodestone::internal {

namespace {

// Number of an order from a file name such as EO_13603.htm.
std::string EoNumberFromName(const std::string& path) {
  std::string stem = std::filesystem::path(path).stem().string();
  for (const char* p : {"EO_", "eo_", "EO-", "eo-"})
    if (text::StartsWith(stem, p)) {
      std::string n = ReadNumber(stem, 3);
      if (n.size() >= 4) return n;
    }
  return {};
}

// Finds "Executive Order <n> of <date>" (the order's own heading); when
// `number` is empty, the first such heading decides it.
size_t FindEoHeading(std::string_view text, std::string* number, std::string* date) {
  size_t pos = 0;
  while ((pos = text.find("Executive Order ", pos)) != std::string_view::npos) {
    size_t end;
    std::string n = ReadNumber(text, pos + 16, &end);
    std::string_view rest = text.substr(end, 12);
    if (!n.empty() && (number->empty() || n == *number) && text::StartsWith(rest, " of ")) {
      *number = n;
      *date = FindEnglishDate(text.substr(end + 4, 40));
      return pos;
    }
    pos += 16;
  }
  return std::string_view::npos;
}

// The president is not set here: attribution (ingest/attribution.h) does it
// for every document in one place.
void FillPolicyMeta(Document& d) {
  if (d.language.empty()) d.language = GuessLanguage(d.text);
}

std::string FirstLine(std::string_view text) {
  size_t nl = text.find('\n');
  return text::Trim(text.substr(0, nl));
}

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

}  // namespace

bool TakeOwnHeading(Document& d) {
  auto h = ReadOwnHeading(d.text);
  if (!h) return false;
  const std::string heading_line = FirstLine(std::string_view(d.text).substr(d.text.find_first_not_of(" \t\n")));
  d.id = h->id;
  d.number = h->number;
  d.kind = h->kind;
  if (!h->date.empty()) d.date = h->date;
  // A title taken from the first line is the heading itself; the order's
  // title is what follows its date, or the next line.
  if ((d.title.empty() || d.title == heading_line) && !h->title.empty()) d.title = h->title.substr(0, 200);
  FillPolicyMeta(d);
  return true;
}

// A Chinese law or regulation that opens with its promulgation history is
// one version of the law: dated by its latest event, with an id that tells
// the versions apart, and superseding the version it revised (own_id.h).
void TakeChineseVersion(Document& d) {
  if (d.title.empty() || static_cast<unsigned char>(d.title[0]) < 0xE0) return;
  if (d.kind != Kind::kLaw && d.kind != Kind::kRegulation) return;
  auto v = ReadPromulgationHistory(d.text);
  if (!v) return;
  d.date = v->date;
  d.id = ChineseLawId(d.title, d.date);
  if (!v->previous.empty())
    d.relations.push_back({"supersedes", ChineseLawId(d.title, v->previous), static_cast<uint32_t>(v->offset), "metadata"});
}

Result<std::vector<Document>> ReadText(const FileInput& in) {
  auto utf8 = ToUtf8(in.bytes);
  if (!utf8.ok()) return utf8.status();
  Document d;
  d.id = HashId(in.key);
  d.format = "text";
  d.text = CleanWhitespace(*utf8);
  d.title = FirstLine(d.text);
  if (d.title.size() > 200) d.title = d.title.substr(0, 200);
  d.kind = ClassifyKind(in.path, d.title, d.text);
  TakeOwnHeading(d);
  FillPolicyMeta(d);
  return std::vector<Document>{std::move(d)};
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
  FillPolicyMeta(d);
  return std::vector<Document>{std::move(d)};
}

Result<std::vector<Document>> ReadHtml(const FileInput& in, const std::string& format) {
  auto utf8 = ToUtf8(in.bytes);
  if (!utf8.ok()) return utf8.status();
  auto doc = ParseHtml(*utf8);
  if (!doc.ok()) return doc.status();
  xmlNode* root = xmlDocGetRootElement(doc->get());
  if (!root) return Status::ParseError("empty HTML document");
  static const std::vector<std::string_view> kSkip = {"script", "style", "head", "noscript", "template"};
  static const std::vector<std::string_view> kBlocks = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li",
                                                        "br", "tr", "pre", "table", "ul", "ol", "blockquote",
                                                        "section", "article", "header", "footer", "dd", "dt"};
  Document d;
  d.format = format;
  std::string number = EoNumberFromName(in.path);
  if (format == "gpo-html") {
    xmlNode* pre = Find(root, "pre");
    std::string text = Text(pre ? pre : root, kSkip, kBlocks);
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
  } else {
    // Page-number spans (federalregister.gov) carry no words of the text.
    std::vector<std::string_view> skip = kSkip;
    std::string text;
    std::vector<xmlNode*> spans;
    FindAll(root, "span", &spans);
    for (xmlNode* s : spans)
      if (Attr(s, "class").find("printed-page") != std::string::npos) {
        xmlUnlinkNode(s);
        xmlFreeNode(s);
      }
    xmlNode* body = Find(root, "body");
    d.text = CleanWhitespace(Text(body ? body : root, skip, kBlocks));
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
  }
  if (!number.empty() && d.kind == Kind::kExecutiveOrder) {
    d.number = number;
    d.id = "eo:" + number;
  } else {
    d.kind = ClassifyKind(in.path, d.title, d.text);
    d.id = HashId(in.key);
    TakeOwnHeading(d);
  }
  if (d.title.empty()) d.title = FirstLine(d.text).substr(0, 200);
  FillPolicyMeta(d);
  return std::vector<Document>{std::move(d)};
}

Result<std::vector<Document>> ReadFrXml(const FileInput& in) {
  auto doc = ParseXml(in.bytes);
  if (!doc.ok()) return doc.status();
  xmlNode* root = xmlDocGetRootElement(doc->get());
  Document d;
  d.format = "fr-xml";
  // Printing artefacts: page numbers, graphics, filing trailer, billing code.
  static const std::vector<std::string_view> kSkip = {"PRTPAGE", "GPH", "FRDOC", "FILED", "BILCOD", "GID"};
  static const std::vector<std::string_view> kBlocks = {"P",    "FP",   "HD",    "EXECORDR", "PRES", "TITLE3",
                                                        "PSIG", "PLACE", "DATE", "PROCLA",   "PRORDR", "GPOTABLE",
                                                        "ROW",  "EXTRACT", "NOTE", "LI"};
  d.text = CleanWhitespace(Text(root, kSkip, kBlocks));
  std::string number = EoNumberFromName(in.path);
  if (xmlNode* hd = Find(root, "EXECORDR")) {
    std::string heading = Text(hd);
    std::string date;
    FindEoHeading(heading, &number, &date);
    d.date = date;
    d.kind = Kind::kExecutiveOrder;
  } else {
    d.kind = ClassifyKind(in.path, "", d.text);
  }
  if (xmlNode* hd = Find(root, "HD")) d.title = CleanWhitespace(Text(hd));
  if (d.kind == Kind::kExecutiveOrder && !number.empty()) {
    d.number = number;
    d.id = "eo:" + number;
  } else {
    d.id = HashId(in.key);
  }
  d.language = "en";
  FillPolicyMeta(d);
  return std::vector<Document>{std::move(d)};
}

}  // namespace lodestone::internal
