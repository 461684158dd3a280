#include "lodestone/query/render.h"

#include <cstdio>
#include <map>
#include <sstream>

#include "json_writer.h"
#include "nodes.h"

namespace lodestone::query {

namespace {
using internal::JsonWriter;

std::string Mb(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1e6);
  return buf;
}

void DocumentFields(JsonWriter& w, const ShowResult& r, bool with_text) {
  const Document& d = r.document;
  w.Str("id", d.id);
  w.Str("source", r.source);
  w.Str("title", d.title);
  w.Str("kind", KindName(d.kind));
  w.Str("date", d.date);
  w.Str("number", d.number);
  w.Str("language", d.language);
  w.Str("url", d.url);
  w.Str("format", d.format);
  w.Str("jurisdiction", d.jurisdiction);
  w.Key("authors");
  w.StartArray();
  for (const auto& a : d.authors) w.String(a);
  w.EndArray();
  // Paper fields (added to the contract with issue 15; empty for other documents).
  for (const auto& [key, list] : {std::pair<const char*, const std::vector<std::string>*>{"keywords", &d.keywords},
                                  {"index_keywords", &d.index_keywords}}) {
    w.Key(key);
    w.StartArray();
    for (const auto& k : *list) w.String(k);
    w.EndArray();
  }
  w.Key("affiliations");
  w.StartArray();
  for (const auto& a : d.affiliations) {
    w.StartObject();
    w.Str("organization", a.organization);
    w.Str("country", a.country);
    w.Str("address", a.address);
    w.Key("authors");
    w.StartArray();
    for (const auto& n : a.authors) w.String(n);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("meta");
  w.StartObject();
  for (const auto& [k, v] : d.meta) w.Str(k.c_str(), v);
  w.EndObject();
  w.Key("sources");
  w.StartArray();
  for (const auto& s : d.sources) {
    w.StartObject();
    w.Str("path", s.path);
    w.Str("format", s.format);
    w.Key("size");
    w.Uint64(s.size);
    w.EndObject();
  }
  w.EndArray();
  auto type_of = [](const std::string& id) { return id.substr(0, id.find(':')); };
  // Byte offsets into "text" where extraction found each item (at most 8
  // kept per item; added with issue 10 so that a page can highlight them).
  auto offsets = [&](const std::vector<uint32_t>& v) {
    w.Key("offsets");
    w.StartArray();
    for (uint32_t o : v) w.Uint(o);
    w.EndArray();
  };
  // Added with issue 10: each mention's span, in characters (code points:
  // "start", "end"), UTF-16 units (JavaScript: "utf16_start", "utf16_end")
  // and bytes ("byte_start" is the offset above, or before it when a
  // citation's words precede its number), with its text, so that a page can
  // highlight it.
  auto mentions = [&](const std::vector<std::vector<TextSpan>>& all, size_t i) {
    w.Key("mentions");
    w.StartArray();
    if (i < all.size())
      for (const TextSpan& m : all[i]) {
        w.StartObject();
        w.U32("start", m.char_begin);
        w.U32("end", m.char_end);
        w.U32("utf16_start", m.utf16_begin);
        w.U32("utf16_end", m.utf16_end);
        w.U32("byte_start", m.begin);
        w.U32("byte_end", m.end);
        const bool inside = m.begin <= m.end && m.end <= d.text.size();
        w.Str("text", inside ? d.text.substr(m.begin, m.end - m.begin) : std::string());
        w.EndObject();
      }
    w.EndArray();
  };
  w.Key("entities");
  w.StartArray();
  for (size_t i = 0; i < d.entities.size(); ++i) {
    const auto& e = d.entities[i];
    w.StartObject();
    w.Str("id", e.id);
    w.Str("type", type_of(e.id));
    w.Str("name", e.name);
    w.Key("count");
    w.Uint(e.count);
    w.Str("evidence", r.entity_evidence[i]);
    offsets(e.offsets);
    mentions(r.entity_mentions, i);
    w.EndObject();
  }
  w.EndArray();
  w.Key("citations");
  w.StartArray();
  for (size_t i = 0; i < d.citations.size(); ++i) {
    const auto& c = d.citations[i];
    w.StartObject();
    w.Str("id", c.id);
    w.Str("type", type_of(c.id));
    w.Key("count");
    w.Uint(c.count);
    w.Str("evidence", r.citation_evidence[i]);
    offsets(c.offsets);
    mentions(r.citation_mentions, i);
    w.EndObject();
  }
  w.EndArray();
  w.Key("relations");
  w.StartArray();
  for (size_t i = 0; i < d.relations.size(); ++i) {
    const auto& rel = d.relations[i];
    w.StartObject();
    w.Str("type", RelationTypeName(rel.type));
    w.Str("target", rel.target);
    w.Str("origin", rel.origin);
    w.Str("evidence", r.relation_evidence[i]);
    // The byte offset of its sentence in "text", null when it has none there.
    w.Key("offset");
    if (r.relation_in_text[i]) w.Uint(rel.offset);
    else w.Null();
    w.EndObject();
  }
  w.EndArray();
  w.Key("references");
  w.StartArray();
  for (const auto& ref : d.references) {
    w.StartObject();
    w.Str("label", ref.label);
    w.Str("text", ref.text);
    w.Str("doi", ref.doi);
    w.Str("title", ref.title);
    w.Str("year", ref.year);
    auto list = [&](const char* key, const std::vector<std::string>& v) {
      w.Key(key);
      w.StartArray();
      for (const auto& x : v) w.String(x);
      w.EndArray();
    };
    list("authors", ref.authors);
    w.Str("journal", ref.journal);
    w.Str("volume", ref.volume);
    w.Str("page", ref.page);
    list("ids", ref.ids);
    w.EndObject();
  }
  w.EndArray();
  w.Key("aliases");
  w.StartArray();
  for (const auto& a : d.aliases) w.String(a);
  w.EndArray();
  if (with_text) w.Str("text", d.text);
}

std::string Wrap(const std::string& s, size_t indent, size_t width) {
  std::string out, line;
  std::istringstream in(s);
  std::string word;
  size_t visible = 0;
  auto vis_len = [](const std::string& x) {
    size_t n = 0;
    bool esc = false;
    for (unsigned char c : x) {
      if (c == 0x1b) esc = true;
      else if (esc && c == 'm') esc = false;
      else if (!esc && (c & 0xC0) != 0x80) ++n;
    }
    return n;
  };
  while (in >> word) {
    size_t l = vis_len(word);
    if (visible && visible + 1 + l > width) {
      out += std::string(indent, ' ') + line + "\n";
      line.clear();
      visible = 0;
    }
    if (visible) {
      line += ' ';
      ++visible;
    }
    line += word;
    visible += l;
  }
  if (!line.empty()) out += std::string(indent, ' ') + line + "\n";
  return out;
}
}  // namespace

std::string Thousands(uint64_t n) {
  std::string s = std::to_string(n), out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i && (s.size() - i) % 3 == 0) out += ',';
    out += s[i];
  }
  return out;
}

