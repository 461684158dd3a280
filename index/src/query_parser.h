// The query language of searcher.h as a configured Xapian::QueryParser.
// Private to index/.
#ifndef LODESTONE_INDEX_SRC_QUERY_PARSER_H_
#define LODESTONE_INDEX_SRC_QUERY_PARSER_H_

#include <xapian.h>

#include <string>

namespace lodestone::internal {

// A parser for the query language over `db`: English stems for lower-case words
// (STEM_SOME), the field prefixes and ranges of schema.h. Unprefixed words
// search the text, or the title when `default_prefix` is the title prefix.
// The parser owns its range processors. `db` also supplies the spelling and
// synonym tables; Xapian's remote backend returns neither, so over remote
// shards pass a local database that holds them.
Xapian::QueryParser MakeQueryParser(const Xapian::Database& db, Xapian::Query::op default_op,
                                    const std::string& default_prefix = "");

// Flags of a user's query: Xapian's defaults, wildcards, NOT on its own,
// spelling suggestions, ~name for a name's synonyms; with `auto_synonyms`
// every name (one word or several) expands to its synonyms unasked.
unsigned UserQueryFlags(bool auto_synonyms);

}  // namespace lodestone::internal

#endif  // LODESTONE_INDEX_SRC_QUERY_PARSER_H_
