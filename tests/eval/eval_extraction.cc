// lode-eval: precision and recall of extraction against hand-labelled gold.
//
//   lode-eval [--corpus DIR] [--verbose] [--group NAME] GOLD.json...
//
// Each gold document names a file under the corpus (and, for a file that
// holds many documents, the section). The scorer reads it the way ingest
// does — the file's bundle (same folder, same stem: EO_13603.xml with .htm,
// .html, .json) merged by id — runs the extractor with the built-in
// knowledge base, and compares document-level sets per category. Prints a
// table and one JSON line; --verbose lists every false positive and miss.
//
// Categories: entity and citation sets (minerals ... usc), relations
// (revokes, amends, supersedes), the document's own id ("own_id": the id
// the text states for itself, null when it states none), its date
// ("date": for a version, the date of its latest adoption or revision), and
// "negated" (entities the text names only under a negation, which must not
// be extracted: a hit is a tp, an extracted one a fn). A category whose key
// is absent from a gold document is not scored for it, so a document can be
// labelled for some categories only.
#include <rapidjson/document.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "lodestone/index/merge.h"
#include "lodestone/ingest/extract.h"
#include "lodestone/ingest/readers.h"

namespace fs = std::filesystem;
using namespace lodestone;

namespace {

const char* kCategories[] = {"minerals", "concepts", "agencies", "countries", "eo",   "pl",
                             "usc",      "revokes",  "amends",   "supersedes", "own_id", "date", "negated"};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The document the gold entry describes, read as ingest would.
std::optional<Document> LoadDocument(const fs::path& corpus, const std::string& rel, const std::string& section,
                                     const std::string& gold_id, std::string* error) {
  fs::path file = corpus / rel;
  if (!fs::exists(file)) {
    *error = "missing file " + file.string();
    return std::nullopt;
  }
  std::vector<fs::path> bundle;
  for (const auto& e : fs::directory_iterator(file.parent_path()))
    if (e.path().stem() == file.stem()) bundle.push_back(e.path());
  std::sort(bundle.begin(), bundle.end());
  std::map<std::string, Document> by_id;
  std::vector<std::string> order;
  for (const auto& p : bundle) {
    std::string bytes = Slurp(p);
    Detection det = DetectFormat(p.string(), std::string_view(bytes).substr(0, 65536));
    if (det.format.empty()) continue;
    auto docs = ReadDocuments(det.format, FileInput{p.string(), "corpus/" + rel, bytes});
    if (!docs.ok()) {
      *error = p.string() + ": " + docs.status().message();
      return std::nullopt;
    }
    for (auto& d : *docs) {
      auto it = by_id.find(d.id);
      if (it == by_id.end()) {
        order.push_back(d.id);
        by_id.emplace(d.id, std::move(d));
      } else {
        it->second = MergeDocuments(it->second, d);
      }
    }
  }
  std::string want;
  if (!section.empty()) {
    // "/us/usc/t30/s1602" -> usc:30/1602
    size_t t = section.find("/t"), s = section.find("/s", t == std::string::npos ? 0 : t + 2);
    if (t != std::string::npos && s != std::string::npos)
      want = "usc:" + section.substr(t + 2, s - t - 2) + "/" + section.substr(s + 2);
  } else if (!gold_id.empty() && by_id.count(gold_id)) {
    want = gold_id;
  }
  if (want.empty() && !order.empty()) want = order.front();
  auto it = by_id.find(want);
  if (it == by_id.end()) {
    *error = "no document " + want + " in " + rel;
    return std::nullopt;
  }
  return it->second;
}

std::map<std::string, std::set<std::string>> Predicted(const Document& d) {
  std::map<std::string, std::set<std::string>> out;
  for (const auto& e : d.entities) {
    std::string type = e.id.substr(0, e.id.find(':'));
    if (type == "mineral") out["minerals"].insert(e.id);
    // The gold labels one concept only (see tests/eval/README.md).
    if (e.id == "concept:critical-minerals") out["concepts"].insert(e.id);
    if (type == "agency") out["agencies"].insert(e.id);
    if (type == "country") out["countries"].insert(e.id);
  }
  for (const auto& c : d.citations) {
    std::string type = c.id.substr(0, c.id.find(':'));
    if (type == "eo" || type == "pl" || type == "usc") out[type].insert(c.id);
  }
  for (const auto& r : d.relations)
    if (r.type == RelationType::kRevokes || r.type == RelationType::kAmends || r.type == RelationType::kSupersedes) out[RelationTypeName(r.type)].insert(r.target);
  // A document without a natural id (doc:hash) claims none.
  if (d.id.rfind("doc:", 0) != 0) out["own_id"].insert(d.id);
  if (!d.date.empty()) out["date"].insert(d.date);
  for (const auto& e : d.entities) out["negated"].insert(e.id);
  return out;
}

struct Tally {
  size_t tp = 0, fp = 0, fn = 0;
  double P() const { return tp + fp ? static_cast<double>(tp) / (tp + fp) : 1.0; }
  double R() const { return tp + fn ? static_cast<double>(tp) / (tp + fn) : 1.0; }
};

}  // namespace

