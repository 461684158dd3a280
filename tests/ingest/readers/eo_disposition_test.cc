// The Executive Order disposition tables (format eo-disposition): detection,
// one document per block, relations and citations from the labels with
// offsets into the block's text, extraction that keeps them, and the merge
// with the order's other formats.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "lodestone/index/merge.h"
#include "lodestone/ingest/extract.h"
#include "lodestone/ingest/readers.h"

namespace lodestone {
namespace {

const std::string kTable = std::string(LODE_FIXTURES) + "/disposition/2015.txt";

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<Document> ReadTable() {
  std::string bytes = Slurp(kTable);
  EXPECT_FALSE(bytes.empty()) << kTable;
  Detection det = DetectFormat(kTable, bytes);
  EXPECT_EQ(det.format, "eo-disposition") << det.skip_reason;
  auto r = ReadDocuments("eo-disposition", FileInput{kTable, "disposition/2015.txt", bytes});
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : std::vector<Document>{};
}

// "type target" of every relation, all of origin metadata.
std::set<std::string> Relations(const Document& d) {
  std::set<std::string> out;
  for (const auto& r : d.relations) {
    EXPECT_EQ(r.origin, "metadata") << d.id << " " << RelationTypeName(r.type) << " " << r.target;
    out.insert(std::string(RelationTypeName(r.type)) + " " + r.target);
  }
  return out;
}

std::set<std::string> CitationIds(const Document& d) {
  std::set<std::string> out;
  for (const auto& c : d.citations) out.insert(c.id);
  return out;
}

// The text at a relation's offset is the item ("EO 99301, May 4, 2016").
std::string At(const Document& d, uint32_t offset, size_t n) {
  return offset < d.text.size() ? d.text.substr(offset, n) : "<offset " + std::to_string(offset) + " out of the text>";
}

TEST(DispositionTest, DetectsTablesAndNotOtherText) {
  EXPECT_EQ(DetectFormat(kTable, Slurp(kTable)).format, "eo-disposition");
  // An order's own text starts the same way but has no indented "Signed:".
  EXPECT_EQ(DetectFormat("/x/order.txt",
                         "Executive Order 99001\nSecuring Imaginary Supplies\n\nBy the authority vested in me as "
                         "President, it is hereby ordered:\n\n    Signed: this is not a table\n")
                .format,
            "text");
  EXPECT_EQ(DetectFormat("/x/notes.txt", "Notes on Executive Order 99001\n\n    Signed: March 3, 2015\n").format,
            "text");
  EXPECT_EQ(DetectFormat("/x/heading-only.txt", "Executive Order 99001\n").format, "text");
  EXPECT_EQ(DetectFormat("/x/plain.txt", "plain words\nSigned: March 3, 2015\n").format, "text");
  // Tables are plain text files; the same bytes as Markdown stay Markdown.
  EXPECT_EQ(DetectFormat("/x/table.md", Slurp(kTable)).format, "markdown");
}

TEST(DispositionTest, OneExecutiveOrderPerBlock) {
  auto docs = ReadTable();
  ASSERT_EQ(docs.size(), 4u);
  std::vector<std::string> ids;
  for (const auto& d : docs) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"eo:99201", "eo:99202", "eo:99203-A", "eo:99204"}));
  const Document& d = docs[0];
  EXPECT_EQ(d.kind, Kind::kExecutiveOrder);
  EXPECT_EQ(d.format, "eo-disposition");
  EXPECT_EQ(d.language, "en");
  EXPECT_EQ(d.number, "99201");
  EXPECT_EQ(d.title, "Imaginary Stockpile of Invented Minerals");
  EXPECT_EQ(d.date, "2015-03-03");
  EXPECT_EQ(d.meta.at("citation"), "80 FR 1201");
  EXPECT_EQ(d.meta.at("publication_date"), "2015-03-05");
  EXPECT_EQ(d.meta.count("president"), 0u);  // set by attribution, not by readers (issue 9)
  // The text is the block alone, one paragraph per line.
  EXPECT_EQ(d.text,
            "Executive Order 99201\nImaginary Stockpile of Invented Minerals\n\nSigned: March 3, 2015\n\n"
            "Federal Register page and date: 80 FR 1201; March 5, 2015\n\nRevokes: EO 99101, January 2, 2010\n\n"
            "Revoked by: EO 99301, May 4, 2016");
  EXPECT_EQ(docs[1].meta.at("citation"), "80 FR 1301");
  EXPECT_EQ(docs[1].date, "2015-03-10");

  // Lettered number, heading with a leading blank, no Federal Register line,
  // the editor's "#" comment left out.
  const Document& a = docs[2];
  EXPECT_EQ(a.number, "99203-A");
  EXPECT_EQ(a.title, "Amending Executive Order 99202 on Make-Believe Councils");
  EXPECT_EQ(a.date, "2015-04-01");
  EXPECT_EQ(a.meta.count("citation"), 0u);
  EXPECT_EQ(a.text.find("editor"), std::string::npos) << a.text;
  EXPECT_EQ(a.text.find('#'), std::string::npos) << a.text;

  EXPECT_EQ(docs[3].date, "1962-06-05");
  EXPECT_EQ(docs[3].meta.at("citation"), "27 FR 5400");
}

