// lode-bench: how fast Lodestone ingests and searches the policy corpus,
// next to two reference points measured in the same run:
//  * the "bare Xapian floor": one thread feeding already extracted plain
//    text to Xapian's TermGenerator. It does no reading, parsing, metadata,
//    segmentation or merging, so it is the least a Xapian indexer spends on
//    the same text. It runs over every extracted document, and again over
//    one text per document id, which is what Lodestone indexes after it
//    merges the formats of one document (EO 13603 as .xml/.html/.htm/.json);
//  * recollindex (Recoll), a desktop full-text indexer, on the same files.
// Then it times searches (with and without snippets) on the Lodestone index.
//
// The program prints figures and asserts nothing about them: a shared
// machine is noisy, so compare figures within one run only. The last line
// is the same figures as one JSON object, for CI logs.
//
// Usage: lode-bench [--corpus DIR] [--work DIR] [--scale N] [--queries N]
//                   [--no-recoll] [--keep]
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "lodestone/index/merge.h"
#include "lodestone/index/searcher.h"
#include "lodestone/ingest/analyzer.h"
#include "lodestone/ingest/pipeline.h"
#include "lodestone/ingest/readers.h"
#include "lodestone/query/snippet.h"
#include "peers.h"

namespace fs = std::filesystem;

namespace lodestone::bench {
namespace {

using Clock = std::chrono::steady_clock;

// The corpus folders indexed by every engine (about 6,200 files, 48 MB).
const char* const kInputFolders[] = {"fr-eo-1994-2020", "wh-briefings"};

// Bytes of a file's head that DetectFormat sees (as in the ingest pipeline).
constexpr size_t kHeadBytes = 64 * 1024;

// Marks a folder as a lode-bench work folder, so that --work never empties
// a folder that belongs to someone else.
constexpr char kWorkMarker[] = ".lode-bench";

// Typical queries: words, phrases, booleans, NEAR, fields, ranges,
// wildcards, and one with facets.
struct BenchQuery {
  const char* text;
  bool facets;
};
const BenchQuery kQueries[] = {
    {"critical minerals", false},
    {"\"national defense resources preparedness\"", false},
    {"lithium OR cobalt", false},
    {"kind:executive_order", false},
    // Xapian reads NEAR as an operator only between single words: in
    // "supply chain NEAR/5 minerals" it is plain text (and finds nothing).
    {"supply NEAR/5 chains NEAR/5 minerals", false},
    {"year:2017..2021 rare earth", false},
    {"date:2020-01-01..2022-12-31 graphite", false},
    {"title:sanctions", false},
    {"strateg*", false},
    {"defense production act", false},
    {"export controls china", false},
    {"national emergency", false},
    {"\"Secretary of the Interior\"", false},
    {"semiconductors", false},
    {"tariffs", false},
    {"stockpile", false},
    {"battery supply chain", false},
    {"kind:proclamation steel", false},
    {"\"International Emergency Economic Powers Act\" iran", false},
    {"critical minerals", true},
};

struct Options {
  std::string corpus = "../shared/corpus";
  std::string work;  // empty: a fresh folder from mkdtemp
  int scale = 1;
  int queries = 20;
  bool recoll = true;
  bool keep = false;
};

// The files every engine indexes, and the folders handed to each of them.
struct InputSet {
  std::vector<std::string> roots;
  size_t roots_per_copy = 1;  // roots[0..roots_per_copy) are the first copy
  uint64_t files = 0;
  uint64_t bytes = 0;
};

// Plain texts of the documents the readers find in the input (untimed).
// `all` lists every document of every input copy (D in the report); `merged`
// lists one per id, the text that Lodestone keeps when it merges the formats
// of a document (EO 13603 as .xml, .html, .htm and .json is one document).
// Both index into `texts`, which holds one copy of the input only.
struct Extracted {
  std::vector<std::string> texts;
  std::vector<size_t> all, merged;
  uint64_t text_bytes = 0;         // of `all`
  uint64_t merged_text_bytes = 0;  // of `merged`
  uint64_t files_read = 0;         // per copy
  uint64_t failed = 0;
  std::map<std::string, uint64_t> skipped;  // reason -> files, per copy
};

struct RecollRun {
  std::string note;  // why it did not run, or what went wrong
  std::optional<double> seconds;
  std::optional<uint64_t> docs;
  std::map<std::string, uint64_t> by_mime;
};

struct Percentiles {
  double p50 = 0, p95 = 0;
};

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double Mb(uint64_t bytes) { return bytes / 1e6; }

// 6203 -> "6,203".
std::string WithCommas(uint64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}

std::string Fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return ss.str();
}

uint64_t FolderBytes(const std::string& dir) {
  uint64_t total = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  return total;
}

// Nearest-rank percentile of `ms` (sorted in place).
Percentiles Summarize(std::vector<double>& ms) {
  Percentiles p;
  if (ms.empty()) return p;
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<size_t>(std::ceil(q * ms.size())) - 1)]; };
  p.p50 = at(0.50);
  p.p95 = at(0.95);
  return p;
}

