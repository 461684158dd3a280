#include "schema_version.h"

#include "lodestone/index/schema.h"

namespace lodestone::internal {

Status CheckSchemaVersion(const Xapian::Database& db, const std::string& index_dir) {
  const std::string found = db.get_metadata(schema::kMetaSchema);
  const std::string want = std::to_string(schema::kSchemaVersion);
  if (found == want) return Status::Ok();
  if (found.empty() && db.get_doccount() == 0) return Status::Ok();  // nothing written yet
  return Status::Unsupported("index " + index_dir + " was written with schema " + (found.empty() ? "?" : found) +
                             " and this lode reads schema " + want +
                             " (stems are now expanded at search time, not stored per word); rebuild it: "
                             "lode ingest SOURCES --index " + index_dir + " --rebuild");
}

}  // namespace lodestone::internal