namespace {
// One hit of search or similar: {"id","source","title","kind","date","score",
// ["snippet",]"rank","language","number","jurisdiction"}.
void HitObject(JsonWriter& w, const SearchHit& h, bool snippet) {
  w.StartObject();
  w.Str("id", h.id);
  w.Str("source", h.source);
  w.Str("title", h.title);
  w.Str("kind", h.kind);
  w.Str("date", h.date);
  w.Dbl("score", h.score);
  if (snippet) w.Str("snippet", h.snippet);
  w.U32("rank", h.rank);
  w.Str("language", h.language);
  w.Str("number", h.number);
  w.Str("jurisdiction", h.jurisdiction);
  w.EndObject();
}

struct Style {
  const char* bold;
  const char* dim;
  const char* reset;
};
Style StyleFor(bool color) {
  return color ? Style{"\033[1m", "\033[2m", "\033[0m"} : Style{"", "", ""};
}

void HitLines(std::ostringstream& o, const SearchHit& h, const Style& st) {
  o << st.bold << h.rank << ". " << h.title << st.reset << "\n";
  o << "   " << st.dim << h.id << " · " << h.kind << (h.date.empty() ? "" : " · " + h.date) << st.reset << "\n";
  if (!h.snippet.empty()) o << Wrap(h.snippet, 3, 96);
  o << "   " << st.dim << h.source << st.reset << "\n\n";
}
}  // namespace

