#include "lodestone/ingest/pipeline.h"

#include <fcntl.h>
#include <libxml/parser.h>
#include <sys/file.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <new>
#include <optional>
#include <set>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "pipeline/discover.h"
#include "lodestone/index/merge.h"
#include "lodestone/index/writer.h"
#include "lodestone/ingest/analyzer.h"
#include "lodestone/ingest/attribution.h"
#include "lodestone/ingest/extract.h"
#include "lodestone/ingest/readers.h"
#include "lodestone/ingest/synonyms.h"

namespace fs = std::filesystem;

namespace lodestone {

namespace {

using internal::Bundle;
using internal::FoundFile;
using Clock = std::chrono::steady_clock;

constexpr size_t kHeadBytes = 64 * 1024;

struct BundleResult {
  std::vector<SourceFile> files;       // read and parsed (or skipped) files, for the manifest
  std::vector<AnalyzedDocument> docs;
  std::vector<IngestProblem> failed, skipped, warnings;
  uint64_t bytes = 0;
  bool content_unchanged = false;      // every file hashed equal to the manifest
};

Status ReadWholeFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot open");
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size < 0) return Status::IoError("cannot read");
  out->resize(static_cast<size_t>(size));
  in.seekg(0);
  if (size > 0 && !in.read(out->data(), size)) return Status::IoError("cannot read (file changed while reading?)");
  return Status::Ok();
}

// What every document passes through after it is read and merged:
// attribution always (jurisdiction, president), extraction unless turned off.
struct DocumentSteps {
  const KnowledgeBase& kb;
  const Extractor* extractor = nullptr;
};

// Each text is segmented once: extraction and the index terms share the
// words (issue 10).
AnalyzedDocument Analyze(Document doc, Analyzer& analyzer, const DocumentSteps& steps) {
  Attribute(steps.kb, &doc);
  const DocumentWords words = DocumentWords::Of(doc, analyzer);
  if (steps.extractor) steps.extractor->Extract(&doc, words, analyzer);
  AnalyzedDocument ad;
  uint32_t pos = 0;
  AppendTokens(words.title, &pos, &ad.title);
  ad.body = ad.title;  // the body starts with the title, same positions
  pos += 1;            // no phrase across title and text
  AppendTokens(words.text, &pos, &ad.body);
  ad.doc = std::move(doc);
  return ad;
}

// A bundle that holds one Federal Register API record (EO_13603.json beside
// EO_13603.xml, or 2024-01234.json beside 2024-01234.xml as `lode fetch`
// saves them) is that record's document in every format (issue 14): the full
// text takes the record's id even when its own text names no order (a
// proclamation, a rule, a heading without "of") or misprints the number
// (EO 13523's XML heading reads "Executive Order 15323"). The record's order
// number wins; a record without one takes the order number its text gives.
void OneDocumentPerRecord(std::vector<Document>& docs) {
  if (docs.size() < 2) return;
  size_t records = 0, record = 0;
  for (size_t i = 0; i < docs.size(); ++i)
    if (docs[i].format == "fr-json") ++records, record = i;
  if (records != 1) return;
  std::string id = docs[record].id, number = docs[record].number;
  if (id.rfind("eo:", 0) != 0)
    for (const auto& d : docs)
      if (d.id.rfind("eo:", 0) == 0) {
        id = d.id;
        number = d.number;
        break;
      }
  for (auto& d : docs) {
    d.id = id;
    if (id.rfind("eo:", 0) == 0) d.number = number;
  }
}

