// The reading of one block of the National Archives' Executive Order
// disposition tables (see dispositions.h); the reader is
// readers/eo_disposition.cc.
//
// What the real tables hold besides the plain layout (1937-2017, about 6,300
// blocks): labels with parentheses, typos and without a colon ("Revoked
// (in part) by:", "Revoked in pary by:", "Supersedes; EO ...", "Revoked by EO
// 12553"), a second label inside a line ("... (14 FR 695) Revoked by: ..."),
// lettered and odd numbers ("EO 7261-A", "EO 11359A", "EO 1919 1/2", "EO's
// 10996-11005"), notes in parentheses naming other orders ("(which was
// revoked by EO 11708)"), orders of the unnumbered series, and editor's
// comments of the repository the tables come from ("    # Old: Signed: ..."),
// which are not part of the table and are left out.
#include "extract/dispositions.h"

#include <algorithm>
#include <map>
#include <set>

#include "formats/dates.h"
#include "formats/encoding.h"
#include "formats/numbers.h"
#include "formats/whitespace.h"
#include "lodestone/text/ascii.h"

namespace lodestone::internal {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
char ToUpper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; }

bool BlankLine(std::string_view l) {
  return std::all_of(l.begin(), l.end(), [](char c) { return IsBlank(c) || c == '\r' || c == '\f'; });
}

size_t Indent(std::string_view l) {
  size_t i = 0;
  while (i < l.size() && IsBlank(l[i])) ++i;
  return i;
}

// Digits at s[*i...] without separators; advances *i. Leading zeros dropped.
std::string Digits(std::string_view s, size_t* i) {
  size_t b = *i;
  while (*i < s.size() && text::IsAsciiDigit(s[*i])) ++*i;
  std::string d(s.substr(b, *i - b));
  size_t nz = d.find_first_not_of('0');
  return nz == std::string::npos ? (d.empty() ? d : "0") : d.substr(nz);
}

// "Executive Order 7784-A" (a heading line, at most two leading blanks) ->
// "7784-A"; "" otherwise.
std::string HeadingNumber(std::string_view line) {
  size_t i = Indent(line);
  if (i > 2) return {};
  std::string_view t = line.substr(i);
  while (!t.empty() && (IsBlank(t.back()) || t.back() == '\r')) t.remove_suffix(1);
  if (!text::StartsWith(t, "Executive Order ")) return {};
  size_t p = 16;
  while (p < t.size() && t[p] == ' ') ++p;
  std::string n = Digits(t, &p);
  if (n.empty()) return {};
  if (p < t.size() && t[p] == '-') ++p;
  if (p < t.size() && text::IsAsciiAlpha(t[p]) && p + 1 == t.size()) return n + "-" + ToUpper(t[p]);
  return p == t.size() && t.back() != '-' ? n : std::string();
}

