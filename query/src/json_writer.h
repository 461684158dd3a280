// The one way query/ writes JSON: a RapidJSON writer into a string, with the
// few helpers every answer uses (a key with a string, a number, a list of
// strings, a map of counts). Strings always go through RapidJSON, so every
// value is escaped (issue 10: paths with quotes once gave invalid JSON where
// JSON was concatenated by hand). Private to query/; RapidJSON stays out of
// the public headers. Thread-safety: one writer per thread.
#ifndef LODESTONE_QUERY_SRC_JSON_WRITER_H_
#define LODESTONE_QUERY_SRC_JSON_WRITER_H_

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "lodestone/index/json_allocator.h"

namespace lodestone::query::internal {

// A buffer that throws std::bad_alloc when memory runs out, instead of
// RapidJSON's writing through a null pointer (issue 11).
using JsonBuffer = rapidjson::GenericStringBuffer<rapidjson::UTF8<>, ThrowingJsonAllocator>;

template <typename W>
class BasicJsonWriter {
 public:
  BasicJsonWriter() : w_(buf_) {}

  void StartObject() { w_.StartObject(); }
  void EndObject() { w_.EndObject(); }
  void StartArray() { w_.StartArray(); }
  void EndArray() { w_.EndArray(); }
  void Key(const char* k) { w_.Key(k); }
  void Key(const std::string& k) { w_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }

  void String(const std::string& s) { w_.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
  void String(const char* s) { w_.String(s); }
  void Bool(bool b) { w_.Bool(b); }
  void Int(int v) { w_.Int(v); }
  void Uint(unsigned v) { w_.Uint(v); }
  void Uint64(uint64_t v) { w_.Uint64(v); }
  void Double(double v) { w_.Double(v); }
  void Null() { w_.Null(); }
  // An object already written as JSON by this writer (nested answers).
  void RawObject(const std::string& json) { w_.RawValue(json.data(), json.size(), rapidjson::kObjectType); }

  // "key": value. Named by type so that a literal never picks the bool one.
  void Str(const char* k, const std::string& v) {
    Key(k);
    String(v);
  }
  void U64(const char* k, uint64_t v) {
    Key(k);
    Uint64(v);
  }
  void U32(const char* k, unsigned v) {
    Key(k);
    Uint(v);
  }
  void I32(const char* k, int v) {
    Key(k);
    Int(v);
  }
  void Dbl(const char* k, double v) {
    Key(k);
    Double(v);
  }
  void Flag(const char* k, bool v) {
    Key(k);
    Bool(v);
  }
  // "key": ["a", "b"]
  void Strings(const char* k, const std::vector<std::string>& v) {
    Key(k);
    StartArray();
    for (const auto& s : v) String(s);
    EndArray();
  }
  // "key": {"a": 1, "b": 2}
  void Counts(const char* k, const std::map<std::string, uint64_t>& m) {
    Key(k);
    StartObject();
    for (const auto& [name, n] : m) {
      Key(name);
      Uint64(n);
    }
    EndObject();
  }

  // The text written so far, without a newline.
  std::string Text() const { return std::string(buf_.GetString(), buf_.GetSize()); }
  // The text and a newline: one answer per line, as the CLI prints them.
  std::string Line() const { return Text() + "\n"; }

 private:
  JsonBuffer buf_;
  W w_;
};

using JsonWriter = BasicJsonWriter<rapidjson::Writer<JsonBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>, ThrowingJsonAllocator>>;
using PrettyJsonWriter =
    BasicJsonWriter<rapidjson::PrettyWriter<JsonBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>, ThrowingJsonAllocator>>;

}  // namespace lodestone::query::internal

#endif  // LODESTONE_QUERY_SRC_JSON_WRITER_H_