namespace {
// issue 13: "partial": {"missing": [...]} when shards were left out.
void PartialObject(JsonWriter& w, const std::vector<std::string>& missing) {
  if (missing.empty()) return;
  w.Key("partial");
  w.StartObject();
  w.Strings("missing", missing);
  w.EndObject();
}
}  // namespace

std::string SearchJson(const SearchResult& r) {
  JsonWriter w;
  w.StartObject();
  w.Str("query", r.request.query);
  w.U64("total", r.total);
  w.Flag("total_exact", r.total_exact);
  w.U32("offset", r.request.offset);
  w.U32("limit", r.request.limit);
  w.Key("hits");
  w.StartArray();
  for (const auto& h : r.hits) HitObject(w, h, true);
  w.EndArray();
  w.Key("facets");
  w.StartObject();
  for (const auto& [name, values] : r.facets) {
    w.Key(name);
    w.StartObject();
    for (const auto& v : values) {
      w.Key(v.value);
      w.Uint64(v.count);
    }
    w.EndObject();
  }
  w.EndObject();
  if (!r.suggestion.empty()) w.Str("suggestion", r.suggestion);
  PartialObject(w, r.missing_shards);
  w.EndObject();
  return w.Line();
}

std::string SearchText(const SearchResult& r, bool color) {
  std::ostringstream o;
  const Style st = StyleFor(color);
  if (r.total == 0) {
    o << "No documents match " << r.request.query << ".\n";
  } else {
    o << (r.total_exact ? "" : "about ") << Thousands(r.total) << (r.total == 1 ? " document" : " documents")
      << " match";
    if (!r.hits.empty()) o << " (showing " << r.request.offset + 1 << "-" << r.request.offset + r.hits.size() << ")";
    o << "\n\n";
  }
  for (const auto& h : r.hits) HitLines(o, h, st);
  for (const auto& [name, values] : r.facets) {
    o << name << ":";
    for (const auto& v : values) o << "  " << v.value << " " << Thousands(v.count);
    o << "\n";
  }
  if (!r.suggestion.empty()) o << "Did you mean: " << r.suggestion << "\n";
  return o.str();
}

std::string SimilarJson(const SimilarResult& r) {
  JsonWriter w;
  w.StartObject();
  w.Str("id", r.id);
  w.Str("title", r.title);
  w.Strings("terms", r.terms);
  w.U64("total", r.total);
  w.Key("similar");
  w.StartArray();
  for (const auto& h : r.hits) HitObject(w, h, false);
  w.EndArray();
  w.EndObject();
  return w.Line();
}

std::string SimilarText(const SimilarResult& r, bool color) {
  std::ostringstream o;
  const Style st = StyleFor(color);
  o << "Documents like " << r.title << " (" << r.id << ")\n";
  std::string terms;
  for (size_t i = 0; i < r.terms.size() && i < 15; ++i) terms += (i ? ", " : "") + r.terms[i];
  if (r.terms.size() > 15) terms += ", …";
  o << st.dim << "by its terms: " << terms << st.reset << "\n\n";
  if (r.hits.empty()) o << "No other document shares its terms.\n";
  for (const auto& h : r.hits) HitLines(o, h, st);
  return o.str();
}

std::string ShowJson(const ShowResult& r) {
  JsonWriter w;
  w.StartObject();
  // The text is always there in JSON (--no-text shortens the text form only).
  DocumentFields(w, r, true);
  w.EndObject();
  return w.Line();
}