// Lower case, parenthesised parts dropped, single spaces, trimmed:
// "Revoked (in part) by" -> "revoked by".
std::string NormalizeLabel(std::string_view raw) {
  std::string out;
  int depth = 0;
  for (char c : raw) {
    if (c == '(') ++depth;
    else if (c == ')') depth = std::max(0, depth - 1);
    else if (depth == 0) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  std::string clean;
  for (char c : out) {
    if (IsBlank(c) && (clean.empty() || clean.back() == ' ')) continue;
    clean += IsBlank(c) ? ' ' : c;
  }
  while (!clean.empty() && clean.back() == ' ') clean.pop_back();
  return clean;
}

// Every label seen in the tables that names a relation, with its typos.
// "Superseded or revoked by" takes the first verb: either way the order no
// longer stands. Rescinding is revoking (as in the text extractor).
const std::map<std::string, RelationType>& RelationLabels() {
  using R = RelationType;
  static const std::map<std::string, RelationType> k = {
      {"revokes", R::kRevokes},
      {"revokes in part", R::kRevokes},
      {"revokes in part and supplements", R::kRevokes},
      {"partly revokes", R::kRevokes},
      {"rescinds", R::kRevokes},
      {"revoked by", R::kRevokedBy},
      {"revoked in part by", R::kRevokedBy},
      {"revoked part by", R::kRevokedBy},
      {"revoked in pary by", R::kRevokedBy},
      {"revoked by in part by", R::kRevokedBy},
      {"revoked in part and supplemented by", R::kRevokedBy},
      {"revoked by in part and supplemented by", R::kRevokedBy},
      {"rescinded by", R::kRevokedBy},
      {"amends", R::kAmends},
      {"amended by", R::kAmendedBy},
      {"supersedes", R::kSupersedes},
      {"supersedes in part", R::kSupersedes},
      {"suspersedes", R::kSupersedes},
      {"provisionally supersedes", R::kSupersedes},
      {"supersedes or revokes", R::kSupersedes},
      {"superseded by", R::kSupersededBy},
      {"superseded in part by", R::kSupersededBy},
      {"supersedeed in part by", R::kSupersededBy},
      {"superseded to extent inconsistent by", R::kSupersededBy},
      {"superseded or revoked by", R::kSupersededBy},
      {"superseded or revoked in part by", R::kSupersededBy},
  };
  return k;
}

// Labels recognised inside a line ("... (21 FR 5723See: ..."): the relation
// labels and the common ones that relate nothing.
bool IsInlineLabel(const std::string& normalized) {
  static const std::set<std::string> k = {"see",          "note",          "nullified by",   "continued by",
                                          "supplemented by", "suspended by", "terminated by", "modified by",
                                          "ratified by",  "extended by"};
  return RelationLabels().count(normalized) || k.count(normalized);
}

// The label at the start of a line: "Label:" (or a relation label followed
// by ';', a typo of the tables), else a relation label followed by a space
// ("Revoked by EO 12553"). Returns where the items start; npos when the
// line has no label.
size_t LineLabel(std::string_view line, std::string* label) {
  size_t colon = line.find(':'), semi = line.find(';');
  auto plain = [&](size_t end) {
    if (end == std::string_view::npos || end == 0 || end > 100 || !text::IsAsciiAlpha(line[0])) return false;
    for (size_t i = 0; i < end; ++i) {
      char c = line[i];
      if (!(text::IsAsciiAlpha(c) || IsBlank(c) || c == '(' || c == ')' || c == '\'' || c == '-' || c == ',')) return false;
    }
    return true;
  };
  if (plain(colon) && (semi == std::string_view::npos || colon < semi)) {
    *label = NormalizeLabel(line.substr(0, colon));
    return colon + 1;
  }
  if (plain(semi) && RelationLabels().count(NormalizeLabel(line.substr(0, semi)))) {
    *label = NormalizeLabel(line.substr(0, semi));
    return semi + 1;
  }
  std::string lower = text::AsciiLower(line.substr(0, 60));
  size_t best = 0;
  for (const auto& [k, v] : RelationLabels()) {
    (void)v;
    if (k.size() > best && lower.size() > k.size() && lower.compare(0, k.size(), k) == 0 && lower[k.size()] == ' ')
      best = k.size();
  }
  if (!best) return std::string_view::npos;
  *label = lower.substr(0, best);
  return best;
}

// Whether a line after the title, whose label LineLabel found at `at`
// (npos: none), is about the order's own publication: "Signed:", "Federal
// Register page and date:", or a bare "9 FR 11046, September 8, 1944".
bool OwnPublicationLine(std::string_view l, size_t at, const std::string& label) {
  if (at != std::string_view::npos)
    return label == "signed" || (text::StartsWith(label, "federal register") && label.find("page") != std::string::npos);
  size_t p = 0;
  return !Digits(l, &p).empty() && l.substr(p, 4) == " FR ";
}

// An inline label starting at line[p] ("Revoked by:"); returns the position
// after its colon, or npos.
size_t InlineLabel(std::string_view line, size_t p, std::string* label) {
  if (!text::IsAsciiUpper(line[p]) || (p > 0 && text::IsAsciiAlpha(line[p - 1]))) return std::string_view::npos;
  size_t e = p;
  while (e < line.size() && e - p < 45 && (text::IsAsciiAlpha(line[e]) || line[e] == ' ' || line[e] == '(' || line[e] == ')')) ++e;
  if (e >= line.size() || line[e] != ':') return std::string_view::npos;
  std::string n = NormalizeLabel(line.substr(p, e - p));
  if (!IsInlineLabel(n)) return std::string_view::npos;
  *label = n;
  return e + 1;
}

int MonthAt(std::string_view s, size_t p, size_t* end) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  size_t e = p;
  while (e < s.size() && text::IsAsciiAlpha(s[e])) ++e;
  if (e - p < 3) return 0;
  std::string w = text::AsciiLower(s.substr(p, 3));
  for (int m = 0; m < 12; ++m)
    if (w == kMonths[m]) {
      if (e < s.size() && s[e] == '.') ++e;
      *end = e;
      return m + 1;
    }
  return 0;
}

