// Resolution of one reference to a node: the rule the graph uses, exposed so
// the evaluation (tests/eval) scores exactly what the graph does.
//
// Order: a DOI or another id of a document (s2:, wos:, pmid:, a law's id);
// else an exact matching key (paper_keys.h: author+year+volume+page, or
// author+year+title words); else the same key with the year one off (online-
// first vs issue year, the most common mismatch in Web of Science data).
// When a DOI and an author+year+volume+page key name two different documents
// the key wins: four fields agreeing outweigh one mistyped DOI. Thread-safety:
// pure function of its arguments.
#ifndef LODESTONE_GRAPH_RESOLVE_H_
#define LODESTONE_GRAPH_RESOLVE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "lodestone/index/paper_keys.h"

namespace lodestone {

using NodeLookup = std::function<std::optional<uint32_t>(const std::string&)>;

struct ReferenceMatch {
  std::optional<uint32_t> node;
  std::string how;  // "id", "key", "key-year", "" (unresolved)
};

// by_id: ids (and aliases) of nodes a reference may point to; by_key: paper keys.
ReferenceMatch ResolveReference(const UnpackedReference& ref, const NodeLookup& by_id, const NodeLookup& by_key);

}  // namespace lodestone

#endif  // LODESTONE_GRAPH_RESOLVE_H_
