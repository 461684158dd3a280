// lode-eval-zh-directs: precision and recall of the bodies a Chinese law
// tasks (`directs` from Chinese text, issue 16) against clauses labelled by
// reading.
//
//   lode-eval-zh-directs [--corpus DIR] [--verbose] LABELS.tsv...
//
// A label file (tests/eval/zh-directs-*.tsv) holds, one line per clause that
// tasks a body, the law's path under the corpus, the clause's key and the
// bodies' ids (comma-separated):
//
//   cn-laws/mineral-resources-law_2024-11-08.md <TAB> 第十四条.0 <TAB> agency:cn-natural-resources-ministry
//
// The key is the article (第N条, as the line opens) and the clause's number in
// it, counting from 0, where a clause ends at 。；？！. Every law a file names is
// labelled in full: its other clauses task no body. The scorer splits each law
// the same way, runs the extractor (built-in knowledge base) on every clause
// alone — the rule reads one clause at a time (cn_tasking.h) and relations
// are kept once per document, so a clause is the unit that can be scored —
// and counts (clause, body) pairs. No corpus text is stored: the keys point
// into the files, read in place.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "lodestone/ingest/extract.h"

using namespace lodestone;

namespace {

struct Clause {
  std::string key;   // 第十四条.0
  std::string text;  // the clause; the first of an article keeps its number
};

bool StartsWith(const std::string& s, size_t pos, const std::string& p) { return s.compare(pos, p.size(), p) == 0; }

// The article number at the start of a line ("第十四条"), or "".
std::string ArticleAt(const std::string& line, size_t* after) {
  size_t p = line.find_first_not_of(" \t");
  if (p == std::string::npos || !StartsWith(line, p, "第")) return {};
  size_t tiao = line.find("条", p);
  if (tiao == std::string::npos || tiao - p > 30) return {};
  static const std::string kDigits = "零一二三四五六七八九十百千";
  for (size_t q = p + 3; q < tiao; q += 3)
    if (kDigits.find(line.substr(q, 3)) == std::string::npos) return {};
  *after = tiao + 3;
  return line.substr(p, tiao + 3 - p);
}

std::vector<Clause> Clauses(const std::string& file) {
  std::vector<Clause> out;
  size_t body = file.find("<!-- INFO END -->");
  std::istringstream in(body == std::string::npos ? file : file.substr(body));
  std::string line, article;
  int index = 0;
  static const std::string kEnds[] = {"。", "；", "？", "！"};
  while (std::getline(in, line)) {
    size_t after = 0;
    std::string a = ArticleAt(line, &after);
    if (!a.empty()) {
      article = a;
      index = 0;
    }
    if (article.empty() || (!line.empty() && line[0] == '#')) continue;
    size_t from = 0;
    // A clause ends after its closing mark; the first of an article keeps "第N条".
    while (from < line.size()) {
      size_t cut = line.size();
      size_t mark = 0;
      for (const std::string& e : kEnds) {
        size_t p = line.find(e, from);
        if (p != std::string::npos && p < cut) cut = p, mark = e.size();
      }
      std::string c = line.substr(from, cut + mark - from);
      from = cut + mark;
      if (c.find_first_not_of(" \t") == std::string::npos) continue;
      out.push_back({article + "." + std::to_string(index++), c});
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = LODE_CORPUS;
  bool verbose = false, mentions = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--corpus" && i + 1 < argc) corpus = argv[++i];
    else if (a == "--verbose") verbose = true;
    else if (a == "--mentions") mentions = true;
    else if (a == "-h" || a == "--help") {
      std::cout << "usage: lode-eval-zh-directs [--corpus DIR] [--verbose] [--mentions] LABELS.tsv...\n"
                   "Scores the bodies Chinese laws task (directs) against clauses labelled by reading;\n"
                   "--mentions: +id / -id labels of named / negated mentions instead.\n";
      return 0;
    } else files.push_back(a);
  }
  if (files.empty()) {
    std::cerr << "lode-eval-zh-directs: no label file given (try tests/eval/zh-directs-dev.tsv)\n";
    return 2;
  }
  // path -> key -> bodies
  std::map<std::string, std::map<std::string, std::set<std::string>>> gold;
  for (const auto& f : files) {
    std::ifstream in(f);
    if (!in) {
      std::cerr << "lode-eval-zh-directs: cannot read " << f << "\n";
      return 2;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream l(line);
      std::string path, key, ids;
      std::getline(l, path, '\t');
      std::getline(l, key, '\t');
      std::getline(l, ids, '\t');
      auto& set = gold[path][key];
      std::istringstream s(ids);
      for (std::string id; std::getline(s, id, ',');)
        if (!id.empty()) set.insert(id);
    }
  }
  auto kb = KnowledgeBase::Builtin();
  if (!kb.ok()) {
    std::cerr << "lode-eval-zh-directs: " << kb.status().message() << "\n";
    return 2;
  }
  Extractor extractor(*kb);
  Analyzer analyzer;
  size_t tp = 0, fp = 0, fn = 0, clauses = 0;
  size_t named_ok = 0, named_all = 0, negated_ok = 0, negated_all = 0;  // --mentions
  for (const auto& [path, labels] : gold) {
    std::ifstream in(corpus + "/" + path, std::ios::binary);
    if (!in) {
      std::cerr << "lode-eval-zh-directs: cannot read " << corpus << "/" << path << "\n";
      return 2;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    std::set<std::string> seen_keys;
    for (const Clause& c : Clauses(ss.str())) {
      ++clauses;
      seen_keys.insert(c.key);
      Document d;
      d.id = "doc:000000000016";
      d.kind = Kind::kLaw;
      d.language = "zh";
      d.jurisdiction = "cn";
      d.text = c.text;
      extractor.Extract(&d, analyzer);
      std::set<std::string> got;
      for (const auto& r : d.relations)
        if (r.type == RelationType::kDirects) got.insert(r.target);
      auto it = labels.find(c.key);
      if (mentions) {
        if (it == labels.end()) continue;
        std::set<std::string> named;
        for (const auto& e : d.entities) named.insert(e.id);
        for (const std::string& l : it->second) {
          const bool want = l[0] == '+';
          const std::string id = l.substr(1);
          const bool ok = named.count(id) == (want ? 1u : 0u);
          (want ? named_all : negated_all) += 1;
          (want ? named_ok : negated_ok) += ok;
          if (!ok && verbose) std::cout << (want ? "SUPPRESSED " : "NAMED ") << path << " " << c.key << " " << id << "\n";
        }
        continue;
      }
      const std::set<std::string> want = it == labels.end() ? std::set<std::string>{} : it->second;
      for (const auto& g : got) {
        if (want.count(g)) ++tp;
        else {
          ++fp;
          if (verbose) std::cout << "FP " << path << " " << c.key << " " << g << "\n";
        }
      }
      for (const auto& w : want)
        if (!got.count(w)) {
          ++fn;
          if (verbose) std::cout << "FN " << path << " " << c.key << " " << w << "\n";
        }
    }
    for (const auto& [key, ids] : labels)
      if (!seen_keys.count(key)) {
        std::cerr << "lode-eval-zh-directs: " << path << " has no clause " << key << " (label out of date?)\n";
        return 2;
      }
  }
  if (mentions) {
    std::printf("mentions: named and kept %zu/%zu  negated and left out %zu/%zu\n", named_ok, named_all, negated_ok,
                negated_all);
    std::printf("{\"named\":%zu,\"named_kept\":%zu,\"negated\":%zu,\"negated_left_out\":%zu}\n", named_all,
                named_ok, negated_all, negated_ok);
    return 0;
  }
  double p = tp + fp ? static_cast<double>(tp) / (tp + fp) : 1.0;
  double r = tp + fn ? static_cast<double>(tp) / (tp + fn) : 1.0;
  std::printf("laws %zu  clauses %zu  pairs labelled %zu  tp %zu  fp %zu  fn %zu  precision %.3f  recall %.3f\n",
              gold.size(), clauses, tp + fn, tp, fp, fn, p, r);
  std::printf("{\"laws\":%zu,\"clauses\":%zu,\"tp\":%zu,\"fp\":%zu,\"fn\":%zu,\"precision\":%.4f,\"recall\":%.4f}\n",
              gold.size(), clauses, tp, fp, fn, p, r);
  return 0;
}
