// Chinese bodies named by their function. Private to the extractor.
//
// PRC laws seldom name a ministry; they name the State Council department in
// charge of a function: 国务院商务主管部门 (the State Council's commerce
// department: the Ministry of Commerce), 国务院财政部门, 国务院计划行政主管部门,
// and lists that share one 国务院 and one suffix: 国务院商务、外交主管部门,
// 国务院发展改革、应急管理、生态环境、…、矿山安全监察等有关部门,
// 国务院财政部门、计划主管部门. A function word maps to the body that holds it
// (the knowledge base's `zh_functions`). Only the national level counts: the
// list must follow 国务院 (or end in 国家有关部门, "the relevant national
// departments"); 县级以上人民政府自然资源主管部门 (local departments) names no
// national body. Unknown functions inside a list (国家移民管理, 文化和旅游) are
// passed over; they do not break the list.
#ifndef LODESTONE_INGEST_SRC_EXTRACT_CN_FUNCTIONS_H_
#define LODESTONE_INGEST_SRC_EXTRACT_CN_FUNCTIONS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lodestone::internal {

class FunctionNames {
 public:
  // `function` (UTF-8, e.g. "商务") names entity `entity`.
  void Add(const std::string& function, size_t entity);
  struct Hit {
    size_t entity;
    size_t offset;  // byte offset of the function word in the text
    size_t length;  // its bytes
  };
  // Every function named at the national level in `text`, in text order.
  std::vector<Hit> Find(std::string_view text) const;
  bool empty() const { return functions_.empty(); }

 private:
  // Longest function word at `pos`; its length in bytes, 0 when none.
  size_t Match(std::string_view text, size_t pos, size_t* entity) const;
  // Longest function word ending at `end`; its start, npos when none.
  size_t MatchBefore(std::string_view text, size_t end, size_t* entity) const;
  std::vector<std::pair<std::string, size_t>> functions_;  // longest first
};

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_EXTRACT_CN_FUNCTIONS_H_
