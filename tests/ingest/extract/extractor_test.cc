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
  for (const auto& r : d.relations) rel.insert(std::string(RelationTypeName(r.type)) + " " + r.target);
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
    if (r.type == RelationType::kRevokes && r.target == "eo:13990") {
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


// ---------------------------------------------------------------- issue 9

// The relations ("revokes eo:N") that Extract finds in `text` with the tiny
// knowledge base; `title` is the document's own title.
std::set<std::string> Relations(const std::string& text, const std::string& title = "") {
  static const KnowledgeBase kb = TinyKb();
  static const Extractor ex(kb);
  Analyzer a;
  Document d;
  d.id = "doc:000000000009";
  d.title = title;
  d.text = text;
  ex.Extract(&d, a);
  std::set<std::string> out;
  for (const auto& r : d.relations)
    if (r.type != RelationType::kDirects) out.insert(std::string(RelationTypeName(r.type)) + " " + r.target);
  return out;
}

using Set = std::set<std::string>;

TEST(Issue9RelationTest, NarrativeAboutOtherOrdersIsNoAct) {  // issue 9
  EXPECT_EQ(Relations("On May 1, 2001, by Executive Order 12001, the President declared an emergency. Executive "
                      "Order 12001 of May 1, 2001, which revoked Executive Order 12000 of April 2, 2000, remains "
                      "in effect."),
            Set{});
  EXPECT_EQ(Relations("The President subsequently amended that order in Executive Order 12006. Executive Order "
                      "12007 amended Executive Order 12001 and revoked Executive Order 12008 in its entirety."),
            Set{});
  EXPECT_EQ(Relations("Sections 1 and 2 of Executive Order 12009 would be revoked as of July 12, 2017. On October "
                      "12, 2017, the entirety of Executive Order 12010 was revoked."),
            Set{});
  // A relative clause inside an operative sentence: only its subject is revoked.
  EXPECT_EQ(Relations("Executive Order 12005 of February 1, 1993, which, among other things, revoked Executive "
                      "Order 12004 of October 23, 1992, is revoked."),
            (Set{"revokes eo:12005"}));
  // Agents named after "by", also in a list.
  EXPECT_EQ(Relations("The emergency declared in Executive Order 12011, as amended by Executive Order 12012, "
                      "Executive Order 12013, and Executive Order 12014, continues."),
            Set{});
}

TEST(Issue9RelationTest, AmendmentAsANounIsNoAct) {  // issue 9
  EXPECT_EQ(Relations("The Secretary shall receive applications for the amendment of permits under Executive "
                      "Order 12002 of March 1, 1980."),
            Set{});
  EXPECT_EQ(Relations("The revocation of Executive Order 12015 shall not affect any action taken before it."), Set{});
  EXPECT_EQ(Relations("Executive Order 12016, including the amendments it made to Executive Order 12017, is "
                      "revoked."),
            (Set{"revokes eo:12016"}));
  // Instructions to others and negation are no acts either.
  EXPECT_EQ(Relations("Agencies shall revoke any rules implementing Executive Order 12018. Nothing in this order "
                      "revokes Executive Order 12019."),
            Set{});
}

TEST(Issue9RelationTest, OperativeLanguageOfThisDocument) {  // issue 9
  struct Case {
    const char* text;
    Set want;
  } cases[] = {
      {"Executive Order 12020 of May 1, 1980, is hereby revoked.", {"revokes eo:12020"}},
      {"Executive Orders 12021 and 12022 are revoked.", {"revokes eo:12021", "revokes eo:12022"}},
      {"Executive Order 12023, as amended, is further amended by adding a new section 9.", {"amends eo:12023"}},
      {"Section 3 of Executive Order 12024 is hereby amended to read as follows: \"Sec. 3. Executive Order 12099 "
       "governs.\"",
       {"amends eo:12024"}},
      {"Executive Orders 12025 and 12026 are hereby superseded.", {"supersedes eo:12025", "supersedes eo:12026"}},
      {"I hereby revoke Executive Order 12027.", {"revokes eo:12027"}},
      {"This order supersedes Executive Order 12028.", {"supersedes eo:12028"}},
      {"Accordingly, I hereby terminate the emergency declared in Executive Order 12029, revoke that order, and "
       "further order:",
       {"revokes eo:12029"}},
      {"The following are revoked: (i) Executive Order 12030; (ii) Executive Order 12031, as amended; and (iii) "
       "Executive Order 12032.",
       {"revokes eo:12030", "revokes eo:12031", "revokes eo:12032"}},
      {"Sections 1 through 5 of Executive Order 12033 are hereby replaced and superseded in their entirety.",
       {"supersedes eo:12033"}},
      {"(b) I additionally amend Executive Order 12034 by adding a section 8.", {"amends eo:12034"}},
      // A negation of something else earlier in the sentence.
      {"Amendment. In recognition of the fact that the State has not taken steps, section 2(a) of Executive Order "
       "12040 is hereby amended by striking the words \"10 percent\".",
       {"amends eo:12040"}},
      // "by" inside a cited order's title names no agent.
      {"Executive Order 12037 (Growth by Reviewing Rules), Executive Order 12038 of May 2, 2017, and Executive "
       "Order 12039 are hereby revoked.",
       {"revokes eo:12037", "revokes eo:12038", "revokes eo:12039"}},
  };
  for (const auto& c : cases) EXPECT_EQ(Relations(c.text), c.want) << c.text;
  // The title says what the document does; a qualifier there does not.
  EXPECT_EQ(Relations("By the authority vested in me, it is hereby ordered:", "Amending Executive Order 12035"),
            (Set{"amends eo:12035"}));
  EXPECT_EQ(Relations("By the authority vested in me, it is hereby ordered:",
                      "Clarification of Exceptions Under Executive Order 12036, as Amended"),
            Set{});
}

std::map<std::string, uint32_t> Entities(const KnowledgeBase& kb, const std::string& text) {
  Extractor ex(kb);
  Analyzer a;
  Document d;
  d.id = "doc:000000000009";
  d.text = text;
  ex.Extract(&d, a);
  std::map<std::string, uint32_t> out;
  for (const auto& e : d.entities) out[e.id] = e.count;
  return out;
}

TEST(Issue9EntityTest, NamedOnlyUnderANegationIsNoMention) {  // issue 9
  KnowledgeBase kb = TinyKb();
  auto e = Entities(kb, "The order names no mineral such as gallium. None of them mentions rare earths.");
  EXPECT_FALSE(e.count("mineral:gallium"));
  EXPECT_FALSE(e.count("mineral:rare-earth-elements"));
  e = Entities(kb, "The list does not include gallium; rare earths are on it. Gallium is not produced here.");
  EXPECT_EQ(e["mineral:rare-earth-elements"], 1u);  // the scope ends at the semicolon
  EXPECT_EQ(e["mineral:gallium"], 1u);              // a negation about gallium still names it
}

TEST(Issue9EntityTest, AcronymsCountBesideTheFullNameOnly) {  // issue 9
  KnowledgeBase kb;
  ASSERT_TRUE(kb.AddJson(R"({"type":"agency","entities":[
      {"id":"agency:ocean-energy-management-bureau","name":"Bureau of Ocean Energy Management","acronyms":["BOEM"]}]})",
                         "t")
                  .ok());
  EXPECT_FALSE(Entities(kb, "BOEM shall report.").count("agency:ocean-energy-management-bureau"));
  EXPECT_EQ(Entities(kb, "The Bureau of Ocean Energy Management (BOEM) leases. BOEM shall report.")
                ["agency:ocean-energy-management-bureau"],
            3u);
}

