#include "lodestone/query/bibliometrics.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "lodestone/index/paper_keys.h"
#include "lodestone/ingest/fold.h"

namespace lodestone {

namespace {

int YearOf(const Document& d) {
  if (d.date.size() < 4) return 0;
  int y = 0;
  for (size_t i = 0; i < 4; ++i) {
    if (d.date[i] < '0' || d.date[i] > '9') return 0;
    y = y * 10 + (d.date[i] - '0');
  }
  return y;
}

std::string Trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// meta "authors_short" as the readers join it: "Li, HQ; Lin, HZ" (WoS AU) or
// Scopus' Authors column ("Liu F.; Li C." or, older, "Liu F., Li C.").
std::vector<std::string> ShortNames(const Document& d) {
  auto it = d.meta.find("authors_short");
  if (it == d.meta.end()) return {};
  const std::string& s = it->second;
  const char sep = s.find(';') != std::string::npos || d.format == "wos" ? ';' : ',';
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t p = s.find(sep, start);
    if (p == std::string::npos) p = s.size();
    std::string name = Trimmed(s.substr(start, p - start));
    if (!name.empty()) out.push_back(name);
    start = p + 1;
  }
  return out;
}

void Add(PaperItems* p, const std::string& printed) {
  std::string key = FoldLabel(printed);
  if (key.empty()) return;
  p->keys.push_back(std::move(key));
  p->labels.push_back(Trimmed(printed));
}

}  // namespace

std::optional<ItemType> ItemTypeFromName(const std::string& name) {
  if (name == "coauthors" || name == "authors" || name == "author" || name == "co-authorship" ||
      name == "coauthorship")
    return ItemType::kAuthors;
  if (name == "organizations" || name == "organisations" || name == "organization" || name == "organisation" ||
      name == "orgs")
    return ItemType::kOrganizations;
  if (name == "countries" || name == "country") return ItemType::kCountries;
  if (name == "keywords" || name == "keyword") return ItemType::kKeywords;
  if (name == "cited" || name == "references") return ItemType::kCited;
  return std::nullopt;
}

const char* ItemTypeName(ItemType t) {
  switch (t) {
    case ItemType::kAuthors: return "authors";
    case ItemType::kOrganizations: return "organizations";
    case ItemType::kCountries: return "countries";
    case ItemType::kKeywords: return "keywords";
    case ItemType::kCited: return "cited";
  }
  return "?";
}

std::optional<KeywordSource> KeywordSourceFromName(const std::string& name) {
  if (name == "all") return KeywordSource::kAll;
  if (name == "author" || name == "authors" || name == "de") return KeywordSource::kAuthor;
  if (name == "index" || name == "plus" || name == "id") return KeywordSource::kIndex;
  return std::nullopt;
}

const char* KeywordSourceName(KeywordSource k) {
  switch (k) {
    case KeywordSource::kAll: return "all";
    case KeywordSource::kAuthor: return "author";
    case KeywordSource::kIndex: return "index";
  }
  return "?";
}

PaperItems ItemsOf(const Document& d, ItemType type, const ItemOptions& options) {
  PaperItems p;
  p.paper = d.id;
  p.year = YearOf(d);
  switch (type) {
    case ItemType::kAuthors: {
      std::vector<std::string> names = options.short_names ? ShortNames(d) : std::vector<std::string>{};
      for (const auto& a : names.empty() ? d.authors : names) Add(&p, a);
      break;
    }
    case ItemType::kOrganizations:
      for (const auto& a : d.affiliations) Add(&p, a.organization);
      break;
    case ItemType::kCountries:
      for (const auto& a : d.affiliations) Add(&p, a.country);
      break;
    case ItemType::kKeywords:
      if (options.keywords != KeywordSource::kIndex)
        for (const auto& k : d.keywords) Add(&p, k);
      if (options.keywords != KeywordSource::kAuthor)
        for (const auto& k : d.index_keywords) Add(&p, k);
      break;
    case ItemType::kCited:
      break;
  }
  return p;
}

