// EndNote tagged format (Refer/BibIX; CNKI's, Wanfang's and CQVIP's
// "EndNote" export): "%0 Journal Article" opens a record, then "%A author"
// (one per line; CNKI writes "王小明;李华;" on one), "%T title", "%J journal",
// "%D year", "%V", "%N", "%P pages", "%K keywords", "%X abstract", "%+ or %I
// address" (CNKI: "%+"), "%U url", "%R DOI", "%@ ISSN", blank lines between.
// Ids: doi: (%R), else cnki:<FileName> / wanfang:<id> from the link, else rec:.
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

// "%A 王小明" -> ("A", "王小明").
bool EndNoteTag(std::string_view line, std::string* tag, std::string* value) {
  if (line.size() < 3 || line[0] != '%' || line[2] != ' ') return false;
  unsigned char c = static_cast<unsigned char>(line[1]);
  if (c <= ' ' || c >= 0x7F) return false;
  *tag = std::string(1, line[1]);
  *value = text::Trim(line.substr(3));
  return true;
}


Document EndNoteRecord(const TaggedRecord& rec, const FileInput& in, size_t n) {
  BibRecord b;
  b.format = "endnote";
  b.document_type = Field(rec, "0");
  b.title = Field(rec, "T");
  b.translated_title = Field(rec, "Q");
  b.authors = NameListOf(rec, "A");
  b.translated_authors = NameListOf(rec, "H");
  b.addresses = NameListOf(rec, "+");
  if (b.addresses.empty() && b.document_type.find("Journal") != std::string::npos) b.addresses = NameListOf(rec, "I");
  b.keywords = NameListOf(rec, "K");
  b.abstract = Field(rec, "X");
  b.journal = Field(rec, "J");
  if (b.journal.empty()) b.journal = Field(rec, "B");
  b.year = Field(rec, "D");
  b.date = Field(rec, "8");
  b.volume = Field(rec, "V");
  b.issue = Field(rec, "N");
  b.pages = Field(rec, "P");
  b.issn = Field(rec, "@");
  b.doi = Field(rec, "R");
  b.url = Field(rec, "U");
  b.language = Field(rec, "G");
  b.database = Field(rec, "W");
  b.own_id = IdOfLink(b.url);
  return PaperFromRecord(b, in.key, n);
}

Result<std::vector<Document>> ReadEndNote(const FileInput& in) {
  auto utf8 = ToUtf8(in.bytes);
  if (!utf8.ok()) return utf8.status();
  std::vector<Document> out;
  size_t n = 0;
  auto records = ReadTaggedRecords(*utf8, TagSyntax{EndNoteTag, {"0"}, ""});
  if (!records.ok()) return records.status();
  for (const TaggedRecord& rec : *records)
    if (rec.count("T") || rec.count("A")) out.push_back(EndNoteRecord(rec, in, ++n));
  return out;
}

bool SniffEndNote(const FileHead& f) {
  return (f.TextLike() || f.ExtIs({".enw"})) && text::StartsWith(f.body, "%0 ") && (f.Has("\n%T ") || f.Has("\n%A "));
}

}  // namespace

extern const Reader kEndNoteReader = {"endnote", kRichRecord, SniffEndNote, ReadEndNote};

}  // namespace lodestone::internal
