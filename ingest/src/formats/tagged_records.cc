#include "formats/tagged_records.h"

#include <algorithm>

#include "formats/limits.h"
#include "formats/whitespace.h"
#include "lodestone/text/ascii.h"

namespace lodestone::internal {

std::string Field(const TaggedRecord& rec, const char* tag, std::string_view sep) {
  auto it = rec.find(tag);
  if (it == rec.end()) return {};
  std::string out;
  for (const auto& l : it->second) {
    if (l.empty()) continue;
    if (!out.empty()) out += sep;
    out += l;
  }
  return OneLine(out);
}

const std::vector<std::string>* Items(const TaggedRecord& rec, const char* tag) {
  auto it = rec.find(tag);
  return it == rec.end() ? nullptr : &it->second;
}

Result<std::vector<TaggedRecord>> ReadTaggedRecords(std::string_view text, const TagSyntax& syntax) {
  if (Status s = CheckLineLengths(text); !s.ok()) return s;
  std::vector<TaggedRecord> out;
  TaggedRecord rec;
  std::string last;
  auto finish = [&] {
    if (!rec.empty() && out.size() <= kMaxRecordsPerFile) out.push_back(std::move(rec));
    rec.clear();
    last.clear();
  };
  for (const TextLine& line : SplitLines(text)) {
    std::string tag, value;
    if (syntax.tag(line.text, &tag, &value)) {
      if (!syntax.closing.empty() && tag == syntax.closing) {
        finish();
        continue;
      }
      if (!syntax.end_of_file.empty() && tag == syntax.end_of_file) break;
      if (rec.empty() && std::find(syntax.header.begin(), syntax.header.end(), tag) != syntax.header.end()) continue;
      if (std::find(syntax.opening.begin(), syntax.opening.end(), tag) != syntax.opening.end() ||
          (!syntax.once.empty() && tag == syntax.once && rec.count(tag)))
        finish();
      rec[tag].push_back(value);
      last = tag;
      continue;
    }
    std::string t = text::Trim(line.text);
    if (t.empty()) {
      if (syntax.blank_line_ends_record) finish();
      continue;
    }
    if (last.empty()) continue;
    auto& vals = rec[last];
    if (syntax.continuation_is_a_value) {
      vals.push_back(t);
      continue;
    }
    vals.back() += (vals.back().empty() ? "" : " ") + t;
    if (vals.back().size() > kMaxFieldBytes)
      return LimitExceeded("field " + last + " continues past " + std::to_string(kMaxFieldBytes) + " bytes at byte " +
                               std::to_string(line.begin),
                           "field length " + std::to_string(kMaxFieldBytes) + " bytes");
  }
  finish();
  if (out.size() > kMaxRecordsPerFile) return RecordsOverLimit();
  return out;
}

}  // namespace lodestone::internal
