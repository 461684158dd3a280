#include "lodestone/index/writer.h"

#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <new>
#include <set>
#include <sstream>

#include "layout.h"
#include "shard_layout.h"
#include "shard_rule.h"
#include "xapian_guard.h"
#include "lodestone/index/merge.h"
#include "lodestone/index/schema.h"
#include "record_json.h"
#include "schema_version.h"
#include "stem_table.h"
#include "xapian_doc.h"

namespace fs = std::filesystem;

namespace lodestone {

using internal::DecodeRecord;
using internal::ManifestKey;
using internal::SourceTerm;

namespace {

std::string EncodeManifest(const SourceFile& f, const std::string& id) {
  std::ostringstream o;
  o << f.size << '\t' << f.mtime_ns << '\t' << f.hash << '\t' << id << '\t' << f.path;
  return o.str();
}

std::optional<ManifestEntry> DecodeManifest(const std::string& v) {
  ManifestEntry e;
  std::istringstream in(v);
  std::string size, mtime, hash;
  if (!std::getline(in, size, '\t') || !std::getline(in, mtime, '\t') ||
      !std::getline(in, hash, '\t') || !std::getline(in, e.id, '\t') || !std::getline(in, e.path))
    return std::nullopt;
  e.size = std::strtoull(size.c_str(), nullptr, 10);
  e.mtime_ns = std::strtoll(mtime.c_str(), nullptr, 10);
  e.hash = std::strtoull(hash.c_str(), nullptr, 10);
  return e;
}

void RecordFiles(Xapian::WritableDatabase& db, const std::vector<SourceFile>& files,
                 const std::vector<AnalyzedDocument>& docs) {
  const std::string first_id = docs.empty() ? std::string() : docs.front().doc.id;
  for (const auto& f : files) db.set_metadata(ManifestKey(f.path), EncodeManifest(f, first_id));
}


// Merges the documents that share an id (arrived through different shards).
void MergeDuplicateIds(Xapian::WritableDatabase& db) {
  std::vector<std::string> dups;
  for (auto t = db.allterms_begin(schema::kPrefixId); t != db.allterms_end(schema::kPrefixId); ++t)
    if (t.get_termfreq() > 1) dups.push_back(*t);
  for (const auto& term : dups) {
    std::vector<Xapian::docid> ids(db.postlist_begin(term), db.postlist_end(term));
    Xapian::Document merged = db.get_document(ids[0]);
    for (size_t i = 1; i < ids.size(); ++i) {
      auto m = internal::MergeXapianDocs(merged, db.get_document(ids[i]));
      if (m.ok()) merged = *m;
    }
    db.replace_document(ids[0], merged);
    for (size_t i = 1; i < ids.size(); ++i) db.delete_document(ids[i]);
  }
}

// Words worth offering as spelling corrections: alphabetic, 3-30 bytes.
bool SpellingCandidate(const std::string& w) {
  if (w.size() < 3 || w.size() > 30) return false;
  for (unsigned char c : w)
    if (!((c >= 'a' && c <= 'z') || c >= 0x80)) return false;
  return true;
}

// Seeds the spelling table from the vocabulary in one pass (much cheaper than
// per document while building), skipping words seen in only one document.
void AddSpellingFromVocabulary(Xapian::WritableDatabase& db) {
  // Unprefixed lower-case words sort after the upper-case prefixed terms.
  auto t = db.allterms_begin();
  for (t.skip_to("a"); t != db.allterms_end(); ++t) {
    const std::string w = *t;
    if (t.get_termfreq() >= 2 && SpellingCandidate(w)) db.add_spelling(w, t.get_termfreq());
  }
}

void WriteSynonyms(Xapian::WritableDatabase& db, const SynonymTable& table) {
  std::vector<std::string> old(db.synonym_keys_begin(), db.synonym_keys_end());
  for (const auto& key : old)
    if (!internal::IsStemKey(key)) db.clear_synonyms(key);  // the stem table stays
  for (const auto& [key, terms] : table)
    for (const auto& term : terms) db.add_synonym(key, term);
}

}  // namespace

// ---------------------------------------------------------------- IndexWriter

// One database that holds documents: the whole index, or one shard of a
// sharded layout (issue 13).
struct DocShard {
  std::string dir;  // the shard's index folder (the index folder when unsharded)
  std::string key;  // its shard key ("" when unsharded)
  Xapian::WritableDatabase db;
  uint64_t commit = 0;  // lode:commit of its last commit
  bool dirty = false;
  // Sharded: the shard's own copy of the stem table entries of its
  // documents (meta holds all of them), so a shard searches on its own.
  internal::StemTableWriter stems;
};

struct IndexWriter::Impl {
  Counts counts;
  std::string dir;
  WriteOptions options;
  // Spelling, synonyms, the manifest and every index-wide key. Unsharded:
  // the index itself (shards[0].db is the same database); sharded: meta.
  Xapian::WritableDatabase db;
  internal::StemTableWriter stems;
  std::vector<DocShard> shards;
  bool sharded = false;
  internal::ShardRule rule;
  internal::ShardStub stub;
  uint32_t pending = 0;

