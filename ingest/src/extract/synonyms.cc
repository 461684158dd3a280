#include "lodestone/ingest/synonyms.h"

#include <algorithm>
#include <vector>

#include "lodestone/index/schema.h"

namespace lodestone {

namespace {

// "PRC", "IEEPA", "PGMs": upper-case ASCII letters (and digits), a plural
// 's' at the end at most.
bool IsAcronym(const std::string& s) {
  size_t upper = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= 'A' && c <= 'Z') ++upper;
    else if (c == 's' && i + 1 == s.size() && i > 0) continue;
    else if (!(c >= '0' && c <= '9') && c != '.' && c != '&') return false;
  }
  return upper >= 2;
}

std::vector<std::string> Words(const std::string& name, Analyzer& analyzer) {
  std::vector<Token> tokens;
  uint32_t pos = 0;
  analyzer.Tokenize(name, &pos, &tokens);
  std::vector<std::string> out;
  for (const auto& t : tokens) out.push_back(t.term);
  return out;
}

bool ContainsRun(const std::vector<std::string>& hay, const std::vector<std::string>& needle) {
  return needle.size() < hay.size() && std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

SynonymTable SynonymsFromKnowledgeBase(const KnowledgeBase& kb, Analyzer& analyzer) {
  SynonymTable table;
  for (const Entity& e : kb.entities()) {
    if (e.type != "mineral") continue;
    const std::string term = schema::kPrefixEntity + e.id;
    // names[0] is the entity's own name: always a synonym (unless
    // ambiguous), even when it contains an alias ("rare earth elements").
    std::vector<std::vector<std::string>> names = {e.ambiguous ? std::vector<std::string>{} : Words(e.name, analyzer)};
    for (const auto& a : e.aliases) names.push_back(Words(a, analyzer));
    for (const auto& z : e.zh) names.push_back(Words(z, analyzer));
    for (const auto& a : e.aliases_cs)
      if (IsAcronym(a)) names.push_back(Words(a, analyzer));
    for (size_t i = 0; i < names.size(); ++i) {
      const auto& n = names[i];
      if (n.empty() || (n.size() == 1 && n[0].size() < 3 && static_cast<unsigned char>(n[0][0]) < 0x80)) continue;
      const bool narrower = i > 0 && std::any_of(names.begin(), names.end(), [&](const std::vector<std::string>& other) {
                              return !other.empty() && ContainsRun(n, other);
                            });
      if (!narrower) table[Join(n)].insert(term);
    }
  }
  return table;
}

}  // namespace lodestone
