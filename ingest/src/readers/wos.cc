// Web of Science plain text (FN/VR, PT...ER): one paper per record, with its
// cited references ("ALHO JM, 1990, BIOMETRICS, V46, P623, DOI 10.2307/2532083").
//
// Ids (a contract, see DESIGN.md): "doi:" + the normalised DOI when the
// record has one, else lode's own id written back (UT LODE:<id>), else
// wos:<accession>; the other ids go to Document::aliases.
#include <cctype>
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

// "JUN 12" -> (6, 12); "2026 FEB 25" -> (2, 25); "JULY" -> (7, 0);
// "JUL-AUG" -> (7, 0); "SPR", "2019" -> (0, 0).
std::pair<int, int> MonthDay(std::string_view s) {
  std::vector<std::string> words;
  std::string w;
  for (char c : s) {
    if (c == ' ' || c == '-' || c == ',' || c == '.') {
      if (!w.empty()) words.push_back(w);
      w.clear();
    } else {
      w += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  if (!w.empty()) words.push_back(w);
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].size() < 3 || !text::IsAsciiUpper(words[i][0])) continue;
    // Read by its first three letters: "JULY", "SEPT", "AUG-SEP".
    if (int m = MonthNumber(std::string_view(words[i]).substr(0, 3)) - 1; m >= 0) {
      int day = 0;
      if (i + 1 < words.size() && !words[i + 1].empty() && words[i + 1].size() <= 2 && text::AllAsciiDigits(words[i + 1]))
        day = std::stoi(words[i + 1]);
      if (day < 1 || day > 31) day = 0;
      return {m + 1, day};
    }
    return {0, 0};  // a season ("SPR", "SUM") or another word first
  }
  return {0, 0};
}

// ---------------------------------------------------------------------------
// Web of Science cited references:
//   "ALHO JM, 1990, BIOMETRICS, V46, P623, DOI 10.2307/2532083"
bool IsWosVolume(std::string_view f) {
  return f.size() >= 2 && f[0] == 'V' && f.find(' ') == std::string_view::npos &&
         (text::IsAsciiDigit(f[1]) || (f.size() >= 3 && text::IsAsciiUpper(f[1]) && text::IsAsciiDigit(f[2])));
}

bool IsWosPage(std::string_view f) {
  return f.size() >= 2 && (f[0] == 'P' || f[0] == 'p') && f.find(' ') == std::string_view::npos &&
         (text::IsAsciiDigit(f[1]) || (f.size() >= 3 && std::isalpha(static_cast<unsigned char>(f[1])) && text::IsAsciiDigit(f[2])));
}

bool IsWosDoi(std::string_view f) { return f.rfind("DOI ", 0) == 0 || f.rfind("DOI[", 0) == 0; }

std::string WosCrDoi(std::string_view f) {
  std::string v = text::Trim(f.substr(3));
  while (v.rfind("DOI ", 0) == 0) v = text::Trim(std::string_view(v).substr(4));
  if (!v.empty() && v[0] == '[') {
    size_t end = v.rfind(']');
    std::string inner = v.substr(1, end == std::string::npos ? std::string::npos : end - 1);
    for (const auto& cand : Split(inner, ", ")) {
      std::string doi = NormalizeDoi(cand);
      if (!doi.empty()) return doi;
    }
    return {};
  }
  return NormalizeDoi(v);
}

Reference ParseWosCitedReference(std::string_view line) {
  Reference r;
  r.text = text::Trim(line);
  std::vector<std::string> f = SplitOutsideBrackets(r.text, ", ");
  size_t i = 0;
  if (i < f.size() && !IsYear(f[i])) {
    if (f[i] != "[Anonymous]" && f[i] != "Anonymous" && !f[i].empty()) r.authors.push_back(f[i]);
    ++i;
  }
  if (i < f.size() && IsYear(f[i])) r.year = f[i++];
  if (i < f.size() && !IsWosVolume(f[i]) && !IsWosPage(f[i]) && !IsWosDoi(f[i])) r.journal = f[i++];
  for (; i < f.size(); ++i) {
    if (r.volume.empty() && IsWosVolume(f[i])) r.volume = f[i].substr(1);
    else if (r.page.empty() && IsWosPage(f[i])) r.page = f[i].substr(1);
    else if (r.doi.empty() && IsWosDoi(f[i])) r.doi = WosCrDoi(f[i]);
  }
  return r;
}

