// The fetch itself: plan -> search each slice (splitting at the cap) -> save
// each record and its full text -> state -> ingest. See federal_register.h.
#include "lodestone/fetch/federal_register.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <optional>
#include <unordered_set>

#include "api_response.h"
#include "dates.h"
#include "http_client.h"
#include "progress.h"
#include "query_plan.h"
#include "record_store.h"

namespace lodestone {

using fetch_internal::FetchProgress;
using fetch_internal::FullTextLink;
using fetch_internal::HttpClient;
using fetch_internal::HttpResponse;
using fetch_internal::QueryGroup;
using fetch_internal::QueryPlan;
using fetch_internal::RecordStore;
using fetch_internal::RequestClass;
using fetch_internal::Slice;
using fetch_internal::StoredRecord;

bool FullTextChoiceFromName(const std::string& name, FullTextChoice* out) {
  static const std::pair<const char*, FullTextChoice> kNames[] = {{"auto", FullTextChoice::kAuto},
                                                                  {"none", FullTextChoice::kNone},
                                                                  {"xml", FullTextChoice::kXml},
                                                                  {"html", FullTextChoice::kHtml},
                                                                  {"text", FullTextChoice::kText}};
  for (const auto& [n, c] : kNames)
    if (name == n) {
      *out = c;
      return true;
    }
  return false;
}

const char* FullTextChoiceName(FullTextChoice c) {
  switch (c) {
    case FullTextChoice::kAuto: return "auto";
    case FullTextChoice::kNone: return "none";
    case FullTextChoice::kXml: return "xml";
    case FullTextChoice::kHtml: return "html";
    case FullTextChoice::kText: return "text";
  }
  return "auto";
}

namespace {

using Clock = std::chrono::steady_clock;

// The API's next_page_url names the API's own host; the next page is asked of
// the root this fetch was given (--api), so that a mirror or replay server
// sees every search.
std::string OnRoot(const QueryPlan& plan, const std::string& next) {
  const std::string marker = "/documents.json?";
  size_t at = next.find(marker);
  if (at == std::string::npos) return next;
  return plan.root + next.substr(at);
}

class Fetcher {
 public:
  Fetcher(const FetchRequest& req, QueryPlan plan, std::unique_ptr<HttpClient> http,
          std::unique_ptr<RecordStore> store)
      : req_(req), plan_(std::move(plan)), http_(std::move(http)), store_(std::move(store)), progress_(req.progress) {
    sum_.api = plan_.root;
    sum_.dir = req.dir;
    note_.started = fetch_internal::NowStamp();
    note_.api = plan_.root;
  }

  // Lists and saves everything; a non-ok Status only for a rejected query or
  // an unwritable folder.
  Status Run() {
    Status st;
    for (const QueryGroup& g : plan_.groups) {
      st = RunGroup(g);
      if (!st.ok() || stop_) break;
    }
    progress_.Update(counts_, true);
    progress_.Done();
    note_.finished = fetch_internal::NowStamp();
    note_.complete = st.ok() && !stop_ && sum_.failed.empty();
    Status saved = store_->Save(Note());
    if (!st.ok()) return st;
    return saved;
  }

  FetchSummary& summary() {
    sum_.requests = http_->requests();
    sum_.retries = http_->retries();
    return sum_;
  }

 private:
  fetch_internal::RunNote Note() {
    note_.records = sum_.records;
    note_.new_records = sum_.new_records;
    note_.changed = sum_.changed;
    note_.unchanged = sum_.unchanged;
    note_.full_texts = sum_.full_texts;
    note_.failed = sum_.failed.size();
    return note_;
  }

  bool Cancelled() {
    if (http_->cancelled()) {
      sum_.interrupted = true;
      stop_ = true;
    }
    return stop_;
  }

