#include "pipeline/discover.h"

#include <sys/stat.h>

#include <algorithm>
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
bool StatFile(const std::string& path, FoundFile* f) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  f->size = static_cast<uint64_t>(st.st_size);
  f->mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return true;
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
      if (StatFile(root, &f)) out.push_back(f);
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
      if (!it->is_regular_file(ec)) continue;
      FoundFile f;
      f.path = path;
      f.key = root_name + "/" + it->path().lexically_relative(root_path).string();
      if (StatFile(path, &f)) out.push_back(std::move(f));
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