Document WosRecord(const TaggedRecord& rec, const FileInput& in, size_t n) {
  Document d;
  d.format = "wos";
  d.kind = Kind::kPaper;
  d.title = Field(rec, "TI");
  if (const auto* af = Items(rec, "AF"))
    for (const auto& a : *af) {
      if (!text::Trim(a).empty()) d.authors.push_back(text::Trim(a));
    }
  if (const auto* au = Items(rec, "AU")) {
    std::vector<std::string> shorts;
    for (const auto& a : *au)
      if (!text::Trim(a).empty()) shorts.push_back(text::Trim(a));
    if (d.authors.empty()) d.authors = shorts;
    else if (!shorts.empty()) d.meta["authors_short"] = JoinNonEmpty(shorts, "; ");
  }
  // Year and date: PY and PD; Early Access records have EY and EA instead.
  std::string year = Field(rec, "PY");
  std::string pd = Field(rec, "PD");
  if (!IsYear(year)) year = YearOfField(pd);
  if (!IsYear(year)) {
    year = Field(rec, "EY");
    if (!IsYear(year)) year = YearOfField(Field(rec, "EA"));
    if (pd.empty()) pd = Field(rec, "EA");
  }
  auto [month, day] = MonthDay(pd);
  d.date = MakeDate(year, month, day);
  std::string la = Field(rec, "LA");
  d.language = LanguageCode(la);
  if (!la.empty()) d.meta["language_name"] = la;

  std::string doi = NormalizeDoi(Field(rec, "DI"));
  std::string ut = Field(rec, "UT");
  if (text::IStartsWith(ut, "WOS:")) ut = ut.substr(4);
  // lode's own export (WriteWosPlainText) writes UT LODE:<id> for records
  // that have no Web of Science accession number: the id comes back.
  std::string lode_id;
  if (text::IStartsWith(ut, "LODE:")) {
    lode_id = text::Trim(std::string_view(ut).substr(5));
    ut.clear();
  }
  std::string pm = Field(rec, "PM");
  if (!doi.empty()) d.id = "doi:" + doi;
  else if (!lode_id.empty()) d.id = lode_id;
  else if (!ut.empty()) d.id = "wos:" + ut;
  else d.id = HashId(in.key + "#" + std::to_string(n));
  if (!doi.empty()) d.meta["doi"] = doi;
  AddAlias(&d, lode_id);
  if (!ut.empty()) {
    AddAlias(&d, "wos:" + ut);
    d.meta["wos"] = ut;
  }
  if (text::AllAsciiDigits(pm)) {
    AddAlias(&d, "pmid:" + pm);
    d.meta["pmid"] = pm;
  }

  struct MetaTag {
    const char* tag;
    const char* key;
  };
  for (const MetaTag& m : {MetaTag{"SO", "journal"}, MetaTag{"JI", "journal_iso"}, MetaTag{"VL", "volume"},
                           MetaTag{"IS", "issue"}, MetaTag{"PU", "publisher"}, MetaTag{"TC", "times_cited"},
                           MetaTag{"NR", "references_count"}, MetaTag{"DT", "document_type"}, MetaTag{"SN", "issn"},
                           MetaTag{"AR", "article_number"}, MetaTag{"SC", "subjects"}}) {
    std::string v = Field(rec, m.tag);
    if (!v.empty()) d.meta[m.key] = v;
  }
  std::string abbrev = Field(rec, "J9");
  if (abbrev.empty()) abbrev = Field(rec, "JI");
  if (!abbrev.empty()) d.meta["journal_abbrev"] = abbrev;
  std::string page = Field(rec, "BP");
  if (page.empty()) page = Field(rec, "AR");
  if (!page.empty()) d.meta["page"] = page;
  std::string de = Field(rec, "DE"), id = Field(rec, "ID");
  if (!de.empty()) d.meta["keywords"] = de;
  if (!id.empty()) d.meta["keywords_plus"] = id;
  d.keywords = SplitKeywordList(de);
  d.index_keywords = SplitKeywordList(id);
  if (const auto* c1 = Items(rec, "C1"))
    for (const auto& line : *c1)
      if (!text::Trim(line).empty()) d.affiliations.push_back(ParseWosAddress(line));
  d.text = PaperText(d.title, Field(rec, "AB"), JoinNonEmpty({de, id}, "; "));
  if (const auto* cr = Items(rec, "CR"))
    for (const auto& line : *cr)
      if (!text::Trim(line).empty()) d.references.push_back(ParseWosCitedReference(line));
  if (d.title.empty()) d.title = d.id;
  return d;
}

// ---------------------------------------------------------------------------
// "TI Title": two capitals or digits, then a space or the end of the line.
// An indented line ("   Doe, J") continues the field above, one value a
// line (one author, one reference a line).
bool WosTag(std::string_view line, std::string* tag, std::string* value) {
  if (line.size() < 2 || !(text::IsAsciiUpper(line[0]) || text::IsAsciiDigit(line[0])) ||
      !(text::IsAsciiUpper(line[1]) || text::IsAsciiDigit(line[1])) || (line.size() > 2 && line[2] != ' '))
    return false;
  *tag = std::string(line.substr(0, 2));
  *value = line.size() > 3 ? text::Trim(line.substr(3)) : std::string();
  return true;
}

// PT opens a record, ER closes it, EF ends the file; the FN/VR header is
// left out (a record that lost its PT line opens at its first other field).
Result<std::vector<Document>> ReadWos(const FileInput& in) {
  auto utf8 = ToUtf8(in.bytes);
  if (!utf8.ok()) return utf8.status();
  TagSyntax syntax{WosTag, {"PT"}, ""};
  syntax.closing = "ER";
  syntax.end_of_file = "EF";
  syntax.header = {"FN", "VR"};
  syntax.blank_line_ends_record = false;
  syntax.continuation_is_a_value = true;
  auto records = ReadTaggedRecords(*utf8, syntax);
  if (!records.ok()) return records.status();
  std::vector<Document> out;
  out.reserve(records->size());
  for (size_t i = 0; i < records->size(); ++i) out.push_back(WosRecord((*records)[i], in, i + 1));
  return out;
}

// "FN Clarivate Analytics Web of Science" / "FN Thomson Reuters Web of
// Science", "VR 1.0", PT ... ER: a record must follow (a header alone is
// refused by the registry).
bool SniffWos(const FileHead& f) {
  if (!(f.ExtIs({".ciw"}) || f.TextLike())) return false;
  std::string_view body = f.body;
  if (!text::StartsWith(body, "FN ") && !text::StartsWith(body, "PT ")) return false;
  if (body.find("\nVR ") != std::string_view::npos || body.find("\nPT ") != std::string_view::npos) return true;
  for (size_t p = body.find("\nER"); p != std::string_view::npos; p = body.find("\nER", p + 1))
    if (p + 3 == body.size() || body[p + 3] == '\n' || body[p + 3] == '\r') return true;  // a line "ER"
  return false;
}

}  // namespace

extern const Reader kWosReader = {"wos", kRichRecord, SniffWos, ReadWos};

}  // namespace lodestone::internal
