#include "record_store.h"

#include <fcntl.h>
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "api_response.h"

#ifndef LODE_VERSION
#define LODE_VERSION "0"
#endif

namespace fs = std::filesystem;

namespace lodestone::fetch_internal {

namespace {
constexpr int kStateVersion = 1;
}

Result<std::unique_ptr<RecordStore>> RecordStore::Open(const std::string& dir) {
  std::unique_ptr<RecordStore> s(new RecordStore());
  s->dir_ = dir;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::IoError("cannot create folder " + dir + ": " + ec.message());
  s->lock_fd_ = ::open(s->Path(kLockFile).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (s->lock_fd_ < 0) return Status::IoError("cannot write to folder " + dir + ": " + std::strerror(errno));
  if (::flock(s->lock_fd_, LOCK_EX | LOCK_NB) != 0)
    return Status::IoError("folder " + dir + " is being written by another lode fetch");
  // Holding the lock, every temporary file is a leftover of a run that died.
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().filename().string().rfind(kTempPrefix, 0) == 0) {
      std::error_code rm;
      if (fs::remove(it->path(), rm)) ++s->leftovers_removed_;
    }
  Status st = s->Load();
  if (!st.ok()) return st;
  return s;
}

RecordStore::~RecordStore() {
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

std::string RecordStore::Path(const std::string& name) const { return (fs::path(dir_) / name).string(); }

Status RecordStore::Load() {
  const std::string path = Path(kStateFile);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Ok();  // first run
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string bytes = ss.str();
  rapidjson::Document d;
  d.Parse<rapidjson::kParseIterativeFlag>(bytes.data(), bytes.size());
  auto docs = d.IsObject() ? d.FindMember("documents") : rapidjson::Value::MemberIterator();
  if (d.HasParseError() || !d.IsObject() || docs == d.MemberEnd() || !docs->value.IsObject()) {
    // Never fatal: the files on disk let the run rebuild what it needs.
    std::error_code ec;
    fs::rename(path, path + ".bad", ec);
    state_damaged_ = true;
    return Status::Ok();
  }
  for (const auto& m : docs->value.GetObject()) {
    if (!m.value.IsObject()) continue;
    StoredRecord r;
    r.hash = std::strtoull(StringField(m.value, "hash").c_str(), nullptr, 16);
    r.full_text = StringField(m.value, "full_text");
    r.file = StringField(m.value, "file");
    r.url = StringField(m.value, "url");
    r.fetched = StringField(m.value, "fetched");
    records_[std::string(m.name.GetString(), m.name.GetStringLength())] = std::move(r);
  }
  return Status::Ok();
}

const StoredRecord* RecordStore::Find(const std::string& number) const {
  auto it = records_.find(number);
  return it == records_.end() ? nullptr : &it->second;
}

void RecordStore::Put(const std::string& number, StoredRecord rec) {
  records_[number] = std::move(rec);
  ++unsaved_;
}

Status RecordStore::Write(const std::string& name, std::string_view bytes) {
  const std::string final_path = Path(name);
  const std::string tmp = Path(std::string(kTempPrefix) + std::to_string(::getpid()) + "-" + name);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IoError("cannot write " + final_path + ": " + std::strerror(errno));
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(tmp.c_str());
      return Status::IoError("cannot write " + final_path + ": " + why);
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0 || ::rename(tmp.c_str(), final_path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(tmp.c_str());
    return Status::IoError("cannot write " + final_path + ": " + why);
  }
  return Status::Ok();
}

bool RecordStore::Exists(const std::string& name) const {
  std::error_code ec;
  return fs::is_regular_file(Path(name), ec);
}

Result<std::string> RecordStore::Read(const std::string& name) const {
  std::ifstream in(Path(name), std::ios::binary);
  if (!in) return Status::IoError("cannot read " + Path(name));
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void RecordStore::Remove(const std::string& name) {
  std::error_code ec;
  fs::remove(Path(name), ec);
}

Status RecordStore::SaveSoon(const RunNote& note) {
  if (unsaved_ < 200 && std::chrono::steady_clock::now() - last_save_ < std::chrono::seconds(5)) return Status::Ok();
  return Save(note);
}

Status RecordStore::Save(const RunNote& note) {
  rapidjson::StringBuffer buf;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
  w.SetIndent(' ', 1);
  auto kv = [&](const char* k, const std::string& v) {
    w.Key(k);
    w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
  };
  w.StartObject();
  w.Key("version");
  w.Int(kStateVersion);
  kv("tool", std::string("lode ") + LODE_VERSION);
  w.Key("last_run");
  w.StartObject();
  kv("started", note.started);
  kv("finished", note.finished);
  kv("api", note.api);
  kv("first_query", note.first_query);
  w.Key("complete");
  w.Bool(note.complete);
  for (auto [k, v] : {std::pair<const char*, uint64_t>{"records", note.records}, {"new", note.new_records},
                      {"changed", note.changed}, {"unchanged", note.unchanged}, {"full_texts", note.full_texts},
                      {"failed", note.failed}}) {
    w.Key(k);
    w.Uint64(v);
  }
  w.EndObject();
  w.Key("documents");
  w.StartObject();
  for (const auto& [number, r] : records_) {
    w.Key(number.data(), static_cast<rapidjson::SizeType>(number.size()));
    w.StartObject();
    kv("hash", HashHex(r.hash));
    kv("full_text", r.full_text);
    kv("file", r.file);
    kv("url", r.url);
    kv("fetched", r.fetched);
    w.EndObject();
  }
  w.EndObject();
  w.EndObject();
  std::string text(buf.GetString(), buf.GetSize());
  text += '\n';
  Status s = Write(kStateFile, text);
  if (s.ok()) {
    unsaved_ = 0;
    last_save_ = std::chrono::steady_clock::now();
  }
  return s;
}

}  // namespace lodestone::fetch_internal