  Status RunGroup(const QueryGroup& g) {
    std::deque<Slice> todo{Slice{plan_.since, plan_.until}};
    while (!todo.empty() && !Cancelled()) {
      const Slice s = todo.front();
      todo.pop_front();
      std::string url = fetch_internal::SearchUrl(plan_, g, s);
      if (note_.first_query.empty()) note_.first_query = url;
      ++sum_.queries;
      ++counts_.queries;
      bool first_page = true;
      while (!url.empty() && !Cancelled()) {
        std::optional<fetch_internal::SearchPage> page;
        HttpResponse r = http_->Get(url, RequestClass::kApi, [&](const std::string& body) {
          auto p = fetch_internal::ParseSearchPage(body);
          if (!p.ok()) return p.status().message();
          page = std::move(*p);
          return std::string();
        });
        if (!r.ok()) {
          if (Cancelled()) return Status::Ok();
          if (r.transport_ok && r.status == 400)
            return Status::InvalidArgument("the Federal Register API rejected the search (HTTP 400): " +
                                           fetch_internal::ApiErrorMessage(r.body) + "\n  " + url);
          if (r.transport_ok && r.status >= 400 && r.status < 500 && r.status != 429)
            return Status::NotFound("the API answered HTTP " + std::to_string(r.status) + " (" +
                                    fetch_internal::ApiErrorMessage(r.body) + ") to " + url +
                                    "\n  is --api the API root (https://www.federalregister.gov/api/v1)?");
          // The API is unreachable or keeps failing: stop here, the next run continues.
          sum_.failed.push_back({url, r.error});
          stop_ = true;
          return Status::Ok();
        }
        ++sum_.pages;
        ++counts_.pages;
        bool split = false;
        if (first_page) {
          first_page = false;
          if (page->count >= req_.result_cap && s.days() > 1) {
            // The count is capped like the results: halve and ask again. The
            // records of this page are kept; the halves list them once more,
            // as already seen.
            auto halves = fetch_internal::Halve(s);
            todo.push_front(halves.second);
            todo.push_front(halves.first);
            ++sum_.splits;
            split = true;
          } else {
            counts_.expected += std::min<uint64_t>(page->count, req_.result_cap);
            if (page->count >= req_.result_cap)
              sum_.failed.push_back(
                  {url, "the API lists at most " + std::to_string(req_.result_cap) + " documents per search and " +
                            fetch_internal::FormatDay(s.from) +
                            " has at least that many: some were not listed; narrow it with --type or --agency"});
          }
        }
        for (const auto& rec : page->results->GetArray()) {
          if (Cancelled()) break;
          Status st = HandleRecord(rec, url);
          if (!st.ok()) return st;
          progress_.Update(counts_);
        }
        Status st = store_->SaveSoon(Note());
        if (!st.ok()) return st;
        if (split) break;
        url.clear();
        if (!page->next_page_url.empty()) {
          url = OnRoot(plan_, page->next_page_url);
          if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) {
            sum_.failed.push_back({url, "next_page_url is not an http(s) URL"});
            url.clear();
          }
        }
      }
    }
    return Status::Ok();
  }

  // A full text saved under its final name is whole (files are renamed into
  // place); a run killed before its record was saved left it there.
  std::string SavedFullText(const std::string& number, const std::string& kind) {
    std::vector<std::string> names;
    if (kind == "xml") names = {number + ".xml"};
    else if (kind == "html") names = {number + ".html"};
    else names = {number + ".htm", number + ".txt"};
    for (const auto& n : names)
      if (store_->Exists(n)) return n;
    return {};
  }

