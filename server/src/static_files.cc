#include "static_files.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace lodestone::server::internal {

namespace {

const char* TypeOf(const std::string& ext) {
  static const std::pair<const char*, const char*> types[] = {
      {".html", "text/html; charset=utf-8"},  {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},    {".map", "application/json; charset=utf-8"},
      {".json", "application/json; charset=utf-8"}, {".svg", "image/svg+xml"},
      {".png", "image/png"},                  {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},               {".txt", "text/plain; charset=utf-8"},
  };
  for (const auto& [e, t] : types)
    if (ext == e) return t;
  return "application/octet-stream";
}

bool ReadAll(const std::filesystem::path& file, std::string* out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return static_cast<bool>(in) || in.eof();
}

ApiResponse Text(int status, const std::string& text) {
  ApiResponse r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = text;
  return r;
}

}  // namespace

bool IsPageRoute(const std::string& path) {
  // The same routes as web/tools/dev-api.mjs's UI_PATHS.
  static const std::regex routes(
      R"(^/(?:$|search/?$|doc/.+|entity/.+|trace/.+|timeline(?:/.*)?$|graph/.+|papers/.+|map(?:/.*)?$|dossier/.+))");
  return std::regex_search(path, routes);
}

ApiResponse StaticFile(const std::string& dir, const std::string& path) {
  namespace fs = std::filesystem;
  if (dir.empty()) return Text(404, "not found: " + path + " (this server was started without --web)\n");
  if (IsPageRoute(path)) {
    ApiResponse r;
    if (!ReadAll(fs::path(dir) / "index.html", &r.body))
      return Text(503, "no web UI built at " + dir + " (cd web && npm ci && npm run build, or scripts/build.sh)\n");
    r.content_type = "text/html; charset=utf-8";
    r.headers.push_back({"Cache-Control", "no-cache"});
    return r;
  }
  // Only plain relative names: no "..", no NUL, no backslashes.
  const fs::path rel = fs::path(path).relative_path().lexically_normal();
  bool safe = !rel.empty() && path.find('\0') == std::string::npos && path.find('\\') == std::string::npos;
  for (const auto& part : rel)
    if (part == ".." || part == ".") safe = false;
  if (safe) {
    const fs::path file = fs::path(dir) / rel;
    std::error_code ec;
    if (fs::is_regular_file(file, ec)) {
      ApiResponse r;
      if (!ReadAll(file, &r.body)) return Text(500, "cannot read " + path + "\n");
      r.content_type = TypeOf(file.extension().string());
      const bool hashed = path.rfind("/assets/", 0) == 0;
      r.headers.push_back({"Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache"});
      return r;
    }
  }
  return Text(404, "not found: " + path + "\n");
}

}  // namespace lodestone::server::internal
