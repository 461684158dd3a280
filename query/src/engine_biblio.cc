// The engine's bibliometric questions: co-occurrence networks and bursts
// (engine.h); the analyses themselves are bibliometrics.h's.
#include "lodestone/query/engine.h"
#include "validate.h"

namespace lodestone::query {

Result<lodestone::NetworkResult> Network(Session& session, const NetworkRequest& a) {
  constexpr const char* kNetworks = "coauthors, organizations, countries or keywords";
  if (Status s = internal::CheckNotEmpty(a.type, "type", kNetworks); !s.ok()) return s;
  auto type = ItemTypeFromName(a.type);
  if (!type || *type == ItemType::kCited)
    return Status::InvalidArgument("unknown network " + a.type +
                                   "; use coauthors, organizations, countries or keywords (cited works: lode cocite)");
  auto method = ClusterMethodFromName(a.cluster);
  if (!method) return Status::InvalidArgument("--cluster wants vos, modularity, louvain or none");
  auto keywords = KeywordSourceFromName(a.keywords);
  if (!keywords) return Status::InvalidArgument("--keywords wants all, author or index");
  if (a.starts < 1 || a.starts > 1000) return Status::InvalidArgument("--starts wants 1 to 1000");
  lodestone::NetworkRequest req;
  req.type = *type;
  req.query = a.query;
  req.items.keywords = *keywords;
  req.items.short_names = a.short_names;
  req.network.min_occurrences = a.min;
  req.network.max_items_per_paper =
      a.max_per_paper >= 0 ? static_cast<size_t>(a.max_per_paper) : (*type == ItemType::kKeywords ? 0 : 25);
  req.network.max_nodes = a.limit;
  req.network.counting = a.fractional ? Counting::kFractional : Counting::kFull;
  req.network.cluster = *method;
  req.network.resolution = a.resolution;
  req.network.random_starts = a.starts;
  return session.Read([&](View& v) { return CoNetwork(v, req); });
}

Result<lodestone::BurstResult> Bursts(Session& session, const BurstsRequest& a) {
  if (Status s = internal::CheckNotEmpty(a.type, "--type", "keywords, cited, authors, organizations or countries");
      !s.ok())
    return s;
  auto type = ItemTypeFromName(a.type);
  if (!type)
    return Status::InvalidArgument("unknown --type " + a.type + "; use keywords, cited, authors, organizations or countries");
  auto keywords = KeywordSourceFromName(a.keywords);
  if (!keywords) return Status::InvalidArgument("--keywords wants all, author or index");
  if (!(a.s > 1))
    return Status::InvalidArgument("--s is the burst rate's ratio to the base rate: give a number above 1");
  if (!(a.gamma >= 0)) return Status::InvalidArgument("--gamma must be zero or more");
  BurstRequest req;
  req.type = *type;
  req.query = a.query;
  req.items.keywords = *keywords;
  req.items.short_names = a.short_names;
  req.bursts.burst.gamma = a.gamma;
  req.bursts.burst.s = a.s;
  req.bursts.min_occurrences = a.min;
  req.bursts.min_duration = a.min_duration;
  return session.Read([&](View& v) {
    return *type == ItemType::kCited ? CitedBursts(v, req) : TermBursts(v, req);
  });
}

}  // namespace lodestone::query