std::string ShowText(const ShowResult& r) {
  const Document& d = r.document;
  std::ostringstream o;
  o << d.title << "\n";
  o << "  id:       " << d.id << "\n";
  o << "  kind:     " << KindName(d.kind) << "\n";
  if (!d.date.empty()) o << "  date:     " << d.date << "\n";
  if (!d.number.empty()) o << "  number:   " << d.number << "\n";
  if (!d.language.empty()) o << "  language: " << d.language << "\n";
  if (!d.jurisdiction.empty()) o << "  jurisdiction: " << d.jurisdiction << "\n";
  if (!d.url.empty()) o << "  url:      " << d.url << "\n";
  if (!d.authors.empty()) {
    o << "  authors:  ";
    for (size_t i = 0; i < d.authors.size(); ++i) o << (i ? "; " : "") << d.authors[i];
    o << "\n";
  }
  auto list = [&](const char* label, const std::vector<std::string>& v) {
    if (v.empty()) return;
    o << label;
    for (size_t i = 0; i < v.size(); ++i) o << (i ? "; " : "") << v[i];
    o << "\n";
  };
  list("  keywords: ", d.keywords);
  list("  index keywords: ", d.index_keywords);
  for (const auto& a : d.affiliations)
    o << "  address:  " << a.address
      << (a.organization.empty() ? "" : "  [" + a.organization + (a.country.empty() ? "" : " / " + a.country) + "]")
      << "\n";
  for (const auto& [k, v] : d.meta) o << "  " << k << ": " << v << "\n";
  for (const auto& s : d.sources) o << "  source:   " << s.path << " (" << s.format << ")\n";
  if (!d.aliases.empty()) {
    o << "  also:     ";
    for (size_t i = 0; i < d.aliases.size(); ++i) o << (i ? ", " : "") << d.aliases[i];
    o << "\n";
  }
  if (!d.references.empty()) o << "  references: " << d.references.size() << " (lode cites " << d.id << ")\n";
  auto evidence = [](const std::string& e) { return e.empty() ? std::string() : "      \"" + e + "\"\n"; };
  if (!d.entities.empty()) {
    o << "\nentities:\n";
    for (size_t i = 0; i < d.entities.size(); ++i) {
      const auto& e = d.entities[i];
      o << "  " << e.id << " (" << e.name << ") ×" << e.count << "\n" << evidence(r.entity_evidence[i]);
    }
  }
  if (!d.citations.empty()) {
    o << "\ncites:\n";
    for (size_t i = 0; i < d.citations.size(); ++i) {
      const auto& c = d.citations[i];
      o << "  " << c.id << " ×" << c.count << "\n" << evidence(r.citation_evidence[i]);
    }
  }
  if (!d.relations.empty()) {
    o << "\nrelations:\n";
    for (size_t i = 0; i < d.relations.size(); ++i) {
      const auto& rel = d.relations[i];
      const bool in_text = r.relation_in_text[i];
      o << "  " << RelationTypeName(rel.type) << " " << rel.target
        << (rel.origin == "metadata" ? (in_text ? "  (disposition table)" : "  (Federal Register disposition notes)")
                                     : "")
        << "\n";
      if (in_text) o << evidence(r.relation_evidence[i]);
    }
  }
  if (r.request.text) o << "\n" << d.text << "\n";
  return o.str();
}

