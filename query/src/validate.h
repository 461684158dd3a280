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

// What a required argument expects, for the message that refuses it empty.
inline constexpr const char* kExpectDocument = "a document id, alias or source path (eo:13603, doi:10.1/x)";
inline constexpr const char* kExpectNode = "a node id or name (eo:14017, mineral:lithium, lithium)";
inline constexpr const char* kExpectEntity = "an entity id, name or alias (mineral:gallium, gallium, 稀土)";
// InvalidArgument "empty <what>; give <expected>" for "" or blanks alone
// (issue 11: an empty id once selected the whole graph; issue 10: the
// message names the argument, `what` being its name in the request and on
// the command line: "id", "from", "query").
Status CheckNotEmpty(const std::string& value, const char* what, const char* expected);
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
