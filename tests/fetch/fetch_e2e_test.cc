// `lode fetch federal-register` end to end, against a local replay of the
// Federal Register API (replay_server.py) built from the real API records of
// the shared corpus, read in place (issue 14). There is no internet here: every
// request goes to 127.0.0.1 on a port the server picks, the server exits by
// itself after a few minutes, and every process a test starts is killed by it.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <rapidjson/document.h>
#include <signal.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "../query/cli_util.h"
#include "lodestone/index/searcher.h"

namespace fs = std::filesystem;

namespace lodestone {
namespace {

using testing::Json;
using testing::ReadFile;
using testing::RunLode;

// ------------------------------------------------------------ the corpus side

struct CorpusRecord {
  std::string number;     // document_number
  std::string published;  // publication_date
  std::string json;       // path of EO_<n>.json
  std::string text;       // the full text a default fetch saves: EO_<n>.xml, else EO_<n>.htm
  std::string text_ext;   // ".xml" or ".htm"
};

// The records the replay server serves, by document number.
const std::map<std::string, CorpusRecord>& Corpus() {
  static const std::map<std::string, CorpusRecord> records = [] {
    std::map<std::string, CorpusRecord> out;
    const fs::path dir = fs::path(LODE_CORPUS) / "fr-eo-1994-2020" / "executive_orders";
    for (const auto& e : fs::directory_iterator(dir)) {
      const std::string name = e.path().filename().string();
      if (name.rfind("EO_", 0) != 0 || e.path().extension() != ".json") continue;
      rapidjson::Document d = Json(ReadFile(e.path().string()));
      CorpusRecord r;
      r.number = d["document_number"].GetString();
      r.published = d["publication_date"].GetString();
      r.json = e.path().string();
      fs::path stem = e.path();
      stem.replace_extension();
      for (const char* ext : {".xml", ".htm"})
        if (r.text.empty() && fs::exists(stem.string() + ext)) r.text = stem.string() + ext, r.text_ext = ext;
      out[r.number] = r;
    }
    return out;
  }();
  return records;
}

std::vector<const CorpusRecord*> Published(const std::string& from, const std::string& to) {
  std::vector<const CorpusRecord*> out;
  for (const auto& [n, r] : Corpus())
    if (r.published >= from && r.published <= to) out.push_back(&r);
  return out;
}

// A fetched record equals the corpus record except for the full-text links,
// which the replay server points at itself.
void ExpectSameRecord(const std::string& fetched_path, const CorpusRecord& r) {
  rapidjson::Document got = Json(ReadFile(fetched_path)), want = Json(ReadFile(r.json));
  ASSERT_TRUE(got.IsObject()) << fetched_path;
  EXPECT_EQ(got.MemberCount(), want.MemberCount()) << fetched_path;
  for (const auto& m : want.GetObject()) {
    const std::string key = m.name.GetString();
    if (key == "full_text_xml_url" || key == "body_html_url" || key == "raw_text_url") continue;
    auto it = got.FindMember(m.name);
    ASSERT_NE(it, got.MemberEnd()) << fetched_path << " lacks " << key;
    EXPECT_TRUE(it->value == m.value) << fetched_path << ": " << key;
  }
}

// ------------------------------------------------------------ processes

// Starts a program with stdout to `out` (or a pipe when out_fd < 0 is asked
// for through ReadLine) and stderr to `err_path`.
pid_t Spawn(const std::vector<std::string>& args, int stdout_fd, const std::string& err_path) {
  pid_t pid = ::fork();
  if (pid == 0) {
    ::setpgid(0, 0);
    if (stdout_fd >= 0) ::dup2(stdout_fd, 1);
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (err >= 0) ::dup2(err, 2);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

int Wait(pid_t pid) {
  int status = 0;
  if (::waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// argv for `lode ARGS` with the value of --rate replaced.
std::vector<std::string> LodeArgv(const std::string& args, const std::string& rate) {
  std::istringstream in(args);
  std::vector<std::string> w = {LODE_BINARY};
  for (std::string x; in >> x;) w.push_back(x);
  auto it = std::find(w.begin(), w.end(), "--rate");
  if (it != w.end() && it + 1 != w.end()) *(it + 1) = rate;
  return w;
}

struct LogLine {
  int status = 0;
  std::string path, agent;
  bool whole = true;  // answered in time and in full (no fault injected)
};

// The replay server of one test, on a port it chose.
class ReplayServer {
 public:
  ReplayServer(const fs::path& work, const std::string& control, const std::string& tls_cert = "",
               const std::string& tls_key = "")
      : control_(work / "control.json"), log_(work / "requests.log") {
    Control(control);
    int pipe_fd[2];
    if (::pipe(pipe_fd) != 0) return;
    std::vector<std::string> args = {LODE_PYTHON, LODE_REPLAY_SERVER, "--corpus", LODE_CORPUS, "--control",
                                     control_.string(), "--log", log_.string(), "--max-seconds", "240"};
    if (!tls_cert.empty()) args.insert(args.end(), {"--tls", tls_cert, tls_key});
    pid_ = Spawn(args, pipe_fd[1], (work / "server.err").string());
    ::close(pipe_fd[1]);
    // "listening on 127.0.0.1:PORT", within 30 s.
    std::string line;
    pollfd p{pipe_fd[0], POLLIN, 0};
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
      if (::poll(&p, 1, 200) <= 0) continue;
      char buf[256];
      ssize_t n = ::read(pipe_fd[0], buf, sizeof buf);
      if (n <= 0) break;
      line.append(buf, static_cast<size_t>(n));
    }
    ::close(pipe_fd[0]);
    size_t colon = line.rfind(':');
    if (line.rfind("listening on 127.0.0.1:", 0) == 0 && colon != std::string::npos)
      port_ = std::stoi(line.substr(colon + 1));
  }
  ~ReplayServer() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      Wait(pid_);
    }
  }
  bool ok() const { return port_ > 0; }
  std::string api(const char* scheme = "http") const {
    return std::string(scheme) + "://127.0.0.1:" + std::to_string(port_) + "/api/v1";
  }

  // Replaces the control file (by rename, so the server sees a new file).
  void Control(const std::string& json) {
    const fs::path tmp = control_.string() + ".tmp";
    std::ofstream(tmp) << json;
    fs::rename(tmp, control_);
  }

  std::vector<LogLine> Log() const {
    std::vector<LogLine> out;
    std::ifstream in(log_);
    for (std::string line; std::getline(in, line);) {
      std::vector<std::string> f;
      std::stringstream ss(line);
      for (std::string x; std::getline(ss, x, '\t');) f.push_back(x);
      if (f.size() < 3) continue;
      out.push_back({std::stoi(f[1]), f[2], f.size() > 3 ? f[3] : "", f.size() < 5 || f[4] == "-"});
    }
    return out;
  }

 private:
  fs::path control_, log_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// Full texts delivered (200, whole and in time) per document number, from log
// lines [from, end).
std::map<std::string, int> FullTextsServed(const std::vector<LogLine>& log, size_t from = 0) {
  std::map<std::string, int> out;
  for (size_t i = from; i < log.size(); ++i) {
    const auto& l = log[i];
    if (l.status != 200 || !l.whole || l.path.rfind("/full_text/", 0) != 0) continue;
    std::string file = fs::path(l.path).filename().string();
    out[file.substr(0, file.rfind('.'))]++;
  }
  return out;
}

std::set<std::string> Names(const fs::path& dir) {
  std::set<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) out.insert(e.path().filename().string());
  return out;
}

size_t CountWithExtension(const fs::path& dir, const std::string& ext) {
  size_t n = 0;
  for (const auto& name : Names(dir))
    if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0 && name[0] != '.')
      ++n;
  return n;
}

size_t TempFiles(const fs::path& dir) {
  size_t n = 0;
  for (const auto& name : Names(dir)) n += name.rfind(".lode-tmp-", 0) == 0;
  return n;
}

class FetchE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    work_ = fs::temp_directory_path() / ("lode-fetch-e2e-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(work_);
    fs::create_directories(work_);
    dir_ = work_ / "fr";
    ASSERT_GT(Corpus().size(), 900u) << "the replay needs the shared corpus at " << LODE_CORPUS;
  }
  void TearDown() override {
    if (!std::getenv("LODE_KEEP_TEST_DIR")) fs::remove_all(work_);
  }