TEST(DispositionTest, EachLabelGivesItsRelationAtTheItem) {
  auto docs = ReadTable();
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(Relations(docs[0]), (std::set<std::string>{"revokes eo:99101", "revoked_by eo:99301"}));
  // Several items, "of" dates, "(in part)"; an order named in a note in
  // parentheses and orders after See are cited only; a proclamation has no id.
  EXPECT_EQ(Relations(docs[1]), (std::set<std::string>{"amends eo:99102", "amends eo:99103", "amended_by eo:99302",
                                                       "supersedes eo:99104"}));
  // A label without a colon; lettered targets keep their letter; the
  // title's order and the note's are cited only.
  EXPECT_EQ(Relations(docs[2]), (std::set<std::string>{"superseded_by eo:99303", "revoked_by eo:99304-B"}));
  // A second label inside a line; an order of the unnumbered series is left out.
  EXPECT_EQ(Relations(docs[3]),
            (std::set<std::string>{"revokes eo:99107", "amended_by eo:99305", "superseded_by eo:99306"}));

  std::map<std::string, std::string> item = {
      {"eo:99101", "EO 99101, January 2, 2010"}, {"eo:99301", "EO 99301, May 4, 2016"},
      {"eo:99102", "EO 99102"},                  {"eo:99103", "EO 99103 of April 5, 2012"},
      {"eo:99302", "EO 99302"},                  {"eo:99104", "EO 99104"},
      {"eo:99303", "EO 99303"},                  {"eo:99304-B", "EO 99304-B, September 10, 2016"},
      {"eo:99107", "EO 99107"},                  {"eo:99305", "EO 99305"},
      {"eo:99306", "EO 99306"}};
  for (const auto& d : docs)
    for (const auto& r : d.relations) {
      ASSERT_TRUE(item.count(r.target)) << r.target;
      EXPECT_EQ(At(d, r.offset, item[r.target].size()), item[r.target]) << d.id << " " << RelationTypeName(r.type) << " " << r.target;
    }
  // The same item is the line's: "Revoked by: EO 99301" is not "Revokes".
  const Document& d = docs[0];
  EXPECT_EQ(d.text.rfind("Revoked by: ", d.relations[1].offset), d.relations[1].offset - 12);
}

TEST(DispositionTest, EveryOrderItActsOnIsCitedWithItsOffset) {
  auto docs = ReadTable();
  ASSERT_EQ(docs.size(), 4u);
  // "Revoked by", "Superseded by", "Amended by" name later orders: relations,
  // not citations (an order cannot cite what comes after it).
  EXPECT_EQ(CitationIds(docs[1]), (std::set<std::string>{"eo:99102", "eo:99103", "eo:99401", "eo:99104", "eo:99105"}));
  EXPECT_EQ(CitationIds(docs[2]), (std::set<std::string>{"eo:99202", "eo:99106"}));
  EXPECT_EQ(CitationIds(docs[3]), (std::set<std::string>{"eo:99107"}));  // not eo:512
  bool later = false;
  for (const auto& r : docs[2].relations) later = later || (r.type == RelationType::kRevokedBy && r.target == "eo:99304-B");
  EXPECT_TRUE(later) << "the lettered later order is kept as a relation";
  for (const auto& d : docs)
    for (const auto& c : d.citations) {
      ASSERT_FALSE(c.offsets.empty()) << c.id;
      EXPECT_EQ(c.count, c.offsets.size()) << c.id;
      std::string number = c.id.substr(3);
      std::string at = At(d, c.offsets[0], 40);
      EXPECT_TRUE(at.rfind("EO " + number, 0) == 0 || at.rfind("Executive Order " + number, 0) == 0)
          << d.id << " " << c.id << " at: " << at;
    }
}