  Status MaybeCommit() {
    if (++pending < options.flush_every) return Status::Ok();
    return CommitAll();
  }

  // Shards first, meta (the manifest) last: a crash in between leaves
  // documents whose files the manifest does not list yet, and the next run
  // re-ingests those files; replacing by id (Q term) is idempotent.
  Status CommitAll() {
    pending = 0;
    if (!sharded) {
      db.commit();
      return Status::Ok();
    }
    for (auto& s : shards) {
      if (!s.dirty) continue;
      s.db.set_metadata(internal::kMetaCommit, std::to_string(++s.commit));
      s.db.commit();
      s.dirty = false;
    }
    db.commit();
    return Status::Ok();
  }

  // Where `doc` belongs: its shard under the rule (creating a shard for a key
  // the layout has not seen: a new year or source).
  Result<size_t> Route(const Xapian::Document& doc) {
    if (!sharded) return size_t{0};
    const std::string key = rule.KeyOf(doc);
    for (size_t i = 0; i < shards.size(); ++i)
      if (shards[i].key == key) return i;
    return AddShard(key);
  }

  Result<size_t> AddShard(const std::string& key) {
    size_t n = stub.shard_count();
    std::string name;
    std::error_code ec;
    for (;; ++n) {
      name = "shard-" + std::to_string(n);
      bool listed = false;
      for (const auto& l : stub.lines) listed = listed || (l.local() && fs::path(l.path).filename() == name);
      if (listed) continue;
      // A folder not in the stub is what a crash before the stub was
      // rewritten leaves: it never received documents.
      fs::remove_all(fs::path(dir) / name, ec);
      break;
    }
    const std::string shard_dir = (fs::path(dir) / name).string();
    if (Status s = internal::CreateEmptyShard(shard_dir, key); !s.ok()) return s;
    internal::ShardLine line;
    line.path = shard_dir;
    stub.lines.push_back(line);
    if (Status s = internal::WriteShardStub(dir, stub); !s.ok()) return s;
    DocShard shard;
    shard.dir = shard_dir;
    shard.key = key;
    shard.db = Xapian::WritableDatabase((fs::path(shard_dir) / internal::LiveGeneration(shard_dir)).string(),
                                        Xapian::DB_OPEN);
    shards.push_back(std::move(shard));
    return shards.size() - 1;
  }

  // Every (shard, docid) holding the document with this Q term.
  std::vector<std::pair<size_t, Xapian::docid>> Find(const std::string& qterm) {
    std::vector<std::pair<size_t, Xapian::docid>> out;
    for (size_t i = 0; i < shards.size(); ++i)
      for (auto pl = shards[i].db.postlist_begin(qterm); pl != shards[i].db.postlist_end(qterm); ++pl)
        out.emplace_back(i, *pl);
    return out;
  }

  void Add(size_t shard, const Xapian::Document& x) {
    shards[shard].db.add_document(x);
    shards[shard].dirty = true;
  }
  void Replace(size_t shard, Xapian::docid did, const Xapian::Document& x) {
    shards[shard].db.replace_document(did, x);
    shards[shard].dirty = true;
  }
  void Delete(size_t shard, Xapian::docid did) {
    shards[shard].db.delete_document(did);
    shards[shard].dirty = true;
  }

