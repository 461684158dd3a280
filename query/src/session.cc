#include "lodestone/query/session.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <filesystem>
#include <mutex>
#include <unordered_map>

#include "lodestone/graph/ids.h"
#include "lodestone/ingest/extract.h"
#include "lodestone/text/ascii.h"
#include "lodestone/text/edit_distance.h"
#include "id_text.h"
#include "result_cache.h"

namespace lodestone::query {

namespace internal {

struct Snapshot {
  IndexRevision revision;
  std::string stamp;
  // The graph, loaded by the first request that needs it; the mutex makes
  // the others wait for that one load instead of starting their own.
  std::mutex graph_mu;
  std::shared_ptr<const KnowledgeGraph> graph;
  // Records read by this revision's requests, by docid (its docids are
  // stable), while within the session's record_cache_bytes (then no more
  // are added); and the docid of each graph node asked for.
  std::mutex records_mu;
  std::unordered_map<uint32_t, std::shared_ptr<const Document>> records;
  std::unordered_map<uint32_t, uint32_t> docid_of_node;
  size_t record_bytes = 0;
  // The graph's nodes by the key of their id (lowercase, what follows the
  // type: "rare-earth-elements", "5/302"), built by the first request that
  // resolves a key alone, instead of every such request scanning all nodes.
  std::once_flag keys_once;
  std::unordered_map<std::string, std::vector<uint32_t>> nodes_by_key;
  // Answers of this revision's requests (session.h, result_cache_bytes).
  ResultCache results;
  explicit Snapshot(size_t result_bytes) : results(result_bytes) {}
};

// What a record costs to keep, roughly: its strings.
size_t BytesOf(const Document& d) {
  size_t n = sizeof(Document) + d.text.size() + d.title.size() + d.id.size() + d.references.size() * 256;
  for (const auto& [k, v] : d.meta) n += 64 + k.size() + v.size();
  for (const auto& e : d.entities) n += sizeof(e) + e.id.size() + e.offsets.size() * sizeof(uint32_t);
  for (const auto& c : d.citations) n += sizeof(c) + c.id.size() + c.offsets.size() * sizeof(uint32_t);
  for (const auto& r : d.relations) n += sizeof(r) + r.target.size() + r.origin.size();
  return n;
}

}  // namespace internal

using text::AllAsciiDigits;
using text::EditDistance;
using text::AsciiLower;  // ids are ASCII: other bytes are kept
using internal::Snapshot;

struct Session::Impl {
  // Searchers not lent out. Opening one costs a few milliseconds (the
  // database's tables); refreshing one costs a read of its version file.
  std::mutex pool_mu;
  std::vector<std::unique_ptr<Searcher>> idle;

  // The newest revision any request has seen.
  std::mutex snapshot_mu;
  std::shared_ptr<Snapshot> current;

  // The knowledge base and its graph form, once.
  std::once_flag kb_once;
  Status kb_status;
  std::shared_ptr<const KnowledgeBase> kb;
  std::vector<KbNode> kb_nodes;

  mutable std::mutex missing_mu;
  std::vector<std::string> missing;  // of the last request (Searcher::MissingShards)

  std::atomic<uint64_t> requests{0}, retries{0}, snapshots{0}, graph_loads{0}, searchers_opened{0};

  Result<std::unique_ptr<Searcher>> Borrow(const std::string& dir, const OpenOptions& open) {
    {
      std::lock_guard<std::mutex> lock(pool_mu);
      if (!idle.empty()) {
        auto s = std::move(idle.back());
        idle.pop_back();
        return s;
      }
    }
    auto s = Searcher::Open(dir, open);
    if (!s.ok()) {
      // No index (yet): a front end can answer "try later" (503), and the
      // CLI's message stays the one that says how to create it.
      if (s.status().code() == Status::Code::kNotFound) return Status::Unavailable(s.status().message());
      return s.status();
    }
    ++searchers_opened;
    return std::move(*s);
  }

  void GiveBack(std::unique_ptr<Searcher> s, size_t keep) {
    std::lock_guard<std::mutex> lock(pool_mu);
    if (idle.size() < keep) idle.push_back(std::move(s));
  }

