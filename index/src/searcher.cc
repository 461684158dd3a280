#include "lodestone/index/searcher.h"

#include "lodestone/text/ascii.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "layout.h"
#include "page.h"
#include "query_parser.h"
#include "ranking.h"
#include "xapian_guard.h"
#include "lodestone/index/schema.h"
#include "lodestone/index/writer.h"
#include "record_json.h"
#include "schema_version.h"
#include "searcher_impl.h"
#include "stem_table.h"
#include "wildcard.h"
#include "xapian_doc.h"

namespace lodestone {

namespace {

std::vector<FacetCount> TopValues(const Xapian::ValueCountMatchSpy& spy, size_t n, bool by_value) {
  std::vector<FacetCount> out;
  for (auto it = spy.top_values_begin(n); it != spy.top_values_end(n); ++it)
    out.push_back({*it, it.get_termfreq()});
  if (by_value)
    std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) { return a.value < b.value; });
  return out;
}
}  // namespace

// A filter lifted out of the query text so that it applies to the whole
// query: "lithium OR cobalt date:2020..2022" means (lithium OR cobalt)
// within the dates, not lithium OR (cobalt within the dates).
struct Filters {
  std::map<std::string, std::vector<Xapian::Query>> by_field;  // OR within a field, AND across
  std::string rest;
  std::string lifted;  // the filter tokens, to put back into a suggestion
};

// "2020", "2020-06", "2020-06-01" -> YYYYMMDD; the end of a range is padded
// to the last day. Empty when malformed.
std::string DateBound(const std::string& v, bool end) {
  std::string digits;
  for (char c : v)
    if (c != '-') digits += c;
  if (!text::AllAsciiDigits(digits) || (digits.size() != 4 && digits.size() != 6 && digits.size() != 8)) return {};
  if (digits.size() == 4) digits += end ? "1231" : "0101";
  if (digits.size() == 6) digits += end ? "31" : "01";
  int month = std::stoi(digits.substr(4, 2)), day = std::stoi(digits.substr(6, 2));
  if (month < 1 || month > 12 || day < 1 || day > 31) return {};
  return digits;
}

Result<Filters> LiftFilters(const std::string& q) {
  using namespace schema;
  static const std::map<std::string, std::string> kTermPrefixes = {
      {"kind", kPrefixKind},
      {"lang", kPrefixLanguage},
      {"jurisdiction", kPrefixJurisdiction},
      {"format", kPrefixFormat},
      {"id", kPrefixId},
      {"cites", kPrefixCitation},
      {"mineral", std::string(kPrefixEntity) + "mineral:"},
      {"agency", std::string(kPrefixEntity) + "agency:"},
      {"country", std::string(kPrefixEntity) + "country:"},
      {"person", std::string(kPrefixEntity) + "person:"},
      {"concept", std::string(kPrefixEntity) + "concept:"},
      {"entity", kPrefixEntity}};
  Filters f;
  // Split on spaces outside quotes.
  std::vector<std::string> toks;
  bool quoted = false;
  for (size_t i = 0; i < q.size();) {
    if (q[i] == ' ') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < q.size() && (quoted || q[j] != ' ')) {
      if (q[j] == '"') quoted = !quoted;
      ++j;
    }
    toks.push_back(q.substr(i, j - i));
    i = j;
  }
  auto is_operator = [](const std::string& t) {
    return t == "AND" || t == "OR" || t == "NOT" || t == "XOR" || t == "AND_NOT" || t.rfind("NEAR", 0) == 0 ||
           t.rfind("ADJ", 0) == 0;
  };
  int depth = 0;
  for (size_t k = 0; k < toks.size(); ++k) {
    const std::string& tok = toks[k];
    f.rest += ' ';
    size_t colon = tok.find(':');
    std::string field = colon == std::string::npos ? "" : tok.substr(0, colon);
    std::string value = colon == std::string::npos ? "" : tok.substr(colon + 1);
    // Only a filter that stands alone at the top level is lifted; one joined
    // to something by an operator keeps Xapian's meaning.
    bool joined = (k > 0 && is_operator(toks[k - 1])) || (k + 1 < toks.size() && is_operator(toks[k + 1]));
    bool liftable = depth == 0 && !joined && !value.empty() && tok.find('"') == std::string::npos &&
                    tok.find('(') == std::string::npos && tok.find(')') == std::string::npos &&
                    (kTermPrefixes.count(field) || field == "year" || field == "date");
    for (char c : tok) {
      if (c == '(') ++depth;
      if (c == ')') --depth;
    }
    if (!liftable) {
      f.rest += tok;
      continue;
    }
    f.lifted += " " + tok;
    if (auto it = kTermPrefixes.find(field); it != kTermPrefixes.end()) {
      f.by_field[field].push_back(Xapian::Query(it->second + value));
      continue;
    }
    size_t dots = value.find("..");
    if (field == "year" && dots == std::string::npos) {
      if (!text::AllAsciiDigits(value)) return Status::InvalidArgument("bad year filter " + tok + " (use year:2012 or year:2010..2020)");
      f.by_field[field].push_back(Xapian::Query(kPrefixYear + value));
      continue;
    }
    std::string lo = dots == std::string::npos ? value : value.substr(0, dots);
    std::string hi = dots == std::string::npos ? value : value.substr(dots + 2);
    if (field == "year") {
      if ((!lo.empty() && !text::AllAsciiDigits(lo)) || (!hi.empty() && !text::AllAsciiDigits(hi)) || (lo.empty() && hi.empty()))
        return Status::InvalidArgument("bad year range " + tok + " (use year:2010..2020)");
      if (lo.empty()) lo = "0";
      if (hi.empty()) hi = "9999";
      f.by_field[field].push_back(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kSlotYear,
                                                Xapian::sortable_serialise(std::stod(lo)),
                                                Xapian::sortable_serialise(std::stod(hi))));
      continue;
    }
    // date:
    std::string a = lo.empty() ? "00000101" : DateBound(lo, false);
    std::string b = hi.empty() ? "99991231" : DateBound(hi, true);
    if (a.empty() || b.empty())
      return Status::InvalidArgument("bad date filter " + tok + " (use date:2020-01-01..2022-12-31, date:2021 or date:2021-06)");
    f.by_field[field].push_back(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kSlotDate, a, b));
  }
  return f;
}

