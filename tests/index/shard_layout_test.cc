// issue 13: the stub file of a sharded layout (index/src/shard_layout.h).
#include "shard_layout.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace lodestone::internal {
namespace {

namespace fs = std::filesystem;

class ShardLayoutTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("lode-shard-layout-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void WriteStub(const std::string& text) { std::ofstream(dir_ / "XAPIANDB") << text; }
  // One line per database: "L path" or "R host port @line", then directives.
  std::string Dump(const ShardStub& s) {
    std::ostringstream out;
    for (const ShardLine& l : s.lines) {
      if (l.local())
        out << "L " << fs::path(l.path).lexically_relative(dir_).string();
      else
        out << "R " << l.host << " " << l.port;
      out << " @" << l.line_number << "\n";
    }
    for (const auto& [k, v] : s.directives) out << "#" << k << "=" << v << "\n";
    return out.str();
  }
  // The error of reading `text` as a stub, with the folder replaced by "D".
  std::string ErrorOf(const std::string& text) {
    WriteStub(text);
    auto r = ReadShardStub(dir_.string());
    if (r.ok()) return "ok";
    std::string m = r.status().message();
    std::string d = (dir_ / "XAPIANDB").string();
    if (m.rfind(d, 0) == 0) m = "D" + m.substr(d.size());
    return m;
  }
  fs::path dir_;
};

TEST_F(ShardLayoutTest, ReadsMetaShardsRemotesAndDirectives) {
  WriteStub(
      "# a comment\n"
      "auto meta\n"
      "#lode shard-rule count:3\n"
      "\n"
      "auto shard-0\n"
      "remote 10.0.0.7:7001\n"
      "remote [::1]:7002\r\n"
      "glass ./sub/../shard-3/\n"
      "#lode graph-source /srv/replicas/XAPIANDB\n");
  auto r = ReadShardStub(dir_.string());
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(Dump(*r),
            "L meta @2\n"
            "L shard-0 @5\n"
            "R 10.0.0.7 7001 @6\n"
            "R ::1 7002 @7\n"
            "L shard-3 @8\n"
            "#shard-rule=count:3\n"
            "#graph-source=/srv/replicas/XAPIANDB\n");
  EXPECT_EQ(r->shard_count(), 4u);
  EXPECT_EQ(r->shard_rule, "count:3");
  EXPECT_EQ(r->Directive("graph-source"), "/srv/replicas/XAPIANDB");
  EXPECT_EQ(r->Directive("absent"), "");
  EXPECT_EQ(r->lines[3].text, "remote [::1]:7002");
  EXPECT_EQ(r->lines[3].Label(), "[::1]:7002");
  EXPECT_EQ(r->lines[1].Label(), "shard-0");
  EXPECT_TRUE(fs::path(r->meta().path).is_absolute());
}

TEST_F(ShardLayoutTest, AcceptsTheStubFileItselfAndAbsolutePaths) {
  WriteStub("auto /srv/meta\nauto /srv/shard-0\n");
  auto r = ReadShardStub((dir_ / "XAPIANDB").string());
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->lines[0].path, "/srv/meta");
  EXPECT_EQ(r->lines[1].path, "/srv/shard-0");
}

