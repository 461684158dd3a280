// Query parameters of an API request, read into an engine request: each
// endpoint names the parameters it takes (any other is an error), and reading
// one checks its form (a whole number within the cap, a 1/0 flag). The first
// problem is kept and reported; later reads do nothing.
#ifndef LODESTONE_SERVER_SRC_PARAMS_H_
#define LODESTONE_SERVER_SRC_PARAMS_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lodestone/index/status.h"

namespace lodestone::server::internal {

class Params {
 public:
  // InvalidArgument for a parameter not in `known`, or given twice.
  Params(const std::vector<std::pair<std::string, std::string>>& given, const std::string& endpoint,
         std::initializer_list<const char*> known);

  // The value of a text parameter, if given (even empty).
  std::optional<std::string> Find(const char* name) const;
  // Text: `out` is left as it is when the parameter is absent or empty.
  void Text(const char* name, std::string* out);
  // Text that must be given and not be empty ("missing parameter q").
  void Required(const char* name, std::string* out);
  // A whole number, 0 <= n <= cap (cap 0: none; over it kTooLarge).
  void Number(const char* name, size_t* out, size_t cap = 0);
  void Number(const char* name, uint32_t* out, size_t cap = 0);
  // A finite decimal number (1, 0.5, 2e0).
  void Decimal(const char* name, double* out);
  // 1/true or 0/false.
  void Flag(const char* name, bool* out);

  const Status& status() const { return status_; }
  bool ok() const { return status_.ok(); }

 private:
  const std::vector<std::pair<std::string, std::string>>& given_;
  std::string endpoint_;
  Status status_;
};

}  // namespace lodestone::server::internal

#endif  // LODESTONE_SERVER_SRC_PARAMS_H_
