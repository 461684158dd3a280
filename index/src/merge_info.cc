// The merge rule (merge.h): one function for every merge of records of one
// id, in a bundle, in a build and in an update (issue 11).
#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <tuple>

#include "lodestone/index/merge.h"

namespace lodestone {

namespace {

std::string Hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

const char* const kPresidentKeys[] = {"president", "president_source", "president_by_date"};

bool IsPresidentKey(const std::string& k) {
  for (const char* p : kPresidentKeys)
    if (k == p) return true;
  return false;
}

bool HasPresident(const Document& d) {
  for (const char* p : kPresidentKeys)
    if (d.meta.count(p)) return true;
  return false;
}

bool StatesPresident(const Document& d) {
  auto it = d.meta.find("president_source");
  return it != d.meta.end() && it->second == "stated";
}

// The state of one merge: both records, their provenance, and what the
// merged record's provenance becomes.
class Merge {
 public:
  Merge(const Document& a, const MergeInfo& ia, const Document& b, const MergeInfo& ib)
      : a_(a), b_(b), ia_(ia.ranks.empty() ? SingleRecordInfo(a) : ia),
        ib_(ib.ranks.empty() ? SingleRecordInfo(b) : ib) {
    std::set<std::string> all(ia_.ranks.begin(), ia_.ranks.end());
    all.insert(ib_.ranks.begin(), ib_.ranks.end());
    out_.ranks.assign(all.begin(), all.end());
    a_wins_ = ia_.ranks[0] <= ib_.ranks[0];
  }

  bool a_wins() const { return a_wins_; }
  const Document& winner() const { return a_wins_ ? a_ : b_; }
  const Document& loser() const { return a_wins_ ? b_ : a_; }
  MergeInfo& out() { return out_; }

  const std::string& RankA(const std::string& key) const { return RankOf(ia_, key); }
  const std::string& RankB(const std::string& key) const { return RankOf(ib_, key); }

  // Which record gives `key`: 0 neither, 1 a, 2 b (the smaller rank; the
  // same rank is the same record, so either will do).
  int Pick(const std::string& key, bool in_a, bool in_b) {
    if (!in_a && !in_b) return 0;
    int side = !in_b ? 1 : !in_a ? 2 : (RankA(key) <= RankB(key) ? 1 : 2);
    Note(key, side == 1 ? RankA(key) : RankB(key));
    return side;
  }

  // Records that `key` in the merged record comes from the record of rank `rank`.
  void Note(const std::string& key, const std::string& rank) {
    const size_t idx = std::lower_bound(out_.ranks.begin(), out_.ranks.end(), rank) - out_.ranks.begin();
    if (idx != 0) out_.from[key] = static_cast<uint32_t>(idx);
  }
  bool FromWinner(const std::string& key) const { return !out_.from.count(key); }

 private:
  static const std::string& RankOf(const MergeInfo& info, const std::string& key) {
    auto it = info.from.find(key);
    const size_t k = it == info.from.end() || it->second >= info.ranks.size() ? 0 : it->second;
    return info.ranks[k];
  }

