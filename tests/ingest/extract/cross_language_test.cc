// Citations across languages (issue 15): Chinese text citing U.S. orders,
// laws and the Code; English text citing PRC laws; and the labelled set
// tests/eval/bridge.tsv scored for precision and recall.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "extract/cross_language.h"
#include "lodestone/ingest/extract.h"

namespace lodestone {
namespace {

const KnowledgeBase& Kb() {
  static const KnowledgeBase kb = [] {
    auto k = KnowledgeBase::Builtin();
    EXPECT_TRUE(k.ok());
    return k.ok() ? std::move(*k) : KnowledgeBase{};
  }();
  return kb;
}

const Extractor& Ex() {
  static const Extractor ex(Kb());
  return ex;
}

// The ids of the bridge's types that the extractor cites in one sentence.
std::set<std::string> Cited(const std::string& text, const std::string& date) {
  Document d;
  d.id = "doc:test";
  d.kind = Kind::kPaper;
  d.text = text;
  d.date = date;
  Analyzer analyzer;
  Ex().Extract(&d, analyzer);
  std::set<std::string> out;
  for (const auto& c : d.citations) {
    std::string type = c.id.substr(0, c.id.find(':'));
    if (type == "eo" || type == "pl" || type == "act" || type == "usc" || type == "cnlaw") out.insert(c.id);
  }
  return out;
}

std::string Join(const std::set<std::string>& s) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : " ") + x;
  return out.empty() ? "-" : out;
}

TEST(ChineseCitationsTest, OrdersByNumberInTheWaysChineseTextWritesThem) {
  struct Case {
    const char* text;
    const char* ids;
  } cases[] = {
      {"第13817号行政令", "eo:13817"},
      {"13817号总统行政命令", "eo:13817"},
      {"行政令第13817号", "eo:13817"},
      {"行政命令13953", "eo:13953"},
      {"第13817号和第13953号行政令", "eo:13817 eo:13953"},
      {"第13817号、第13953号行政令", "eo:13817 eo:13953"},
      {"第14017号《美国供应链》行政令", "eo:14017"},
      {"行政令第14241号和第14285号", "eo:14241 eo:14285"},
      {"2017年行政令", "-"},
      {"国务院令第240号", "-"},
      {"第117-169号公法", "pl:117-169"},
      {"公法117-58", "pl:117-58"},
      {"《美国法典》第30编第1606节", "usc:30/1606"},
  };
  for (const auto& c : cases) {
    std::set<std::string> ids;
    for (const auto& x : internal::FindChineseCitations(c.text, Kb())) ids.insert(x.id);
    EXPECT_EQ(Join(ids), c.ids) << c.text;
  }
}

TEST(ChineseCitationsTest, TranslatedTitlesNextToAnOrderNoun) {
  EXPECT_EQ(Join(Cited("《关于确保关键矿产安全和可靠供应的联邦战略》行政令", "")), "eo:13817");
  EXPECT_EQ(Join(Cited("行政令《确保关键矿产安全可靠供应的联邦战略》", "")), "eo:13817");
  // A short title alone is a phrase, not a citation.
  EXPECT_EQ(Join(Cited("《美国供应链》一文", "")), "-");
  EXPECT_EQ(Join(Cited("《美国供应链》行政令", "")), "eo:14017");
  EXPECT_GT(internal::TitleSimilarity("关于确保关键矿产安全和可靠供应的联邦战略", "确保关键矿产安全可靠供应的联邦战略"), 0.9);
  EXPECT_LT(internal::TitleSimilarity("美国供应链", "释放美国能源"), 0.3);
}

TEST(ChineseCitationsTest, NamedActsByTheirChineseNamesCiteTheActAndItsPublicLaw) {
  EXPECT_EQ(Join(Cited("《通胀削减法案》", "")), "act:inflation-reduction-act-of-2022 pl:117-169");
  EXPECT_EQ(Join(Cited("美国《国防生产法》第三章", "")), "act:defense-production-act-of-1950 pl:81-774");
  EXPECT_EQ(Join(Cited("《2020年能源法》", "")), "act:energy-act-of-2020");  // part of an omnibus law: no number of its own
  // The English names cite the act only, as before.
  EXPECT_EQ(Join(Cited("the Inflation Reduction Act of 2022", "")), "act:inflation-reduction-act-of-2022");
}

