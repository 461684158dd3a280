#include "lodestone/query/errors.h"

#include "json_writer.h"

namespace lodestone::query {

ErrorKind Classify(const Status& s) {
  switch (s.code()) {
    case Status::Code::kOk: return {"ok", 0, 200};
    case Status::Code::kInvalidArgument: return {"invalid_argument", 2, 400};
    case Status::Code::kNotFound: return {"not_found", 1, 404};
    case Status::Code::kTooLarge: return {"too_large", 2, 413};
    case Status::Code::kUnavailable: return {"unavailable", 1, 503};
    case Status::Code::kCorrupt: return {"corrupt", 1, 500};
    case Status::Code::kParseError:
    case Status::Code::kIoError:
    case Status::Code::kUnsupported:
    case Status::Code::kInternal: break;
  }
  return {"error", 1, 500};
}

std::string ErrorJson(const Status& s) {
  internal::JsonWriter w;
  w.StartObject();
  w.Str("error", s.message());
  w.Str("code", Classify(s).code);
  w.EndObject();
  return w.Line();
}

}  // namespace lodestone::query
