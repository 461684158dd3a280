#include "lodestone/index/shard.h"

#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>

#include "layout.h"
#include "lodestone/index/schema.h"
#include "record_json.h"
#include "shard_layout.h"
#include "shard_rule.h"
#include "xapian_guard.h"

namespace fs = std::filesystem;

namespace lodestone {

namespace internal {

Status CreateEmptyShard(const std::string& dir, const std::string& key) {
  return XapianGuard("creating shard " + dir, [&]() -> Status {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return Status::IoError("cannot create " + dir + ": " + ec.message());
    Xapian::WritableDatabase db((fs::path(dir) / "gen-1").string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    db.set_metadata(schema::kMetaSchema, std::to_string(schema::kSchemaVersion));
    db.set_metadata(kMetaShardKey, key);
    db.set_metadata(kMetaCommit, "0");
    db.commit();
    db.close();
    return SwitchGeneration(dir, "gen-1");
  });
}

}  // namespace internal

namespace {

using internal::ShardRule;

uint64_t FolderBytes(const fs::path& dir) {
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec))
    if (e.is_regular_file(ec)) total += e.file_size(ec);
  return total;
}

bool EmptyOrMissing(const std::string& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) return true;
  return fs::is_directory(dir, ec) && fs::is_empty(dir, ec);
}

// Removes the work folder unless it was renamed into place.
struct TempFolder {
  fs::path path;
  bool keep = false;
  ~TempFolder() {
    std::error_code ec;
    if (!keep && !path.empty()) fs::remove_all(path, ec);
  }
};

}  // namespace