// " of March 16, 2012" at s[p]: the position after it, else p.
size_t SkipOfDate(std::string_view s, size_t p) {
  size_t i = p;
  while (i < s.size() && s[i] == ' ') ++i;
  if (s.substr(i, 3) != "of ") return p;
  i += 3;
  size_t e;
  if (!MonthAt(s, i, &e)) return p;
  i = e;
  while (i < s.size() && s[i] == ' ') ++i;
  size_t d = i;
  Digits(s, &i);
  if (i == d) return p;
  if (i < s.size() && s[i] == ',') ++i;
  while (i < s.size() && s[i] == ' ') ++i;
  size_t y = i;
  Digits(s, &i);
  return i - y == 4 ? i : p;
}

// One numbered order in a mention: its id and where its number starts.
struct Numbered {
  std::string number;  // "12301", "7261-A", "1919-1/2"
  size_t offset;
};

// The number at s[*i] with its suffix ("7261-A", "11359A", "1919 1/2",
// "9-2"); a range "10996-11005" yields every number in it. Advances *i.
std::vector<std::string> NumberAt(std::string_view s, size_t* i) {
  std::string n = Digits(s, i);
  if (n.empty() || n.size() > 5) return {};
  size_t p = *i;
  auto boundary = [&](size_t q) { return q >= s.size() || !(text::IsAsciiAlpha(s[q]) || text::IsAsciiDigit(s[q])); };
  if (p + 1 < s.size() && s[p] == '-' && text::IsAsciiAlpha(s[p + 1]) && boundary(p + 2)) {
    *i = p + 2;
    return {n + "-" + ToUpper(s[p + 1])};
  }
  if (p < s.size() && text::IsAsciiAlpha(s[p]) && boundary(p + 1)) {
    *i = p + 1;
    return {n + "-" + ToUpper(s[p])};
  }
  if (s.substr(p, 4) == " 1/2" && boundary(p + 4)) {
    *i = p + 4;
    return {n + "-1/2"};
  }
  if (p + 1 < s.size() && s[p] == '-' && text::IsAsciiDigit(s[p + 1])) {
    size_t q = p + 1;
    std::string m = Digits(s, &q);
    if (n.size() >= 4 && m.size() >= 4 && m.size() <= 5) {
      unsigned long a = std::stoul(n), b = std::stoul(m);
      if (b > a && b - a <= 50) {
        *i = q;
        std::vector<std::string> out;
        for (unsigned long x = a; x <= b; ++x) out.push_back(std::to_string(x));
        return out;
      }
    } else if (n.size() <= 3 && m.size() <= 3) {
      *i = q;
      return {n + "-" + m};  // "EO 9-2" of 1873
    }
  }
  return {n};
}