  const Document& a_;
  const Document& b_;
  const MergeInfo ia_, ib_;
  MergeInfo out_;
  bool a_wins_ = true;
};

// Union of two lists keyed by `key_of`: for each key the item of the
// record of smaller rank (its first occurrence). The winner's own items
// come first in the winner's order, then the others sorted by key, passed
// through `strip` (evidence offsets point into another text).
template <typename T, typename KeyOf, typename Strip>
std::vector<T> MergeList(Merge& m, const std::vector<T>& la, const std::vector<T>& lb, const std::string& prefix,
                         KeyOf key_of, Strip strip) {
  std::map<std::string, std::pair<const T*, int>> first_a, first_b;
  for (const T& x : la) first_a.emplace(prefix + key_of(x), std::make_pair(&x, 1));
  for (const T& x : lb) first_b.emplace(prefix + key_of(x), std::make_pair(&x, 2));
  std::map<std::string, const T*> chosen;
  std::set<std::string> keys;
  for (const auto& [k, v] : first_a) keys.insert(k);
  for (const auto& [k, v] : first_b) keys.insert(k);
  for (const auto& k : keys) {
    auto ia = first_a.find(k), ib = first_b.find(k);
    int side = m.Pick(k, ia != first_a.end(), ib != first_b.end());
    chosen[k] = side == 1 ? ia->second.first : ib->second.first;
  }
  std::vector<T> out;
  const std::vector<T>& own = m.a_wins() ? la : lb;
  const auto& own_first = m.a_wins() ? first_a : first_b;
  for (const T& x : own) {
    const std::string k = prefix + key_of(x);
    // Every occurrence of a key the winner gives, as the winner lists them.
    if (m.FromWinner(k) && own_first.count(k)) out.push_back(x);
  }
  for (const auto& [k, item] : chosen) {
    if (m.FromWinner(k)) continue;
    T x = *item;
    strip(x);
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace

std::string RankKey(const Document& d) {
  std::string k;
  k += d.text.empty() ? '1' : '0';
  const int64_t richness = std::clamp<int64_t>(d.richness, -1000000, 1000000);
  k += Hex64(static_cast<uint64_t>(int64_t{1000000} - richness));
  k += Hex64(~static_cast<uint64_t>(d.text.size()));
  k += Hex64(XXH3_64bits(d.text.data(), d.text.size()));
  k += '\0';
  k += d.title;
  k += '\0';
  for (const auto& a : d.authors) k += a + '\x1f';
  k += '\0';
  k += d.date;
  k += '\0';
  k += d.format;
  k += '\0';
  if (!d.sources.empty()) k += d.sources.front().path;
  return k;
}

bool TextIsRicher(const Document& a, const Document& b) { return RankKey(a) <= RankKey(b); }

MergeInfo SingleRecordInfo(const Document& d) {
  MergeInfo info;
  info.ranks.push_back(RankKey(d));
  return info;
}

Document MergeRecords(const Document& a, const MergeInfo& ia, const Document& b, const MergeInfo& ib,
                      MergeInfo* out, bool* a_wins) {
  Merge m(a, ia, b, ib);
  const Document& w = m.winner();
  Document r;
  r.id = !w.id.empty() ? w.id : m.loser().id;
  r.format = w.format;
  r.richness = w.richness;
  r.text = w.text;
  // A key (a string or a list) from the first record in the order that has it.
  auto take = [&](const char* key, auto Document::*field) {
    int side = m.Pick(key, !(a.*field).empty(), !(b.*field).empty());
    if (side) r.*field = side == 1 ? a.*field : b.*field;
  };
  take("title", &Document::title);
  take("date", &Document::date);
  take("number", &Document::number);
  take("language", &Document::language);
  take("url", &Document::url);
  take("jurisdiction", &Document::jurisdiction);
  if (int side = m.Pick("kind", a.kind != Kind::kOther, b.kind != Kind::kOther)) r.kind = side == 1 ? a.kind : b.kind;
  take("authors", &Document::authors);
  take("references", &Document::references);
  take("keywords", &Document::keywords);
  take("index_keywords", &Document::index_keywords);
  take("affiliations", &Document::affiliations);

  // Metadata, key by key; the president keys as one (attribution sets them
  // together), and a president the source states beats one derived from
  // the date (ingest/attribution.h): the Federal Register's "signed by"
  // list may be the poorer record of an order whose text another format gives.
  std::set<std::string> meta_keys;
  for (const auto& [k, v] : a.meta)
    if (!IsPresidentKey(k)) meta_keys.insert(k);
  for (const auto& [k, v] : b.meta)
    if (!IsPresidentKey(k)) meta_keys.insert(k);
  for (const auto& k : meta_keys) {
    auto x = a.meta.find(k), y = b.meta.find(k);
    int side = m.Pick("meta:" + k, x != a.meta.end(), y != b.meta.end());
    r.meta[k] = side == 1 ? x->second : y->second;
  }
  {
    const bool in_a = HasPresident(a), in_b = HasPresident(b);
    int side = 0;
    if (in_a && in_b && StatesPresident(a) != StatesPresident(b)) {
      side = StatesPresident(a) ? 1 : 2;
      m.Note("president", side == 1 ? m.RankA("president") : m.RankB("president"));
    } else {
      side = m.Pick("president", in_a, in_b);
    }
    if (side)
      for (const char* k : kPresidentKeys) {
        const Document& s = side == 1 ? a : b;
        if (auto it = s.meta.find(k); it != s.meta.end()) r.meta[k] = it->second;
      }
  }

  r.entities = MergeList(
      m, a.entities, b.entities, "e:", [](const EntityRef& e) { return e.id; },
      [](EntityRef& e) { e.offsets.clear(); });
  r.citations = MergeList(
      m, a.citations, b.citations, "c:", [](const CitationRef& c) { return c.id; },
      [](CitationRef& c) { c.offsets.clear(); });
  r.relations = MergeList(
      m, a.relations, b.relations, "r:", [](const RelationRef& x) { return std::string(RelationTypeName(x.type)) + "\t" + x.target; },
      [](RelationRef& x) { x.offset = kNoOffset; });
  // Aliases: every other id of either record (and the other record's id
  // when it differs), never the document's own.
  {
    std::vector<std::string> aa, ab;
    for (const auto& s : a.aliases)
      if (s != r.id) aa.push_back(s);
    for (const auto& s : b.aliases)
      if (s != r.id) ab.push_back(s);
    if (!a.id.empty() && a.id != r.id) aa.push_back(a.id);
    if (!b.id.empty() && b.id != r.id) ab.push_back(b.id);
    r.aliases = MergeList(
        m, aa, ab, "a:", [](const std::string& s) { return s; }, [](std::string&) {});
  }
  // Sources: the union by path (one file is one record; a path in both
  // keeps the newer description).
  std::map<std::string, SourceFile> by_path;
  for (const auto* list : {&a.sources, &b.sources})
    for (const auto& s : *list) {
      auto [it, inserted] = by_path.emplace(s.path, s);
      if (!inserted && std::tie(s.mtime_ns, s.hash, s.size, s.format) >
                           std::tie(it->second.mtime_ns, it->second.hash, it->second.size, it->second.format))
        it->second = s;
    }
  for (auto& [p, s] : by_path) r.sources.push_back(std::move(s));
  if (a_wins) *a_wins = m.a_wins();
  if (out) *out = std::move(m.out());
  return r;
}

Document MergeDocuments(const Document& a, const Document& b) {
  return MergeRecords(a, SingleRecordInfo(a), b, SingleRecordInfo(b));
}

namespace {
void PutString(std::string& out, const std::string& s) {
  out += std::to_string(s.size());
  out += ':';
  out += s;
}

bool GetNumber(const std::string& in, size_t& pos, char end, uint64_t* n) {
  size_t start = pos;
  uint64_t v = 0;
  while (pos < in.size() && in[pos] >= '0' && in[pos] <= '9' && pos - start < 12) v = v * 10 + (in[pos++] - '0');
  if (pos == start || pos >= in.size() || in[pos] != end) return false;
  ++pos;
  *n = v;
  return true;
}

bool GetString(const std::string& in, size_t& pos, std::string* s) {
  uint64_t n;
  if (!GetNumber(in, pos, ':', &n) || n > in.size() - pos) return false;
  s->assign(in, pos, n);
  pos += n;
  return true;
}
}  // namespace

std::string EncodeMergeInfo(const MergeInfo& info) {
  std::string out = "lode-merge 1\n";
  out += std::to_string(info.ranks.size()) + "\n";
  for (const auto& r : info.ranks) PutString(out, r);
  out += std::to_string(info.from.size()) + "\n";
  for (const auto& [k, i] : info.from) {
    PutString(out, k);
    out += std::to_string(i) + "\n";
  }
  return out;
}

std::optional<MergeInfo> DecodeMergeInfo(const std::string& in) {
  static const std::string kMagic = "lode-merge 1\n";
  if (in.compare(0, kMagic.size(), kMagic) != 0) return std::nullopt;
  size_t pos = kMagic.size();
  MergeInfo info;
  uint64_t n;
  if (!GetNumber(in, pos, '\n', &n) || n == 0 || n > in.size()) return std::nullopt;
  for (uint64_t i = 0; i < n; ++i) {
    std::string s;
    if (!GetString(in, pos, &s)) return std::nullopt;
    info.ranks.push_back(std::move(s));
  }
  if (!std::is_sorted(info.ranks.begin(), info.ranks.end())) return std::nullopt;
  if (!GetNumber(in, pos, '\n', &n) || n > in.size()) return std::nullopt;
  for (uint64_t i = 0; i < n; ++i) {
    std::string k;
    uint64_t idx;
    if (!GetString(in, pos, &k) || !GetNumber(in, pos, '\n', &idx) || idx == 0 || idx >= info.ranks.size())
      return std::nullopt;
    info.from[k] = static_cast<uint32_t>(idx);
  }
  if (pos != in.size()) return std::nullopt;
  return info;
}

}  // namespace lodestone
