// The stem table: English stems expanded at query time (issue 10). Private
// to index/.
//
// The index holds each word once, as its positional term; it has no Z stem
// term per word (Xapian's TermGenerator convention, which doubled what the
// inverter sorts and made indexing twice as slow). Instead every writer
// records, for each stemmable word it has not seen before whose stem differs
// from the word, the pair stem -> word in Xapian's synonym table under the
// key "Z" + stem. The query parser still turns a plain lower-case word into
// its Z stem term (STEM_SOME); ExpandStems then replaces each Z (text) or ZS
// (title) stem term by OP_SYNONYM of the words that have that stem, as Recoll
// expands stems from its stem database. The synonym table is index-wide: the
// compactor merges it across shards, and a sharded layout keeps it in its
// `meta` index, so expansion works the same on one database or several.
#ifndef LODESTONE_INDEX_SRC_STEM_TABLE_H_
#define LODESTONE_INDEX_SRC_STEM_TABLE_H_

#include <xapian.h>

#include <string>
#include <unordered_set>
#include <vector>

#include "lodestone/index/document.h"

namespace lodestone::internal {

// Key of the stem table entry of `stem` in the synonym table ("Z" + stem).
std::string StemKey(const std::string& stem);
// Whether a synonym-table key belongs to the stem table (the entity synonyms
// are lower-case names and never start with an upper-case letter).
bool IsStemKey(const std::string& key);

// Records the stems of the words a writer adds. One per writer (not
// thread-safe); `seen` saves a synonym-table update per repeated word.
class StemTableWriter {
 public:
  void Add(const AnalyzedDocument& doc, Xapian::WritableDatabase& db);

 private:
  void AddWords(const std::vector<Token>& tokens, Xapian::WritableDatabase& db);
  std::unordered_set<std::string> seen_;
};

// `q` with every Z / ZS stem term replaced by OP_SYNONYM of the indexed words
// (plain / S-prefixed) of that stem, the stem itself included (numbers and
// words that are their own stem have no entry). Subqueries without stem
// terms are kept as they are; an operator whose parameters Xapian does not
// expose (OP_SCALE_WEIGHT, OP_NEAR, OP_PHRASE, OP_ELITE_SET) is kept too: the
// query parser never puts a stem term inside one, so expand a parsed query
// before wrapping it.
Xapian::Query ExpandStems(const Xapian::Query& q, const Xapian::Database& db);

}  // namespace lodestone::internal

#endif  // LODESTONE_INDEX_SRC_STEM_TABLE_H_
