// lode-eval-refs: scores reference resolution against hand-made labels.
//
//   lode-eval-refs tests/eval/references.json --index DIR
//
// DIR must hold an index of ../shared/corpus/wos-capture-recapture and
// ../shared/corpus/elife-jats (scripts: see tests/eval/REFERENCES.md). For
// every labelled reference the citing record is found by its Web of Science
// accession (alias wos:…) or its file, the reference by its position, and it
// is resolved with the graph's own rule (graph/resolve.h). A resolution to
// the citing record itself counts as "self" (the graph drops self-loops).
// Precision = right links / all links made; recall = right links / gold links.
// Strata are reported separately; items marked uncertain are left out.
#include <rapidjson/document.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "lodestone/graph/resolve.h"
#include "lodestone/index/paper_keys.h"
#include "lodestone/graph/cache.h"
#include "lodestone/index/searcher.h"
#include "lodestone/ingest/kb.h"

using namespace lodestone;

namespace {

struct Score {
  int tp = 0, fp = 0, fn = 0, tn = 0, missing = 0;
  void Add(const Score& o) {
    tp += o.tp, fp += o.fp, fn += o.fn, tn += o.tn, missing += o.missing;
  }
  double P() const { return tp + fp ? static_cast<double>(tp) / (tp + fp) : 1.0; }
  double R() const { return tp + fn ? static_cast<double>(tp) / (tp + fn) : 1.0; }
};

std::string Digits(const std::string& ut) {
  size_t colon = ut.find(':');
  return colon == std::string::npos ? ut : ut.substr(colon + 1);
}

}  // namespace

