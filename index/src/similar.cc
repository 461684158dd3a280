// Searcher::Similar: more like this.
#include <xapian.h>

#include <cctype>
#include <string>
#include <vector>

#include "lodestone/index/schema.h"
#include "lodestone/index/searcher.h"
#include "page.h"
#include "record_json.h"
#include "searcher_impl.h"
#include "xapian_guard.h"

namespace lodestone {

namespace {

// Terms that say what a document is about: words of three letters or more
// that are not numbers, the entities it names (XE) and what it cites (XC).
// Stems, title copies and filter terms would only repeat or sort.
class TellingTerms : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    if (term.empty()) return false;
    const unsigned char c = static_cast<unsigned char>(term[0]);
    if (c >= 'A' && c <= 'Z')
      return term.rfind(schema::kPrefixEntity, 0) == 0 || term.rfind(schema::kPrefixCitation, 0) == 0;
    if (term.size() < 3) return false;
    for (unsigned char ch : term)
      if (!std::isdigit(ch) && ch != '.' && ch != ',') return true;
    return false;  // a number
  }
};

// How a term reads in the query language: the word itself, an entity id
// (mineral:lithium), or cites:ID.
std::string Readable(const std::string& term) {
  if (term.rfind(schema::kPrefixEntity, 0) == 0) return term.substr(2);
  if (term.rfind(schema::kPrefixCitation, 0) == 0) return "cites:" + term.substr(2);
  return term;
}

}  // namespace

Result<SimilarResult> Searcher::Similar(const SimilarRequest& req) {
  return impl_->Guard("finding documents like " + req.id, [&]() -> Result<SimilarResult> {
    auto& db = impl_->db;
    auto did = impl_->Find(req.id);
    if (!did) return Status::NotFound("no document " + req.id + " in " + impl_->dir);
    SimilarResult out;
    auto rec = internal::DecodeRecord(db.get_document(*did).get_data());
    if (!rec.ok()) return rec.status();
    out.doc = std::move(rec).value();

    Xapian::Enquire enquire(db);
    Xapian::RSet rset;
    rset.add_document(*did);
    TellingTerms decider;
    Xapian::ESet eset = enquire.get_eset(req.terms, rset, &decider);
    std::vector<Xapian::Query> terms;
    for (auto t = eset.begin(); t != eset.end(); ++t) {
      terms.push_back(Xapian::Query(*t));
      out.terms.push_back(Readable(*t));
    }
    if (terms.empty()) return out;
    Xapian::Query query(Xapian::Query::OP_AND_NOT, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                        Xapian::Query(std::string(schema::kPrefixId) + out.doc.id));
    enquire.set_query(query);
    enquire.set_sort_by_relevance_then_value(schema::kSlotId, false);  // ties by id on any layout (issue 13)
    std::vector<internal::PageItem> page;  // equal scores at the cut: the same page on any layout
    Xapian::MSet mset = internal::RankedPage(enquire, 0, req.limit, 0, &page);
    out.total = mset.get_matches_estimated();
    uint32_t rank = 0;
    for (const internal::PageItem& item : page) {
      if (item.docid == *did) continue;  // another copy of the id cannot exist, but never list the document itself
      auto hit = internal::DecodeRecord(db.get_document(item.docid).get_data());
      if (!hit.ok()) return hit.status();
      out.hits.push_back(Hit{std::move(hit).value(), item.weight, ++rank});
    }
    return out;
  });
}

}  // namespace lodestone
