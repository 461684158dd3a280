// RunIsolated (formats/isolated_run.h; issue 11): a parser run in a child
// process gives back its value or its error, and a crash, a hang or a
// runaway allocation in it becomes an error naming what happened, while this
// process goes on.
#include "formats/isolated_run.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace lodestone::internal {
namespace {

IsolationLimits Limits(int seconds, size_t memory = 0) { return {"test parser", seconds, memory}; }

TEST(RunIsolated, GivesBackTheChildsValueWhateverItsSize) {  // issue 11
  for (size_t size : {size_t{0}, size_t{1}, size_t{65536}, size_t{20} << 20}) {
    Result<std::string> r = RunIsolated([&]() -> Result<std::string> { return std::string(size, 'x'); }, Limits(30));
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(r->size(), size);
  }
}

TEST(RunIsolated, GivesBackTheChildsErrorWithItsCode) {  // issue 11
  Result<std::string> r =
      RunIsolated([]() -> Result<std::string> { return Status::Unsupported("encrypted"); }, Limits(30));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kUnsupported);
  EXPECT_EQ(r.status().message(), "encrypted");
}

TEST(RunIsolated, ACrashInTheChildIsAnErrorNamingTheSignal) {  // issue 11
  Result<std::string> r = RunIsolated(
      []() -> Result<std::string> {
        // SIGILL, not SIGSEGV: under AddressSanitizer a SIGSEGV is caught by
        // its own handler and ends as an abort (signal 6), SIGILL is not.
        ::raise(SIGILL);
        return std::string("unreachable");
      },
      Limits(30));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("test parser crashed (signal 4"), std::string::npos) << r.status().message();
}

TEST(RunIsolated, AHangIsKilledAtTheTimeLimit) {  // issue 11
  auto start = std::chrono::steady_clock::now();
  Result<std::string> r = RunIsolated(
      []() -> Result<std::string> {
        for (;;) ::pause();
      },
      Limits(1));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("(limit: test parser time 1 s)"), std::string::npos) << r.status().message();
  EXPECT_LT(seconds, 10);
}

TEST(RunIsolated, AThrownExceptionIsAnError) {  // issue 11
  Result<std::string> r =
      RunIsolated([]() -> Result<std::string> { throw std::runtime_error("boom"); }, Limits(30));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "test parser failed: boom");
}

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LODE_TEST_ASAN 1
#endif
#endif
#if !defined(__SANITIZE_ADDRESS__) && !defined(LODE_TEST_ASAN)
// Sanitizer builds set no address-space limit (their shadow memory needs
// terabytes of it), so this case is for ordinary builds only.
TEST(RunIsolated, AnAllocationPastTheMemoryLimitIsAnErrorNamingIt) {  // issue 11
  Result<std::string> r = RunIsolated(
      []() -> Result<std::string> {
        std::vector<std::string> hog;
        for (int i = 0; i < 64; ++i) hog.emplace_back(size_t{64} << 20, 'x');  // 4 GiB
        return std::to_string(hog.size());
      },
      Limits(30, size_t{256} << 20));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("(limit: test parser memory 256 MiB)"), std::string::npos)
      << r.status().message();
}
#endif

// Children forked by several threads at once each answer their own caller
// (the ingest reads PDFs on every worker thread).
TEST(RunIsolated, ChildrenOfManyThreadsAnswerTheirOwnCaller) {  // issue 11
  std::vector<std::thread> threads;
  std::vector<std::string> got(8);
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([t, &got] {
      for (int i = 0; i < 5; ++i) {
        Result<std::string> r =
            RunIsolated([&]() -> Result<std::string> { return std::to_string(t) + ":" + std::to_string(i); },
                        Limits(30));
        if (r.ok()) got[t] += *r + " ";
      }
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < 8; ++t) {
    std::string want;
    for (int i = 0; i < 5; ++i) want += std::to_string(t) + ":" + std::to_string(i) + " ";
    EXPECT_EQ(got[t], want);
  }
}

}  // namespace
}  // namespace lodestone::internal
