// Running the real `lode` binary from end-to-end tests (cli_test.cc,
// graph_cli_test.cc): its exit code and output, JSON parsing, file reading.
#ifndef LODESTONE_TESTS_QUERY_CLI_UTIL_H_
#define LODESTONE_TESTS_QUERY_CLI_UTIL_H_

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <sys/wait.h>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace lodestone::testing {

struct CliRun {
  int code = -1;
  std::string out;
};

// `lode` followed by `tail` exactly as given (redirections included), its
// standard output read: "... 2>&1 >/dev/full" reads the messages alone.
inline CliRun RunLodeRaw(const std::string& tail) {
  CliRun r;
  FILE* p = ::popen((std::string(LODE_BINARY) + " " + tail).c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = ::pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// `lode ARGS`: stdout only, or stdout and stderr together (to check messages).
inline CliRun RunLode(const std::string& args, bool with_stderr) {
  return RunLodeRaw(args + (with_stderr ? " 2>&1" : " 2>/dev/null"));
}

// `s` as one word for /bin/sh, whatever bytes it holds.
inline std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

inline rapidjson::Document Json(const std::string& s) {
  rapidjson::Document d;
  d.Parse(s.c_str());
  EXPECT_FALSE(d.HasParseError()) << s;
  return d;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A suite of CLI tests over one index built once, in a scratch folder
// removed after the suite. `Suite` (CRTP) gives kName (the folder's prefix)
// and Ingest(dir): the arguments of `lode ingest` (it may first copy
// fixtures into dir, for tests that change them).
template <typename Suite>
class IndexedSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(
        (std::filesystem::temp_directory_path() / (std::string(Suite::kName) + "-" + std::to_string(::getpid())))
            .string());
    std::filesystem::remove_all(*dir_);
    std::filesystem::create_directories(*dir_);
    CliRun r = RunLode("ingest " + Suite::Ingest(*dir_) + " -q" + Index(), true);
    ASSERT_EQ(r.code, 0) << r.out;
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
    dir_ = nullptr;
  }
  static std::string Index() { return " --index " + *dir_ + "/index"; }
  static inline std::string* dir_ = nullptr;
};

}  // namespace lodestone::testing

#endif  // LODESTONE_TESTS_QUERY_CLI_UTIL_H_
