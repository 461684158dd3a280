#include "extract/cn_tasking.h"

#include <algorithm>

namespace lodestone::internal {

namespace {

bool At(std::string_view text, size_t pos, std::string_view s) { return text.compare(pos, s.size(), s) == 0; }
bool EndsAt(std::string_view text, size_t end, std::string_view s) {
  return end >= s.size() && text.compare(end - s.size(), s.size(), s) == 0;
}

// Bytes of the UTF-8 character starting at pos (1 for a broken byte).
size_t CharLen(std::string_view text, size_t pos) {
  unsigned char c = static_cast<unsigned char>(text[pos]);
  size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  return std::min(n, text.size() - pos);
}

constexpr std::string_view kClauseEnds[] = {"。", "；", "？", "！", "\n"};
// What closes a body's name after its last function word (cn_functions.cc), longest first.
constexpr std::string_view kSuffixes[] = {"等国家其他有关部门", "等国家有关部门", "行政主管部门", "等有关部门",
                                          "主管部门",           "行政部门",       "管理部门",     "等部门",
                                          "部门"};
// Joins the bodies of one list.
constexpr std::string_view kConnectors[] = {"、", "和", "或者", "以及", "及"};
// After a name, words that make it qualify another body: 国务院有关主管部门,
// 国务院其他有关部门, 国务院授权的机构, 国务院各部门.
constexpr std::string_view kQualified[] = {"有关", "其他", "授权", "所属", "各"};
constexpr std::string_view kSpaces[] = {" ", "\xE3\x80\x80", "\t"};  // ASCII, ideographic space, tab
constexpr std::string_view kStateCouncil = "国务院";
// A duty: the clause directs; 可以 before any of them only permits.
constexpr std::string_view kDuties[] = {"应当", "负责", "必须"};
constexpr std::string_view kMay = "可以";
constexpr std::string_view kOf = "的";
constexpr std::string_view kComma = "，";
constexpr size_t kRelativeReach = 5;  // characters after a name within which 的 makes it a modifier

size_t ClauseStart(std::string_view text, size_t pos) {
  size_t best = 0;
  for (std::string_view e : kClauseEnds) {
    size_t p = text.rfind(e, pos == 0 ? 0 : pos - 1);
    if (p != std::string_view::npos && p + e.size() <= pos) best = std::max(best, p + e.size());
  }
  return best;
}

size_t ClauseEnd(std::string_view text, size_t pos) {
  size_t best = text.size();
  for (std::string_view e : kClauseEnds) best = std::min(best, text.find(e, pos) == std::string_view::npos ? text.size() : text.find(e, pos));
  return best;
}

size_t SkipSuffix(std::string_view text, size_t pos) {
  for (std::string_view s : kSuffixes)
    if (At(text, pos, s)) return pos + s.size();
  return pos;
}

size_t SkipBackSpaces(std::string_view text, size_t pos, size_t floor) {
  for (bool moved = true; moved && pos > floor;) {
    moved = false;
    for (std::string_view s : kSpaces)
      if (pos >= floor + s.size() && EndsAt(text, pos, s)) {
        pos -= s.size();
        moved = true;
      }
  }
  return pos;
}

enum class Role { kNone, kSubject, kAgent, kPartner };

// What the words before a list make of it.
Role RoleOf(std::string_view text, size_t start, size_t clause_start) {
  size_t p = SkipBackSpaces(text, start, clause_start);
  if (EndsAt(text, p, kStateCouncil) && p >= clause_start + kStateCouncil.size()) p -= kStateCouncil.size();
  p = SkipBackSpaces(text, p, clause_start);
  if (p == clause_start) return Role::kSubject;
  if (EndsAt(text, p, "，") || EndsAt(text, p, "：")) return Role::kSubject;
  // An article's number opens its first clause: 第十四条　国务院…
  if (EndsAt(text, p, "条")) {
    size_t line = text.rfind('\n', p);
    size_t di = text.rfind("第", p);
    if (di != std::string_view::npos && (line == std::string_view::npos || di > line) && p - di <= 30)
      return Role::kSubject;
  }
  if (EndsAt(text, p, "由")) return Role::kAgent;
  if (EndsAt(text, p, "会同")) return Role::kPartner;
  return Role::kNone;
}

// Whether the subject or agent of a list ending at `end` is tasked by the rest of its clause.
bool Directed(std::string_view text, size_t end, size_t clause_end) {
  // 的 right after the name: an owner or a relative clause (国务院规定的其他情形,
  // 由…颁发的出口许可证件); 的， closes a condition (…发现…的，应当…) and is not one.
  size_t p = end;
  for (size_t n = 0; n < kRelativeReach && p < clause_end; ++n) {
    if (At(text, p, kOf) && !At(text, p + kOf.size(), kComma)) return false;
    if (At(text, p, kComma)) break;
    p += CharLen(text, p);
  }
  size_t may = text.substr(0, clause_end).find(kMay, end);
  if (may == std::string_view::npos) return true;
  for (std::string_view d : kDuties) {
    size_t at = text.substr(0, clause_end).find(d, end);
    if (at != std::string_view::npos && at < may) return true;
  }
  return false;
}

}  // namespace

std::vector<Tasking> ChineseTaskings(std::string_view text, std::vector<BodyMention> mentions) {
  std::vector<Tasking> out;
  std::sort(mentions.begin(), mentions.end(), [](const BodyMention& a, const BodyMention& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  // Nested or overlapping mentions: the first, longest one stands.
  std::vector<BodyMention> m;
  for (const BodyMention& x : mentions)
    if (x.end <= text.size() && x.begin < x.end && (m.empty() || x.begin >= m.back().end)) m.push_back(x);
  // A name that only qualifies another body is no body of its own.
  std::vector<uint8_t> qualifier(m.size(), 0);
  for (size_t i = 0; i < m.size(); ++i) {
    if (i + 1 < m.size() && m[i + 1].begin == m[i].end) qualifier[i] = 1;
    for (std::string_view q : kQualified)
      if (At(text, m[i].end, q)) qualifier[i] = 1;
  }
  // Lists: names joined by a connector (国务院财政部门、计划主管部门), read with the
  // role the words before the first give them.
  size_t i = 0;
  bool last_directed = false;  // the clause's last subject or agent, for a 会同 partner
  size_t last_clause = static_cast<size_t>(-1);
  while (i < m.size()) {
    if (qualifier[i]) {
      ++i;
      continue;
    }
    const size_t clause_start = ClauseStart(text, m[i].begin);
    const size_t clause_end = ClauseEnd(text, m[i].end);
    if (clause_start != last_clause) last_directed = false, last_clause = clause_start;
    size_t j = i;
    size_t end = SkipSuffix(text, m[i].end);
    for (;;) {
      size_t k = j + 1;
      while (k < m.size() && qualifier[k] && m[k].begin < clause_end) ++k;  // 、国务院 + a function word
      if (k >= m.size() || m[k].begin >= clause_end) break;
      size_t gap_from = end;
      size_t first = j + 1 < m.size() ? m[j + 1].begin : m[k].begin;  // a qualifier's start, if any
      bool joined = false;
      for (std::string_view c : kConnectors)
        if (gap_from + c.size() == first && At(text, gap_from, c)) joined = true;
      if (!joined) break;
      j = k;
      end = SkipSuffix(text, m[j].end);
    }
    const Role role = RoleOf(text, m[i].begin, clause_start);
    bool directed = false;
    if (role == Role::kSubject || role == Role::kAgent) {
      directed = Directed(text, end, clause_end);
      last_directed = directed;
    } else if (role == Role::kPartner) {
      directed = last_directed;
    }
    if (directed)
      for (size_t x = i; x <= j; ++x)
        if (!qualifier[x]) out.push_back({m[x].entity, m[x].begin});
    i = j + 1;
  }
  return out;
}

}  // namespace lodestone::internal
