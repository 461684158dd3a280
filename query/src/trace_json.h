// One trace row as JSON: the fields `lode trace --json` writes for each of
// its documents, and the dossier for each of its measures (issue 16), which
// differ only where the options say. Private to query/.
#ifndef LODESTONE_QUERY_SRC_TRACE_JSON_H_
#define LODESTONE_QUERY_SRC_TRACE_JSON_H_

#include <map>
#include <string>

#include "json_writer.h"
#include "lodestone/query/engine.h"

namespace lodestone::query::internal {

struct TraceRowJson {
  // Status lists (revoked_by, ...) write "date" even when empty (the
  // dossier's contract); trace leaves an empty one out.
  bool empty_dates = false;
  // Written after "via_entity" when set: the dossier's names_subject.
  const bool* names_subject = nullptr;
  // Set: each directs item carries "zh" (the body's Chinese name, "" when
  // none), its "evidence" sentence and "evidence_at" offset (null: none), and
  // the row its "evidence_at"; directs items never carry "date" (dossier).
  const std::map<std::string, std::string>* zh_names = nullptr;
};

// The row's fields, into an object the caller has opened (and closes, after
// any fields of its own).
void TraceRowFields(JsonWriter& w, const TraceDocument& d, const TraceRowJson& options);

}  // namespace lodestone::query::internal

#endif  // LODESTONE_QUERY_SRC_TRACE_JSON_H_
