// The HTTP API of `lode serve`: every CLI question as GET /api/..., answered
// with exactly what the CLI prints with --json (the same engine call and the
// same renderer), or the CLI's {"error","code"} with the HTTP status
// errors.h gives the code. web/tools/dev-api.mjs's ENDPOINTS table and
// web/README.md ("What the server must provide") are the contract; api.cc's
// table is its C++ form.
//
// Knows no HTTP library: a request is a path and its decoded query
// parameters, an answer a status, a type and a body, so the table is tested
// without sockets (tests/server/api_test.cc).
// Thread-safety: Handle may be called from many threads at once (the Session
// is shared; everything else is per call).
#ifndef LODESTONE_SERVER_API_H_
#define LODESTONE_SERVER_API_H_

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "lodestone/query/session.h"

namespace lodestone::server {

struct ApiRequest {
  ApiRequest() = default;
  ApiRequest(std::string p, std::vector<std::pair<std::string, std::string>> ps = {}, std::function<void()> a = {})
      : path(std::move(p)), params(std::move(ps)), admit(std::move(a)) {}
  std::string path;  // percent-decoded: /api/show/usc:50/4501
  std::vector<std::pair<std::string, std::string>> params;  // decoded, in order
  // Called (once or more; it must bear being called again) when the request
  // is about to do real work: before the engine call of an expensive
  // endpoint (not show, neighbors, timeline/ID, cites, cited-by, stats), and
  // for a search only once its answer is not in the result cache. A server
  // waits there for its admission gate (server/src/admission.h); null: none.
  std::function<void()> admit;
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // Content-Disposition for downloads
};

// Caps on what one request may ask, beyond the Session's Limits (which cut
// lists and say "truncated"): over one, 413 too_large.
struct ApiCaps {
  size_t search_limit = 100, search_offset = 10000;
  size_t entity_limit = 500, neighbors_limit = 500, rank_limit = 1000, related_limit = 500;
  size_t similar_limit = 100;
  uint32_t depth = 3;
  size_t export_limit = 5000;
  // Nodes of a network (its limit; none given: this many, "truncated" when
  // more items meet the threshold) and bursts listed.
  size_t network_nodes = 500, bursts_limit = 1000;
  size_t dossier_papers = 500;
};

// Answers one GET /api/... request. An unknown path is 404 not_found; an
// unknown or malformed parameter 400 invalid_argument.
ApiResponse Handle(query::Session& session, const ApiRequest& request, const ApiCaps& caps = {});

// The Limits a server sets on its Session for `caps` (neighbourhood depth and
// size, export size, lists without a limit of their own).
query::Limits ServerLimits(const ApiCaps& caps, size_t max_list, size_t max_export_nodes);

}  // namespace lodestone::server

#endif  // LODESTONE_SERVER_API_H_