// Reads, parses and analyses one bundle. `old` holds manifest entries of its
// files (for the hash check), empty in build mode.
BundleResult ProcessBundle(const Bundle& bundle, const std::vector<std::optional<ManifestEntry>>& old,
                           Analyzer& analyzer, const DocumentSteps& steps) {
  BundleResult r;
  std::vector<Document> docs;
  bool all_same = !old.empty();
  for (size_t i = 0; i < bundle.files.size(); ++i) {
    const FoundFile& f = bundle.files[i];
    std::string bytes;
    Status s = ReadWholeFile(f.path, &bytes);
    if (!s.ok()) {
      r.failed.push_back({f.path, s.message()});
      all_same = false;
      continue;
    }
    r.bytes += bytes.size();
    SourceFile src{f.path, "", bytes.size(), f.mtime_ns, XXH3_64bits(bytes.data(), bytes.size())};
    if (!(i < old.size() && old[i] && old[i]->hash == src.hash && old[i]->size == src.size)) all_same = false;
    Detection det = DetectFormat(f.path, std::string_view(bytes).substr(0, kHeadBytes));
    if (det.format.empty()) {
      r.skipped.push_back({f.path, det.skip_reason});
      src.format = "skipped";
      r.files.push_back(src);
      continue;
    }
    src.format = det.format;
    std::vector<std::string> warnings;
    auto read = ReadDocuments(det.format, FileInput{f.path, f.key, std::move(bytes)}, &warnings);
    for (std::string& w : warnings) r.warnings.push_back({f.path, std::move(w)});
    if (!read.ok()) {
      r.failed.push_back({f.path, read.status().message()});
      all_same = false;
      continue;
    }
    if (read->empty()) {
      r.skipped.push_back({f.path, "no documents in file"});
      src.format = "skipped";
    }
    r.files.push_back(src);
    for (auto& d : *read) {
      d.sources = {src};
      docs.push_back(std::move(d));
    }
  }
  if (all_same) {
    r.content_unchanged = true;
    r.docs.clear();
    return r;
  }
  OneDocumentPerRecord(docs);
  // The formats of one document become one record, by the rule a build and
  // an update use to merge records of one id from different bundles
  // (merge.h): per key, independent of the order of the files.
  std::vector<Document> merged;
  std::vector<MergeInfo> infos;
  std::unordered_map<std::string, size_t> by_id;
  for (auto& d : docs) {
    auto [it, inserted] = by_id.emplace(d.id, merged.size());
    if (inserted) {
      infos.push_back(SingleRecordInfo(d));
      merged.push_back(std::move(d));
    } else {
      MergeInfo info;
      merged[it->second] = MergeRecords(merged[it->second], infos[it->second], d, SingleRecordInfo(d), &info);
      infos[it->second] = std::move(info);
    }
  }
  for (auto& d : merged) r.docs.push_back(Analyze(std::move(d), analyzer, steps));
  return r;
}

// ProcessBundle, with running out of memory (a file too large for a memory
// limit: prlimit --as, a container's cap) failing the bundle's files
// instead of ending the run with std::terminate (issue 11). Readers catch
// their own; this catches the analysis and extraction after them.
BundleResult ProcessBundleOrFail(const Bundle& bundle, const std::vector<std::optional<ManifestEntry>>& old,
                                 Analyzer& analyzer, const DocumentSteps& steps) {
  std::string why;
  try {
    return ProcessBundle(bundle, old, analyzer, steps);
  } catch (const std::bad_alloc&) {
    why = "out of memory while analysing the file; the run went on without it";
  } catch (const std::exception& e) {
    why = std::string("analysis failed: ") + e.what();
  }
  BundleResult r;
  for (const FoundFile& f : bundle.files) r.failed.push_back({f.path, why});
  return r;
}

