// Knowledge base: the entities Lodestone links documents to.
//
// Minerals, agencies, countries, people and concepts, each with a stable id
// (mineral:lithium, agency:energy-department, country:cn), names, aliases
// (case-insensitive), case-sensitive forms (acronyms, ambiguous names),
// Chinese names, heads of agencies, is_a parents and list memberships
// (USGS critical-minerals lists). The project's own files in corpus/kb/ are
// compiled into the binary; users add files of the same format with --kb.
// Loaded once, then read-only: safe to share between threads.
#ifndef LODESTONE_INGEST_KB_H_
#define LODESTONE_INGEST_KB_H_

#include <map>
#include <string>
#include <vector>

#include "lodestone/index/status.h"

namespace lodestone {

struct ListMembership {
  std::string list;      // "usgs-2018"
  int year = 0;
  std::string citation;  // "83 FR 23295"
};

struct Entity {
  std::string id;        // "mineral:lithium"
  std::string type;      // "mineral"
  std::string name;      // display name
  std::vector<std::string> aliases;     // matched case-insensitively (with name)
  std::vector<std::string> aliases_cs;  // matched case-sensitively
  std::vector<std::string> acronyms;    // case-sensitive, and only in a document that also
                                        // names the entity by another form ("BOEM")
  std::vector<std::string> zh;          // Chinese names
  std::vector<std::string> zh_functions;  // what a State Council body is named by in
                                          // "国务院<function>主管部门" and in lists of functions
  std::vector<std::string> zh_titles;   // executive orders: translated titles Chinese text cites them by,
                                        // read only next to 行政令 (ingest/src/extract/cross_language.h)
  std::string public_law;               // acts: "117-169"; a Chinese name of the act also cites pl:117-169
  std::vector<std::string> versions;    // Chinese laws (cnlaw): dates of the versions, "2024-11-08"
  std::vector<std::string> heads;       // agency heads ("Secretary of Energy"), case-sensitive
  std::vector<std::string> adjectives;  // "Chinese", case-sensitive
  std::vector<std::string> not_in;      // phrases where a name is not this entity ("Gold Star")
  std::vector<std::string> is_a;
  std::vector<ListMembership> lists;
  std::string parent;                   // organisational parent (metadata only)
  std::string source;                   // where this entry's facts come from (metadata only)
  std::string office;                   // people: "President of the United States", ...
  std::vector<std::string> terms;       // people: ISO 8601 intervals "2009-01-20/2017-01-20", "2025-01-20/.."
  std::vector<std::string> white_house_archive;  // presidents: hosts of their archived White House site
  bool group = false;
  bool ambiguous = false;               // the plain name is not matched
};

// One continuous tenure of a President of the United States: the
// inauguration (or succession) day to the next president's. A president
// with two non-consecutive terms has two administrations (Trump 2017-2021
// and 2025-); consecutive terms are one (Obama 2009-2017).
struct Administration {
  std::string president;  // person:donald-j-trump
  std::string name;       // Donald J. Trump
  std::string from;       // YYYY-MM-DD, the first day
  std::string to;         // YYYY-MM-DD, the successor's first day; "" while in office
  bool Covers(const std::string& date) const { return date >= from && (to.empty() || date < to); }
};

class KnowledgeBase {
 public:
  // The knowledge base compiled into the binary (corpus/kb/*.json).
  static Result<KnowledgeBase> Builtin();
  // The built-in knowledge base plus the user's files, in order (what --kb
  // gives every command). A file that cannot be read or parsed is
  // InvalidArgument naming it: the user's input is wrong, and every
  // document would be linked differently without it.
  static Result<KnowledgeBase> Load(const std::vector<std::string>& files);

  // Adds the entities of one file (same format as corpus/kb). An entity
  // whose id exists already gains the new names (so users can extend ours).
  // ParseError naming the file and the problem.
  Status AddJson(const std::string& json, const std::string& origin);
  Status AddFile(const std::string& path);

  const Entity* Find(const std::string& id) const;
  const std::vector<Entity>& entities() const { return entities_; }
  // Entities whose id, name or alias equals `name` (case-insensitive).
  std::vector<const Entity*> Lookup(const std::string& name) const;
  // Ids that are close to `name` (for "did you mean").
  std::vector<std::string> Similar(const std::string& name, size_t limit) const;
  // Administrations of the people whose office is "President of the United
  // States" and whose terms are full dates, oldest first.
  const std::vector<Administration>& Administrations() const { return administrations_; }
  // The administration in office on an ISO date (YYYY-MM-DD...): on an
  // inauguration day the new one (a document of that day is the new
  // president's). Null before the first term or for a malformed date.
  const Administration* AdministrationOn(const std::string& date) const;
  // The administration of `president` that covers `date`, else the latest
  // of theirs that began before it, else their first (a president a source
  // states for a date outside their terms); null when they held no term.
  const Administration* AdministrationOf(const std::string& president, const std::string& date) const;
  // The president whose archived White House site is on `host`
  // (bidenwhitehouse.archives.gov), or null.
  const Entity* PresidentOfArchive(const std::string& host) const;
  // The sources of the loaded files ("origin: source text").
  const std::vector<std::string>& sources() const { return sources_; }

 private:
  std::vector<Entity> entities_;
  std::map<std::string, size_t> by_id_;
  std::vector<std::string> sources_;
  std::vector<Administration> administrations_;
  void IndexAdministrations();
};

}  // namespace lodestone

#endif  // LODESTONE_INGEST_KB_H_
