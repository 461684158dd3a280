// Discovery: the files under the paths given to ingest, grouped into
// bundles (the formats of one document). Private.
#ifndef LODESTONE_INGEST_SRC_PIPELINE_DISCOVER_H_
#define LODESTONE_INGEST_SRC_PIPELINE_DISCOVER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "lodestone/ingest/pipeline.h"

namespace lodestone::internal {

struct FoundFile {
  std::string path;  // absolute, lexically normal
  std::string key;   // <root folder name>/<path below it>: stable across machines
  uint64_t size = 0;
  int64_t mtime_ns = 0;
};

struct Bundle {
  std::vector<FoundFile> files;
};

// Walks `paths` (files or folders; hidden entries and `exclude` skipped) in
// sorted order. Reported in `problems`, with the reason: paths that do not
// exist, folders that cannot be listed (permission, a path longer than the
// system allows) and files whose information cannot be read.
std::vector<FoundFile> Discover(const std::vector<std::string>& paths, const std::string& exclude,
                                std::vector<IngestProblem>* problems);

// Groups files of one folder that share a stem (EO_13603.xml, EO_13603.htm).
std::vector<Bundle> MakeBundles(std::vector<FoundFile> files);

// Absolute, lexically normal form of a path (no file system access beyond
// the current directory).
std::string AbsolutePath(const std::string& path);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_PIPELINE_DISCOVER_H_
