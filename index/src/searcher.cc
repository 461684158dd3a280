#include "lodestone/index/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <set>

#include "layout.h"
#include "lodestone/index/schema.h"
#include "lodestone/index/writer.h"
#include "record_json.h"
#include "xapian_doc.h"

namespace lodestone {

namespace {
template <typename F>
auto Guard(const std::string& what, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const Xapian::QueryParserError& e) {
    return Status::InvalidArgument("query syntax error: " + e.get_msg());
  } catch (const Xapian::DatabaseCorruptError& e) {
    return Status::Corrupt(what + ": " + e.get_msg());
  } catch (const Xapian::DatabaseOpeningError& e) {
    return Status::IoError(what + ": " + e.get_msg());
  } catch (const Xapian::Error& e) {
    return Status::IoError(what + ": " + e.get_description());
  } catch (const std::exception& e) {
    return Status::Internal(what + ": " + e.what());
  }
}

std::vector<FacetCount> TopValues(const Xapian::ValueCountMatchSpy& spy, size_t n, bool by_value) {
  std::vector<FacetCount> out;
  for (auto it = spy.top_values_begin(n); it != spy.top_values_end(n); ++it)
    out.push_back({*it, it.get_termfreq()});
  if (by_value)
    std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) { return a.value < b.value; });
  return out;
}
}  // namespace

struct Searcher::Impl {
  std::string dir;
  Xapian::Database db;
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

Result<std::unique_ptr<Searcher>> Searcher::Open(const std::string& index_dir) {
  auto live = internal::LiveDatabasePath(index_dir);
  if (!live.ok()) return live.status();
  auto impl = std::make_unique<Impl>();
  impl->dir = index_dir;
  Status s = Guard("opening index " + index_dir, [&]() -> Status {
    impl->db = Xapian::Database(*live);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

Result<SearchResult> Searcher::Search(const SearchRequest& req) {
  return Guard("searching " + impl_->dir, [&]() -> Result<SearchResult> {
    using namespace schema;
    auto& db = impl_->db;
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(Xapian::Stem("english"));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(req.match_any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
    qp.add_boolean_prefix("kind", kPrefixKind);
    qp.add_boolean_prefix("lang", kPrefixLanguage);
    qp.add_boolean_prefix("format", kPrefixFormat);
    qp.add_boolean_prefix("id", kPrefixId);
    qp.add_prefix("title", kPrefixTitle);
    Xapian::NumberRangeProcessor years(kSlotYear, "year:");
    Xapian::DateRangeProcessor dates(kSlotDate, "date:");
    qp.add_rangeprocessor(&years);
    qp.add_rangeprocessor(&dates);
    // year:2012 (a single year) is a plain filter term.
    qp.add_boolean_prefix("year", kPrefixYear);
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                           Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_SPELLING_CORRECTION;
    std::string qs = req.query;
    Xapian::Query query = qs.empty() ? Xapian::Query::MatchAll : qp.parse_query(qs, flags);

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

    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    // Only filters in the query: newest first is the useful order.
    if (req.sort_by_date || words.empty()) {
      enquire.set_sort_by_value_then_relevance(kSlotDate, true);
    }
    Xapian::ValueCountMatchSpy kind_spy(kSlotKind), year_spy(kSlotYearStr);
    Xapian::doccount check_at_least = 0;
    if (req.facets) {
      enquire.add_matchspy(&kind_spy);
      enquire.add_matchspy(&year_spy);
      check_at_least = db.get_doccount();
    }
    Xapian::MSet mset = enquire.get_mset(req.offset, req.limit, check_at_least);
    out.total = mset.get_matches_estimated();
    out.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    uint32_t rank = req.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      auto rec = internal::DecodeRecord(it.get_document().get_data());
      if (!rec.ok()) return rec.status();
      Hit h;
      h.doc = std::move(rec).value();
      h.score = it.get_weight();
      h.rank = ++rank;
      out.hits.push_back(std::move(h));
    }
    if (req.facets) {
      out.facets["kind"] = TopValues(kind_spy, 50, false);
      out.facets["year"] = TopValues(year_spy, 500, true);
    }
    if (out.total < 3) {
      std::string corrected = qp.get_corrected_query_string();
      if (!corrected.empty() && corrected != qs) out.suggestion = corrected;
    }
    return out;
  });
}

Result<Document> Searcher::Get(const std::string& key) {
  return Guard("reading " + impl_->dir, [&]() -> Result<Document> {
    auto& db = impl_->db;
    for (const std::string& term : {std::string(schema::kPrefixId) + key, internal::SourceTerm(key)}) {
      auto pl = db.postlist_begin(term);
      if (pl != db.postlist_end(term)) return internal::DecodeRecord(db.get_document(*pl).get_data());
    }
    return Status::NotFound("no document " + key + " in " + impl_->dir);
  });
}

std::vector<std::string> Searcher::IdsWithPrefix(const std::string& prefix, size_t limit) {
  std::vector<std::string> out;
  try {
    const std::string p = std::string(schema::kPrefixId) + prefix;
    for (auto t = impl_->db.allterms_begin(p); t != impl_->db.allterms_end(p) && out.size() < limit; ++t)
      out.push_back((*t).substr(1));
  } catch (const Xapian::Error&) {
  }
  return out;
}

Result<IndexStats> Searcher::Stats() {
  return Guard("reading " + impl_->dir, [&]() -> Result<IndexStats> {
    auto& db = impl_->db;
    IndexStats s;
    s.documents = db.get_doccount();
    s.revision = db.get_revision();
    s.terms_total = db.get_total_length();
    s.path = internal::LiveDatabasePath(impl_->dir).value();
    auto count = [&](const char* prefix, std::map<std::string, uint64_t>& into) {
      for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
        into[(*t).substr(std::string(prefix).size())] = t.get_termfreq();
    };
    count(schema::kPrefixKind, s.by_kind);
    count(schema::kPrefixYear, s.by_year);
    count(schema::kPrefixFormat, s.by_format);
    count(schema::kPrefixLanguage, s.by_language);
    auto size = IndexSizeBytes(impl_->dir);
    if (size.ok()) s.size_bytes = *size;
    return s;
  });
}

}  // namespace lodestone
