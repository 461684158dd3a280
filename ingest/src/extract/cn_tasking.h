// Which Chinese bodies a law tasks (the `directs` relation of Chinese text).
// Private to the extractor (extractor.cc). Issue 16.
//
// A PRC law tasks a body by making it the subject of a clause (国务院自然资源
// 主管部门负责全国矿产资源勘查、开采的监督管理工作; 国务院商务主管部门应当…;
// 国务院生态环境主管部门指导、协调和监督…), the agent after 由 (具体办法由国务院
// 制定; 由海关依照…处罚), or a partner after 会同 when the subject is tasked
// (…由国务院财政部门会同国务院自然资源主管部门、国务院税务主管部门制定). A clause
// runs to 。；？！ or a line break. A body is not tasked when
//   - the clause only permits it: 可以 comes before any duty word (应当, 负责,
//     必须) — "may" is no direction, as in the English rule (only "shall");
//   - it is named in a relative clause or as an owner: 国务院规定的其他情形,
//     由国务院商务主管部门颁发的出口许可证件, 国务院自然资源主管部门的规定;
//   - it receives or approves what others do: 向…申请, 报国务院批准, 经国务院
//     批准, 按照/根据/依照国务院…规定, 对国务院确定的…;
//   - the name only qualifies another body: 国务院有关主管部门, 国务院其他有关
//     部门, 国务院授权的机构, and 国务院 before a list of functions
//     (国务院发展改革、财政等有关部门 names those departments, not the State
//     Council).
// Local bodies (县级以上人民政府自然资源主管部门) name no national body and are
// no mentions to begin with (cn_functions.h).
// Measured on tests/eval/zh-directs-*.tsv (tests/eval/README.md).
#ifndef LODESTONE_INGEST_SRC_EXTRACT_CN_TASKING_H_
#define LODESTONE_INGEST_SRC_EXTRACT_CN_TASKING_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace lodestone::internal {

struct BodyMention {
  size_t begin = 0, end = 0;  // bytes of the name in the text
  size_t entity = 0;          // the caller's entity number
};

struct Tasking {
  size_t entity = 0;
  size_t offset = 0;  // byte offset of the mention (the evidence)
};

// Every tasking in `text`, in text order, one per mention. `mentions` are the
// Chinese agency mentions of the text (any order; overlapping ones are fine).
std::vector<Tasking> ChineseTaskings(std::string_view text, std::vector<BodyMention> mentions);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_EXTRACT_CN_TASKING_H_
