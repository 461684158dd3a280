#include "formats/json.h"

#include <rapidjson/error/en.h>

namespace lodestone::internal {

Result<rapidjson::Document> ParseJson(std::string_view bytes) {
  rapidjson::Document j;
  j.Parse<rapidjson::kParseIterativeFlag>(bytes.data(), bytes.size());
  if (j.HasParseError())
    return Status::ParseError(std::string("invalid JSON at byte ") + std::to_string(j.GetErrorOffset()) + ": " +
                              rapidjson::GetParseError_En(j.GetParseError()));
  return j;
}

const rapidjson::Value* Member(const rapidjson::Value& obj, const char* key) {
  if (!obj.IsObject()) return nullptr;
  auto it = obj.FindMember(key);
  return it == obj.MemberEnd() ? nullptr : &it->value;
}

std::string AsText(const rapidjson::Value& v) {
  if (v.IsString()) return std::string(v.GetString(), v.GetStringLength());
  if (v.IsInt64()) return std::to_string(v.GetInt64());
  if (v.IsUint64()) return std::to_string(v.GetUint64());
  return {};
}

std::string Str(const rapidjson::Value& obj, const char* key) {
  const rapidjson::Value* v = Member(obj, key);
  return v ? AsText(*v) : std::string();
}

}  // namespace lodestone::internal
