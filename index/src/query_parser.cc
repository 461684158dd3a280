#include "query_parser.h"

#include "lodestone/index/schema.h"

namespace lodestone::internal {

Xapian::QueryParser MakeQueryParser(const Xapian::Database& db, Xapian::Query::op default_op,
                                    const std::string& default_prefix) {
  using namespace schema;
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(Xapian::Stem("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_default_op(default_op);
  if (!default_prefix.empty()) qp.add_prefix("", default_prefix);
  qp.add_boolean_prefix("kind", kPrefixKind);
  qp.add_boolean_prefix("lang", kPrefixLanguage);
  qp.add_boolean_prefix("jurisdiction", kPrefixJurisdiction);
  qp.add_boolean_prefix("format", kPrefixFormat);
  qp.add_boolean_prefix("id", kPrefixId);
  qp.add_boolean_prefix("cites", kPrefixCitation);
  qp.add_boolean_prefix("entity", kPrefixEntity);
  for (const char* type : {"mineral", "agency", "country", "person", "concept"})
    qp.add_boolean_prefix(type, std::string(kPrefixEntity) + type + ":");
  qp.add_prefix("title", kPrefixTitle);
  qp.add_rangeprocessor((new Xapian::NumberRangeProcessor(kSlotYear, "year:"))->release());
  qp.add_rangeprocessor((new Xapian::DateRangeProcessor(kSlotDate, "date:"))->release());
  // year:2012 (a single year) is a plain filter term.
  qp.add_boolean_prefix("year", kPrefixYear);
  return qp;
}

unsigned UserQueryFlags(bool auto_synonyms) {
  using QP = Xapian::QueryParser;
  unsigned flags = QP::FLAG_DEFAULT | QP::FLAG_WILDCARD | QP::FLAG_PURE_NOT | QP::FLAG_SPELLING_CORRECTION |
                   QP::FLAG_SYNONYM;
  if (auto_synonyms) flags |= QP::FLAG_AUTO_SYNONYMS | QP::FLAG_AUTO_MULTIWORD_SYNONYMS;
  return flags;
}

}  // namespace lodestone::internal
