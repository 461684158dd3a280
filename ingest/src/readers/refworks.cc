// RefWorks tagged format (CNKI's and CQVIP's "RefWorks" export, RefWorks
// itself): "RT Journal Article" opens a record, two-letter tags then a blank
// ("A1 王小明;李华;", "T1 …", "JF …", "YR 2022", "vo 44", "OP 501-512", "K1 …",
// "AD …", "LK …"), one value per line, a blank line between records. Authors,
// keywords and addresses may be one per line or ';'-separated on one.
// Ids: doi: (DO), else cnki:<FileName> / wanfang:<id> from the link, else rec:.
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

// "A1 王小明" -> ("A1", "王小明"); tags are case-insensitive ("vo", "VO").
bool RefWorksTag(std::string_view line, std::string* tag, std::string* value) {
  if (line.size() < 3 || !text::IsAsciiAlpha(line[0]) || !text::IsAsciiAlnum(line[1]) || line[2] != ' ') return false;
  *tag = text::AsciiUpper(line.substr(0, 2));
  *value = text::Trim(line.substr(3));
  return true;
}



Document RefWorksRecord(const TaggedRecord& rec, const FileInput& in, size_t n) {
  BibRecord b;
  b.format = "refworks";
  b.document_type = Field(rec, "RT");
  b.title = Field(rec, "T1");
  b.translated_title = Field(rec, "T2") == Field(rec, "JF") ? "" : Field(rec, "T2");
  b.authors = NameListOf(rec, "A1");
  if (b.authors.empty()) b.authors = NameListOf(rec, "AU");
  b.addresses = NameListOf(rec, "AD");
  b.keywords = NameListOf(rec, "K1");
  b.abstract = Field(rec, "AB");
  b.journal = Field(rec, "JF");
  b.journal_abbrev = Field(rec, "JO");
  b.year = Field(rec, "YR");
  b.date = Field(rec, "FD");
  b.volume = Field(rec, "VO");
  b.issue = Field(rec, "IS");
  b.pages = Field(rec, "OP");
  if (std::string sp = Field(rec, "SP"); !sp.empty()) b.pages = sp + (b.pages.empty() ? "" : "-" + b.pages);
  b.issn = Field(rec, "SN");
  b.doi = Field(rec, "DO");
  b.url = Field(rec, "LK");
  if (b.url.empty()) b.url = Field(rec, "UL");
  b.language = Field(rec, "LA");
  b.database = Field(rec, "DS");
  b.funding = Field(rec, "FU");
  b.own_id = IdOfLink(b.url);
  return PaperFromRecord(b, in.key, n);
}

Result<std::vector<Document>> ReadRefWorks(const FileInput& in) {
  auto utf8 = ToUtf8(in.bytes);
  if (!utf8.ok()) return utf8.status();
  std::vector<Document> out;
  size_t n = 0;
  auto records = ReadTaggedRecords(*utf8, TagSyntax{RefWorksTag, {"RT"}, ""});
  if (!records.ok()) return records.status();
  for (const TaggedRecord& rec : *records)
    if (rec.count("T1") || rec.count("A1")) out.push_back(RefWorksRecord(rec, in, ++n));
  return out;
}

bool SniffRefWorks(const FileHead& f) {
  return f.TextLike() && text::StartsWith(f.body, "RT ") && (f.Has("\nT1 ") || f.Has("\nA1 "));
}

}  // namespace

extern const Reader kRefWorksReader = {"refworks", kRichRecord, SniffRefWorks, ReadRefWorks};

}  // namespace lodestone::internal