// A progress line on stderr: files, MB, rate, ETA.
class Progress {
 public:
  Progress(bool enabled, uint64_t files, uint64_t bytes) : enabled_(enabled), files_(files), bytes_(bytes) {}
  void Update(uint64_t files_done, uint64_t bytes_done, bool force = false) {
    if (!enabled_) return;
    auto now = Clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double mb = bytes_done / 1e6, rate = secs > 0 ? mb / secs : 0;
    double eta = rate > 0 && bytes_ > bytes_done ? (bytes_ - bytes_done) / 1e6 / rate : 0;
    std::fprintf(stderr, "\r\033[Kingest: %llu/%llu files  %.1f/%.1f MB  %.2f MB/s  ETA %.0fs",
                 static_cast<unsigned long long>(files_done), static_cast<unsigned long long>(files_), mb,
                 bytes_ / 1e6, rate, eta);
    std::fflush(stderr);
  }
  void Message(const char* what) {
    if (!enabled_) return;
    std::fprintf(stderr, "\r\033[Kingest: %s", what);
    std::fflush(stderr);
  }
  void Done() {
    if (enabled_) std::fprintf(stderr, "\r\033[K");
  }

 private:
  bool enabled_;
  uint64_t files_, bytes_;
  Clock::time_point start_ = Clock::now(), last_{};
};

// Holds DIR/LOCK for the whole run, so that two ingests never interleave.
class RunLock {
 public:
  Status Acquire(const std::string& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return Status::IoError("cannot create index folder " + dir + ": " + ec.message());
    fd_ = ::open((fs::path(dir) / "LOCK").c_str(), O_RDWR | O_CREAT, 0644);
    if (fd_ < 0) return Status::IoError("cannot write to index folder " + dir);
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0)
      return Status::IoError("index " + dir + " is being written by another lode process");
    return Status::Ok();
  }
  ~RunLock() {
    if (fd_ >= 0) ::close(fd_);
  }

 private:
  int fd_ = -1;
};

void Collect(BundleResult& r, IngestSummary& sum) {
  for (auto& p : r.failed) sum.failed.push_back(std::move(p));
  for (auto& p : r.skipped) sum.skipped.push_back(std::move(p));
  for (auto& p : r.warnings) sum.warnings.push_back(std::move(p));
}

unsigned ThreadCount(unsigned requested) {
  if (requested) return requested;
  unsigned hw = std::thread::hardware_concurrency();
  return hw ? hw : 2;
}

uint64_t TotalBytes(const std::vector<Bundle>& bundles) {
  uint64_t b = 0;
  for (const auto& bu : bundles)
    for (const auto& f : bu.files) b += f.size;
  return b;
}

