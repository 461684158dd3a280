// The engine's questions about documents: search, similar, show, entity,
// stats (engine.h).
#include <algorithm>
#include <filesystem>

#include "lodestone/ingest/extract.h"
#include "lodestone/query/engine.h"
#include "lodestone/query/snippet.h"
#include "mentions.h"
#include "nodes.h"
#include "validate.h"

namespace lodestone::query {

using internal::CheckCap;
using internal::CheckNotEmpty;
using internal::kExpectDocument;
using internal::kExpectEntity;
using internal::SourceOf;

namespace {

SearchHit HitOf(const Document& d, const Hit& h) {
  SearchHit out;
  out.id = d.id;
  out.source = SourceOf(d);
  out.title = d.title;
  out.kind = KindName(d.kind);
  out.date = d.date;
  out.language = d.language;
  out.number = d.number;
  out.jurisdiction = d.jurisdiction;
  out.score = h.score;
  out.rank = h.rank;
  return out;
}
SearchHit HitOf(const Hit& h) { return HitOf(h.doc, h); }

// Every field of the request: a result cache key (session.h).
std::string SearchKey(const SearchRequest& r) {
  std::string k = "search";
  for (const std::string* f : {&r.query, &r.mark_start, &r.mark_end}) (k += '\0') += *f;
  k += '\0' + std::to_string(r.offset) + ',' + std::to_string(r.limit) + ',' + (r.facets ? 'f' : '-') +
       (r.match_any ? 'a' : '-') + (r.sort_by_date ? 'd' : '-');
  return k;
}

// What an answer costs to keep, roughly: its strings.
size_t BytesOf(const SearchResult& r) {
  size_t n = sizeof(r) + r.request.query.size() + r.suggestion.size();
  for (const SearchHit& h : r.hits)
    n += sizeof(h) + h.id.size() + h.source.size() + h.title.size() + h.kind.size() + h.date.size() +
         h.language.size() + h.number.size() + h.jurisdiction.size() + h.snippet.size();
  for (const auto& [name, counts] : r.facets) {
    n += 64 + name.size();
    for (const FacetCount& c : counts) n += sizeof(c) + c.value.size();
  }
  return n;
}

// The span of every stored mention offset of d's entities and citations,
// parallel to them (mentions.h).
Status Mentions(View& v, const Document& d, std::vector<std::vector<TextSpan>>* entities,
                std::vector<std::vector<TextSpan>>* citations) {
  auto kbr = v.kb();
  if (!kbr.ok()) return kbr.status();
  const KnowledgeBase& kb = **kbr;
  Analyzer& analyzer = v.analyzer();
  internal::MentionFinder finder(d.text, analyzer);
  std::vector<TextSpan*> all;
  auto span = [&](uint32_t begin, uint32_t end) {
    TextSpan s;
    s.begin = begin;
    s.end = std::max(begin, end);
    return s;
  };
  entities->resize(d.entities.size());
  for (size_t i = 0; i < d.entities.size(); ++i) {
    const Entity* e = kb.Find(d.entities[i].id);
    Entity named;  // one only a --kb file of the ingest knew: its display name
    named.name = d.entities[i].name;
    internal::Forms forms = internal::FormsOf(e ? *e : named, analyzer);
    for (uint32_t o : d.entities[i].offsets)
      if (o < d.text.size()) (*entities)[i].push_back(span(o, finder.EntityEnd(o, forms)));
  }
  citations->resize(d.citations.size());
  for (size_t i = 0; i < d.citations.size(); ++i) {
    const CitationRef& c = d.citations[i];
    const Entity* act = kb.Find(c.id);  // named acts are knowledge-base entries
    internal::Forms forms = act ? internal::FormsOf(*act, analyzer) : internal::Forms{};
    for (uint32_t o : c.offsets) {
      if (o >= d.text.size()) continue;
      if (act)
        (*citations)[i].push_back(span(o, finder.EntityEnd(o, forms)));
      else
        (*citations)[i].push_back(span(finder.CitationBegin(o, c.id), finder.CitationEnd(o, c.id)));
    }
  }
  for (auto* list : {entities, citations})
    for (auto& spans : *list)
      for (TextSpan& s : spans) all.push_back(&s);
  internal::SetCharacterOffsets(d.text, all);
  return Status::Ok();
}

}  // namespace

Result<SearchResult> Search(Session& session, const SearchRequest& req, const std::function<void()>& before_work) {
  const Limits& limits = session.options().limits;
  if (Status s = CheckNotEmpty(req.query, "query", "words, a \"phrase\" or filters such as kind:executive_order");
      !s.ok())
    return s;
  if (Status s = CheckCap(req.limit, limits.search_limit, "limit"); !s.ok()) return s;
  if (Status s = CheckCap(req.offset, limits.search_offset, "offset"); !s.ok()) return s;
  return session.Read([&](View& v) -> Result<SearchResult> {
    // The same request on the same revision has the same answer.
    const std::string key = SearchKey(req);
    if (auto kept = v.CachedResult(key)) return *std::static_pointer_cast<const SearchResult>(kept);
    if (before_work) {
      before_work();
      // While it waited, the same request may have been answered.
      if (auto kept = v.CachedResult(key)) return *std::static_pointer_cast<const SearchResult>(kept);
    }
    lodestone::SearchRequest ir;
    ir.query = req.query;
    ir.offset = req.offset;
    ir.limit = req.limit;
    ir.facets = req.facets;
    ir.match_any = req.match_any;
    ir.sort_by_date = req.sort_by_date;
    ir.records = false;  // read through the revision's record cache below
    auto res = v.Search(ir);
    if (!res.ok()) return res.status();
    SearchResult out;
    out.request = req;
    out.total = res->total;
    out.total_exact = res->total_exact;
    out.facets = std::move(res->facets);
    out.suggestion = std::move(res->suggestion);
    out.missing_shards = std::move(res->missing_shards);
    SnippetOptions sopt;
    sopt.mark_start = req.mark_start;
    sopt.mark_end = req.mark_end;
    for (Hit& h : res->hits) {
      std::shared_ptr<const Document> doc = v.RecordAt(h.docid);
      if (!doc) {
        if (!v.status().ok()) return v.status();
        return Status::IoError("cannot read the record of a hit (docid " + std::to_string(h.docid) + ")");
      }
      SearchHit hit = HitOf(*doc, h);
      hit.snippet = MakeSnippet(doc->text.empty() ? doc->title : doc->text, res->words, res->stems, v.analyzer(), sopt);
      out.hits.push_back(std::move(hit));
    }
    v.KeepResult(key, std::make_shared<const SearchResult>(out), BytesOf(out));
    return out;
  });
}

Result<SimilarResult> Similar(Session& session, const SimilarRequest& req) {
  if (Status s = CheckNotEmpty(req.id, "id", kExpectDocument); !s.ok()) return s;
  if (Status s = CheckCap(req.limit, session.options().limits.list, "limit"); !s.ok()) return s;
  return session.Read([&](View& v) -> Result<SimilarResult> {
    lodestone::SimilarRequest ir;
    ir.id = req.id;
    ir.limit = req.limit;
    ir.terms = req.terms;
    auto res = v.searcher().Similar(ir);
    if (!res.ok()) return res.status();
    SimilarResult out;
    out.id = res->doc.id;
    out.title = res->doc.title;
    out.terms = std::move(res->terms);
    out.total = res->total;
    for (const Hit& h : res->hits) out.hits.push_back(HitOf(h));
    return out;
  });
}

Result<ShowResult> Show(Session& session, const ShowRequest& req) {
  if (Status s = CheckNotEmpty(req.id, "id", kExpectDocument); !s.ok()) return s;
  return session.Read([&](View& v) -> Result<ShowResult> {
    Searcher& searcher = v.searcher();
    const std::string& key = req.id;
    auto doc = searcher.Get(key);
    const Status first = doc.ok() ? Status::Ok() : doc.status();
    if (!doc.ok() && doc.status().code() == Status::Code::kNotFound) {
      // A path as given to ingest.
      std::error_code ec;
      std::string abs = std::filesystem::absolute(key, ec).lexically_normal().string();
      if (!ec && abs != key) doc = searcher.Get(abs);
      if (!doc.ok() && doc.status().code() == Status::Code::kNotFound) doc = first;
    }
    if (!doc.ok()) {
      if (doc.status().code() != Status::Code::kNotFound) return doc.status();
      std::string msg = doc.status().message();
      size_t colon = key.find(':');
      auto near = searcher.IdsWithPrefix(
          colon == std::string::npos ? key : key.substr(0, colon + 1) + key.substr(colon + 1, 2), 5);
      // A failure to list them leaves the not-found message as it is.
      if (near.ok() && !near->empty()) {
        msg += "; ids that start alike:";
        for (const auto& n : *near) msg += " " + n;
      }
      return Status::NotFound(msg);
    }
    ShowResult out;
    out.request = req;
    out.document = std::move(*doc);
    const Document& d = out.document;
    out.source = SourceOf(d);
    auto sentence = [&](uint32_t offset) {
      return offset < d.text.size() ? SentenceAround(d.text, offset) : std::string();
    };
    for (const auto& e : d.entities) out.entity_evidence.push_back(e.offsets.empty() ? "" : sentence(e.offsets[0]));
    for (const auto& c : d.citations) out.citation_evidence.push_back(c.offsets.empty() ? "" : sentence(c.offsets[0]));
    if (req.mentions) {
      Status spans = Mentions(v, d, &out.entity_mentions, &out.citation_mentions);
      if (!spans.ok()) return spans;
    }
    auto notes = d.meta.find("disposition_notes");
    for (const auto& r : d.relations) {
      // Metadata relations point into the text when the source's own line is
      // there (disposition tables); Federal Register API notes live in meta.
      const bool in_text = r.offset != kNoOffset && r.offset < d.text.size();
      out.relation_in_text.push_back(in_text);
      out.relation_evidence.push_back(in_text               ? sentence(r.offset)
                                      : notes != d.meta.end() ? notes->second
                                                              : std::string());
    }
    return out;
  });
}

Result<EntityResult> DescribeEntity(Session& session, const EntityRequest& req) {
  if (Status s = CheckNotEmpty(req.name, "name", kExpectEntity); !s.ok()) return s;
  // 0 asks for the names only (no documents), so a cap cannot stand for it.
  if (Status s = CheckCap(req.limit, session.options().limits.list, "limit"); !s.ok()) return s;
  return session.Read([&](View& v) -> Result<EntityResult> {
    auto kbr = v.kb();
    if (!kbr.ok()) return kbr.status();
    const KnowledgeBase& kb = **kbr;
    const std::string& name = req.name;
    EntityResult r;
    const Entity* entity = kb.Find(name);
    if (!entity) {
      auto found = kb.Lookup(name);
      if (!found.empty()) entity = found.front();
    }
    if (entity) {
      r.id = entity->id;
      r.entity = *entity;
    } else if (name.find(':') != std::string::npos) {
      r.id = name;  // a cited id (eo:13817) or an entity only a user file knows
    }
    const bool cited = !r.id.empty() && !entity;
    if (!r.id.empty()) {
      auto top = v.searcher().Postings(r.id, cited, req.limit, &r.documents);
      if (!top.ok()) return top.status();
      r.top = std::move(*top);
    }
    if (r.id.empty() || (!entity && r.documents == 0)) {
      std::string msg = "no entity " + name;
      auto similar = kb.Similar(name, 3);
      if (!similar.empty()) {
        msg += "; did you mean";
        for (size_t i = 0; i < similar.size(); ++i) msg += (i ? ", " : " ") + similar[i];
        msg += "?";
      }
      return Status::NotFound(msg);
    }
    r.type = r.id.substr(0, r.id.find(':'));
    for (const auto& e : kb.entities())
      if (std::find(e.is_a.begin(), e.is_a.end(), r.id) != e.is_a.end()) r.members.push_back(e.id);
    auto co = v.searcher().CoOccurring(r.id, 10);
    if (!co.ok() && co.status().code() == Status::Code::kUnavailable) return co.status();
    if (co.ok()) {
      for (const auto& [id, n] : *co) {
        const Entity* e = kb.Find(id);
        r.cooccurs.push_back({id, e ? e->name : id, n});
      }
    }
    return r;
  });
}

Result<IndexStats> Stats(Session& session, const StatsRequest&) {
  return session.Read([&](View& v) -> Result<IndexStats> { return v.searcher().Stats(); });
}

}  // namespace lodestone::query