namespace {

// The counts of each id of a '\n'-separated list slot (documents name
// several minerals) from the counts of the whole joined values: a document
// has one joined value, which holds an id exactly when the document is
// counted for it. Most first, then by id; at most n.
std::vector<FacetCount> ListCounts(const Xapian::ValueCountMatchSpy& spy, size_t n) {
  std::map<std::string, uint64_t> counts;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    const std::string v = *it;
    size_t b = 0;
    while (b < v.size()) {
      size_t e = v.find('\n', b);
      if (e == std::string::npos) e = v.size();
      counts[v.substr(b, e - b)] += it.get_termfreq();
      b = e + 1;
    }
  }
  std::vector<FacetCount> out;
  for (const auto& [k, c] : counts) out.push_back({k, c});
  std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (out.size() > n) out.resize(n);
  return out;
}

}  // namespace

std::optional<Xapian::docid> Searcher::Impl::Find(const std::string& key) const {
  for (const std::string& term : {std::string(schema::kPrefixId) + key, internal::SourceTerm(key),
                                  std::string(schema::kPrefixAlias) + key}) {
    auto pl = db.postlist_begin(term);
    if (pl != db.postlist_end(term)) return *pl;
  }
  return std::nullopt;
}

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

namespace {
// Modification time (ns) of a replica folder's stub: xapian-replicate
// rewrites it (a new file renamed into place) when a full copy arrives.
uint64_t ReplicaStubTime(const std::string& dir) {
  std::error_code ec;
  auto t = std::filesystem::last_write_time(std::filesystem::path(dir) / "XAPIANDB", ec);
  if (ec) return 0;
  return static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count());
}
}  // namespace

Status Searcher::Impl::OpenLayout() {
  Impl& impl = *this;
  if (internal::IsShardedPath(impl.dir)) {
    auto opened = internal::OpenShardedDatabase(impl.dir, impl.options);
    if (!opened.ok()) return opened.status();
    impl.sharded = std::move(*opened);
    impl.db = impl.sharded->combined;
    impl.meta = impl.sharded->meta.db;
    impl.live = impl.sharded->stub_file;
    impl.generation = 0;
    return internal::CheckSchemaVersion(impl.meta, impl.dir);
  }
  auto live_path = internal::LiveDatabasePath(impl.dir);
  if (!live_path.ok()) return live_path.status();
  return internal::XapianGuard("opening index " + impl.dir, [&]() -> Status {
    impl.replica = *live_path == impl.dir;  // LiveDatabasePath: a replica's one-line stub
    // The stub's time first: a copy arriving in between is then seen by the next Refresh.
    const uint64_t stub_time = impl.replica ? ReplicaStubTime(impl.dir) : 0;
    impl.db = Xapian::Database(*live_path);
    impl.meta = impl.db;
    impl.live = *live_path;
    impl.generation = impl.replica ? stub_time : internal::GenerationNumber(*live_path);
    return internal::CheckSchemaVersion(impl.db, impl.dir);
  });
}

