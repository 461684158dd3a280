#include "lodestone/ingest/extract.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace lodestone {
namespace {

std::string Cites(const std::string& text, const std::string& own = "", const std::string& date = "2021-05-01") {
  Analyzer a;
  std::string out;
  for (const auto& id : FindCitations(text, a, own, date)) out += (out.empty() ? "" : " ") + id;
  return out;
}

TEST(CitationTest, Table) {
  struct Case {
    const char* text;
    const char* ids;
  } cases[] = {
      {"under Executive Order 13817 of December 20, 2017", "eo:13817"},
      {"E.O. 13817 and EO 13,224", "eo:13817 eo:13224"},
      {"Exec. Order No. 14017", "eo:14017"},
      {"Executive Orders 13990, 13992, and 14001 are hereby revoked", "eo:13990 eo:13992 eo:14001"},
      {"Executive Order 13990 of January 20, 2021 (Protecting Public Health), and 14008 of January 27", "eo:13990 eo:14008"},
      {"Executive\nOrder 13817", "eo:13817"},
      {"Executive Order of May 3, 1934", ""},
      {"Public Law 117-169 and Pub. L. No. 117–58", "pl:117-169 pl:117-58"},
      {"Public Law 94-\n    580", "pl:94-580"},
      {"the following Executive Orders: 12843, Procurement Requirements; 13031, Federal Fleets; and 12969, "
       "Community Right-to-Know.", "eo:12843 eo:13031 eo:12969"},
      {"P.L. 116-260", "pl:116-260"},
      {"50 U.S.C. 4501 et seq.", "usc:50/4501"},
      {"42 U.S.C. § 18741(a)(1)", "usc:42/18741"},
      {"50 U.S.C. App. 2061", "usc:50-app/2061"},
      {"30 U.S.C. 1601 and 1602", "usc:30/1601 usc:30/1602"},
      {"section 301 of title 3, United States Code", "usc:3/301"},
      {"section 1604(f) of this title", ""},  // not inside the Code
      {"40 CFR 1500 and 40 C.F.R. 1501.3", "cfr:40/1500 cfr:40/1501.3"},
      {"87 FR 10381; 81 Fed. Reg. 90,699", "fr:87/10381 fr:81/90699"},
      {"134 Stat. 1182", "stat:134/1182"},
      {"H.R. 3684", "bill:117/hr/3684"},
      {"Presidential Determination No. 2022-11", "pd:2022-11"},
      {"see https://doi.org/10.7554/eLife.00005.", "doi:10.7554/elife.00005"},
      {"the lead in 50 states, 12 FRIENDS", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(Cites(c.text), c.ids) << c.text;
}

TEST(CitationTest, OwnNumberAndOwnTitle) {
  EXPECT_EQ(Cites("Executive Order 13603 of March 16, 2012, amends Executive Order 12919", "eo:13603"), "eo:12919");
  EXPECT_EQ(Cites("as provided in section 1604(f) of this title", "usc:30/1606"), "usc:30/1604");
  EXPECT_EQ(Cites("under section 5304 of title 25", "usc:30/1606"), "usc:25/5304");
}

KnowledgeBase TinyKb() {
  KnowledgeBase kb;
  Status s = kb.AddJson(R"({"type":"mineral","entities":[
      {"id":"mineral:gallium","name":"gallium","zh":["镓"]},
      {"id":"mineral:rare-earth-elements","name":"rare earth elements","aliases":["rare earths"],"aliases_cs":["REE"],"group":true},
      {"id":"mineral:lead","name":"lead","ambiguous":true,"aliases":["lead ore"]}]})",
                        "tiny-minerals");
  EXPECT_TRUE(s.ok()) << s.message();
  s = kb.AddJson(R"({"type":"agency","entities":[
      {"id":"agency:interior-department","name":"Department of the Interior","heads":["Secretary of the Interior"]},
      {"id":"agency:commerce-department","name":"Department of Commerce","heads":["Secretary of Commerce"]}]})",
                 "tiny-agencies");
  EXPECT_TRUE(s.ok()) << s.message();
  return kb;
}

TEST(ExtractTest, EntitiesCitationsAndRelations) {
  KnowledgeBase kb = TinyKb();
  Extractor ex(kb);
  Analyzer a;
  Document d;
  d.id = "eo:99010";
  d.text =
      "Section 1. Policy. Gallium and rare earths matter; officials lead the effort.\n\n"
      "Sec. 2. (a) The Secretary of the Interior, in consultation with the Secretary of Commerce, shall list "
      "lead ore deposits.\n\n"
      "Sec. 3. Revocation. Executive Order 13990 of January 20, 2021, as amended, is hereby revoked.\n\n"
      "Sec. 4. Section 2(b) of Executive Order 13817 is amended to read as follows.\n\n"
      "Sec. 5. Executive Order 14000, which was revoked by Executive Order 14100, remains cited.";
  d.meta["disposition_notes"] = "Revokes: EO 12000, May 1, 1980; See: EO 12001";
  ex.Extract(&d, a);
  std::map<std::string, uint32_t> entities;
  for (const auto& e : d.entities) entities[e.id] = e.count;
  EXPECT_EQ(entities["mineral:gallium"], 1u);
  EXPECT_EQ(entities["mineral:rare-earth-elements"], 1u);
  EXPECT_EQ(entities["mineral:lead"], 1u);  // "lead ore" only, never the verb
  EXPECT_EQ(entities["agency:interior-department"], 1u);
  std::set<std::string> rel;
  for (const auto& r : d.relations) rel.insert(r.type + " " + r.target);
  EXPECT_TRUE(rel.count("revokes eo:13990"));
  EXPECT_TRUE(rel.count("amends eo:13817"));
  EXPECT_FALSE(rel.count("amends eo:13990"));   // "as amended" is not an amendment
  EXPECT_FALSE(rel.count("revokes eo:14100"));  // the revoker, named after "by"
  EXPECT_TRUE(rel.count("revokes eo:12000"));   // from the disposition notes
  EXPECT_FALSE(rel.count("revokes eo:12001"));  // "See:" is no relation
  EXPECT_TRUE(rel.count("directs agency:interior-department"));
  EXPECT_FALSE(rel.count("directs agency:commerce-department"));  // consulted, not tasked
  // Evidence offsets point at the sentence.
  for (const auto& r : d.relations) {
    if (r.type == "revokes" && r.target == "eo:13990") {
      EXPECT_NE(SentenceAround(d.text, r.offset).find("hereby revoked"), std::string::npos);
    }
  }
}

TEST(ExtractTest, KnowledgeBaseErrorsNameTheFile) {
  KnowledgeBase kb;
  Status s = kb.AddJson("{\"entities\": [{\"name\": \"no id\"}]}", "my-kb.json");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("my-kb.json"), std::string::npos);
  EXPECT_FALSE(kb.AddJson("{oops", "bad.json").ok());
}

TEST(ExtractTest, BuiltinKnowledgeBaseLoads) {
  auto kb = KnowledgeBase::Builtin();
  ASSERT_TRUE(kb.ok()) << kb.status().message();
}

}  // namespace
}  // namespace lodestone
