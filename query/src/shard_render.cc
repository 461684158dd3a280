#include "lodestone/query/shard_render.h"

#include <cstdio>
#include <sstream>

#include "json_writer.h"

namespace lodestone::query {

using internal::JsonWriter;

std::string ShardJson(const ShardSummary& s) {
  JsonWriter w;
  w.StartObject();
  w.Str("out", s.out_dir);
  w.Str("rule", s.rule);
  w.Str("root", s.root);
  w.Key("documents");
  w.Uint64(s.documents);
  w.Key("spelling_words");
  w.Uint64(s.spelling_words);
  w.Key("synonym_keys");
  w.Uint64(s.synonym_keys);
  w.Key("metadata_keys");
  w.Uint64(s.metadata_keys);
  w.Key("shards");
  w.StartArray();
  for (const auto& sh : s.shards) {
    w.StartObject();
    w.Str("name", sh.name);
    w.Str("key", sh.key);
    w.Key("documents");
    w.Uint64(sh.documents);
    w.Key("bytes");
    w.Uint64(sh.bytes);
    w.EndObject();
  }
  w.EndArray();
  w.Key("seconds");
  w.Double(s.seconds);
  w.EndObject();
  return w.Line();
}

std::string ShardText(const ShardSummary& s) {
  std::ostringstream out;
  char buf[160];
  for (const auto& sh : s.shards) {
    std::snprintf(buf, sizeof buf, "%-10s %-24s %8llu documents %8.1f MB\n", sh.name.c_str(), sh.key.c_str(),
                  static_cast<unsigned long long>(sh.documents), sh.bytes / 1e6);
    out << buf;
  }
  std::snprintf(buf, sizeof buf, "%.1f", s.seconds);
  out << s.documents << " documents in " << s.shards.size() << " shards by " << s.rule
      << (s.root.empty() ? "" : " (root " + s.root + ")") << "; meta: " << s.spelling_words << " spelling words, "
      << s.synonym_keys << " synonym keys, " << s.metadata_keys << " metadata keys; " << buf << " s\n"
      << "Layout: " << s.out_dir << " (open it with --index " << s.out_dir << ")\n";
  return out.str();
}

}  // namespace lodestone::query
