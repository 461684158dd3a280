#include "stem_table.h"

#include <algorithm>

#include "lodestone/index/schema.h"
#include "lodestone/index/writer.h"

namespace lodestone::internal {

namespace {

constexpr size_t kMaxTermBytes = 240;  // as xapian_doc.cc: longer words are not indexed

bool HasStemTerm(const Xapian::Query& q) {
  for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t)
    if (!(*t).empty() && (*t)[0] == schema::kPrefixStem[0]) return true;
  return false;
}

// The indexed terms of a Z / ZS stem term: the stem itself, then the words
// the table lists for it, with the term's prefix (none / S).
std::vector<std::string> StemWords(const std::string& term, const Xapian::Database& db) {
  const bool title = term.rfind(schema::kPrefixTitleStem, 0) == 0;
  const std::string prefix = title ? schema::kPrefixTitle : "";
  const std::string stem = term.substr(title ? 2 : 1);
  std::vector<std::string> out{prefix + stem};
  const std::string key = StemKey(stem);
  for (auto w = db.synonyms_begin(key); w != db.synonyms_end(key); ++w)
    if (*w != stem) out.push_back(prefix + *w);
  return out;
}

bool IsStemLeaf(const Xapian::Query& q) {
  return q.get_type() == Xapian::Query::LEAF_TERM && IsStemKey(*q.get_terms_begin());
}

Xapian::Query Synonyms(const std::vector<std::string>& terms, Xapian::termpos pos) {
  if (terms.size() == 1) return Xapian::Query(terms.front(), 1, pos);
  std::vector<Xapian::Query> subs;
  for (const auto& t : terms) subs.push_back(Xapian::Query(t, 1, pos));
  return Xapian::Query(Xapian::Query::OP_SYNONYM, subs.begin(), subs.end());
}

Xapian::Query Expand(const Xapian::Query& q, const Xapian::Database& db, Xapian::termpos& pos) {
  using Q = Xapian::Query;
  if (!HasStemTerm(q)) return q;
  if (IsStemLeaf(q)) return Synonyms(StemWords(*q.get_terms_begin(), db), ++pos);
  if (q.get_type() == Q::OP_SYNONYM) {
    // The parser's own synonym expansion (~word, auto synonyms) looks up the
    // "Z" + stem key too: OP_SYNONYM(Zstem, words of the stem...). Each
    // word once, or its wdf would count twice.
    std::vector<std::string> terms;
    std::vector<Q> others;
    auto add = [&](const std::string& t) {
      if (std::find(terms.begin(), terms.end(), t) == terms.end()) terms.push_back(t);
    };
    for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
      const Q sub = q.get_subquery(i);
      if (IsStemLeaf(sub))
        for (const auto& w : StemWords(*sub.get_terms_begin(), db)) add(w);
      else if (sub.get_type() == Q::LEAF_TERM)
        add(*sub.get_terms_begin());
      else
        others.push_back(Expand(sub, db, pos));
    }
    ++pos;
    for (const auto& t : terms) others.push_back(Q(t, 1, pos));
    return others.size() == 1 ? others.front() : Q(Q::OP_SYNONYM, others.begin(), others.end());
  }
  switch (q.get_type()) {
    case Q::OP_AND:
    case Q::OP_OR:
    case Q::OP_AND_NOT:
    case Q::OP_XOR:
    case Q::OP_AND_MAYBE:
    case Q::OP_FILTER:
    case Q::OP_MAX: {
      std::vector<Q> subs;
      for (size_t i = 0; i < q.get_num_subqueries(); ++i) subs.push_back(Expand(q.get_subquery(i), db, pos));
      return Q(q.get_type(), subs.begin(), subs.end());
    }
    default:
      return q;  // parameters not exposed (see the header); the parser puts no stem term here
  }
}

}  // namespace

std::string StemKey(const std::string& stem) { return schema::kPrefixStem + stem; }

bool IsStemKey(const std::string& key) { return !key.empty() && key[0] == schema::kPrefixStem[0]; }

void StemTableWriter::AddWords(const std::vector<Token>& tokens, Xapian::WritableDatabase& db) {
  for (const Token& t : tokens) {
    if (!t.stem || t.term.empty() || t.term.size() > kMaxTermBytes - 2) continue;
    if (!seen_.insert(t.term).second) continue;
    std::string stem = StemEnglish(t.term);
    if (stem != t.term) db.add_synonym(StemKey(stem), t.term);
  }
}

void StemTableWriter::Add(const AnalyzedDocument& doc, Xapian::WritableDatabase& db) {
  AddWords(doc.body, db);
  AddWords(doc.title, db);
}

Xapian::Query ExpandStems(const Xapian::Query& q, const Xapian::Database& db) {
  Xapian::termpos pos = 0;
  return Expand(q, db, pos);
}

}  // namespace lodestone::internal
