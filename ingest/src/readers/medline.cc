// PubMed MEDLINE export (.nbib, .txt): "TAG - value" lines, the tag padded to
// four characters ("PMID- 33465792", "TI  - …"), continuation lines indented
// by six blanks, a blank line between records. An author's AD lines follow
// their FAU/AU. Ids: doi: from LID/AID "[doi]" when present, else pmid:N
// (the other an alias).
#include <algorithm>
#include <string>
#include <vector>

#include "formats/bib_record.h"
#include "formats/dates.h"
#include "formats/encoding.h"
#include "formats/limits.h"
#include "formats/whitespace.h"
#include "lodestone/text/ascii.h"
#include "readers/reader.h"

namespace lodestone::internal {

namespace {

struct Line {
  std::string tag, value;
};

// "TI  - Switching of ..." -> ("TI", "Switching of ..."); "PMID- 1" too.
bool MedlineTag(std::string_view line, std::string* tag, std::string* value) {
  if (line.size() < 5 || line[4] != '-' || !text::IsAsciiUpper(line[0])) return false;
  std::string t = text::Trim(line.substr(0, 4));
  if (t.size() < 2) return false;
  for (char c : t)
    if (!text::IsAsciiUpper(c) && !text::IsAsciiDigit(c)) return false;
  *tag = t;
  *value = text::Trim(line.substr(5));
  return true;
}

// "10.1055/s-0040-1719149 [doi]" -> the id when the bracket says `kind`.
std::string IdOfKind(const std::string& v, std::string_view kind) {
  std::string marker = "[" + std::string(kind) + "]";
  size_t p = v.find(marker);
  return p == std::string::npos ? std::string() : text::Trim(std::string_view(v).substr(0, p));
}

// DP "2021 Jan 19", "2020 Dec", "2021 Jan-Feb", "2020 Winter", "2019".
std::string MedlineDate(const std::string& dp) {
  std::vector<std::string> w;
  std::string cur;
  for (char c : dp + " ") {
    if (c == ' ' || c == '-') {
      if (!cur.empty()) w.push_back(cur);
      cur.clear();
      if (c == '-') break;  // a range: its start
    } else {
      cur += c;
    }
  }
  if (w.empty() || !IsYear(w[0])) return {};
  int month = w.size() > 1 ? MonthNumber(w[1]) : 0;
  int day = month && w.size() > 2 && text::AllAsciiDigits(w[2]) && w[2].size() <= 2 ? std::stoi(w[2]) : 0;
  return MakeDate(w[0], month, day);
}

Document MedlineRecord(const std::vector<Line>& lines, const FileInput& in, size_t n) {
  BibRecord b;
  b.format = "medline";
  b.database = "PubMed";
  std::string pmid, doi_lid, doi_aid, dp;
  bool author_open = false;  // AD lines belong to the last FAU/AU
  std::vector<std::string> full, short_names;
  for (const Line& l : lines) {
    const std::string& t = l.tag;
    if (t == "PMID") pmid = l.value;
    else if (t == "TI") b.title = l.value;
    else if (t == "TT") b.translated_title = l.value;
    else if (t == "AB") b.abstract = l.value;
    else if (t == "FAU" || t == "AU") {
      (t == "FAU" ? full : short_names).push_back(l.value);
      author_open = true;
    } else if (t == "AD") {
      // The author the address belongs to: the last one named (by FAU, or
      // by AU in records without FAU).
      size_t who = std::max(full.size(), short_names.size());
      if (author_open && who > 0) b.author_addresses.push_back({who - 1, l.value});
      else b.addresses.push_back(l.value);
    } else if (t == "DP") dp = l.value;
    else if (t == "TA") b.journal_abbrev = l.value;
    else if (t == "JT") b.journal = l.value;
    else if (t == "VI") b.volume = l.value;
    else if (t == "IP") b.issue = l.value;
    else if (t == "PG") b.pages = l.value;
    else if (t == "LA") b.language = l.value;
    else if (t == "PT" && b.document_type.empty()) b.document_type = l.value;
    else if (t == "IS" && b.issn.empty()) b.issn = l.value.substr(0, l.value.find(' '));
    else if (t == "OT") b.keywords.push_back(l.value);
    else if (t == "MH") {
      // "Breast Neoplasms/*drug therapy": the heading, without its
      // qualifiers and the major-topic star.
      std::string h = l.value.substr(0, l.value.find('/'));
      if (!h.empty() && h[0] == '*') h.erase(0, 1);
      b.index_keywords.push_back(text::Trim(h));
    } else if (t == "GR") b.funding += (b.funding.empty() ? "" : "; ") + l.value;
    else if (t == "LID" && doi_lid.empty()) doi_lid = IdOfKind(l.value, "doi");
    else if (t == "AID" && doi_aid.empty()) doi_aid = IdOfKind(l.value, "doi");
    if (t != "FAU" && t != "AU" && t != "AD" && t != "AUID") author_open = false;
  }
  b.authors = full.empty() ? short_names : full;
  if (!full.empty() && short_names.size() == full.size()) b.authors_short = short_names;
  b.doi = doi_aid.empty() ? doi_lid : doi_aid;
  b.date = MedlineDate(dp);
  b.year = dp;
  if (!pmid.empty()) {
    b.own_id = "pmid:" + pmid;
    b.url = "https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/";
  }
  return PaperFromRecord(b, in.key, n);
}

Result<std::vector<Document>> ReadMedline(const FileInput& in) {
  auto utf8 = ToUtf8(in.bytes);
  if (!utf8.ok()) return utf8.status();
  if (Status s = CheckLineLengths(*utf8); !s.ok()) return s;
  std::vector<Document> out;
  std::vector<Line> rec;
  size_t n = 0;
  auto finish = [&] {
    if (!rec.empty()) out.push_back(MedlineRecord(rec, in, ++n));
    rec.clear();
  };
  for (const TextLine& line : SplitLines(*utf8)) {
    std::string tag, value;
    if (MedlineTag(line.text, &tag, &value)) {
      if (tag == "PMID") finish();
      rec.push_back({tag, value});
      continue;
    }
    std::string t = text::Trim(line.text);
    if (t.empty()) {
      finish();
      continue;
    }
    if (!rec.empty() && line.text.size() > t.size())  // an indented continuation
      rec.back().value += (rec.back().value.empty() ? "" : " ") + t;
  }
  finish();
  return out;
}

bool SniffMedline(const FileHead& f) {
  return (f.TextLike() || f.ExtIs({".nbib", ".medline"})) && text::StartsWith(f.body, "PMID-");
}

}  // namespace

extern const Reader kMedlineReader = {"medline", kRichRecord, SniffMedline, ReadMedline};

}  // namespace lodestone::internal
