#include "page.h"

#include <algorithm>
#include <string>
#include <tuple>

#include "lodestone/index/schema.h"

namespace lodestone::internal {
namespace {

// How far past the page a window may grow to take in a tie: beyond it the
// page is cut where Xapian put it (thousands of equal scores are a query
// that matches by a filter alone, which takes the dated path).
constexpr Xapian::doccount kMaxExtra = 4096;

Xapian::doccount FirstExtra(Xapian::doccount size) { return std::max<Xapian::doccount>(size, 10); }

}  // namespace

Xapian::MSet RankedPage(const Xapian::Enquire& enquire, Xapian::doccount first, Xapian::doccount size,
                        Xapian::doccount check_at_least, std::vector<PageItem>* page) {
  page->clear();
  if (size == 0) return enquire.get_mset(first, 0, check_at_least);
  Xapian::doccount extra = FirstExtra(size);
  for (;;) {
    Xapian::MSet mset = enquire.get_mset(first, size + extra, check_at_least);
    const Xapian::doccount got = mset.size();
    const bool complete = got <= size || got < size + extra ||
                          mset[got - 1].get_weight() < mset[size - 1].get_weight() || extra >= kMaxExtra;
    if (!complete) {
      extra *= 4;
      continue;
    }
    auto it = mset.begin();
    for (Xapian::doccount i = 0; i < size && it != mset.end(); ++i, ++it) page->push_back({*it, it.get_weight()});
    return mset;
  }
}

Xapian::MSet DatedPage(const Xapian::Enquire& enquire, const Xapian::Database& db, Xapian::doccount first,
                       Xapian::doccount size, Xapian::doccount check_at_least, std::vector<PageItem>* page) {
  page->clear();
  if (size == 0) return enquire.get_mset(first, 0, check_at_least);
  struct Item {
    Xapian::docid docid;
    double weight;
    std::string key;  // the sort value (the date)
    std::string id;   // read only for the items that are reordered
  };
  auto same = [](const Item& a, const Item& b) { return a.key == b.key && a.weight == b.weight; };
  Xapian::doccount extra = FirstExtra(size);
  for (;;) {
    // From the start: the group at the page's first item may begin before it.
    Xapian::MSet mset = enquire.get_mset(0, first + size + extra, check_at_least);
    std::vector<Item> items;
    items.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) items.push_back({*it, it.get_weight(), it.get_sort_key(), {}});
    const size_t got = items.size();
    if (first >= got) return mset;
    const size_t end = std::min<size_t>(first + size, got);
    const bool complete = got < first + size + extra || !same(items[got - 1], items[end - 1]) || extra >= kMaxExtra;
    if (!complete) {
      extra *= 4;
      continue;
    }
    size_t lo = first, hi = end;  // widen to whole groups
    while (lo > 0 && same(items[lo - 1], items[lo])) --lo;
    while (hi < got && same(items[hi], items[hi - 1])) ++hi;
    for (size_t i = lo; i < hi; ++i) items[i].id = db.get_document(items[i].docid).get_value(schema::kSlotId);
    // Already ordered by date, then weight: only the ids of a group move.
    std::stable_sort(items.begin() + lo, items.begin() + hi, [](const Item& a, const Item& b) {
      if (a.key != b.key) return a.key > b.key;
      if (a.weight != b.weight) return a.weight > b.weight;
      return a.id < b.id;
    });
    for (size_t i = first; i < end; ++i) page->push_back({items[i].docid, items[i].weight});
    return mset;
  }
}

}  // namespace lodestone::internal
