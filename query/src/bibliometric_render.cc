#include "lodestone/query/bibliometric_render.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

#include "json_writer.h"
#include "lodestone/query/render.h"

namespace lodestone::query {

namespace {

using internal::JsonWriter;

// Columns in a terminal: CJK and full-width forms take two.
size_t DisplayWidth(const std::string& s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    uint32_t cp = c;
    size_t n = 1;
    if (c >= 0xF0 && i + 3 < s.size()) {
      cp = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu);
      n = 4;
    } else if (c >= 0xE0 && i + 2 < s.size()) {
      cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
      n = 3;
    } else if (c >= 0xC0 && i + 1 < s.size()) {
      cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
      n = 2;
    }
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    w += wide ? 2 : 1;
    i += n;
  }
  return w;
}

// s cut to `width` columns (ending in "…" when cut) and padded to it.
std::string Column(const std::string& s, size_t width) {
  std::string out;
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    size_t n = 1;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0) n = 4;
    else if (c >= 0xE0) n = 3;
    else if (c >= 0xC0) n = 2;
    std::string ch = s.substr(i, n);
    size_t cw = DisplayWidth(ch);
    if (w + cw > width - 1 && i + n < s.size()) {
      out += "\xE2\x80\xA6";  // …
      ++w;
      break;
    }
    out += ch;
    w += cw;
    i += n;
  }
  while (w < width) {
    out += ' ';
    ++w;
  }
  return out;
}

std::string Fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string Right(const std::string& s, size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

const char* Noun(ItemType t, bool plural) {
  switch (t) {
    case ItemType::kAuthors: return plural ? "authors" : "author";
    case ItemType::kOrganizations: return plural ? "organizations" : "organization";
    case ItemType::kCountries: return plural ? "countries" : "country";
    case ItemType::kKeywords: return plural ? "keywords" : "keyword";
    case ItemType::kCited: return plural ? "cited works" : "cited work";
  }
  return "items";
}

const char* Title(ItemType t) {
  switch (t) {
    case ItemType::kAuthors: return "Co-authorship network";
    case ItemType::kOrganizations: return "Organization collaboration network";
    case ItemType::kCountries: return "Country collaboration network";
    case ItemType::kKeywords: return "Keyword co-occurrence network";
    case ItemType::kCited: return "Network";
  }
  return "Network";
}

std::string MethodText(const NetworkOptions& o) {
  switch (o.cluster) {
    case ClusterMethod::kVos: return "Leiden, VOSviewer's quality over association strengths, resolution " + Fixed(o.resolution, 2);
    case ClusterMethod::kModularity: return "Leiden, modularity, resolution " + Fixed(o.resolution, 2);
    case ClusterMethod::kLouvain: return "Louvain, modularity, resolution " + Fixed(o.resolution, 2);
    case ClusterMethod::kNone: return "not clustered";
  }
  return "";
}

}  // namespace