// A mention of numbered orders at s[p]: "EO 12301", "E.O. 1", "EO's
// 10996-11005", "Executive Orders Nos. 8680, 8682, and 8683", "Executive
// Order No. 6110 of May 2, 1933". `item_start` also admits the typos "EEO"
// and "E" seen at the start of an item. Returns the numbers; *end is set
// after the mention.
std::vector<Numbered> MentionAt(std::string_view s, size_t p, bool item_start, size_t* end) {
  if (p > 0 && (text::IsAsciiAlpha(s[p - 1]) || s[p - 1] == '.')) return {};
  struct Prefix {
    const char* text;
    bool plural;
    bool typo;
  };
  static const Prefix kPrefixes[] = {
      {"Executive Orders", true, false}, {"Executive orders", true, false}, {"Executive Order", false, false},
      {"Executive order", false, false}, {"E.O.", false, false},           {"EO's", true, false},
      {"EOs", true, false},              {"EO", false, false},             {"EEO", false, true},
      {"E", false, true}};
  const Prefix* hit = nullptr;
  for (const auto& pre : kPrefixes)
    if (text::StartsWith(s.substr(p), pre.text)) {
      hit = &pre;
      break;
    }
  if (!hit || (hit->typo && !item_start)) return {};
  size_t i = p + std::char_traits<char>::length(hit->text);
  if (i < s.size() && text::IsAsciiAlpha(s[i])) return {};
  bool plural = hit->plural;
  auto skip_no = [&](size_t& q) {
    while (q < s.size() && s[q] == ' ') ++q;
    if (s.substr(q, 4) == "Nos.") {
      q += 4;
      plural = true;
    } else if (s.substr(q, 3) == "No." || s.substr(q, 3) == "no.") {
      q += 3;
    } else {
      return;
    }
    while (q < s.size() && s[q] == ' ') ++q;
  };
  skip_no(i);
  if (hit->typo) {
    // "EEO 13218", "E 6927": a space, then the number of an order.
    if (i >= s.size() || !text::IsAsciiDigit(s[i]) || s[i - 1] != ' ') return {};
  }
  std::vector<Numbered> out;
  std::vector<std::string> ns = NumberAt(s, &i);
  if (ns.empty()) return {};
  for (auto& n : ns) out.push_back({n, p});  // the first names the whole mention: "EO 12301"
  // Lists go on after a plural ("Executive Orders 7021 and 7022") or "No.".
  for (;;) {
    size_t q = SkipOfDate(s, i);
    while (q < s.size() && s[q] == ' ') ++q;
    bool sep = false;
    if (q < s.size() && s[q] == ',') {
      ++q;
      sep = true;
    }
    while (q < s.size() && s[q] == ' ') ++q;
    if (s.substr(q, 4) == "and " || s.substr(q, 3) == "or ") {
      q += s[q] == 'a' ? 4 : 3;
      sep = true;
    }
    if (!sep) break;
    size_t before_no = q;
    bool was_plural = plural;
    skip_no(q);
    bool numbered = q != before_no;
    if (!(was_plural || numbered) || q >= s.size() || !text::IsAsciiDigit(s[q])) break;
    size_t num_at = q;
    std::vector<std::string> more = NumberAt(s, &q);
    // A day or a year is not an order's number ("Nos. 8680, 8682, and 8683
    // of February 14, 1941" ends before the date).
    if (more.empty() || (more.size() == 1 && more[0].size() < 3)) break;
    for (auto& n : more) out.push_back({n, num_at});
    i = q;
  }
  *end = i;
  return out;
}

// True when the mention at p stands where an item starts: at the start of
// the items, or after a separator, the date or note of the item before
// ("EO 1, May 2, 1933 EO 3"), or "and". Not after other words ("read in
// conjunction with EO 12333").
bool ItemPlace(std::string_view s, size_t items_begin, size_t p) {
  size_t q = p;
  while (q > items_begin && s[q - 1] == ' ') --q;
  if (q == items_begin) return true;
  char c = s[q - 1];
  if (c == ':' || c == ';' || c == ',' || c == ')' || c == ']' || text::IsAsciiDigit(c)) return true;
  size_t w = q;
  while (w > items_begin && text::IsAsciiAlpha(s[w - 1])) --w;
  std::string word(s.substr(w, q - w));
  return word == "and" || word == "or";
}

}  // namespace

std::optional<RelationType> DispositionRelation(std::string_view label) {
  auto it = RelationLabels().find(NormalizeLabel(label));
  if (it == RelationLabels().end()) return std::nullopt;
  return it->second;
}

bool LooksLikeDispositionTable(std::string_view head) {
  std::vector<TextLine> lines = SplitLines(head);
  size_t i = 0;
  if (text::StartsWith(head, "\xEF\xBB\xBF") && !lines.empty()) lines[0].text.remove_prefix(3);
  while (i < lines.size() && BlankLine(lines[i].text)) ++i;
  if (i + 2 >= lines.size() || HeadingNumber(lines[i].text).empty()) return false;
  // The title, then the order's indented lines, the first of which is "Signed:".
  const std::string_view title = lines[i + 1].text;
  if (BlankLine(title) || Indent(title) > 0) return false;
  for (size_t k = i + 2; k < lines.size(); ++k) {
    std::string_view l = lines[k].text;
    if (BlankLine(l)) continue;
    size_t in = Indent(l);
    if (in > 0 && l[in] == '#') continue;  // an editor's comment
    return in > 0 && text::StartsWith(l.substr(in), "Signed:");
  }
  return false;
}

