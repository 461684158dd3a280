// Reader of the National Archives' Executive Order disposition tables (1937-
// 2017, about 6,300 blocks): one document eo:<number> per block, dated by its
// "Signed:" line, its Federal Register citation from the page-and-date line,
// and the orders it names: cited, or related by the block's labels (Revokes,
// Revoked by, Amends, Supersedes ...; extract/dispositions.h).
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "extract/dispositions.h"
#include "formats/dates.h"
#include "formats/encoding.h"
#include "formats/numbers.h"
#include "formats/whitespace.h"
#include "lodestone/text/ascii.h"
#include "readers/reader.h"

namespace lodestone::internal {

namespace {

Result<std::vector<Document>> ReadEoDisposition(const FileInput& in) {
  auto utf8 = ToUtf8(in.bytes);
  if (!utf8.ok()) return utf8.status();
  std::vector<TextLine> lines = SplitLines(*utf8);
  std::vector<Document> out;
  size_t k = 0;
  while (k < lines.size()) {
    std::string number = DispositionHeadingNumber(lines[k].text);
    if (number.empty()) {
      ++k;
      continue;
    }
    // The title is the line after the heading, whatever it says ("Executive
    // Order 4601 Amended To Authorize ..."); the block runs to the next heading.
    size_t t = k + 1;
    std::string title = t < lines.size() && !lines[t].text.empty() && lines[t].text[0] != ' ' && lines[t].text[0] != '\t' ? text::Trim(lines[t].text) : std::string();
    size_t e = title.empty() ? t : t + 1;
    std::vector<std::string> body;
    for (; e < lines.size() && DispositionHeadingNumber(lines[e].text).empty(); ++e) {
      std::string l = CleanWhitespace(lines[e].text);
      if (!l.empty() && l[0] != '#') body.push_back(std::move(l));
    }
    k = e;
    Document d;
    d.format = "eo-disposition";
    d.kind = Kind::kExecutiveOrder;
    d.language = "en";
    d.number = number;
    d.id = "eo:" + number;
    d.title = title.empty() ? "Executive Order " + number : title;
    // One paragraph per line: each line is a sentence of its own.
    d.text = "Executive Order " + number + (title.empty() ? "" : "\n" + title);
    for (const auto& l : body) d.text += "\n\n" + l;
    DispositionReading reading = ReadDispositionBlock(d.text, d.id);
    for (const auto& [b, end] : reading.own_lines) {
      std::string_view l = std::string_view(d.text).substr(b, end - b);
      std::string label;
      size_t items = DispositionLineLabel(l, &label);
      std::string_view value = items == std::string_view::npos ? l : l.substr(items);
      if (label == "signed" && d.date.empty()) {
        d.date = ParseDate(text::Trim(value));
        if (d.date.empty()) d.date = FindEnglishDate(value);
      }
      // "53 FR 2812; February 1, 1988" (also where a "Signed:" line holds it).
      if (!d.meta.count("citation"))
        for (size_t f = value.find(" FR "); f != std::string_view::npos; f = value.find(" FR ", f + 1)) {
          size_t v = f;
          while (v > 0 && text::IsAsciiDigit(value[v - 1])) --v;
          size_t p = f + 4;
          std::string page = ReadNumber(value, p, &p);
          if (v == f || page.empty()) continue;
          d.meta["citation"] = std::string(value.substr(v, f - v)) + " FR " + page;
          std::string published = FindEnglishDate(value.substr(p));
          if (!published.empty()) d.meta["publication_date"] = published;
          break;
        }
    }
    std::map<std::string, size_t> cited;
    std::set<std::pair<RelationType, std::string>> related;
    for (const auto& ref : reading.refs) {
      // "Revoked by: EO 12805" says what a later order did to this one; this
      // order does not cite it (1939 orders cannot cite 1994 ones).
      const bool later = IsLaterOrderRelation(ref.relation);
      if (later) {
        if (related.insert({*ref.relation, ref.id}).second)
          d.relations.push_back({*ref.relation, ref.id, static_cast<uint32_t>(ref.offset), "metadata"});
        continue;
      }
      auto [it, fresh] = cited.emplace(ref.id, d.citations.size());
      if (fresh) d.citations.push_back({ref.id, 0, {}});
      CitationRef& c = d.citations[it->second];
      ++c.count;
      if (c.offsets.size() < 8) c.offsets.push_back(static_cast<uint32_t>(ref.offset));
      if (ref.relation && related.insert({*ref.relation, ref.id}).second)
        d.relations.push_back({*ref.relation, ref.id, static_cast<uint32_t>(ref.offset), "metadata"});
    }
    out.push_back(std::move(d));
  }
  if (out.empty()) return Status::ParseError("no \"Executive Order N\" blocks in the disposition table");
  return out;
}

bool SniffEoDisposition(const FileHead& f) { return f.TextLike() && LooksLikeDispositionTable(f.head); }

}  // namespace

extern const Reader kEoDispositionReader = {"eo-disposition", kRichRecord, SniffEoDisposition, ReadEoDisposition};

}  // namespace lodestone::internal