// Sets an environment variable for a scope; restores the old value after.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value)
      ::setenv(name, value, 1);
    else
      ::unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_)
      ::setenv(name_, old_->c_str(), 1);
    else
      ::unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

// ---------------------------------------------------------------- setup

// Creates (or reuses) the work folder. A folder given with --work must be
// new, empty, or an earlier lode-bench work folder.
std::string PrepareWork(const Options& opt) {
  std::string work = opt.work;
  if (work.empty()) {
    std::string templ = (fs::temp_directory_path() / "lode-bench-XXXXXX").string();
    if (!::mkdtemp(templ.data())) throw std::runtime_error("cannot create a temporary folder");
    work = templ;
  } else {
    work = fs::absolute(work).lexically_normal().string();
    std::error_code ec;
    if (fs::exists(work) && !fs::is_empty(work, ec) && !fs::exists(fs::path(work) / kWorkMarker))
      throw std::runtime_error(work + " is not empty and not a lode-bench work folder; choose a new folder");
    fs::create_directories(work);
  }
  std::ofstream(fs::path(work) / kWorkMarker) << "work folder of lode-bench; safe to delete\n";
  // Results of an earlier run in the same folder would skew this one.
  for (const char* sub : {"input", "floor", "floor-flush1000", "floor-merged", "lode", "recoll-conf", "recoll.log"})
    fs::remove_all(fs::path(work) / sub);
  return work;
}

// The input folders: the corpus folders in place at scale 1, else `scale`
// copies of them under WORK/input/copy-k (the copies are untimed).
InputSet PrepareInput(const Options& opt, const std::string& work) {
  InputSet in;
  std::vector<fs::path> sources;
  for (const char* folder : kInputFolders) {
    fs::path p = fs::absolute(fs::path(opt.corpus) / folder).lexically_normal();
    if (!fs::is_directory(p)) throw std::runtime_error("corpus folder not found: " + p.string());
    sources.push_back(p);
  }
  if (opt.scale == 1) {
    for (const auto& p : sources) in.roots.push_back(p.string());
    in.roots_per_copy = in.roots.size();
  } else {
    for (int k = 1; k <= opt.scale; ++k) {
      fs::path copy = fs::path(work) / "input" / ("copy-" + std::to_string(k));
      for (const auto& p : sources) {
        fs::create_directories(copy / p.filename());
        fs::copy(p, copy / p.filename(), fs::copy_options::recursive);
      }
      // One root per copy, so that keys (and the doc: ids made from them)
      // differ between copies. Ids read from the documents themselves
      // (eo:13603) are the same in every copy, and Lodestone merges those.
      in.roots.push_back(copy.string());
    }
  }
  for (const auto& root : in.roots) {
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      if (!e.is_regular_file()) continue;
      ++in.files;
      in.bytes += e.file_size();
    }
  }
  return in;
}

