// The knowledge-base files compiled into the binary (generated from
// corpus/kb/*.json by ingest/CMakeLists.txt). Private.
#ifndef LODESTONE_INGEST_SRC_EXTRACT_KB_DATA_H_
#define LODESTONE_INGEST_SRC_EXTRACT_KB_DATA_H_

#include <vector>

namespace lodestone::internal {

struct KbFile {
  const char* name;
  const char* json;
};

const std::vector<KbFile>& BuiltinKnowledgeBase();

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_EXTRACT_KB_DATA_H_