std::string NetworkJson(const NetworkResult& r) {
  const BibliometricNetwork& n = r.network;
  const NetworkOptions& o = n.options;
  JsonWriter w;
  w.StartObject();
  w.Str("type", ItemTypeName(r.request.type));
  w.Str("query", r.request.query);
  w.Str("counting", CountingName(o.counting));
  w.U64("threshold", std::max<uint32_t>(1, o.min_occurrences));
  w.U64("max_per_paper", o.max_items_per_paper);
  w.U64("max_nodes", o.max_nodes);
  w.Str("cluster_method", ClusterMethodName(o.cluster));
  w.Dbl("resolution", o.resolution);
  w.U64("random_starts", o.random_starts);
  if (r.request.type == ItemType::kKeywords) w.Str("keywords", KeywordSourceName(r.request.items.keywords));
  if (r.request.type == ItemType::kAuthors) w.Str("names", r.request.items.short_names ? "short" : "full");
  w.U64("papers", n.papers);
  w.U64("papers_with_items", r.papers_with_items);
  w.U64("papers_used", n.papers_used);
  w.U64("papers_over_cap", n.papers_over_cap);
  w.U64("items", n.items_seen);
  w.U64("items_over_threshold", n.items_over_threshold);
  w.Key("truncated");  // max_nodes kept of more over the threshold
  w.Bool(n.nodes.size() < n.items_over_threshold);
  w.U64("clusters", n.clusters);
  w.Dbl("modularity", n.modularity);
  w.Dbl("quality", n.quality);
  w.Key("nodes");
  w.StartArray();
  for (const NetworkNode& v : n.nodes) {
    w.StartObject();
    w.Str("id", v.key);
    w.Str("label", v.label);
    w.U64("occurrences", v.occurrences);
    w.U64("cluster", v.cluster);
    w.Key("avg_year");
    if (v.avg_year > 0) w.Double(v.avg_year);
    else w.Null();
    w.U64("links", v.links);
    w.Dbl("total_link_strength", v.total_link_strength);
    w.EndObject();
  }
  w.EndArray();
  w.Key("links");
  w.StartArray();
  for (const NetworkLink& l : n.links) {
    w.StartObject();
    w.Str("source", n.nodes[l.a].key);
    w.Str("target", n.nodes[l.b].key);
    w.Dbl("weight", l.weight);
    w.Dbl("strength", l.strength);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Line();
}

std::string NetworkText(const NetworkResult& r, size_t show) {
  const BibliometricNetwork& n = r.network;
  const NetworkOptions& o = n.options;
  const ItemType t = r.request.type;
  std::ostringstream out;
  out << Title(t) << " of " << Thousands(n.papers) << (n.papers == 1 ? " paper" : " papers")
      << (r.request.query.empty() ? " (every paper in the index)" : " matching " + r.request.query) << "\n";
  out << "  " << CountingName(o.counting) << " counting; threshold " << std::max<uint32_t>(1, o.min_occurrences)
      << (std::max<uint32_t>(1, o.min_occurrences) == 1 ? " paper" : " papers") << " per " << Noun(t, false);
  if (o.max_items_per_paper)
    out << "; papers with more than " << o.max_items_per_paper << " " << Noun(t, true) << " ignored ("
        << Thousands(n.papers_over_cap) << ")";
  if (t == ItemType::kKeywords) out << "; keywords: " << KeywordSourceName(r.request.items.keywords);
  if (t == ItemType::kAuthors) out << "; names: " << (r.request.items.short_names ? "short (as abbreviated)" : "as written");
  out << "\n";
  if (r.papers_with_items == 0) {
    out << "  None of these papers names any " << Noun(t, false)
        << (t == ItemType::kAuthors ? "." : " (an index built before lode kept keywords and addresses needs lode ingest --rebuild).")
        << "\n";
    return out.str();
  }
  out << "  " << Thousands(n.nodes.size()) << " of " << Thousands(n.items_seen) << " " << Noun(t, true)
      << (o.max_nodes && n.items_over_threshold > o.max_nodes ? " (the " + Thousands(o.max_nodes) + " strongest of " +
                                                                    Thousands(n.items_over_threshold) + " over the threshold)"
                                                              : std::string(" meet the threshold"))
      << "; " << Thousands(n.links.size()) << " links";
  if (o.cluster != ClusterMethod::kNone)
    out << "; " << n.clusters << (n.clusters == 1 ? " cluster" : " clusters") << " (" << MethodText(o)
        << "); modularity " << Fixed(n.modularity, 3);
  out << "\n\n";
  if (n.nodes.empty()) return out.str();
  out << "  " << Column(Noun(t, false), 40) << Right("papers", 7) << Right("links", 7) << Right("strength", 10)
      << Right("cluster", 9) << Right("avg year", 10) << "\n";
  for (size_t i = 0; i < n.nodes.size() && i < show; ++i) {
    const NetworkNode& v = n.nodes[i];
    out << "  " << Column(v.label, 40) << Right(std::to_string(v.occurrences), 7) << Right(std::to_string(v.links), 7)
        << Right(Fixed(v.total_link_strength, o.counting == Counting::kFull ? 0 : 1), 10)
        << Right(o.cluster == ClusterMethod::kNone ? "-" : std::to_string(v.cluster), 9)
        << Right(v.avg_year > 0 ? Fixed(v.avg_year, 1) : "-", 10) << "\n";
  }
  if (n.nodes.size() > show)
    out << "  … and " << Thousands(n.nodes.size() - show) << " more (--json lists them all; -o PREFIX writes VOSviewer files)\n";
  if (o.cluster != ClusterMethod::kNone && n.clusters > 0) {
    std::map<uint32_t, std::vector<size_t>> members;
    for (size_t i = 0; i < n.nodes.size(); ++i) members[n.nodes[i].cluster].push_back(i);
    out << "\nclusters (largest first):\n";
    size_t listed = 0;
    for (const auto& [c, m] : members) {
      if (++listed > 10) {
        out << "  … " << (n.clusters - 10) << " more\n";
        break;
      }
      out << "  " << Right(std::to_string(c), 3) << "  " << m.size() << " " << Noun(t, m.size() != 1) << ": ";
      for (size_t k = 0; k < m.size() && k < 5; ++k) out << (k ? "; " : "") << n.nodes[m[k]].label;
      if (m.size() > 5) out << "; …";
      out << "\n";
    }
  }
  return out.str();
}

std::string BurstsJson(const BurstResult& r, size_t limit) {
  const BurstReport& b = r.report;
  JsonWriter w;
  w.StartObject();
  w.Str("type", ItemTypeName(r.request.type));
  w.Str("query", r.request.query);
  w.Dbl("gamma", r.request.bursts.burst.gamma);
  w.Dbl("s", r.request.bursts.burst.s);
  w.U64("min_occurrences", std::max<uint32_t>(1, r.request.bursts.min_occurrences));
  w.U64("min_duration", std::max<uint32_t>(1, r.request.bursts.min_duration));
  if (r.request.type == ItemType::kKeywords) w.Str("keywords", KeywordSourceName(r.request.items.keywords));
  w.U64("first_year", static_cast<uint64_t>(std::max(0, b.first_year)));
  w.U64("last_year", static_cast<uint64_t>(std::max(0, b.last_year)));
  w.U64("papers", b.papers);
  w.Key("papers_per_year");
  w.StartObject();
  for (size_t t = 0; t < b.papers_per_year.size(); ++t) {
    std::string y = std::to_string(b.first_year + static_cast<int>(t));
    w.Key(y.c_str());
    w.Uint64(b.papers_per_year[t]);
  }
  w.EndObject();
  w.U64("terms_seen", b.terms);
  w.U64("terms_tested", b.terms_tested);
  w.U64("bursts_found", b.bursts.size());
  const size_t n = limit ? std::min(limit, b.bursts.size()) : b.bursts.size();
  w.Key("truncated");
  w.Bool(n < b.bursts.size());
  w.Key("terms");
  w.StartArray();
  for (size_t i = 0; i < n; ++i) {
    const TermBurst& t = b.bursts[i];
    w.StartObject();
    w.Str("id", t.key);
    w.Str("label", t.label);
    w.U64("start", static_cast<uint64_t>(t.start));
    w.U64("end", static_cast<uint64_t>(t.end));
    w.Dbl("strength", t.strength);
    w.U64("occurrences", t.occurrences);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Line();
}

std::string BurstsText(const BurstResult& r, size_t limit) {
  const BurstReport& b = r.report;
  const ItemType t = r.request.type;
  std::ostringstream out;
  const size_t n = limit ? std::min(limit, b.bursts.size()) : b.bursts.size();
  if (b.papers == 0) {
    out << "No paper" << (r.request.query.empty() ? "" : " matching " + r.request.query) << " has a year and "
        << (t == ItemType::kCited ? "references in the graph" : std::string("any ") + Noun(t, false))
        << "; nothing to detect bursts in.\n";
    return out.str();
  }
  out << "Top " << n << " " << Noun(t, true) << " with the strongest bursts, " << b.first_year << "-" << b.last_year
      << " (" << Thousands(b.papers) << " papers"
      << (r.request.query.empty() ? "" : " matching " + r.request.query) << "; gamma "
      << Fixed(r.request.bursts.burst.gamma, 2) << ", s " << Fixed(r.request.bursts.burst.s, 2) << ")\n";
  out << "  " << Thousands(b.terms_tested) << " of " << Thousands(b.terms) << " " << Noun(t, true) << " named by at least "
      << std::max<uint32_t>(1, r.request.bursts.min_occurrences) << " papers tested; " << Thousands(b.bursts.size())
      << (b.bursts.size() == 1 ? " burst" : " bursts") << " found\n\n";
  if (n == 0) return out.str();
  const size_t years = b.papers_per_year.size();
  // The bar has one column per year (first and last year over its ends when it is wide enough); a
  // span of more than 40 years leaves it out.
  const bool bar = years <= 40;
  out << "  " << Column(Noun(t, false), 44) << Right("strength", 9) << Right("begin", 7) << Right("end", 6);
  if (bar) {
    out << "  " << b.first_year;
    if (years >= 9) out << std::string(years - 8, ' ') << b.last_year;
    else if (years > 1) out << "-" << b.last_year;
  }
  out << "\n";
  for (size_t i = 0; i < n; ++i) {
    const TermBurst& x = b.bursts[i];
    out << "  " << Column(x.label, 44) << Right(Fixed(x.strength, 2), 9) << Right(std::to_string(x.start), 7)
        << Right(std::to_string(x.end), 6);
    if (bar) {
      out << "  ";
      for (int y = b.first_year; y <= b.last_year; ++y) out << (y >= x.start && y <= x.end ? "\xE2\x96\x88" : "\xE2\x94\x80");
    }
    out << "\n";
  }
  if (n < b.bursts.size()) out << "  … " << Thousands(b.bursts.size() - n) << " more (--limit 0 lists all)\n";
  return out.str();
}

}  // namespace lodestone::query