  Status HandleRecord(const rapidjson::Value& rec, const std::string& page_url) {
    const std::string number = fetch_internal::StringField(rec, "document_number");
    if (!fetch_internal::ValidDocumentNumber(number)) {
      sum_.failed.push_back({page_url, "a result without a usable document_number (\"" + number.substr(0, 40) + "\")"});
      return Status::Ok();
    }
    if (!seen_.insert(number).second) return Status::Ok();
    ++sum_.records;
    ++counts_.done;
    const uint64_t hash = fetch_internal::RecordHash(rec);
    const std::string json_name = number + ".json";
    const StoredRecord* old = store_->Find(number);
    enum { kNew, kChanged, kUnchanged } state;
    if (old) {
      state = old->hash == hash && store_->Exists(json_name) ? kUnchanged : kChanged;
    } else if (store_->Exists(json_name)) {
      // Saved by a run that was killed before it wrote the state file.
      auto bytes = store_->Read(json_name);
      rapidjson::Document d;
      if (bytes.ok()) d.Parse<rapidjson::kParseIterativeFlag>(bytes->data(), bytes->size());
      state = bytes.ok() && !d.HasParseError() && fetch_internal::RecordHash(d) == hash ? kUnchanged : kChanged;
    } else {
      state = kNew;
    }

    StoredRecord next = old ? *old : StoredRecord{};
    next.hash = hash;
    bool touched = !old || state != kUnchanged;
    std::optional<FullTextLink> link = fetch_internal::ChooseFullText(rec, req_.full_text);
    if (!link && req_.full_text != FullTextChoice::kNone) ++sum_.without_full_text;
    if (link) {
      std::string have;
      if (old && old->full_text == link->kind && old->url == link->url && !old->file.empty() &&
          store_->Exists(old->file))
        have = old->file;
      else if (!old || old->full_text.empty())
        have = SavedFullText(number, link->kind);
      if (!have.empty()) {
        if (next.file != have || next.full_text != link->kind || next.url != link->url) touched = true;
        next.file = have;
        next.full_text = link->kind;
        next.url = link->url;
      } else {
        HttpResponse r = http_->Get(link->url, link->kind == "xml" ? RequestClass::kXml : RequestClass::kApi,
                                    [](const std::string& body) { return body.empty() ? "empty body" : ""; });
        if (!r.ok()) {
          if (Cancelled()) return Status::Ok();  // the record is saved by the next run, with its text
          sum_.failed.push_back({link->url, r.error});
        } else {
          const std::string name = fetch_internal::FullTextFileName(number, link->kind, r.body);
          Status st = store_->Write(name, r.body);
          if (!st.ok()) return st;
          if (old && !old->file.empty() && old->file != name) store_->Remove(old->file);
          ++sum_.full_texts;
          ++counts_.full_texts;
          sum_.full_text_bytes += r.body.size();
          next.file = name;
          next.full_text = link->kind;
          next.url = link->url;
          touched = true;
        }
      }
    }
    if (state != kUnchanged) {
      Status st = store_->Write(json_name, fetch_internal::RecordJson(rec));
      if (!st.ok()) return st;
      next.fetched = fetch_internal::NowStamp();
    } else if (next.fetched.empty()) {
      next.fetched = fetch_internal::NowStamp();
    }
    if (touched) store_->Put(number, std::move(next));
    if (state == kNew) ++sum_.new_records;
    else if (state == kChanged) ++sum_.changed;
    else ++sum_.unchanged;
    if (state != kUnchanged) ++counts_.fresh;
    return Status::Ok();
  }

  const FetchRequest& req_;
  QueryPlan plan_;
  std::unique_ptr<HttpClient> http_;
  std::unique_ptr<RecordStore> store_;
  FetchProgress progress_;
  FetchSummary sum_;
  fetch_internal::RunNote note_;
  fetch_internal::ProgressCounts counts_;
  std::unordered_set<std::string> seen_;
  bool stop_ = false;
};

}  // namespace

Result<FetchSummary> FetchFederalRegister(const FetchRequest& req) {
  const auto start = Clock::now();
  if (req.dir.empty()) return Status::InvalidArgument("give the folder to fetch into (-o DIR)");
  auto plan = fetch_internal::MakePlan(req, fetch_internal::Today());
  if (!plan.ok()) return plan.status();
  if (req.rate < 0) return Status::InvalidArgument("--rate must be positive");
  fetch_internal::HttpOptions http;
  http.timeout = req.timeout;
  http.connect_timeout = std::min(req.connect_timeout, req.timeout);
  http.ca_file = req.ca_file;
  http.api_rate = req.rate > 0 ? req.rate : 5;
  http.xml_rate = req.rate > 0 ? req.rate : 1;
  http.retries = req.retries;
  http.backoff = req.backoff;
  http.verbose = req.verbose;
  http.cancel = req.cancel;
  auto client = HttpClient::Create(http);
  if (!client.ok()) return client.status();
  auto store = RecordStore::Open(req.dir);
  if (!store.ok()) return store.status();

  Fetcher fetcher(req, std::move(*plan), std::move(*client), std::move(*store));
  Status st = fetcher.Run();
  if (!st.ok()) return st;
  FetchSummary sum = fetcher.summary();
  if (!req.ingest_index.empty() && !sum.interrupted) {
    IngestOptions opt = req.ingest;
    opt.paths = {req.dir};
    opt.index_dir = req.ingest_index;
    auto ing = Ingest(opt);
    if (!ing.ok()) return ing.status();
    sum.ingest = std::move(*ing);
    sum.ingested = true;
  }
  sum.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return sum;
}

}  // namespace lodestone
