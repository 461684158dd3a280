#include "lodestone/graph/bursts.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <map>
#include <unordered_map>

namespace lodestone {

namespace {

constexpr double kMaxRate = 0.9999;  // p1 stays below 1 so that ln(1 - p1) is finite

struct Rates {
  double p0 = 0, p1 = 0;
  bool any = false;  // a burst state is possible at all
};

Rates RatesOf(const std::vector<uint64_t>& r, const std::vector<uint64_t>& d, double s) {
  double rs = 0, ds = 0;
  for (size_t t = 0; t < r.size(); ++t) {
    rs += static_cast<double>(r[t]);
    ds += static_cast<double>(d[t]);
  }
  Rates k;
  if (rs <= 0 || ds <= 0) return k;
  k.p0 = rs / ds;
  k.p1 = std::min(s * k.p0, kMaxRate);
  k.any = k.p1 > k.p0 && k.p0 < 1;
  return k;
}

double Cost(double p, uint64_t r, uint64_t d) {
  const double hits = static_cast<double>(r), misses = static_cast<double>(d - r);
  return -(hits * std::log(p) + (misses > 0 ? misses * std::log(1 - p) : 0.0));
}

}  // namespace

std::vector<uint8_t> BurstStates(const std::vector<uint64_t>& r, const std::vector<uint64_t>& d,
                                 const BurstOptions& options) {
  assert(r.size() == d.size());
  const size_t n = r.size();
  std::vector<uint8_t> states(n, 0);
  const Rates k = RatesOf(r, d, options.s);
  if (n == 0 || !k.any) return states;
  const double enter = options.gamma * std::log(static_cast<double>(n));
  // cost0/cost1: least cost of batches 0..t ending in state 0/1; from[t][q]:
  // the state before batch t on that cheapest path. Ties go to state 0.
  double cost0 = 0, cost1 = INFINITY;  // before batch 0 the automaton is in state 0
  std::vector<std::array<uint8_t, 2>> from(n);
  for (size_t t = 0; t < n; ++t) {
    assert(r[t] <= d[t]);
    const double s0 = Cost(k.p0, r[t], d[t]), s1 = Cost(k.p1, r[t], d[t]);
    from[t][0] = cost1 < cost0 ? 1 : 0;                 // leaving the burst state is free
    from[t][1] = cost1 < cost0 + enter ? 1 : 0;         // entering it costs γ ln n
    const double n0 = std::min(cost0, cost1) + s0;
    const double n1 = std::min(cost1, cost0 + enter) + s1;
    cost0 = n0;
    cost1 = n1;
  }
  uint8_t q = cost1 < cost0 ? 1 : 0;
  for (size_t t = n; t-- > 0;) {
    states[t] = q;
    q = from[t][q];
  }
  return states;
}

std::vector<Burst> DetectBursts(const std::vector<uint64_t>& r, const std::vector<uint64_t>& d,
                                const BurstOptions& options) {
  std::vector<uint8_t> states = BurstStates(r, d, options);
  std::vector<Burst> out;
  const Rates k = RatesOf(r, d, options.s);
  for (size_t t = 0; t < states.size();) {
    if (!states[t]) {
      ++t;
      continue;
    }
    Burst b;
    b.start = t;
    while (t < states.size() && states[t]) {
      b.strength += Cost(k.p0, r[t], d[t]) - Cost(k.p1, r[t], d[t]);
      ++t;
    }
    b.end = t - 1;
    out.push_back(b);
  }
  return out;
}

BurstReport DetectTermBursts(const std::vector<PaperItems>& papers, const TermBurstOptions& options) {
  BurstReport rep;
  int lo = 0, hi = 0;
  for (const auto& p : papers) {
    if (p.year <= 0 || p.keys.empty()) continue;
    lo = lo ? std::min(lo, p.year) : p.year;
    hi = std::max(hi, p.year);
  }
  if (!lo) return rep;
  rep.first_year = lo;
  rep.last_year = hi;
  const size_t n = static_cast<size_t>(hi - lo + 1);
  rep.papers_per_year.assign(n, 0);
  struct Term {
    std::string key;
    std::vector<uint64_t> r;
    uint64_t total = 0;
    std::map<std::string, uint32_t> labels;
    std::string first_label;
  };
  std::unordered_map<std::string, size_t> term_of;
  std::vector<Term> terms;
  for (const auto& p : papers) {
    if (p.year <= 0 || p.keys.empty()) continue;
    const size_t t = static_cast<size_t>(p.year - lo);
    std::vector<size_t> seen;
    for (size_t i = 0; i < p.keys.size(); ++i) {
      if (p.keys[i].empty()) continue;
      auto [it, added] = term_of.emplace(p.keys[i], terms.size());
      if (added) {
        terms.push_back({p.keys[i], std::vector<uint64_t>(n, 0), 0, {}, {}});
      }
      if (std::find(seen.begin(), seen.end(), it->second) != seen.end()) continue;
      seen.push_back(it->second);
      Term& term = terms[it->second];
      ++term.r[t];
      ++term.total;
      const std::string& label = i < p.labels.size() && !p.labels[i].empty() ? p.labels[i] : p.keys[i];
      if (term.first_label.empty()) term.first_label = label;
      ++term.labels[label];
    }
    if (seen.empty()) continue;
    ++rep.papers_per_year[t];
    ++rep.papers;
  }
  rep.terms = terms.size();
  for (const Term& term : terms) {
    if (term.total < std::max<uint32_t>(1, options.min_occurrences)) continue;
    ++rep.terms_tested;
    std::string label = term.first_label;
    uint32_t best = term.labels.count(label) ? term.labels.at(label) : 0;
    for (const auto& [l, c] : term.labels)
      if (c > best) {
        best = c;
        label = l;
      }
    for (const Burst& b : DetectBursts(term.r, rep.papers_per_year, options.burst)) {
      if (b.end - b.start + 1 < std::max<uint32_t>(1, options.min_duration)) continue;
      rep.bursts.push_back({term.key, label, lo + static_cast<int>(b.start), lo + static_cast<int>(b.end), b.strength,
                            term.total});
    }
  }
  std::sort(rep.bursts.begin(), rep.bursts.end(), [](const TermBurst& a, const TermBurst& b) {
    if (a.strength != b.strength) return a.strength > b.strength;
    if (a.key != b.key) return a.key < b.key;
    return a.start < b.start;
  });
  return rep;
}

}  // namespace lodestone
