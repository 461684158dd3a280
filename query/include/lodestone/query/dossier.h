// The dossier (issue 16): one answer to the question the tool is for — what
// the United States did about a mineral, administration by administration,
// what China did in the same years, and what was written about it.
//
// It is built from the engine's own answers, never beside them: the
// documents are exactly those `Trace` returns for the subject (direct, group,
// category), each status is Trace's on the end date (TraceRequest::status_on;
// it agrees with `CitedBy`), the administrations are the knowledge base's (as `Timeline`
// counts them), the subject's names and members are `DescribeEntity`'s. What
// the dossier adds is the arrangement (U.S. by administration, China, the
// literature), the sequence pairs of the timeline, the literature's citation
// counts and co-citation clusters, the counts a reader can check with the
// command named beside each section, and the gaps: known instruments that
// this index does not hold, verified by a search at the time of the request.
//
//   lode dossier gallium --to 2024-12-31 --format html -o gallium.html
//   GET /api/dossier/mineral:gallium
//
// Thread-safety: as engine.h (any thread, one Session shared).
#ifndef LODESTONE_QUERY_DOSSIER_H_
#define LODESTONE_QUERY_DOSSIER_H_

#include <map>
#include <string>
#include <vector>

#include "lodestone/index/status.h"
#include "lodestone/ingest/kb.h"
#include "lodestone/query/engine.h"
#include "lodestone/query/session.h"

namespace lodestone::query {

struct DossierRequest {
  std::string subject;  // a mineral, a group or a concept: id, name or alias (gallium, 稀土, concept:critical-minerals)
  std::string from, to;  // YYYY-MM-DD or "": the years covered; statuses are those on `to`
  size_t literature_limit = 50;  // papers listed, most cited first (0: all); counts are of all
};

// One measure: the trace row it is, with its status on the end date.
struct DossierMeasure {
  TraceDocument doc;  // as Trace gives it (status: restricted to the end date)
  // China: the law's versions in this index (cnlaw:<title>@<date> ids,
  // oldest first), this one included; empty for a document without versions.
  std::vector<std::string> versions;
  bool names_subject = false;  // via direct or group: it names the mineral (or its group), not only the category
};

struct DossierAdministration {
  Administration administration;  // from the knowledge base
  std::vector<DossierMeasure> measures;  // chronological
  size_t direct = 0;                     // of them, naming the subject itself
};

// A measure of one side followed within 12 months by one of the other side
// naming the same mineral: a sequence in time, never a claim of cause.
struct DossierSequence {
  std::string first, second;  // document ids
  std::string first_side, second_side;  // "us" (us and intl) or "cn"
  std::string first_date, second_date;
  int days = 0;
};

struct DossierPaper {
  NodeInfo node;
  std::string language;  // "en", "zh", ...
  std::vector<std::string> authors;
  uint32_t cited_by = 0;  // documents of the index citing it
  std::string via;         // "names" (trace lists it) or "cites"
  std::vector<std::string> cites;  // ids of the dossier's measures it cites
  std::string evidence;    // the sentence naming the subject (via "names")
  int cluster = 0;         // co-citation cluster among the listed papers (1, 2, ...; 0: cited with none of them)
};

// A known instrument this index may lack, and what a search for it found.
struct DossierGap {
  std::string side;  // "us", "cn"
  std::string name, date, citation;
  std::string query;  // the search run for it
  std::vector<std::string> found;  // ids the search found ("" list: not in this index)
};

struct DossierCommand {
  std::string section, command, lists;  // "2", "lode trace mineral:gallium --sort date", what it lists
};

struct DossierResult {
  DossierRequest request;
  NodeInfo subject;
  std::vector<std::string> zh, aliases;   // the subject's names (knowledge base)
  std::vector<ListMembership> lists;      // list memberships with year and citation
  std::vector<NodeInfo> groups, categories;  // what it belongs to (Trace)
  std::vector<std::string> members;       // entities whose is_a names it (DescribeEntity)
  std::map<std::string, std::string> zh_names;  // Chinese names of entities shown (agencies, members)
  std::string status_on;                  // the end date statuses are given on ("": all the index knows)

  // 2. the United States: administrations in order (only those with
  // measures in the years covered), then U.S. measures no administration
  // holds (undated Code sections, bills).
  std::vector<DossierAdministration> us;
  std::vector<DossierMeasure> us_unattributed;
  // 3. China, chronological (undated last).
  std::vector<DossierMeasure> china;
  // 4. the chart's sequence pairs (its points are every dated measure above)
  std::vector<DossierSequence> sequences;
  // 5. the literature, most cited first, at most literature_limit
  std::vector<DossierPaper> literature;
  size_t literature_total = 0;
  int clusters = 0;
  // Other documents the trace returns (reports, notes: neither a
  // government's measure nor a paper): counted, listed by the command.
  std::vector<NodeInfo> other;

  // 6. counts (of everything in the years covered, listed or not)
  size_t trace_total = 0;      // what Trace returned (all years)
  bool trace_truncated = false;  // a server's Limits::list cut the trace: the dossier covers part of it
  size_t out_of_range = 0;     // of them, dated outside from..to
  std::map<std::string, uint64_t> by_administration;  // administration label -> documents
  std::map<std::string, uint64_t> by_jurisdiction;    // us, cn, intl, none
  std::map<std::string, uint64_t> by_kind;
  std::map<std::string, uint64_t> by_via;             // direct, group, category
  std::vector<DossierCommand> commands;
  std::vector<DossierGap> gaps;
  std::vector<std::string> notes;  // what the index lacks that the dossier could check (list notices, ...)

  size_t Measures() const;  // every U.S. and Chinese measure listed
};

// "Barack Obama 2009–2017": how an administration is named in a dossier.
std::string AdministrationLabel(const Administration& a);

// InvalidArgument for a bad date, from after to, or a subject that is not a
// mineral, group or concept; NotFound for an unknown one (Trace's message,
// with its suggestions).
Result<DossierResult> Dossier(Session& session, const DossierRequest& request);

// Renderers (formatting only). Links point at `link_base` + id (the web
// UI's /doc/ID by default), each evidence sentence quoted beside its id.
std::string DossierJson(const DossierResult& r);  // carries the chart as "chart_svg"
// `chart_file`: an SVG file written beside the Markdown to show ("": none).
std::string DossierMarkdown(const DossierResult& r, const std::string& chart_file = "",
                            const std::string& link_base = "/doc/");
std::string DossierHtml(const DossierResult& r, const std::string& link_base = "/doc/");
// What `lode dossier -o FILE --json` prints: {"files":[...],"measures","papers"}.
std::string DossierWrittenJson(const DossierResult& r, const std::vector<std::string>& files);
// The timeline chart: U.S. measures above the axis, China's below, one
// <circle class="measure"> per dated measure, sequence pairs as dashed lines.
std::string DossierChartSvg(const DossierResult& r, const std::string& link_base = "/doc/");

}  // namespace lodestone::query

#endif  // LODESTONE_QUERY_DOSSIER_H_
