#include "extract/own_id.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "formats/dates.h"
#include "formats/language.h"
#include "formats/whitespace.h"
#include "lodestone/text/ascii.h"

namespace lodestone::internal {

namespace {


// A dash between the two parts of a number: - – — ‑ ‐
size_t DashAt(std::string_view s, size_t i) {
  if (i < s.size() && s[i] == '-') return 1;
  for (std::string_view d : {"\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\x91", "\xE2\x80\x90"})
    if (s.compare(i, d.size(), d) == 0) return d.size();
  return 0;
}

size_t Digits(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size() && text::IsAsciiDigit(s[j])) ++j;
  return j - i;
}

std::string_view LineAt(std::string_view text, size_t start) {
  size_t nl = text.find('\n', start);
  return text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
}

// The next non-blank line after the one that starts at `start`.
std::string NextLine(std::string_view text, size_t start) {
  size_t nl = text.find('\n', start);
  while (nl != std::string_view::npos) {
    std::string line = text::Trim(LineAt(text, nl + 1));
    if (!line.empty()) return line;
    nl = text.find('\n', nl + 1);
  }
  return {};
}

struct Form {
  std::string_view words;  // as printed, including the trailing space
  const char* type;
  Kind kind;
};


// NBSP and runs of white space become one space.
std::string Squeeze(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    bool space = s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r';
    if (s.compare(i, 2, "\xC2\xA0") == 0) {
      space = true;
      ++i;
    }
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += s[i];
    }
  }
  return text::Trim(out);
}

std::optional<OwnHeading> MatchHeading(std::string_view line, const std::string& next_line) {
  static const Form kForms[] = {
      {"Executive Order No. ", "eo", Kind::kExecutiveOrder},
      {"Executive Order ", "eo", Kind::kExecutiveOrder},
      {"EXECUTIVE ORDER ", "eo", Kind::kExecutiveOrder},
      {"Proclamation No. ", "proc", Kind::kProclamation},
      {"Proclamation ", "proc", Kind::kProclamation},
      {"PROCLAMATION ", "proc", Kind::kProclamation},
      {"Presidential Determination No. ", "pd", Kind::kPresidentialMemorandum},
      {"PRESIDENTIAL DETERMINATION NO. ", "pd", Kind::kPresidentialMemorandum},
      {"Public Law ", "pl", Kind::kLaw},
      {"PUBLIC LAW ", "pl", Kind::kLaw},
  };
  for (const Form& f : kForms) {
    if (line.compare(0, f.words.size(), f.words) != 0) continue;
    size_t p = f.words.size();
    const std::string type = f.type;
    std::string number;
    if (type == "eo" || type == "proc") {
      size_t n = Digits(line, p);
      if (n < 4 || n > 5) return std::nullopt;
      number = std::string(line.substr(p, n));
      p += n;
    } else {
      // pd:2022-07, pl:117-169
      size_t a = Digits(line, p);
      size_t dash = a ? DashAt(line, p + a) : 0;
      size_t b = dash ? Digits(line, p + a + dash) : 0;
      if (!b || (type == "pd" && a != 4) || (type == "pl" && a > 3)) return std::nullopt;
      number = std::string(line.substr(p, a)) + "-" + std::string(line.substr(p + a + dash, b));
      p += a + dash + b;
    }
    if (p < line.size() && (text::IsAsciiDigit(line[p]) || std::isalpha(static_cast<unsigned char>(line[p]))))
      return std::nullopt;  // "Executive Order 12345a", a longer number
    OwnHeading h;
    h.id = type + ":" + (type == "eo" || type == "proc" ? std::to_string(std::stoul(number)) : number);
    h.number = number;
    h.kind = f.kind;
    std::string rest = text::Trim(line.substr(p));
    if (rest.empty()) {
      h.title = next_line;
      return h;
    }
    // "of May 1, 2001" then the end of the line or a title; "—AUG. 16, 2022"
    // after a public law's number.
    std::string_view r = line.substr(p);
    size_t q = 0;
    while (q < r.size() && r[q] == ' ') ++q;
    if (r.compare(q, 3, "of ") == 0) q += 3;
    else if (size_t d = DashAt(r, q)) q += d;
    else if (type == "pl" && r[q] == ',') q += 1;
    else return std::nullopt;  // the rest of a sentence: "Executive Order 13694 is amended"
    // The date ends with its four-digit year.
    size_t y = q;
    while (y < r.size() && y < q + 24 && !(Digits(r, y) == 4 && (y == 0 || !text::IsAsciiDigit(r[y - 1])))) ++y;
    if (y >= r.size() || Digits(r, y) != 4) return std::nullopt;
    std::string date = ParseDate(text::Trim(r.substr(q, y + 4 - q)));
    if (date.empty()) return std::nullopt;
    std::string after = text::Trim(r.substr(y + 4));
    if (!after.empty()) {
      // A title, not a sentence: "Executive Order 14148 of January 20, 2025,
      // revoked ..." or "... 2025 (Initial Rescissions ...)" are citations.
      unsigned char c = static_cast<unsigned char>(after[0]);
      if (!std::isupper(c)) return std::nullopt;
    }
    h.date = date;
    h.title = after.empty() ? next_line : after;
    return h;
  }
  return std::nullopt;
}

}  // namespace

