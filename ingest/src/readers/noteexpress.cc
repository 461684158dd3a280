// NoteExpress export (Wanfang 万方's default; CNKI offers it too): "{Title}: …"
// lines, one {Author} / {Keywords} / {Author Address} per line (the address
// of the author in the same place), a blank line between records.
// Ids: doi: when the record has a DOI, else wanfang:<id> from a Wanfang link,
// cnki:<FileName> from a CNKI one.
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

// "{Author}: 江文杰" -> ("Author", "江文杰").
bool NoteExpressTag(std::string_view line, std::string* tag, std::string* value) {
  if (line.empty() || line[0] != '{') return false;
  size_t close = line.find("}:");
  if (close == std::string_view::npos || close < 2 || close > 40) return false;
  *tag = std::string(line.substr(1, close - 1));
  *value = text::Trim(line.substr(close + 2));
  return true;
}

std::vector<std::string> Lines(const TaggedRecord& rec, const char* tag) {
  const auto* v = Items(rec, tag);
  std::vector<std::string> out;
  if (v)
    for (const auto& line : *v) out.push_back(OneLine(line));
  return out;
}


Document NoteExpressRecord(const TaggedRecord& rec, const FileInput& in, size_t n) {
  BibRecord b;
  b.format = "noteexpress";
  b.document_type = Field(rec, "Reference Type");
  b.title = Field(rec, "Title");
  b.translated_title = Field(rec, "Translated Title");
  for (auto& a : Lines(rec, "Author"))
    if (!a.empty()) b.authors.push_back(a);
  b.translated_authors = Lines(rec, "Translated Author");
  // One address per author, in the authors' order; a record with fewer
  // addresses than authors does not say whose they are.
  std::vector<std::string> addresses = Lines(rec, "Author Address");
  if (addresses.size() == b.authors.size()) {
    for (size_t i = 0; i < addresses.size(); ++i) b.author_addresses.push_back({i, addresses[i]});
  } else {
    for (auto& a : addresses)
      for (auto& one : SplitNameList(a)) b.addresses.push_back(std::move(one));
  }
  b.keywords = NameListOf(rec, "Keywords");  // one per line, or a ';' list on one
  b.translated_keywords = NameListOf(rec, "Translated Keywords");
  b.abstract = Field(rec, "Abstract");
  b.journal = Field(rec, "Journal");
  b.year = Field(rec, "Year");
  b.volume = Field(rec, "Volume");
  b.issue = Field(rec, "Issue");
  b.pages = Field(rec, "Pages");
  b.issn = Field(rec, "ISBN/ISSN");
  b.doi = Field(rec, "DOI");
  b.url = Field(rec, "URL");
  b.language = Field(rec, "Language");
  b.database = Field(rec, "Database Provider");
  b.funding = Field(rec, "Fund", "; ");
  b.own_id = IdOfLink(b.url);
  return PaperFromRecord(b, in.key, n);
}

Result<std::vector<Document>> ReadNoteExpress(const FileInput& in) {
  auto utf8 = ToUtf8(in.bytes);
  if (!utf8.ok()) return utf8.status();
  std::vector<Document> out;
  size_t n = 0;
  auto records = ReadTaggedRecords(*utf8, TagSyntax{NoteExpressTag, {"Reference Type"}, ""});
  if (!records.ok()) return records.status();
  for (const TaggedRecord& rec : *records)
    if (rec.count("Title") || rec.count("Author")) out.push_back(NoteExpressRecord(rec, in, ++n));
  return out;
}

bool SniffNoteExpress(const FileHead& f) {
  return (f.TextLike() || f.ExtIs({".net"})) &&
         (text::StartsWith(f.body, "{Reference Type}:") || text::StartsWith(f.body, "{Title}:"));
}

}  // namespace

extern const Reader kNoteExpressReader = {"noteexpress", kRichRecord, SniffNoteExpress, ReadNoteExpress};

}  // namespace lodestone::internal
