// Kleinberg burst detection (issue 15): hand-checked series, and the dynamic
// programme against a brute force over every state sequence of many random
// short series.
#include "lodestone/graph/bursts.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace lodestone {
namespace {

// ---- The reference: written from the definition, sharing nothing with the
// library. Cost of state q in a batch: -ln(p_q^r (1-p_q)^(d-r)); entering the
// burst state costs gamma ln n; start in state 0.
struct Reference {
  double p0 = 0, p1 = 0;
  bool possible = false;
  Reference(const std::vector<uint64_t>& r, const std::vector<uint64_t>& d, double s) {
    double R = 0, D = 0;
    for (size_t t = 0; t < r.size(); ++t) R += r[t], D += d[t];
    if (R == 0 || D == 0) return;
    p0 = R / D;
    p1 = s * p0 < 0.9999 ? s * p0 : 0.9999;
    possible = p1 > p0 && p0 < 1;
  }
  static double Sigma(double p, double r, double d) {
    double c = -r * std::log(p);
    if (d - r > 0) c -= (d - r) * std::log(1 - p);
    return c;
  }
  double SequenceCost(const std::vector<int>& q, const std::vector<uint64_t>& r, const std::vector<uint64_t>& d,
                      double gamma) const {
    double cost = 0;
    int prev = 0;
    for (size_t t = 0; t < q.size(); ++t) {
      cost += Sigma(q[t] ? p1 : p0, static_cast<double>(r[t]), static_cast<double>(d[t]));
      if (q[t] > prev) cost += gamma * std::log(static_cast<double>(q.size()));
      prev = q[t];
    }
    return cost;
  }
};

struct BruteForce {
  std::vector<int> best;
  double best_cost = INFINITY;
  double second_cost = INFINITY;  // the cheapest other sequence
};

BruteForce Enumerate(const std::vector<uint64_t>& r, const std::vector<uint64_t>& d, double s, double gamma) {
  Reference ref(r, d, s);
  BruteForce bf;
  const size_t n = r.size();
  for (uint32_t mask = 0; mask < (1u << n); ++mask) {
    std::vector<int> q(n);
    for (size_t t = 0; t < n; ++t) q[t] = (mask >> t) & 1;
    double c = ref.SequenceCost(q, r, d, gamma);
    if (c < bf.best_cost) {
      bf.second_cost = bf.best_cost;
      bf.best_cost = c;
      bf.best = q;
    } else if (c < bf.second_cost) {
      bf.second_cost = c;
    }
  }
  return bf;
}

TEST(BurstsTest, HandCheckedSeries) {
  // d = 10 a year; r = 1 1 8 8 1: p0 = 19/50, p1 = 2 p0 = 0.76, entering costs ln 5.
  std::vector<uint64_t> d = {10, 10, 10, 10, 10}, r = {1, 1, 8, 8, 1};
  auto states = BurstStates(r, d);
  EXPECT_EQ(states, (std::vector<uint8_t>{0, 0, 1, 1, 0}));
  auto bursts = DetectBursts(r, d);
  ASSERT_EQ(bursts.size(), 1u);
  EXPECT_EQ(bursts[0].start, 2u);
  EXPECT_EQ(bursts[0].end, 3u);
  // Strength: in each burst year 8 ln(0.76/0.38) + 2 ln(0.24/0.62).
  const double year = 8 * std::log(2.0) + 2 * std::log(0.24 / 0.62);
  EXPECT_NEAR(bursts[0].strength, 2 * year, 1e-12);
  EXPECT_NEAR(bursts[0].strength, 7.29403, 1e-4);  // 2 (5.545177 - 1.898162)
}

TEST(BurstsTest, GammaMakesBurstsHarderToEnter) {
  // One strong year in ten: a burst at gamma 1, none when entering costs more than the gain.
  std::vector<uint64_t> d(10, 20), r(10, 2);
  r[6] = 9;
  ASSERT_EQ(DetectBursts(r, d).size(), 1u);
  EXPECT_EQ(DetectBursts(r, d)[0].start, 6u);
  BurstOptions hard;
  hard.gamma = 3;
  const double gain = DetectBursts(r, d)[0].strength;
  ASSERT_LT(gain, hard.gamma * std::log(10.0));
  EXPECT_TRUE(DetectBursts(r, d, hard).empty());
}

TEST(BurstsTest, NoBurstWithoutAnythingToBurst) {
  EXPECT_TRUE(DetectBursts({}, {}).empty());
  EXPECT_TRUE(DetectBursts({0, 0, 0}, {5, 5, 5}).empty());  // never named
  EXPECT_TRUE(DetectBursts({5, 5, 5}, {5, 5, 5}).empty());  // named by every paper: p0 = 1
  EXPECT_TRUE(DetectBursts({1, 1, 1, 1}, {2, 2, 2, 2}).empty());  // steady
  // Years without papers cost nothing in either state: the burst does not run on through them.
  auto b = DetectBursts({0, 9, 0, 0}, {10, 10, 0, 0});
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].start, 1u);
  EXPECT_EQ(b[0].end, 1u);
}

