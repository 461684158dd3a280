// Readers for structured sources: USLM XML (U.S. Code, public laws, bills,
// statute compilations, Federal Register issues), JATS XML articles,
// Federal Register API JSON (single records and search-result pages) and
// S2ORC-style JSON Lines.
#include <rapidjson/document.h>

#include <map>
#include <unordered_set>

#include "extract/classify.h"
#include "formats/json.h"
#include "formats/paper_fields.h"
#include "readers/readers_internal.h"
#include "formats/dates.h"
#include "formats/doi.h"
#include "formats/numbers.h"
#include "formats/whitespace.h"
#include "lodestone/text/ascii.h"
#include "readers/ids.h"
#include "formats/xml.h"

namespace lodestone::internal {

namespace {

const std::vector<std::string_view> kUslmSkip = {"notes", "toc", "layout", "meta", "sidenote", "page"};
const std::vector<std::string_view> kUslmBlocks = {
    "section", "subsection", "paragraph", "subparagraph", "clause", "subclause", "item", "heading",
    "num",     "content",    "chapeau",   "continuation", "p",      "sourceCredit", "title", "chapter",
    "subchapter", "part", "division", "longTitle", "enactingFormula", "officialTitle", "level", "quotedContent"};

// Public law numbers and citations print en and em dashes ("115–6"); ids use '-'.
std::string AsciiDashes(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x93 || static_cast<unsigned char>(s[i + 2]) == 0x94)) {
      out += '-';
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string MetaText(xmlNode* meta, std::string_view name) {
  xmlNode* n = Find(meta, name);
  return n ? CleanWhitespace(Text(n)) : std::string();
}

std::vector<std::string> AllMetaText(xmlNode* meta, std::string_view name) {
  std::vector<xmlNode*> nodes;
  FindAll(meta, name, &nodes);
  std::vector<std::string> out;
  for (xmlNode* n : nodes) out.push_back(CleanWhitespace(Text(n)));
  return out;
}

Document FrRecord(const rapidjson::Value& r, const std::string& key) {
  Document d;
  d.format = "fr-json";
  d.language = "en";
  d.title = Str(r, "title");
  d.date = ParseDate(Str(r, "signing_date"));
  if (d.date.empty()) d.date = ParseDate(Str(r, "publication_date"));
  d.url = Str(r, "html_url");
  std::string subtype = text::AsciiLower(Str(r, "subtype"));
  std::string eo = Str(r, "executive_order_number");
  if (eo.empty() && subtype == "executive order") eo = Str(r, "presidential_document_number");
  if (subtype == "executive order" || !eo.empty()) d.kind = Kind::kExecutiveOrder;
  else if (subtype == "proclamation") d.kind = Kind::kProclamation;
  else if (subtype.find("memorandum") != std::string::npos || subtype.find("determination") != std::string::npos)
    d.kind = Kind::kPresidentialMemorandum;
  else if (subtype == "notice" || text::AsciiLower(Str(r, "type")) == "notice") d.kind = Kind::kNotice;
  else if (text::AsciiLower(Str(r, "type")) == "rule") d.kind = Kind::kRegulation;
  if (!eo.empty()) {
    d.number = eo;
    d.id = "eo:" + eo;
  } else {
    std::string docnum = Str(r, "document_number");
    d.id = docnum.empty() ? HashId(key) : "frdoc:" + docnum;
  }
  for (const char* k : {"citation", "document_number", "disposition_notes", "executive_order_notes",
                        "publication_date", "signing_date", "toc_subject"}) {
    std::string v = text::Trim(Str(r, k));
    if (!v.empty()) d.meta[k] = v;
  }
  if (auto it = r.FindMember("agencies"); it != r.MemberEnd() && it->value.IsArray()) {
    std::string slugs;
    for (const auto& a : it->value.GetArray()) {
      std::string slug = Str(a, "slug");
      if (!slug.empty()) slugs += (slugs.empty() ? "" : ",") + slug;
    }
    if (!slugs.empty()) d.meta["agencies"] = slugs;
  }
  // Abstract (rarely present) is the only text such a record carries.
  d.text = text::Trim(Str(r, "abstract"));
  return d;
}

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

}  // namespace

Result<std::vector<Document>> ReadUslm(const FileInput& in) {
  auto parsed = ParseXml(in.bytes);
  if (!parsed.ok()) return parsed.status();
  xmlNode* root = xmlDocGetRootElement(parsed->get());
  if (!root) return Status::ParseError("empty XML document");
  xmlNode* meta = Find(root, "meta", false);
  std::string_view kind = Name(root);
  std::vector<Document> out;
  if (kind == "uscDoc") {
    std::string title_num = MetaText(meta, "docNumber");
    std::vector<xmlNode*> sections;
    FindAll(root, "section", &sections);
    for (xmlNode* s : sections) {
      std::string ident = Attr(s, "identifier");  // /us/usc/t30/s1606
      size_t t = ident.find("/t"), sec = ident.find("/s", t == std::string::npos ? 0 : t + 2);
      if (t == std::string::npos || sec == std::string::npos) continue;
      std::string tnum = ident.substr(t + 2, sec - t - 2), snum = ident.substr(sec + 2);
      Document d;
      d.format = "uslm-xml";
      d.kind = Kind::kLaw;
      d.language = "en";
      d.id = "usc:" + tnum + "/" + snum;
      d.number = tnum + " U.S.C. " + snum;
      xmlNode* heading = Find(s, "heading", false);
      d.title = heading ? CleanWhitespace(Text(heading)) : d.number;
      d.text = CleanWhitespace(Text(s, kUslmSkip, kUslmBlocks));
      d.meta["citation"] = d.number;
      std::string release = MetaText(meta, "docPublicationName");
      if (!release.empty()) d.meta["release"] = release;
      if (!Attr(s, "status").empty()) d.meta["status"] = Attr(s, "status");
      out.push_back(std::move(d));
    }
    if (out.empty()) return Status::ParseError("U.S. Code title " + title_num + " has no sections");
    return out;
  }
  Document d;
  d.format = "uslm-xml";
  d.language = "en";
  d.title = MetaText(meta, "title");
  d.text = CleanWhitespace(Text(Find(root, "main", false) ? Find(root, "main", false) : root, kUslmSkip, kUslmBlocks));
  std::vector<std::string> citable = AllMetaText(meta, "citableAs");
  if (!citable.empty()) d.meta["citation"] = AsciiDashes(citable.front());
  if (kind == "pLaw") {
    d.kind = Kind::kLaw;
    xmlNode* preface = Find(root, "preface", false);
    std::string num = AsciiDashes(MetaText(preface, "docNumber"));  // "115-6"
    if (num.find('-') != std::string::npos) {
      d.number = num;
      d.id = "pl:" + num;
    }
    if (xmlNode* ot = Find(root, "officialTitle")) d.title = CleanWhitespace(Text(ot, {"sidenote"}));
    if (xmlNode* lt = Find(root, "longTitle")) d.date = FindEnglishDate(Text(lt));
    for (const auto& c : citable)
      if (c.find("Stat.") != std::string::npos) d.meta["statutes_at_large"] = c;
  } else if (kind == "bill" || kind == "resolution") {
    d.kind = Kind::kOther;
    d.meta["type"] = MetaText(meta, "type");
    // "116 HR 2157 IH" -> bill:116/hr/2157
    for (const auto& c : citable) {
      std::vector<std::string> parts;
      size_t p = 0;
      while (p < c.size()) {
        size_t sp = c.find(' ', p);
        if (sp == std::string::npos) sp = c.size();
        if (sp > p) parts.push_back(c.substr(p, sp - p));
        p = sp + 1;
      }
      if (parts.size() >= 3 && !ReadNumber(parts[0], 0).empty() && !ReadNumber(parts[2], 0).empty() &&
          parts[1].find('.') == std::string::npos) {
        d.id = "bill:" + parts[0] + "/" + text::AsciiLower(parts[1]) + "/" + parts[2];
        d.number = parts[1] + " " + parts[2];
        break;
      }
    }
    d.date = ParseDate(MetaText(meta, "processedDate"));
    d.meta["stage"] = MetaText(meta, "docStage");
  } else if (kind == "statuteCompilation") {
    d.kind = Kind::kLaw;
    std::string short_title = MetaText(meta, "citableAsShortTitle");
    if (!short_title.empty()) d.id = "act:" + Slug(short_title);
    std::string through = MetaText(meta, "currentThroughPublicLaw");
    if (!through.empty()) d.meta["current_through"] = "Public Law " + AsciiDashes(through);
  } else if (kind == "frDoc") {
    d.kind = Kind::kOther;
    d.meta["type"] = MetaText(meta, "type");
    d.date = ParseDate(MetaText(meta, "date"));
  } else {
    d.kind = ClassifyKind(in.path, d.title, d.text);
  }
  if (d.id.empty()) d.id = HashId(in.key);
  if (d.title.empty()) d.title = d.id;
  out.push_back(std::move(d));
  return out;
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

Result<std::vector<Document>> ReadFrJson(const FileInput& in) {
  auto j = ParseJson(in.bytes);
  if (!j.ok()) return j.status();
  if (!j->IsObject()) return Status::ParseError("expected a JSON object (a Federal Register API record)");
  if (!j->HasMember("document_number") && !j->HasMember("executive_order_number"))
    return Status::ParseError("not a Federal Register API record (no document_number)");
  return std::vector<Document>{FrRecord(*j, in.key)};
}

Result<std::vector<Document>> ReadFrJsonResults(const FileInput& in) {
  auto j = ParseJson(in.bytes);
  if (!j.ok()) return j.status();
  if (!j->IsObject() || !j->HasMember("results") || !(*j)["results"].IsArray())
    return Status::ParseError("expected a Federal Register search-results object with a results array");
  // A page of one president's documents says so: "Documents signed by
  // Donald Trump, of type Presidential Document, ..." (attribution keeps a
  // president the source states).
  std::string signer;
  const std::string description = Str(*j, "description");
  if (const std::string lead = "Documents signed by "; description.rfind(lead, 0) == 0)
    signer = text::Trim(description.substr(lead.size(), description.find(',') - lead.size()));
  std::vector<Document> out;
  size_t n = 0;
  for (const auto& r : (*j)["results"].GetArray()) {
    ++n;
    if (!r.IsObject()) continue;
    Document d = FrRecord(r, in.key + "#" + std::to_string(n));
    if (!signer.empty()) d.meta["signed_by"] = signer;
    // Without a number such a record cannot join its order's other formats.
    if (d.id.rfind("eo:", 0) == 0 || d.id.rfind("frdoc:", 0) == 0) out.push_back(std::move(d));
  }
  return out;
}

Result<std::vector<Document>> ReadJsonLines(const FileInput& in) {
  std::vector<Document> out;
  std::string_view all(in.bytes);
  size_t pos = 0, line_no = 0;
  while (pos < all.size()) {
    size_t nl = all.find('\n', pos);
    if (nl == std::string_view::npos) nl = all.size();
    std::string_view line = all.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (text::Trim(line).empty()) continue;
    auto j = ParseJson(line);
    if (!j.ok()) return j.status().WithContext("line " + std::to_string(line_no));
    if (!j->IsObject()) return Status::ParseError("line " + std::to_string(line_no) + ": expected a JSON object");
    const auto& r = *j;
    Document d;
    d.format = "jsonl";
    d.kind = Kind::kPaper;
    d.language = "en";
    d.title = text::Trim(Str(r, "title"));
    std::string abstract = text::Trim(Str(r, "abstract"));
    d.text = d.title + (abstract.empty() ? "" : "\n\n" + abstract);
    std::string year = Str(r, "year");
    if (year.size() == 4) d.date = year + "-01-01";
    if (auto it = r.FindMember("authors"); it != r.MemberEnd() && it->value.IsArray())
      for (const auto& a : it->value.GetArray()) {
        std::string name = text::Trim(Str(a, "first"));
        if (auto m = a.FindMember("middle"); m != a.MemberEnd() && m->value.IsArray())
          for (const auto& mid : m->value.GetArray())
            if (mid.IsString()) name += std::string(" ") + mid.GetString();
        std::string last = text::Trim(Str(a, "last"));
        if (!last.empty()) name += (name.empty() ? "" : " ") + last;
        if (!name.empty()) d.authors.push_back(name);
      }
    std::string doi = NormalizeDoi(Str(r, "doi"));
    std::string pid = text::Trim(Str(r, "paper_id"));
    SetPaperId(&d, doi, pid.empty() ? std::string() : "s2:" + pid);
    if (d.id.empty()) d.id = HashId(in.key + "#" + std::to_string(line_no));
    if (!pid.empty()) d.meta["s2"] = pid;
    for (const char* k : {"journal", "venue", "pubmed_id", "pmc_id", "arxiv_id", "mag_id"}) {
      std::string v = text::Trim(Str(r, k));
      if (!v.empty()) d.meta[k] = v;
    }
    // The record's other ids, so that references by any of them resolve here.
    std::string pmc = text::Trim(Str(r, "pmc_id"));
    if (!pmc.empty() && !text::StartsWith(pmc, "PMC")) pmc = "PMC" + pmc;
    for (const auto& [prefix, value] : {std::pair<const char*, std::string>{"pmid:", text::Trim(Str(r, "pubmed_id"))},
                                        {"pmcid:", pmc},
                                        {"arxiv:", text::Trim(Str(r, "arxiv_id"))},
                                        {"mag:", text::Trim(Str(r, "mag_id"))},
                                        {"acl:", text::Trim(Str(r, "acl_id"))}})
      if (!value.empty()) AddAlias(&d, prefix + value);
    if (auto it = r.FindMember("outbound_citations"); it != r.MemberEnd() && it->value.IsArray()) {
      std::string list;
      std::unordered_set<std::string> seen;
      for (const auto& c : it->value.GetArray()) {
        std::string cited = AsText(c);
        if (cited.empty()) continue;
        list += (list.empty() ? "" : ",") + cited;
        // One reference per cited work: a few records list an id twice. A
        // record citing itself keeps that reference (the graph drops loops).
        if (!seen.insert(cited).second) continue;
        Reference ref;
        ref.ids.push_back("s2:" + cited);
        d.references.push_back(std::move(ref));
      }
      if (!list.empty()) d.meta["outbound_citations"] = list;
    }
    if (d.title.empty()) d.title = d.id;
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace lodestone::internal