Result<std::vector<Document>> SelectPapers(query::View& view, const std::string& query) {
  SearchRequest req;
  req.query = query.empty() ? std::string("kind:paper") : query;
  req.limit = std::numeric_limits<uint32_t>::max();
  auto res = view.Search(req);
  if (!res.ok()) return res.status();
  std::vector<Document> papers;
  for (auto& h : res->hits)
    if (h.doc.kind == Kind::kPaper) papers.push_back(std::move(h.doc));
  // The search's order is by date or relevance; the analyses want one that
  // does not depend on it, so that the same papers give the same answer.
  std::sort(papers.begin(), papers.end(), [](const Document& a, const Document& b) { return a.id < b.id; });
  return papers;
}

Result<NetworkResult> CoNetwork(query::View& view, const NetworkRequest& request) {
  if (request.type == ItemType::kCited)
    return Status::InvalidArgument("networks are of authors, organizations, countries or keywords (cited works: lode cocite)");
  auto papers = SelectPapers(view, request.query);
  if (!papers.ok()) return papers.status();
  std::vector<PaperItems> items;
  items.reserve(papers->size());
  NetworkResult r;
  r.request = request;
  for (const Document& d : *papers) {
    items.push_back(ItemsOf(d, request.type, request.items));
    r.papers_with_items += !items.back().keys.empty();
  }
  auto net = BuildCoNetwork(items, request.network);
  if (!net.ok()) return net.status();
  r.network = std::move(net).value();
  return r;
}

Result<BurstResult> TermBursts(query::View& view, const BurstRequest& request) {
  if (request.type == ItemType::kCited) return Status::InvalidArgument("cited-work bursts need the graph (CitedBursts)");
  auto papers = SelectPapers(view, request.query);
  if (!papers.ok()) return papers.status();
  std::vector<PaperItems> items;
  for (const Document& d : *papers) items.push_back(ItemsOf(d, request.type, request.items));
  BurstResult r;
  r.request = request;
  r.papers_selected = papers->size();
  r.report = DetectTermBursts(items, request.bursts);
  return r;
}

Result<BurstResult> CitedBursts(query::View& view, const BurstRequest& request) {
  auto papers = SelectPapers(view, request.query);
  if (!papers.ok()) return papers.status();
  auto graph = view.graph();
  if (!graph.ok()) return graph.status();
  const KnowledgeGraph& kg = **graph;
  std::vector<PaperItems> items;
  for (const Document& d : *papers) {
    PaperItems p;
    p.paper = d.id;
    p.year = YearOf(d);
    auto v = kg.Find(d.id);
    if (!v) {
      items.push_back(std::move(p));
      continue;
    }
    // A work known by nothing but a hash of its text ("ref:<hash>") has no
    // name in the graph: label it with the reference as this paper prints it
    // (the graph's own fallback ids, computed the graph's way).
    std::unordered_map<std::string, std::string> printed;
    for (const Reference& ref : d.references) {
      UnpackedReference u = UnpackReference(PackReference(ref));
      for (const auto& id : u.ids) printed.emplace(id, ref.text);
      for (const auto& key : u.keys)
        if (key.size() > 4) printed.emplace("ref:" + key.substr(4), ref.text);
    }
    for (uint32_t e : kg.OutEdges(*v, Bit(EdgeType::kCites))) {
      const Node& n = kg.node(kg.edge(e).target);
      std::string label = n.name;
      if (label.empty() || label == n.id)
        if (auto it = printed.find(n.id); it != printed.end() && !it->second.empty()) label = it->second;
      p.keys.push_back(n.id);
      p.labels.push_back(label.empty() ? n.id : label);
    }
    items.push_back(std::move(p));
  }
  BurstResult r;
  r.request = request;
  r.papers_selected = papers->size();
  r.report = DetectTermBursts(items, request.bursts);
  return r;
}

}  // namespace lodestone
