// The admission gate of lode serve (server/src/admission.h; issue 12):
// expensive requests run at most N at once, in arrival order; cheap paths
// are told apart from expensive ones.
#include "admission.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace lodestone::server::internal {
namespace {

TEST(AdmissionTest, CheapPaths) {
  EXPECT_TRUE(IsCheap("/api/show/eo:14017"));
  EXPECT_TRUE(IsCheap("/api/neighbors/mineral:lithium"));
  EXPECT_TRUE(IsCheap("/api/timeline/mineral:lithium"));
  EXPECT_TRUE(IsCheap("/api/stats"));
  EXPECT_FALSE(IsCheap("/api/search"));
  EXPECT_FALSE(IsCheap("/api/trace/mineral:lithium"));
  EXPECT_FALSE(IsCheap("/api/timeline"));  // every document: not one node's
  EXPECT_FALSE(IsCheap("/api/export"));
  EXPECT_FALSE(IsCheap("/api/showx"));
}

TEST(AdmissionTest, AtMostCapacityRunAtOnce) {
  Gate gate(2);
  std::atomic<int> running{0}, most{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&] {
      Gate::Pass pass(gate);
      const int now = ++running;
      int seen = most.load();
      while (now > seen && !most.compare_exchange_weak(seen, now)) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      --running;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(most.load(), 2);
  EXPECT_EQ(gate.running(), 0);
}

TEST(AdmissionTest, WaitersAreServedInArrivalOrder) {
  Gate gate(1);
  std::mutex mu;
  std::vector<int> order;
  std::vector<std::thread> threads;
  {
    Gate::Pass first(gate);  // holds the one place while the others queue up
    for (int i = 0; i < 4; ++i) {
      threads.emplace_back([&, i] {
        Gate::Pass pass(gate);
        std::lock_guard<std::mutex> lock(mu);
        order.push_back(i);
      });
      // Thread i takes its ticket before i+1 is started.
      while (gate.waiting() < i + 1) std::this_thread::yield();
    }
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3}));
}

}  // namespace
}  // namespace lodestone::server::internal
