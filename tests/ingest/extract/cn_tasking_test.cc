// Which bodies Chinese text tasks (extract/cn_tasking.h; issue 16). The
// sentences are ours, written in the forms PRC laws use.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "lodestone/ingest/extract.h"

namespace lodestone {
namespace {

using Set = std::set<std::string>;

const KnowledgeBase& Kb() {
  static const KnowledgeBase kb = [] {
    auto k = KnowledgeBase::Builtin();
    EXPECT_TRUE(k.ok());
    return std::move(*k);
  }();
  return kb;
}

// "directs" targets of `text` read as a Chinese law (or as `kind`).
Set Directs(const std::string& text, Kind kind = Kind::kLaw) {
  static const Extractor ex(Kb());
  Analyzer a;
  Document d;
  d.id = "doc:000000000016";
  d.kind = kind;
  d.language = "zh";
  d.text = text;
  ex.Extract(&d, a);
  Set out;
  for (const auto& r : d.relations)
    if (r.type == RelationType::kDirects) out.insert(r.target);
  return out;
}

constexpr const char* kNr = "agency:cn-natural-resources-ministry";
constexpr const char* kCommerce = "agency:cn-commerce-ministry";
constexpr const char* kFinance = "agency:cn-finance-ministry";
constexpr const char* kCouncil = "agency:cn-state-council";

TEST(ChineseTaskingTest, SubjectOfADutyIsTasked) {  // issue 16
  EXPECT_EQ(Directs("第五条　国务院自然资源主管部门负责全国铝土矿勘查的监督管理工作。"), Set{kNr});
  EXPECT_EQ(Directs("国务院商务主管部门应当及时公布名录。"), Set{kCommerce});
  // Declarative: the body is the subject, no modal.
  EXPECT_EQ(Directs("国务院自然资源主管部门建立全国钨矿数据库。"), Set{kNr});
  // A condition first ("…的，"), then the duty.
  EXPECT_EQ(Directs("国务院商务主管部门发现情况变化的，应当通知经营者。"), Set{kCommerce});
}

TEST(ChineseTaskingTest, AgentAfterYouAndPartnersAfterHuitong) {  // issue 16
  EXPECT_EQ(Directs("具体办法由国务院制定。"), Set{kCouncil});
  EXPECT_EQ(Directs("收费办法由国务院财政部门会同国务院自然资源主管部门、国务院商务主管部门制定，报国务院批准后执行。"),
            (Set{kFinance, kNr, kCommerce}));  // the approver (报国务院批准) is not tasked
  // A list of functions after one 国务院 names those departments, not the State Council.
  EXPECT_EQ(Directs("国务院发展改革、财政等有关部门应当加强储备设施建设。"),
            (Set{"agency:cn-national-development-reform-commission", kFinance}));
}

TEST(ChineseTaskingTest, PowersRecipientsAndModifiersAreNotTasks) {  // issue 16
  EXPECT_EQ(Directs("国务院商务主管部门可以对有关物项实施临时管制。"), Set{});  // may, not shall
  EXPECT_EQ(Directs("经营者应当向国务院商务主管部门申请许可。"), Set{});    // the recipient
  EXPECT_EQ(Directs("确需调整的，应当经国务院自然资源主管部门批准。"), Set{});  // the approver
  EXPECT_EQ(Directs("（三）国务院规定的其他情形。"), Set{});                  // a relative clause
  EXPECT_EQ(Directs("出口时应当交验由国务院商务主管部门颁发的许可证件。"), Set{});
  EXPECT_EQ(Directs("国务院有关主管部门协助开展监督管理工作。"), Set{});      // an unnamed department
  EXPECT_EQ(Directs("县级以上人民政府自然资源主管部门应当加强监督。"), Set{});  // local: no national body
}

TEST(ChineseTaskingTest, EachClauseOnItsOwnAndPapersTaskNoOne) {  // issue 16
  // 可以 in the next clause does not undo this one's duty.
  EXPECT_EQ(Directs("国务院商务主管部门应当及时答复；经营者可以申请复核。"), Set{kCommerce});
  EXPECT_EQ(Directs("国务院自然资源主管部门负责全国矿产资源的监督管理工作。", Kind::kPaper), Set{});
}

}  // namespace
}  // namespace lodestone