DispositionReading ReadDispositionBlock(std::string_view text, const std::string& own_id) {
  DispositionReading r;
  std::vector<TextLine> lines = SplitLines(text);
  size_t k = 0;
  while (k < lines.size() && BlankLine(lines[k].text)) ++k;
  ++k;  // the heading: the order's own number
  // The title is the line right after the heading (no blank line between).
  const bool has_title = k < lines.size() && !BlankLine(lines[k].text);
  auto add = [&](const std::vector<Numbered>& ns, std::optional<RelationType> relation) {
    for (const auto& n : ns) {
      std::string id = "eo:" + n.number;
      if (id != own_id) r.refs.push_back({id, relation, n.offset});
    }
  };
  bool title = has_title;
  for (; k < lines.size(); ++k) {
    const TextLine& line = lines[k];
    if (BlankLine(line.text)) continue;
    std::string_view l = line.text;
    std::string label;
    size_t items = 0;
    if (!title) {
      size_t at = LineLabel(l, &label);
      if (at != std::string_view::npos) items = at;
      if (OwnPublicationLine(l, at, label)) r.own_lines.push_back({line.begin, line.begin + l.size()});
    }
    title = false;
    std::optional<RelationType> relation = DispositionRelation(label);
    size_t items_begin = items;
    int depth = 0;
    for (size_t p = items; p < l.size();) {
      char c = l[p];
      std::string inline_label;
      size_t after = InlineLabel(l, p, &inline_label);
      if (after != std::string_view::npos) {
        relation = DispositionRelation(inline_label);
        items_begin = p = after;
        depth = 0;
        continue;
      }
      if (c == '(' || c == '[') ++depth;
      if ((c == ')' || c == ']') && depth > 0) --depth;
      if (c != 'E') {  // every mention starts "E": EO, E.O., Executive Order
        ++p;
        continue;
      }
      size_t end = p;
      bool place = ItemPlace(l, items_begin, p);
      std::vector<Numbered> ns = MentionAt(l, p, place, &end);
      if (ns.empty()) {
        ++p;
        continue;
      }
      // The rest of the item: "(unnumbered series)" numbers are not EO numbers.
      size_t semi = l.find(';', end);
      std::string_view rest = l.substr(end, (semi == std::string_view::npos ? l.size() : semi) - end);
      size_t next = rest.find("EO ");
      if (rest.substr(0, next).find("unnumbered") == std::string_view::npos) {
        for (auto& n : ns) n.offset += line.begin;
        add(ns, depth == 0 && place ? relation : std::nullopt);
      }
      p = end;
    }
  }
  return r;
}

bool OnOwnPublicationLine(std::string_view text, size_t offset) {
  // The heading and the title come first, without a blank line between.
  const size_t head_end = text.find("\n\n");
  if (head_end == std::string_view::npos || offset < head_end || offset >= text.size()) return false;
  size_t b = text.rfind('\n', offset);
  b = b == std::string_view::npos ? 0 : b + 1;
  size_t e = text.find('\n', offset);
  std::string_view l = text.substr(b, (e == std::string_view::npos ? text.size() : e) - b);
  if (BlankLine(l)) return false;
  std::string label;
  return OwnPublicationLine(l, LineLabel(l, &label), label);
}

std::string DispositionHeadingNumber(std::string_view line) { return HeadingNumber(line); }

size_t DispositionLineLabel(std::string_view line, std::string* label) { return LineLabel(line, label); }

void DispositionNoteRelations(const std::string& notes, const std::string& own, std::vector<RelationRef>* out) {
  std::optional<RelationType> type;
  size_t i = 0;
  const std::string lower = text::AsciiLower(notes);
  while (i < notes.size()) {
    // A label is the text before a colon, after the previous separator.
    size_t colon = notes.find(':', i);
    size_t eo = lower.find("eo ", i);
    if (colon != std::string::npos && (eo == std::string::npos || colon < eo)) {
      size_t start = notes.find_last_of(";\n", colon);
      start = start == std::string::npos || start < i ? i : start + 1;
      std::string label = text::Trim(lower.substr(start, colon - start));
      type = DispositionRelation(label);  // the tables' labels, a superset of the notes'
      i = colon + 1;
      continue;
    }
    if (eo == std::string::npos) break;
    std::string n = ReadNumber(notes, eo + 3);
    if (type && n.size() >= 4 && "eo:" + n != own)
      out->push_back({*type, "eo:" + n, kNoOffset, "metadata"});
    i = eo + 3;
  }
}

}  // namespace lodestone::internal
