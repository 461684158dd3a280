// The fetch folder: saved files, the state file, the lock. Private.
//
// DIR holds <document_number>.json and its full text, plus three hidden
// entries that ingest skips: .lode-fetch.json (the state: per document the
// hash of its record, the full text saved and when), .lode-fetch.lock (flock,
// held for the whole run) and, only while a file is being written,
// .lode-tmp-<pid>-<name>. Every write goes to a temporary name and is renamed
// over the final one, so a reader — or a run after kill -9 — sees either the
// old file or the new one, never half of one. Thread-safety: one store per
// folder and process (the lock enforces the first).
#ifndef LODESTONE_FETCH_SRC_RECORD_STORE_H_
#define LODESTONE_FETCH_SRC_RECORD_STORE_H_

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "lodestone/index/status.h"

namespace lodestone::fetch_internal {

constexpr const char* kStateFile = ".lode-fetch.json";
constexpr const char* kLockFile = ".lode-fetch.lock";
constexpr const char* kTempPrefix = ".lode-tmp-";

struct StoredRecord {
  uint64_t hash = 0;      // RecordHash of the saved record
  std::string full_text;  // "xml", "html", "text", or "" when none was saved
  std::string file;       // the full text's file name in DIR
  std::string url;        // where it came from
  std::string fetched;    // when the record was last saved (UTC)
};

// What the state file says about the last run (for people reading it).
struct RunNote {
  std::string started, finished, api, first_query;
  uint64_t records = 0, new_records = 0, changed = 0, unchanged = 0, full_texts = 0, failed = 0;
  bool complete = false;
};

class RecordStore {
 public:
  // Creates DIR if needed, takes the lock (IoError when another fetch holds
  // it), removes temporary files left by a killed run, and loads the state (a
  // damaged state file is set aside as .lode-fetch.json.bad and the run starts
  // from the files on disk).
  static Result<std::unique_ptr<RecordStore>> Open(const std::string& dir);
  ~RecordStore();

  const StoredRecord* Find(const std::string& number) const;
  void Put(const std::string& number, StoredRecord rec);
  size_t size() const { return records_.size(); }

  // Atomic write of DIR/name (temporary file, then rename).
  Status Write(const std::string& name, std::string_view bytes);
  bool Exists(const std::string& name) const;
  Result<std::string> Read(const std::string& name) const;
  void Remove(const std::string& name);

  // Writes the state file (atomically). SaveSoon writes only when 5 s or 200
  // changes have passed since the last save, so a killed run loses little.
  Status Save(const RunNote& note);
  Status SaveSoon(const RunNote& note);

  const std::string& dir() const { return dir_; }
  size_t leftovers_removed() const { return leftovers_removed_; }
  bool state_was_damaged() const { return state_damaged_; }

 private:
  RecordStore() = default;
  Status Load();
  std::string Path(const std::string& name) const;

  std::string dir_;
  int lock_fd_ = -1;
  std::map<std::string, StoredRecord> records_;
  size_t unsaved_ = 0;
  std::chrono::steady_clock::time_point last_save_ = std::chrono::steady_clock::now();
  size_t leftovers_removed_ = 0;
  bool state_damaged_ = false;
};

}  // namespace lodestone::fetch_internal

#endif  // LODESTONE_FETCH_SRC_RECORD_STORE_H_