Result<std::unique_ptr<Searcher>> Searcher::Open(const std::string& index_dir, const OpenOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->dir = index_dir;
  impl->options = options;
  if (impl->options.timeout_ms == 0) impl->options.timeout_ms = OpenOptions{}.timeout_ms;  // 0 would never time out
  Status s = impl->OpenLayout();
  if (!s.ok()) return s;
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

std::vector<std::string> Searcher::MissingShards() const {
  return impl_->sharded ? impl_->sharded->missing : std::vector<std::string>();
}

bool Searcher::Broken() const { return impl_->broken; }

Result<SearchResult> Searcher::Search(const SearchRequest& req) {
  return impl_->Guard("searching " + impl_->dir, [&]() -> Result<SearchResult> {
    using namespace schema;
    auto& db = impl_->db;
    // Spelling and synonyms come from meta (issue 13: remote shards return
    // neither); the shards' words come from `db`.
    Xapian::QueryParser qp = internal::MakeQueryParser(
        impl_->meta, req.match_any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
    internal::WildcardExpander wildcards(db);
    wildcards.Register(qp);
    // Without the spelling correction: looking up every word's corrections
    // costs a sixth of a search (issue 12, perf), and is only needed for a
    // query that finds little; the query parsed is the same either way.
    const unsigned flags = internal::UserQueryFlags(req.ranking.synonyms) & ~Xapian::QueryParser::FLAG_SPELLING_CORRECTION;
    auto lifted = LiftFilters(req.query);
    if (!lifted.ok()) return lifted.status();
    std::string qs = lifted->rest;
    bool blank = qs.find_first_not_of(' ') == std::string::npos;
    Xapian::Query query = blank ? Xapian::Query::MatchAll : qp.parse_query(wildcards.Rewrite(qs), flags);
    if (!wildcards.error().empty()) return Status::InvalidArgument(wildcards.error());
    for (const auto& [field, alternatives] : lifted->by_field) {
      Xapian::Query any(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
      query = Xapian::Query(Xapian::Query::OP_FILTER, query, any);
    }

    SearchResult out;
    std::set<std::string> words, stems;
    for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
      const std::string term = *t;
      if (term.empty()) continue;
      if (term.rfind(kPrefixTitleStem, 0) == 0) stems.insert(term.substr(2));
      else if (term[0] == 'Z') stems.insert(term.substr(1));
      else if (term[0] == 'S') words.insert(term.substr(1));
      else if (!(term[0] >= 'A' && term[0] <= 'Z')) words.insert(term);
    }
    out.words.assign(words.begin(), words.end());
    out.stems.assign(stems.begin(), stems.end());
    query = internal::ExpandStems(query, db);  // stems -> their indexed words (issue 10)
    if (!blank && !req.sort_by_date) query = internal::WithBoosts(query, internal::PlainWords(qs), db, req.ranking);

    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(internal::Weighting(req.ranking));
    // Relevance order whenever a word of the query carries weight (issue 9:
    // plain lowercase words become Z stem terms only, and were once taken
    // for a filter-only query). Only filters: newest first is the useful
    // order.
    const bool has_words = !words.empty() || !stems.empty();
    auto by_date = [&] { enquire.set_sort_by_value_then_relevance(kSlotDate, true); };
    // Equal scores in lode id order, not docid order: docids interleave
    // across shards (issue 13), and a built-in sort key works over remote.
    enquire.set_sort_by_relevance_then_value(kSlotId, false);
    if (req.sort_by_date || !has_words) by_date();
    // Only Xapian's own ValueCountMatchSpy: a stock xapian-tcpsrv knows no
    // other (issue 13). The list slots are split here (ListCounts).
    Xapian::ValueCountMatchSpy kind_spy(kSlotKind), year_spy(kSlotYearStr), jurisdiction_spy(kSlotJurisdiction);
    Xapian::ValueCountMatchSpy mineral_spy(kSlotMinerals), agency_spy(kSlotAgencies), country_spy(kSlotCountries);
    // Counting the first few hundred matches is cheap, and makes the total
    // exact for small result sets: the boosts (OP_AND_MAYBE, posting
    // sources, OP_NEAR) leave Xapian's early estimate far off ("about 2"
    // for 13).
    Xapian::doccount check_at_least = 200;
    if (req.facets) {
      enquire.add_matchspy(&kind_spy);
      enquire.add_matchspy(&year_spy);
      enquire.add_matchspy(&jurisdiction_spy);
      enquire.add_matchspy(&mineral_spy);
      enquire.add_matchspy(&agency_spy);
      enquire.add_matchspy(&country_spy);
      check_at_least = db.get_doccount();
      // Counted in a pass of their own that keeps no hits: over two or more
      // remote shards Xapian 1.4 counts again, in each spy, the hits a
      // remote shard returns (kind:law with 20 hits: 62 for 52 documents;
      // with none: 52). Measured exact with 0 hits (issue 13).
      (void)enquire.get_mset(0, 0, check_at_least);
      enquire.clear_matchspies();
    }
    bool dated = req.sort_by_date || !has_words;
    Xapian::MSet mset;
    std::vector<internal::PageItem> page;
    auto fetch = [&] {
      if (dated) {
        mset = internal::DatedPage(enquire, db, req.offset, req.limit, check_at_least, &page);
      } else {
        mset = internal::RankedPage(enquire, req.offset, req.limit, check_at_least, &page);
      }
    };
    fetch();
    if (!dated && mset.get_max_possible() == 0) {
      // The words weigh nothing (only negated: "-stockpile"): by date too.
      by_date();
      dated = true;
      fetch();
    }
    out.total = mset.get_matches_estimated();
    out.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    uint32_t rank = req.offset;
    for (const internal::PageItem& item : page) {
      Hit h;
      if (req.records) {
        auto rec = internal::DecodeRecord(db.get_document(item.docid).get_data());
        if (!rec.ok()) return rec.status();
        h.doc = std::move(rec).value();
      }
      h.docid = item.docid;
      h.score = item.weight;
      h.rank = ++rank;
      out.hits.push_back(std::move(h));
    }
    if (req.facets) {
      out.facets["kind"] = TopValues(kind_spy, 50, false);
      out.facets["year"] = TopValues(year_spy, 500, true);
      out.facets["jurisdiction"] = TopValues(jurisdiction_spy, 10, false);
      out.facets["mineral"] = ListCounts(mineral_spy, 20);
      out.facets["agency"] = ListCounts(agency_spy, 20);
      out.facets["country"] = ListCounts(country_spy, 20);
    }
    if (out.total < 3 && !blank) {
      Xapian::QueryParser speller =
          internal::MakeQueryParser(impl_->meta, req.match_any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
      speller.parse_query(qs, flags | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
      std::string corrected = speller.get_corrected_query_string();
      if (!corrected.empty() && corrected != qs) {
        for (char c : corrected + lifted->lifted)
          if (c != ' ' || (!out.suggestion.empty() && out.suggestion.back() != ' ')) out.suggestion += c;
        while (!out.suggestion.empty() && out.suggestion.back() == ' ') out.suggestion.pop_back();
      }
    }
    if (impl_->sharded) out.missing_shards = impl_->sharded->missing;
    return out;
  });
}

Result<Document> Searcher::Get(const std::string& key) {
  return impl_->Guard("reading " + impl_->dir, [&]() -> Result<Document> {
    if (auto did = impl_->Find(key)) return internal::DecodeRecord(impl_->db.get_document(*did).get_data());
    return Status::NotFound("no document " + key + " in " + impl_->dir);
  });
}

Result<uint32_t> Searcher::Locate(const std::string& key) {
  return internal::XapianGuard("reading " + impl_->dir, [&]() -> Result<uint32_t> {
    if (auto did = impl_->Find(key)) return static_cast<uint32_t>(*did);
    return Status::NotFound("no document " + key + " in " + impl_->dir);
  });
}

Result<Document> Searcher::Record(uint32_t docid) {
  return internal::XapianGuard("reading " + impl_->dir, [&]() -> Result<Document> {
    return internal::DecodeRecord(impl_->db.get_document(docid).get_data());
  });
}

Result<std::vector<std::string>> Searcher::IdsWithPrefix(const std::string& prefix, size_t limit) {
  return impl_->Guard("reading the ids of " + impl_->dir, [&]() -> Result<std::vector<std::string>> {
    std::vector<std::string> out;
    const std::string p = std::string(schema::kPrefixId) + prefix;
    for (auto t = impl_->db.allterms_begin(p); t != impl_->db.allterms_end(p) && out.size() < limit; ++t)
      out.push_back((*t).substr(std::string(schema::kPrefixId).size()));
    return out;
  });
}

Result<std::vector<Posting>> Searcher::Postings(const std::string& id, bool citations, size_t limit,
                                               uint64_t* total) {
  return impl_->Guard("reading " + impl_->dir, [&]() -> Result<std::vector<Posting>> {
    auto& db = impl_->db;
    const std::string term = (citations ? schema::kPrefixCitation : schema::kPrefixEntity) + id;
    std::vector<std::pair<uint32_t, Xapian::docid>> by_count;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) by_count.push_back({it.get_wdf(), *it});
    if (total) *total = by_count.size();
    std::stable_sort(by_count.begin(), by_count.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    // Equal counts in id order (docids interleave across shards, issue 13):
    // the ids of every posting that can still make the list.
    const uint32_t threshold = by_count.size() > limit && limit > 0 ? by_count[limit - 1].first : 0;
    std::vector<std::tuple<uint32_t, std::string, Xapian::docid>> ranked;
    for (const auto& [count, did] : by_count) {
      if (count < threshold || (limit == 0)) break;
      ranked.emplace_back(count, db.get_document(did).get_value(schema::kSlotId), did);
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return std::get<0>(a) != std::get<0>(b) ? std::get<0>(a) > std::get<0>(b) : std::get<1>(a) < std::get<1>(b);
    });
    std::vector<Posting> out;
    for (const auto& [count, key, did] : ranked) {
      if (out.size() >= limit) break;
      Xapian::Document d = db.get_document(did);
      auto rec = internal::DecodeRecord(d.get_data());
      if (!rec.ok()) continue;
      out.push_back({rec->id, rec->title, KindName(rec->kind), rec->date, count});
    }
    return out;
  });
}

Result<std::vector<std::pair<std::string, uint64_t>>> Searcher::CoOccurring(const std::string& id, size_t limit) {
  return impl_->Guard("reading " + impl_->dir, [&]() -> Result<std::vector<std::pair<std::string, uint64_t>>> {
    auto& db = impl_->db;
    const std::string term = schema::kPrefixEntity + id, prefix = schema::kPrefixEntity;
    std::map<std::string, uint64_t> counts;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
      auto tl = db.termlist_begin(*it);
      for (tl.skip_to(prefix); tl != db.termlist_end(*it) && (*tl).rfind(prefix, 0) == 0; ++tl)
        if (*tl != term) ++counts[(*tl).substr(prefix.size())];
    }
    std::vector<std::pair<std::string, uint64_t>> out(counts.begin(), counts.end());
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (out.size() > limit) out.resize(limit);
    return out;
  });
}

Result<IndexStats> Searcher::Stats() {
  return impl_->Guard("reading " + impl_->dir, [&]() -> Result<IndexStats> {
    auto& db = impl_->db;
    IndexStats s;
    s.documents = db.get_doccount();
    // A multi-database has no revision (Xapian throws): meta's, which is local.
    s.revision = impl_->meta.get_revision();
    s.terms_total = db.get_total_length();
    s.path = impl_->live;
    auto count = [&](const char* prefix, std::map<std::string, uint64_t>& into) {
      for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
        into[(*t).substr(std::string(prefix).size())] = t.get_termfreq();
    };
    count(schema::kPrefixKind, s.by_kind);
    count(schema::kPrefixYear, s.by_year);
    count(schema::kPrefixFormat, s.by_format);
    count(schema::kPrefixLanguage, s.by_language);
    // Documents per entity type and per relation type.
    for (auto t = db.allterms_begin(schema::kPrefixEntity); t != db.allterms_end(schema::kPrefixEntity); ++t) {
      std::string id = (*t).substr(2);
      ++s.entities_by_type[id.substr(0, id.find(':'))];
    }
    for (auto t = db.allterms_begin(schema::kPrefixRelation); t != db.allterms_end(schema::kPrefixRelation); ++t) {
      std::string rel = (*t).substr(2);
      s.relations_by_type[rel.substr(0, rel.find(':'))] += t.get_termfreq();
    }
    for (auto t = db.allterms_begin(schema::kPrefixCitation); t != db.allterms_end(schema::kPrefixCitation); ++t) {
      std::string id = (*t).substr(2);
      s.citations_by_type[id.substr(0, id.find(':'))] += t.get_termfreq();
    }
    if (!impl_->sharded) {
      auto size = IndexSizeBytes(impl_->dir);
      if (size.ok()) s.size_bytes = *size;
      return s;
    }
    // Per shard: what each line holds (sizes of the local ones only).
    const auto& sd = *impl_->sharded;
    auto add = [&](const internal::OpenedShard& sh) {
      ShardStats st;
      st.name = sh.name;
      st.address = sh.address;
      st.remote = sh.remote;
      st.documents = sh.db.get_doccount();
      st.uuid = sh.db.get_uuid();
      st.commit = internal::CommitCounter(sh.db);
      s.shards.push_back(std::move(st));
      if (!sh.remote && sh.generation > 0) {
        auto size = IndexSizeBytes(sh.index_dir);
        if (size.ok()) s.size_bytes += *size;
      }
    };
    add(sd.meta);
    for (const auto& sh : sd.shards) add(sh);
    s.missing_shards = sd.missing;
    return s;
  });
}

Result<std::string> Searcher::Stamp() {
  return impl_->Guard("reading " + impl_->dir, [&]() -> Result<std::string> {
    if (impl_->sharded) return impl_->sharded->Stamp();
    // The database this Searcher reads, not CURRENT's: after a rebuild the
    // two differ until Refresh, and the stamp must describe what was read.
    // A replica's full copies may repeat a path, revision and count: its
    // stub's time tells them apart.
    return impl_->live + "@" + std::to_string(impl_->db.get_revision()) + "#" +
           std::to_string(impl_->db.get_doccount()) +
           (impl_->replica ? "~" + std::to_string(impl_->generation) : std::string());
  });
}

Result<bool> Searcher::Refresh() {
  return impl_->Guard("reopening " + impl_->dir, [&]() -> Result<bool> {
    if (impl_->sharded) {
      // An edited stub, a shard rebuilt into a new generation, or shards left
      // out a while ago (they may answer again): open the layout anew.
      if (impl_->sharded->Outdated()) {
        Status s = impl_->OpenLayout();
        if (!s.ok()) return s;
        return true;
      }
      const IndexRevision before = impl_->sharded->Revision();
      impl_->db.reopen();
      return impl_->sharded->Revision() != before;
    }
    auto live = internal::LiveDatabasePath(impl_->dir);
    if (!live.ok()) return live.status();
    if (impl_->replica && *live == impl_->live && ReplicaStubTime(impl_->dir) != impl_->generation) {
      // A full copy arrived: the stub names a new database.
      Status s = impl_->OpenLayout();
      if (!s.ok()) return s;
      return true;
    }
    if (*live != impl_->live) {  // a rebuild published a new generation
      Xapian::Database fresh(*live);
      if (Status s = internal::CheckSchemaVersion(fresh, impl_->dir); !s.ok()) return s;
      impl_->db = fresh;
      impl_->meta = impl_->db;
      impl_->live = *live;
      impl_->generation = internal::GenerationNumber(*live);
      return true;
    }
    const Xapian::rev before = impl_->db.get_revision();
    impl_->db.reopen();
    return impl_->db.get_revision() != before;
  });
}

IndexRevision Searcher::Revision() const {
  IndexRevision r;
  r.generation = impl_->generation;
  try {
    if (impl_->sharded) return impl_->sharded->Revision();
    r.revision = impl_->db.get_revision();
  } catch (const Xapian::Error&) {
    // A closed database: revision 0 orders before any reopened one.
  }
  return r;
}

namespace {

// Progress of a graph read over remote shards: a line now and then (at most
// every 5 s), so that minutes of round trips do not look like a hang.
class GraphTicker {
 public:
  using Clock = std::chrono::steady_clock;
  explicit GraphTicker(const std::function<void(const std::string&)>* progress) : progress_(progress) {}
  bool on() const { return progress_ && *progress_; }
  void Say(const std::string& m) const {
    if (on()) (*progress_)(m);
  }
  // Says `m()` when 5 s have passed since the last line.
  template <typename F>
  void Tick(F&& m) {
    if (!on() || Clock::now() - last_ < std::chrono::seconds(5)) return;
    last_ = Clock::now();
    (*progress_)(m());
  }
  static std::string Seconds(Clock::time_point since) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f s", std::chrono::duration<double>(Clock::now() - since).count());
    return buf;
  }

 private:
  const std::function<void(const std::string&)>* progress_;
  Clock::time_point last_ = Clock::now();
};

// The rows and extraction postings of one database (a whole index, or one
// shard of a layout), appended to `g` (row numbers from g.docs.size()).
// Over a remote shard value streams fetch every document once per slot, so
// there each document is fetched once for all its slots.
// A ticker (remote shards only) hears progress, `what` names the shard.
void ReadGraphPart(const Xapian::Database& db, bool remote, GraphSource& g,
                   std::map<std::string, GraphTermPostings>* merged[6], GraphTicker* ticker = nullptr,
                   const std::string& what = "") {
  // Rows in docid order; docids may have gaps (deleted documents). Not a
  // vector by docid: a shard's docids are its own, and sparse ones are cheap
  // here.
  std::unordered_map<Xapian::docid, uint32_t> row_of;
  std::vector<Xapian::docid> docids;
  const size_t first = g.docs.size();
  if (remote) {
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      Xapian::Document d = db.get_document(*it);
      std::string id = d.get_value(schema::kSlotId);
      if (id.empty()) continue;
      row_of[*it] = static_cast<uint32_t>(g.docs.size());
      docids.push_back(*it);
      g.docs.push_back(GraphDocRow{id, d.get_value(schema::kSlotKind), d.get_value(schema::kSlotDate),
                                   d.get_value(schema::kSlotTitle), d.get_value(schema::kSlotPresident),
                                   d.get_value(schema::kSlotJurisdiction)});
      if (ticker)
        ticker->Tick([&] { return "graph: " + what + ": " + std::to_string(docids.size()) + " documents read"; });
    }
  } else {
    // Value streams read one slot for all documents without loading records.
    for (auto it = db.valuestream_begin(schema::kSlotId); it != db.valuestream_end(schema::kSlotId); ++it) {
      if ((*it).empty()) continue;
      row_of[it.get_docid()] = static_cast<uint32_t>(g.docs.size());
      docids.push_back(it.get_docid());
      g.docs.push_back(GraphDocRow{*it, "", "", "", "", ""});
    }
    auto fill = [&](unsigned slot, std::string GraphDocRow::*field) {
      for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it)
        if (auto r = row_of.find(it.get_docid()); r != row_of.end()) g.docs[r->second].*field = *it;
    };
    fill(schema::kSlotKind, &GraphDocRow::kind);
    fill(schema::kSlotDate, &GraphDocRow::date);
    fill(schema::kSlotTitle, &GraphDocRow::title);
    fill(schema::kSlotPresident, &GraphDocRow::president);
    fill(schema::kSlotJurisdiction, &GraphDocRow::jurisdiction);
  }
  for (size_t i = 0; i < docids.size(); ++i) {
    GraphDocRow& r = g.docs[first + i];
    if (r.date.size() == 8) r.date = r.date.substr(0, 4) + "-" + r.date.substr(4, 2) + "-" + r.date.substr(6, 2);
    if (r.title.empty()) {  // written before the title slot existed
      auto rec = internal::DecodeRecord(db.get_document(docids[i]).get_data());
      if (rec.ok()) r.title = rec->title;
    }
  }
  const char* prefixes[6] = {schema::kPrefixEntity,   schema::kPrefixCitation, schema::kPrefixRelation,
                             schema::kPrefixAlias,    schema::kPrefixPaperKey, schema::kPrefixReference};
  uint64_t lists = 0;
  for (int k = 0; k < 6; ++k) {
    const std::string prefix = prefixes[k];
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      const std::string term = (*t).substr(prefix.size());
      if (ticker) {
        ++lists;
        ticker->Tick([&] {
          return "graph: " + what + ": " + std::to_string(docids.size()) + " documents, " + std::to_string(lists) +
                 " posting lists read";
        });
      }
      GraphTermPostings* p = nullptr;
      for (auto it = db.postlist_begin(*t); it != db.postlist_end(*t); ++it) {
        auto r = row_of.find(*it);
        if (r == row_of.end()) continue;
        if (!p) {
          p = &(*merged[k])[term];
          p->term = term;
        }
        p->docs.push_back({r->second, static_cast<uint32_t>(it.get_wdf())});
      }
    }
  }
}