std::optional<OwnHeading> ReadOwnHeading(std::string_view text) {
  size_t start = 0;
  while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
  std::string first = Squeeze(LineAt(text, start));
  size_t nl = text.find('\n', start);
  std::string second = nl == std::string_view::npos ? std::string() : Squeeze(LineAt(text, nl + 1));
  // The heading is the first line, or the first two when the number is
  // wrapped onto the second ("Presidential Determination" / "No. 2022-07").
  if (auto h = MatchHeading(first, NextLine(text, start))) return h;
  if (!second.empty() && first.size() < 40) {
    size_t after_second = nl == std::string_view::npos ? text.size() : nl + 1;
    return MatchHeading(first + " " + second, NextLine(text, after_second));
  }
  return std::nullopt;
}


std::optional<LawVersion> ReadPromulgationHistory(std::string_view text) {
  size_t limit = std::min<size_t>(text.size(), 2400);
  for (std::string_view stop : {"第一条", "第一章"}) limit = std::min(limit, text.find(stop));
  std::string_view head = text.substr(0, limit);
  struct Event {
    std::string date;
    std::string what;  // 通过 修正 修订 公布 发布
    size_t offset;
  };
  std::vector<size_t> starts;  // lines that open with a date
  for (size_t i = 0; i < head.size();) {
    size_t b = i;
    while (b < head.size() && (head[b] == ' ' || head[b] == '\t')) ++b;
    if (b + 4 < head.size() && Digits(head, b) == 4 && head.compare(b + 4, 3, "年") == 0 &&
        !FindChineseDate(LineAt(head, b).substr(0, 24)).empty())
      starts.push_back(b);
    size_t nl = head.find('\n', i);
    if (nl == std::string_view::npos) break;
    i = nl + 1;
  }
  std::vector<Event> events;
  for (size_t k = 0; k < starts.size(); ++k) {
    size_t end = k + 1 < starts.size() ? starts[k + 1] : head.size();
    std::string_view seg = head.substr(starts[k], end - starts[k]);
    // The event is the last of these words on its line(s) (a decision's title
    // such as 《关于修改…的决定》 comes before it); 施行 (entry into force)
    // makes no version.
    size_t best = std::string_view::npos;
    std::string what;
    for (std::string_view w : {"通过", "修正", "修订", "公布", "发布", "施行"}) {
      size_t at = seg.rfind(w);
      if (at != std::string_view::npos && (best == std::string_view::npos || at > best)) {
        best = at;
        what = std::string(w);
      }
    }
    if (what.empty() || what == "施行") continue;
    events.push_back({FindChineseDate(seg.substr(0, 24)), what, starts[k]});
  }
  if (events.empty()) return std::nullopt;
  auto latest = std::max_element(events.begin(), events.end(), [](const Event& a, const Event& b) {
    // On one day, the revision is the event that makes the version.
    bool ra = a.what == "修正" || a.what == "修订", rb = b.what == "修正" || b.what == "修订";
    return a.date != b.date ? a.date < b.date : ra < rb;
  });
  LawVersion v;
  v.date = latest->date;
  v.offset = latest->offset;
  if (latest->what == "修正" || latest->what == "修订")
    for (const Event& e : events)
      if (e.date < latest->date && e.date > v.previous) v.previous = e.date;
  return v;
}

std::string ChineseLawId(std::string_view title, const std::string& date) {
  std::string t;
  for (size_t i = 0; i < title.size(); ++i) {
    if (title[i] == ' ' || title[i] == '\t') continue;
    if (title.compare(i, 3, "\xE3\x80\x80") == 0) {  // ideographic space
      i += 2;
      continue;
    }
    t += title[i];
  }
  // "中华人民共和国矿产资源法（2024年修订）": the note names the version, the
  // date says it already.
  for (std::string_view open : {"（", "("}) {
    size_t p = t.rfind(open);
    if (p != std::string::npos && p > 0) {
      std::string note = t.substr(p);
      if (note.find("修订") != std::string::npos || note.find("修正") != std::string::npos ||
          note.find("年") != std::string::npos)
        t.resize(p);
    }
  }
  return "cnlaw:" + t + "@" + date;
}

bool TakeOwnHeading(Document& d) {
  auto h = ReadOwnHeading(d.text);
  if (!h) return false;
  const std::string heading_line = FirstLine(std::string_view(d.text).substr(d.text.find_first_not_of(" \t\n")));
  d.id = h->id;
  d.number = h->number;
  d.kind = h->kind;
  if (!h->date.empty()) d.date = h->date;
  // A title taken from the first line is the heading itself; the order's
  // title is what follows its date, or the next line.
  if ((d.title.empty() || d.title == heading_line) && !h->title.empty()) d.title = h->title.substr(0, 200);
  if (d.language.empty()) d.language = GuessLanguage(d.text);
  return true;
}

// A Chinese law or regulation that opens with its promulgation history is
// one version of the law: dated by its latest event, with an id that tells
// the versions apart, and superseding the version it revised (own_id.h).
void TakeChineseVersion(Document& d) {
  if (d.title.empty() || static_cast<unsigned char>(d.title[0]) < 0xE0) return;
  if (d.kind != Kind::kLaw && d.kind != Kind::kRegulation) return;
  auto v = ReadPromulgationHistory(d.text);
  if (!v) return;
  d.date = v->date;
  d.id = ChineseLawId(d.title, d.date);
  if (!v->previous.empty())
    d.relations.push_back({RelationType::kSupersedes, ChineseLawId(d.title, v->previous), static_cast<uint32_t>(v->offset), "metadata"});
}

}  // namespace lodestone::internal
