// lode-bench-relevance: how well Lodestone ranks, next to Recoll (recollq)
// and Xapian's Omega (omindex + quest), on the same files in the same run.
//
// The collection is four folders of the real corpus (Federal Register orders
// 1994-2020, White House briefing-room pages 2021-2026, the PRC laws and the
// U.S. Code sections on critical minerals), indexed by each engine from the
// files themselves. Two labelled sets in tests/eval/ are scored:
//  * known-item queries (search-known-items.json): the title of a real
//    document, once in full and once as three of its words; the target is
//    that document;
//  * topical queries (search-topical.json): questions a critical-minerals
//    researcher asks, with graded judgements (0-3) made by reading the
//    documents (rules in tests/eval/RELEVANCE.md).
// Figures: MRR@10 and nDCG@10 per engine and set, separately for the dev
// split (tuned on) and the held-out split (not tuned on), and an ablation
// of Lodestone's ranking features.
//
// A peer indexes each file on its own, while Lodestone merges the formats
// of one order (EO_13603.xml/.html/.htm/.json) into one document. Every
// ranked list is therefore mapped to documents the same way before it is
// scored: a file stands for the Lodestone document it is a source of, later
// files of a document already listed are dropped, and files that are no
// document (the CSV index of the orders, PROVENANCE.md) are skipped. That
// is generous to the peers: their duplicates cost them no places.
//
// Usage: lode-bench-relevance [--corpus DIR] [--eval DIR] [--work DIR]
//                             [--keep] [--generate] [--pool FILE]
//                             [--lode-binary PATH] [--no-peers]
#include <sys/wait.h>
#include <unistd.h>

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "lodestone/index/searcher.h"
#include "lodestone/ingest/analyzer.h"
#include "lodestone/ingest/pipeline.h"
#include "peers.h"

namespace fs = std::filesystem;

