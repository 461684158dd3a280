// Instruments a dossier should mention whether or not the index holds them
// (issue 16: "a section with no documents says 'none in this index', never
// leaves the impression there are none at all"). Each entry is a fact about
// the world — its issuer's name, date and number — and a search that would
// find its text; the dossier runs the search on the index it is asked of,
// so a gap is reported only while the search finds nothing. Private to
// query/. Thread-safety: immutable data.
#ifndef LODESTONE_QUERY_SRC_DOSSIER_GAPS_H_
#define LODESTONE_QUERY_SRC_DOSSIER_GAPS_H_

#include <string>
#include <vector>

namespace lodestone::query {

struct KnownInstrument {
  const char* side;      // "us", "cn"
  const char* name;
  const char* date;      // YYYY-MM-DD (announcement)
  const char* citation;  // its number as the issuer gives it
  const char* query;     // a lode search that finds its text
  std::vector<std::string> minerals;  // knowledge-base ids it concerns

  // True when it concerns one of `ids` (the subject, its members and groups),
  // or the subject is a concept (every instrument here is about minerals
  // that are critical).
  bool Concerns(const std::vector<std::string>& ids, bool concept) const;
};

// The known instruments, oldest first.
const std::vector<KnownInstrument>& KnownInstruments();

}  // namespace lodestone::query

#endif  // LODESTONE_QUERY_SRC_DOSSIER_GAPS_H_