  // Drops `paths` from the sources of every document that has one of them;
  // deletes documents left with no source, except those in `keep_ids`.
  void Detach(const std::set<std::string>& paths, const std::set<std::string>& keep_ids) {
    for (size_t i = 0; i < shards.size(); ++i) {
      auto& sdb = shards[i].db;
      std::set<Xapian::docid> touched;
      for (const auto& p : paths)
        for (auto it = sdb.postlist_begin(SourceTerm(p)); it != sdb.postlist_end(SourceTerm(p)); ++it)
          touched.insert(*it);
      for (Xapian::docid did : touched) {
        Xapian::Document x = sdb.get_document(did);
        auto rec = DecodeRecord(x.get_data());
        if (!rec.ok()) {
          Delete(i, did);
          continue;
        }
        if (keep_ids.count(rec->id)) continue;  // will be replaced by PutBundle
        auto& src = rec->sources;
        src.erase(std::remove_if(src.begin(), src.end(),
                                 [&](const SourceFile& s) { return paths.count(s.path) > 0; }),
                  src.end());
        if (src.empty()) {
          Delete(i, did);
          ++counts.removed;
          continue;
        }
        Xapian::Document y = internal::WithRecord(x, *rec);
        // Losing its first source can change a document's `source` shard.
        auto target = Route(y);
        if (!target.ok() || *target == i) {
          Replace(i, did, y);
        } else {
          Delete(i, did);
          Add(*target, y);
        }
      }
    }
  }