std::string StatsJson(const IndexStats& s) {
  JsonWriter w;
  w.StartObject();
  w.Key("documents");
  w.Uint64(s.documents);
  w.Key("revision");
  w.Uint64(s.revision);
  w.Key("index_bytes");
  w.Uint64(s.size_bytes);
  w.Key("words");
  w.Uint64(s.terms_total);
  w.Str("path", s.path);
  w.Counts("by_kind", s.by_kind);
  w.Counts("by_year", s.by_year);
  w.Counts("by_format", s.by_format);
  w.Counts("by_language", s.by_language);
  w.Counts("entities_by_type", s.entities_by_type);
  w.Counts("citations_by_type", s.citations_by_type);
  w.Counts("relations_by_type", s.relations_by_type);
  if (!s.shards.empty()) {  // a sharded layout (issue 13)
    w.Key("shards");
    w.StartArray();
    for (const auto& sh : s.shards) {
      w.StartObject();
      w.Str("name", sh.name);
      w.Str("address", sh.address);
      w.Flag("remote", sh.remote);
      w.U64("documents", sh.documents);
      w.Str("uuid", sh.uuid);
      w.U64("commit", sh.commit);
      w.EndObject();
    }
    w.EndArray();
  }
  PartialObject(w, s.missing_shards);
  w.EndObject();
  return w.Line();
}

std::string StatsText(const IndexStats& s) {
  std::ostringstream o;
  o << "documents: " << Thousands(s.documents) << "  (" << Thousands(s.terms_total) << " words, index "
    << Mb(s.size_bytes) << ", revision " << s.revision << ")\n";
  o << "index:     " << s.path << "\n";
  for (const auto& sh : s.shards)
    o << "  " << sh.name << std::string(sh.name.size() < 10 ? 10 - sh.name.size() : 1, ' ')
      << (sh.remote ? "remote " : "") << sh.address << "  " << Thousands(sh.documents) << " documents, commit "
      << sh.commit << "\n";
  for (const auto& m : s.missing_shards) o << "  missing:  " << m << "\n";
  auto section = [&](const char* name, const std::map<std::string, uint64_t>& m) {
    o << name << ":\n";
    for (const auto& [k, v] : m) o << "  " << k << std::string(k.size() < 26 ? 26 - k.size() : 1, ' ') << Thousands(v) << "\n";
  };
  section("by kind", s.by_kind);
  section("by format (documents with a source in it)", s.by_format);
  section("by language", s.by_language);
  section("entities named (distinct, by type)", s.entities_by_type);
  section("citations (document, id) by type", s.citations_by_type);
  section("relations (document, target) by type", s.relations_by_type);
  // Years compactly: "1994 31  1995 40 ..."
  o << "by year:\n";
  int col = 0;
  for (const auto& [k, v] : s.by_year) {
    char cell[32];
    std::snprintf(cell, sizeof cell, "  %s %5s", k.c_str(), Thousands(v).c_str());
    o << cell;
    if (++col % 6 == 0) o << "\n";
  }
  if (col % 6) o << "\n";
  return o.str();
}