// Rows sorted by id, and postings by row: the same source whatever the
// order documents had in the database, so a sharded layout (whose docids
// interleave) and the single index give the same graph, ties included.
void SortById(GraphSource& g, std::map<std::string, GraphTermPostings>* merged[6],
              std::vector<GraphTermPostings>* into[6]) {
  std::vector<uint32_t> order(g.docs.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return g.docs[a].id < g.docs[b].id; });
  std::vector<uint32_t> new_row(order.size());
  std::vector<GraphDocRow> docs;
  docs.reserve(order.size());
  for (uint32_t i = 0; i < order.size(); ++i) {
    new_row[order[i]] = i;
    docs.push_back(std::move(g.docs[order[i]]));
  }
  g.docs = std::move(docs);
  for (int k = 0; k < 6; ++k) {
    into[k]->reserve(merged[k]->size());
    for (auto& [term, p] : *merged[k]) {
      for (auto& d : p.docs) d.first = new_row[d.first];
      std::sort(p.docs.begin(), p.docs.end());
      into[k]->push_back(std::move(p));
    }
  }
}

}  // namespace

Result<GraphSource> Searcher::ReadGraphSource(const std::function<void(const std::string&)>& progress) {
  return impl_->Guard("reading " + impl_->dir, [&]() -> Result<GraphSource> {
    GraphSource g;
    std::map<std::string, GraphTermPostings> entities, citations, relations, aliases, paper_keys, references;
    std::map<std::string, GraphTermPostings>* merged[6] = {&entities, &citations,  &relations,
                                                           &aliases,  &paper_keys, &references};
    if (!impl_->sharded) {
      auto stamp = Stamp();
      if (!stamp.ok()) return stamp.status();
      g.stamp = *stamp;
      ReadGraphPart(impl_->db, false, g, merged);
    } else {
      // `#lode graph-source STUB`: the same shards read from local copies
      // (replicas on the graph host); over remote shards every posting list
      // is a round trip.
      std::optional<internal::ShardedDatabase> other;
      if (!impl_->sharded->graph_source.empty()) {
        auto opened = internal::OpenShardedDatabase(impl_->sharded->graph_source, impl_->options);
        if (!opened.ok()) return opened.status().WithContext("graph-source of " + impl_->sharded->stub_file);
        other = std::move(*opened);
      }
      const internal::ShardedDatabase& from = other ? *other : *impl_->sharded;
      g.stamp = from.Stamp();
      size_t remote = 0;
      for (const auto& sh : from.shards) remote += sh.remote ? 1 : 0;
      // Only a read over remote shards is slow enough to be worth a word.
      GraphTicker ticker(remote ? &progress : nullptr);
      const auto start = GraphTicker::Clock::now();
      const std::string shards = std::to_string(remote) + " remote shard" + (remote == 1 ? "" : "s");
      ticker.Say("graph: reading the postings of " + shards + " (" + std::to_string(from.shards.size()) +
                 " in all): one network round trip per posting list, which can take minutes; "
                 "`#lode graph-source` in the stub reads local copies instead (-q: no progress)");
      for (const auto& sh : from.shards) {
        const auto shard_start = GraphTicker::Clock::now();
        const size_t before = g.docs.size();
        const std::string what = sh.Describe(from.stub_file);
        ReadGraphPart(sh.db, sh.remote, g, merged, sh.remote ? &ticker : nullptr, what);
        if (sh.remote)
          ticker.Say("graph: " + what + ": " + std::to_string(g.docs.size() - before) + " documents in " +
                     GraphTicker::Seconds(shard_start));
      }
      ticker.Say("graph: postings of " + shards + " read in " + GraphTicker::Seconds(start));
    }
    std::vector<GraphTermPostings>* into[6] = {&g.entities, &g.citations,  &g.relations,
                                               &g.aliases,  &g.paper_keys, &g.references};
    SortById(g, merged, into);
    return g;
  });
}

}  // namespace lodestone
