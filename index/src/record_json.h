// Stored-data codec: Document <-> the JSON object kept in each Xapian
// document (layout documented in schema.h). Private to index/.
#ifndef LODESTONE_INDEX_SRC_RECORD_JSON_H_
#define LODESTONE_INDEX_SRC_RECORD_JSON_H_

#include <string>

#include "lodestone/index/document.h"
#include "lodestone/index/status.h"

namespace lodestone::internal {

std::string EncodeRecord(const Document& doc);
Result<Document> DecodeRecord(const std::string& data);

}  // namespace lodestone::internal

#endif  // LODESTONE_INDEX_SRC_RECORD_JSON_H_
