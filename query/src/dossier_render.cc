// Rendering of a dossier (dossier.h): JSON (one writer, json_writer.h),
// Markdown and HTML. Formatting only: every row names its document, every
// evidence sentence is the index's, every count is the result's.
#include <sstream>

#include "json_writer.h"
#include "trace_json.h"
#include "lodestone/query/dossier.h"
#include "markup_text.h"

namespace lodestone::query {

namespace {

using internal::Html;
using internal::JsonWriter;
using internal::Md;
using internal::UrlPart;

const char* kNone = "None in this index.";

// Where an id links: documents to link_base + id; entities (minerals,
// agencies, concepts, ...) to the web UI's entity page when link_base is
// its document page.
std::string Target(const std::string& base, const std::string& id) {
  static const char* kEntityTypes[] = {"mineral:", "agency:", "concept:", "country:", "person:"};
  const std::string doc = "/doc/";
  if (base.size() >= doc.size() && base.compare(base.size() - doc.size(), doc.size(), doc) == 0)
    for (const char* t : kEntityTypes)
      if (id.rfind(t, 0) == 0) return base.substr(0, base.size() - doc.size()) + "/entity/" + id;
  return base + id;
}

// The fragment that opens the document page at the words of an evidence
// sentence (issue 16): the page scrolls to byte offset `at` and marks it.
std::string AtFragment(uint32_t at) { return "#at-" + std::to_string(at); }

// China's measures list each body tasked with the sentence tasking it
// (the U.S. ones name theirs in one line: an order tasks dozens).
bool ShowsTaskings(const TraceDocument& d) { return d.jurisdiction == "cn" && !d.directs_evidence.empty(); }

std::string Documents(size_t n) { return std::to_string(n) + (n == 1 ? " document" : " documents"); }

std::string Subject(const DossierResult& r) { return r.subject.name + " (" + r.subject.id + ")"; }

std::string Years(const DossierResult& r) {
  const DossierRequest& q = r.request;
  if (q.from.empty() && q.to.empty()) return "all dates in the index";
  if (q.from.empty()) return "to " + q.to;
  if (q.to.empty()) return "from " + q.from;
  return q.from + " to " + q.to;
}

std::string StatusOnText(const DossierResult& r) {
  return r.status_on.empty() ? "as the index knows it (no --to)" : "on " + r.status_on;
}

// "in force", "revoked by eo:14148 (2025-01-20)", "...; amended by eo:X (date)".
template <typename F>
std::string StatusWords(const DocStatus& st, F&& link) {
  auto list = [&](const std::vector<LinkedNode>& l) {
    std::string s;
    for (const auto& n : l) s += (s.empty() ? "" : ", ") + link(n.id) + (n.date.empty() ? "" : " (" + n.date + ")");
    return s;
  };
  std::string out = st.in_force ? "in force" : "";
  if (!st.revoked_by.empty()) out = "revoked by " + list(st.revoked_by);
  if (!st.superseded_by.empty()) out += (out.empty() ? "" : "; ") + std::string("superseded by ") + list(st.superseded_by);
  if (!st.amended_by.empty()) out += "; amended by " + list(st.amended_by);
  return out;
}

std::string ViaWords(const TraceDocument& d) {
  if (d.via == "direct") return "names it";
  if (d.via == "group") return "names its group " + d.via_entity;
  if (d.via == "member") return "names its member " + d.via_entity;
  return "names the category " + d.via_entity;
}

std::string WithZh(const DossierResult& r, const std::string& id, const std::string& name) {
  auto it = r.zh_names.find(id);
  return it == r.zh_names.end() ? name : name + " (" + it->second + ")";
}

// ------------------------------------------------------------------ JSON

// A measure: its trace row (trace_json.h: with names_subject, empty dates
// kept, directs with their Chinese names and sentences) and its versions.
void JsonMeasure(JsonWriter& w, const DossierResult& r, const DossierMeasure& m) {
  w.StartObject();
  internal::TraceRowJson options;
  options.empty_dates = true;
  options.names_subject = &m.names_subject;
  options.zh_names = &r.zh_names;
  internal::TraceRowFields(w, m.doc, options);
  w.Strings("versions", m.versions);
  w.EndObject();
}

}  // namespace

std::string DossierJson(const DossierResult& r) {
  JsonWriter w;
  w.StartObject();
  w.Key("subject");
  w.StartObject();
  w.Str("id", r.subject.id);
  w.Str("type", r.subject.type);
  w.Str("name", r.subject.name);
  w.Strings("zh", r.zh);
  w.Strings("aliases", r.aliases);
  w.Key("lists");
  w.StartArray();
  for (const ListMembership& l : r.lists) {
    w.StartObject();
    w.Str("list", l.list);
    w.I32("year", l.year);
    w.Str("citation", l.citation);
    w.EndObject();
  }
  w.EndArray();
  for (auto [key, list] : {std::pair<const char*, const std::vector<NodeInfo>*>{"groups", &r.groups},
                           {"categories", &r.categories}}) {
    w.Key(key);
    w.StartArray();
    for (const NodeInfo& g : *list) w.String(g.id);
    w.EndArray();
  }
  w.Key("members");
  w.StartArray();
  for (const std::string& m : r.members) {
    w.StartObject();
    w.Str("id", m);
    auto zh = r.zh_names.find(m);
    w.Str("zh", zh == r.zh_names.end() ? "" : zh->second);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.Str("from", r.request.from);
  w.Str("to", r.request.to);
  w.Str("status_on", r.status_on);
  w.Key("us");
  w.StartObject();
  w.Key("administrations");
  w.StartArray();
  for (const DossierAdministration& a : r.us) {
    w.StartObject();
    w.Str("president", a.administration.president);
    w.Str("name", a.administration.name);
    w.Str("from", a.administration.from);
    w.Str("to", a.administration.to);
    w.Str("label", AdministrationLabel(a.administration));
    w.U64("documents", a.measures.size());
    w.U64("direct", a.direct);
    w.Key("measures");
    w.StartArray();
    for (const DossierMeasure& m : a.measures) JsonMeasure(w, r, m);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("unattributed");
  w.StartArray();
  for (const DossierMeasure& m : r.us_unattributed) JsonMeasure(w, r, m);
  w.EndArray();
  w.EndObject();
  w.Key("china");
  w.StartArray();
  for (const DossierMeasure& m : r.china) JsonMeasure(w, r, m);
  w.EndArray();
  w.Key("sequences");
  w.StartArray();
  for (const DossierSequence& s : r.sequences) {
    w.StartObject();
    w.Str("first", s.first);
    w.Str("first_side", s.first_side);
    w.Str("first_date", s.first_date);
    w.Str("second", s.second);
    w.Str("second_side", s.second_side);
    w.Str("second_date", s.second_date);
    w.I32("days", s.days);
    w.Str("relation", "sequence");  // in time, never a claim of cause
    w.EndObject();
  }
  w.EndArray();
  w.Key("literature");
  w.StartObject();
  w.U64("total", r.literature_total);
  w.U64("limit", r.request.literature_limit);
  w.Flag("truncated", r.literature.size() < r.literature_total);
  w.I32("clusters", r.clusters);
  w.Key("papers");
  w.StartArray();
  for (const DossierPaper& p : r.literature) {
    w.StartObject();
    w.Str("id", p.node.id);
    w.Str("title", p.node.name);
    w.Str("date", p.node.date);
    w.Str("language", p.language);
    w.Strings("authors", p.authors);
    w.U32("cited_by", p.cited_by);
    w.Str("via", p.via);
    w.Strings("cites", p.cites);
    w.Str("evidence", p.evidence);
    w.I32("cluster", p.cluster);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.Key("other");
  w.StartArray();
  for (const NodeInfo& n : r.other) {
    w.StartObject();
    w.Str("id", n.id);
    w.Str("title", n.name);
    w.Str("kind", n.kind);
    w.Str("date", n.date);
    w.EndObject();
  }
  w.EndArray();
  w.Key("counts");
  w.StartObject();
  w.U64("trace_total", r.trace_total);
  w.Flag("trace_truncated", r.trace_truncated);
  w.U64("out_of_range", r.out_of_range);
  w.U64("measures", r.Measures());
  w.Counts("by_administration", r.by_administration);
  w.Counts("by_jurisdiction", r.by_jurisdiction);
  w.Counts("by_kind", r.by_kind);
  w.Counts("by_via", r.by_via);
  w.EndObject();
  w.Key("commands");
  w.StartArray();
  for (const DossierCommand& c : r.commands) {
    w.StartObject();
    w.Str("section", c.section);
    w.Str("command", c.command);
    w.Str("lists", c.lists);
    w.EndObject();
  }
  w.EndArray();
  w.Key("gaps");
  w.StartArray();
  for (const DossierGap& g : r.gaps) {
    w.StartObject();
    w.Str("side", g.side);
    w.Str("name", g.name);
    w.Str("date", g.date);
    w.Str("citation", g.citation);
    w.Str("query", g.query);
    w.Flag("in_index", !g.found.empty());
    w.Strings("found", g.found);
    w.EndObject();
  }
  w.EndArray();
  w.Strings("notes", r.notes);
  w.Str("chart_svg", DossierChartSvg(r));
  w.EndObject();
  return w.Line();
}

std::string DossierWrittenJson(const DossierResult& r, const std::vector<std::string>& files) {
  JsonWriter w;
  w.StartObject();
  w.Strings("files", files);
  w.U64("measures", r.Measures());
  w.U64("papers", r.literature_total);
  w.EndObject();
  return w.Line();
}

// ------------------------------------------------------------------ Markdown

namespace {

class MdWriter {
 public:
  MdWriter(const DossierResult& r, std::string base) : r_(r), base_(std::move(base)) {}
  std::string Link(const std::string& id) const { return "[" + Md(id) + "](" + UrlPart(Target(base_, id)) + ")"; }

  void Measure(std::ostringstream& o, const DossierMeasure& m) const {
    const TraceDocument& d = m.doc;
    o << "- **" << (d.date.empty() ? "undated" : d.date) << "** " << Link(d.id) << " " << Md(d.title) << " — "
      << Md(d.kind) << (d.jurisdiction == "intl" ? " (joint)" : "") << "; " << Md(ViaWords(d)) << "; "
      << StatusWords(d.status, [&](const std::string& id) { return Link(id); });
    if (!d.directs.empty()) {
      o << "; tasks ";
      for (size_t i = 0; i < d.directs.size(); ++i)
        o << (i ? ", " : "") << Md(WithZh(r_, d.directs[i].id, d.directs[i].name)) << " (" << Link(d.directs[i].id) << ")";
    }
    if (m.versions.size() > 1) {
      o << "; versions in this index: ";
      for (size_t i = 0; i < m.versions.size(); ++i) o << (i ? ", " : "") << Link(m.versions[i]);
    }
    o << "\n";
    if (!d.evidence.empty()) o << "  > " << Md(d.evidence) << InText(d.id, d.evidence_at) << "\n";
    if (ShowsTaskings(d))
      for (size_t i = 0; i < d.directs.size() && i < d.directs_evidence.size(); ++i)
        if (!d.directs_evidence[i].empty())
          o << "  > \n  > tasks " << Md(WithZh(r_, d.directs[i].id, d.directs[i].name)) << ": "
            << Md(d.directs_evidence[i]) << InText(d.id, d.directs_at[i]) << "\n";
  }
  // " ([in the text](/doc/ID#at-N))": a link to the sentence in its document.
  std::string InText(const std::string& id, uint32_t at) const {
    if (at == kNoOffset) return "";
    return " ([in the text](" + UrlPart(Target(base_, id)) + AtFragment(at) + "))";
  }

 private:
  const DossierResult& r_;
  std::string base_;
};

// A code span: its text is literal (no escapes); a backtick inside would
// end it and a pipe would end a table cell, so both are replaced.
std::string Code(std::string s) {
  for (char& c : s)
    if (c == '`') c = '\'';
    else if (c == '|') c = '/';
  return "`" + s + "`";
}

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void MdCounts(std::ostringstream& o, const char* what, const std::map<std::string, uint64_t>& m) {
  o << "\n| " << what << " | documents |\n| --- | ---: |\n";
  if (m.empty()) o << "| (none) | 0 |\n";
  for (const auto& [k, n] : m) o << "| " << Md(k) << " | " << n << " |\n";
}

}  // namespace

std::string DossierMarkdown(const DossierResult& r, const std::string& chart_file, const std::string& link_base) {
  MdWriter mw(r, link_base);
  std::ostringstream o;
  o << "# Dossier: " << Md(Subject(r)) << "\n\n";
  o << "Years: " << Md(Years(r)) << ". Statuses " << Md(StatusOnText(r)) << ". Built from this index only: each "
    << "row links to its document (`lode show ID` prints it) and quotes the sentence that links it to "
    << Md(r.subject.name) << ". " << Documents(r.trace_total) << " in " << Code("lode trace " + r.subject.id)
    << (r.out_of_range ? ", " + std::to_string(r.out_of_range) + " of them dated outside these years" : "") << "."
    << (r.trace_truncated ? " **Only part of the trace was read (a server limit): counts below are of that part.**" : "")
    << "\n\n";

  o << "## 1. " << Md(r.subject.name) << "\n\n";
  o << "- Id: " << mw.Link(r.subject.id) << "\n";
  o << "- Chinese: " << (r.zh.empty() ? "(none in the knowledge base)" : "") ;
  for (size_t i = 0; i < r.zh.size(); ++i) o << (i ? ", " : "") << Md(r.zh[i]);
  o << "\n";
  if (!r.aliases.empty()) {
    o << "- Also: ";
    for (size_t i = 0; i < r.aliases.size(); ++i) o << (i ? ", " : "") << Md(r.aliases[i]);
    o << "\n";
  }
  o << "- Lists: " << (r.lists.empty() ? "on no list the knowledge base records" : "");
  for (size_t i = 0; i < r.lists.size(); ++i)
    o << (i ? "; " : "") << Md(r.lists[i].list) << " (" << r.lists[i].year << ", " << Md(r.lists[i].citation) << ")";
  o << "\n";
  if (!r.groups.empty() || !r.categories.empty()) {
    o << "- Belongs to: ";
    bool first = true;
    for (const auto* l : {&r.groups, &r.categories})
      for (const NodeInfo& g : *l) {
        o << (first ? "" : ", ") << mw.Link(g.id);
        first = false;
      }
    o << "\n";
  }
  if (!r.members.empty()) {
    o << "- Members (" << r.members.size() << "): ";
    for (size_t i = 0; i < r.members.size(); ++i) o << (i ? ", " : "") << Md(WithZh(r, r.members[i], r.members[i]));
    o << ". Documents naming a member are listed here too (via member).\n";
  }
  for (const std::string& n : r.notes) o << "- " << Md(n) << "\n";

  o << "\n## 2. United States, by administration\n\n";
  if (r.us.empty() && r.us_unattributed.empty()) o << kNone << "\n";
  for (const DossierAdministration& a : r.us) {
    o << "### " << Md(AdministrationLabel(a.administration)) << " — " << Documents(a.measures.size()) << ", "
      << a.direct << " naming " << Md(r.subject.name) << " itself\n\n";
    for (const DossierMeasure& m : a.measures) mw.Measure(o, m);
    o << "\n";
  }
  if (!r.us_unattributed.empty()) {
    o << "### No administration (undated Code sections, bills) — " << r.us_unattributed.size() << " documents\n\n";
    for (const DossierMeasure& m : r.us_unattributed) mw.Measure(o, m);
    o << "\n";
  }
  auto gaps = [&](const std::string& side) {
    bool any = false;
    for (const DossierGap& g : r.gaps) {
      if (g.side != side) continue;
      if (!any) o << "\nKnown instruments, searched for in this index:\n\n";
      any = true;
      o << "- " << Md(g.date) << " " << Md(g.name) << ", " << Md(g.citation) << ": ";
      if (g.found.empty()) {
        o << "**not in this index** (" << Code("lode search '" + g.query + "'") << " finds nothing)\n";
      } else {
        o << "the search " << Code("lode search '" + g.query + "'") << " finds ";
        for (size_t i = 0; i < g.found.size(); ++i) o << (i ? ", " : "") << mw.Link(g.found[i]);
        o << " (read them to tell)\n";
      }
    }
  };
  gaps("us");

  o << "\n## 3. China\n\n";
  if (r.china.empty()) o << kNone << "\n";
  for (const DossierMeasure& m : r.china) mw.Measure(o, m);
  gaps("cn");

  o << "\n## 4. Timeline\n\n";
  if (!chart_file.empty())
    o << "![Timeline: U.S. measures above the axis, China's below](" << UrlPart(chart_file) << ")\n\n";
  else
    o << "(The chart: `--format html`, or `-o FILE.md`, which writes FILE.svg beside it.)\n\n";
  o << "Sequence pairs — a measure followed within 12 months by one of the other side naming the same mineral; a "
       "sequence in time, **not** a claim that one caused the other:\n\n";
  if (r.sequences.empty()) o << kNone << "\n";
  for (const DossierSequence& s : r.sequences)
    o << "- " << (s.first_side == "cn" ? "China " : "U.S. ") << mw.Link(s.first) << " (" << s.first_date << ") then "
      << (s.second_side == "cn" ? "China " : "U.S. ") << mw.Link(s.second) << " (" << s.second_date << "), " << s.days
      << " days later\n";

  o << "\n## 5. Literature\n\n";
  o << "Papers naming " << Md(r.subject.name) << " or citing a measure above: " << r.literature_total;
  if (r.literature.size() < r.literature_total) o << " (the " << r.literature.size() << " most cited listed)";
  o << "; " << Plural(r.clusters, "co-citation cluster", "co-citation clusters") << " among them.\n\n";
  if (r.literature.empty()) o << kNone << "\n";
  for (const DossierPaper& p : r.literature) {
    o << "- " << mw.Link(p.node.id) << " " << Md(p.node.name);
    if (!p.node.date.empty()) o << " (" << Md(p.node.date.substr(0, 4)) << ")";
    if (!p.authors.empty()) {
      o << ", ";
      for (size_t i = 0; i < p.authors.size(); ++i) o << (i ? "; " : "") << Md(p.authors[i]);
    }
    o << " — cited by " << p.cited_by << (p.language.empty() ? "" : ", " + Md(p.language));
    if (p.cluster) o << ", cluster " << p.cluster;
    if (p.via == "cites" || !p.cites.empty()) {
      o << "; cites ";
      for (size_t i = 0; i < p.cites.size(); ++i) o << (i ? ", " : "") << mw.Link(p.cites[i]);
    }
    o << "\n";
    if (!p.evidence.empty()) o << "  > " << Md(p.evidence) << "\n";
  }
  if (!r.other.empty()) {
    o << "\nOther documents naming it (neither a government's measure nor a paper): ";
    for (size_t i = 0; i < r.other.size(); ++i) o << (i ? ", " : "") << mw.Link(r.other[i].id);
    o << "\n";
  }

  o << "\n## 6. Counts and the commands that list them\n";
  MdCounts(o, "administration", r.by_administration);
  MdCounts(o, "jurisdiction", r.by_jurisdiction);
  MdCounts(o, "kind", r.by_kind);
  MdCounts(o, "via", r.by_via);
  o << "\n| section | command | lists |\n| --- | --- | --- |\n";
  for (const DossierCommand& c : r.commands)
    o << "| " << c.section << " | " << Code(c.command) << " | " << Md(c.lists) << " |\n";
  return o.str();
}

// ------------------------------------------------------------------ HTML

namespace {

class HtmlWriter {
 public:
  HtmlWriter(const DossierResult& r, std::string base) : r_(r), base_(std::move(base)) {}
  std::string Link(const std::string& id) const { return "<a href=\"" + Html(Target(base_, id)) + "\"><code>" + Html(id) + "</code></a>"; }

  void Measure(std::ostringstream& o, const DossierMeasure& m) const {
    const TraceDocument& d = m.doc;
    o << "<li class=\"measure\" data-id=\"" << Html(d.id) << "\"><b>" << Html(d.date.empty() ? "undated" : d.date)
      << "</b> " << Link(d.id) << " " << Html(d.title) << " — " << Html(d.kind)
      << (d.jurisdiction == "intl" ? " (joint)" : "") << "; " << Html(ViaWords(d)) << "; <span class=\"status "
      << Html(d.status.state) << "\">" << StatusWords(d.status, [&](const std::string& id) { return Link(id); })
      << "</span>";
    if (!d.directs.empty()) {
      o << "; tasks ";
      for (size_t i = 0; i < d.directs.size(); ++i)
        o << (i ? ", " : "") << Html(WithZh(r_, d.directs[i].id, d.directs[i].name)) << " (" << Link(d.directs[i].id)
          << ")";
    }
    if (m.versions.size() > 1) {
      o << "; versions in this index: ";
      for (size_t i = 0; i < m.versions.size(); ++i) o << (i ? ", " : "") << Link(m.versions[i]);
    }
    if (!d.evidence.empty()) o << "<blockquote>" << Html(d.evidence) << InText(d.id, d.evidence_at) << "</blockquote>";
    if (ShowsTaskings(d)) {
      o << "<ul class=\"tasked\">";
      for (size_t i = 0; i < d.directs.size() && i < d.directs_evidence.size(); ++i)
        if (!d.directs_evidence[i].empty())
          o << "<li>tasks " << Html(WithZh(r_, d.directs[i].id, d.directs[i].name)) << "<blockquote lang=\"zh-Hans\">"
            << Html(d.directs_evidence[i]) << InText(d.id, d.directs_at[i]) << "</blockquote></li>";
      o << "</ul>";
    }
    o << "</li>\n";
  }
  // A link to the sentence in its document (class "at").
  std::string InText(const std::string& id, uint32_t at) const {
    if (at == kNoOffset) return "";
    return " <a class=\"at\" href=\"" + Html(Target(base_, id) + AtFragment(at)) + "\">in the text</a>";
  }

 private:
  const DossierResult& r_;
  std::string base_;
};

void HtmlCounts(std::ostringstream& o, const char* what, const std::map<std::string, uint64_t>& m) {
  o << "<table><thead><tr><th>" << what << "</th><th>documents</th></tr></thead><tbody>\n";
  for (const auto& [k, n] : m) o << "<tr><td>" << Html(k) << "</td><td>" << n << "</td></tr>\n";
  o << "</tbody></table>\n";
}

}  // namespace

std::string DossierHtml(const DossierResult& r, const std::string& link_base) {
  HtmlWriter hw(r, link_base);
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" << Html("Dossier: " + Subject(r))
    << "</title>\n<style>body{font-family:sans-serif;max-width:1040px;margin:1em auto;line-height:1.4}"
       "blockquote{margin:.2em 0 .6em 1.5em;color:#444;font-size:.92em}li.measure{margin:.3em 0}"
       "table{border-collapse:collapse;margin:.5em 2em .5em 0;display:inline-table}td,th{border:1px solid #ccc;"
       "padding:2px 8px}.status.revoked,.status.superseded{color:#a00}.none{color:#666;font-style:italic}"
       "</style></head>\n<body>\n";
  o << "<h1>Dossier: " << Html(Subject(r)) << "</h1>\n<p>Years: " << Html(Years(r)) << ". Statuses "
    << Html(StatusOnText(r)) << ". Built from this index only: each row links to its document and quotes the "
    << "sentence that links it to " << Html(r.subject.name) << ". " << Documents(r.trace_total) << " in <code>lode trace "
    << Html(r.subject.id) << "</code>"
    << (r.out_of_range ? ", " + std::to_string(r.out_of_range) + " of them dated outside these years" : "") << ".</p>\n";
  const std::string none = std::string("<p class=\"none\">") + kNone + "</p>\n";

  o << "<section id=\"mineral\"><h2>1. " << Html(r.subject.name) << "</h2><ul>\n<li>Id: " << hw.Link(r.subject.id)
    << "</li>\n<li>Chinese: ";
  for (size_t i = 0; i < r.zh.size(); ++i) o << (i ? ", " : "") << Html(r.zh[i]);
  if (r.zh.empty()) o << "(none in the knowledge base)";
  o << "</li>\n<li>Lists: ";
  for (size_t i = 0; i < r.lists.size(); ++i)
    o << (i ? "; " : "") << Html(r.lists[i].list) << " (" << r.lists[i].year << ", " << Html(r.lists[i].citation) << ")";
  if (r.lists.empty()) o << "on no list the knowledge base records";
  o << "</li>\n";
  if (!r.groups.empty() || !r.categories.empty()) {
    o << "<li>Belongs to: ";
    bool first = true;
    for (const auto* l : {&r.groups, &r.categories})
      for (const NodeInfo& g : *l) {
        o << (first ? "" : ", ") << hw.Link(g.id);
        first = false;
      }
    o << "</li>\n";
  }
  if (!r.members.empty()) {
    o << "<li>Members (" << r.members.size() << "): ";
    for (size_t i = 0; i < r.members.size(); ++i) o << (i ? ", " : "") << Html(WithZh(r, r.members[i], r.members[i]));
    o << "</li>\n";
  }
  for (const std::string& n : r.notes) o << "<li>" << Html(n) << "</li>\n";
  o << "</ul></section>\n";

  o << "<section id=\"us\"><h2>2. United States, by administration</h2>\n";
  if (r.us.empty() && r.us_unattributed.empty()) o << none;
  for (const DossierAdministration& a : r.us) {
    o << "<h3>" << Html(AdministrationLabel(a.administration)) << " — " << Documents(a.measures.size()) << ", "
      << a.direct << " naming " << Html(r.subject.name) << " itself</h3><ul>\n";
    for (const DossierMeasure& m : a.measures) hw.Measure(o, m);
    o << "</ul>\n";
  }
  if (!r.us_unattributed.empty()) {
    o << "<h3>No administration (undated Code sections, bills) — " << r.us_unattributed.size() << " documents</h3><ul>\n";
    for (const DossierMeasure& m : r.us_unattributed) hw.Measure(o, m);
    o << "</ul>\n";
  }
  auto gaps = [&](const std::string& side) {
    bool any = false;
    for (const DossierGap& g : r.gaps) {
      if (g.side != side) continue;
      if (!any) o << "<p>Known instruments, searched for in this index:</p><ul class=\"gaps\">\n";
      any = true;
      o << "<li>" << Html(g.date) << " " << Html(g.name) << ", " << Html(g.citation) << ": ";
      if (g.found.empty()) {
        o << "<b>not in this index</b> (<code>lode search '" << Html(g.query) << "'</code> finds nothing)";
      } else {
        o << "the search <code>lode search '" << Html(g.query) << "'</code> finds ";
        for (size_t i = 0; i < g.found.size(); ++i) o << (i ? ", " : "") << hw.Link(g.found[i]);
        o << " (read them to tell)";
      }
      o << "</li>\n";
    }
    if (any) o << "</ul>\n";
  };
  gaps("us");
  o << "</section>\n";

  o << "<section id=\"china\"><h2>3. China</h2>\n";
  if (r.china.empty()) o << none;
  else {
    o << "<ul>\n";
    for (const DossierMeasure& m : r.china) hw.Measure(o, m);
    o << "</ul>\n";
  }
  gaps("cn");
  o << "</section>\n";

  o << "<section id=\"timeline\"><h2>4. Timeline</h2>\n" << DossierChartSvg(r, link_base);
  o << "<p>Sequence pairs — a measure followed within 12 months by one of the other side naming the same mineral; a "
       "sequence in time, <b>not</b> a claim that one caused the other:</p>\n";
  if (r.sequences.empty()) o << none;
  else {
    o << "<ul>\n";
    for (const DossierSequence& s : r.sequences)
      o << "<li class=\"sequence\">" << (s.first_side == "cn" ? "China " : "U.S. ") << hw.Link(s.first) << " ("
        << s.first_date << ") then " << (s.second_side == "cn" ? "China " : "U.S. ") << hw.Link(s.second) << " ("
        << s.second_date << "), " << s.days << " days later</li>\n";
    o << "</ul>\n";
  }
  o << "</section>\n";

  o << "<section id=\"literature\"><h2>5. Literature</h2>\n<p>Papers naming " << Html(r.subject.name)
    << " or citing a measure above: " << r.literature_total;
  if (r.literature.size() < r.literature_total) o << " (the " << r.literature.size() << " most cited listed)";
  o << "; " << Plural(r.clusters, "co-citation cluster", "co-citation clusters") << " among them.</p>\n";
  if (r.literature.empty()) o << none;
  else {
    o << "<ol>\n";
    for (const DossierPaper& p : r.literature) {
      o << "<li class=\"paper\">" << hw.Link(p.node.id) << " " << Html(p.node.name);
      if (!p.node.date.empty()) o << " (" << Html(p.node.date.substr(0, 4)) << ")";
      if (!p.authors.empty()) {
        o << ", ";
        for (size_t i = 0; i < p.authors.size(); ++i) o << (i ? "; " : "") << Html(p.authors[i]);
      }
      o << " — cited by " << p.cited_by << (p.language.empty() ? "" : ", " + Html(p.language));
      if (p.cluster) o << ", cluster " << p.cluster;
      if (!p.cites.empty()) {
        o << "; cites ";
        for (size_t i = 0; i < p.cites.size(); ++i) o << (i ? ", " : "") << hw.Link(p.cites[i]);
      }
      if (!p.evidence.empty()) o << "<blockquote>" << Html(p.evidence) << "</blockquote>";
      o << "</li>\n";
    }
    o << "</ol>\n";
  }
  if (!r.other.empty()) {
    o << "<p>Other documents naming it (neither a government's measure nor a paper): ";
    for (size_t i = 0; i < r.other.size(); ++i) o << (i ? ", " : "") << hw.Link(r.other[i].id);
    o << "</p>\n";
  }
  o << "</section>\n";

  o << "<section id=\"counts\"><h2>6. Counts and the commands that list them</h2>\n";
  HtmlCounts(o, "administration", r.by_administration);
  HtmlCounts(o, "jurisdiction", r.by_jurisdiction);
  HtmlCounts(o, "kind", r.by_kind);
  HtmlCounts(o, "via", r.by_via);
  o << "<table><thead><tr><th>section</th><th>command</th><th>lists</th></tr></thead><tbody>\n";
  for (const DossierCommand& c : r.commands)
    o << "<tr><td>" << Html(c.section) << "</td><td><code>" << Html(c.command) << "</code></td><td>" << Html(c.lists)
      << "</td></tr>\n";
  o << "</tbody></table></section>\n</body></html>\n";
  return o.str();
}

}  // namespace lodestone::query
