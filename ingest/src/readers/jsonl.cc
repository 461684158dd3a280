// JSON Lines of S2ORC-style paper records (one JSON object per line): title,
// abstract, authors, year, ids (s2:, pmid:, arxiv:, ...) and outbound citations.
#include <rapidjson/document.h>

#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "formats/doi.h"
#include "formats/json.h"
#include "lodestone/text/ascii.h"
#include "readers/ids.h"
#include "readers/reader.h"

namespace lodestone::internal {

namespace {

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

bool SniffJsonLines(const FileHead& f) { return f.ExtIs({".jsonl", ".ndjson"}); }

}  // namespace

extern const Reader kJsonLinesReader = {"jsonl", kRichRecord, SniffJsonLines, ReadJsonLines};

}  // namespace lodestone::internal
