// One page of an ordered result, the same on every layout (issue 13).
//
// Xapian keeps the best first+size matches in a heap and skips any
// document that cannot beat the worst of them. A document that would only
// tie the worst is skipped too, so with equal scores the page depends on
// how many were asked for (`energy`: the single index's top 20 was not the
// prefix of its top 100), and on the layout: shards see other heaps.
// Asking for more than the page until the window holds a match that ranks
// strictly below the page's last one makes every tie at the cut a
// candidate; the built-in tie-break (lode id, a value slot, which remote
// shards know) then orders them.
//
// Newest-first pages (a date slot, then relevance) end their ties on
// Xapian's docid, which interleaves across shards: there the date groups
// at the page's edges are completed the same way and ordered by lode id
// here, since a KeyMaker cannot run on a remote shard.
// Private to index/.
#ifndef LODESTONE_INDEX_SRC_PAGE_H_
#define LODESTONE_INDEX_SRC_PAGE_H_

#include <xapian.h>

#include <vector>

namespace lodestone::internal {

struct PageItem {
  Xapian::docid docid = 0;
  double weight = 0;
};

// Matches first..first+size of `enquire` sorted by relevance then a value
// (set by the caller), into `page`. Returns the MSet the page was cut from
// (for its estimates).
Xapian::MSet RankedPage(const Xapian::Enquire& enquire, Xapian::doccount first, Xapian::doccount size,
                        Xapian::doccount check_at_least, std::vector<PageItem>* page);

// The same for `enquire` sorted by a value then relevance: equal value and
// weight ordered by the lode id (schema::kSlotId) read from `db`.
Xapian::MSet DatedPage(const Xapian::Enquire& enquire, const Xapian::Database& db, Xapian::doccount first,
                       Xapian::doccount size, Xapian::doccount check_at_least, std::vector<PageItem>* page);

}  // namespace lodestone::internal

#endif  // LODESTONE_INDEX_SRC_PAGE_H_
