#include "lodestone/graph/ids.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace lodestone {

namespace {
// Papers: wos (Web of Science UT), scopus (EID), bib/ris/csl (an export's own
// key), openalex, pmid, arxiv; ref: a reference resolved to nothing but its key.
// proc: a proclamation by its number; cnlaw: a version of a Chinese law or
// regulation (cnlaw:<title>@<date>). cnki, wanfang, cqvip: Chinese papers
// by their database's key; rec: a reference-manager record without one.
constexpr std::array<const char*, 29> kDocumentTypes = {
    "eo",  "pl",     "usc", "cfr", "fr",  "stat",     "bill", "act",  "pd",    "doi", "doc", "s2",
    "frdoc", "wos", "scopus", "bib", "ris", "csl", "openalex", "pmid", "arxiv", "ref", "crossref",
    "proc", "cnlaw", "cnki", "wanfang", "cqvip", "rec"};
// org, keyword, fund: a paper's organisations, keywords and funders as its
// record names them (folded: ingest/fold.h).
constexpr std::array<const char*, 8> kEntityTypes = {"mineral", "agency", "country", "person", "concept",
                                                     "org",     "keyword", "fund"};

template <typename List>
bool In(const std::string& t, const List& list) {
  return std::any_of(list.begin(), list.end(), [&](const char* x) { return t == x; });
}
}  // namespace

std::optional<NodeId> ParseNodeId(const std::string& id) {
  size_t colon = id.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 >= id.size()) return std::nullopt;
  NodeId n{id.substr(0, colon), id.substr(colon + 1)};
  if (!In(n.type, kDocumentTypes) && !In(n.type, kEntityTypes)) return std::nullopt;
  return n;
}

bool IsDocumentType(const std::string& type) { return In(type, kDocumentTypes); }

bool HasKey(const std::string& id, const std::string& key) {
  size_t colon = id.find(':');
  if (colon == std::string::npos || key.empty() || id.size() - colon - 1 != key.size()) return false;
  for (size_t i = 0; i < key.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(id[colon + 1 + i])) != std::tolower(static_cast<unsigned char>(key[i])))
      return false;
  return true;
}

}  // namespace lodestone
