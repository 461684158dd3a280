#include "peers.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace lodestone::bench {

bool OnPath(const std::string& program) {
  const char* path = std::getenv("PATH");
  if (!path) return false;
  std::stringstream dirs(path);
  for (std::string dir; std::getline(dirs, dir, ':');)
    if (!dir.empty() && ::access((fs::path(dir) / program).c_str(), X_OK) == 0) return true;
  return false;
}

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

int RunCapture(const std::vector<std::string>& argv, std::string* out, const std::string& stderr_path) {
  if (argv.empty()) return -1;
  int pipefd[2];
  if (::pipe(pipefd) != 0) return -1;
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(pipefd[0]);
    ::close(pipefd[1]);
    return -1;
  }
  if (pid == 0) {
    ::dup2(pipefd[1], STDOUT_FILENO);
    ::close(pipefd[0]);
    ::close(pipefd[1]);
    int in = ::open("/dev/null", O_RDONLY);
    if (in >= 0) ::dup2(in, STDIN_FILENO);
    int err = stderr_path.empty() ? ::open("/dev/null", O_WRONLY)
                                  : ::open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (err >= 0) ::dup2(err, STDERR_FILENO);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  ::close(pipefd[1]);
  std::array<char, 65536> buf;
  ssize_t n;
  if (out) out->clear();
  while ((n = ::read(pipefd[0], buf.data(), buf.size())) > 0)
    if (out) out->append(buf.data(), static_cast<size_t>(n));
  ::close(pipefd[0]);
  int status = 0;
  if (::waitpid(pid, &status, 0) < 0 || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

void WriteRecollConfig(const std::vector<std::string>& roots, const fs::path& conf) {
  fs::create_directories(conf);
  std::ofstream rc(conf / "recoll.conf");
  rc << "# Written by Lodestone's bench/.\n";
  rc << "topdirs =";
  for (const auto& r : roots) rc << " \"" << r << "\"";
  rc << "\n";
  rc << "# Nothing skipped by name; every file name indexed even without a handler.\n";
  rc << "skippedNames =\n";
  rc << "indexallfilenames = 1\n";
  // Recoll builds an aspell spelling dictionary after indexing (Lodestone
  // builds Xapian spelling data); under LANG=C it fails for want of a
  // language, so name it.
  rc << "aspellLanguage = en\n";
  // The same MIME types as Recoll 1.34's defaults, pinned so that other
  // versions index every input format as text too (JSON and Markdown as
  // plain text, XML through the internal text/xml -> text/plain path).
  std::ofstream map(conf / "mimemap");
  map << "# Written by Lodestone's bench/.\n"
         ".md = text/plain\n"
         ".json = text/plain\n"
         ".xml = text/xml\n"
         ".htm = text/html\n"
         ".html = text/html\n";
  std::ofstream mc(conf / "mimeconf");
  mc << "# Written by Lodestone's bench/.\n"
        "[index]\n"
        "text/xml = internal text/plain\n";
}

}  // namespace lodestone::bench
