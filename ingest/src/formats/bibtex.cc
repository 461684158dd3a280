#include "formats/bibtex.h"

#include <cctype>

#include "formats/limits.h"
#include "lodestone/text/ascii.h"

namespace lodestone::internal {

namespace {

class BibParser {
 public:
  explicit BibParser(std::string_view s) : s_(s) {}

  // Entries in order; malformed ones are skipped up to the next '@'. An
  // error only when @string macros expand past kMaxBibMacroExpansion.
  Result<std::vector<BibEntry>> Parse() {
    std::vector<BibEntry> out;
    while (true) {
      size_t at = s_.find('@', pos_);
      if (at == std::string_view::npos) break;
      pos_ = at + 1;
      std::string type;
      while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_'))
        type += static_cast<char>(std::tolower(static_cast<unsigned char>(s_[pos_++])));
      SkipSpace();
      if (type.empty() || pos_ >= s_.size() || (s_[pos_] != '{' && s_[pos_] != '(')) continue;
      char close = s_[pos_] == '{' ? '}' : ')';
      ++pos_;
      if (type == "comment" || type == "preamble") {
        SkipBalanced(close);
        continue;
      }
      if (type == "string") {
        SkipSpace();
        std::string name = Name();
        SkipSpace();
        if (pos_ < s_.size() && s_[pos_] == '=') {
          ++pos_;
          strings_[name] = Value(close);
        }
        if (over_limit_) break;
        SkipBalanced(close);
        continue;
      }
      BibEntry e;
      e.type = type;
      SkipSpace();
      size_t kstart = pos_;
      while (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != close && s_[pos_] != '\n') ++pos_;
      e.key = text::Trim(s_.substr(kstart, pos_ - kstart));
      bool ok = true;
      while (pos_ < s_.size()) {
        SkipSpace();
        if (pos_ < s_.size() && s_[pos_] == ',') {
          ++pos_;
          SkipSpace();
        }
        if (pos_ >= s_.size()) break;
        if (s_[pos_] == close) {
          ++pos_;
          break;
        }
        std::string name = Name();
        SkipSpace();
        if (name.empty() || pos_ >= s_.size() || s_[pos_] != '=') {
          ok = false;  // not "name = value": give up on this entry
          break;
        }
        ++pos_;
        e.fields[name] = Value(close);
      }
      if (ok || !e.fields.empty()) out.push_back(std::move(e));
      if (over_limit_) break;
    }
    if (over_limit_)
      return LimitExceeded("@string macros expand to more than " + std::to_string(kMaxBibMacroExpansion) + " bytes",
                           "BibTeX macro expansion " + std::to_string(kMaxBibMacroExpansion >> 20) + " MiB");
    return out;
  }

 private:
  void SkipSpace() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  std::string Name() {
    std::string n;
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == ':' || c == '.' || c == '+')
        n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      else break;
      ++pos_;
    }
    return n;
  }
  void SkipBalanced(char close) {
    int depth = 0;
    while (pos_ < s_.size()) {
      char c = s_[pos_++];
      if (c == '{') ++depth;
      else if (c == '}' && depth > 0) --depth;
      else if (c == close && depth == 0) return;
    }
  }
  // value := part ('#' part)*; part := {balanced} | "quoted" | number | macro
  std::string Value(char close) {
    std::string v;
    while (pos_ < s_.size()) {
      SkipSpace();
      if (pos_ >= s_.size()) break;
      char c = s_[pos_];
      if (c == '{') {
        size_t start = ++pos_;
        int depth = 1;
        while (pos_ < s_.size() && depth > 0) {
          if (s_[pos_] == '\\' && pos_ + 1 < s_.size()) {
            pos_ += 2;
            continue;
          }
          if (s_[pos_] == '{') ++depth;
          else if (s_[pos_] == '}') --depth;
          ++pos_;
        }
        v += s_.substr(start, pos_ - start - (depth == 0 ? 1 : 0));
      } else if (c == '"') {
        size_t start = ++pos_;
        int depth = 0;
        while (pos_ < s_.size() && !(s_[pos_] == '"' && depth == 0)) {
          if (s_[pos_] == '\\' && pos_ + 1 < s_.size()) {
            pos_ += 2;
            continue;
          }
          if (s_[pos_] == '{') ++depth;
          else if (s_[pos_] == '}' && depth > 0) --depth;
          ++pos_;
        }
        v += s_.substr(start, pos_ - start);
        if (pos_ < s_.size()) ++pos_;
      } else if (c == ',' || c == close) {
        break;
      } else {
        std::string word = Name();
        if (word.empty()) {  // stray character
          ++pos_;
          continue;
        }
        auto it = strings_.find(word);
        if (it != strings_.end()) {
          // Each use copies the macro's text, so a chain of macros that each
          // use the one before twice doubles at every step (issue 11).
          expanded_ += it->second.size();
          if (expanded_ > kMaxBibMacroExpansion) {
            over_limit_ = true;
            return v;
          }
          v += it->second;
        }
        else if (text::AllAsciiDigits(word)) v += word;
        else v += word;  // an undefined macro (month names "jan", ...): its name
      }
      SkipSpace();
      if (pos_ < s_.size() && s_[pos_] == '#') {
        ++pos_;
        continue;
      }
      break;
    }
    return v;
  }

  std::string_view s_;
  size_t pos_ = 0;
  std::map<std::string, std::string> strings_;
  size_t expanded_ = 0;  // bytes macros have added so far
  bool over_limit_ = false;
};

}  // namespace

Result<std::vector<BibEntry>> ParseBibtex(std::string_view s) { return BibParser(s).Parse(); }

std::vector<std::string> SplitBibAnd(std::string_view s) {
  std::vector<std::string> out;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '{') ++depth;
    else if (s[i] == '}' && depth > 0) --depth;
    else if (depth == 0 && i + 5 <= s.size() && std::isspace(static_cast<unsigned char>(s[i])) &&
             (s.compare(i + 1, 3, "and") == 0 || s.compare(i + 1, 3, "AND") == 0) &&
             std::isspace(static_cast<unsigned char>(s[i + 4]))) {
      out.push_back(std::string(s.substr(start, i - start)));
      i += 4;
      start = i + 1;
    }
  }
  out.push_back(std::string(s.substr(start)));
  return out;
}

}  // namespace lodestone::internal