  // Opens the meta database and every shard of the sharded layout at dir.
  Status OpenSharded() {
    auto stub_or = internal::ReadShardStub(dir);
    if (!stub_or.ok()) return stub_or.status();
    stub = std::move(stub_or).value();
    for (const auto& l : stub.lines)
      if (!l.local())
        return Status::Unsupported(
            stub.stub_file + ":" + std::to_string(l.line_number) + ": shard " + l.Label() +
            " is remote; lode ingest writes local shards only (it locks and commits the whole layout). "
            "Run the ingest on the host that holds the shard folders, against a stub naming them by path");
    auto meta_path = internal::LiveDatabasePath(stub.meta().path);
    if (!meta_path.ok()) return meta_path.status().WithContext(stub.stub_file + ":" + std::to_string(stub.meta().line_number));
    db = Xapian::WritableDatabase(*meta_path, Xapian::DB_OPEN);
    auto rule_or = internal::ShardRule::Parse(db.get_metadata(internal::kMetaShardRule));
    if (!rule_or.ok())
      return Status::Corrupt(stub.meta().path + " has no valid lode:shard-rule (" + rule_or.status().message() +
                             "); is it a layout written by lode shard?");
    rule = *rule_or;
    rule.root = db.get_metadata(internal::kMetaShardRoot);
    for (size_t i = 1; i < stub.lines.size(); ++i) {
      const auto& l = stub.lines[i];
      auto p = internal::LiveDatabasePath(l.path);
      if (!p.ok()) return p.status().WithContext(stub.stub_file + ":" + std::to_string(l.line_number));
      internal::RemoveDebris(l.path);
      DocShard shard;
      shard.dir = l.path;
      shard.db = Xapian::WritableDatabase(*p, Xapian::DB_OPEN);
      shard.key = shard.db.get_metadata(internal::kMetaShardKey);
      shard.commit = std::strtoull(shard.db.get_metadata(internal::kMetaCommit).c_str(), nullptr, 10);
      if (shard.key.empty())
        return Status::Corrupt(stub.stub_file + ":" + std::to_string(l.line_number) + ": shard " + l.path +
                               " has no lode:shard-key");
      shards.push_back(std::move(shard));
    }
    sharded = true;
    return internal::CheckSchemaVersion(db, dir);
  }
};

IndexWriter::IndexWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
IndexWriter::~IndexWriter() {
  if (!impl_) return;
  try {
    (void)impl_->CommitAll();
    for (auto& s : impl_->shards) s.db.close();
    impl_->db.close();
  } catch (const Xapian::Error&) {
    // Nothing more can be done here; the last commit stands.
  }
}

bool IsShardedIndex(const std::string& dir) { return internal::IsShardedLayout(dir); }

Result<std::unique_ptr<IndexWriter>> IndexWriter::Open(const std::string& dir, WriteOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  impl->options = options;
  if (internal::IsShardedLayout(dir)) {
    Status s = internal::XapianGuard("opening sharded index " + dir + " for writing",
                                     [&]() -> Status { return impl->OpenSharded(); });
    if (!s.ok()) return s;
    return std::unique_ptr<IndexWriter>(new IndexWriter(std::move(impl)));
  }
  Status s = internal::XapianGuard("opening index " + dir + " for writing", [&]() -> Status {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return Status::IoError("cannot create " + dir + ": " + ec.message());
    std::string gen = internal::LiveGeneration(dir);
    if (gen.empty()) {
      // Refuse to take over a directory that holds something else.
      for (const auto& e : fs::directory_iterator(dir, ec)) {
        std::string n = e.path().filename().string();
        if (n.rfind("gen-", 0) != 0 && n.rfind("tmp-", 0) != 0 && n != "XAPIANDB" && n != "CURRENT.tmp" &&
            n != "XAPIANDB.tmp")
          return Status::Corrupt(dir + " is not empty and is not a Lodestone index (found " + n + ")");
      }
      gen = internal::NextGeneration(dir);
      Xapian::WritableDatabase fresh((fs::path(dir) / gen).string(),
                                     Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
      fresh.set_metadata(schema::kMetaSchema, std::to_string(schema::kSchemaVersion));
      fresh.commit();
      fresh.close();
      Status sw = internal::SwitchGeneration(dir, gen);
      if (!sw.ok()) return sw;
    }
    internal::RemoveDebris(dir);
    impl->db = Xapian::WritableDatabase((fs::path(dir) / gen).string(), Xapian::DB_OPEN);
    DocShard whole;
    whole.dir = dir;
    whole.db = impl->db;
    impl->shards.push_back(std::move(whole));
    return internal::CheckSchemaVersion(impl->db, dir);
  });
  if (!s.ok()) return s;
  return std::unique_ptr<IndexWriter>(new IndexWriter(std::move(impl)));
}

Result<uint64_t> IndexWriter::DocumentCount() const {
  return internal::XapianGuard("counting the documents of " + impl_->dir,
                               [&]() -> Result<uint64_t> {
    uint64_t n = 0;
    for (const auto& sh : impl_->shards) n += sh.db.get_doccount();
    return n;
  });
}

Result<std::optional<ManifestEntry>> IndexWriter::Lookup(const std::string& path) const {
  return internal::XapianGuard("reading the manifest entry of " + path, [&]() -> Result<std::optional<ManifestEntry>> {
    std::string v = impl_->db.get_metadata(ManifestKey(path));
    if (v.empty()) return std::optional<ManifestEntry>();
    auto e = DecodeManifest(v);
    if (e && e->path != path) return std::optional<ManifestEntry>();  // hash collision of a long path
    return e;
  });
}

Result<std::vector<ManifestEntry>> IndexWriter::Manifest() const {
  return internal::XapianGuard("reading the manifest of " + impl_->dir, [&]() -> Result<std::vector<ManifestEntry>> {
    std::vector<ManifestEntry> out;
    const std::string prefix = schema::kMetaSourcePrefix;
    for (auto k = impl_->db.metadata_keys_begin(prefix); k != impl_->db.metadata_keys_end(prefix); ++k)
      if (auto e = DecodeManifest(impl_->db.get_metadata(*k))) out.push_back(*e);
    return out;
  });
}

namespace {
std::string& StoreFault() {
  static std::string id;
  return id;
}

// Where a test injects running out of memory (FailStoringDocumentForTesting).
void MaybeFailStoring(const std::string& id) {
  const std::string& fail = StoreFault();
  if (!fail.empty() && id == fail) throw std::bad_alloc();
}

Status OutOfMemoryStoring() {
  return Status::TooLarge("out of memory while storing its documents; the run went on without it");
}
}  // namespace

void FailStoringDocumentForTesting(const std::string& id) { StoreFault() = id; }

Status IndexWriter::PutBundle(const std::vector<SourceFile>& files, const std::vector<AnalyzedDocument>& docs) {
  // What each document becomes, computed before the index is touched: a
  // bundle too large for the memory there is fails alone, with nothing of it
  // written (issue 11; a build does the same, ShardBuilder::PutBundle).
  struct Planned {
    Xapian::Document y;
    std::vector<std::pair<size_t, Xapian::docid>> found;  // copies of its id in the index
  };
  std::vector<Planned> plan;
  std::set<std::string> paths, ids;
  for (const auto& f : files) paths.insert(f.path);
  for (const auto& d : docs) ids.insert(d.doc.id);
  const std::string what = "writing " + (files.empty() ? std::string("documents") : files.front().path);
  bool out_of_memory = false;
  Status planned = internal::XapianGuard(what, [&]() -> Status {
    try {
      plan.reserve(docs.size());
      for (const auto& ad : docs) {
        MaybeFailStoring(ad.doc.id);
        Planned p;
        Xapian::Document x = internal::BuildXapianDoc(ad);
        p.found = impl_->Find(schema::kPrefixId + ad.doc.id);
        p.y = x;
        if (!p.found.empty()) {
          const auto [shard, did] = p.found.front();
          Xapian::Document old = impl_->shards[shard].db.get_document(did);
          auto rec = DecodeRecord(old.get_data());
          // Sources of the old record that this bundle does not replace.
          std::vector<SourceFile> others;
          if (rec.ok())
            for (const auto& s : rec->sources)
              if (!paths.count(s.path)) others.push_back(s);
          if (rec.ok() && !others.empty()) {
            const MergeInfo old_info = internal::StoredMergeInfo(old, *rec);
            rec->sources = others;
            p.y = internal::MergeXapianDocs(*rec, old_info, old, ad.doc, SingleRecordInfo(ad.doc), x);
          }
        }
        plan.push_back(std::move(p));
      }
    } catch (const std::bad_alloc&) {
      out_of_memory = true;
    }
    return Status::Ok();
  });
  if (out_of_memory) return OutOfMemoryStoring();
  if (!planned.ok()) return planned;
  return internal::XapianGuard(what, [&]() -> Status {
    auto& db = impl_->db;  // spelling and manifest (meta when sharded)
    impl_->Detach(paths, ids);
    for (size_t i = 0; i < docs.size(); ++i) {
      const AnalyzedDocument& ad = docs[i];
      Planned& p = plan[i];
      impl_->stems.Add(ad, db);
      std::set<std::string> seen;
      for (const auto& t : ad.body)
        if (t.stem && SpellingCandidate(t.term) && seen.insert(t.term).second) db.add_spelling(t.term);
      // Sharded: the rule may name another shard than the old one (its year changed).
      auto target = impl_->Route(p.y);
      if (!target.ok()) return target.status();
      if (p.found.empty()) {
        impl_->Add(*target, p.y);
        ++impl_->counts.added;
      } else {
        ++impl_->counts.updated;
        const auto [shard, did] = p.found.front();
        if (*target == shard) {
          impl_->Replace(shard, did, p.y);
        } else {
          impl_->Delete(shard, did);
          impl_->Add(*target, p.y);
        }
        // Copies left by a crash between two shard commits of a move.
        for (size_t k = 1; k < p.found.size(); ++k) impl_->Delete(p.found[k].first, p.found[k].second);
      }
      if (impl_->sharded) impl_->shards[*target].stems.Add(ad, impl_->shards[*target].db);
    }
    RecordFiles(db, files, docs);
    return impl_->MaybeCommit();
  });
}

Status IndexWriter::RemoveSources(const std::vector<std::string>& paths) {
  return internal::XapianGuard("removing sources", [&]() -> Status {
    std::set<std::string> ps(paths.begin(), paths.end());
    impl_->Detach(ps, {});
    for (const auto& p : paths) impl_->db.set_metadata(ManifestKey(p), "");
    return impl_->MaybeCommit();
  });
}

Status IndexWriter::RecordSources(const std::vector<SourceFile>& files) {
  return internal::XapianGuard("updating the manifest", [&]() -> Status {
    for (const auto& f : files) {
      auto old = Lookup(f.path);
      if (!old.ok()) return old.status();
      impl_->db.set_metadata(ManifestKey(f.path), EncodeManifest(f, *old ? (*old)->id : std::string()));
    }
    return Status::Ok();
  });
}

Status IndexWriter::ReplaceSynonyms(const SynonymTable& table) {
  return internal::XapianGuard("writing the synonyms of " + impl_->dir, [&]() -> Status {
    WriteSynonyms(impl_->db, table);
    return Status::Ok();
  });
}

Result<std::vector<uint32_t>> IndexWriter::DocumentsOf(const std::vector<std::string>& paths) const {
  return internal::XapianGuard("reading the documents of source files", [&]() -> Result<std::vector<uint32_t>> {
    std::vector<uint32_t> out;
    // Combined docids, numbered as Xapian numbers a stub of the shards.
    const uint32_t n = static_cast<uint32_t>(impl_->shards.size());
    for (const auto& p : paths) {
      const std::string t = SourceTerm(p);
      for (uint32_t k = 0; k < n; ++k) {
        auto& sdb = impl_->shards[k].db;
        for (auto it = sdb.postlist_begin(t); it != sdb.postlist_end(t); ++it) out.push_back((*it - 1) * n + k + 1);
      }
    }
    return out;
  });
}

IndexWriter::Counts IndexWriter::counts() const { return impl_->counts; }

Status IndexWriter::Commit() {
  return internal::XapianGuard("committing " + impl_->dir, [&]() -> Status {
    return impl_->CommitAll();
  });
}

// --------------------------------------------------------------- ShardBuilder

struct ShardBuilder::Impl {
  std::string path;
  WriteOptions options;
  Xapian::WritableDatabase db;
  internal::StemTableWriter stems;
  uint32_t pending = 0;
};

ShardBuilder::ShardBuilder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ShardBuilder::~ShardBuilder() {
  try {
    impl_->db.close();
  } catch (const Xapian::Error&) {
  }
}

Result<std::unique_ptr<ShardBuilder>> ShardBuilder::Create(const std::string& path, WriteOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->options = options;
  Status s = internal::XapianGuard("creating shard " + path, [&]() -> Status {
    // A shard is scratch space: no fsync; it is compacted (and synced) later.
    impl->db = Xapian::WritableDatabase(
        path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return std::unique_ptr<ShardBuilder>(new ShardBuilder(std::move(impl)));
}

Status ShardBuilder::PutBundle(const std::vector<SourceFile>& files, const std::vector<AnalyzedDocument>& docs) {
  // Every document is built before the shard is touched: a bundle too large
  // for the memory there is (a memory limit) fails alone, with nothing of
  // it written (issue 11).
  std::vector<Xapian::Document> built;
  try {
    built.reserve(docs.size());
    for (const auto& ad : docs) {
      MaybeFailStoring(ad.doc.id);
      built.push_back(internal::BuildXapianDoc(ad));
    }
  } catch (const std::bad_alloc&) {
    return OutOfMemoryStoring();
  }
  return internal::XapianGuard("writing shard " + impl_->path, [&]() -> Status {
    for (size_t i = 0; i < built.size(); ++i) {
      impl_->db.add_document(built[i]);
      impl_->stems.Add(docs[i], impl_->db);
    }
    RecordFiles(impl_->db, files, docs);
    if (++impl_->pending >= impl_->options.flush_every) {
      impl_->pending = 0;
      impl_->db.commit();
    }
    return Status::Ok();
  });
}

Status ShardBuilder::ReplaceSynonyms(const SynonymTable& table) {
  return internal::XapianGuard("writing the synonyms of shard " + impl_->path, [&]() -> Status {
    WriteSynonyms(impl_->db, table);
    return Status::Ok();
  });
}

Status ShardBuilder::Commit() {
  return internal::XapianGuard("committing shard " + impl_->path, [&]() -> Status {
    impl_->db.commit();
    return Status::Ok();
  });
}

const std::string& ShardBuilder::path() const { return impl_->path; }

// ---------------------------------------------------------------- publishing

Result<std::string> MakeWorkDir(const std::string& index_dir) {
  static std::atomic<int> counter{0};
  std::error_code ec;
  fs::create_directories(index_dir, ec);
  if (ec) return Status::IoError("cannot create " + index_dir + ": " + ec.message());
  internal::RemoveDebris(index_dir);
  fs::path p = fs::path(index_dir) / ("tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::create_directories(p, ec);
  if (ec) return Status::IoError("cannot create " + p.string() + ": " + ec.message());
  return p.string();
}

Status PublishShards(const std::string& index_dir, const std::vector<std::string>& shard_paths) {
  return internal::XapianGuard("publishing index " + index_dir, [&]() -> Status {
    const std::string gen = internal::NextGeneration(index_dir);
    const std::string out = (fs::path(index_dir) / gen).string();
    {
      Xapian::Database all;
      for (const auto& p : shard_paths) all.add_database(Xapian::Database(p));
      if (shard_paths.empty()) {
        Xapian::WritableDatabase empty(out, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
        empty.commit();
      } else {
        all.compact(out);
      }
    }
    {
      Xapian::WritableDatabase db(out, Xapian::DB_OPEN);
      MergeDuplicateIds(db);
      AddSpellingFromVocabulary(db);
      db.set_metadata(schema::kMetaSchema, std::to_string(schema::kSchemaVersion));
      db.commit();
    }
    Status s = internal::SwitchGeneration(index_dir, gen);
    if (!s.ok()) return s;
    std::error_code ec;
    for (const auto& p : shard_paths) fs::remove_all(fs::path(p).parent_path(), ec);
    internal::RemoveDebris(index_dir);
    return Status::Ok();
  });
}

Result<uint64_t> IndexSizeBytes(const std::string& index_dir) {
  auto live = internal::LiveDatabasePath(index_dir);
  if (!live.ok()) return live.status();
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(*live, ec))
    if (e.is_regular_file(ec)) total += e.file_size(ec);
  return total;
}

}  // namespace lodestone
