#include "trace_json.h"

namespace lodestone::query::internal {

namespace {

// A byte offset into the document's text, null when there is none (as show's "offset").
void Offset(JsonWriter& w, const char* key, uint32_t at) {
  w.Key(key);
  if (at == kNoOffset) w.Null();
  else w.Uint(at);
}

}  // namespace

void TraceRowFields(JsonWriter& w, const TraceDocument& d, const TraceRowJson& o) {
  w.Str("id", d.id);
  w.Str("source", d.source);
  w.Str("title", d.title);
  w.Str("kind", d.kind);
  w.Str("date", d.date);
  w.Str("president", d.president);
  w.Str("jurisdiction", d.jurisdiction);
  w.Str("via", d.via);
  w.Str("via_entity", d.via_entity);
  if (o.names_subject) w.Flag("names_subject", *o.names_subject);
  w.Str("evidence", d.evidence);
  if (o.zh_names) Offset(w, "evidence_at", d.evidence_at);
  w.Key("status");
  w.StartObject();
  w.Str("state", d.status.state);
  w.Flag("in_force", d.status.in_force);
  w.Str("revoked_on", d.status.revoked_on);
  for (auto [key, list] : {std::pair<const char*, const std::vector<LinkedNode>*>{"revoked_by", &d.status.revoked_by},
                           {"superseded_by", &d.status.superseded_by},
                           {"amended_by", &d.status.amended_by}}) {
    w.Key(key);
    w.StartArray();
    for (const LinkedNode& n : *list) {
      w.StartObject();
      w.Str("id", n.id);
      w.Str("name", n.name);
      if (o.empty_dates || !n.date.empty()) w.Str("date", n.date);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  w.Key("directs");
  w.StartArray();
  for (size_t i = 0; i < d.directs.size(); ++i) {
    const LinkedNode& a = d.directs[i];
    w.StartObject();
    w.Str("id", a.id);
    w.Str("name", a.name);
    if (o.zh_names) {
      auto zh = o.zh_names->find(a.id);
      w.Str("zh", zh == o.zh_names->end() ? "" : zh->second);
      w.Str("evidence", i < d.directs_evidence.size() ? d.directs_evidence[i] : "");
      Offset(w, "evidence_at", i < d.directs_at.size() ? d.directs_at[i] : kNoOffset);
    } else if (o.empty_dates || !a.date.empty()) {
      w.Str("date", a.date);
    }
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace lodestone::query::internal
