// Reading the API's answers: search pages, error bodies, records. Private.
//
// A search page is {"count", "total_pages", "next_page_url", "results": [...]};
// each result is one document record. A record's identity for "has it
// changed?" is a hash of its JSON with object keys sorted and the page-view
// counter (which changes every day) left out.
#ifndef LODESTONE_FETCH_SRC_API_RESPONSE_H_
#define LODESTONE_FETCH_SRC_API_RESPONSE_H_

#include <rapidjson/document.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "lodestone/fetch/federal_register.h"

namespace lodestone::fetch_internal {

struct SearchPage {
  uint64_t count = 0;        // as reported (capped by the API, like the results)
  uint64_t total_pages = 0;
  std::string next_page_url; // empty on the last page
  rapidjson::Document doc;   // owns the page; results() points into it
  const rapidjson::Value* results = nullptr;  // an array (empty when the page has none)
};

// Parses a search page; ParseError says what is wrong (invalid JSON at byte N,
// no results array, …), which the caller treats as a malformed page.
Result<SearchPage> ParseSearchPage(const std::string& body);

// The message of an error answer: {"errors": …} flattened into
// "field: message; field: message", {"message": …}, or the start of the body.
std::string ApiErrorMessage(const std::string& body);

// XXH3 of the record's canonical JSON (keys sorted, page_views left out).
uint64_t RecordHash(const rapidjson::Value& record);
std::string HashHex(uint64_t h);

// The record as compact JSON, members in the order the API sent them.
std::string RecordJson(const rapidjson::Value& record);

// A string member, or "" when missing or not a string.
std::string StringField(const rapidjson::Value& record, const char* name);

// Document numbers become file names: letters, digits, '-', '_' and '.', not
// starting with '.', at most 100 characters.
bool ValidDocumentNumber(const std::string& n);

struct FullTextLink {
  std::string kind;  // "xml", "html" or "text"
  std::string url;
};

// The full text to save for a record under `choice`; nullopt when the record
// links none of that kind (or choice is kNone).
std::optional<FullTextLink> ChooseFullText(const rapidjson::Value& record, FullTextChoice choice);

// The file name of a full text: <number>.xml, <number>.html, and for the
// printed text <number>.htm when it is an HTML page (GPO's <pre> pages) or
// <number>.txt when it is plain, so that ingest reads each as what it is.
std::string FullTextFileName(const std::string& number, const std::string& kind, std::string_view body);

}  // namespace lodestone::fetch_internal

#endif  // LODESTONE_FETCH_SRC_API_RESPONSE_H_