  // `lode fetch federal-register -o DIR --api API <args>`: fast pacing for a
  // local server, a small cap and pages so that splitting and paging happen.
  std::string Fetch(const ReplayServer& s, const std::string& args) const {
    return "fetch federal-register -o " + dir_.string() + " --api " + s.api() +
           " --type executive_order --per-page 20 --result-cap 50 --rate 2000 --backoff 0.01 " + args;
  }

  fs::path work_, dir_;
};

constexpr const char* kFaults =
    R"({"cap":50,"every_429":17,"every_500":29,"every_malformed":23,"every_truncate":31,"every_slow":211,)"
    R"("slow_seconds":1.5})";

// Every record once, its full text byte for byte, through 429s, 503s,
// malformed and truncated pages and a response slower than the timeout; the
// 10,000-style cap (50 here) is split until all ~1,000 records are found; a
// second run with nothing new downloads no full text.
TEST_F(FetchE2eTest, EveryRecordOnceThroughFaultsThenNothingNew) {
  ReplayServer server(work_, kFaults);
  ASSERT_TRUE(server.ok());
  auto run = RunLode(Fetch(server, "--timeout 1 --json"), false);
  ASSERT_EQ(run.code, 0) << run.out;
  rapidjson::Document j = Json(run.out);
  const uint64_t n = Corpus().size();
  EXPECT_EQ(j["records"].GetUint64(), n);
  EXPECT_EQ(j["new"].GetUint64(), n);
  EXPECT_EQ(j["full_texts"].GetUint64(), n);
  EXPECT_EQ(j["failed"].Size(), 0u);
  EXPECT_GT(j["splits"].GetUint64(), 10u);  // 50 at a time: the range was halved many times
  EXPECT_GT(j["retries"].GetUint64(), 20u);
  EXPECT_TRUE(j["ingest"].IsNull());

  std::set<std::string> expected = {".lode-fetch.json", ".lode-fetch.lock"};
  for (const auto& [number, r] : Corpus()) {
    ExpectSameRecord((dir_ / (number + ".json")).string(), r);
    const fs::path text = dir_ / (number + r.text_ext);
    ASSERT_TRUE(fs::exists(text)) << text;
    EXPECT_EQ(ReadFile(text.string()), ReadFile(r.text)) << text;
    expected.insert(number + ".json");
    expected.insert(number + r.text_ext);
  }
  EXPECT_EQ(Names(dir_), expected);  // nothing else: no temporary file, no half file

  const auto log = server.Log();
  auto served = FullTextsServed(log);
  EXPECT_EQ(served.size(), n);
  for (const auto& [number, times] : served) EXPECT_EQ(times, 1) << number;
  int limited = 0, unavailable = 0;
  for (const auto& l : log) {
    limited += l.status == 429;
    unavailable += l.status == 503;
    EXPECT_EQ(l.agent.rfind("lode/", 0), 0u) << l.agent;
  }
  EXPECT_GT(limited, 10);
  EXPECT_GT(unavailable, 5);

  // Nothing new: the searches only.
  server.Control(R"({"cap":50})");
  const size_t before = server.Log().size();
  auto again = RunLode(Fetch(server, "--json"), false);
  ASSERT_EQ(again.code, 0) << again.out;
  rapidjson::Document k = Json(again.out);
  EXPECT_EQ(k["records"].GetUint64(), n);
  EXPECT_EQ(k["new"].GetUint64(), 0u);
  EXPECT_EQ(k["changed"].GetUint64(), 0u);
  EXPECT_EQ(k["unchanged"].GetUint64(), n);
  EXPECT_EQ(k["full_texts"].GetUint64(), 0u);
  EXPECT_EQ(k["requests"].GetUint64(), k["pages"].GetUint64());
  EXPECT_TRUE(FullTextsServed(server.Log(), before).empty());
  auto text = RunLode(Fetch(server, ""), false);
  EXPECT_NE(text.out.find("fetch: nothing new; " + std::to_string(n) + " documents listed, all unchanged"),
            std::string::npos)
      << text.out;
}

// Documents published after the first run are new in the second; a record
// whose disposition notes changed is saved again (its full text is not
// downloaded again); a record whose only change is its page-view counter is
// unchanged.
TEST_F(FetchE2eTest, ASecondRunFetchesOnlyWhatIsNewOrChanged) {
  ReplayServer server(work_, R"({"cap":50,"until":"2019-12-31"})");
  ASSERT_TRUE(server.ok());
  const std::string range = "--since 2019-01-01 --until 2020-12-31 --json";
  const auto in_2019 = Published("2019-01-01", "2019-12-31"), in_2020 = Published("2020-01-01", "2020-12-31");
  ASSERT_GT(in_2019.size(), 10u);
  ASSERT_GT(in_2020.size(), 10u);
  auto first = RunLode(Fetch(server, range), false);
  ASSERT_EQ(first.code, 0) << first.out;
  EXPECT_EQ(Json(first.out)["new"].GetUint64(), in_2019.size());

  const std::string revised = in_2019[3]->number, viewed = in_2019[5]->number;
  const std::string old_views = ReadFile((dir_ / (viewed + ".json")).string());
  server.Control(R"({"cap":50,"edits":{")" + revised + R"(":{"disposition_notes":"Revoked by: EO 99999, January 1, 2021"},")" +
                 viewed + R"(":{"page_views":{"count":123456,"last_updated":"2021-01-01 00:00:00 -0500"}}}})");
  const size_t before = server.Log().size();
  auto second = RunLode(Fetch(server, range), false);
  ASSERT_EQ(second.code, 0) << second.out;
  rapidjson::Document j = Json(second.out);
  EXPECT_EQ(j["new"].GetUint64(), in_2020.size());
  EXPECT_EQ(j["changed"].GetUint64(), 1u);
  EXPECT_EQ(j["unchanged"].GetUint64(), in_2019.size() - 1);
  EXPECT_EQ(j["full_texts"].GetUint64(), in_2020.size());
  std::set<std::string> downloaded, published_2020;
  for (const auto& [number, times] : FullTextsServed(server.Log(), before)) downloaded.insert(number);
  for (const auto* r : in_2020) published_2020.insert(r->number);
  EXPECT_EQ(downloaded, published_2020);
  EXPECT_NE(ReadFile((dir_ / (revised + ".json")).string()).find("Revoked by: EO 99999"), std::string::npos);
  EXPECT_EQ(ReadFile((dir_ / (viewed + ".json")).string()), old_views);

  auto third = RunLode(Fetch(server, range), false);
  rapidjson::Document k = Json(third.out);
  EXPECT_EQ(k["new"].GetUint64() + k["changed"].GetUint64() + k["full_texts"].GetUint64(), 0u);
}

