// Small RapidJSON helpers shared by the JSON readers. Private: RapidJSON
// types never leave ingest/.
#ifndef LODESTONE_INGEST_SRC_FORMATS_JSON_H_
#define LODESTONE_INGEST_SRC_FORMATS_JSON_H_

#include <rapidjson/document.h>

#include <string>
#include <string_view>

#include "lodestone/index/status.h"

namespace lodestone::internal {

// Parses iteratively (deeply nested input cannot exhaust the stack); a
// syntax error is a ParseError naming the byte offset and the problem.
Result<rapidjson::Document> ParseJson(std::string_view bytes);

// obj[key] when obj is an object holding key, else nullptr.
const rapidjson::Value* Member(const rapidjson::Value& obj, const char* key);

// obj[key] as text: a string as it is, an integer in decimal, "" for
// anything else (missing, null, a float, an array, obj not an object).
std::string Str(const rapidjson::Value& obj, const char* key);

// A string or integer value as text, "" otherwise.
std::string AsText(const rapidjson::Value& v);

}  // namespace lodestone::internal

#endif  // LODESTONE_INGEST_SRC_FORMATS_JSON_H_