std::string EntityJson(const EntityResult& r) {
  JsonWriter w;
  auto list = [&](const char* key, const std::vector<std::string>& v) {
    w.Key(key);
    w.StartArray();
    for (const auto& x : v) w.String(x);
    w.EndArray();
  };
  w.StartObject();
  w.Str("id", r.id);
  w.Str("type", r.type);
  w.Key("known");
  w.Bool(r.entity.has_value());
  if (r.entity) {
    const Entity& e = *r.entity;
    w.Str("name", e.name);
    list("aliases", e.aliases);
    list("aliases_cs", e.aliases_cs);
    list("zh", e.zh);
    list("heads", e.heads);
    list("adjectives", e.adjectives);
    list("is_a", e.is_a);
    if (!e.parent.empty()) w.Str("parent", e.parent);
    w.Key("lists");
    w.StartArray();
    for (const auto& l : e.lists) {
      w.StartObject();
      w.Str("list", l.list);
      w.Key("year");
      w.Int(l.year);
      w.Str("citation", l.citation);
      w.EndObject();
    }
    w.EndArray();
  }
  w.Key("members");
  w.StartArray();
  for (const auto& m : r.members) w.String(m);
  w.EndArray();
  w.Key("documents");
  w.StartObject();
  w.Key("total");
  w.Uint64(r.documents);
  w.Key("top");
  w.StartArray();
  for (const auto& p : r.top) {
    w.StartObject();
    w.Str("id", p.id);
    w.Str("title", p.title);
    w.Str("kind", p.kind);
    w.Str("date", p.date);
    w.Key("count");
    w.Uint(p.count);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.Key("cooccurs");
  w.StartArray();
  for (const auto& c : r.cooccurs) {
    w.StartObject();
    w.Str("id", c.id);
    w.Str("name", c.name);
    w.U64("documents", c.documents);
    // Strength: the share of this entity's documents that also name the other.
    w.Dbl("share", r.documents ? static_cast<double>(c.documents) / r.documents : 0.0);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Line();
}

std::string EntityText(const EntityResult& r) {
  std::ostringstream o;
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
  };
  o << r.id;
  if (r.entity) o << "  " << r.entity->name;
  o << "\n";
  if (r.entity) {
    const Entity& e = *r.entity;
    std::vector<std::string> names = e.aliases;
    names.insert(names.end(), e.aliases_cs.begin(), e.aliases_cs.end());
    names.insert(names.end(), e.zh.begin(), e.zh.end());
    if (!names.empty()) o << "  also:     " << join(names) << "\n";
    if (!e.heads.empty()) o << "  heads:    " << join(e.heads) << "\n";
    if (!e.is_a.empty()) o << "  is a:     " << join(e.is_a) << "\n";
    if (!e.parent.empty()) o << "  part of:  " << e.parent << "\n";
    for (const auto& l : e.lists) o << "  listed:   " << l.list << " (" << l.year << ", " << l.citation << ")\n";
  } else {
    o << "  (not in the knowledge base: an id seen in documents)\n";
  }
  if (!r.members.empty()) {
    std::vector<std::string> ids;
    for (const auto& m : r.members) ids.push_back(m.substr(m.find(':') + 1));
    o << "  members:  " << join(ids) << "\n";
  }
  o << "\n" << Thousands(r.documents) << (r.documents == 1 ? " document" : " documents") << (r.top.empty() ? "" : ", most mentions first:") << "\n";
  for (const auto& p : r.top)
    o << "  " << p.count << "×  " << p.id << "  " << p.date << "  " << (p.title.size() > 80 ? p.title.substr(0, 77) + "..." : p.title) << "\n";
  if (!r.cooccurs.empty()) {
    o << "\nnamed together with:\n";
    for (const auto& c : r.cooccurs) o << "  " << c.id << " (" << c.name << ") in " << c.documents << "\n";
  }
  return o.str();
}

std::string IngestJson(const IngestSummary& s) {
  JsonWriter w;
  w.StartObject();
  w.Key("added");
  w.Uint64(s.added);
  w.Key("updated");
  w.Uint64(s.updated);
  w.Key("unchanged");
  w.Uint64(s.unchanged);
  w.Key("removed");
  w.Uint64(s.removed);
  w.Key("failed");
  w.StartArray();
  for (const auto& f : s.failed) {
    w.StartObject();
    w.Str("path", f.path);
    w.Str("error", f.message);
    w.EndObject();
  }
  w.EndArray();
  w.Key("skipped");
  w.StartArray();
  for (const auto& f : s.skipped) {
    w.StartObject();
    w.Str("path", f.path);
    w.Str("reason", f.message);
    w.EndObject();
  }
  w.EndArray();
  w.Key("warnings");
  w.StartArray();
  for (const auto& f : s.warnings) {
    w.StartObject();
    w.Str("path", f.path);
    w.Str("warning", f.message);
    w.EndObject();
  }
  w.EndArray();
  w.Key("documents");
  w.Uint64(s.documents);
  w.Key("files");
  w.Uint64(s.files);
  w.Key("files_read");
  w.Uint64(s.files_read);
  w.Key("bytes_read");
  w.Uint64(s.bytes_read);
  w.Key("seconds");
  w.Double(s.seconds);
  w.Str("mode", s.mode);
  w.EndObject();
  return w.Line();
}

std::string IngestFailuresText(const IngestSummary& s) {
  std::ostringstream o;
  if (!s.failed.empty()) {
    o << "  " << s.failed.size() << " failed:\n";
    for (const auto& f : s.failed) o << "    " << f.path << ": " << f.message << "\n";
  }
  if (!s.warnings.empty()) {
    o << "  " << s.warnings.size() << (s.warnings.size() == 1 ? " file" : " files") << " read in part:\n";
    for (const auto& f : s.warnings) o << "    " << f.path << ": " << f.message << "\n";
  }
  return o.str();
}

std::string IngestText(const IngestSummary& s, bool verbose, bool with_failures) {
  std::ostringstream o;
  char rate[64];
  std::snprintf(rate, sizeof rate, "%.1f s, %.2f MB/s", s.seconds, s.seconds > 0 ? s.bytes_read / 1e6 / s.seconds : 0);
  o << "ingest (" << s.mode << "): " << Thousands(s.added) << " added, " << Thousands(s.updated) << " updated, "
    << Thousands(s.unchanged) << " unchanged, " << Thousands(s.removed) << " removed; " << Thousands(s.documents)
    << " documents in the index\n";
  o << "  " << Thousands(s.files) << " files found, " << Thousands(s.files_read) << " read (" << Mb(s.bytes_read)
    << " in " << rate << ")\n";
  if (!s.skipped.empty()) {
    std::map<std::string, size_t> reasons;
    for (const auto& k : s.skipped) ++reasons[k.message];
    o << "  " << s.skipped.size() << " skipped:\n";
    for (const auto& [r, n] : reasons) o << "    " << n << " × " << r << "\n";
    if (verbose)
      for (const auto& k : s.skipped) o << "    skipped " << k.path << ": " << k.message << "\n";
  }
  if (with_failures) o << IngestFailuresText(s);
  return o.str();
}

std::string WrapText(const std::string& s, size_t indent, size_t width) { return Wrap(s, indent, width); }

std::string ExportJson(const ExportResult& r, const std::vector<std::string>& files) {
  JsonWriter w;
  w.StartObject();
  w.Str("format", r.format);
  w.U64("nodes", r.nodes);
  w.U64("edges", r.edges);
  if (r.records) {
    w.U64("records", r.record_count);
    w.U64("skipped_not_papers", r.skipped_not_papers);
  }
  w.Strings("files", files);
  w.Flag("truncated", r.truncated);  // added with issue 10: the selection was cut at a node cap
  w.EndObject();
  return w.Line();
}

std::string ExportText(const ExportResult& r, const std::vector<std::string>& files) {
  std::ostringstream o;
  if (r.records)
    o << "wrote " << r.record_count << " records as " << r.format
      << (r.skipped_not_papers
              ? " (" + std::to_string(r.skipped_not_papers) + " documents that are not papers left out)"
              : "")
      << " to";
  else
    o << "wrote " << r.nodes << " nodes and " << r.edges << " edges as " << r.format << " to";
  for (const auto& f : files) o << " " << f;
  o << "\n";
  if (r.truncated) o << "(cut at " << r.nodes << " nodes)\n";
  return o.str();
}

std::string RenderJson(const RenderResult& r, const std::string& file) {
  JsonWriter w;
  w.StartObject();
  w.Str("file", file);
  w.U64("nodes", r.nodes);
  w.U64("edges", r.edges);
  // Added with issue 11: the nodes within reach, and whether the drawing left some out.
  w.U64("reachable", r.reachable);
  w.Flag("truncated", r.truncated);
  w.EndObject();
  return w.Line();
}

std::string RenderText(const RenderResult& r, const std::string& file) {
  std::ostringstream o;
  o << "drew " << r.nodes << " nodes and " << r.edges << " edges to " << file << "\n";
  if (r.truncated)
    o << "(the " << r.nodes << " nearest of " << r.reachable
      << " nodes within reach; --max-nodes draws more, --depth and --edge draw fewer)\n";
  return o.str();
}

}  // namespace lodestone::query