// Build mode: every worker fills its own shard; shards are compacted and
// published at the end. Bundles go to workers round-robin, so the same input
// gives the same index.
Status Build(const IngestOptions& opt, const std::vector<Bundle>& bundles, const DocumentSteps& steps,
             const SynonymTable& synonyms, IngestSummary& sum) {
  sum.mode = "build";
  auto work = MakeWorkDir(opt.index_dir);
  if (!work.ok()) return work.status();
  const unsigned n = std::max(1u, std::min<unsigned>(ThreadCount(opt.threads), bundles.size() ? bundles.size() : 1));
  std::vector<std::string> shard_paths;
  std::vector<std::unique_ptr<ShardBuilder>> shards;
  for (unsigned i = 0; i < n; ++i) {
    auto s = ShardBuilder::Create((fs::path(*work) / ("shard-" + std::to_string(i))).string(),
                                  WriteOptions{opt.flush_every});
    if (!s.ok()) return s.status();
    shard_paths.push_back((*s)->path());
    shards.push_back(std::move(s).value());
  }
  // The compactor carries the synonym table of the first shard into the index.
  if (Status st = shards[0]->ReplaceSynonyms(synonyms); !st.ok()) return st;
  std::atomic<uint64_t> files_done{0}, bytes_done{0};
  std::vector<IngestSummary> partial(n);
  std::vector<Status> errors(n);
  std::vector<std::thread> workers;
  auto work_of = [&](unsigned w) {
      Analyzer analyzer;
      for (size_t i = w; i < bundles.size(); i += n) {
        BundleResult r = ProcessBundleOrFail(bundles[i], {}, analyzer, steps);
        Collect(r, partial[w]);
        partial[w].files_read += r.files.size() + r.failed.size();
        partial[w].added += r.docs.size();
        if (!r.files.empty() || !r.docs.empty()) {
          Status s = shards[w]->PutBundle(r.files, r.docs);
          if (s.code() == Status::Code::kTooLarge) {
            // Nothing of the bundle was written: its files failed, the run goes on.
            for (const auto& f : r.files) partial[w].failed.push_back({f.path, s.message()});
            partial[w].added -= r.docs.size();
          } else if (!s.ok() && errors[w].ok()) {
            errors[w] = s.WithContext("indexing " + bundles[i].files[0].path);
          }
        }
        files_done += bundles[i].files.size();
        bytes_done += r.bytes;
      }
      Status s = shards[w]->Commit();
      if (!s.ok() && errors[w].ok()) errors[w] = s;
  };
  // A worker the system cannot start (threads count against a memory
  // limit) does its share on this thread instead (issue 11: the
  // std::system_error ended the run with std::terminate).
  std::vector<unsigned> not_started;
  for (unsigned w = 0; w < n; ++w) {
    try {
      workers.emplace_back(work_of, w);
    } catch (const std::system_error&) {
      not_started.push_back(w);
    }
  }
  for (unsigned w : not_started) work_of(w);
  Progress progress(opt.progress, sum.files, TotalBytes(bundles));
  uint64_t total_files = sum.files;
  while (files_done.load() < total_files) {
    progress.Update(files_done.load(), bytes_done.load());
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  for (auto& t : workers) t.join();
  progress.Update(files_done.load(), bytes_done.load(), true);
  for (auto& s : errors)
    if (!s.ok()) return s;
  for (auto& p : partial) {
    for (auto& f : p.failed) sum.failed.push_back(std::move(f));
    for (auto& s : p.skipped) sum.skipped.push_back(std::move(s));
    for (auto& s : p.warnings) sum.warnings.push_back(std::move(s));
    sum.files_read += p.files_read;
  }
  sum.bytes_read = bytes_done.load();
  shards.clear();  // close before compacting
  progress.Message("compacting and publishing the index...");
  Status s = PublishShards(opt.index_dir, shard_paths);
  progress.Done();
  return s;
}

// Update mode: workers read and analyse changed bundles; this thread writes
// them in discovery order (deterministic) with a bounded window in flight.
Status Update(const IngestOptions& opt, const std::vector<Bundle>& bundles, const std::vector<FoundFile>& found,
              const DocumentSteps& steps, const SynonymTable& synonyms, IndexWriter& writer, IngestSummary& sum) {
  sum.mode = "update";
  std::vector<size_t> todo;
  std::vector<std::vector<std::optional<ManifestEntry>>> old(bundles.size());
  std::vector<std::string> unchanged_paths;
  for (size_t i = 0; i < bundles.size(); ++i) {
    bool same = true;
    for (const auto& f : bundles[i].files) {
      auto e = writer.Lookup(f.path);
      if (!e.ok()) return e.status();
      same = same && *e && (*e)->size == f.size && (*e)->mtime_ns == f.mtime_ns;
      old[i].push_back(std::move(*e));
    }
    if (same) {
      for (const auto& f : bundles[i].files) unchanged_paths.push_back(f.path);
    } else {
      todo.push_back(i);
    }
  }

  const unsigned n = ThreadCount(opt.threads);
  const size_t window = 64 * n;
  std::vector<std::optional<BundleResult>> results(todo.size());
  std::mutex mu;
  std::condition_variable produced, consumed;
  size_t next = 0, written = 0;
  std::atomic<uint64_t> files_done{0}, bytes_done{0};
  std::vector<std::thread> workers;
  auto work = [&] {
      Analyzer analyzer;
      for (;;) {
        size_t k;
        {
          std::unique_lock<std::mutex> lock(mu);
          consumed.wait(lock, [&] { return next >= todo.size() || next < written + window; });
          if (next >= todo.size()) return;
          k = next++;
        }
        BundleResult r = ProcessBundleOrFail(bundles[todo[k]], old[todo[k]], analyzer, steps);
        files_done += bundles[todo[k]].files.size();
        bytes_done += r.bytes;
        std::lock_guard<std::mutex> lock(mu);
        results[k] = std::move(r);
        produced.notify_all();
      }
  };
  // Threads count against a memory limit: fewer workers if the system
  // refuses some, a clear error if it refuses all (issue 11).
  std::string refused;
  for (unsigned w = 0; w < n && !todo.empty(); ++w) {
    try {
      workers.emplace_back(work);
    } catch (const std::system_error& e) {
      refused = e.what();
      break;
    }
  }
  if (workers.empty() && !todo.empty())
    return Status::IoError("cannot start a worker thread (" + refused + "); is the memory limit too low?");
  uint64_t total_bytes = 0;
  for (size_t i : todo)
    for (const auto& f : bundles[i].files) total_bytes += f.size;
  uint64_t todo_files = 0;
  for (size_t i : todo) todo_files += bundles[i].files.size();
  Progress progress(opt.progress, todo_files, total_bytes);
  Status status;
  std::set<uint32_t> unchanged_docs;
  for (size_t k = 0; k < todo.size(); ++k) {
    BundleResult r;
    {
      std::unique_lock<std::mutex> lock(mu);
      while (!results[k]) {
        produced.wait_for(lock, std::chrono::milliseconds(200));
        if (!results[k]) {
          lock.unlock();
          progress.Update(files_done.load(), bytes_done.load());
          lock.lock();
        }
      }
      r = std::move(*results[k]);
      results[k].reset();
      written = k + 1;
      consumed.notify_all();
    }
    Collect(r, sum);
    if (!status.ok()) continue;
    if (r.content_unchanged) {
      status = writer.RecordSources(r.files);
      std::vector<std::string> paths;
      for (const auto& f : r.files) paths.push_back(f.path);
      auto docs = writer.DocumentsOf(paths);
      if (!docs.ok() && status.ok()) status = docs.status();
      else unchanged_docs.insert(docs->begin(), docs->end());
      continue;
    }
    sum.files_read += r.files.size() + r.failed.size();
    status = writer.PutBundle(r.files, r.docs);
    if (status.code() == Status::Code::kTooLarge) {
      // Out of memory storing this bundle: nothing of it was written, its
      // files fail and the run goes on, as in a build (issue 11). The
      // manifest does not list them, so the next run tries them again.
      for (const auto& f : r.files) sum.failed.push_back({f.path, status.message()});
      status = Status::Ok();
    }
    if (!status.ok() && !r.files.empty()) status = status.WithContext("indexing " + r.files[0].path);
    progress.Update(files_done.load(), bytes_done.load());
  }
  for (auto& t : workers) t.join();
  progress.Done();
  if (!status.ok()) return status;
  sum.bytes_read = bytes_done.load();

  if (opt.prune) {
    // Files under the given roots that the manifest knows but discovery did not find.
    std::set<std::string> present;
    for (const auto& f : found) present.insert(f.path);
    std::vector<std::string> roots;
    for (const auto& p : opt.paths) roots.push_back(internal::AbsolutePath(p));
    std::vector<std::string> gone;
    auto manifest = writer.Manifest();
    if (!manifest.ok()) return manifest.status();
    for (const auto& e : *manifest) {
      if (present.count(e.path)) continue;
      bool under = false;
      for (const auto& r : roots) under = under || e.path == r || e.path.rfind(r + "/", 0) == 0;
      std::error_code ec;
      if (under && !fs::exists(e.path, ec)) gone.push_back(e.path);
    }
    if (!gone.empty()) {
      Status s = writer.RemoveSources(gone);
      if (!s.ok()) return s;
    }
  }
  auto unchanged = writer.DocumentsOf(unchanged_paths);
  if (!unchanged.ok()) return unchanged.status();
  unchanged_docs.insert(unchanged->begin(), unchanged->end());
  auto counts = writer.counts();
  sum.added = counts.added;
  sum.updated = counts.updated;
  sum.removed = counts.removed;
  sum.unchanged = unchanged_docs.size();
  // The knowledge base may have changed since the last run.
  if (Status st = writer.ReplaceSynonyms(synonyms); !st.ok()) return st;
  return writer.Commit();
}

}  // namespace

