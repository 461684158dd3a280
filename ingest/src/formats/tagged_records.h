// Records of tagged lines (Web of Science "TI Title", RIS "TI  - Title"):
// each tag's values in order. Private. Thread-safety: pure.
#ifndef LODESTONE_INGEST_SRC_FORMATS_TAGGED_RECORDS_H_
#define LODESTONE_INGEST_SRC_FORMATS_TAGGED_RECORDS_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lodestone/index/status.h"

namespace lodestone::internal {

// Tag -> its lines (a tag repeated or continued on indented lines adds one).
using TaggedRecord = std::map<std::string, std::vector<std::string>>;

// A tag's lines joined by `sep` as one line; "" when the record lacks it.
std::string Field(const TaggedRecord& rec, const char* tag, std::string_view sep = " ");

// A tag's lines, or null when the record lacks it.
const std::vector<std::string>* Items(const TaggedRecord& rec, const char* tag);

// How an export of tagged lines writes its records (CNKI E-Study
// "Title-题名: …", NoteExpress "{Title}: …", RefWorks "T1 …", EndNote "%T …",
// RIS "TI  - …", Web of Science "TI …").
struct TagSyntax {
  using TagFn = bool (*)(std::string_view line, std::string* tag, std::string* value);
  TagSyntax(TagFn tag_fn, std::vector<std::string> opening_tags, std::string once_tag)
      : tag(tag_fn), opening(std::move(opening_tags)), once(std::move(once_tag)) {}
  // The tag and value of a tagged line; false for any other line.
  TagFn tag;
  std::vector<std::string> opening;  // tags that open a record
  std::string once;                  // a tag that opens a record when the record has it already ("" none)
  std::string closing;               // a tag that ends a record and is not kept (RIS, WoS "ER"; "" none)
  std::string end_of_file;           // a tag after which nothing is read (WoS "EF"; "" none)
  std::vector<std::string> header;   // tags left out before a record opens (WoS "FN", "VR")
  bool blank_line_ends_record = true;   // false: blank lines are skipped (RIS, WoS)
  bool continuation_is_a_value = false; // true: a continued line is one more value (WoS: an author a line)
};

// The records of such an export: a record ends at a blank line (unless the
// syntax says otherwise), at its closing tag or where the next opens; an
// untagged line continues the value before it (joined by a space, or as a
// value of its own). Records without any tag are not returned. An error
// naming the limit for a line, a field or a record count past
// formats/limits.h.
Result<std::vector<TaggedRecord>> ReadTaggedRecords(std::string_view text, const TagSyntax& syntax);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_FORMATS_TAGGED_RECORDS_H_