// A day with more documents than the cap cannot be split further: what the
// API lists is saved and the day is reported, with a non-zero exit.
TEST_F(FetchE2eTest, ADayOverTheCapIsReported) {
  ReplayServer server(work_, R"({"cap":5})");
  ASSERT_TRUE(server.ok());
  auto run = RunLode("fetch federal-register -o " + dir_.string() + " --api " + server.api() +
                         " --since 2001-12-01 --until 2001-12-31 --per-page 5 --result-cap 5 --rate 2000"
                         " --full-text none --json",
                     false);
  EXPECT_EQ(run.code, 1) << run.out;
  rapidjson::Document j = Json(run.out);
  const auto december = Published("2001-12-01", "2001-12-31"), day = Published("2001-12-21", "2001-12-21");
  ASSERT_EQ(day.size(), 8u);  // the corpus has eight orders published that day
  ASSERT_EQ(j["failed"].Size(), 1u);
  const std::string error = j["failed"][0]["error"].GetString();
  EXPECT_NE(error.find("at most 5 documents per search and 2001-12-21 has at least that many"), std::string::npos)
      << error;
  EXPECT_EQ(j["records"].GetUint64(), december.size() - 3);
  EXPECT_EQ(CountWithExtension(dir_, ".json"), december.size() - 3);
  EXPECT_EQ(j["full_texts"].GetUint64(), 0u);
  EXPECT_EQ(CountWithExtension(dir_, ".xml") + CountWithExtension(dir_, ".htm"), 0u);
}