int main(int argc, char** argv) {
  fs::path corpus = "../shared/corpus";
  bool verbose = false;
  std::string group;  // only documents labelled with this "group"
  std::vector<std::string> gold_files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--corpus" && i + 1 < argc) corpus = argv[++i];
    else if (a == "--verbose" || a == "-v") verbose = true;
    else if (a == "--group" && i + 1 < argc) group = argv[++i];
    else if (a == "--help" || a == "-h") {
      std::cout << "usage: lode-eval [--corpus DIR] [--verbose] [--group NAME] GOLD.json...\n"
                   "  --group NAME  score only the documents whose \"group\" is NAME (e.g. issue-9)\n";
      return 0;
    } else gold_files.push_back(a);
  }
  if (gold_files.empty()) {
    std::cerr << "lode-eval: give gold files (tests/eval/dev.json)\n";
    return 2;
  }
  auto kb = KnowledgeBase::Builtin();
  if (!kb.ok()) {
    std::cerr << "lode-eval: " << kb.status().message() << "\n";
    return 1;
  }
  Extractor extractor(*kb);
  Analyzer analyzer;
  std::map<std::string, Tally> tally;
  size_t documents = 0, problems = 0;
  for (const auto& gf : gold_files) {
    rapidjson::Document g;
    std::string json = Slurp(gf);
    g.Parse(json.c_str());
    if (g.HasParseError() || !g.IsObject() || !g.HasMember("documents") || !g["documents"].IsArray()) {
      std::cerr << "lode-eval: " << gf << ": not a gold file\n";
      return 1;
    }
    for (const auto& gd : g["documents"].GetArray()) {
      auto str = [&](const char* k) {
        return gd.HasMember(k) && gd[k].IsString() ? std::string(gd[k].GetString()) : std::string();
      };
      if (!group.empty() && str("group") != group) continue;
      std::string error;
      auto doc = LoadDocument(corpus, str("path"), str("section"), str("id"), &error);
      if (!doc) {
        std::cerr << "lode-eval: " << gf << ": " << error << "\n";
        ++problems;
        continue;
      }
      ++documents;
      extractor.Extract(&*doc, analyzer);
      auto predicted = Predicted(*doc);
      for (const char* cat : kCategories) {
        if (!gd.HasMember(cat)) continue;  // not labelled for this document
        std::set<std::string> gold;
        const auto& gv = gd[cat];
        if (gv.IsArray()) {
          for (const auto& v : gv.GetArray())
            if (v.IsString()) gold.insert(v.GetString());
        } else if (gv.IsString()) {
          gold.insert(gv.GetString());  // own_id, date
        }
        const auto& pred = predicted[cat];
        Tally& t = tally[cat];
        if (std::string(cat) == "negated") {
          // Named under a negation only: extracting it is the error.
          for (const auto& x : gold) {
            if (!pred.count(x)) ++t.tp;
            else {
              ++t.fn;
              if (verbose) std::cout << "  FN negated " << x << " extracted  in " << str("path") << "\n";
            }
          }
          continue;
        }
        for (const auto& p : pred) {
          if (gold.count(p)) ++t.tp;
          else {
            ++t.fp;
            if (verbose) std::cout << "  FP " << cat << " " << p << "  in " << str("path") << " " << str("section") << "\n";
          }
        }
        for (const auto& x : gold)
          if (!pred.count(x)) {
            ++t.fn;
            if (verbose) std::cout << "  FN " << cat << " " << x << "  in " << str("path") << " " << str("section") << "\n";
          }
      }
    }
  }
  std::printf("\nlode-eval: %zu documents%s\n", documents, problems ? " (some could not be read)" : "");
  std::printf("%-10s %6s %6s %6s %9s %7s\n", "category", "tp", "fp", "fn", "precision", "recall");
  std::string jl = "{\"documents\":" + std::to_string(documents);
  for (const char* cat : kCategories) {
    const Tally& t = tally[cat];
    std::printf("%-10s %6zu %6zu %6zu %9.3f %7.3f\n", cat, t.tp, t.fp, t.fn, t.P(), t.R());
    char buf[128];
    std::snprintf(buf, sizeof buf, ",\"%s\":{\"p\":%.4f,\"r\":%.4f,\"tp\":%zu,\"fp\":%zu,\"fn\":%zu}", cat, t.P(),
                  t.R(), t.tp, t.fp, t.fn);
    jl += buf;
  }
  std::cout << jl << "}\n";
  return problems ? 1 : 0;
}