// Reads every input file with Lodestone's readers, as discovery names it
// (key "<root folder name>/<path below it>"), and keeps the plain text of
// each document. The copies of --scale are byte-identical and walked in the
// same order, so texts are kept for the first copy only; the other copies
// are still parsed, because a document's id may depend on its key.
Extracted ExtractTexts(const InputSet& in) {
  struct Richest {
    std::string format;
    size_t text = 0;
  };
  Extracted out;
  std::map<std::string, Richest> by_id;
  // Whether document (format, text index) a has a richer text than b, by
  // Lodestone's own rule.
  auto richer = [&](const Richest& a, const Richest& b) {
    Document da, db;
    da.format = a.format;
    da.richness = FormatRichness(a.format);
    da.text = out.texts[a.text];
    db.format = b.format;
    db.richness = FormatRichness(b.format);
    db.text = out.texts[b.text];
    return TextIsRicher(da, db);
  };
  size_t next_text = 0;  // in a later copy: the text index of its next document
  for (size_t r = 0; r < in.roots.size(); ++r) {
    const bool first_copy = r < in.roots_per_copy;
    if (r % in.roots_per_copy == 0) next_text = 0;
    const fs::path root(in.roots[r]);
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(root))
      if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      if (first_copy) ++out.files_read;
      auto bytes = ReadFile(path.string());
      if (!bytes) {
        if (first_copy) ++out.failed;
        continue;
      }
      Detection det = DetectFormat(path.string(), std::string_view(*bytes).substr(0, kHeadBytes));
      if (det.format.empty()) {
        if (first_copy) ++out.skipped[det.skip_reason];
        continue;
      }
      const std::string key = (root.filename() / path.lexically_relative(root)).string();
      auto docs = ReadDocuments(det.format, FileInput{path.string(), key, std::move(*bytes)});
      if (!docs.ok()) {
        if (first_copy) ++out.failed;
        continue;
      }
      for (auto& d : *docs) {
        if (first_copy) out.texts.push_back(std::move(d.text));
        const Richest doc{d.format, first_copy ? out.texts.size() - 1 : next_text++};
        out.all.push_back(doc.text);
        out.text_bytes += out.texts[doc.text].size();
        auto [it, inserted] = by_id.emplace(d.id, doc);
        if (!inserted && !richer(it->second, doc)) it->second = doc;
      }
    }
  }
  for (const auto& [id, doc] : by_id) {
    out.merged.push_back(doc.text);
    out.merged_text_bytes += out.texts[doc.text].size();
  }
  return out;
}

// ---------------------------------------------------------------- engines

// The bare Xapian floor: one thread, TermGenerator (English stems,
// positions) over texts[i] for i in `docs`, the text stored as document
// data, one commit at the end, into a new glass database.
double RunFloor(const std::vector<std::string>& texts, const std::vector<size_t>& docs,
                const std::string& db_path) {
  const auto start = Clock::now();
  Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  for (size_t i : docs) {
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(texts[i]);
    doc.set_data(texts[i]);
    db.add_document(doc);
  }
  db.commit();
  db.close();
  return SecondsSince(start);
}

// Lodestone's ingest with all cores; returns the summary (timed by caller).
IngestSummary RunLode(const InputSet& in, const std::string& index_dir) {
  IngestOptions opt;
  opt.paths = in.roots;
  opt.index_dir = index_dir;
  opt.threads = 0;
  auto sum = Ingest(opt);
  if (!sum.ok()) throw std::runtime_error("lode ingest: " + sum.status().message());
  return std::move(sum).value();
}

// Counts documents in Recoll's index, by MIME type (Recoll's "T" terms).
void CountRecollDocs(const fs::path& db_path, RecollRun* run) {
  try {
    Xapian::Database db(db_path.string());
    run->docs = db.get_doccount();
    for (auto t = db.allterms_begin("T"); t != db.allterms_end("T"); ++t)
      run->by_mime[(*t).substr(1)] = t.get_termfreq();
  } catch (const Xapian::Error& e) {
    run->note = "cannot open recoll's index: " + e.get_msg();
  }
}

// recollindex over `roots`, configured in WORK/<name>-conf, logging to
// WORK/<name>.log.
RecollRun RunRecoll(const Options& opt, const std::vector<std::string>& roots, const std::string& work,
                    const std::string& name = "recoll") {
  RecollRun run;
  if (!opt.recoll) {
    run.note = "skipped (--no-recoll)";
    return run;
  }
  if (!OnPath("recollindex")) {
    run.note = "not installed";
    return run;
  }
  const fs::path conf = fs::path(work) / (name + "-conf");
  WriteRecollConfig(roots, conf);
  const std::string log = (fs::path(work) / (name + ".log")).string();
  const std::string cmd =
      "recollindex -c " + ShellQuote(conf.string()) + " -z >" + ShellQuote(log) + " 2>&1 </dev/null";
  const auto start = Clock::now();
  const int rc = std::system(cmd.c_str());
  const double seconds = SecondsSince(start);
  if (rc == -1 || !WIFEXITED(rc) || WEXITSTATUS(rc) != 0) {
    run.note = "recollindex failed (exit status " + std::to_string(WIFEXITED(rc) ? WEXITSTATUS(rc) : rc) +
               "), see " + log;
    return run;
  }
  run.seconds = seconds;
  CountRecollDocs(conf / "xapiandb", &run);
  return run;
}

