// How an error is reported by every front end: one stable code name, the
// CLI's exit code and the HTTP status, decided in one place so that `lode`
// and `lode serve` answer the same input with the same code.
//
//   code              Status              exit  HTTP
//   invalid_argument  kInvalidArgument    2     400   bad flag value, query syntax, empty id
//   not_found         kNotFound           1     404   unknown id (the message has suggestions)
//   too_large         kTooLarge           2     413   over a cap (Limits in session.h)
//   unavailable       kUnavailable        1     503   no index yet, time limit, index busy
//   corrupt           kCorrupt            1     500   a damaged index
//   error             everything else     1     500   I/O, missing Graphviz, internal
//
// The JSON form is {"error": message, "code": code} (README, "JSON").
// Thread-safety: pure functions.
#ifndef LODESTONE_QUERY_ERRORS_H_
#define LODESTONE_QUERY_ERRORS_H_

#include <string>

#include "lodestone/index/status.h"

namespace lodestone::query {

struct ErrorKind {
  const char* code;  // "invalid_argument", "not_found", ...
  int exit_code;     // 0 for an ok Status
  int http_status;   // 200 for an ok Status
};

ErrorKind Classify(const Status& s);

// {"error":"…","code":"…"} and a newline.
std::string ErrorJson(const Status& s);

}  // namespace lodestone::query

#endif  // LODESTONE_QUERY_ERRORS_H_
