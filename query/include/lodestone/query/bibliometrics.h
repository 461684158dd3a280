// The analyses VOSviewer and CiteSpace users run, over the papers the index
// holds (issue 15): co-authorship, organisation and country collaboration
// and keyword co-occurrence networks, and burst detection of keywords,
// names and cited works.
//
// Each question is a request struct in and a result struct out; the
// algorithms are graph/'s (bibliometric_network.h, bursts.h) and see only
// (paper, year, folded items). This layer picks the papers (all of them, or
// those matching a search), takes the items from each record (authors as
// written, organisations and countries from the addresses, keywords) and
// folds them with FoldLabel. Rendering is in bibliometric_render.h; the
// engine (engine.h: Network, Bursts) validates requests and calls these.
// Thread-safety: as the View passed in (one request's, one thread's).
#ifndef LODESTONE_QUERY_BIBLIOMETRICS_H_
#define LODESTONE_QUERY_BIBLIOMETRICS_H_

#include <optional>
#include <string>
#include <vector>

#include "lodestone/graph/bibliometric_network.h"
#include "lodestone/graph/bursts.h"
#include "lodestone/index/document.h"
#include "lodestone/index/searcher.h"
#include "lodestone/query/session.h"

namespace lodestone {

enum class ItemType {
  kAuthors,        // Document::authors as written (or the short forms, see ItemOptions)
  kOrganizations,  // Affiliation::organization, once per paper
  kCountries,      // Affiliation::country, once per paper
  kKeywords,       // Document::keywords and/or index_keywords
  kCited,          // cited works (bursts only): the graph's node of each reference
};
// "coauthors"/"authors", "organizations"/"organisations", "countries",
// "keywords", "cited"; nullopt otherwise.
std::optional<ItemType> ItemTypeFromName(const std::string& name);
const char* ItemTypeName(ItemType t);  // "authors", "organizations", "countries", "keywords", "cited"

enum class KeywordSource { kAll, kAuthor, kIndex };  // all (VOSviewer's default), DE only, ID only
std::optional<KeywordSource> KeywordSourceFromName(const std::string& name);  // "all", "author", "index"
const char* KeywordSourceName(KeywordSource k);

struct ItemOptions {
  KeywordSource keywords = KeywordSource::kAll;
  bool short_names = false;  // authors as abbreviated by the database (WoS AU, Scopus Authors) when the record has them
};

// The items of one paper (folded keys, printed labels) and its year.
// kCited yields nothing here (cited works need the graph; see CitedBursts).
PaperItems ItemsOf(const Document& paper, ItemType type, const ItemOptions& options = {});

// The papers the analyses run on: every paper of the index, or the papers
// among the documents matching `query` (the search language of `lode search`).
// InvalidArgument for a query that does not parse.
Result<std::vector<Document>> SelectPapers(query::View& view, const std::string& query);

// ---------------------------------------------------------------- networks

struct NetworkRequest {
  ItemType type = ItemType::kAuthors;
  std::string query;  // "" = all papers
  ItemOptions items;
  NetworkOptions network;
};

struct NetworkResult {
  NetworkRequest request;
  BibliometricNetwork network;
  size_t papers_with_items = 0;  // of network.papers, those naming at least one item of the type
};

Result<NetworkResult> CoNetwork(query::View& view, const NetworkRequest& request);

// ---------------------------------------------------------------- bursts

struct BurstRequest {
  ItemType type = ItemType::kKeywords;
  std::string query;
  ItemOptions items;
  TermBurstOptions bursts;
};

struct BurstResult {
  BurstRequest request;
  BurstReport report;
  size_t papers_selected = 0;
};

// Bursts of keywords, authors, organisations or countries.
Result<BurstResult> TermBursts(query::View& view, const BurstRequest& request);
// Bursts of cited works by the citing papers' year: each reference is the
// graph node it resolves to (a paper of the corpus, a DOI, a key), so one
// work cited in several forms is one term.
Result<BurstResult> CitedBursts(query::View& view, const BurstRequest& request);

}  // namespace lodestone

#endif  // LODESTONE_QUERY_BIBLIOMETRICS_H_
