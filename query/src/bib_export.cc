#include "lodestone/query/bib_export.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "json_writer.h"
#include "lodestone/text/ascii.h"
#include "lodestone/text/initials.h"

namespace lodestone {

namespace {

using text::IsInitials;
using text::Trim;

std::string Meta(const Document& d, const char* k) {
  auto it = d.meta.find(k);
  return it == d.meta.end() ? std::string() : it->second;
}

std::string Year(const Document& d) { return d.date.size() >= 4 ? d.date.substr(0, 4) : std::string(); }

std::string Doi(const Document& d) {
  if (d.id.rfind("doi:", 0) == 0) return d.id.substr(4);
  for (const auto& a : d.aliases)
    if (a.rfind("doi:", 0) == 0) return a.substr(4);
  return Meta(d, "doi");
}

// BibTeX: protect the characters LaTeX reads specially.
std::string TexEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '{' || c == '}') continue;  // unbalanced braces would break the entry
    if (c == '&' || c == '%' || c == '$' || c == '#' || c == '_') out += '\\';
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    out += c;
  }
  return out;
}

std::string OneLine(const std::string& s) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return Trim(out);
}

bool IsPaper(const Document& d) { return d.kind == Kind::kPaper; }

}  // namespace

PersonName SplitName(const std::string& author) {
  std::string a = Trim(author);
  PersonName n;
  size_t comma = a.find(',');
  if (comma != std::string::npos) {
    n.family = Trim(a.substr(0, comma));
    n.given = Trim(a.substr(comma + 1));
    return n;
  }
  std::vector<std::string> toks;
  for (size_t i = 0; i < a.size();) {
    size_t j = a.find(' ', i);
    if (j == std::string::npos) j = a.size();
    if (j > i) toks.push_back(a.substr(i, j - i));
    i = j + 1;
  }
  if (toks.size() >= 2 && IsInitials(toks.back())) {  // "ALHO JM", "de Valpine P"
    n.given = toks.back();
    toks.pop_back();
    for (const auto& t : toks) n.family += (n.family.empty() ? "" : " ") + t;
  } else if (toks.size() >= 2) {  // "J. M. Alho", "Haoqi Li"
    n.family = toks.back();
    toks.pop_back();
    for (const auto& t : toks) n.given += (n.given.empty() ? "" : " ") + t;
  } else {
    n.family = a;
  }
  return n;
}

void WriteBibtex(const std::vector<Document>& docs, std::ostream& out) {
  std::set<std::string> used;
  for (const Document& d : docs) {
    // Key: surname + year + first title word, ASCII letters and digits only.
    std::string base;
    auto add_alnum = [&](const std::string& s, bool lower) {
      for (char c : s)
        if (std::isalnum(static_cast<unsigned char>(c)))
          base += lower ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : c;
    };
    add_alnum(d.authors.empty() ? d.id.substr(0, d.id.find(':')) : SplitName(d.authors.front()).family, true);
    add_alnum(Year(d), false);
    std::string first_word = d.title.substr(0, d.title.find(' '));
    add_alnum(first_word, true);
    if (base.empty()) base = "item";
    std::string key = base;
    for (char suffix = 'a'; used.count(key) && suffix <= 'z'; ++suffix) key = base + suffix;
    for (int n = 2; used.count(key); ++n) key = base + std::to_string(n);
    used.insert(key);
    const std::string journal = Meta(d, "journal");
    const char* type = IsPaper(d) ? (journal.empty() ? "misc" : "article") : "misc";
    out << "@" << type << "{" << key << ",\n";
    auto field = [&](const char* name, const std::string& v, bool protect = false) {
      if (v.empty()) return;
      out << "  " << name << " = {" << (protect ? "{" : "") << TexEscape(OneLine(v)) << (protect ? "}" : "") << "},\n";
    };
    std::string authors;
    for (const auto& a : d.authors) {
      PersonName p = SplitName(a);
      authors += (authors.empty() ? "" : " and ") + p.family + (p.given.empty() ? "" : ", " + p.given);
    }
    field("author", authors);
    field("title", d.title, true);
    field("year", Year(d));
    field("journal", journal);
    field("volume", Meta(d, "volume"));
    field("number", Meta(d, "issue"));
    field("pages", Meta(d, "page"));
    field("doi", Doi(d));
    field("url", d.url);
    field("note", IsPaper(d) ? std::string() : std::string(KindName(d.kind)) + " " + d.id);
    out << "  lodestone-id = {" << TexEscape(d.id) << "}\n}\n\n";
  }
}

