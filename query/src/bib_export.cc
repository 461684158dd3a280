#include "lodestone/query/bib_export.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace lodestone {

namespace {

std::string Meta(const Document& d, const char* k) {
  auto it = d.meta.find(k);
  return it == d.meta.end() ? std::string() : it->second;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

bool IsInitials(const std::string& tok) {
  size_t letters = 0;
  for (char c : tok) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      if (!std::isupper(static_cast<unsigned char>(c))) return false;
      ++letters;
    } else if (c != '.' && c != '-') {
      return false;
    }
  }
  return letters > 0 && letters <= 3;
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
  rapidjson::StringBuffer buf;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
  auto kv = [&](const char* k, const std::string& v) {
    if (v.empty()) return;
    w.Key(k);
    w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
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
  out << std::string(buf.GetString(), buf.GetSize()) << "\n";
}

}  // namespace lodestone