TEST(Issue9EntityTest, AnAgencyNamedInsideALongerName) {  // issue 9
  KnowledgeBase kb;
  ASSERT_TRUE(kb.AddJson(R"({"type":"agency","entities":[
      {"id":"agency:interior-department","name":"Department of the Interior"},
      {"id":"agency:solicitor-office-interior-department","name":"Office of the Solicitor of the Department of the Interior"}]})",
                         "t")
                  .ok());
  auto e = Entities(kb, "The Office of the Solicitor of the Department of the Interior shall advise.");
  EXPECT_TRUE(e.count("agency:solicitor-office-interior-department"));
  EXPECT_TRUE(e.count("agency:interior-department"));
}

TEST(Issue9EntityTest, BuiltinKnowledgeBaseNamesSubAgenciesEopUnitsAndNewCouncils) {  // issue 9
  auto kb = KnowledgeBase::Builtin();
  ASSERT_TRUE(kb.ok());
  auto e = Entities(*kb,
                    "For purposes of this order, \"agency\" means any executive department, including the Executive "
                    "Office of the President. The Bureau of Land Management, the Council of Economic Advisers, the "
                    "National Energy Dominance Council, the White House Office of Domestic Climate Policy, the "
                    "Department of Energy's Loan Programs Office, the National Minerals Information Center and the "
                    "Office of Surface Mining Reclamation and Enforcement shall report.");
  for (const char* id : {"agency:executive-office-of-the-president", "agency:land-management-bureau",
                         "agency:council-of-economic-advisers", "agency:national-energy-dominance-council",
                         "agency:domestic-climate-policy-office", "agency:loan-programs-office",
                         "agency:national-minerals-information-center",
                         "agency:surface-mining-reclamation-and-enforcement-office"})
    EXPECT_TRUE(e.count(id)) << id;
  // The Federal Register's list is all there, with parents.
  size_t fr = 0;
  for (const auto& ent : kb->entities()) fr += ent.type == "agency" && ent.source.rfind("fr-agencies", 0) == 0;
  EXPECT_GT(fr, 300u);
  ASSERT_NE(kb->Find("agency:animal-and-plant-health-inspection-service"), nullptr);
  EXPECT_EQ(kb->Find("agency:animal-and-plant-health-inspection-service")->parent, "agency:agriculture-department");
}

