// Kleinberg's burst detection (Kleinberg 2002, "Bursty and hierarchical
// structure in streams", the batched two-state automaton CiteSpace uses) on
// counts per year: which keywords, or which cited works, were named by an
// unusually large share of the papers of some years.
//
// Batch t (a year) has d_t papers, r_t of which name the term. The base
// state emits at p0 = R / D (R = Σ r_t, D = Σ d_t), the burst state at
// p1 = s · p0 (capped below 1). Being in state i in batch t costs
// σ(i, t) = −ln[p_i^r_t (1 − p_i)^(d_t − r_t)] (the binomial coefficient is
// the same in both states and left out); entering the burst state costs
// γ · ln(n) for n batches, leaving it is free; the automaton starts in the
// base state. The state sequence of least total cost is found by dynamic
// programming (Viterbi); on equal costs the base state is preferred, so a
// burst never runs on through years without papers. A burst is a maximal run
// of burst states; its strength (Kleinberg's weight, CiteSpace's
// "Strength") is Σ over its years of σ(0, t) − σ(1, t).
// Thread-safety: pure functions.
#ifndef LODESTONE_GRAPH_BURSTS_H_
#define LODESTONE_GRAPH_BURSTS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "lodestone/graph/bibliometric_network.h"

namespace lodestone {

struct BurstOptions {
  double s = 2.0;      // burst rate / base rate
  double gamma = 1.0;  // transition cost factor
};

// A burst in batch numbers (inclusive).
struct Burst {
  size_t start = 0, end = 0;
  double strength = 0;
};

// The cheapest state sequence (0 base, 1 burst) for r_t of d_t; empty when
// the series is empty. r and d must have the same length and r_t <= d_t.
// All zeros when the term is never named or named by every paper (p1 would
// not exceed p0).
std::vector<uint8_t> BurstStates(const std::vector<uint64_t>& r, const std::vector<uint64_t>& d,
                                 const BurstOptions& options = {});
// The bursts of that sequence, in time order.
std::vector<Burst> DetectBursts(const std::vector<uint64_t>& r, const std::vector<uint64_t>& d,
                                const BurstOptions& options = {});

// Bursts of items over papers by year (PaperItems as for networks; papers
// without a year, and papers naming no item, are not counted in d_t).
struct TermBurst {
  std::string key, label;  // label: the most frequent printed form
  int start = 0, end = 0;  // years, inclusive
  double strength = 0;
  uint64_t occurrences = 0;  // papers naming the term, all years
};
struct BurstReport {
  int first_year = 0, last_year = 0;  // the batches: every year between (0, 0 when no paper has a year)
  std::vector<uint64_t> papers_per_year;  // d_t
  size_t papers = 0;                      // papers counted (with a year and an item)
  size_t terms = 0;                       // distinct terms
  size_t terms_tested = 0;                // terms named by at least min_occurrences papers
  std::vector<TermBurst> bursts;          // strongest first; a term with two bursts appears twice
};
struct TermBurstOptions {
  BurstOptions burst;
  uint32_t min_occurrences = 1;  // terms named by fewer papers are not tested
  uint32_t min_duration = 1;     // bursts shorter than this many years are dropped
};
BurstReport DetectTermBursts(const std::vector<PaperItems>& papers, const TermBurstOptions& options = {});

}  // namespace lodestone

#endif  // LODESTONE_GRAPH_BURSTS_H_