namespace lodestone::bench {
namespace {

using Clock = std::chrono::steady_clock;

// The collection every engine indexes, relative to the corpus root.
const char* const kFolders[] = {"fr-eo-1994-2020", "wh-briefings", "cn-laws", "uscode-md-chunks"};
// Known-item targets come from these (titles of real orders and White House documents).
const char* const kKnownItemFolders[] = {"fr-eo-1994-2020", "wh-briefings"};

constexpr size_t kCutoff = 10;    // MRR@10, nDCG@10
constexpr size_t kPoolDepth = 20;  // per engine, for judging
constexpr size_t kFetch = 40;      // hits asked of each engine (files before merging)
constexpr int kKnownItems = 400;   // targets drawn (half dev, half held out)
constexpr uint64_t kSeed = 9;      // of the known-item draw

struct Options {
  std::string corpus = "../shared/corpus";
  std::string eval = LODE_EVAL_DIR;
  std::string work;
  bool keep = false;
  bool generate = false;
  std::string pool;
  std::string lode_binary;
  bool peers = true;
  std::vector<std::string> variants;  // extra lode rankings: "NAME key=value ..."
  bool misses = false;                // print the dev known items lode misses
};

double SecondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::string ReadText(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// ------------------------------------------------------------ documents

// A unit of evaluation: one Lodestone document, named by the smallest of its
// source paths relative to the corpus root (stable while ids may change).
struct Unit {
  std::string key;
  std::string id;
  std::string title;
  std::vector<std::string> paths;
};

struct Collection {
  std::vector<Unit> units;
  std::map<std::string, size_t> by_path;  // relative path -> unit
  std::map<std::string, size_t> by_key;
  const Unit* OfPath(const std::string& rel) const {
    auto it = by_path.find(rel);
    return it == by_path.end() ? nullptr : &units[it->second];
  }
};

std::string Relative(const std::string& corpus_abs, const std::string& path) {
  std::string p = fs::path(path).lexically_normal().string();
  if (p.rfind(corpus_abs + "/", 0) == 0) return p.substr(corpus_abs.size() + 1);
  return p;
}

Collection ReadCollection(const std::string& index_dir, const std::string& corpus_abs) {
  auto s = Searcher::Open(index_dir);
  if (!s.ok()) throw std::runtime_error(s.status().message());
  auto stats = (*s)->Stats();
  if (!stats.ok()) throw std::runtime_error(stats.status().message());
  SearchRequest all;  // no words: every document
  all.limit = static_cast<uint32_t>(stats->documents);
  auto res = (*s)->Search(all);
  if (!res.ok()) throw std::runtime_error(res.status().message());
  Collection c;
  for (const Hit& h : res->hits) {
    Unit u;
    u.id = h.doc.id;
    u.title = h.doc.title;
    for (const auto& src : h.doc.sources) u.paths.push_back(Relative(corpus_abs, src.path));
    if (u.paths.empty()) continue;
    std::sort(u.paths.begin(), u.paths.end());
    u.key = u.paths.front();
    c.units.push_back(std::move(u));
  }
  std::sort(c.units.begin(), c.units.end(), [](const Unit& a, const Unit& b) { return a.key < b.key; });
  for (size_t i = 0; i < c.units.size(); ++i) {
    c.by_key[c.units[i].key] = i;
    for (const auto& p : c.units[i].paths) c.by_path[p] = i;
  }
  return c;
}

// ------------------------------------------------------------ query sets

struct KnownItem {
  std::string qid, split, full, three, id;
  std::vector<std::string> target;  // source paths of the document
};

struct Judgement {
  int grade = 0;
  std::string reason;
};

struct Topical {
  std::string qid, split, query, need;
  std::map<std::string, Judgement> judged;  // unit key -> judgement
};

// splitmix64: the same draw on every compiler and standard library.
struct Rng {
  uint64_t s;
  uint64_t Next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
};

const std::set<std::string>& Stopwords() {
  static const std::set<std::string> w = {"a",    "an",  "and",  "are",  "as",   "at",   "be",   "by",
                                          "for",  "from", "in",  "into", "is",   "it",   "its",  "of",
                                          "on",   "or",  "the",  "their", "this", "that", "to",   "with",
                                          "under", "upon", "over", "certain", "other"};
  return w;
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// A title as a query every engine reads as plain words: characters that are
// query syntax somewhere (quotes, brackets, colons, commas, slashes, a
// leading + or -) become spaces, and the operator words of Xapian and Recoll
// (AND, OR, NOT, NEAR, XOR) are lower-cased.
std::string TitleQuery(const std::string& title) {
  std::string s;
  for (char c : title) s += std::string("\"()[]{}:;,?!*/\\|<>=~^").find(c) != std::string::npos ? ' ' : c;
  std::istringstream in(s);
  std::string out;
  for (std::string w; in >> w;) {
    while (!w.empty() && (w[0] == '-' || w[0] == '+' || w[0] == '.' || w[0] == '\'')) w.erase(0, 1);
    while (!w.empty() && (w.back() == '.' || w.back() == '-' || w.back() == '\'')) w.pop_back();
    if (w.empty()) continue;
    if (w == "AND" || w == "OR" || w == "NOT" || w == "NEAR" || w == "XOR") w = Lower(w);
    out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

// Lower-cased words of a title query that are not stopwords.
std::vector<std::string> ContentWords(const std::string& query) {
  std::vector<std::string> out;
  std::istringstream in(Lower(query));
  for (std::string w; in >> w;)
    if (w.size() > 1 && !Stopwords().count(w) && std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
  return out;
}

std::string TitleKey(const std::string& title) {
  std::string key;
  for (const auto& w : ContentWords(TitleQuery(title))) {
    std::string alnum;
    for (char c : w)
      if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) alnum += c;
    key += alnum + " ";
  }
  return key;
}

// Draws the known-item targets from the collection: documents of the
// known-item folders whose title (as content words) no other document
// shares, shuffled with a fixed seed; the first kKnownItems, alternately dev
// and held out. Three words: three content words drawn in title order,
// lower-cased as typed; titles with fewer than three get none.
std::vector<KnownItem> GenerateKnownItems(const Collection& c) {
  std::map<std::string, int> key_count;
  for (const auto& u : c.units) ++key_count[TitleKey(u.title)];
  std::vector<const Unit*> pool;
  for (const auto& u : c.units) {
    bool in_folders = false;
    for (const char* f : kKnownItemFolders) in_folders = in_folders || u.key.rfind(std::string(f) + "/", 0) == 0;
    const std::string key = TitleKey(u.title);
    if (in_folders && ContentWords(TitleQuery(u.title)).size() >= 2 && key_count[key] == 1) pool.push_back(&u);
  }
  Rng rng{kSeed};
  for (size_t i = pool.size(); i > 1; --i) std::swap(pool[i - 1], pool[rng.Below(i)]);
  std::vector<KnownItem> out;
  for (size_t i = 0; i < pool.size() && out.size() < static_cast<size_t>(kKnownItems); ++i) {
    const Unit& u = *pool[i];
    KnownItem k;
    char qid[16];
    std::snprintf(qid, sizeof qid, "ki-%03zu", out.size() + 1);
    k.qid = qid;
    k.split = out.size() % 2 == 0 ? "dev" : "heldout";
    k.full = TitleQuery(u.title);
    k.id = u.id;
    k.target = u.paths;
    auto words = ContentWords(k.full);
    if (words.size() >= 3) {
      std::vector<size_t> idx(words.size());
      for (size_t j = 0; j < idx.size(); ++j) idx[j] = j;
      for (size_t j = idx.size(); j > 1; --j) std::swap(idx[j - 1], idx[rng.Below(j)]);
      idx.resize(3);
      std::sort(idx.begin(), idx.end());
      for (size_t j : idx) k.three += (k.three.empty() ? "" : " ") + words[j];
    }
    out.push_back(std::move(k));
  }
  return out;
}

void WriteKnownItems(const std::vector<KnownItem>& items, const fs::path& file) {
  rapidjson::StringBuffer sb;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(sb);
  w.SetIndent(' ', 1);
  w.SetFormatOptions(rapidjson::kFormatSingleLineArray);
  w.StartObject();
  w.Key("version");
  w.Int(1);
  w.Key("generated_by");
  w.String("build/bench/lode-bench-relevance --generate (bench/relevance_bench.cc: GenerateKnownItems)");
  w.Key("items");
  w.StartArray();
  for (const auto& k : items) {
    w.StartObject();
    w.Key("qid");
    w.String(k.qid.c_str());
    w.Key("split");
    w.String(k.split.c_str());
    w.Key("full");
    w.String(k.full.c_str());
    w.Key("three");
    if (k.three.empty())
      w.Null();
    else
      w.String(k.three.c_str());
    w.Key("id");
    w.String(k.id.c_str());
    w.Key("target");
    w.StartArray();
    for (const auto& p : k.target) w.String(p.c_str());
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  std::ofstream(file) << sb.GetString() << "\n";
}

rapidjson::Document ParseJson(const fs::path& file) {
  const std::string text = ReadText(file);
  rapidjson::Document d;
  d.Parse<rapidjson::kParseIterativeFlag>(text.c_str());
  if (d.HasParseError() || !d.IsObject()) throw std::runtime_error(file.string() + ": invalid JSON");
  return d;
}

std::string Str(const rapidjson::Value& v, const char* key) {
  auto it = v.FindMember(key);
  return it != v.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
}

std::vector<KnownItem> ReadKnownItems(const fs::path& file) {
  auto d = ParseJson(file);
  std::vector<KnownItem> out;
  if (!d.HasMember("items") || !d["items"].IsArray()) throw std::runtime_error(file.string() + ": no items");
  for (const auto& v : d["items"].GetArray()) {
    KnownItem k{Str(v, "qid"), Str(v, "split"), Str(v, "full"), Str(v, "three"), Str(v, "id"), {}};
    if (v.HasMember("target") && v["target"].IsArray())
      for (const auto& p : v["target"].GetArray())
        if (p.IsString()) k.target.push_back(p.GetString());
    out.push_back(std::move(k));
  }
  return out;
}

std::vector<Topical> ReadTopical(const fs::path& file) {
  std::vector<Topical> out;
  if (!fs::exists(file)) return out;
  auto d = ParseJson(file);
  if (!d.HasMember("queries") || !d["queries"].IsArray()) throw std::runtime_error(file.string() + ": no queries");
  for (const auto& v : d["queries"].GetArray()) {
    Topical t{Str(v, "qid"), Str(v, "split"), Str(v, "query"), Str(v, "need"), {}};
    if (v.HasMember("judgements") && v["judgements"].IsArray())
      for (const auto& j : v["judgements"].GetArray()) {
        if (!j.HasMember("grade") || !j["grade"].IsInt()) continue;
        t.judged[Str(j, "doc")] = Judgement{j["grade"].GetInt(), Str(j, "reason")};
      }
    out.push_back(std::move(t));
  }
  return out;
}

// ------------------------------------------------------------ engines

// An engine answers a query with source files or documents, best first.
struct Engine {
  std::string name;
  std::function<std::vector<std::string>(const std::string&)> run;  // relative paths, best first
};

// Maps an engine's files to units: the first file of each unit counts,
// files that are no document are skipped.
std::vector<std::string> ToUnits(const Collection& c, const std::vector<std::string>& paths, size_t depth) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& p : paths) {
    const Unit* u = c.OfPath(p);
    if (!u || !seen.insert(u->key).second) continue;
    out.push_back(u->key);
    if (out.size() >= depth) break;
  }
  return out;
}

Engine LodeEngine(const std::string& name, Searcher* searcher, Analyzer* analyzer, const std::string& corpus_abs,
                  RankingOptions ranking) {
  return {name, [=](const std::string& q) {
            SearchRequest r;
            r.query = analyzer->SegmentQuery(q);
            r.limit = kFetch;
            r.ranking = ranking;
            auto res = searcher->Search(r);
            std::vector<std::string> out;
            if (!res.ok()) {
              std::fprintf(stderr, "lode: %s: %s\n", q.c_str(), res.status().message().c_str());
              return out;
            }
            for (const Hit& h : res->hits)
              if (!h.doc.sources.empty()) out.push_back(Relative(corpus_abs, h.doc.sources.front().path));
            return out;
          }};
}

// `lode search --json` of another build (the figures before a change).
Engine LodeBinaryEngine(const std::string& binary, const std::string& index_dir, const std::string& corpus_abs) {
  return {"lode before",
          [=](const std::string& q) {
            std::string out;
            RunCapture({binary, "search", q, "--json", "--limit", std::to_string(kFetch), "--index", index_dir}, &out);
            std::vector<std::string> paths;
            rapidjson::Document d;
            d.Parse(out.c_str());
            if (d.HasParseError() || !d.IsObject() || !d.HasMember("hits") || !d["hits"].IsArray()) return paths;
            for (const auto& h : d["hits"].GetArray()) paths.push_back(Relative(corpus_abs, Str(h, "source")));
            return paths;
          }};
}

// recollq's simple "all words" search (-a), which is what Recoll's search
// box does by default; the query language would read a title's words the
// same way but field names and operators differently.
Engine RecollEngine(const fs::path& conf, const std::string& corpus_abs) {
  return {"recoll", [=](const std::string& q) {
            std::string out;
            RunCapture({"recollq", "-c", conf.string(), "-b", "-a", "-n", std::to_string(kFetch), q}, &out);
            std::vector<std::string> paths;
            std::istringstream in(out);
            for (std::string line; std::getline(in, line);)
              if (line.rfind("file://", 0) == 0) paths.push_back(Relative(corpus_abs, line.substr(7)));
            return paths;
          }};
}

// quest with Omega's defaults: AND between words (Omega's DEFAULTOP since
// 1.3.0), English stems, BM25.
Engine OmegaEngine(const fs::path& db) {
  return {"omega", [=](const std::string& q) {
            std::string out;
            RunCapture({"quest", "-d", db.string(), "-m", std::to_string(kFetch), "-o", "and", q}, &out);
            std::vector<std::string> paths;
            std::istringstream in(out);
            for (std::string line; std::getline(in, line);)
              if (line.rfind("url=/", 0) == 0) paths.push_back(line.substr(5));
            return paths;
          }};
}

// ------------------------------------------------------------ indexing

std::vector<std::string> Roots(const std::string& corpus_abs) {
  std::vector<std::string> roots;
  for (const char* f : kFolders) {
    fs::path p = fs::path(corpus_abs) / f;
    if (!fs::is_directory(p)) throw std::runtime_error("corpus folder not found: " + p.string());
    roots.push_back(p.string());
  }
  return roots;
}

double IndexLode(const std::vector<std::string>& roots, const std::string& dir) {
  fs::remove_all(dir);
  const auto t = Clock::now();
  IngestOptions opt;
  opt.paths = roots;
  opt.index_dir = dir;
  auto sum = Ingest(opt);
  if (!sum.ok()) throw std::runtime_error("lode ingest: " + sum.status().message());
  return SecondsSince(t);
}

double IndexLodeBinary(const std::string& binary, const std::vector<std::string>& roots, const std::string& dir) {
  fs::remove_all(dir);
  const auto t = Clock::now();
  std::vector<std::string> argv = {binary, "ingest"};
  argv.insert(argv.end(), roots.begin(), roots.end());
  argv.insert(argv.end(), {"--index", dir, "-q"});
  std::string out;
  int rc = RunCapture(argv, &out);
  if (rc != 0 && rc != 1) throw std::runtime_error(binary + " ingest failed");
  return SecondsSince(t);
}

// A peer index is rebuilt only when its folder lacks the marker of a
// finished run over the same folders (peers do not change between runs).
bool Fresh(const fs::path& marker, const std::string& stamp) {
  return fs::exists(marker) && ReadText(marker) == stamp;
}

std::optional<double> IndexRecoll(const std::vector<std::string>& roots, const fs::path& conf, const std::string& stamp) {
  if (Fresh(conf / "lode-bench.done", stamp)) return std::nullopt;
  fs::remove_all(conf);
  WriteRecollConfig(roots, conf);
  const auto t = Clock::now();
  std::string out;
  int rc = RunCapture({"recollindex", "-c", conf.string(), "-z"}, &out, (conf / "recollindex.log").string());
  if (rc != 0) throw std::runtime_error("recollindex failed; see " + (conf / "recollindex.log").string());
  std::ofstream(conf / "lode-bench.done") << stamp;
  return SecondsSince(t);
}

// omindex once per folder into one database, each with its folder as URL
// (so a hit names its file); -p keeps the folders indexed before. XML goes
// through Omega's HTML parser (it has no XML filter), Markdown and JSON as
// plain text, as Recoll reads them.
std::optional<double> IndexOmega(const std::vector<std::string>& roots, const fs::path& dir, const std::string& stamp) {
  if (Fresh(dir / "lode-bench.done", stamp)) return std::nullopt;
  fs::remove_all(dir);
  fs::create_directories(dir);
  const auto t = Clock::now();
  for (size_t i = 0; i < roots.size(); ++i) {
    const std::string folder = fs::path(roots[i]).filename().string();
    std::vector<std::string> argv = {"omindex", "--db", (dir / "db").string(), "--url", "/" + folder + "/",
                                     "-Mmd:text/plain", "-Mjson:text/plain", "-Mxml:text/html", "-Mcsv:text/plain"};
    if (i > 0) argv.push_back("-p");
    argv.push_back(roots[i]);
    std::string out;
    int rc = RunCapture(argv, &out, (dir / "omindex.log").string());
    if (rc != 0) throw std::runtime_error("omindex failed; see " + (dir / "omindex.log").string());
  }
  std::ofstream(dir / "lode-bench.done") << stamp;
  return SecondsSince(t);
}

// ------------------------------------------------------------ scoring

struct Score {
  double mrr = 0, ndcg = 0;
  size_t n = 0;
  size_t judged = 0, shown = 0;  // topical: judged units among the top 10
  void Add(double rr, double g) {
    mrr += rr;
    ndcg += g;
    ++n;
  }
  double Mrr() const { return n ? mrr / n : 0; }
  double Ndcg() const { return n ? ndcg / n : 0; }
};

double Gain(int grade) { return std::pow(2.0, grade) - 1; }
double Discount(size_t rank) { return 1.0 / std::log2(static_cast<double>(rank) + 1); }  // rank from 1

// Known item: the target's reciprocal rank and 1/log2(rank+1) within the top 10.
std::pair<double, double> ScoreKnownItem(const std::vector<std::string>& units, const std::string& target) {
  for (size_t i = 0; i < units.size() && i < kCutoff; ++i)
    if (units[i] == target) return {1.0 / (i + 1), Discount(i + 1)};
  return {0, 0};
}

// A topical query counts when some judged document answers it (grade 2 or
// 3): a question the collection cannot answer says nothing about ranking.
bool Scorable(const Topical& t) {
  for (const auto& [key, j] : t.judged)
    if (j.grade >= 2) return true;
  return false;
}

// Topical: nDCG@10 with gain 2^grade - 1, the ideal order from every
// judged document; reciprocal rank of the first document graded 2 or 3.
std::pair<double, double> ScoreTopical(const std::vector<std::string>& units, const Topical& t, Score* s) {
  std::vector<int> ideal;
  for (const auto& [key, j] : t.judged) ideal.push_back(j.grade);
  std::sort(ideal.rbegin(), ideal.rend());
  double dcg = 0, idcg = 0, rr = 0;
  for (size_t i = 0; i < ideal.size() && i < kCutoff; ++i) idcg += Gain(ideal[i]) * Discount(i + 1);
  for (size_t i = 0; i < units.size() && i < kCutoff; ++i) {
    auto it = t.judged.find(units[i]);
    ++s->shown;
    if (it == t.judged.end()) continue;
    ++s->judged;
    dcg += Gain(it->second.grade) * Discount(i + 1);
    if (rr == 0 && it->second.grade >= 2) rr = 1.0 / (i + 1);
  }
  return {rr, idcg > 0 ? dcg / idcg : 0};
}

struct EngineScores {
  std::map<std::string, Score> by_set;  // "<set>/<split>"
};

const char* const kSets[] = {"known-item full", "known-item three", "topical"};
const char* const kSplits[] = {"dev", "heldout", "all"};

// The dev known items whose target the engine does not rank first, with
// what it ranked above (for looking at failures; never the held-out ones).
void PrintMisses(const Engine& e, const Collection& c, const std::vector<KnownItem>& known) {
  for (const auto& k : known) {
    if (k.split != "dev") continue;
    const Unit* target = c.OfPath(k.target.front());
    for (const std::string& q : {k.full, k.three}) {
      if (q.empty() || !target) continue;
      auto units = ToUnits(c, e.run(q), kCutoff);
      size_t rank = std::find(units.begin(), units.end(), target->key) - units.begin();
      if (rank == 0) continue;
      std::printf("[%s] %s -> rank %s: %s\n", k.qid.c_str(), q.c_str(),
                  rank < units.size() ? std::to_string(rank + 1).c_str() : ">10", target->title.c_str());
      for (size_t i = 0; i < units.size() && i < std::min<size_t>(rank, 3); ++i)
        std::printf("      %zu. %s\n", i + 1, c.units[c.by_key.at(units[i])].title.c_str());
    }
  }
}

// nDCG@10 of each dev topical query for every engine (for looking at
// failures; never the held-out ones).
void PrintTopicalByQuery(const std::vector<Engine>& engines, const Collection& c, const std::vector<Topical>& topical) {
  std::printf("\ndev topical nDCG@10 by query:\n  %-45s", "query");
  for (const auto& e : engines) std::printf(" %9.9s", e.name.c_str());
  std::printf("\n");
  for (const auto& t : topical) {
    if (t.split != "dev" || !Scorable(t)) continue;
    std::printf("  %-45.45s", t.query.c_str());
    for (const auto& e : engines) {
      Score unused;
      std::printf(" %9.3f", ScoreTopical(ToUnits(c, e.run(t.query), kCutoff), t, &unused).second);
    }
    std::printf("\n");
  }
}

void Evaluate(const Engine& e, const Collection& c, const std::vector<KnownItem>& known,
              const std::vector<Topical>& topical, EngineScores* out) {
  auto add = [&](const std::string& set, const std::string& split, double rr, double g, const Score* extra) {
    for (const std::string& sp : {split, std::string("all")}) {
      Score& s = out->by_set[set + "/" + sp];
      s.Add(rr, g);
      if (extra) s.judged += extra->judged, s.shown += extra->shown;
    }
  };
  for (const auto& k : known) {
    const Unit* target = k.target.empty() ? nullptr : c.OfPath(k.target.front());
    if (!target) continue;
    auto full = ScoreKnownItem(ToUnits(c, e.run(k.full), kCutoff), target->key);
    add("known-item full", k.split, full.first, full.second, nullptr);
    if (k.three.empty()) continue;
    auto three = ScoreKnownItem(ToUnits(c, e.run(k.three), kCutoff), target->key);
    add("known-item three", k.split, three.first, three.second, nullptr);
  }
  for (const auto& t : topical) {
    if (!Scorable(t)) continue;
    Score cover;
    auto s = ScoreTopical(ToUnits(c, e.run(t.query), kCutoff), t, &cover);
    add("topical", t.split, s.first, s.second, &cover);
  }
}

std::string Fixed(double v, int d = 3) {
  char b[32];
  std::snprintf(b, sizeof b, "%.*f", d, v);
  return b;
}

void PrintTable(const std::vector<Engine>& engines, const std::vector<EngineScores>& scores, size_t peers_from,
                const std::string& split) {
  std::printf("\n%s split: MRR@10 / nDCG@10 (queries)\n", split.c_str());
  std::printf("  %-18s", "set");
  for (const auto& e : engines) std::printf(" %17s", e.name.c_str());
  if (peers_from < engines.size()) std::printf(" %16s", "lode/best peer");
  std::printf("\n");
  for (const char* set : kSets) {
    const std::string key = std::string(set) + "/" + split;
    size_t n = scores[0].by_set.count(key) ? scores[0].by_set.at(key).n : 0;
    if (n == 0) continue;
    std::printf("  %-18s", (std::string(set) + " (" + std::to_string(n) + ")").c_str());
    double best_mrr = 0, best_ndcg = 0;
    for (size_t i = 0; i < engines.size(); ++i) {
      const Score s = scores[i].by_set.count(key) ? scores[i].by_set.at(key) : Score{};
      std::printf(" %8s / %6s", Fixed(s.Mrr()).c_str(), Fixed(s.Ndcg()).c_str());
      if (i >= peers_from) best_mrr = std::max(best_mrr, s.Mrr()), best_ndcg = std::max(best_ndcg, s.Ndcg());
    }
    if (peers_from < engines.size()) {
      const Score& l = scores[0].by_set.at(key);
      std::printf("  %6sx / %5sx", best_mrr > 0 ? Fixed(l.Mrr() / best_mrr, 2).c_str() : "-",
                  best_ndcg > 0 ? Fixed(l.Ndcg() / best_ndcg, 2).c_str() : "-");
    }
    std::printf("\n");
  }
  const std::string tkey = std::string("topical/") + split;
  if (scores[0].by_set.count(tkey)) {
    std::printf("  %-18s", "judged in top 10");
    for (const auto& s : scores) {
      const Score t = s.by_set.count(tkey) ? s.by_set.at(tkey) : Score{};
      std::printf(" %17s", (Fixed(t.shown ? 100.0 * t.judged / t.shown : 0, 1) + "%").c_str());
    }
    std::printf("\n");
  }
}

// ------------------------------------------------------------ pooling

// Writes, for every topical query, the union of each engine's top 20
// documents with their titles, the engines and ranks that found them and
// the judgement so far: the work list for judging by reading.
void WritePool(const std::string& file, const std::vector<Engine>& engines, const Collection& c,
               const std::vector<Topical>& topical) {
  rapidjson::StringBuffer sb;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(sb);
  w.SetIndent(' ', 1);
  w.StartObject();
  w.Key("queries");
  w.StartArray();
  size_t todo = 0;
  for (const auto& t : topical) {
    std::map<std::string, std::vector<std::string>> found;  // unit -> "engine#rank"
    std::vector<std::string> order;
    for (const auto& e : engines) {
      auto units = ToUnits(c, e.run(t.query), kPoolDepth);
      for (size_t i = 0; i < units.size(); ++i) {
        if (!found.count(units[i])) order.push_back(units[i]);
        found[units[i]].push_back(e.name + "#" + std::to_string(i + 1));
      }
    }
    w.StartObject();
    w.Key("qid");
    w.String(t.qid.c_str());
    w.Key("query");
    w.String(t.query.c_str());
    w.Key("pool");
    w.StartArray();
    for (const auto& key : order) {
      const Unit& u = c.units[c.by_key.at(key)];
      w.StartObject();
      w.Key("doc");
      w.String(key.c_str());
      w.Key("id");
      w.String(u.id.c_str());
      w.Key("title");
      w.String(u.title.c_str());
      w.Key("found");
      w.StartArray();
      for (const auto& f : found[key]) w.String(f.c_str());
      w.EndArray();
      auto j = t.judged.find(key);
      w.Key("grade");
      if (j == t.judged.end()) {
        w.Null();
        ++todo;
      } else {
        w.Int(j->second.grade);
      }
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  std::ofstream(file) << sb.GetString() << "\n";
  std::printf("pool: %s (%zu documents to judge)\n", file.c_str(), todo);
}

// ------------------------------------------------------------ main

// Lodestone's ranking features added one at a time, for the table of what
// each bought: BM25 alone, then synonyms, the three title features and
// proximity (the default), then two features that were measured and left
// off.
std::vector<std::pair<std::string, RankingOptions>> Variants() {
  RankingOptions r;
  r.synonyms = false;
  r.title_all_weight = r.title_cover_weight = r.title_exact_weight = r.near_weight = r.literal_weight = 0;
  std::vector<std::pair<std::string, RankingOptions>> v;
  v.push_back({"lode", RankingOptions{}});
  v.push_back({"bm25", r});
  r.synonyms = true;
  r.literal_weight = RankingOptions{}.literal_weight;
  v.push_back({"+synonyms", r});
  r.title_all_weight = RankingOptions{}.title_all_weight;
  v.push_back({"+title all", r});
  r.title_cover_weight = RankingOptions{}.title_cover_weight;
  v.push_back({"+title cover", r});
  r.title_exact_weight = RankingOptions{}.title_exact_weight;
  v.push_back({"+exact title", r});
  r.near_weight = RankingOptions{}.near_weight;
  v.push_back({"+proximity", r});  // = lode
  RankingOptions any;
  any.title_weight = 1;
  v.push_back({"+title any", any});
  RankingOptions phrase;
  phrase.title_phrase_weight = 0.5;
  v.push_back({"+title phrase", phrase});
  return v;
}

// "NAME k1=1.2 b=0.75 title=1 tphrase=2 near=1 slack=4": a ranking to try
// (--variant), starting from the defaults.
std::pair<std::string, RankingOptions> ParseVariant(const std::string& spec) {
  std::istringstream in(spec);
  std::pair<std::string, RankingOptions> v;
  in >> v.first;
  for (std::string kv; in >> kv;) {
    size_t eq = kv.find('=');
    if (eq == std::string::npos) throw std::runtime_error("--variant: expected key=value, got " + kv);
    const std::string k = kv.substr(0, eq);
    const double x = std::stod(kv.substr(eq + 1));
    RankingOptions& r = v.second;
    if (k == "k1") r.k1 = x;
    else if (k == "b") r.b = x;
    else if (k == "title") r.title_weight = x;
    else if (k == "tall") r.title_all_weight = x;
    else if (k == "tphrase") r.title_phrase_weight = x;
    else if (k == "cover") r.title_cover_weight = x;
    else if (k == "exact") r.title_exact_weight = x;
    else if (k == "near") r.near_weight = x;
    else if (k == "slack") r.near_slack = static_cast<unsigned>(x);
    else if (k == "syn") r.synonyms = x != 0;
    else if (k == "literal") r.literal_weight = x;
    else throw std::runtime_error("--variant: unknown key " + k);
  }
  return v;
}

int Run(const Options& opt) {
  const std::string corpus_abs = fs::absolute(opt.corpus).lexically_normal().string();
  const std::vector<std::string> roots = Roots(corpus_abs);
  std::string stamp;
  for (const auto& r : roots) stamp += r + "\n";

  std::string work = opt.work;
  const bool temporary = work.empty();
  if (temporary) {
    std::string templ = (fs::temp_directory_path() / "lode-bench-relevance-XXXXXX").string();
    if (!::mkdtemp(templ.data())) throw std::runtime_error("cannot create a temporary folder");
    work = templ;
  }
  fs::create_directories(work);
  std::printf("lode-bench-relevance: work folder %s%s\n", work.c_str(),
              temporary && !opt.keep ? " (removed at exit; --keep keeps it)" : "");

  const std::string lode_dir = (fs::path(work) / "lode").string();
  std::printf("lode ingest: %.1f s\n", IndexLode(roots, lode_dir));
  std::fflush(stdout);
  const Collection c = ReadCollection(lode_dir, corpus_abs);
  std::printf("collection: %zu documents in %zu folders\n", c.units.size(), roots.size());

  const fs::path known_file = fs::path(opt.eval) / "search-known-items.json";
  if (opt.generate) {
    WriteKnownItems(GenerateKnownItems(c), known_file);
    std::printf("wrote %s\n", known_file.string().c_str());
  }
  const std::vector<KnownItem> known = ReadKnownItems(known_file);
  const std::vector<Topical> topical = ReadTopical(fs::path(opt.eval) / "search-topical.json");
  size_t missing = 0;
  for (const auto& k : known) missing += k.target.empty() || !c.OfPath(k.target.front());
  std::printf("known items: %zu (%zu targets not in the collection)\n", known.size(), missing);
  std::printf("topical queries: %zu (%zu with a relevant document, scored)\n", topical.size(),
              static_cast<size_t>(std::count_if(topical.begin(), topical.end(), Scorable)));

  auto searcher = Searcher::Open(lode_dir);
  if (!searcher.ok()) throw std::runtime_error(searcher.status().message());
  Analyzer analyzer;
  std::vector<Engine> engines;
  auto variants_list = Variants();
  for (const auto& spec : opt.variants) variants_list.push_back(ParseVariant(spec));
  for (const auto& [name, ranking] : variants_list)
    engines.push_back(LodeEngine(name, searcher->get(), &analyzer, corpus_abs, ranking));
  const size_t variants = engines.size();
  if (!opt.lode_binary.empty()) {
    const std::string dir = (fs::path(work) / "lode-binary").string();
    std::printf("%s ingest: %.1f s\n", opt.lode_binary.c_str(), IndexLodeBinary(opt.lode_binary, roots, dir));
    engines.push_back(LodeBinaryEngine(fs::absolute(opt.lode_binary).string(), dir, corpus_abs));
  }
  if (opt.peers) {
    for (const char* program : {"recollindex", "recollq", "omindex", "quest"})
      if (!OnPath(program))
        throw std::runtime_error(std::string(program) + " is not installed (scripts/install-deps.sh: recoll, xapian-omega)");
    const fs::path conf = fs::path(work) / "recoll", omega = fs::path(work) / "omega";
    auto rs = IndexRecoll(roots, conf, stamp);
    std::printf("recollindex: %s\n", rs ? (Fixed(*rs, 1) + " s").c_str() : "reused");
    auto os = IndexOmega(roots, omega, stamp);
    std::printf("omindex: %s\n", os ? (Fixed(*os, 1) + " s").c_str() : "reused");
    engines.push_back(RecollEngine(conf, corpus_abs));
    engines.push_back(OmegaEngine(omega / "db"));
  }
  std::fflush(stdout);

  if (!opt.pool.empty()) WritePool(opt.pool, engines, c, topical);
  if (opt.misses) {
    PrintMisses(engines.back(), c, known);
    PrintTopicalByQuery(engines, c, topical);
  }

  std::vector<EngineScores> scores(engines.size());
  for (size_t i = 0; i < engines.size(); ++i) {
    const auto t = Clock::now();
    Evaluate(engines[i], c, known, topical, &scores[i]);
    std::printf("%s: %.1f s\n", engines[i].name.c_str(), SecondsSince(t));
    std::fflush(stdout);
  }
  // The main table: the default ranking against the peers.
  std::vector<Engine> shown;
  std::vector<EngineScores> shown_scores;
  for (size_t i = 0; i < engines.size(); ++i)
    if (i == 0 || i >= variants) shown.push_back(engines[i]), shown_scores.push_back(scores[i]);
  const size_t shown_peers = opt.lode_binary.empty() ? 1 : 2;
  for (const char* split : kSplits) PrintTable(shown, shown_scores, opt.peers ? shown_peers : shown.size(), split);
  if (variants > 1) {
    std::printf("\nablation (lode variants), all queries:\n");
    std::vector<Engine> v(engines.begin(), engines.begin() + static_cast<long>(variants));
    std::vector<EngineScores> vs(scores.begin(), scores.begin() + static_cast<long>(variants));
    for (const char* split : kSplits) PrintTable(v, vs, v.size(), split);
  }
  if (temporary && !opt.keep) fs::remove_all(work);
  return 0;
}

}  // namespace
}  // namespace lodestone::bench

int main(int argc, char** argv) {
  lodestone::bench::Options opt;
  CLI::App app{"lode-bench-relevance: ranking quality of lode next to recoll and omega on the same files"};
  app.add_option("--corpus", opt.corpus, "The shared corpus folder (default ../shared/corpus)");
  app.add_option("--eval", opt.eval, "Folder of the labelled query sets (default: the source tree's tests/eval)");
  app.add_option("--work", opt.work,
                 "Work folder for the indexes, kept between runs; peer indexes are reused when present "
                 "(default: a fresh folder under /tmp, removed at exit)");
  app.add_flag("--keep", opt.keep, "Keep the temporary work folder");
  app.add_flag("--generate", opt.generate, "Write EVAL/search-known-items.json from the collection's titles first");
  app.add_option("--pool", opt.pool, "Write the top 20 of every engine per topical query to this file (for judging)");
  app.add_option("--lode-binary", opt.lode_binary,
                 "Also score another build's lode, e.g. main before a change (ingest + search --json; column \"lode before\")");
  app.add_option("--variant", opt.variants,
                 "Also score a lode ranking: \"NAME k1=X b=X title=X tphrase=X cover=X near=X slack=N syn=0|1\" (for tuning)");
  app.add_flag("--misses", opt.misses, "Print the dev known items the last engine does not rank first");
  bool no_peers = false;
  app.add_flag("--no-peers", no_peers, "Score lode only");
  CLI11_PARSE(app, argc, argv);
  opt.peers = !no_peers;
  try {
    return lodestone::bench::Run(opt);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "lode-bench-relevance: %s\n", e.what());
  }
  return 1;
}
