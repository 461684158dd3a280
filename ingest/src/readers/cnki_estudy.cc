// CNKI E-Study (知网研学) export: "Title-题名: …" lines, a record opening at
// "DataType: 1" (or at a second title when an export has no DataType),
// authors, keywords and organisations ';'-separated ("柯洪琴;陈璿英;").
// Ids: doi: when the record has a DOI, else cnki:<FileName> from the link
// (cnki:ZNYX202101034).
#include <string>
#include <vector>

#include "formats/bib_record.h"
#include "formats/encoding.h"
#include "formats/tagged_records.h"
#include "formats/whitespace.h"
#include "lodestone/text/ascii.h"
#include "readers/reader.h"

namespace lodestone::internal {

namespace {

// "Title-题名: text" -> ("Title", "text"); "DataType: 1" -> ("DataType", "1").
// The English name decides; the Chinese one after '-' is a label.
bool EStudyTag(std::string_view line, std::string* tag, std::string* value) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 40) return false;
  std::string_view name = line.substr(0, colon);
  size_t dash = name.find('-');
  std::string_view english = dash == std::string_view::npos ? name : name.substr(0, dash);
  if (english.empty()) return false;
  for (char c : english)
    if (!text::IsAsciiAlpha(c)) return false;
  // Without a Chinese label only the record's opening tag counts: a
  // wrapped abstract may hold "Note: ...".
  if (dash == std::string_view::npos && english != "DataType") return false;
  *tag = std::string(english);
  *value = text::Trim(line.substr(colon + 1));
  return true;
}

std::string First(const TaggedRecord& rec, const char* tag) { return Field(rec, tag, " "); }


Document EStudyRecord(const TaggedRecord& rec, const FileInput& in, size_t n) {
  BibRecord b;
  b.format = "cnki-estudy";
  b.database = "CNKI";
  b.title = First(rec, "Title");
  b.authors = NameListOf(rec, "Author");
  b.addresses = NameListOf(rec, "Organ");
  b.keywords = NameListOf(rec, "Keyword");
  b.abstract = First(rec, "Summary");
  // CNKI marks an abstract taken from the body with "<正>".
  if (text::StartsWith(b.abstract, "<\xE6\xAD\xA3>")) b.abstract = text::Trim(b.abstract.substr(5));
  b.journal = First(rec, "Source");
  b.year = First(rec, "Year");
  b.date = First(rec, "PubTime");
  if (b.year.empty()) b.year = b.date;
  b.volume = First(rec, "Roll");
  b.issue = First(rec, "Period");
  b.pages = First(rec, "Page");
  b.issn = First(rec, "ISSN");
  b.doi = First(rec, "DOI");
  b.url = First(rec, "Link");
  b.funding = First(rec, "Fund");
  b.document_type = First(rec, "SrcDatabase");
  const std::string file = CnkiFileName(b.url);
  if (!file.empty()) b.own_id = "cnki:" + file;
  return PaperFromRecord(b, in.key, n);
}

Result<std::vector<Document>> ReadCnkiEStudy(const FileInput& in) {
  auto utf8 = ToUtf8(in.bytes);
  if (!utf8.ok()) return utf8.status();
  std::vector<Document> out;
  size_t n = 0;
  auto records = ReadTaggedRecords(*utf8, TagSyntax{EStudyTag, {"DataType"}, "Title"});
  if (!records.ok()) return records.status();
  for (const TaggedRecord& rec : *records)
    if (rec.count("Title") || rec.count("Author")) out.push_back(EStudyRecord(rec, in, ++n));
  return out;
}

bool SniffCnkiEStudy(const FileHead& f) {
  return f.TextLike() && (text::StartsWith(f.body, "DataType:") || text::StartsWith(f.body, "Title-\xE9\xA2\x98\xE5\x90\x8D:")) &&
         f.Has("-\xE9\xA2\x98\xE5\x90\x8D:");  // "-题名:"
}

}  // namespace

extern const Reader kCnkiEStudyReader = {"cnki-estudy", kRichRecord, SniffCnkiEStudy, ReadCnkiEStudy};

}  // namespace lodestone::internal
