// Funders and grant numbers named in a paper's text or fund field:
// "国家社会科学基金项目（21BGJ054）", "National Natural Science Foundation of
// China (Nos. 71991480 and 71991485)" -> fund:nssfc/21bgj054,
// fund:nsfc/71991480, fund:nsfc/71991485; a funder named without a number
// is fund:<funder> (fund:nsfc). Only the funders of the table in funding.cc
// (China's national science funds and programmes, by their Chinese and
// English names) are recognised. Private to ingest/. Thread-safety: pure.
#ifndef LODESTONE_INGEST_SRC_EXTRACT_FUNDING_H_
#define LODESTONE_INGEST_SRC_EXTRACT_FUNDING_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lodestone::internal {

struct FundMention {
  std::string id;    // fund:nsfc/71991480
  std::string name;  // the funder's English name, with the grant: "National Natural Science Foundation of China 71991480"
  size_t offset = 0; // byte offset of the funder's name in the text
};

std::vector<FundMention> FindFunding(std::string_view text);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_EXTRACT_FUNDING_H_
