// RIS (reference managers, IEEE, Chinese databases' exports): one paper
// per TY ... ER record. Ids: doi:, else ris:<hash of title and year>.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "formats/dates.h"
#include "formats/doi.h"
#include "formats/encoding.h"
#include "formats/language.h"
#include "formats/limits.h"
#include "formats/paper_fields.h"
#include "formats/split.h"
#include "formats/tagged_records.h"
#include "formats/whitespace.h"
#include "lodestone/text/ascii.h"
#include "readers/ids.h"
#include "readers/reader.h"

namespace lodestone::internal {

namespace {

// ---------------------------------------------------------------------------
// RIS
bool RisTag(std::string_view line, std::string* tag, std::string* value) {
  // "TY  - JOUR", "ER  -", some exporters write "ER  - " or one space.
  if (line.size() < 5) {
    if (line.size() >= 4 && text::IsAsciiUpper(line[0]) && line.substr(2, 2) == " -") {
      *tag = std::string(line.substr(0, 2));
      value->clear();
      return true;
    }
    return false;
  }
  if (!text::IsAsciiUpper(line[0]) || !(text::IsAsciiUpper(line[1]) || text::IsAsciiDigit(line[1]))) return false;
  if (line.substr(2, 3) == "  -") {
    *tag = std::string(line.substr(0, 2));
    *value = text::Trim(line.substr(5));
    return true;
  }
  if (line.substr(2, 2) == " -") {
    *tag = std::string(line.substr(0, 2));
    *value = text::Trim(line.substr(4));
    return true;
  }
  return false;
}

std::string RisFirst(const TaggedRecord& rec, std::initializer_list<const char*> tags) {
  for (const char* t : tags) {
    auto it = rec.find(t);
    if (it != rec.end())
      for (const auto& v : it->second)
        if (!text::Trim(v).empty()) return OneLine(v);
  }
  return {};
}

Document RisRecord(const TaggedRecord& rec, const FileInput& in, size_t n) {
  Document d;
  d.format = "ris";
  d.kind = Kind::kPaper;
  d.title = RisFirst(rec, {"TI", "T1", "CT", "BT"});
  for (const char* t : {"AU", "A1"}) {
    if (const auto* v = Items(rec, t))
      for (const auto& a : *v) {
        std::string name = OneLine(a);
        if (!name.empty() && std::find(d.authors.begin(), d.authors.end(), name) == d.authors.end())
          d.authors.push_back(name);
      }
  }
  // PY "2019" or "2019/03/15/"; DA "2019/03/15"; Y1 "1 Jan.-Feb. 2019" (IEEE).
  std::string py = RisFirst(rec, {"PY"}), da = RisFirst(rec, {"DA"}), y1 = RisFirst(rec, {"Y1"});
  std::string year = YearOfField(py);
  if (year.empty()) year = YearOfField(y1);
  if (year.empty()) year = YearOfField(da);
  for (const std::string& cand : {da, py, y1}) {
    // YYYY/MM/DD
    if (cand.size() >= 10 && IsYear(cand.substr(0, 4)) && cand[4] == '/' && cand[7] == '/' &&
        text::AllAsciiDigits(cand.substr(5, 2)) && text::AllAsciiDigits(cand.substr(8, 2)) && cand.substr(0, 4) == year) {
      int m = std::stoi(cand.substr(5, 2)), day = std::stoi(cand.substr(8, 2));
      if (m >= 1 && m <= 12) {
        d.date = MakeDate(year, m, day >= 1 && day <= 31 ? day : 0);
        break;
      }
    }
  }
  if (d.date.empty()) d.date = MakeDate(year, 0, 0);
  std::string la = RisFirst(rec, {"LA"});
  // Without LA, the title tells: a record from a Chinese database is in Chinese.
  d.language = la.empty() ? GuessLanguage(d.title) : LanguageCode(la);
  d.url = RisFirst(rec, {"UR", "L2"});
  std::string doi = NormalizeDoi(RisFirst(rec, {"DO", "DI"}));
  if (doi.empty()) doi = NormalizeDoi(RisFirst(rec, {"M3"}));
  if (!doi.empty()) {
    d.id = "doi:" + doi;
    d.meta["doi"] = doi;
  } else if (!d.title.empty() || !year.empty()) {
    d.id = "ris:" + HashId(text::AsciiLower(d.title) + "|" + year).substr(4);
  } else {
    d.id = HashId(in.key + "#" + std::to_string(n));
  }
  std::string journal = RisFirst(rec, {"JF", "JO", "T2", "J2", "JA"});
  if (!journal.empty()) d.meta["journal"] = journal;
  std::string abbrev = RisFirst(rec, {"J2", "JA"});
  if (!abbrev.empty() && abbrev != journal) d.meta["journal_abbrev"] = abbrev;
  std::string vol = RisFirst(rec, {"VL", "VO"});
  if (!vol.empty()) d.meta["volume"] = vol;
  std::string is = RisFirst(rec, {"IS", "CP"});
  if (!is.empty()) d.meta["issue"] = is;
  std::string sp = RisFirst(rec, {"SP"});
  if (!sp.empty()) d.meta["page"] = FirstPage(sp);
  std::string ep = RisFirst(rec, {"EP"});
  if (!ep.empty()) d.meta["end_page"] = ep;
  for (const auto& [tag, key] : std::vector<std::pair<const char*, const char*>>{
           {"PB", "publisher"}, {"SN", "issn"}, {"TY", "document_type"}, {"AN", "accession"}, {"T2", "secondary_title"}}) {
    std::string v = RisFirst(rec, {tag});
    if (!v.empty() && !(std::string(key) == "secondary_title" && v == journal)) d.meta[key] = v;
  }
  std::vector<std::string> kws;
  if (const auto* v = Items(rec, "KW"))
    for (const auto& k : *v)
      if (!OneLine(k).empty()) kws.push_back(OneLine(k));
  std::string kw = JoinNonEmpty(kws, "; ");
  if (!kw.empty()) d.meta["keywords"] = kw;
  // One keyword per KW line; some exporters put a "; " list on one line.
  for (const auto& k : kws)
    for (auto& one : SplitKeywordList(k)) d.keywords.push_back(std::move(one));
  if (const auto* v = Items(rec, "AD"))
    for (const auto& a : *v)
      if (!OneLine(a).empty()) d.affiliations.push_back(ParseFreeAddress(OneLine(a)));
  std::string abstract = RisFirst(rec, {"AB", "N2"});
  d.text = PaperText(d.title, abstract, kw);
  if (d.title.empty()) d.title = d.id;
  return d;
}

// TY opens a record and ER closes it; blank lines inside one are skipped.
Result<std::vector<Document>> ReadRis(const FileInput& in) {
  auto utf8 = ToUtf8(in.bytes);
  if (!utf8.ok()) return utf8.status();
  TagSyntax syntax{RisTag, {"TY"}, ""};
  syntax.closing = "ER";
  syntax.blank_line_ends_record = false;
  auto records = ReadTaggedRecords(*utf8, syntax);
  if (!records.ok()) return records.status();
  std::vector<Document> out;
  out.reserve(records->size());
  for (size_t i = 0; i < records->size(); ++i) out.push_back(RisRecord((*records)[i], in, i + 1));
  return out;
}

bool SniffRis(const FileHead& f) { return f.ExtIs({".ris", ".txt"}) && text::StartsWith(f.body, "TY  -"); }

}  // namespace

extern const Reader kRisReader = {"ris", kRichRecord, SniffRis, ReadRis};

}  // namespace lodestone::internal
