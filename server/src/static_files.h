// The web UI's files (the Vite bundle in build/web): /assets/* are
// content-hashed and cached for a year; the single-page app's routes (/,
// /search, /doc/ID, ...: web/README.md, "The URL scheme") are answered with
// index.html; anything else is 404. A path is never resolved outside the
// folder.
#ifndef LODESTONE_SERVER_SRC_STATIC_FILES_H_
#define LODESTONE_SERVER_SRC_STATIC_FILES_H_

#include <string>

#include "lodestone/server/api.h"

namespace lodestone::server::internal {

// True for the page routes the UI draws itself.
bool IsPageRoute(const std::string& path);

// The answer for GET `path` (percent-decoded) from the bundle in `dir`.
ApiResponse StaticFile(const std::string& dir, const std::string& path);

}  // namespace lodestone::server::internal

#endif  // LODESTONE_SERVER_SRC_STATIC_FILES_H_