TEST(ChineseLawVersionTest, TheYearNamedElseTheVersionInForceOnTheDate) {
  const Entity* law = Kb().Find("cnlaw:中华人民共和国矿产资源法");
  ASSERT_NE(law, nullptr);
  auto version = [&](const std::string& text, const std::string& date) {
    size_t b = text.find("Mineral Resources Law");
    return internal::ChineseLawVersion(*law, text, b, b + 21, date);
  };
  EXPECT_EQ(version("the 2024 Mineral Resources Law", "2025-01-01"), "cnlaw:中华人民共和国矿产资源法@2024-11-08");
  EXPECT_EQ(version("the Mineral Resources Law (revised 1996)", "2025-01-01"), "cnlaw:中华人民共和国矿产资源法@1996-08-29");
  EXPECT_EQ(version("the Mineral Resources Law", "2023-06-01"), "cnlaw:中华人民共和国矿产资源法@2009-08-27");
  EXPECT_EQ(version("the Mineral Resources Law", "2025-06-01"), "cnlaw:中华人民共和国矿产资源法@2024-11-08");
  EXPECT_EQ(version("the Mineral Resources Law", ""), "cnlaw:中华人民共和国矿产资源法@2024-11-08");
  EXPECT_EQ(version("the Mineral Resources Law", "1980-01-01"), "cnlaw:中华人民共和国矿产资源法@1986-03-19");
}

// The labelled set: precision and recall over (sentence, id) pairs, by split
// and by direction. The tune split's floor is what tuning reached; the
// held-out split is scored only (its floor guards against regressions).
TEST(BridgeEval, LabelledSentencesPrecisionAndRecall) {
  std::ifstream in(std::string(LODE_FIXTURES) + "/../eval/bridge.tsv");
  ASSERT_TRUE(in) << "tests/eval/bridge.tsv";
  struct Score {
    size_t tp = 0, fp = 0, fn = 0, sentences = 0;
  };
  std::map<std::string, Score> by;  // "tune zh->us", "held en->cn", "tune", ...
  std::string line;
  std::ostringstream misses;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) f.push_back(cell);
    ASSERT_EQ(f.size(), 4u) << line;
    std::set<std::string> want;
    std::stringstream ids(f[2]);
    for (std::string id; ids >> id;)
      if (id != "-") want.insert(id);
    const std::set<std::string> got = Cited(f[3], f[1]);
    const bool chinese = std::any_of(f[3].begin(), f[3].end(), [](char c) { return static_cast<unsigned char>(c) >= 0xE3; });
    for (const std::string& key : {f[0], f[0] + (chinese ? " zh->us" : " en->cn")}) {
      Score& s = by[key];
      ++s.sentences;
      for (const auto& id : got) (want.count(id) ? s.tp : s.fp)++;
      for (const auto& id : want) s.fn += !got.count(id);
    }
    if (got != want) misses << "  [" << f[0] << "] want " << Join(want) << ", got " << Join(got) << ": " << f[3] << "\n";
  }
  auto p = [](const Score& s) { return s.tp + s.fp ? double(s.tp) / double(s.tp + s.fp) : 1.0; };
  auto r = [](const Score& s) { return s.tp + s.fn ? double(s.tp) / double(s.tp + s.fn) : 1.0; };
  for (const auto& [key, s] : by)
    std::printf("[ bridge ] %-12s %3zu sentences  precision %.3f (%zu/%zu)  recall %.3f (%zu/%zu)\n", key.c_str(),
                s.sentences, p(s), s.tp, s.tp + s.fp, r(s), s.tp, s.tp + s.fn);
  std::printf("[ bridge ] sentences not exactly right:\n%s", misses.str().c_str());
  ASSERT_TRUE(by.count("tune") && by.count("held"));
  EXPECT_GE(p(by["tune"]), 0.95);
  EXPECT_GE(r(by["tune"]), 0.95);
  EXPECT_GE(p(by["held"]), 0.85);
  EXPECT_GE(r(by["held"]), 0.85);
}

}  // namespace
}  // namespace lodestone