  // The snapshot of `rev`: the current one, or a new one when `rev` is newer
  // (then installed for every later request). Null when `rev` is older than
  // the current one: another request saw a later commit in the meantime,
  // and this Searcher should be refreshed again.
  std::shared_ptr<Snapshot> SnapshotOf(const IndexRevision& rev, Searcher& searcher, size_t result_bytes) {
    std::lock_guard<std::mutex> lock(snapshot_mu);
    if (current && current->revision == rev) return current;
    if (current && rev < current->revision) return nullptr;
    auto stamp = searcher.Stamp();
    auto s = std::make_shared<Snapshot>(result_bytes);
    s->revision = rev;
    s->stamp = stamp.ok() ? *stamp : std::string();
    current = s;
    ++snapshots;
    return s;
  }

  void LoadKb(const std::vector<std::string>& files) {
    auto loaded = KnowledgeBase::Load(files);
    if (!loaded.ok()) {
      kb_status = loaded.status();
      return;
    }
    auto owned = std::make_shared<const KnowledgeBase>(std::move(*loaded));
    kb_nodes.reserve(owned->entities().size());
    for (const auto& e : owned->entities()) kb_nodes.push_back({e.id, e.name, e.is_a});
    kb = std::move(owned);
  }
};

// ---------------------------------------------------------------- session

Session::Session(SessionOptions options) : options_(std::move(options)), impl_(std::make_unique<Impl>()) {}
Session::~Session() = default;

std::shared_ptr<Session> Session::Open(SessionOptions options) {
  return std::shared_ptr<Session>(new Session(std::move(options)));
}

Session::Counters Session::counters() const {
  Counters c;
  c.requests = impl_->requests;
  c.retries = impl_->retries;
  c.snapshots = impl_->snapshots;
  c.graph_loads = impl_->graph_loads;
  c.searchers_opened = impl_->searchers_opened;
  return c;
}

std::vector<std::string> Session::MissingShards() const {
  std::lock_guard<std::mutex> lock(impl_->missing_mu);
  return impl_->missing;
}

Status Session::Run(const std::function<Status(View&)>& fn, Clock::time_point deadline) {
  ++impl_->requests;
  if (deadline == Clock::time_point::max() && options_.time_limit > Clock::duration::zero())
    deadline = Clock::now() + options_.time_limit;
  Status last;
  int reconnects = 0;
  for (int attempt = 0; attempt <= options_.retries; ++attempt) {
    if (attempt > 0) ++impl_->retries;
    auto searcher = impl_->Borrow(options_.index_dir, options_.open);
    if (!searcher.ok()) return searcher.status();
    std::unique_ptr<Searcher> lent = std::move(*searcher);
    // The newest revision. Refreshed again when another request has
    // installed a later one since (its commit came after our refresh).
    std::shared_ptr<Snapshot> snap;
    Status refreshed;
    for (int tries = 0; tries < 3 && !snap && refreshed.ok(); ++tries) {
      auto r = lent->Refresh();
      if (!r.ok()) refreshed = r.status();
      else snap = impl_->SnapshotOf(lent->Revision(), *lent, options_.result_cache_bytes);
    }
    if (!refreshed.ok()) {
      if (refreshed.code() == Status::Code::kNotFound) refreshed = Status::Unavailable(refreshed.message());
      if (refreshed.code() != Status::Code::kUnavailable) return refreshed;
      if (lent->Broken() && ++reconnects > 1) return refreshed;
      last = refreshed;  // the generation went away while we reopened it: again
      continue;
    }
    if (!snap) {  // left behind three times in a row: read the revision we have, alone
      snap = std::make_shared<Snapshot>(0);
      snap->revision = lent->Revision();
      auto stamp = lent->Stamp();
      if (stamp.ok()) snap->stamp = *stamp;
    }
    Status s;
    bool timed_out = false;
    {
      View view(this, std::move(snap), lent.get(), deadline);
      s = view.CheckDeadline();
      if (s.ok()) s = fn(view);
      timed_out = view.timed_out_;
    }
    {
      std::lock_guard<std::mutex> lock(impl_->missing_mu);
      impl_->missing = lent->MissingShards();
    }
    // A lost connection: this Searcher is dropped, and the request runs once
    // more on a new one (which reconnects, or names the shard that is down).
    const bool broken = lent->Broken();
    if (!broken) impl_->GiveBack(std::move(lent), options_.idle_searchers);
    if (s.ok() || s.code() != Status::Code::kUnavailable || timed_out) return s;
    if (broken && ++reconnects > 1) return s;
    last = s;  // the index changed under the read: reopen and run again
  }
  return last;
}

// ---------------------------------------------------------------- view

View::View(Session* session, std::shared_ptr<Snapshot> snapshot, Searcher* searcher, Clock::time_point deadline)
    : session_(session), snapshot_(std::move(snapshot)), searcher_(searcher), deadline_(deadline) {}

const SessionOptions& View::options() const { return session_->options_; }
const IndexRevision& View::revision() const { return snapshot_->revision; }
const std::string& View::stamp() const { return snapshot_->stamp; }

Analyzer& View::analyzer() {
  thread_local Analyzer analyzer;
  return analyzer;
}

Status View::CheckDeadline() {
  if (deadline_ == Clock::time_point::max() || Clock::now() < deadline_) return Status::Ok();
  timed_out_ = true;
  return Status::Unavailable("the request ran out of time");
}

Result<const KnowledgeBase*> View::kb() {
  Session::Impl& impl = *session_->impl_;
  std::call_once(impl.kb_once, [&] { impl.LoadKb(session_->options_.kb_files); });
  if (!impl.kb) return impl.kb_status;
  return impl.kb.get();
}

Result<const KnowledgeGraph*> View::graph() {
  Snapshot& snap = *snapshot_;
  if (graph_) return graph_;
  std::lock_guard<std::mutex> lock(snap.graph_mu);
  if (snap.graph) return graph_ = snap.graph.get();
  auto kb = this->kb();
  if (!kb.ok()) return kb.status();
  Session::Impl& impl = *session_->impl_;
  auto kg = LoadGraph(*searcher_, session_->options_.index_dir, impl.kb_nodes, session_->options_.graph_cache,
                      nullptr, session_->options_.graph_progress);
  if (!kg.ok()) return kg.status();  // not kept: the next request tries again
  ++impl.graph_loads;
  snap.graph = std::make_shared<const KnowledgeGraph>(std::move(*kg));
  return graph_ = snap.graph.get();
}

Result<std::shared_ptr<const KnowledgeBase>> View::KeepKb() {
  auto kb = this->kb();
  if (!kb.ok()) return kb.status();
  return session_->impl_->kb;
}

Result<std::shared_ptr<const KnowledgeGraph>> View::KeepGraph() {
  auto g = graph();
  if (!g.ok()) return g.status();
  std::lock_guard<std::mutex> lock(snapshot_->graph_mu);
  return snapshot_->graph;
}

Result<lodestone::SearchResult> View::Search(lodestone::SearchRequest request) {
  request.query = analyzer().SegmentQuery(request.query);
  return searcher_->Search(request);
}

Result<uint32_t> View::Resolve(const std::string& text) {
  if (text.empty()) return Status::InvalidArgument("empty id");
  auto graph = this->graph();
  if (!graph.ok()) return graph.status();
  auto kbr = this->kb();
  if (!kbr.ok()) return kbr.status();
  const KnowledgeGraph& kg = **graph;
  const KnowledgeBase& kb = **kbr;
  if (auto v = kg.Find(text)) return *v;
  if (auto v = kg.Find(AsciiLower(text))) return *v;  // DOIs, EO:14017
  std::string known_only;  // in the knowledge base, named by no document
  std::vector<std::string> candidates;
  if (const Entity* e = kb.Find(AsciiLower(text))) candidates.push_back(e->id);
  for (const Entity* e : kb.Lookup(text)) candidates.push_back(e->id);
  for (const auto& id : candidates) {
    if (auto v = kg.Find(id)) return *v;
    if (known_only.empty()) known_only = id;
  }
  if (AllAsciiDigits(text))
    if (auto v = kg.Find("eo:" + text)) return *v;
  if (text.find(':') == std::string::npos) {
    auto cited = FindCitations(text, analyzer());
    if (cited.size() == 1)
      if (auto v = kg.Find(cited.front())) return *v;
    std::error_code ec;
    std::string abs = std::filesystem::absolute(text, ec).lexically_normal().string();
    if (!ec) {
      auto doc = searcher_->Get(abs);
      if (doc.ok()) {
        if (auto v = kg.Find(doc->id)) return *v;
      } else if (doc.status().code() == Status::Code::kUnavailable) {
        return doc.status();
      }
    }
  }
  // An id's key alone (rare-earth-elements, 30/1602): the node when one id
  // has it; suggestions when several types share it (cfr:5/302, usc:5/302).
  std::vector<std::string> same_key;
  if (text.find(':') == std::string::npos || !ParseNodeId(AsciiLower(text))) {
    Snapshot& snap = *snapshot_;
    std::call_once(snap.keys_once, [&] {
      for (uint32_t v = 0; v < kg.num_nodes(); ++v) {
        const std::string& id = kg.node(v).id;
        const size_t colon = id.find(':');
        if (colon != std::string::npos && colon + 1 < id.size()) snap.nodes_by_key[AsciiLower(id.substr(colon + 1))].push_back(v);
      }
    });
    auto found = snap.nodes_by_key.find(AsciiLower(text));
    if (found != snap.nodes_by_key.end())
      for (uint32_t v : found->second) same_key.push_back(kg.node(v).id);
    if (same_key.size() == 1) return *kg.Find(same_key.front());
  }
  if (same_key.size() > 1) {
    std::sort(same_key.begin(), same_key.end());
    std::string msg = "no node " + text + " (" + std::to_string(same_key.size()) + " ids have this key); did you mean";
    for (size_t i = 0; i < same_key.size() && i < 6; ++i) msg += (i ? ", " : " ") + same_key[i];
    return Status::NotFound(msg + (same_key.size() > 6 ? ", …?" : "?"));
  }
  if (!known_only.empty())
    return Status::NotFound(known_only + " is in the knowledge base, but no document in the index names it");
  // Suggestions: knowledge-base names close to the text (or to its key), and
  // graph ids of the same type within a small edit distance.
  std::vector<std::string> near;
  auto add = [&](const std::string& id) {
    if (kg.Find(id) && std::find(near.begin(), near.end(), id) == near.end()) near.push_back(id);
  };
  size_t colon = text.find(':');
  const std::string key = colon == std::string::npos ? text : text.substr(colon + 1);
  const std::string type = colon == std::string::npos ? "" : AsciiLower(text.substr(0, colon));
  for (const auto& id : kb.Similar(key, 3)) add(id);
  if (!type.empty() && key.size() >= 2) {
    std::vector<std::pair<size_t, std::string>> close;
    const size_t budget = std::max<size_t>(2, key.size() / 4);
    for (const auto& n : kg.nodes()) {
      if (n.type != type) continue;
      const std::string k = n.id.substr(n.type.size() + 1);
      if (k.size() + budget < key.size() || key.size() + budget < k.size()) continue;
      size_t d = EditDistance(AsciiLower(key), AsciiLower(k));
      if (d <= budget) close.push_back({d, n.id});
    }
    std::sort(close.begin(), close.end());
    for (size_t i = 0; i < close.size() && i < 3; ++i) add(close[i].second);
  }
  std::string msg = "no node " + text;
  if (!near.empty()) {
    msg += "; did you mean";
    for (size_t i = 0; i < near.size() && i < 4; ++i) msg += (i ? ", " : " ") + near[i];
    msg += "?";
  } else if (colon != std::string::npos && !ParseNodeId(AsciiLower(text))) {
    msg += " (unknown id type " + text.substr(0, colon) + ")";
  }
  return Status::NotFound(msg);
}

const Document* View::Record(uint32_t v) {
  const KnowledgeGraph* kg = graph_;  // nodes are numbers of this request's graph
  if (!kg || v >= kg->num_nodes() || kg->node(v).external) return nullptr;
  auto it = records_.find(v);
  if (it != records_.end()) return it->second.get();
  Snapshot& snap = *snapshot_;
  std::optional<uint32_t> docid;
  {
    std::lock_guard<std::mutex> lock(snap.records_mu);
    auto known = snap.docid_of_node.find(v);
    if (known != snap.docid_of_node.end()) docid = known->second;
  }
  if (!docid) {
    auto located = searcher_->Locate(kg->node(v).id);
    if (!located.ok()) {
      if (located.status().code() == Status::Code::kUnavailable && read_status_.ok()) read_status_ = located.status();
      return records_.emplace(v, nullptr).first->second.get();  // not kept beyond this request
    }
    docid = *located;
    std::lock_guard<std::mutex> lock(snap.records_mu);
    snap.docid_of_node.emplace(v, *docid);
  }
  return records_.emplace(v, RecordAt(*docid)).first->second.get();
}

std::shared_ptr<const Document> View::RecordAt(uint32_t docid) {
  const size_t budget = session_->options_.record_cache_bytes;
  Snapshot& snap = *snapshot_;
  if (budget) {
    std::lock_guard<std::mutex> lock(snap.records_mu);
    auto cached = snap.records.find(docid);
    if (cached != snap.records.end()) return cached->second;
  }
  auto doc = searcher_->Record(docid);
  if (!doc.ok()) {
    if (doc.status().code() == Status::Code::kUnavailable && read_status_.ok()) read_status_ = doc.status();
    return nullptr;
  }
  auto owned = std::make_shared<const Document>(std::move(*doc));
  if (budget) {
    const size_t bytes = internal::BytesOf(*owned);
    std::lock_guard<std::mutex> lock(snap.records_mu);
    if (snap.record_bytes + bytes <= budget && snap.records.emplace(docid, owned).second) snap.record_bytes += bytes;
  }
  return owned;
}

std::shared_ptr<const void> View::CachedResult(const std::string& key) { return snapshot_->results.Find(key); }

void View::KeepResult(const std::string& key, std::shared_ptr<const void> result, size_t bytes) {
  snapshot_->results.Put(key, std::move(result), bytes);
}

std::pair<uint32_t, uint32_t> View::EvidenceAt(uint32_t edge) {
  const KnowledgeGraph* kg = graph_;
  if (!kg) return {0, kNoOffset};
  const Edge& e = kg->edge(edge);
  const std::string& target = kg->node(e.target).id;
  const std::string& source = kg->node(e.source).id;
  using At = std::pair<uint32_t, uint32_t>;
  const At none{0, kNoOffset};
  auto sentence = [&](uint32_t node, const Document* d, uint32_t off) -> At {
    if (!d || off == kNoOffset || off >= d->text.size()) return none;
    return {node, off};
  };
  auto cited_in = [&](const Document* d, const std::string& id) -> At {
    if (!d) return none;
    for (const auto& c : d->citations)
      if (c.id == id && !c.offsets.empty()) return sentence(e.source, d, c.offsets.front());
    return none;
  };
  const Document* d = Record(e.source);
  switch (e.type) {
    case EdgeType::kMentions:
      if (d)
        for (const auto& en : d->entities)
          if (en.id == target && !en.offsets.empty()) return sentence(e.source, d, en.offsets.front());
      return none;
    case EdgeType::kCites:
      return cited_in(d, target);
    case EdgeType::kRevokes:
    case EdgeType::kAmends:
    case EdgeType::kSupersedes:
    case EdgeType::kDirects: {
      // The relation's sentence: stated by the source ("revokes"), else by
      // the other side ("revoked by ...": Federal Register notes).
      auto stated = [&](uint32_t node, const Document* by, bool passive, const std::string& other) -> At {
        if (!by) return none;
        for (const auto& r : by->relations) {
          if (IsPassive(r.type) == passive && EdgeOf(r.type) == e.type && r.target == other && r.offset != kNoOffset)
            return sentence(node, by, r.offset);
        }
        return none;
      };
      if (At at = stated(e.source, d, false, target); at.second != kNoOffset) return at;
      if (e.type != EdgeType::kDirects)
        if (At at = stated(e.target, Record(e.target), true, source); at.second != kNoOffset) return at;
      return cited_in(d, target);
    }
    case EdgeType::kIsA:
    case EdgeType::kIssuedBy:
      return none;
  }
  return none;
}

std::string View::Evidence(uint32_t edge) {
  auto [node, offset] = EvidenceAt(edge);
  if (offset == kNoOffset) return {};
  const Document* d = Record(node);
  return d && offset < d->text.size() ? SentenceAround(d->text, offset) : std::string();
}

}  // namespace lodestone::query