int main(int argc, char** argv) {
  std::string gold_path, index;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--index" && i + 1 < argc) index = argv[++i];
    else if (a == "-v" || a == "--verbose") verbose = true;
    else gold_path = a;
  }
  if (gold_path.empty() || index.empty()) {
    std::cerr << "usage: lode-eval-refs tests/eval/references.json --index DIR [-v]\n";
    return 2;
  }
  std::ifstream in(gold_path);
  std::stringstream ss;
  ss << in.rdbuf();
  rapidjson::Document gold;
  gold.Parse(ss.str().c_str());
  if (gold.HasParseError() || !gold.IsObject()) {
    std::cerr << "lode-eval-refs: " << gold_path << ": not valid JSON\n";
    return 2;
  }
  // One thread, one revision: the index, the built-in knowledge base and the
  // graph as lode builds them.
  auto searcher = Searcher::Open(index);
  auto kb = KnowledgeBase::Load({});
  if (!searcher.ok() || !kb.ok()) {
    std::cerr << "lode-eval-refs: " << (searcher.ok() ? kb.status() : searcher.status()).message() << "\n";
    return 2;
  }
  std::vector<KbNode> kb_nodes;
  for (const auto& e : kb->entities()) kb_nodes.push_back({e.id, e.name, e.is_a});
  auto graph = LoadGraph(**searcher, index, kb_nodes, true);
  if (!graph.ok()) {
    std::cerr << "lode-eval-refs: " << graph.status().message() << "\n";
    return 2;
  }
  const KnowledgeGraph& kg = *graph;
  std::map<uint32_t, std::optional<Document>> records;
  auto record = [&](uint32_t v) -> const Document* {
    auto it = records.find(v);
    if (it == records.end()) {
      auto d = (*searcher)->Get(kg.node(v).id);
      it = records.emplace(v, d.ok() ? std::optional<Document>(std::move(*d)) : std::nullopt).first;
    }
    return it->second ? &*it->second : nullptr;
  };
  auto src = (*searcher)->ReadGraphSource();
  if (!src.ok()) return 2;
  std::map<std::string, uint32_t> key_node;
  for (const auto& t : src->paper_keys)
    if (!t.docs.empty())
      if (auto v = kg.Find(src->docs[t.docs.front().first].id)) key_node.emplace(t.term, *v);
  const NodeLookup by_id = [&](const std::string& id) -> std::optional<uint32_t> {
    auto v = kg.Find(id);
    if (v && !kg.node(*v).external) return v;
    return std::nullopt;
  };
  const NodeLookup by_key = [&](const std::string& k) -> std::optional<uint32_t> {
    auto it = key_node.find(k);
    return it == key_node.end() ? std::nullopt : std::optional<uint32_t>(it->second);
  };
  // The citing record of an eLife item, by its source path.
  auto by_path = [&](const std::string& rel) -> std::optional<uint32_t> {
    const std::string corpus = LODE_CORPUS;
    auto doc = (*searcher)->Get(corpus + "/" + rel);
    if (!doc.ok()) return std::nullopt;
    return kg.Find(doc->id);
  };

  std::map<std::string, Score> by_stratum;
  std::map<std::string, int> how_count;
  auto score = [&](const rapidjson::Value& item, std::optional<uint32_t> citing, bool elife) {
    const std::string stratum = item["stratum"].GetString();
    Score& sc = by_stratum[elife ? "elife-" + stratum : stratum];
    if (item.HasMember("uncertain") && item["uncertain"].IsBool() && item["uncertain"].GetBool()) return;
    const Document* rec = citing ? record(*citing) : nullptr;
    const size_t index_in = item["index"].GetUint();
    if (!rec || index_in >= rec->references.size()) {
      ++sc.missing;
      if (verbose) std::cout << "MISSING " << item["ref"].GetString() << "\n";
      return;
    }
    ReferenceMatch m = ResolveReference(UnpackReference(PackReference(rec->references[index_in])), by_id, by_key);
    // A self-loop is no edge. UINT32_MAX: no link.
    const uint32_t none = UINT32_MAX;
    const uint32_t link = m.node && m.node != citing ? *m.node : none;
    const bool predicted = link != none;
    std::vector<uint32_t> want;
    const bool self = item.HasMember("self") && item["self"].IsBool() && item["self"].GetBool();
    for (const auto& g : item["gold"].GetArray()) {
      std::optional<uint32_t> v = elife ? by_path(g.GetString()) : kg.Find("wos:" + Digits(g.GetString()));
      if (v) want.push_back(*v);
    }
    if (self) want.clear();  // the graph keeps no self-citation edge
    const bool right = predicted && std::find(want.begin(), want.end(), link) != want.end();
    if (predicted) {
      ++how_count[m.how];
      right ? ++sc.tp : ++sc.fp;
      if (!right && !want.empty()) ++sc.fn;
    } else {
      want.empty() ? ++sc.tn : ++sc.fn;
    }
    if (verbose && (right != !want.empty() || (predicted && !right)))
      std::cout << (predicted ? "WRONG " : "MISSED ") << stratum << "  " << item["ref"].GetString() << "  -> "
                << (predicted ? kg.node(link).id : std::string("none")) << " (" << m.how << ")\n";
  };
  for (const auto& item : gold["items"].GetArray()) score(item, kg.Find("wos:" + Digits(item["citing"].GetString())), false);
  if (gold.HasMember("elife"))
    for (const auto& item : gold["elife"].GetArray()) score(item, by_path(item["source"].GetString()), true);

  Score random, hard, all;
  std::printf("%-28s %5s %5s %5s %5s %5s %9s %7s\n", "stratum", "TP", "FP", "FN", "TN", "miss", "precision", "recall");
  for (const auto& [name, sc] : by_stratum) {
    std::printf("%-28s %5d %5d %5d %5d %5d %9.3f %7.3f\n", name.c_str(), sc.tp, sc.fp, sc.fn, sc.tn, sc.missing, sc.P(),
                sc.R());
    (name.rfind("hard", 0) == 0 ? hard : random).Add(sc);
    all.Add(sc);
  }
  std::printf("%-28s %5d %5d %5d %5d %5d %9.3f %7.3f\n", "random strata + eLife", random.tp, random.fp, random.fn,
              random.tn, random.missing, random.P(), random.R());
  std::printf("%-28s %5d %5d %5d %5d %5d %9.3f %7.3f\n", "hard strata", hard.tp, hard.fp, hard.fn, hard.tn,
              hard.missing, hard.P(), hard.R());
  std::printf("%-28s %5d %5d %5d %5d %5d %9.3f %7.3f\n", "all", all.tp, all.fp, all.fn, all.tn, all.missing, all.P(),
              all.R());
  std::printf("links made by: ");
  for (const auto& [how, n] : how_count) std::printf("%s %d  ", how.c_str(), n);
  std::printf("\n");
  return 0;
}