Result<ShardSummary> SplitIndex(const ShardOptions& opt) {
  const auto start = std::chrono::steady_clock::now();
  auto progress = [&](const std::string& m) {
    if (opt.progress) opt.progress(m);
  };
  auto rule = ShardRule::Parse(opt.rule);
  if (!rule.ok()) return rule.status();
  if (internal::IsShardedLayout(opt.index_dir))
    return Status::InvalidArgument(opt.index_dir + " is already sharded; split the unsharded index it came from");
  auto live = internal::LiveDatabasePath(opt.index_dir);
  if (!live.ok()) return live.status();
  if (opt.out_dir.empty()) return Status::InvalidArgument("no output folder (-o OUT)");
  if (!EmptyOrMissing(opt.out_dir))
    return Status::InvalidArgument(opt.out_dir + " exists and is not empty; lode shard never overwrites: "
                                   "remove it or choose another -o");
  std::error_code ec;
  const fs::path out = fs::absolute(opt.out_dir, ec).lexically_normal();
  const fs::path out_clean = out.filename().empty() ? out.parent_path() : out;
  TempFolder tmp;
  tmp.path = out_clean.parent_path() / ("." + out_clean.filename().string() + ".tmp-" + std::to_string(::getpid()));
  fs::remove_all(tmp.path, ec);
  fs::create_directories(tmp.path / "work", ec);
  if (ec) return Status::IoError("cannot create " + tmp.path.string() + ": " + ec.message());

  ShardSummary sum;
  Status s = internal::XapianGuard("splitting " + opt.index_dir, [&]() -> Status {
    Xapian::Database src(*live);
    const Xapian::doccount total = src.get_doccount();
    if (rule->kind == ShardRule::Kind::kSource) {
      std::vector<std::string> firsts;
      for (auto it = src.postlist_begin(""); it != src.postlist_end(""); ++it) {
        auto rec = internal::DecodeRecord(src.get_document(*it).get_data());
        if (rec.ok() && !rec->sources.empty()) firsts.push_back(rec->sources.front().path);
      }
      rule->root = internal::CommonFolder(firsts);
    }
    sum.rule = rule->ToString();
    sum.root = rule->root;
    // Documents go into one work database per key, in source docid order.
    struct Work {
      std::string path;
      Xapian::WritableDatabase db;
    };
    std::map<std::string, Work> work;
    uint64_t copied = 0;
    for (auto it = src.postlist_begin(""); it != src.postlist_end(""); ++it) {
      Xapian::Document d = src.get_document(*it);
      const std::string key = rule->KeyOf(d);
      auto w = work.find(key);
      if (w == work.end()) {
        const std::string path = (tmp.path / "work" / std::to_string(work.size())).string();
        Work fresh{path, Xapian::WritableDatabase(path, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS |
                                                            Xapian::DB_NO_SYNC)};
        w = work.emplace(key, std::move(fresh)).first;
      }
      w->second.db.add_document(d);
      if (++copied % 2000 == 0)
        progress("copied " + std::to_string(copied) + "/" + std::to_string(total) + " documents");
    }
    sum.documents = copied;
    std::vector<std::string> seen;
    for (const auto& kv : work) seen.push_back(kv.first);
    const std::vector<std::string> keys = rule->InitialKeys(seen);

    internal::ShardStub stub;
    stub.directives.emplace_back("shard-rule", sum.rule);
    internal::ShardLine line;
    line.path = (tmp.path / "meta").string();
    stub.lines.push_back(line);
    for (size_t k = 0; k < keys.size(); ++k) {
      const std::string name = "shard-" + std::to_string(k);
      const fs::path dir = tmp.path / name;
      progress("compacting " + name + " (key " + keys[k] + ")");
      fs::create_directories(dir);
      const std::string gen = (dir / "gen-1").string();
      auto w = work.find(keys[k]);
      if (w == work.end()) {
        Xapian::WritableDatabase empty(gen, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
        empty.commit();
      } else {
        w->second.db.commit();
        w->second.db.close();
        Xapian::Database(w->second.path).compact(gen);
      }
      {
        Xapian::WritableDatabase db(gen, Xapian::DB_OPEN);
        db.set_metadata(schema::kMetaSchema, std::to_string(schema::kSchemaVersion));
        db.set_metadata(internal::kMetaShardKey, keys[k]);
        db.set_metadata(internal::kMetaCommit, "1");
        // The stem table (synonym keys "Z<stem>") goes into every shard as
        // well as meta, so that a shard or its replica searched on its own
        // still finds every form of a word (issue 10's stems at search time).
        for (auto stem = src.synonym_keys_begin("Z"); stem != src.synonym_keys_end("Z"); ++stem)
          for (auto t = src.synonyms_begin(*stem); t != src.synonyms_end(*stem); ++t) db.add_synonym(*stem, *t);
        db.commit();
        ShardSummary::Shard info;
        info.name = name;
        info.key = keys[k];
        info.documents = db.get_doccount();
        sum.shards.push_back(info);
      }
      if (Status st = internal::SwitchGeneration(dir.string(), "gen-1"); !st.ok()) return st;
      sum.shards.back().bytes = FolderBytes(dir);
      line.path = dir.string();
      stub.lines.push_back(line);
    }

    progress("writing meta (spelling, synonyms, manifest)");
    fs::create_directories(tmp.path / "meta");
    {
      Xapian::WritableDatabase meta((tmp.path / "meta" / "gen-1").string(),
                                    Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
      for (auto w = src.spellings_begin(); w != src.spellings_end(); ++w) {
        meta.add_spelling(*w, w.get_termfreq());
        ++sum.spelling_words;
      }
      for (auto k = src.synonym_keys_begin(); k != src.synonym_keys_end(); ++k) {
        for (auto t = src.synonyms_begin(*k); t != src.synonyms_end(*k); ++t) meta.add_synonym(*k, *t);
        ++sum.synonym_keys;
      }
      // Every index-wide key (the manifest, lode:schema, a stem table ...).
      for (auto k = src.metadata_keys_begin(); k != src.metadata_keys_end(); ++k) {
        meta.set_metadata(*k, src.get_metadata(*k));
        ++sum.metadata_keys;
      }
      meta.set_metadata(internal::kMetaShardRule, sum.rule);
      if (!sum.root.empty()) meta.set_metadata(internal::kMetaShardRoot, sum.root);
      meta.set_metadata(internal::kMetaCommit, "1");
      meta.commit();
    }
    if (Status st = internal::SwitchGeneration((tmp.path / "meta").string(), "gen-1"); !st.ok()) return st;
    return internal::WriteShardStub(tmp.path.string(), stub);
  });
  if (!s.ok()) return s;
  fs::remove_all(tmp.path / "work", ec);
  // Publish: one rename (an empty OUT folder is replaced).
  fs::rename(tmp.path, out_clean, ec);
  if (ec) return Status::IoError("cannot rename " + tmp.path.string() + " to " + out_clean.string() + ": " + ec.message());
  tmp.keep = true;
  sum.out_dir = out_clean.string();
  sum.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!s.ok()) return s;
  return sum;
}

}  // namespace lodestone