void WriteRis(const std::vector<Document>& docs, std::ostream& out) {
  for (const Document& d : docs) {
    const char* type = IsPaper(d) ? "JOUR"
                       : d.kind == Kind::kLaw ? "STAT"
                       : d.kind == Kind::kRegulation ? "GOVDOC"
                                                     : "GOVDOC";
    out << "TY  - " << type << "\r\n";
    auto tag = [&](const char* t, const std::string& v) {
      if (!v.empty()) out << t << "  - " << OneLine(v) << "\r\n";
    };
    for (const auto& a : d.authors) {
      PersonName p = SplitName(a);
      tag("AU", p.family + (p.given.empty() ? "" : ", " + p.given));
    }
    tag("TI", d.title);
    tag("PY", Year(d));
    if (d.date.size() == 10) tag("DA", d.date.substr(0, 4) + "/" + d.date.substr(5, 2) + "/" + d.date.substr(8, 2));
    tag("JO", Meta(d, "journal"));
    tag("VL", Meta(d, "volume"));
    tag("IS", Meta(d, "issue"));
    tag("SP", Meta(d, "page"));
    tag("DO", Doi(d));
    tag("UR", d.url);
    tag("ID", d.id);
    out << "ER  - \r\n\r\n";
  }
}

void WriteCslJson(const std::vector<Document>& docs, std::ostream& out) {
  query::internal::PrettyJsonWriter w;
  auto kv = [&](const char* k, const std::string& v) {
    if (!v.empty()) w.Str(k, v);
  };
  w.StartArray();
  for (const Document& d : docs) {
    w.StartObject();
    kv("id", d.id);
    kv("type", IsPaper(d) ? "article-journal" : d.kind == Kind::kLaw || d.kind == Kind::kExecutiveOrder ? "legislation"
                                                                                                         : "document");
    kv("title", OneLine(d.title));
    if (!d.authors.empty()) {
      w.Key("author");
      w.StartArray();
      for (const auto& a : d.authors) {
        PersonName p = SplitName(a);
        w.StartObject();
        kv("family", p.family);
        kv("given", p.given);
        w.EndObject();
      }
      w.EndArray();
    }
    if (d.date.size() >= 4) {
      w.Key("issued");
      w.StartObject();
      w.Key("date-parts");
      w.StartArray();
      w.StartArray();
      w.Int(std::stoi(d.date.substr(0, 4)));
      // YYYY-01-01 stands for "the year only" in paper records.
      const bool year_only = IsPaper(d) && d.date.size() == 10 && d.date.substr(4) == "-01-01";
      if (d.date.size() == 10 && !year_only) {
        w.Int(std::stoi(d.date.substr(5, 2)));
        w.Int(std::stoi(d.date.substr(8, 2)));
      }
      w.EndArray();
      w.EndArray();
      w.EndObject();
    }
    kv("container-title", Meta(d, "journal"));
    kv("volume", Meta(d, "volume"));
    kv("issue", Meta(d, "issue"));
    kv("page", Meta(d, "page"));
    kv("DOI", Doi(d));
    kv("URL", d.url);
    if (!IsPaper(d)) kv("number", d.number);
    w.EndObject();
  }
  w.EndArray();
  out << w.Line();
}

namespace {

bool HasCjk(const std::string& s) {
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xE3 && c <= 0xE9) return true;  // U+3000..U+9FFF: CJK punctuation, kana, ideographs
    if (c == 0xEA && static_cast<unsigned char>(s[i + 1]) < 0xB0) return true;  // Yi, Hangul Jamo ext.
  }
  return false;
}

// "Li, Haoqi" -> "Li, H"; "Yip, Paul S. F." -> "Yip, PSF"; "Jane Doe" ->
// "Doe, J"; "ALHO JM" -> "ALHO, JM"; names in Chinese as given.
std::string WosShortName(const std::string& name) {
  if (HasCjk(name)) return Trim(name);
  PersonName p = SplitName(name);
  std::string initials;
  bool start = true;
  for (char c : p.given) {
    if (c == ' ' || c == '.' || c == '-') {
      start = true;
      continue;
    }
    if (start && std::isalpha(static_cast<unsigned char>(c)))
      initials += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    start = false;
  }
  return initials.empty() ? p.family : p.family + ", " + initials;
}

