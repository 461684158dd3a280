// Records of tagged lines (Web of Science "TI Title", RIS "TI  - Title"):
// each tag's values in order. Private. Thread-safety: pure.
#ifndef LODESTONE_INGEST_SRC_FORMATS_TAGGED_RECORDS_H_
#define LODESTONE_INGEST_SRC_FORMATS_TAGGED_RECORDS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lodestone::internal {

// Tag -> its lines (a tag repeated or continued on indented lines adds one).
using TaggedRecord = std::map<std::string, std::vector<std::string>>;

// A tag's lines joined by `sep` as one line; "" when the record lacks it.
std::string Field(const TaggedRecord& rec, const char* tag, std::string_view sep = " ");

// A tag's lines, or null when the record lacks it.
const std::vector<std::string>* Items(const TaggedRecord& rec, const char* tag);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_FORMATS_TAGGED_RECORDS_H_