Result<IngestSummary> Ingest(const IngestOptions& opt) {
  auto start = Clock::now();
  xmlInitParser();
  IngestSummary sum;
  RunLock lock;
  Status s = lock.Acquire(opt.index_dir);
  if (!s.ok()) return s;

  // The knowledge base: built in, plus the user's files (the one loader the
  // query session uses too). A bad file is an error for the whole run
  // (every document would be linked differently).
  auto kb = KnowledgeBase::Load(opt.kb_files);
  if (!kb.ok()) return kb.status();
  std::unique_ptr<Extractor> extractor;
  SynonymTable synonyms;  // they expand to extraction terms: none without extraction
  if (opt.extract) {
    extractor = std::make_unique<Extractor>(*kb);
    Analyzer analyzer;
    synonyms = SynonymsFromKnowledgeBase(*kb, analyzer);
  }

  std::vector<FoundFile> found = internal::Discover(opt.paths, opt.index_dir, &sum.failed);
  sum.files = found.size();
  std::vector<Bundle> bundles = internal::MakeBundles(found);

  // issue 13: a sharded layout (lode shard) is updated in place, shard by
  // shard; it is never rebuilt from here.
  const bool sharded = IsShardedIndex(opt.index_dir);
  if (sharded && opt.rebuild)
    return Status::InvalidArgument(opt.index_dir + " is a sharded layout: --rebuild is not supported there; "
                                   "rebuild an unsharded index and split it again with lode shard");
  // Replication (README "Shards"): xapian-replicate sends a commit as a small
  // changeset only when the writer keeps changesets; without them every pull
  // after a commit is a full copy of each shard. A sharded layout is the one
  // meant to be replicated, so keep the last 10 unless the operator chose.
  if (sharded) ::setenv("XAPIAN_MAX_CHANGESETS", "10", /*overwrite=*/0);
  const bool has_index = sharded || fs::exists(fs::path(opt.index_dir) / "CURRENT");
  if (!has_index || opt.rebuild) {
    s = Build(opt, bundles, DocumentSteps{*kb, extractor.get()}, synonyms, sum);
    if (!s.ok()) return s;
    // Documents after merging formats and ids: what the new index holds.
    auto writer = IndexWriter::Open(opt.index_dir);
    if (!writer.ok()) return writer.status();
    auto count = (*writer)->DocumentCount();
    if (!count.ok()) return count.status();
    sum.documents = *count;
    sum.added = sum.documents;
  } else {
    auto writer = IndexWriter::Open(opt.index_dir, WriteOptions{opt.flush_every});
    if (!writer.ok()) return writer.status();
    s = Update(opt, bundles, found, DocumentSteps{*kb, extractor.get()}, synonyms, **writer, sum);
    if (!s.ok()) return s;
    auto count = (*writer)->DocumentCount();
    if (!count.ok()) return count.status();
    sum.documents = *count;
  }
  auto by_path = [](const IngestProblem& a, const IngestProblem& b) { return a.path < b.path; };
  std::sort(sum.failed.begin(), sum.failed.end(), by_path);
  std::sort(sum.skipped.begin(), sum.skipped.end(), by_path);
  std::sort(sum.warnings.begin(), sum.warnings.end(), by_path);
  sum.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return sum;
}

}  // namespace lodestone
