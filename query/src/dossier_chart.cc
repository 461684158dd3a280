// The dossier's timeline chart (dossier.h), drawn here as SVG text: no
// plotting library, the same bytes for the same result. Years run left to
// right; U.S. measures stack above the axis, China's below, one circle per
// dated measure (filled while in force on the end date, hollow once
// revoked or superseded); administrations are shaded bands; each sequence
// pair is a dashed line between its two points, titled as a sequence.
#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

#include "lodestone/query/dossier.h"
#include "markup_text.h"

namespace lodestone::query {

namespace {

using internal::Html;

constexpr int kWidth = 1000, kLeft = 40, kRight = 20;
constexpr double kStep = 7, kRadius = 3;
constexpr double kMaxSide = 240;  // pixels a side's stacks may take

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// A date's position as a fraction of years: 2021-07-01 -> 2021.5.
double YearOf(const std::string& d) {
  double y = std::stod(d.substr(0, 4));
  if (d.size() >= 7) y += (std::stod(d.substr(5, 2)) - 1) / 12.0;
  if (d.size() >= 10) y += (std::stod(d.substr(8, 2)) - 1) / 365.0;
  return y;
}

struct Point {
  const DossierMeasure* m;
  bool us;
  double x = 0, y = 0;
};

}  // namespace

std::string DossierChartSvg(const DossierResult& r, const std::string& link_base) {
  std::vector<Point> points;
  auto add = [&](const DossierMeasure& m, bool us) {
    if (m.doc.date.size() >= 4) points.push_back({&m, us});
  };
  for (const auto& a : r.us)
    for (const auto& m : a.measures) add(m, true);
  for (const auto& m : r.us_unattributed) add(m, true);
  for (const auto& m : r.china) add(m, false);

  // The years shown: the request's range, else the measures', whole years.
  int y0 = 0, y1 = 0;
  if (!r.request.from.empty()) y0 = std::stoi(r.request.from.substr(0, 4));
  if (!r.request.to.empty()) y1 = std::stoi(r.request.to.substr(0, 4)) + 1;
  for (const Point& p : points) {
    const int y = std::stoi(p.m->doc.date.substr(0, 4));
    if (r.request.from.empty() && (y0 == 0 || y < y0)) y0 = y;
    if (r.request.to.empty() && (y1 == 0 || y + 1 > y1)) y1 = y + 1;
  }
  if (y0 == 0) y0 = y1 ? y1 - 1 : 2000;
  if (y1 <= y0) y1 = y0 + 1;
  const double span = y1 - y0;
  auto xof = [&](double year) { return kLeft + (year - y0) / span * (kWidth - kLeft - kRight); };

  // Stacks: one column per 2 pixels of x, per side.
  std::map<std::pair<bool, int>, int> column;
  int most_us = 0, most_cn = 0;
  for (Point& p : points) {
    p.x = xof(YearOf(p.m->doc.date));
    int& k = column[{p.us, static_cast<int>(p.x / (2 * kRadius + 1))}];
    p.y = k++;
    (p.us ? most_us : most_cn) = std::max(p.us ? most_us : most_cn, k);
  }
  const double step_us = most_us * kStep > kMaxSide ? kMaxSide / most_us : kStep;
  const double step_cn = most_cn * kStep > kMaxSide ? kMaxSide / most_cn : kStep;
  const double top = 40, up = std::max(60.0, most_us * step_us + 16), down = std::max(60.0, most_cn * step_cn + 16);
  const double axis = top + up, height = axis + down + 56;
  for (Point& p : points) p.y = p.us ? axis - 8 - p.y * step_us : axis + 8 + p.y * step_cn;

  std::ostringstream o;
  o << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dossier-chart\" viewBox=\"0 0 " << kWidth << " "
    << Num(height) << "\" width=\"" << kWidth << "\" height=\"" << Num(height) << "\" role=\"img\" aria-label=\""
    << Html("Timeline of measures on " + r.subject.name + ": United States above the axis, China below") << "\""
    << " font-family=\"sans-serif\" font-size=\"11\">\n";
  o << "<title>" << Html("Measures on " + r.subject.name + ", " + std::to_string(y0) + "–" + std::to_string(y1 - 1))
    << "</title>\n";
  // Administrations.
  bool shade = false;
  for (const auto& a : r.us) {
    const std::string& from = a.administration.from;
    const std::string to = a.administration.to.empty() ? std::to_string(y1) + "-01-01" : a.administration.to;
    const double xa = std::max<double>(kLeft, xof(YearOf(from))), xb = std::min<double>(kWidth - kRight, xof(YearOf(to)));
    if (xb <= xa) continue;
    o << "<rect class=\"administration\" x=\"" << Num(xa) << "\" y=\"" << Num(top) << "\" width=\"" << Num(xb - xa)
      << "\" height=\"" << Num(up) << "\" fill=\"" << (shade ? "#eef2f8" : "#f7f9fc") << "\"/>\n";
    // The full label where it fits (about 6 pixels a character), else the
    // surname, else nothing.
    std::string label = AdministrationLabel(a.administration);
    if (label.size() * 6.0 > xb - xa - 4) {
      const std::string& name = a.administration.name;
      label = name.substr(name.rfind(' ') == std::string::npos ? 0 : name.rfind(' ') + 1);
    }
    if (label.size() * 6.0 <= xb - xa - 4)
      o << "<text x=\"" << Num(xa + 3) << "\" y=\"" << Num(top + 12) << "\" fill=\"#555\">" << Html(label)
        << "</text>\n";
    shade = !shade;
  }
  // Axis, years, side labels.
  o << "<line x1=\"" << kLeft << "\" y1=\"" << Num(axis) << "\" x2=\"" << kWidth - kRight << "\" y2=\"" << Num(axis)
    << "\" stroke=\"#333\"/>\n";
  const int every = span > 30 ? 5 : span > 12 ? 2 : 1;
  for (int y = y0; y <= y1; ++y) {
    if ((y - y0) % every) continue;
    o << "<line x1=\"" << Num(xof(y)) << "\" y1=\"" << Num(axis - 3) << "\" x2=\"" << Num(xof(y)) << "\" y2=\""
      << Num(axis + 3) << "\" stroke=\"#333\"/><text x=\"" << Num(xof(y)) << "\" y=\"" << Num(axis + down + 14)
      << "\" text-anchor=\"middle\" fill=\"#333\">" << y << "</text>\n";
  }
  o << "<text x=\"4\" y=\"" << Num(axis - 10) << "\" fill=\"#1f5fa8\" font-weight=\"bold\">U.S.</text>\n";
  o << "<text x=\"4\" y=\"" << Num(axis + 18) << "\" fill=\"#b03a2e\" font-weight=\"bold\">China</text>\n";
  // Sequence pairs under the points.
  std::map<std::string, const Point*> at;
  for (const Point& p : points) at.emplace(p.m->doc.id, &p);
  for (const DossierSequence& s : r.sequences) {
    auto a = at.find(s.first), b = at.find(s.second);
    if (a == at.end() || b == at.end()) continue;
    o << "<line class=\"sequence\" x1=\"" << Num(a->second->x) << "\" y1=\"" << Num(a->second->y) << "\" x2=\""
      << Num(b->second->x) << "\" y2=\"" << Num(b->second->y)
      << "\" stroke=\"#888\" stroke-dasharray=\"3 3\"><title>"
      << Html("Sequence, not cause: " + s.first + " (" + s.first_date + ") then " + s.second + " (" + s.second_date +
              "), " + std::to_string(s.days) + " days later")
      << "</title></line>\n";
  }
  for (const Point& p : points) {
    const TraceDocument& d = p.m->doc;
    const char* colour = d.jurisdiction == "cn" ? "#b03a2e" : d.jurisdiction == "intl" ? "#138d75" : "#1f5fa8";
    const bool in_force = d.status.in_force;
    o << "<a href=\"" << Html(link_base + d.id) << "\"><circle class=\"measure\" data-id=\"" << Html(d.id)
      << "\" cx=\"" << Num(p.x) << "\" cy=\"" << Num(p.y) << "\" r=\"" << Num(kRadius) << "\" fill=\""
      << (in_force ? colour : "#fff") << "\" stroke=\"" << colour << "\"><title>"
      << Html(d.date + " " + d.id + " — " + d.title + (in_force ? "" : " (" + d.status.state + ")"))
      << "</title></circle></a>\n";
  }
  // Legend, two lines.
  o << "<text x=\"" << kLeft << "\" y=\"" << Num(height - 24) << "\" fill=\"#333\">"
    << Html("● in force on " + (r.status_on.empty() ? std::string("the latest date the index knows") : r.status_on) +
            "   ○ revoked or superseded   blue: U.S.   green: joint (intl)   red: China")
    << "</text>\n";
  o << "<text x=\"" << kLeft << "\" y=\"" << Num(height - 9) << "\" fill=\"#333\">"
    << Html("dashed: a measure followed within 12 months by one of the other side naming the same mineral — a "
            "sequence in time, not a cause")
    << "</text>\n";
  o << "</svg>\n";
  return o.str();
}

}  // namespace lodestone::query
