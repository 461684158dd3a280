// USLM XML (the U.S. Code, public laws, bills, statute compilations, Federal
// Register issues): a Code title yields one document per section
// (usc:<title>/<section>); a law pl:<congress>-<number>; a bill
// bill:<congress>/<type>/<number>; a compilation act:<slug of its short title>.
#include <string>
#include <vector>

#include "extract/classify.h"
#include "formats/dates.h"
#include "formats/numbers.h"
#include "formats/whitespace.h"
#include "formats/xml.h"
#include "lodestone/text/ascii.h"
#include "readers/ids.h"
#include "readers/reader.h"

namespace lodestone::internal {

namespace {

const std::vector<std::string_view> kUslmSkip = {"notes", "toc", "layout", "meta", "sidenote", "page"};

const std::vector<std::string_view> kUslmBlocks = {
    "section", "subsection", "paragraph", "subparagraph", "clause", "subclause", "item", "heading",
    "num",     "content",    "chapeau",   "continuation", "p",      "sourceCredit", "title", "chapter",
    "subchapter", "part", "division", "longTitle", "enactingFormula", "officialTitle", "level", "quotedContent"};

// Public law numbers and citations print en and em dashes ("115–6"); ids use '-'.
std::string AsciiDashes(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x93 || static_cast<unsigned char>(s[i + 2]) == 0x94)) {
      out += '-';
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string MetaText(xmlNode* meta, std::string_view name) {
  xmlNode* n = Find(meta, name);
  return n ? CleanWhitespace(Text(n)) : std::string();
}

std::vector<std::string> AllMetaText(xmlNode* meta, std::string_view name) {
  std::vector<xmlNode*> nodes;
  FindAll(meta, name, &nodes);
  std::vector<std::string> out;
  for (xmlNode* n : nodes) out.push_back(CleanWhitespace(Text(n)));
  return out;
}

Result<std::vector<Document>> ReadUslm(const FileInput& in) {
  auto parsed = ParseXml(in.bytes);
  if (!parsed.ok()) return parsed.status();
  xmlNode* root = xmlDocGetRootElement(parsed->get());
  if (!root) return Status::ParseError("empty XML document");
  xmlNode* meta = Find(root, "meta", false);
  std::string_view kind = Name(root);
  std::vector<Document> out;
  if (kind == "uscDoc") {
    std::string title_num = MetaText(meta, "docNumber");
    std::vector<xmlNode*> sections;
    FindAll(root, "section", &sections);
    for (xmlNode* s : sections) {
      std::string ident = Attr(s, "identifier");  // /us/usc/t30/s1606
      size_t t = ident.find("/t"), sec = ident.find("/s", t == std::string::npos ? 0 : t + 2);
      if (t == std::string::npos || sec == std::string::npos) continue;
      std::string tnum = ident.substr(t + 2, sec - t - 2), snum = ident.substr(sec + 2);
      Document d;
      d.format = "uslm-xml";
      d.kind = Kind::kLaw;
      d.language = "en";
      d.id = "usc:" + tnum + "/" + snum;
      d.number = tnum + " U.S.C. " + snum;
      xmlNode* heading = Find(s, "heading", false);
      d.title = heading ? CleanWhitespace(Text(heading)) : d.number;
      d.text = CleanWhitespace(Text(s, kUslmSkip, kUslmBlocks));
      d.meta["citation"] = d.number;
      std::string release = MetaText(meta, "docPublicationName");
      if (!release.empty()) d.meta["release"] = release;
      if (!Attr(s, "status").empty()) d.meta["status"] = Attr(s, "status");
      out.push_back(std::move(d));
    }
    if (out.empty()) return Status::ParseError("U.S. Code title " + title_num + " has no sections");
    return out;
  }
  Document d;
  d.format = "uslm-xml";
  d.language = "en";
  d.title = MetaText(meta, "title");
  d.text = CleanWhitespace(Text(Find(root, "main", false) ? Find(root, "main", false) : root, kUslmSkip, kUslmBlocks));
  std::vector<std::string> citable = AllMetaText(meta, "citableAs");
  if (!citable.empty()) d.meta["citation"] = AsciiDashes(citable.front());
  if (kind == "pLaw") {
    d.kind = Kind::kLaw;
    xmlNode* preface = Find(root, "preface", false);
    std::string num = AsciiDashes(MetaText(preface, "docNumber"));  // "115-6"
    if (num.find('-') != std::string::npos) {
      d.number = num;
      d.id = "pl:" + num;
    }
    if (xmlNode* ot = Find(root, "officialTitle")) d.title = CleanWhitespace(Text(ot, {"sidenote"}));
    if (xmlNode* lt = Find(root, "longTitle")) d.date = FindEnglishDate(Text(lt));
    for (const auto& c : citable)
      if (c.find("Stat.") != std::string::npos) d.meta["statutes_at_large"] = c;
  } else if (kind == "bill" || kind == "resolution") {
    d.kind = Kind::kOther;
    d.meta["type"] = MetaText(meta, "type");
    // "116 HR 2157 IH" -> bill:116/hr/2157
    for (const auto& c : citable) {
      std::vector<std::string> parts;
      size_t p = 0;
      while (p < c.size()) {
        size_t sp = c.find(' ', p);
        if (sp == std::string::npos) sp = c.size();
        if (sp > p) parts.push_back(c.substr(p, sp - p));
        p = sp + 1;
      }
      if (parts.size() >= 3 && !ReadNumber(parts[0], 0).empty() && !ReadNumber(parts[2], 0).empty() &&
          parts[1].find('.') == std::string::npos) {
        d.id = "bill:" + parts[0] + "/" + text::AsciiLower(parts[1]) + "/" + parts[2];
        d.number = parts[1] + " " + parts[2];
        break;
      }
    }
    d.date = ParseDate(MetaText(meta, "processedDate"));
    d.meta["stage"] = MetaText(meta, "docStage");
  } else if (kind == "statuteCompilation") {
    d.kind = Kind::kLaw;
    std::string short_title = MetaText(meta, "citableAsShortTitle");
    if (!short_title.empty()) d.id = "act:" + Slug(short_title);
    std::string through = MetaText(meta, "currentThroughPublicLaw");
    if (!through.empty()) d.meta["current_through"] = "Public Law " + AsciiDashes(through);
  } else if (kind == "frDoc") {
    d.kind = Kind::kOther;
    d.meta["type"] = MetaText(meta, "type");
    d.date = ParseDate(MetaText(meta, "date"));
  } else {
    d.kind = ClassifyKind(in.path, d.title, d.text);
  }
  if (d.id.empty()) d.id = HashId(in.key);
  if (d.title.empty()) d.title = d.id;
  out.push_back(std::move(d));
  return out;
}

bool SniffUslm(const FileHead& f) { return f.ExtIs({".xml"}) && f.Has("uslm"); }

}  // namespace

extern const Reader kUslmXmlReader = {"uslm-xml", kRichStructured, SniffUslm, ReadUslm};

}  // namespace lodestone::internal