TEST(Issue9EntityTest, ChineseBodiesNamedByTheirFunction) {  // issue 9
  auto kb = KnowledgeBase::Builtin();
  ASSERT_TRUE(kb.ok());
  auto e = Entities(*kb,
                    "第一条 国务院商务主管部门会同外交、海关等国家有关部门制定目录。\n\n"
                    "第二条 国务院发展改革、财政、物资储备、能源等有关部门负责储备。\n\n"
                    "第三条 由国务院地质矿产主管部门会同国务院财政部门、计划主管部门制定。\n\n"
                    "第四条 县级以上人民政府自然资源主管部门会同交通运输等有关部门组织验收。");
  for (const char* id : {"agency:cn-commerce-ministry", "agency:cn-foreign-affairs-ministry", "agency:cn-customs",
                         "agency:cn-national-development-reform-commission", "agency:cn-finance-ministry",
                         "agency:cn-food-strategic-reserves-administration", "agency:cn-energy-administration",
                         "agency:cn-natural-resources-ministry"})
    EXPECT_TRUE(e.count(id)) << id;
  // Local departments name no national body.
  EXPECT_FALSE(e.count("agency:cn-transport-ministry"));
  EXPECT_EQ(e["agency:cn-natural-resources-ministry"], 1u);  // 国务院地质矿产主管部门 only, not the county one
}

TEST(ChineseEvidenceTest, AChineseSentenceIsQuotedWithoutThePreviousFullStop) {  // issue 16
  const std::string text = "第一条 为了管理镓的出口，制定本办法。第二条 国务院商务主管部门负责管理工作。";
  const std::string s = SentenceAround(text, text.find("国务院"));
  EXPECT_EQ(s.rfind("第二条", 0), 0u) << s;
}

TEST(ChineseNegationTest, NamedOnlyUnderANegationOfNamingIsNoMention) {  // issue 16
  auto kb = KnowledgeBase::Builtin();
  ASSERT_TRUE(kb.ok());
  // The demo corpus's sentence, in our words: examples after "names no mineral".
  auto e = Entities(*kb, "本法条文没有点名任何具体矿种，如稀土、镓，只规定了战略性矿产资源目录。");
  EXPECT_FALSE(e.count("mineral:rare-earth-elements"));
  EXPECT_FALSE(e.count("mineral:gallium"));
  EXPECT_TRUE(e.count("concept:critical-minerals"));  // after 只: the scope has ended
  e = Entities(*kb, "该目录不包括锂和钴。清单未列入锗；镓已列入清单。");
  EXPECT_FALSE(e.count("mineral:lithium"));
  EXPECT_FALSE(e.count("mineral:cobalt"));
  EXPECT_FALSE(e.count("mineral:germanium"));
  EXPECT_TRUE(e.count("mineral:gallium"));  // the next clause names it
  // Negations about the mineral, not of naming it, leave the mention alone;
  // 不仅包括 is "not only".
  e = Entities(*kb, "我国不出口稀土。名录不仅包括锂，还包括石墨。");
  EXPECT_TRUE(e.count("mineral:rare-earth-elements"));
  EXPECT_TRUE(e.count("mineral:lithium"));
  EXPECT_TRUE(e.count("mineral:graphite"));
}

}  // namespace
}  // namespace lodestone
