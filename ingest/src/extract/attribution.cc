#include "lodestone/ingest/attribution.h"

#include <array>

#include "lodestone/text/ascii.h"

namespace lodestone {

namespace {

// Id types of U.S. authorities (DESIGN.md, "Identifiers"); acts in the
// knowledge base are U.S. statutes.
constexpr std::array<const char*, 10> kUsIdTypes = {"eo", "pl", "usc", "cfr", "fr", "stat", "bill", "pd", "frdoc", "act"};
// Formats only U.S. government sources have.
constexpr std::array<const char*, 6> kUsFormats = {"fr-xml", "fr-html", "gpo-html", "fr-json", "uslm-xml",
                                                   "eo-disposition"};
// Folders of the White House briefing room, as its pages are tagged.
constexpr std::array<const char*, 4> kWhiteHouseTags = {"presidential-actions", "statements-releases", "fact-sheets",
                                                        "briefings-statements"};

template <typename List>
bool In(const std::string& s, const List& list) {
  for (const char* x : list)
    if (s == x) return true;
  return false;
}

std::string IdType(const std::string& id) {
  size_t colon = id.find(':');
  return colon == std::string::npos ? std::string() : id.substr(0, colon);
}

std::string Meta(const Document& d, const char* key) {
  auto it = d.meta.find(key);
  return it == d.meta.end() ? std::string() : it->second;
}

// "https://www.whitehouse.gov/briefing-room/..." -> "whitehouse.gov".
std::string UrlHost(const std::string& url) {
  size_t start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  size_t end = url.find_first_of("/:?#", start);
  std::string host = text::AsciiLower(url.substr(start, end == std::string::npos ? std::string::npos : end - start));
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  return host;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool FromUsGovernment(const Document& d) {
  if (In(IdType(d.id), kUsIdTypes) || In(d.format, kUsFormats)) return true;
  for (const auto& s : d.sources)
    if (In(s.format, kUsFormats)) return true;
  const std::string host = UrlHost(d.url);
  if (EndsWith(host, ".gov") || EndsWith(host, ".mil") || host == "gov" || host == "mil") return true;
  if (In(Meta(d, "tags"), kWhiteHouseTags)) return true;
  return !Meta(d, "usc_title").empty();  // an excerpt of the U.S. Code
}

// Texts of Congress, or the law as amended under many presidents: no one
// president's document.
bool Congressional(const Document& d) {
  const std::string type = IdType(d.id);
  return type == "bill" || type == "usc" || !Meta(d, "usc_title").empty();
}

// A Chinese law, regulation or notice, or an "other" whose title names the
// state or an instrument (announcement, decision, notice, explanation,
// opinions): not a provenance note or a bibliographic file that happens to
// be in Chinese.
bool ChineseInstrument(const Document& d) {
  if (d.language != "zh") return false;
  if (d.kind != Kind::kOther) return true;
  for (const char* w : {"中华人民共和国", "公告", "决定", "通知", "说明", "意见"})
    if (d.title.find(w) != std::string::npos) return true;
  return false;
}

std::string Jurisdiction(const Document& d) {
  if (d.jurisdiction == "us" || d.jurisdiction == "cn" || d.jurisdiction == "intl") return d.jurisdiction;
  if (d.kind == Kind::kPaper) return "";
  if (ChineseInstrument(d)) return "cn";
  if (FromUsGovernment(d)) {
    const bool joint = (d.kind == Kind::kStatement || d.kind == Kind::kFactSheet) && IsJointTitle(d.title);
    return joint ? "intl" : "us";
  }
  return "";
}

// The president a source names: the Federal Register's "signed by", else
// the White House archive the page was copied from.
const Entity* StatedPresident(const KnowledgeBase& kb, const Document& d) {
  const std::string signer = Meta(d, "signed_by");
  if (!signer.empty())
    for (const Entity* e : kb.Lookup(signer))
      if (kb.AdministrationOf(e->id, "")) return e;
  if (!d.url.empty()) return kb.PresidentOfArchive(UrlHost(d.url));
  return nullptr;
}

}  // namespace

bool IsJointTitle(const std::string& title) {
  std::string t = " " + text::AsciiLower(title);
  // Curly apostrophes and non-breaking spaces as the White House prints them.
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"\xE2\x80\x99", "'"}, {"\xC2\xA0", " "}}) {
    for (size_t p; (p = t.find(from)) != std::string::npos;) t.replace(p, from.size(), to);
  }
  if (t.find(" joint ") != std::string::npos) return true;
  // The White House's own account of a meeting, even about a joint text
  // ("Readout of White House Meetings on the U.S.-UK Atlantic Declaration").
  if (t.rfind(" readout", 0) == 0) return false;
  for (const char* m : {"communiqu", "declaration", " compact", "statement of intent", "roadmap", "leaders' statement",
                        "memorandum of understanding"})
    if (t.find(m) != std::string::npos) return true;
  for (const char* opening : {" g7 ", " g20 ", " quad ", " c5+1 "})
    if (t.rfind(opening, 0) == 0) return true;
  return false;
}

void Attribute(const KnowledgeBase& kb, Document* doc) {
  Document& d = *doc;
  d.jurisdiction = Jurisdiction(d);
  for (const char* k : {"president", "president_source", "president_by_date"}) d.meta.erase(k);
  // U.S. documents, and joint texts the U.S. government released.
  const bool us_side = d.jurisdiction == "us" || (d.jurisdiction == "intl" && FromUsGovernment(d));
  if (!us_side || Congressional(d)) return;
  const Administration* on_date = kb.AdministrationOn(d.date);
  if (const Entity* stated = StatedPresident(kb, d)) {
    d.meta["president"] = stated->id;
    d.meta["president_source"] = "stated";
    if (on_date && on_date->president != stated->id) d.meta["president_by_date"] = on_date->president;
  } else if (on_date) {
    d.meta["president"] = on_date->president;
    d.meta["president_source"] = "date";
  }
}

}  // namespace lodestone
