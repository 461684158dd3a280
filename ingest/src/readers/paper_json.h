// What the readers of paper records in JSON share (csl_json.cc,
// crossref_json.cc, openalex_json.cc): how a file lists its records, strings
// that may be arrays or hold markup, and the CSL item mapping that CSL-JSON
// and Crossref have in common (Crossref's work schema is CSL with
// extensions: title and container-title are arrays, a "reference" list).
// Private; RapidJSON types stay inside ingest.
#ifndef LODESTONE_INGEST_SRC_READERS_PAPER_JSON_H_
#define LODESTONE_INGEST_SRC_READERS_PAPER_JSON_H_

#include <rapidjson/document.h>

#include <string>
#include <string_view>
#include <vector>

#include "lodestone/index/document.h"

namespace lodestone::internal {

// Federal Register API records carry these keys; paper sniffs leave them to fr-json.
bool IsFederalRegisterRecord(std::string_view head);

// The records of a response: `list_key` holds them ("items", "results"),
// else a top-level array holds them, else the object is one record.
std::vector<const rapidjson::Value*> Records(const rapidjson::Value& root, const char* list_key);

// A title or a name as one line of plain text (markup dropped).
std::string PlainLine(std::string_view s);

// meta[key] = PlainLine(value) unless that is empty.
void PutMeta(Document* d, const char* key, const std::string& value);

// The document text of a paper record: its title and abstract; the language
// guessed from them.
void SetText(Document* d, const std::string& abstract);

// A CSL item or a Crossref work. `own_id` is the source's id for a record
// without a DOI ("csl:…"; "" for Crossref, whose works always have one).
Document CslLikeRecord(const rapidjson::Value& r, const std::string& format, const std::string& own_id);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_READERS_PAPER_JSON_H_
