#include "lodestone/query/render.h"

#include <cstdio>
#include <map>
#include <sstream>

#include "json_writer.h"
#include "lodestone/ingest/extract.h"

namespace lodestone {

namespace {
using query::internal::JsonWriter;

// The file whose text was kept (the richest format), else the first.
std::string Source(const Document& d) {
  for (const auto& s : d.sources)
    if (s.format == d.format) return s.path;
  return d.sources.empty() ? std::string() : d.sources.front().path;
}

std::string Mb(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1e6);
  return buf;
}

void CountMap(JsonWriter& w, const char* key, const std::map<std::string, uint64_t>& m) {
  w.Key(key);
  w.StartObject();
  for (const auto& [k, v] : m) {
    w.String(k);
    w.Uint64(v);
  }
  w.EndObject();
}

void DocumentFields(JsonWriter& w, const Document& d, bool with_text) {
  w.Str("id", d.id);
  w.Str("source", Source(d));
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
  auto evidence = [&](uint32_t offset) {
    return offset < d.text.size() ? SentenceAround(d.text, offset) : std::string();
  };
  w.Key("entities");
  w.StartArray();
  for (const auto& e : d.entities) {
    w.StartObject();
    w.Str("id", e.id);
    w.Str("type", type_of(e.id));
    w.Str("name", e.name);
    w.Key("count");
    w.Uint(e.count);
    w.Str("evidence", e.offsets.empty() ? std::string() : evidence(e.offsets[0]));
    w.EndObject();
  }
  w.EndArray();
  w.Key("citations");
  w.StartArray();
  for (const auto& c : d.citations) {
    w.StartObject();
    w.Str("id", c.id);
    w.Str("type", type_of(c.id));
    w.Key("count");
    w.Uint(c.count);
    w.Str("evidence", c.offsets.empty() ? std::string() : evidence(c.offsets[0]));
    w.EndObject();
  }
  w.EndArray();
  w.Key("relations");
  w.StartArray();
  for (const auto& r : d.relations) {
    w.StartObject();
    w.Str("type", r.type);
    w.Str("target", r.target);
    w.Str("origin", r.origin);
    // Metadata relations point into the text when the source's own line is
    // there (disposition tables); Federal Register API notes live in meta.
    const bool in_text = r.offset != kNoOffset && r.offset < d.text.size();
    w.Str("evidence", in_text                                     ? evidence(r.offset)
                      : d.meta.count("disposition_notes") != 0    ? d.meta.at("disposition_notes")
                                                                  : std::string());
    w.EndObject();
  }
  w.EndArray();
  w.Key("references");
  w.StartArray();
  for (const auto& r : d.references) {
    w.StartObject();
    w.Str("label", r.label);
    w.Str("text", r.text);
    w.Str("doi", r.doi);
    w.Str("title", r.title);
    w.Str("year", r.year);
    auto list = [&](const char* key, const std::vector<std::string>& v) {
      w.Key(key);
      w.StartArray();
      for (const auto& x : v) w.String(x);
      w.EndArray();
    };
    list("authors", r.authors);
    w.Str("journal", r.journal);
    w.Str("volume", r.volume);
    w.Str("page", r.page);
    list("ids", r.ids);
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
// ["snippet",]"rank","language","number"}.
void HitObject(JsonWriter& w, const Hit& hit, const std::string* snippet) {
  const Document& d = hit.doc;
  w.StartObject();
  w.Str("id", d.id);
  w.Str("source", Source(d));
  w.Str("title", d.title);
  w.Str("kind", KindName(d.kind));
  w.Str("date", d.date);
  w.Key("score");
  w.Double(hit.score);
  if (snippet) w.Str("snippet", *snippet);
  w.Key("rank");
  w.Uint(hit.rank);
  w.Str("language", d.language);
  w.Str("number", d.number);
  w.Str("jurisdiction", d.jurisdiction);
  w.EndObject();
}
}  // namespace

std::string SearchJson(const SearchRequest& req, const SearchResult& res, const std::vector<RenderedHit>& hits) {
  JsonWriter w;
  w.StartObject();
  w.Str("query", req.query);
  w.Key("total");
  w.Uint64(res.total);
  w.Key("total_exact");
  w.Bool(res.total_exact);
  w.Key("offset");
  w.Uint(req.offset);
  w.Key("limit");
  w.Uint(req.limit);
  w.Key("hits");
  w.StartArray();
  for (const auto& h : hits) HitObject(w, *h.hit, &h.snippet);
  w.EndArray();
  w.Key("facets");
  w.StartObject();
  for (const auto& [name, values] : res.facets) {
    w.Key(name.c_str());
    w.StartObject();
    for (const auto& v : values) {
      w.String(v.value);
      w.Uint64(v.count);
    }
    w.EndObject();
  }
  w.EndObject();
  if (!res.suggestion.empty()) w.Str("suggestion", res.suggestion);
  w.EndObject();
  return w.Line();
}

std::string SearchText(const SearchRequest& req, const SearchResult& res, const std::vector<RenderedHit>& hits,
                       bool color) {
  std::ostringstream o;
  const char* bold = color ? "\033[1m" : "";
  const char* dim = color ? "\033[2m" : "";
  const char* reset = color ? "\033[0m" : "";
  if (res.total == 0) {
    o << "No documents match " << req.query << ".\n";
  } else {
    o << (res.total_exact ? "" : "about ") << Thousands(res.total) << (res.total == 1 ? " document" : " documents")
      << " match";
    if (!hits.empty()) o << " (showing " << req.offset + 1 << "-" << req.offset + hits.size() << ")";
    o << "\n\n";
  }
  for (const auto& h : hits) {
    const Document& d = h.hit->doc;
    o << bold << h.hit->rank << ". " << d.title << reset << "\n";
    o << "   " << dim << d.id << " · " << KindName(d.kind) << (d.date.empty() ? "" : " · " + d.date) << reset << "\n";
    if (!h.snippet.empty()) o << Wrap(h.snippet, 3, 96);
    o << "   " << dim << Source(d) << reset << "\n\n";
  }
  for (const auto& [name, values] : res.facets) {
    o << name << ":";
    for (const auto& v : values) o << "  " << v.value << " " << Thousands(v.count);
    o << "\n";
  }
  if (!res.suggestion.empty()) o << "Did you mean: " << res.suggestion << "\n";
  return o.str();
}

std::string SimilarJson(const SimilarResult& res) {
  JsonWriter w;
  w.StartObject();
  w.Str("id", res.doc.id);
  w.Str("title", res.doc.title);
  w.Key("terms");
  w.StartArray();
  for (const auto& t : res.terms) w.String(t);
  w.EndArray();
  w.Key("total");
  w.Uint64(res.total);
  w.Key("similar");
  w.StartArray();
  for (const auto& h : res.hits) HitObject(w, h, nullptr);
  w.EndArray();
  w.EndObject();
  return w.Line();
}

std::string SimilarText(const SimilarResult& res, bool color) {
  std::ostringstream o;
  const char* bold = color ? "\033[1m" : "";
  const char* dim = color ? "\033[2m" : "";
  const char* reset = color ? "\033[0m" : "";
  o << "Documents like " << res.doc.title << " (" << res.doc.id << ")\n";
  std::string terms;
  for (size_t i = 0; i < res.terms.size() && i < 15; ++i) terms += (i ? ", " : "") + res.terms[i];
  if (res.terms.size() > 15) terms += ", …";
  o << dim << "by its terms: " << terms << reset << "\n\n";
  if (res.hits.empty()) o << "No other document shares its terms.\n";
  for (const auto& h : res.hits) {
    const Document& d = h.doc;
    o << bold << h.rank << ". " << d.title << reset << "\n";
    o << "   " << dim << d.id << " · " << KindName(d.kind) << (d.date.empty() ? "" : " · " + d.date) << reset << "\n";
    o << "   " << dim << Source(d) << reset << "\n\n";
  }
  return o.str();
}

std::string DocumentJson(const Document& doc) {
  JsonWriter w;
  w.StartObject();
  DocumentFields(w, doc, true);
  w.EndObject();
  return w.Line();
}

std::string DocumentText(const Document& d, bool with_text) {
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
    o << "  address:  " << a.address << (a.organization.empty() ? "" : "  [" + a.organization + (a.country.empty() ? "" : " / " + a.country) + "]")
      << "\n";
  for (const auto& [k, v] : d.meta) o << "  " << k << ": " << v << "\n";
  for (const auto& s : d.sources) o << "  source:   " << s.path << " (" << s.format << ")\n";
  if (!d.aliases.empty()) {
    o << "  also:     ";
    for (size_t i = 0; i < d.aliases.size(); ++i) o << (i ? ", " : "") << d.aliases[i];
    o << "\n";
  }
  if (!d.references.empty()) o << "  references: " << d.references.size() << " (lode cites " << d.id << ")\n";
  auto evidence = [&](uint32_t offset) {
    std::string e = offset < d.text.size() ? SentenceAround(d.text, offset) : std::string();
    return e.empty() ? std::string() : "      \"" + e + "\"\n";
  };
  if (!d.entities.empty()) {
    o << "\nentities:\n";
    for (const auto& e : d.entities) {
      o << "  " << e.id << " (" << e.name << ") ×" << e.count << "\n";
      if (!e.offsets.empty()) o << evidence(e.offsets[0]);
    }
  }
  if (!d.citations.empty()) {
    o << "\ncites:\n";
    for (const auto& c : d.citations) {
      o << "  " << c.id << " ×" << c.count << "\n";
      if (!c.offsets.empty()) o << evidence(c.offsets[0]);
    }
  }
  if (!d.relations.empty()) {
    o << "\nrelations:\n";
    for (const auto& r : d.relations) {
      const bool in_text = r.offset != kNoOffset && r.offset < d.text.size();
      o << "  " << r.type << " " << r.target
        << (r.origin == "metadata" ? (in_text ? "  (disposition table)" : "  (Federal Register disposition notes)") : "")
        << "\n";
      if (r.origin != "metadata" || in_text) o << evidence(r.offset);
    }
  }
  if (with_text) o << "\n" << d.text << "\n";
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
  CountMap(w, "by_kind", s.by_kind);
  CountMap(w, "by_year", s.by_year);
  CountMap(w, "by_format", s.by_format);
  CountMap(w, "by_language", s.by_language);
  CountMap(w, "entities_by_type", s.entities_by_type);
  CountMap(w, "citations_by_type", s.citations_by_type);
  CountMap(w, "relations_by_type", s.relations_by_type);
  w.EndObject();
  return w.Line();
}

std::string StatsText(const IndexStats& s) {
  std::ostringstream o;
  o << "documents: " << Thousands(s.documents) << "  (" << Thousands(s.terms_total) << " words, index "
    << Mb(s.size_bytes) << ", revision " << s.revision << ")\n";
  o << "index:     " << s.path << "\n";
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

std::string EntityJson(const EntityReport& r) {
  JsonWriter w;
  auto list = [&](const char* key, const std::vector<std::string>& v) {
    w.Key(key);
    w.StartArray();
    for (const auto& x : v) w.String(x);
    w.EndArray();
  };
  w.StartObject();
  w.Str("id", r.id);
  w.Str("type", r.id.substr(0, r.id.find(':')));
  w.Key("known");
  w.Bool(r.entity != nullptr);
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
  for (const Entity* m : r.members) w.String(m->id);
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
  for (size_t i = 0; i < r.cooccurs.size(); ++i) {
    w.StartObject();
    w.Str("id", r.cooccurs[i].first);
    w.Str("name", r.cooccur_names[i]);
    w.Key("documents");
    w.Uint64(r.cooccurs[i].second);
    // Strength: the share of this entity's documents that also name the other.
    w.Key("share");
    w.Double(r.documents ? static_cast<double>(r.cooccurs[i].second) / r.documents : 0.0);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Line();
}

std::string EntityText(const EntityReport& r) {
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
    for (const Entity* m : r.members) ids.push_back(m->id.substr(m->id.find(':') + 1));
    o << "  members:  " << join(ids) << "\n";
  }
  o << "\n" << Thousands(r.documents) << (r.documents == 1 ? " document" : " documents") << (r.top.empty() ? "" : ", most mentions first:") << "\n";
  for (const auto& p : r.top)
    o << "  " << p.count << "×  " << p.id << "  " << p.date << "  " << (p.title.size() > 80 ? p.title.substr(0, 77) + "..." : p.title) << "\n";
  if (!r.cooccurs.empty()) {
    o << "\nnamed together with:\n";
    for (size_t i = 0; i < r.cooccurs.size(); ++i)
      o << "  " << r.cooccurs[i].first << " (" << r.cooccur_names[i] << ") in " << r.cooccurs[i].second << "\n";
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

std::string IngestText(const IngestSummary& s, bool verbose) {
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
  if (!s.failed.empty()) {
    o << "  " << s.failed.size() << " failed:\n";
    for (const auto& f : s.failed) o << "    " << f.path << ": " << f.message << "\n";
  }
  return o.str();
}

std::string WrapText(const std::string& s, size_t indent, size_t width) { return Wrap(s, indent, width); }

std::string ErrorJson(const std::string& message, const std::string& code) {
  JsonWriter w;
  w.StartObject();
  w.Str("error", message);
  w.Str("code", code);
  w.EndObject();
  return w.Line();
}

}  // namespace lodestone
