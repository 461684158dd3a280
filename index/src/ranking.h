// Relevance beyond BM25 over the matching words: boosts for documents whose
// title holds the words of the query (more when it holds them as the
// phrase typed), and whose text holds them close together. The boosts only
// reorder what the query matches (OP_AND_MAYBE); they never add matches.
// Private to index/.
#ifndef LODESTONE_INDEX_SRC_RANKING_H_
#define LODESTONE_INDEX_SRC_RANKING_H_

#include <xapian.h>

#include <string>

#include "lodestone/index/searcher.h"

namespace lodestone::internal {

// The words of a query (its filters already lifted) in the order typed, when
// the query is a plain list of words and quoted phrases; empty when it uses
// operators, fields, wildcards or brackets, whose meaning is the user's
// (boosting a word they excluded would be wrong).
std::string PlainWords(const std::string& query);

// `matched`, reordered by the boosts of `r` for `words` (from PlainWords).
Xapian::Query WithBoosts(const Xapian::Query& matched, const std::string& words, const Xapian::Database& db,
                         const RankingOptions& r);

// `boosted` with the NEAR boost of `r` for `words` (several words; empty:
// none) in an outer OP_AND_MAYBE of its own (issue 13).
Xapian::Query WithNearBoost(const Xapian::Query& boosted, const std::string& words, const Xapian::Database& db,
                            const RankingOptions& r);

// The weighting scheme of `r` (BM25 with its k1 and b).
Xapian::BM25Weight Weighting(const RankingOptions& r);

}  // namespace lodestone::internal

#endif  // LODESTONE_INDEX_SRC_RANKING_H_