TEST_F(ShardLayoutTest, EachBadLineNamesFileAndLine) {
  EXPECT_EQ(ErrorOf("auto meta\nflint shard-0\n"),
            "D:2: unknown line 'flint shard-0' (expected 'auto PATH', 'glass PATH', 'remote HOST:PORT' or a '#' "
            "comment)");
  EXPECT_EQ(ErrorOf("auto meta\nauto\n"), "D:2: 'auto' needs a path");
  EXPECT_EQ(ErrorOf("auto meta\nremote\n"), "D:2: 'remote' needs HOST:PORT");
  EXPECT_EQ(ErrorOf("auto meta\nremote host\n"), "D:2: bad remote address 'host': expected HOST:PORT");
  EXPECT_EQ(ErrorOf("auto meta\nremote host:0\n"),
            "D:2: bad remote address 'host:0': port must be a number from 1 to 65535");
  EXPECT_EQ(ErrorOf("auto meta\nremote host:65536\n"),
            "D:2: bad remote address 'host:65536': port must be a number from 1 to 65535");
  EXPECT_EQ(ErrorOf("auto meta\nremote host:7x\n"),
            "D:2: bad remote address 'host:7x': port must be a number from 1 to 65535");
  EXPECT_EQ(ErrorOf("auto meta\nremote :7001\n"),
            "D:2: 'remote :PROGRAM' is not supported by lode; serve the shard with xapian-tcpsrv and write "
            "'remote HOST:PORT'");
  EXPECT_EQ(ErrorOf("auto meta\nremote fe80::1:7001\n"),
            "D:2: bad remote address 'fe80::1:7001': an IPv6 address must be written [ADDR]:PORT");
  EXPECT_EQ(ErrorOf("auto meta\nremote [::1:7001\n"),
            "D:2: bad remote address '[::1:7001': missing ']' in IPv6 address");
  EXPECT_EQ(ErrorOf("auto meta\nremote [::1]7001\n"),
            "D:2: bad remote address '[::1]7001': expected ':PORT' after ']'");
  EXPECT_EQ(ErrorOf("auto meta\ninmemory\n"), "D:2: 'inmemory' cannot be a shard of a lode index");
  EXPECT_EQ(ErrorOf("#c\nremote h:1\nauto shard-0\n"),
            "D:2: the first line must be the local meta database (e.g. 'auto meta'), not a remote shard: "
            "spelling, synonyms and metadata only work locally");
  EXPECT_EQ(ErrorOf("# only comments\n"),
            "D:1: no database lines (expected 'auto meta' then 'auto shard-0' ...)");
  EXPECT_EQ(ErrorOf("\n\nauto meta\n"), "D:3: no shard lines after the meta line (expected 'auto shard-0' ...)");
  EXPECT_EQ(ErrorOf("auto meta\n#lode\nauto s\n"),
            "D:2: '#lode' directive without a key (expected '#lode KEY VALUE')");
  // "#loder" is an ordinary comment, not a directive.
  EXPECT_EQ(ErrorOf("auto meta\n#loder x\nauto s\n"), "ok");
}

TEST_F(ShardLayoutTest, MissingStubIsNotFound) {
  auto r = ReadShardStub(dir_.string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
}

TEST_F(ShardLayoutTest, WriteThenReadRoundTripsWithRelativeLocalPaths) {
  ShardStub stub;
  stub.directives = {{"shard-rule", "year"}, {"graph-source", "/srv/r/XAPIANDB"}};
  auto local = [&](const fs::path& p) {
    ShardLine l;
    l.path = p.string();
    return l;
  };
  stub.lines.push_back(local(dir_ / "meta"));
  stub.lines.push_back(local(dir_ / "shard-0"));
  ShardLine remote;
  remote.kind = ShardLine::Kind::kRemote;
  remote.host = "fe80::1";
  remote.port = 7003;
  stub.lines.push_back(remote);
  stub.lines.push_back(local("/elsewhere/shard-2"));
  ASSERT_TRUE(WriteShardStub(dir_.string(), stub).ok());

  std::ifstream in(dir_ / "XAPIANDB");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // The database lines, as Xapian reads them (it ignores the '#' lines).
  std::string db_lines;
  std::istringstream lines(text);
  for (std::string l; std::getline(lines, l);)
    if (!l.empty() && l[0] != '#') db_lines += l + "\n";
  EXPECT_EQ(db_lines, "auto meta\nauto shard-0\nremote [fe80::1]:7003\nauto /elsewhere/shard-2\n");
  EXPECT_NE(text.find("#lode shard-rule year\n"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "XAPIANDB.tmp"));

  auto back = ReadShardStub(dir_.string());
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->shard_rule, "year");
  ASSERT_EQ(back->lines.size(), 4u);
  EXPECT_EQ(back->lines[1].path, (dir_ / "shard-0").string());
  EXPECT_EQ(back->lines[2].host, "fe80::1");
  EXPECT_EQ(back->lines[3].path, "/elsewhere/shard-2");
}

TEST_F(ShardLayoutTest, IsShardedLayoutTellsLayoutsFromPlainIndexes) {
  EXPECT_FALSE(IsShardedLayout(dir_.string()));  // empty folder
  WriteStub("auto meta\nauto shard-0\n");
  EXPECT_TRUE(IsShardedLayout(dir_.string()));
  // A plain lode index has CURRENT beside its one-line stub.
  std::ofstream(dir_ / "CURRENT") << "gen-1\n";
  EXPECT_FALSE(IsShardedLayout(dir_.string()));
  fs::remove(dir_ / "CURRENT");
  // A replica folder written by xapian-replicate: one line, no CURRENT.
  WriteStub("auto replica_1\n");
  EXPECT_FALSE(IsShardedLayout(dir_.string()));
  EXPECT_FALSE(IsShardedLayout((dir_ / "nope").string()));
}

}  // namespace
}  // namespace lodestone::internal
