#include "xapian_doc.h"

#include "lodestone/index/paper_keys.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "lodestone/index/merge.h"
#include "lodestone/index/schema.h"
#include "lodestone/index/writer.h"
#include "record_json.h"

namespace lodestone {

std::string StemEnglish(const std::string& word) {
  // Xapian::Stem is not thread-safe; words repeat a lot, so cache per thread.
  thread_local Xapian::Stem stemmer("english");
  thread_local std::unordered_map<std::string, std::string> cache;
  auto it = cache.find(word);
  if (it != cache.end()) return it->second;
  std::string s = stemmer(word);
  if (cache.size() > 200000) cache.clear();
  cache.emplace(word, s);
  return s;
}

namespace internal {

namespace {
constexpr size_t kMaxTermBytes = 240;  // Xapian's limit is 245 for glass

std::string Hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

// Text terms are lower-case words, or S + word (Z/ZS stems in indexes of
// schema 1). Filter terms start with
// another upper-case prefix letter and are rebuilt from the record.
bool IsTextTerm(const std::string& t) {
  if (t.empty()) return false;
  char c = t[0];
  if (c < 'A' || c > 'Z') return true;
  return c == 'S' || c == 'Z';
}

void AddFilterTermsValuesData(Xapian::Document& x, const Document& d) {
  using namespace schema;
  auto add = [&](const std::string& prefix, const std::string& v) {
    if (v.empty()) return;
    std::string t = prefix + v;
    if (t.size() <= kMaxTermBytes) x.add_boolean_term(t);
  };
  add(kPrefixId, d.id);
  add(kPrefixKind, KindName(d.kind));
  add(kPrefixLanguage, d.language);
  add(kPrefixJurisdiction, d.jurisdiction);
  if (!d.jurisdiction.empty()) x.add_value(kSlotJurisdiction, d.jurisdiction);
  for (const auto& s : d.sources) {
    add(kPrefixFormat, s.format);
    x.add_boolean_term(SourceTerm(s.path));
  }
  x.add_value(kSlotKind, KindName(d.kind));
  x.add_value(kSlotId, d.id);
  if (!d.title.empty()) {
    size_t cut = std::min<size_t>(d.title.size(), 1000);
    while (cut < d.title.size() && cut > 0 && (static_cast<unsigned char>(d.title[cut]) & 0xC0) == 0x80) --cut;
    x.add_value(kSlotTitle, d.title.substr(0, cut));  // whole UTF-8 characters only
  }
  if (auto p = d.meta.find("president"); p != d.meta.end() && !p->second.empty()) x.add_value(kSlotPresident, p->second);
  // Title words: one S posting each (the text terms are in place already).
  Xapian::termcount title_words = 0;
  for (auto t = x.termlist_begin(); t != x.termlist_end(); ++t)
    if (!(*t).empty() && (*t)[0] == 'S') title_words += t.get_wdf();
  if (title_words > 0) x.add_value(kSlotTitleWords, std::to_string(title_words));
  if (d.date.size() >= 4) {
    std::string year = d.date.substr(0, 4);
    add(kPrefixYear, year);
    x.add_value(kSlotYear, Xapian::sortable_serialise(std::stod(year)));
    x.add_value(kSlotYearStr, year);
    std::string compact;
    for (char c : d.date)
      if (c != '-') compact += c;
    x.add_value(kSlotDate, compact);
  }
  // Extraction: counted terms (wdf = occurrences), and facet values.
  std::string minerals, agencies, countries;
  for (const auto& e : d.entities) {
    std::string t = kPrefixEntity + e.id;
    if (t.size() <= kMaxTermBytes) x.add_term(t, std::max<uint32_t>(e.count, 1));
    std::string* list = e.id.rfind("mineral:", 0) == 0   ? &minerals
                        : e.id.rfind("agency:", 0) == 0  ? &agencies
                        : e.id.rfind("country:", 0) == 0 ? &countries
                                                         : nullptr;
    if (list) *list += (list->empty() ? "" : "\n") + e.id;
  }
  if (!minerals.empty()) x.add_value(kSlotMinerals, minerals);
  if (!agencies.empty()) x.add_value(kSlotAgencies, agencies);
  if (!countries.empty()) x.add_value(kSlotCountries, countries);
  for (const auto& c : d.citations) {
    std::string t = kPrefixCitation + c.id;
    if (t.size() <= kMaxTermBytes) x.add_term(t, std::max<uint32_t>(c.count, 1));
  }
  for (const auto& r : d.relations) {
    std::string t = std::string(kPrefixRelation) + RelationTypeName(r.type) + ":" + r.target;
    if (t.size() <= kMaxTermBytes) x.add_term(t);
  }
  // Papers: other ids, own matching keys, and each reference as one term.
  for (const auto& a : d.aliases)
    if (a != d.id) add(kPrefixAlias, a);
  if (d.kind == Kind::kPaper)
    for (const auto& k : PaperKeys(d)) add(kPrefixPaperKey, k);
  for (const auto& r : d.references) {
    std::string packed = PackReference(r);
    if (packed.empty()) continue;
    std::string t = kPrefixReference + packed;
    if (t.size() <= kMaxTermBytes) x.add_term(t);
  }
  x.set_data(EncodeRecord(d));
}

}  // namespace

std::string SourceTerm(const std::string& path) {
  std::string t = std::string(schema::kPrefixSource) + path;
  if (t.size() <= kMaxTermBytes) return t;
  return std::string(schema::kPrefixSource) + "#" + Hex64(XXH3_64bits(path.data(), path.size()));
}

std::string ManifestKey(const std::string& path) {
  std::string k = std::string(schema::kMetaSourcePrefix) + path;
  if (k.size() <= kMaxTermBytes) return k;
  return std::string(schema::kMetaSourcePrefix) + "#" + Hex64(XXH3_64bits(path.data(), path.size()));
}

Xapian::Document BuildXapianDoc(const AnalyzedDocument& ad) {
  using namespace schema;
  Xapian::Document x;
  for (const Token& t : ad.body) {
    if (t.term.empty() || t.term.size() > kMaxTermBytes - 2) continue;
    // No Z stem term beside it (issue 10): stems are expanded at query time
    // from the stem table (stem_table.h), which halves the terms to invert.
    x.add_posting(t.term, t.position + 1);
  }
  for (const Token& t : ad.title) {
    if (t.term.empty() || t.term.size() > kMaxTermBytes - 2) continue;
    x.add_posting(kPrefixTitle + t.term, t.position + 1);
  }
  AddFilterTermsValuesData(x, ad.doc);
  return x;
}

namespace {
Xapian::Document Rebuilt(const Xapian::Document& x, const Document& rec, const std::string& merge_value) {
  // Edit the document in place: text terms and their positions stay as they
  // are (Xapian then need not rewrite them); filter terms, values and data
  // are rebuilt from the record.
  Xapian::Document out = x;
  std::vector<std::string> drop;
  for (auto t = out.termlist_begin(); t != out.termlist_end(); ++t)
    if (!IsTextTerm(*t)) drop.push_back(*t);
  for (const auto& t : drop) out.remove_term(t);
  out.clear_values();
  AddFilterTermsValuesData(out, rec);
  if (!merge_value.empty()) out.add_value(schema::kSlotMerge, merge_value);
  return out;
}
}  // namespace

Xapian::Document WithRecord(const Xapian::Document& x, const Document& rec) {
  return Rebuilt(x, rec, x.get_value(schema::kSlotMerge));
}

MergeInfo StoredMergeInfo(const Xapian::Document& x, const Document& rec) {
  if (auto info = DecodeMergeInfo(x.get_value(schema::kSlotMerge))) return *info;
  return SingleRecordInfo(rec);
}

Xapian::Document MergeXapianDocs(const Document& ra, const MergeInfo& ia, const Xapian::Document& a,
                                 const Document& rb, const MergeInfo& ib, const Xapian::Document& b) {
  MergeInfo info;
  bool a_wins = true;
  Document merged = MergeRecords(ra, ia, rb, ib, &info, &a_wins);
  // The winner's text terms, rebuilt on a fresh document: a document read
  // from the database and stored under another docid must carry its
  // positions itself.
  const Xapian::Document& winner = a_wins ? a : b;
  Xapian::Document fresh;
  for (auto t = winner.termlist_begin(); t != winner.termlist_end(); ++t) {
    if (!IsTextTerm(*t)) continue;
    const std::string term = *t;
    bool positions = false;
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
      fresh.add_posting(term, *p, 0);
      positions = true;
    }
    // wdf as the winner has it (postings above added none).
    fresh.add_term(term, t.get_wdf());
    (void)positions;
  }
  return Rebuilt(fresh, merged, info.ranks.size() > 1 ? EncodeMergeInfo(info) : std::string());
}

Result<Xapian::Document> MergeXapianDocs(const Xapian::Document& a, const Xapian::Document& b) {
  auto ra = DecodeRecord(a.get_data());
  if (!ra.ok()) return ra.status();
  auto rb = DecodeRecord(b.get_data());
  if (!rb.ok()) return rb.status();
  return MergeXapianDocs(*ra, StoredMergeInfo(a, *ra), a, *rb, StoredMergeInfo(b, *rb), b);
}

}  // namespace internal
}  // namespace lodestone
