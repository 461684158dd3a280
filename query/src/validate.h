// Checks of request fields, shared by the engine's questions so that every
// front end rejects the same input with the same message (InvalidArgument,
// TooLarge). Private to query/. Thread-safety: pure functions.
#ifndef LODESTONE_QUERY_SRC_VALIDATE_H_
#define LODESTONE_QUERY_SRC_VALIDATE_H_

#include <cstddef>
#include <string>

#include "lodestone/graph/graph.h"
#include "lodestone/index/status.h"

namespace lodestone::query::internal {

// InvalidArgument "empty id" for "" (issue 11: an empty id once selected the
// whole graph).
Status CheckId(const std::string& id, const char* what = "id");
// YYYY-MM-DD with a real month and day (for `flag` in the message).
Status CheckDate(const std::string& date, const std::string& flag);
// A document kind name, or "".
Status CheckKind(const std::string& kind);
// An id type, kind, "document", "entity", "external" or "".
Status CheckType(const std::string& type);
// True when n passes a type filter checked by CheckType.
bool MatchesType(const Node& n, const std::string& type);
bool IsEntityType(const std::string& type);
// "cites,revokes" -> mask; "" -> fallback.
Result<EdgeMask> ParseEdges(const std::string& csv, EdgeMask fallback);
// TooLarge when value > cap (cap 0: none), naming the field.
Status CheckCap(size_t value, size_t cap, const char* what);
// A list's limit under a cap: the request's (0: all) when there is no cap,
// the cap for "all", TooLarge above it.
Result<size_t> CappedLimit(size_t requested, size_t cap, const char* what);

}  // namespace lodestone::query::internal

#endif  // LODESTONE_QUERY_SRC_VALIDATE_H_