TEST(DispositionTest, ExtractionKeepsTheTablesRelations) {
  auto docs = ReadTable();
  ASSERT_EQ(docs.size(), 4u);
  KnowledgeBase kb;
  ASSERT_TRUE(kb.AddJson(R"({"type":"agency","entities":[{"id":"agency:interior-department",
      "name":"Department of the Interior"}]})",
                         "tiny-agencies")
                  .ok());
  Extractor ex(kb);
  Analyzer a;
  std::set<std::string> checked;  // the blocks with checks of their own (issue 10: all must be seen)
  for (auto d : docs) {
    const auto before = d.relations;
    ex.Extract(&d, a);
    // Same relations and offsets: no "revokes" read from the sentence verbs,
    // nothing overwritten.
    ASSERT_EQ(d.relations.size(), before.size()) << d.id;
    for (size_t i = 0; i < before.size(); ++i) {
      EXPECT_EQ(d.relations[i].type, before[i].type) << d.id;
      EXPECT_EQ(d.relations[i].target, before[i].target) << d.id;
      EXPECT_EQ(d.relations[i].offset, before[i].offset) << d.id;
      EXPECT_EQ(d.relations[i].origin, "metadata") << d.id;
    }
    std::set<std::string> cites = CitationIds(d);
    // The scanners' other citations, but not the order's own publication.
    if (d.id == "eo:99202") {
      checked.insert(d.id);
      EXPECT_TRUE(cites.count("pl:113-99")) << d.id;
      EXPECT_TRUE(cites.count("stat:128/1101")) << d.id;
      EXPECT_TRUE(cites.count("fr:79/5000")) << d.id;
      EXPECT_TRUE(cites.count("eo:99105")) << d.id;
      EXPECT_FALSE(cites.count("fr:80/1301")) << d.id;
    }
    if (d.id == "eo:99203-A") {
      checked.insert(d.id);
      bool lettered = false;
      for (const auto& r : d.relations) lettered = lettered || r.target == "eo:99304-B";
      EXPECT_TRUE(lettered);
      EXPECT_FALSE(cites.count("eo:99304")) << "lettered number read without its letter";
      EXPECT_FALSE(cites.count("eo:99203")) << "own lettered number cited";
    }
    if (d.id == "eo:99204") {
      checked.insert(d.id);
      EXPECT_FALSE(cites.count("eo:512"));
      ASSERT_EQ(d.entities.size(), 1u);
      EXPECT_EQ(d.entities[0].id, "agency:interior-department");
    }
    // Extraction again gives the same result.
    Document again = d;
    ex.Extract(&again, a);
    EXPECT_EQ(again.relations.size(), d.relations.size()) << d.id;
    EXPECT_EQ(CitationIds(again), cites) << d.id;
  }
  // A renamed block would skip its checks silently: every one must have run.
  EXPECT_EQ(checked, (std::set<std::string>{"eo:99202", "eo:99203-A", "eo:99204"}));
}

TEST(DispositionTest, ReaderMetadataRelationsSurviveExtractionOfOtherText) {
  // A relation a reader took from metadata stays; the text's verb does not
  // add a contradicting one for the same order.
  KnowledgeBase kb;
  Extractor ex(kb);
  Analyzer a;
  Document d;
  d.id = "eo:99500";
  d.format = "text";
  d.text = "Executive Order 99001 is hereby revoked. Executive Order 99002 is hereby revoked.";
  d.relations.push_back({RelationType::kAmends, "eo:99001", kNoOffset, "metadata"});
  d.relations.push_back({RelationType::kRevokes, "eo:99003", 7, "text"});  // a stale text relation goes
  ex.Extract(&d, a);
  std::set<std::string> rel;
  for (const auto& r : d.relations) rel.insert(std::string(RelationTypeName(r.type)) + " " + r.target + " " + r.origin);
  EXPECT_EQ(rel, (std::set<std::string>{"amends eo:99001 metadata", "revokes eo:99002 text"}));
}

TEST(DispositionTest, MergeKeepsTheRicherTextAndTheUnionOfRelations) {
  auto docs = ReadTable();
  ASSERT_EQ(docs.size(), 4u);
  Document table = docs[0];
  Document fr;
  fr.id = "eo:99201";
  fr.kind = Kind::kExecutiveOrder;
  fr.format = "fr-xml";
  fr.richness = FormatRichness("fr-xml");
  fr.title = "Imaginary Stockpile of Invented Minerals";
  fr.date = "2015-03-03";
  fr.text = "Executive Order 99201 of March 3, 2015. Section 1. Executive Order 99101 is hereby revoked.";
  fr.relations.push_back({RelationType::kRevokes, "eo:99101", 40, "text"});
  fr.citations.push_back({"eo:99101", 1, {40}});
  fr.meta["citation"] = "80 FR 1201";
  for (bool table_first : {true, false}) {
    Document m = table_first ? MergeDocuments(table, fr) : MergeDocuments(fr, table);
    EXPECT_EQ(m.format, "fr-xml");
    EXPECT_EQ(m.text, fr.text);
    std::set<std::string> rel;
    for (const auto& r : m.relations) rel.insert(std::string(RelationTypeName(r.type)) + " " + r.target);
    EXPECT_EQ(rel, (std::set<std::string>{"revokes eo:99101", "revoked_by eo:99301"}));
    for (const auto& r : m.relations)
      if (r.target == "eo:99301") {
        EXPECT_EQ(r.origin, "metadata");
        EXPECT_EQ(r.offset, kNoOffset);  // its offset was into the table's text
      }
    EXPECT_EQ(CitationIds(m), (std::set<std::string>{"eo:99101"}));  // the later revoker is no citation
    EXPECT_EQ(m.meta.at("publication_date"), "2015-03-05");
  }
  // Against a metadata-only record the block's text is kept.
  Document json;
  json.id = "eo:99201";
  json.format = "fr-json";
  json.meta["disposition_notes"] = "Revoked by: EO 99301, May 4, 2016";
  Document m = MergeDocuments(json, table);
  EXPECT_EQ(m.format, "eo-disposition");
  EXPECT_EQ(m.text, table.text);
  EXPECT_EQ(m.relations.size(), 2u);
}

}  // namespace
}  // namespace lodestone
