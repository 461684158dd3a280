#include "shard_layout.h"

#include "layout.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace lodestone::internal {

namespace {

constexpr char kStubName[] = "XAPIANDB";

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// Parses "HOST:PORT" or "[ADDR]:PORT". Returns "" on success, else why not.
std::string ParseHostPort(const std::string& s, std::string* host, uint16_t* port) {
  std::string port_text;
  if (!s.empty() && s[0] == '[') {
    size_t close = s.find(']');
    if (close == std::string::npos) return "missing ']' in IPv6 address";
    *host = s.substr(1, close - 1);
    if (close + 1 >= s.size() || s[close + 1] != ':') return "expected ':PORT' after ']'";
    port_text = s.substr(close + 2);
  } else {
    size_t colon = s.rfind(':');
    if (colon == std::string::npos) return "expected HOST:PORT";
    *host = s.substr(0, colon);
    if (host->find(':') != std::string::npos) return "an IPv6 address must be written [ADDR]:PORT";
    port_text = s.substr(colon + 1);
  }
  if (host->empty()) return "empty host";
  if (host->find_first_of(" \t") != std::string::npos) return "blank in host";
  if (port_text.empty() || port_text.size() > 5 ||
      port_text.find_first_not_of("0123456789") != std::string::npos)
    return "port must be a number from 1 to 65535";
  unsigned long p = std::strtoul(port_text.c_str(), nullptr, 10);
  if (p == 0 || p > 65535) return "port must be a number from 1 to 65535";
  *port = static_cast<uint16_t>(p);
  return {};
}

fs::path StubFileOf(const std::string& dir_or_file) {
  std::error_code ec;
  fs::path p(dir_or_file);
  if (fs::is_directory(p, ec)) p /= kStubName;
  return fs::absolute(p, ec).lexically_normal();
}

// Counts database (non-comment, non-blank) lines of a stub file.
int DatabaseLineCount(const fs::path& stub) {
  std::ifstream in(stub);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    std::string t = Trim(line);
    if (!t.empty() && t[0] != '#') ++n;
  }
  return n;
}

}  // namespace

std::string ShardLine::Label() const {
  if (kind == Kind::kRemote) return FormatHostPort(host, port);
  return fs::path(path).filename().string();
}

std::string ShardStub::Directive(const std::string& key) const {
  for (const auto& [k, v] : directives)
    if (k == key) return v;
  return {};
}

std::string FormatHostPort(const std::string& host, uint16_t port) {
  if (host.find(':') != std::string::npos) return "[" + host + "]:" + std::to_string(port);
  return host + ":" + std::to_string(port);
}

