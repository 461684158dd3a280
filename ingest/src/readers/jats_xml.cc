// JATS XML articles (PubMed Central, eLife): a paper with its abstract and
// body, authors and their affiliations, keywords and the reference list with
// each reference's DOI, PubMed id, title, year, source, volume and page.
#include <cctype>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "formats/dates.h"
#include "formats/paper_fields.h"
#include "formats/whitespace.h"
#include "formats/xml.h"
#include "lodestone/text/ascii.h"
#include "readers/ids.h"
#include "readers/reader.h"

namespace lodestone::internal {

namespace {

// <aff id="aff1"><institution content-type="dept">Department of Genetics</institution>,
// <institution>Harvard Medical School</institution>, …, <country>United States</country></aff>:
// the organisation is the institution that is not a department. Each <aff>
// once (eLife repeats them inside contribs without ids).
void JatsAffiliations(xmlNode* am, const std::map<std::string, std::vector<std::string>>& authors_at,
                      std::vector<Affiliation>* out) {
  std::vector<xmlNode*> affs;
  FindAll(am, "aff", &affs);
  std::unordered_set<std::string> seen;
  for (xmlNode* a : affs) {
    std::string address = CleanWhitespace(Text(a, {"label"}));
    if (address.empty() || !seen.insert(address).second) continue;
    Affiliation aff;
    aff.address = address;
    std::vector<xmlNode*> insts;
    FindAll(a, "institution", &insts);
    for (xmlNode* i : insts)
      if (Attr(i, "content-type") != "dept") {
        aff.organization = CleanWhitespace(Text(i));
        break;
      }
    if (aff.organization.empty() && !insts.empty()) aff.organization = CleanWhitespace(Text(insts.front()));
    if (xmlNode* c = Find(a, "country")) aff.country = CleanWhitespace(Text(c));
    if (aff.organization.empty() && aff.country.empty()) aff = ParseFreeAddress(address);
    if (auto it = authors_at.find(Attr(a, "id")); it != authors_at.end()) aff.authors = it->second;
    out->push_back(std::move(aff));
  }
}

// <kwd-group kwd-group-type="author-keywords"><kwd>…</kwd></kwd-group>: the
// authors' keywords; groups of another type (eLife's "research-organism")
// are a publisher's terms.
void JatsKeywords(xmlNode* am, Document* d) {
  std::vector<xmlNode*> groups;
  FindAll(am, "kwd-group", &groups);
  for (xmlNode* g : groups) {
    const std::string type = Attr(g, "kwd-group-type");
    const bool authors = type.empty() || type == "author-keywords" || type == "author-generated";
    std::vector<xmlNode*> kwds;
    FindAll(g, "kwd", &kwds);
    for (xmlNode* k : kwds) {
      std::string kw = CleanWhitespace(Text(k));
      if (!kw.empty()) (authors ? d->keywords : d->index_keywords).push_back(std::move(kw));
    }
  }
}

Result<std::vector<Document>> ReadJats(const FileInput& in) {
  auto parsed = ParseXml(in.bytes);
  if (!parsed.ok()) return parsed.status();
  xmlNode* root = xmlDocGetRootElement(parsed->get());
  if (!root || Name(root) != "article") return Status::ParseError("not a JATS article (root is not <article>)");
  xmlNode* am = Find(root, "article-meta");
  Document d;
  d.format = "jats-xml";
  d.kind = Kind::kPaper;
  d.language = "en";
  std::vector<xmlNode*> ids;
  FindAll(am, "article-id", &ids);
  for (xmlNode* n : ids)
    if (Attr(n, "pub-id-type") == "doi") d.meta["doi"] = text::AsciiLower(text::Trim(Text(n)));
  if (xmlNode* t = Find(am, "article-title")) d.title = CleanWhitespace(Text(t));
  std::vector<xmlNode*> contribs;
  FindAll(Find(am, "contrib-group"), "contrib", &contribs);
  std::map<std::string, std::vector<std::string>> authors_at;  // aff id -> authors pointing to it
  for (xmlNode* c : contribs) {
    if (Attr(c, "contrib-type") != "author") continue;
    xmlNode* name = Find(c, "name");
    if (!name) continue;
    std::string given = text::Trim(Text(Find(name, "given-names"))), sur = text::Trim(Text(Find(name, "surname")));
    d.authors.push_back(given.empty() ? sur : given + " " + sur);
    std::vector<xmlNode*> xrefs;
    FindAll(c, "xref", &xrefs);
    for (xmlNode* x : xrefs)
      if (Attr(x, "ref-type") == "aff") authors_at[Attr(x, "rid")].push_back(d.authors.back());
  }
  JatsAffiliations(am, authors_at, &d.affiliations);
  JatsKeywords(am, &d);
  std::vector<xmlNode*> dates;
  FindAll(am, "pub-date", &dates);
  for (xmlNode* pd : dates) {
    std::string y = text::Trim(Text(Find(pd, "year"))), m = text::Trim(Text(Find(pd, "month"))), day = text::Trim(Text(Find(pd, "day")));
    if (y.size() == 4 && !m.empty() && !day.empty()) {
      d.date = ParseDate(y + "-" + (m.size() == 1 ? "0" + m : m) + "-" + (day.size() == 1 ? "0" + day : day));
      break;
    }
    if (d.date.empty() && y.size() == 4) d.date = y + "-01-01";
  }
  static const std::vector<std::string_view> kBlocks = {"p", "title", "sec", "caption", "list-item", "label"};
  std::string abstract = CleanWhitespace(Text(Find(am, "abstract"), {}, kBlocks));
  std::string body = CleanWhitespace(Text(Find(root, "body"), {"xref", "table-wrap", "fig"}, kBlocks));
  d.text = abstract + (abstract.empty() || body.empty() ? "" : "\n\n") + body;
  std::vector<xmlNode*> refs;
  FindAll(Find(root, "ref-list"), "ref", &refs);
  for (xmlNode* r : refs) {
    Reference ref;
    ref.label = Attr(r, "id");
    xmlNode* cit = Find(r, "element-citation");
    if (!cit) cit = Find(r, "mixed-citation");
    // Element citations put each field in its own element with no spaces
    // between them: read the fields as blocks so "…nature" and "eLife" stay apart.
    static const std::vector<std::string_view> kRefFields = {
        "surname", "given-names", "collab", "etal", "year", "article-title", "source", "volume", "issue", "fpage", "lpage",
        "elocation-id", "pub-id", "chapter-title", "publisher-name", "publisher-loc", "edition", "comment", "uri",
        "ext-link", "person-group", "date-in-citation", "data-title", "version"};
    ref.text = CleanWhitespace(Text(cit ? cit : r, {}, kRefFields));
    std::vector<xmlNode*> pubids;
    FindAll(r, "pub-id", &pubids);
    for (xmlNode* p : pubids) {
      const std::string type = Attr(p, "pub-id-type");
      const std::string v = text::Trim(Text(p));
      if (type == "doi") {  // "10.1371/journal.pbio. 1001425": a DOI has no spaces
        ref.doi.clear();
        for (char c : text::AsciiLower(v))
          if (!std::isspace(static_cast<unsigned char>(c))) ref.doi += c;
      }
      else if (type == "pmid" && !v.empty()) ref.ids.push_back("pmid:" + v);
    }
    if (xmlNode* at = Find(r, "article-title")) ref.title = CleanWhitespace(Text(at));
    if (xmlNode* y = Find(r, "year")) ref.year = text::Trim(Text(y));
    if (xmlNode* src = Find(r, "source")) ref.journal = CleanWhitespace(Text(src));
    if (xmlNode* v = Find(r, "volume")) ref.volume = text::Trim(Text(v));
    if (xmlNode* fp = Find(r, "fpage")) ref.page = text::Trim(Text(fp));
    else if (xmlNode* el = Find(r, "elocation-id")) ref.page = text::Trim(Text(el));
    std::vector<xmlNode*> names;
    FindAll(cit ? cit : r, "name", &names);
    for (xmlNode* n : names) {
      std::string surname = CleanWhitespace(Text(Find(n, "surname")));
      std::string given = CleanWhitespace(Text(Find(n, "given-names")));
      if (!surname.empty()) ref.authors.push_back(given.empty() ? surname : surname + ", " + given);
    }
    if (ref.authors.empty())
      if (xmlNode* collab = Find(cit ? cit : r, "collab")) ref.authors.push_back(CleanWhitespace(Text(collab)));
    d.references.push_back(std::move(ref));
  }
  d.id = d.meta.count("doi") ? "doi:" + d.meta["doi"] : HashId(in.key);
  return std::vector<Document>{std::move(d)};
}

// After Federal Register XML in the registry: any <article> is JATS.
bool SniffJats(const FileHead& f) { return f.ExtIs({".xml"}) && f.Has("<article"); }

}  // namespace

extern const Reader kJatsXmlReader = {"jats-xml", kRichStructured, SniffJats, ReadJats};

}  // namespace lodestone::internal