TEST(BurstsTest, DynamicProgrammeAgreesWithBruteForceOnRandomSeries) {
  std::mt19937 rng(15);
  int unique = 0, checked = 0;
  for (int trial = 0; trial < 1500; ++trial) {
    const size_t n = 1 + rng() % 12;
    std::vector<uint64_t> d(n), r(n);
    for (size_t t = 0; t < n; ++t) {
      d[t] = rng() % 31;
      r[t] = d[t] ? rng() % (d[t] + 1) : 0;
      if (rng() % 4 == 0) r[t] = rng() % (d[t] / 4 + 1);  // quieter years
    }
    const double s = std::vector<double>{1.5, 2, 3}[rng() % 3];
    const double gamma = std::vector<double>{0.2, 0.5, 1, 2}[rng() % 4];
    BurstOptions o;
    o.s = s;
    o.gamma = gamma;
    auto states = BurstStates(r, d, o);
    ASSERT_EQ(states.size(), n);
    Reference ref(r, d, s);
    if (!ref.possible) {
      EXPECT_EQ(states, std::vector<uint8_t>(n, 0));
      continue;
    }
    BruteForce bf = Enumerate(r, d, s, gamma);
    std::vector<int> q(states.begin(), states.end());
    const double dp_cost = ref.SequenceCost(q, r, d, gamma);
    ++checked;
    ASSERT_NEAR(dp_cost, bf.best_cost, 1e-9 * (1 + std::abs(bf.best_cost))) << "trial " << trial;
    if (bf.second_cost > bf.best_cost + 1e-9) {
      ++unique;
      EXPECT_EQ(q, bf.best) << "trial " << trial;
    }
    // Strengths are the cost saved by the burst state in its years.
    for (const Burst& b : DetectBursts(r, d, o)) {
      double w = 0;
      for (size_t t = b.start; t <= b.end; ++t) {
        EXPECT_EQ(states[t], 1);
        w += Reference::Sigma(ref.p0, r[t], d[t]) - Reference::Sigma(ref.p1, r[t], d[t]);
      }
      EXPECT_NEAR(b.strength, w, 1e-9 * (1 + std::abs(w)));
    }
  }
  EXPECT_GT(checked, 1000);
  EXPECT_GT(unique, 750);   // most optima are unique, so the sequences themselves were compared
}

TEST(BurstsTest, TermBurstsByYear) {
  // 2010-2015, 10 papers a year; "lithium" is in 1 a year except 8 in 2013-2014.
  std::vector<PaperItems> papers;
  for (int y = 2010; y <= 2015; ++y)
    for (int i = 0; i < 10; ++i) {
      PaperItems p{std::to_string(y) + "-" + std::to_string(i), y, {"other"}, {}};
      const bool lithium = (y == 2013 || y == 2014) ? i < 8 : i < 1;
      if (lithium) {
        p.keys.push_back("lithium");
        p.labels = {"other", i % 2 ? "Lithium" : "lithium"};
      }
      papers.push_back(p);
    }
  papers.push_back({"undated", 0, {"lithium"}, {}});   // no year: not counted
  papers.push_back({"empty", 2011, {}, {}});           // no item: not counted
  TermBurstOptions o;
  auto rep = DetectTermBursts(papers, o);
  EXPECT_EQ(rep.first_year, 2010);
  EXPECT_EQ(rep.last_year, 2015);
  EXPECT_EQ(rep.papers, 60u);
  EXPECT_EQ(rep.papers_per_year, std::vector<uint64_t>(6, 10));
  EXPECT_EQ(rep.terms, 2u);
  ASSERT_EQ(rep.bursts.size(), 1u);  // "other" is in every paper: no burst
  EXPECT_EQ(rep.bursts[0].key, "lithium");
  EXPECT_EQ(rep.bursts[0].start, 2013);
  EXPECT_EQ(rep.bursts[0].end, 2014);
  EXPECT_EQ(rep.bursts[0].occurrences, 20u);
  EXPECT_GT(rep.bursts[0].strength, 0);
  o.min_duration = 3;
  EXPECT_TRUE(DetectTermBursts(papers, o).bursts.empty());
  o.min_duration = 1;
  o.min_occurrences = 21;
  auto none = DetectTermBursts(papers, o);
  EXPECT_EQ(none.terms_tested, 1u);  // only "other" (60)
  EXPECT_TRUE(none.bursts.empty());
}

}  // namespace
}  // namespace lodestone
