#include "params.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

namespace lodestone::server::internal {

Params::Params(const std::vector<std::pair<std::string, std::string>>& given, const std::string& endpoint,
               std::initializer_list<const char*> known)
    : given_(given), endpoint_(endpoint) {
  for (size_t i = 0; i < given_.size() && status_.ok(); ++i) {
    const std::string& name = given_[i].first;
    if (std::none_of(known.begin(), known.end(), [&](const char* k) { return name == k; })) {
      std::string list;
      for (const char* k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      status_ = Status::InvalidArgument("unknown parameter " + name + " for " + endpoint_ +
                                        (list.empty() ? " (it takes none)" : " (it takes " + list + ")"));
    }
    for (size_t j = 0; j < i && status_.ok(); ++j)
      if (given_[j].first == name) status_ = Status::InvalidArgument("parameter " + name + " is given twice");
  }
}

std::optional<std::string> Params::Find(const char* name) const {
  for (const auto& [k, v] : given_)
    if (k == name) return v;
  return std::nullopt;
}

void Params::Text(const char* name, std::string* out) {
  if (!ok()) return;
  auto v = Find(name);
  if (v && !v->empty()) *out = *v;
}

void Params::Required(const char* name, std::string* out) {
  if (!ok()) return;
  auto v = Find(name);
  if (!v || v->empty()) {
    status_ = Status::InvalidArgument("missing parameter " + std::string(name) + " for " + endpoint_);
    return;
  }
  *out = *v;
}

void Params::Number(const char* name, size_t* out, size_t cap) {
  if (!ok()) return;
  auto v = Find(name);
  if (!v || v->empty()) return;
  const bool digits = v->size() <= 12 && std::all_of(v->begin(), v->end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) {
    status_ = Status::InvalidArgument(std::string(name) + " must be a whole number, not " + v->substr(0, 40));
    return;
  }
  const size_t n = std::stoull(*v);
  if (cap && n > cap) {
    status_ = Status::TooLarge(std::string(name) + "=" + *v + " is over this server's cap of " + std::to_string(cap));
    return;
  }
  *out = n;
}

void Params::Number(const char* name, uint32_t* out, size_t cap) {
  size_t n = *out;
  Number(name, &n, cap ? cap : std::numeric_limits<uint32_t>::max());
  if (ok()) *out = static_cast<uint32_t>(n);
}

void Params::Decimal(const char* name, double* out) {
  if (!ok()) return;
  auto v = Find(name);
  if (!v || v->empty()) return;
  char* end = nullptr;
  const double d = v->size() <= 40 ? std::strtod(v->c_str(), &end) : 0;
  if (!end || *end != '\0' || !std::isfinite(d)) {
    status_ = Status::InvalidArgument(std::string(name) + " must be a number, not " + v->substr(0, 40));
    return;
  }
  *out = d;
}

void Params::Flag(const char* name, bool* out) {
  if (!ok()) return;
  auto v = Find(name);
  if (!v || v->empty()) return;
  if (*v == "1" || *v == "true") *out = true;
  else if (*v == "0" || *v == "false") *out = false;
  else status_ = Status::InvalidArgument(std::string(name) + " takes 1 or 0, not " + v->substr(0, 40));
}

}  // namespace lodestone::server::internal
