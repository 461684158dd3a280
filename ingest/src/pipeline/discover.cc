#include "pipeline/discover.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <map>

namespace fs = std::filesystem;

namespace lodestone::internal {

std::string AbsolutePath(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::absolute(path, ec);
  if (ec) p = path;
  std::string s = p.lexically_normal().string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

namespace {
// Fills size and mtime; on failure says why ("" for a file that is no
// longer a regular file: not a problem, simply not a document).
bool StatFile(const std::string& path, FoundFile* f, std::string* why) {
  struct stat st;
  if (path.size() >= PATH_MAX) {
    *why = "path longer than " + std::to_string(PATH_MAX - 1) + " bytes (the system's limit); move or rename it";
    return false;
  }
  if (::stat(path.c_str(), &st) != 0) {
    *why = std::string("cannot read file information: ") + std::strerror(errno);
    return false;
  }
  if (!S_ISREG(st.st_mode)) return false;
  f->size = static_cast<uint64_t>(st.st_size);
  f->mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return true;
}

// A folder discovery cannot enter: unreadable (permission), or a path too
// long to open. "" when it can be listed.
std::string UnlistableFolder(const std::string& path) {
  if (path.size() >= PATH_MAX)
    return "folder path longer than " + std::to_string(PATH_MAX - 1) + " bytes (the system's limit); not listed";
  if (::access(path.c_str(), R_OK | X_OK) != 0)
    return std::string("cannot list folder: ") + std::strerror(errno);
  return {};
}
}  // namespace

std::vector<FoundFile> Discover(const std::vector<std::string>& paths, const std::string& exclude,
                                std::vector<IngestProblem>* problems) {
  std::vector<FoundFile> out;
  const std::string excl = exclude.empty() ? std::string() : AbsolutePath(exclude);
  for (const auto& given : paths) {
    const std::string root = AbsolutePath(given);
    std::error_code ec;
    auto st = fs::status(root, ec);
    if (ec || !fs::exists(st)) {
      problems->push_back({given, "no such file or directory"});
      continue;
    }
    const fs::path root_path(root);
    const std::string root_name = root_path.filename().string();
    if (fs::is_regular_file(st)) {
      FoundFile f;
      f.path = root;
      f.key = root_name;
      std::string why;
      if (StatFile(root, &f, &why)) out.push_back(f);
      else if (!why.empty()) problems->push_back({given, why});
      continue;
    }
    if (!fs::is_directory(st)) {
      problems->push_back({given, "not a regular file or folder"});
      continue;
    }
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      problems->push_back({given, "cannot list folder: " + ec.message()});
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        problems->push_back({it->path().string(), "cannot list: " + ec.message()});
        ec.clear();
        continue;
      }
      const std::string name = it->path().filename().string();
      const std::string path = it->path().lexically_normal().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (!excl.empty() && (path == excl || path.rfind(excl + "/", 0) == 0)) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      // Folders that cannot be listed are reported, not skipped silently
      // (issue 10): their files would be missing from the index unseen.
      if (it->is_directory(ec)) {
        if (std::string why = UnlistableFolder(path); !why.empty()) {
          problems->push_back({path, why});
          it.disable_recursion_pending();
        }
        continue;
      }
      if (!it->is_regular_file(ec)) {
        if (ec) problems->push_back({path, "cannot read file information: " + ec.message()});
        ec.clear();
        continue;
      }
      FoundFile f;
      f.path = path;
      f.key = root_name + "/" + it->path().lexically_relative(root_path).string();
      std::string why;
      if (StatFile(path, &f, &why)) out.push_back(std::move(f));
      else if (!why.empty()) problems->push_back({path, why});
    }
  }
  std::sort(out.begin(), out.end(), [](const FoundFile& a, const FoundFile& b) { return a.path < b.path; });
  out.erase(std::unique(out.begin(), out.end(), [](const FoundFile& a, const FoundFile& b) { return a.path == b.path; }),
            out.end());
  return out;
}

std::vector<Bundle> MakeBundles(std::vector<FoundFile> files) {
  std::map<std::string, size_t> index;  // folder/stem -> bundle
  std::vector<Bundle> out;
  for (auto& f : files) {
    fs::path p(f.path);
    std::string key = (p.parent_path() / p.stem()).string();
    auto [it, inserted] = index.emplace(key, out.size());
    if (inserted) out.emplace_back();
    out[it->second].files.push_back(std::move(f));
  }
  return out;
}

}  // namespace lodestone::internal