// ---------------------------------------------------------------- search

struct SearchFigures {
  Percentiles with_snippets, without_snippets;
  size_t runs = 0;  // timed searches per variant
};

// Times every query `repeat` times with snippets for the top 10 hits, then
// `repeat` times without. Both include query segmentation.
SearchFigures RunSearches(const std::string& index_dir, int repeat) {
  auto opened = Searcher::Open(index_dir);
  if (!opened.ok()) throw std::runtime_error("opening lode index: " + opened.status().message());
  Searcher& searcher = **opened;
  Analyzer analyzer;
  std::vector<double> with_ms, without_ms;
  size_t snippet_bytes = 0;  // consumed, so that snippets cannot be elided

  std::printf("  %-52s %10s %12s\n", "query", "hits", "p50 ms(snip)");
  for (const BenchQuery& q : kQueries) {
    uint64_t total = 0;
    std::vector<double> this_query;
    for (int with_snippets = 1; with_snippets >= 0; --with_snippets) {
      for (int i = 0; i < repeat; ++i) {
        const auto start = Clock::now();
        SearchRequest req;
        req.query = analyzer.SegmentQuery(q.text);
        req.limit = 10;
        req.facets = q.facets;
        auto res = searcher.Search(req);
        if (!res.ok()) throw std::runtime_error(std::string("query ") + q.text + ": " + res.status().message());
        if (with_snippets) {
          for (const Hit& h : res->hits)
            snippet_bytes += MakeSnippet(h.doc.text.empty() ? h.doc.title : h.doc.text, res->words, res->stems,
                                         analyzer)
                                 .size();
        }
        const double ms = SecondsSince(start) * 1e3;
        (with_snippets ? with_ms : without_ms).push_back(ms);
        if (with_snippets) this_query.push_back(ms);
        total = res->total;
      }
    }
    const std::string label = std::string(q.text) + (q.facets ? "  [facets]" : "");
    std::printf("  %-52s %10s %12.2f\n", label.c_str(), WithCommas(total).c_str(), Summarize(this_query).p50);
  }
  std::printf("  (%s bytes of snippets built)\n", WithCommas(snippet_bytes).c_str());
  SearchFigures f;
  f.runs = with_ms.size();
  f.with_snippets = Summarize(with_ms);
  f.without_snippets = Summarize(without_ms);
  return f;
}

// ---------------------------------------------------------------- report

// One row of the final table. Rates are over the same input for every
// engine (input-file bytes, extracted text bytes T, extracted documents D),
// so that they compare like the seconds do.
void PrintRow(const char* engine, double seconds, const InputSet& in, const Extracted& ex, double floor_seconds,
              bool rates, std::optional<uint64_t> index_bytes) {
  auto rate = [&](double amount, int decimals) { return rates ? Fixed(amount / seconds, decimals) : "-"; };
  std::printf("%-30s %8.2f %9s %11s %8s %9sx %9s\n", engine, seconds, rate(Mb(in.bytes), 2).c_str(),
              rate(Mb(ex.text_bytes), 2).c_str(), rate(static_cast<double>(ex.all.size()), 0).c_str(),
              Fixed(floor_seconds / seconds, 2).c_str(), index_bytes ? Fixed(Mb(*index_bytes), 1).c_str() : "-");
}

std::string JsonNumber(std::optional<double> v, int decimals = 3) {
  return v && std::isfinite(*v) ? Fixed(*v, decimals) : "null";
}

std::string LoadAverage() {
  double load[3];
  if (::getloadavg(load, 3) != 3) return "?";
  return Fixed(load[0], 2) + " " + Fixed(load[1], 2) + " " + Fixed(load[2], 2);
}

