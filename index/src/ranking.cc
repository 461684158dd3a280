#include "ranking.h"

#include <sstream>
#include <vector>

#include "lodestone/index/schema.h"
#include "query_parser.h"
#include "stem_table.h"

namespace lodestone::internal {

namespace {

bool IsOperator(const std::string& t) {
  return t == "AND" || t == "OR" || t == "NOT" || t == "XOR" || t == "AND_NOT" || t.rfind("NEAR", 0) == 0 ||
         t.rfind("ADJ", 0) == 0;
}

// Parses boost text without failing the search: a boost that cannot be
// parsed is left out.
Xapian::Query Parse(Xapian::QueryParser& qp, const std::string& text) {
  try {
    return qp.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT);
  } catch (const Xapian::QueryParserError&) {
    return Xapian::Query();
  }
}

// The words of a phrase query within `slack` extra positions, any order.
Xapian::Query Near(const Xapian::Query& phrase, Xapian::termcount slack) {
  if (phrase.get_type() != Xapian::Query::OP_PHRASE) return Xapian::Query();
  std::vector<Xapian::Query> terms;
  for (size_t i = 0; i < phrase.get_num_subqueries(); ++i) terms.push_back(phrase.get_subquery(i));
  return Xapian::Query(Xapian::Query::OP_NEAR, terms.begin(), terms.end(),
                       static_cast<Xapian::termcount>(terms.size()) + slack);
}

// Documents whose title holds every word, weighted by the share of the
// title the words make (1 for the exact title, 1/2 for a title of twice as
// many words): BM25 normalises by the length of the whole text, so alone it
// cannot tell "Year 2000 Conversion" from "Amendment to Executive Order
// 13073, Year 2000 Conversion". With `exact`, only titles that are the
// words, in the order typed, and nothing else (weight 1). The title's length
// is a value slot, and ValueMapPostingSource is one of Xapian's own sources
// (remote shards know it).
Xapian::Query TitleCover(const Xapian::Database& db, const std::string& words, bool exact) {
  Xapian::QueryParser all = MakeQueryParser(db, Xapian::Query::OP_AND, schema::kPrefixTitle);
  Xapian::Query title = Parse(all, exact ? "\"" + words + "\"" : words);
  if (title.empty()) return title;
  double n = 0;
  for (auto t = title.get_terms_begin(); t != title.get_terms_end(); ++t) ++n;
  title = ExpandStems(title, db);  // after counting the words typed
  auto* share = new Xapian::ValueMapPostingSource(schema::kSlotTitleWords);
  for (int len = 1; len <= 200; ++len) {
    const double w = exact ? (len == n ? 1.0 : 0.0) : (len <= n ? 1.0 : n / len);
    if (w > 0) share->add_mapping(std::to_string(len), w);
  }
  return Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, title, 0),
                       Xapian::Query(share->release()));
}

// Whether the parsed query holds a synonym expansion: a plain word query has
// extraction terms (XE) only through the synonym table.
bool ExpandsSynonyms(const Xapian::Query& q) {
  for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t)
    if ((*t).rfind(schema::kPrefixEntity, 0) == 0) return true;
  return false;
}

}  // namespace

std::string PlainWords(const std::string& query) {
  std::istringstream in(query);
  std::string out;
  for (std::string tok; in >> tok;) {
    if (IsOperator(tok) || tok[0] == '-' || tok.find_first_of("()*") != std::string::npos) return {};
    if (size_t colon = tok.find(':'); colon != std::string::npos && colon + 1 < tok.size()) return {};
    std::string word;
    for (char c : tok)
      if (c != '"' && c != '+' && c != ':') word += c;
    if (!word.empty()) out += (out.empty() ? "" : " ") + word;
  }
  return out;
}

Xapian::Query WithBoosts(const Xapian::Query& matched, const std::string& words, const Xapian::Database& db,
                         const RankingOptions& r) {
  if (words.empty()) return matched;
  const bool several = words.find(' ') != std::string::npos;
  std::vector<Xapian::Query> boosts;
  auto add = [&](const Xapian::Query& q, double factor) {
    if (factor > 0 && !q.empty())
      boosts.push_back(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, ExpandStems(q, db), factor));
  };
  Xapian::QueryParser title = MakeQueryParser(db, Xapian::Query::OP_OR, schema::kPrefixTitle);
  if (r.title_weight > 0) add(Parse(title, words), r.title_weight);
  if (several && r.title_all_weight > 0) {
    Xapian::QueryParser all = MakeQueryParser(db, Xapian::Query::OP_AND, schema::kPrefixTitle);
    add(Parse(all, words), r.title_all_weight);
  }
  if (several && r.title_phrase_weight > 0) add(Parse(title, "\"" + words + "\""), r.title_phrase_weight);
  if (r.title_cover_weight > 0) add(TitleCover(db, words, false), r.title_cover_weight);
  if (several && r.title_exact_weight > 0) add(TitleCover(db, words, true), r.title_exact_weight);
  if (r.literal_weight > 0 && ExpandsSynonyms(matched)) {
    Xapian::QueryParser text = MakeQueryParser(db, Xapian::Query::OP_OR);
    add(Parse(text, words), r.literal_weight);
  }
  Xapian::Query boosted = matched;
  if (!boosts.empty())
    boosted = Xapian::Query(Xapian::Query::OP_AND_MAYBE, matched,
                            Xapian::Query(Xapian::Query::OP_OR, boosts.begin(), boosts.end()));
  return WithNearBoost(boosted, several ? words : std::string(), db, r);
}

// issue 13: the NEAR boost stands in its own AND_MAYBE. Inside the OR of the
// other boosts, Xapian 1.4's matcher over several sub-databases (shards)
// credited it to documents that do not satisfy the NEAR (+6.7 on 'critical
// minerals supply chain'); alone it gives the single index's scores exactly,
// on one index and on any number of shards.
Xapian::Query WithNearBoost(const Xapian::Query& boosted, const std::string& words, const Xapian::Database& db,
                            const RankingOptions& r) {
  if (words.empty() || r.near_weight <= 0) return boosted;
  Xapian::QueryParser text = MakeQueryParser(db, Xapian::Query::OP_OR);
  Xapian::Query near = Near(Parse(text, "\"" + words + "\""), r.near_slack);
  if (near.empty()) return boosted;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, boosted,
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, near, r.near_weight));
}

Xapian::BM25Weight Weighting(const RankingOptions& r) { return Xapian::BM25Weight(r.k1, 0, 1, r.b, 0.5); }

}  // namespace lodestone::internal