// kill -9 in the middle, then the same command: no half-written file, every
// document once, no temporary file left.
TEST_F(FetchE2eTest, AKilledFetchResumesWithoutFetchingTwice) {
  ReplayServer server(work_, R"({"cap":50})");
  ASSERT_TRUE(server.ok());
  const auto obama = Published("2009-01-01", "2016-12-31");
  // --rate 40: slow enough to be caught in the middle.
  const auto args = LodeArgv(Fetch(server, "--since 2009-01-01 --until 2016-12-31"), "40");
  const int null_fd = ::open("/dev/null", O_WRONLY);
  pid_t pid = Spawn(args, null_fd, (work_ / "killed.err").string());
  ::close(null_fd);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (CountWithExtension(dir_, ".json") < 40 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ::kill(pid, SIGKILL);
  EXPECT_EQ(Wait(pid), 128 + SIGKILL);
  const size_t saved = CountWithExtension(dir_, ".json");
  ASSERT_GE(saved, 40u);
  ASSERT_LT(saved, obama.size());
  // What is there is whole.
  for (const auto& name : Names(dir_)) {
    if (name[0] == '.') continue;
    const std::string number = name.substr(0, name.rfind('.'));
    const auto& r = Corpus().at(number);
    if (name.size() > 5 && name.substr(name.size() - 5) == ".json")
      ExpectSameRecord((dir_ / name).string(), r);
    else
      EXPECT_EQ(ReadFile((dir_ / name).string()), ReadFile(r.text)) << name;
  }

  auto run = RunLode(Fetch(server, "--since 2009-01-01 --until 2016-12-31 --json"), false);
  ASSERT_EQ(run.code, 0) << run.out;
  rapidjson::Document j = Json(run.out);
  EXPECT_EQ(j["records"].GetUint64(), obama.size());
  EXPECT_EQ(j["changed"].GetUint64(), 0u);
  EXPECT_GE(j["unchanged"].GetUint64(), saved);
  EXPECT_EQ(j["new"].GetUint64() + j["unchanged"].GetUint64(), obama.size());
  EXPECT_EQ(TempFiles(dir_), 0u);
  EXPECT_EQ(CountWithExtension(dir_, ".json"), obama.size());
  // At most the one download in flight at the kill was served twice.
  int twice = 0;
  auto served = FullTextsServed(server.Log());
  EXPECT_EQ(served.size(), obama.size());
  for (const auto& [number, times] : served) {
    EXPECT_LE(times, 2) << number;
    twice += times == 2;
  }
  EXPECT_LE(twice, 1);
}

// Ctrl-C (SIGINT) stops between requests: the summary says so, the state is
// saved, no temporary file stays.
TEST_F(FetchE2eTest, AnInterruptedFetchSavesItsState) {
  ReplayServer server(work_, R"({"cap":50})");
  ASSERT_TRUE(server.ok());
  const auto args = LodeArgv(Fetch(server, "--since 2009-01-01 --until 2016-12-31 --json"), "40");
  const std::string out_path = (work_ / "out.json").string();
  const int out_fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = Spawn(args, out_fd, (work_ / "interrupted.err").string());
  ::close(out_fd);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (CountWithExtension(dir_, ".json") < 20 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ::kill(pid, SIGINT);
  EXPECT_EQ(Wait(pid), 1);
  rapidjson::Document j = Json(ReadFile(out_path));
  EXPECT_TRUE(j["interrupted"].GetBool());
  EXPECT_GE(j["records"].GetUint64(), 20u);
  EXPECT_EQ(TempFiles(dir_), 0u);
  rapidjson::Document state = Json(ReadFile((dir_ / ".lode-fetch.json").string()));
  EXPECT_GE(state["documents"].MemberCount(), 20u);
  EXPECT_FALSE(state["last_run"]["complete"].GetBool());
}

// What a researcher gets from fetch --ingest is what they would get from
// ingesting the same API records and full texts copied by hand: same ids,
// titles, dates, kinds, presidents, entity, citation and relation postings.
// The slices cover the records the corpus makes hard: an order whose record
// has no number (1996, 2019), an XML heading with a misprinted number (EO
// 13523, December 2009), one without "of" (EO 13739, September 2016), and
// printed-text orders from before the XML era.
std::string Dump(const std::string& index) {
  auto s = Searcher::Open(index);
  EXPECT_TRUE(s.ok()) << index;
  if (!s.ok()) return {};
  auto g = (*s)->ReadGraphSource();
  EXPECT_TRUE(g.ok());
  std::vector<std::string> lines;
  for (const auto& d : g->docs) lines.push_back("doc " + d.id + " | " + d.kind + " | " + d.date + " | " + d.title + " | " + d.president);
  auto postings = [&](const char* what, const std::vector<GraphTermPostings>& list) {
    for (const auto& t : list)
      for (const auto& [row, count] : t.docs)
        lines.push_back(std::string(what) + " " + t.term + " " + g->docs[row].id + " " + std::to_string(count));
  };
  postings("entity", g->entities);
  postings("citation", g->citations);
  postings("relation", g->relations);
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

TEST_F(FetchE2eTest, TheIngestedIndexEqualsAnIngestOfTheSameFilesCopiedByHand) {
  ReplayServer server(work_, R"({"cap":50})");
  ASSERT_TRUE(server.ok());
  const fs::path fetched_index = work_ / "index-fetched", hand_index = work_ / "index-hand";
  const std::vector<std::pair<const char*, const char*>> slices = {{"1996-01-01", "1996-12-31"},
                                                                   {"2000-01-01", "2000-06-30"},
                                                                   {"2009-12-01", "2009-12-31"},
                                                                   {"2016-09-01", "2016-09-30"},
                                                                   {"2019-12-01", "2019-12-31"}};
  std::string last;
  for (size_t i = 0; i < slices.size(); ++i) {
    std::string args = std::string("--since ") + slices[i].first + " --until " + slices[i].second;
    if (i + 1 == slices.size()) args += " --ingest --index " + fetched_index.string() + " --json";
    auto run = RunLode(Fetch(server, args), false);
    ASSERT_EQ(run.code, 0) << args << "\n" << run.out;
    last = run.out;
  }
  rapidjson::Document j = Json(last);
  ASSERT_TRUE(j["ingest"].IsObject());
  EXPECT_EQ(j["ingest"]["failed"].Size(), 0u);
  EXPECT_EQ(j["ingest"]["mode"].GetString(), std::string("build"));

  // The same records and full texts, copied from the corpus under their own names.
  const fs::path hand = work_ / "by-hand";
  fs::create_directories(hand);
  size_t records = 0;
  for (const auto& name : Names(dir_)) {
    if (name[0] == '.' || fs::path(name).extension() != ".json") continue;
    const auto& r = Corpus().at(name.substr(0, name.size() - 5));
    fs::copy_file(r.json, hand / fs::path(r.json).filename());
    fs::copy_file(r.text, hand / fs::path(r.text).filename());
    ++records;
  }
  ASSERT_GT(records, 60u);
  auto ingest = RunLode("ingest " + hand.string() + " --index " + hand_index.string() + " -q", false);
  ASSERT_EQ(ingest.code, 0) << ingest.out;

  const std::string a = Dump(fetched_index.string()), b = Dump(hand_index.string());
  EXPECT_EQ(a, b);
  EXPECT_NE(a.find("doc eo:12988 |"), std::string::npos);  // its record has no order number
  EXPECT_NE(a.find("doc eo:13523 |"), std::string::npos);  // its XML says 15323
  EXPECT_NE(a.find("doc eo:13739 |"), std::string::npos);  // its XML heading has no "of"
  EXPECT_EQ(a.find("doc eo:15323 |"), std::string::npos);
  EXPECT_NE(a.find("\nentity "), std::string::npos);
  EXPECT_NE(a.find("\ncitation "), std::string::npos);
}

// A 400 carries the API's {"errors": …}; the user sees its message.
TEST_F(FetchE2eTest, TheApisErrorMessageIsShown) {
  ReplayServer server(work_, R"({"cap":50})");
  ASSERT_TRUE(server.ok());
  auto run = RunLode(Fetch(server, "--agency no-such-agency"), true);
  EXPECT_EQ(run.code, 2) << run.out;
  EXPECT_NE(run.out.find("the Federal Register API rejected the search (HTTP 400): "
                         "conditions.agencies: 'no-such-agency' is not a valid agency slug"),
            std::string::npos)
      << run.out;
  auto json = RunLode(Fetch(server, "--agency no-such-agency --json"), false);
  EXPECT_EQ(json.code, 2);
  EXPECT_NE(std::string(Json(json.out)["error"].GetString()).find("is not a valid agency slug"), std::string::npos);
  EXPECT_EQ(CountWithExtension(dir_, ".json"), 0u);
}

// TLS is verified: a self-signed server is refused, unless its certificate is
// given as the CA to trust.
TEST_F(FetchE2eTest, TlsCertificatesAreVerified) {
  const std::string cert = (work_ / "cert.pem").string(), key = (work_ / "key.pem").string();
  const std::string openssl = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 "
                              "-addext subjectAltName=IP:127.0.0.1 -keyout " + key + " -out " + cert +
                              " >/dev/null 2>&1";
  ASSERT_EQ(std::system(openssl.c_str()), 0) << "openssl (scripts/install-deps.sh installs it)";
  ReplayServer server(work_, R"({"cap":50})", cert, key);
  ASSERT_TRUE(server.ok());
  const std::string base = "fetch federal-register -o " + dir_.string() + " --api " + server.api("https") +
                           " --since 2019-12-01 --until 2019-12-31 --rate 2000 --retries 0 --json";
  auto refused = RunLode(base, false);
  EXPECT_EQ(refused.code, 1) << refused.out;
  rapidjson::Document j = Json(refused.out);
  ASSERT_EQ(j["failed"].Size(), 1u);
  EXPECT_NE(std::string(j["failed"][0]["error"].GetString()).find("TLS certificate not trusted"), std::string::npos)
      << j["failed"][0]["error"].GetString();
  EXPECT_EQ(CountWithExtension(dir_, ".json"), 0u);

  auto trusted = RunLode(base + " --cacert " + cert, false);
  EXPECT_EQ(trusted.code, 0) << trusted.out;
  EXPECT_EQ(Json(trusted.out)["records"].GetUint64(), Published("2019-12-01", "2019-12-31").size());
}

// A server slower than --timeout, and one that is not there: bounded retries,
// then a failure that says what happened.
TEST_F(FetchE2eTest, TimeoutsAndRefusedConnectionsAreRetriedThenReported) {
  ReplayServer server(work_, R"({"cap":50,"every_slow":1,"slow_seconds":4})");
  ASSERT_TRUE(server.ok());
  const auto start = std::chrono::steady_clock::now();
  auto slow = RunLode(Fetch(server, "--timeout 0.5 --retries 2 --json"), false);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(slow.code, 1) << slow.out;
  rapidjson::Document j = Json(slow.out);
  ASSERT_EQ(j["failed"].Size(), 1u);
  EXPECT_NE(std::string(j["failed"][0]["error"].GetString()).find("timed out after"), std::string::npos);
  EXPECT_EQ(j["requests"].GetUint64(), 3u);
  EXPECT_EQ(j["retries"].GetUint64(), 2u);
  EXPECT_LT(secs, 4.0);  // three half-second attempts, not the server's four seconds

  // A port nobody listens on.
  int sock = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  ASSERT_EQ(::bind(sock, reinterpret_cast<sockaddr*>(&addr), len), 0);
  ASSERT_EQ(::getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  const int port = ntohs(addr.sin_port);
  ::close(sock);
  auto refused = RunLode("fetch federal-register -o " + dir_.string() + " --api http://127.0.0.1:" +
                             std::to_string(port) + "/api/v1 --retries 1 --backoff 0.01 --json",
                         false);
  EXPECT_EQ(refused.code, 1);
  rapidjson::Document k = Json(refused.out);
  ASSERT_EQ(k["failed"].Size(), 1u);
  EXPECT_NE(std::string(k["failed"][0]["error"].GetString()).find("onnect"), std::string::npos)
      << k["failed"][0]["error"].GetString();
  EXPECT_EQ(k["requests"].GetUint64(), 2u);
}

}  // namespace
}  // namespace lodestone