// A cited reference in the WoS CR layout, for records from other sources.
std::string WosCitedReference(const Reference& r) {
  std::vector<std::string> parts;
  if (!r.authors.empty()) {
    const std::string& a = r.authors.front();
    if (HasCjk(a)) {
      parts.push_back(Trim(a));
    } else {
      std::string s = WosShortName(a);  // "Alho, JM"
      size_t comma = s.find(", ");
      if (comma != std::string::npos) s.erase(comma, 1);  // "Alho JM"
      parts.push_back(s);
    }
  }
  if (!r.year.empty()) parts.push_back(r.year);
  if (!r.journal.empty()) parts.push_back(OneLine(r.journal));
  else if (!r.title.empty()) parts.push_back(OneLine(r.title));
  if (!r.volume.empty()) parts.push_back("V" + r.volume);
  if (!r.page.empty()) parts.push_back("P" + r.page);
  if (!r.doi.empty()) parts.push_back("DOI " + r.doi);
  if (parts.size() <= 1 && !r.text.empty()) return OneLine(r.text);
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

// The abstract of a record whose text the readers built as title, abstract
// and "Keywords: …" paragraphs; "" for full texts (JATS, PDF).
std::string AbstractOf(const Document& d) {
  const std::string& t = d.text;
  if (d.title.empty() || t.compare(0, d.title.size(), d.title) != 0) return {};
  std::string rest = t.substr(d.title.size());
  if (rest.compare(0, 2, "\n\n") != 0) return {};
  rest = rest.substr(2);
  size_t kw = rest.rfind("Keywords: ");
  if (kw == 0) return {};
  if (kw != std::string::npos && kw >= 2 && rest.compare(kw - 2, 2, "\n\n") == 0) rest.resize(kw - 2);
  return OneLine(rest);
}

// WoS DT: the record's document type, with RIS's type codes spelt out.
std::string DocumentType(const Document& d) {
  const std::string t = Meta(d, "document_type");
  if (d.format == "ris") {
    static const std::map<std::string, std::string> kRis = {
        {"JOUR", "Article"}, {"JFULL", "Article"}, {"EJOUR", "Article"}, {"CONF", "Proceedings Paper"},
        {"CPAPER", "Proceedings Paper"}, {"BOOK", "Book"}, {"CHAP", "Book Chapter"}, {"THES", "Thesis"},
        {"RPRT", "Report"}, {"GEN", "Article"}};
    auto it = kRis.find(t);
    if (it != kRis.end()) return it->second;
  }
  return t.empty() ? "Article" : t;
}

std::string LanguageName(const Document& d) {
  std::string n = Meta(d, "language_name");
  if (!n.empty()) return n;
  static const std::map<std::string, std::string> kNames = {
      {"en", "English"}, {"zh", "Chinese"}, {"fr", "French"}, {"de", "German"}, {"es", "Spanish"},
      {"pt", "Portuguese"}, {"ru", "Russian"}, {"ja", "Japanese"}, {"ko", "Korean"}, {"it", "Italian"}};
  auto it = kNames.find(d.language);
  return it == kNames.end() ? std::string() : it->second;
}

}  // namespace

void WriteWosPlainText(const std::vector<Document>& docs, std::ostream& out, size_t* skipped) {
  if (skipped) *skipped = 0;
  out << "\xEF\xBB\xBF" "FN Clarivate Analytics Web of Science\nVR 1.0\n";
  auto field = [&](const char* tag, const std::string& v) {
    std::string one = OneLine(v);
    if (!one.empty()) out << tag << ' ' << one << '\n';
  };
  auto lines = [&](const char* tag, const std::vector<std::string>& values) {
    bool first = true;
    for (const auto& v : values) {
      std::string one = OneLine(v);
      if (one.empty()) continue;
      out << (first ? tag : "  ") << ' ' << one << '\n';
      first = false;
    }
  };
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) {
      std::string one = OneLine(x);
      if (!one.empty()) s += (s.empty() ? "" : "; ") + one;
    }
    return s;
  };
  for (const Document& d : docs) {
    if (!IsPaper(d)) {
      if (skipped) ++*skipped;
      continue;
    }
    const bool wos = d.format == "wos" || !Meta(d, "wos").empty();
    out << "PT J\n";
    std::vector<std::string> shorts, fulls;
    if (wos && !Meta(d, "authors_short").empty()) {
      const std::string s = Meta(d, "authors_short");
      for (size_t start = 0; start <= s.size();) {
        size_t p = s.find(';', start);
        if (p == std::string::npos) p = s.size();
        std::string n = Trim(s.substr(start, p - start));
        if (!n.empty()) shorts.push_back(n);
        start = p + 1;
      }
    }
    for (const auto& a : d.authors) {
      fulls.push_back(Trim(a));  // AF as written: "Zhan Xiangjiang", "Thinh Tien Vu" have no comma to reorder by
      if (!wos || Meta(d, "authors_short").empty()) shorts.push_back(WosShortName(a));
    }
    lines("AU", shorts);
    lines("AF", fulls);
    field("TI", d.title);
    field("SO", Meta(d, "journal"));
    field("LA", LanguageName(d));
    field("DT", DocumentType(d));
    field("DE", join(d.keywords));
    field("ID", join(d.index_keywords));
    field("AB", AbstractOf(d));
    std::vector<std::string> c1;
    for (const auto& a : d.affiliations) {
      std::string addr = a.address.empty() ? a.organization : a.address;
      if (addr.empty()) continue;
      c1.push_back((a.authors.empty() ? "" : "[" + join(a.authors) + "] ") + addr + ".");
    }
    lines("C1", c1);
    std::vector<std::string> cr;
    for (const auto& r : d.references) cr.push_back(wos && !r.text.empty() ? r.text : WosCitedReference(r));
    lines("CR", cr);
    if (!d.references.empty()) field("NR", std::to_string(d.references.size()));
    field("TC", Meta(d, "times_cited"));
    field("PY", Year(d));
    field("VL", Meta(d, "volume"));
    field("IS", Meta(d, "issue"));
    const std::string page = Meta(d, "page"), article = Meta(d, "article_number");
    if (!page.empty() && page != article) field("BP", page);
    field("EP", Meta(d, "end_page"));
    field("AR", article);
    field("DI", Doi(d));
    field("J9", Meta(d, "journal_abbrev"));
    const std::string ut = Meta(d, "wos");
    field("UT", ut.empty() ? "LODE:" + d.id : "WOS:" + ut);
    out << "ER\n\n";
  }
  out << "EF\n";
}

}  // namespace lodestone