Result<ShardStub> ReadShardStub(const std::string& dir_or_file) {
  const fs::path stub_path = StubFileOf(dir_or_file);
  std::ifstream in(stub_path);
  if (!in) return Status::NotFound("no shard stub at " + stub_path.string());
  ShardStub stub;
  stub.stub_file = stub_path.string();
  const fs::path base = stub_path.parent_path();
  auto bad = [&](int n, const std::string& why) {
    return Status::ParseError(stub_path.string() + ":" + std::to_string(n) + ": " + why);
  };
  std::string raw;
  int number = 0;
  while (std::getline(in, raw)) {
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    const std::string line = Trim(raw);
    if (line.empty()) continue;
    if (line[0] == '#') {
      // "#lode KEY VALUE": lode's own directives; other comments are ignored.
      if (line.rfind("#lode", 0) == 0 && (line.size() == 5 || line[5] == ' ' || line[5] == '\t')) {
        std::string rest = Trim(line.substr(5));
        size_t sp = rest.find_first_of(" \t");
        std::string key = rest.substr(0, sp);
        std::string value = sp == std::string::npos ? "" : Trim(rest.substr(sp));
        if (key.empty()) return bad(number, "'#lode' directive without a key (expected '#lode KEY VALUE')");
        stub.directives.emplace_back(key, value);
        if (key == "shard-rule") stub.shard_rule = value;
      }
      continue;
    }
    size_t sp = line.find_first_of(" \t");
    const std::string kind = line.substr(0, sp);
    const std::string arg = sp == std::string::npos ? "" : Trim(line.substr(sp));
    ShardLine out;
    out.line_number = number;
    out.text = raw;
    if (kind == "auto" || kind == "glass" || kind == "chert") {
      if (arg.empty()) return bad(number, "'" + kind + "' needs a path");
      fs::path p(arg);
      if (p.is_relative()) p = base / p;
      out.kind = ShardLine::Kind::kLocal;
      out.path = p.lexically_normal().string();
      if (out.path.size() > 1 && out.path.back() == '/') out.path.pop_back();
    } else if (kind == "remote") {
      if (arg.empty()) return bad(number, "'remote' needs HOST:PORT");
      if (arg[0] == ':')
        return bad(number, "'remote :PROGRAM' is not supported by lode; serve the shard with "
                           "xapian-tcpsrv and write 'remote HOST:PORT'");
      std::string why = ParseHostPort(arg, &out.host, &out.port);
      if (!why.empty()) return bad(number, "bad remote address '" + arg + "': " + why);
      out.kind = ShardLine::Kind::kRemote;
    } else if (kind == "inmemory") {
      return bad(number, "'inmemory' cannot be a shard of a lode index");
    } else {
      return bad(number, "unknown line '" + line +
                             "' (expected 'auto PATH', 'glass PATH', 'remote HOST:PORT' or a '#' comment)");
    }
    if (stub.lines.empty() && !out.local())
      return bad(number, "the first line must be the local meta database (e.g. 'auto meta'), "
                         "not a remote shard: spelling, synonyms and metadata only work locally");
    stub.lines.push_back(std::move(out));
  }
  if (stub.lines.empty()) return bad(number, "no database lines (expected 'auto meta' then 'auto shard-0' ...)");
  if (stub.lines.size() < 2)
    return bad(stub.lines[0].line_number, "no shard lines after the meta line (expected 'auto shard-0' ...)");
  return stub;
}

Status WriteShardStub(const std::string& dir, const ShardStub& stub) {
  std::error_code ec;
  const fs::path base = fs::absolute(dir, ec).lexically_normal();
  std::ostringstream out;
  out << "# lode sharded index (issue 13). Line order is docid order: never reorder.\n"
         "# First line: the local meta database. A shard line may be replaced by\n"
         "# 'remote HOST:PORT' (a xapian-tcpsrv on a private network).\n";
  for (const auto& [k, v] : stub.directives) out << "#lode " << k << (v.empty() ? "" : " ") << v << "\n";
  for (const ShardLine& line : stub.lines) {
    if (line.kind == ShardLine::Kind::kRemote) {
      out << "remote " << FormatHostPort(line.host, line.port) << "\n";
      continue;
    }
    fs::path p = fs::path(line.path).lexically_normal();
    fs::path rel = p.lexically_relative(base);
    bool inside = !rel.empty() && rel.native().rfind("..", 0) != 0;
    out << "auto " << (inside ? rel.string() : p.string()) << "\n";
  }
  const std::string content = out.str();
  return WriteFileDurably((base / kStubName).string(), content);
}

bool IsShardedLayout(const std::string& dir) {
  std::error_code ec;
  const fs::path d(dir);
  if (!fs::is_directory(d, ec)) return false;
  if (fs::exists(d / "CURRENT", ec)) return false;
  const fs::path stub = d / kStubName;
  if (!fs::is_regular_file(stub, ec)) return false;
  // A one-line stub is a plain Xapian database folder (e.g. a replica written
  // by xapian-replicate: "auto replica_1"), not a layout.
  return DatabaseLineCount(stub) >= 2;
}

}  // namespace lodestone::internal