int Run(const Options& opt) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const std::string load_before = LoadAverage();
  const std::string work = PrepareWork(opt);
  std::printf("lode-bench: work folder %s%s\n", work.c_str(),
              opt.work.empty() && !opt.keep ? " (removed at exit; --keep keeps it)" : "");

  InputSet in = PrepareInput(opt, work);
  std::printf("input: %s files, %.1f MB in %zu folder(s)\n", WithCommas(in.files).c_str(), Mb(in.bytes),
              in.roots.size());

  std::fflush(stdout);
  const auto extract_start = Clock::now();
  const Extracted ex = ExtractTexts(in);
  uint64_t skipped_files = 0;
  for (const auto& [reason, n] : ex.skipped) skipped_files += n;
  std::printf("extracted (untimed, %.1f s): %s documents, %.1f MB text; per copy %s files, %s skipped, %s failed\n",
              SecondsSince(extract_start), WithCommas(ex.all.size()).c_str(), Mb(ex.text_bytes),
              WithCommas(ex.files_read).c_str(), WithCommas(skipped_files).c_str(), WithCommas(ex.failed).c_str());
  for (const auto& [reason, n] : ex.skipped) std::printf("  skipped %s: %s\n", WithCommas(n).c_str(), reason.c_str());
  std::printf("  one text per id, as lode merges formats: %s documents, %.1f MB text\n",
              WithCommas(ex.merged.size()).c_str(), Mb(ex.merged_text_bytes));
  if (ex.all.empty()) throw std::runtime_error("no documents extracted from " + opt.corpus);

  // 1. The floor: at Xapian's default flush threshold, at 1000, and over
  //    the texts Lodestone keeps (one per document id).
  const fs::path floor_dir = fs::path(work) / "floor", floor1000_dir = fs::path(work) / "floor-flush1000",
                 floor_merged_dir = fs::path(work) / "floor-merged";
  double floor_s, floor1000_s, floor_merged_s;
  {
    ScopedEnv env("XAPIAN_FLUSH_THRESHOLD", nullptr);
    std::fflush(stdout);
    floor_s = RunFloor(ex.texts, ex.all, floor_dir.string());
    std::printf("bare Xapian floor: %.2f s\n", floor_s);
    std::fflush(stdout);
    floor_merged_s = RunFloor(ex.texts, ex.merged, floor_merged_dir.string());
    std::printf("bare Xapian floor, one text per id: %.2f s\n", floor_merged_s);
    std::fflush(stdout);
  }
  {
    ScopedEnv env("XAPIAN_FLUSH_THRESHOLD", "1000");
    floor1000_s = RunFloor(ex.texts, ex.all, floor1000_dir.string());
  }
  std::printf("bare Xapian floor, flush 1000: %.2f s\n", floor1000_s);
  std::fflush(stdout);

  // 2. Lodestone: a fresh build (parallel shards), then a run with no changes.
  const std::string lode_dir = (fs::path(work) / "lode").string();
  auto start = Clock::now();
  const IngestSummary build = RunLode(in, lode_dir);
  const double lode_s = SecondsSince(start);
  std::printf("lode ingest (%s): %.2f s, %s documents in the index, %s file(s) skipped, %s failed\n",
              build.mode.c_str(), lode_s, WithCommas(build.documents).c_str(),
              WithCommas(build.skipped.size()).c_str(), WithCommas(build.failed.size()).c_str());
  std::fflush(stdout);
  start = Clock::now();
  const IngestSummary again = RunLode(in, lode_dir);
  const double again_s = SecondsSince(start);
  std::printf("lode ingest again (%s): %.2f s, %s unchanged, %s added, %s updated\n", again.mode.c_str(), again_s,
              WithCommas(again.unchanged).c_str(), WithCommas(again.added).c_str(),
              WithCommas(again.updated).c_str());
  std::fflush(stdout);

  // 3. recollindex on the same folders.
  const RecollRun recoll = RunRecoll(opt, in.roots, work);
  if (recoll.seconds) {
    std::printf("recollindex: %.2f s, %s documents in its index", *recoll.seconds,
                recoll.docs ? WithCommas(*recoll.docs).c_str() : "?");
    const char* sep = " (";
    for (const auto& [mime, n] : recoll.by_mime) {
      std::printf("%s%s %s", sep, mime.c_str(), WithCommas(n).c_str());
      sep = ", ";
    }
    std::printf("%s\n", recoll.by_mime.empty() ? "" : ")");
  } else {
    std::printf("recollindex: %s\n", recoll.note.c_str());
  }
  std::fflush(stdout);

  // 4. Like for like on distinct files (issue 10): the GPO .htm page of
  //    every order (one file = one document for both engines; nothing for
  //    lode to merge), copied untimed into WORK/gpo-htm.
  const fs::path gpo_dir = fs::path(work) / "gpo-htm";
  uint64_t gpo_files = 0, gpo_bytes = 0;
  fs::create_directories(gpo_dir / "gpo-htm");
  for (const auto& e : fs::recursive_directory_iterator(fs::path(opt.corpus) / kInputFolders[0])) {
    if (!e.is_regular_file() || e.path().extension() != ".htm") continue;
    fs::copy_file(e.path(), gpo_dir / "gpo-htm" / e.path().filename(), fs::copy_options::overwrite_existing);
    ++gpo_files;
    gpo_bytes += e.file_size();
  }
  InputSet gpo_in;
  gpo_in.roots = {(gpo_dir / "gpo-htm").string()};
  gpo_in.files = gpo_files;
  gpo_in.bytes = gpo_bytes;
  const std::string gpo_lode_dir = (gpo_dir / "lode").string();
  start = Clock::now();
  const IngestSummary gpo_build = RunLode(gpo_in, gpo_lode_dir);
  const double gpo_lode_s = SecondsSince(start);
  std::printf("distinct files: %s GPO .htm pages, %.1f MB; lode ingest %.2f s, %s documents\n",
              WithCommas(gpo_files).c_str(), Mb(gpo_bytes), gpo_lode_s, WithCommas(gpo_build.documents).c_str());
  std::fflush(stdout);
  const RecollRun gpo_recoll = RunRecoll(opt, gpo_in.roots, gpo_dir.string());
  if (gpo_recoll.seconds)
    std::printf("distinct files: recollindex %.2f s, %s documents (one is the folder)\n", *gpo_recoll.seconds,
                gpo_recoll.docs ? WithCommas(*gpo_recoll.docs).c_str() : "?");
  std::fflush(stdout);

  // 5. Search latency on the Lodestone index.
  std::printf("search: %zu queries x %d runs each\n", std::size(kQueries), opt.queries);
  const SearchFigures search = RunSearches(lode_dir, opt.queries);

  // The table.
  std::printf("\nlode-bench: %s files, %.1f MB input, %s documents, %.1f MB text (scale %d), %u cores\n",
              WithCommas(in.files).c_str(), Mb(in.bytes), WithCommas(ex.all.size()).c_str(), Mb(ex.text_bytes),
              opt.scale, cores);
  std::printf("load average before/after: %s / %s\n", load_before.c_str(), LoadAverage().c_str());
  std::printf("%-30s %8s %9s %11s %8s %10s %9s\n", "engine", "seconds", "MB/s(in)", "MB/s(text)", "docs/s",
              "vs floor", "index MB");
  PrintRow("bare Xapian (TermGenerator)", floor_s, in, ex, floor_s, true, FolderBytes(floor_dir.string()));
  PrintRow("bare Xapian, flush 1000", floor1000_s, in, ex, floor_s, true, FolderBytes(floor1000_dir.string()));
  PrintRow("bare Xapian, one text per id", floor_merged_s, in, ex, floor_s, true,
           FolderBytes(floor_merged_dir.string()));
  PrintRow("lode ingest (build)", lode_s, in, ex, floor_s, true, FolderBytes(lode_dir));
  PrintRow("lode ingest (no changes)", again_s, in, ex, floor_s, false, std::nullopt);
  if (recoll.seconds)
    PrintRow("recollindex", *recoll.seconds, in, ex, floor_s, true,
             FolderBytes((fs::path(work) / "recoll-conf" / "xapiandb").string()));
  else
    std::printf("%-30s %s\n", "recollindex", recoll.note.c_str());

  std::optional<double> gpo_lode_vs_recoll;
  if (gpo_recoll.seconds) gpo_lode_vs_recoll = *gpo_recoll.seconds / gpo_lode_s;
  std::printf("%-30s %8.2f  (%s documents; recollindex %s s: lode/recollindex = %s)\n", "lode, GPO .htm only",
              gpo_lode_s, WithCommas(gpo_build.documents).c_str(),
              gpo_recoll.seconds ? Fixed(*gpo_recoll.seconds, 2).c_str() : "n/a",
              gpo_lode_vs_recoll ? (Fixed(*gpo_lode_vs_recoll, 2) + "x").c_str() : "n/a");

  const double lode_vs_floor = floor_s / lode_s, lode_vs_merged_floor = floor_merged_s / lode_s,
               again_vs_first = again_s / lode_s;
  std::optional<double> lode_vs_recoll;
  if (recoll.seconds) lode_vs_recoll = *recoll.seconds / lode_s;
  std::printf("ratios: lode/floor speed = %.2fx (lode/floor on one text per id = %.2fx), "
              "lode/recollindex speed = %s, re-ingest/first = %.2f\n",
              lode_vs_floor, lode_vs_merged_floor,
              lode_vs_recoll ? (Fixed(*lode_vs_recoll, 2) + "x").c_str() : "n/a", again_vs_first);
  std::printf("search p50/p95 (ms): with snippets %.2f/%.2f, without %.2f/%.2f over %zu queries\n",
              search.with_snippets.p50, search.with_snippets.p95, search.without_snippets.p50,
              search.without_snippets.p95, search.runs);

  // The same figures for machines, on one line.
  std::ostringstream json;
  json << "{\"scale\":" << opt.scale << ",\"cores\":" << cores << ",\"files\":" << in.files
       << ",\"input_bytes\":" << in.bytes << ",\"docs\":" << ex.all.size() << ",\"text_bytes\":" << ex.text_bytes
       << ",\"merged_docs\":" << ex.merged.size() << ",\"merged_text_bytes\":" << ex.merged_text_bytes
       << ",\"floor_s\":" << JsonNumber(floor_s) << ",\"floor_flush1000_s\":" << JsonNumber(floor1000_s)
       << ",\"floor_merged_s\":" << JsonNumber(floor_merged_s) << ",\"lode_s\":" << JsonNumber(lode_s)
       << ",\"lode_docs\":" << build.documents << ",\"lode_again_s\":" << JsonNumber(again_s)
       << ",\"recoll_s\":" << JsonNumber(recoll.seconds)
       << ",\"recoll_docs\":" << (recoll.docs ? std::to_string(*recoll.docs) : "null")
       << ",\"lode_vs_floor\":" << JsonNumber(lode_vs_floor)
       << ",\"lode_vs_merged_floor\":" << JsonNumber(lode_vs_merged_floor)
       << ",\"lode_vs_recoll\":" << JsonNumber(lode_vs_recoll) << ",\"gpo_files\":" << gpo_files
       << ",\"gpo_lode_s\":" << JsonNumber(gpo_lode_s) << ",\"gpo_lode_docs\":" << gpo_build.documents
       << ",\"gpo_recoll_s\":" << JsonNumber(gpo_recoll.seconds)
       << ",\"gpo_lode_vs_recoll\":" << JsonNumber(gpo_lode_vs_recoll) << ",\"again_vs_first\":" << JsonNumber(again_vs_first)
       << ",\"search_snippets_p50_ms\":" << JsonNumber(search.with_snippets.p50)
       << ",\"search_snippets_p95_ms\":" << JsonNumber(search.with_snippets.p95)
       << ",\"search_p50_ms\":" << JsonNumber(search.without_snippets.p50)
       << ",\"search_p95_ms\":" << JsonNumber(search.without_snippets.p95) << ",\"search_runs\":" << search.runs
       << "}";
  std::printf("%s\n", json.str().c_str());

  if (opt.work.empty() && !opt.keep) fs::remove_all(work);
  return 0;
}

}  // namespace
}  // namespace lodestone::bench

int main(int argc, char** argv) {
  lodestone::bench::Options opt;
  CLI::App app{"lode-bench: Lodestone ingest and search figures next to bare Xapian and recollindex"};
  app.add_option("--corpus", opt.corpus, "The shared corpus folder (default ../shared/corpus)");
  app.add_option("--work", opt.work, "Work folder (default: a fresh folder under /tmp)");
  app.add_option("--scale", opt.scale, "Index N copies of the input (default 1)")->check(CLI::PositiveNumber);
  app.add_option("--queries", opt.queries, "Runs of each search query (default 20)")->check(CLI::PositiveNumber);
  bool no_recoll = false;
  app.add_flag("--no-recoll", no_recoll, "Do not run recollindex");
  app.add_flag("--keep", opt.keep, "Keep the temporary work folder");
  CLI11_PARSE(app, argc, argv);
  opt.recoll = !no_recoll;
  try {
    return lodestone::bench::Run(opt);
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "lode-bench: xapian: %s\n", e.get_description().c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "lode-bench: %s\n", e.what());
  }
  return 1;
}
