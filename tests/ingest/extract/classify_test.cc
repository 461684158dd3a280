// The kind of a policy document from its path, title and text
// (extract/classify.h). Texts are tiny and written for each rule.
#include "extract/classify.h"

#include <gtest/gtest.h>

namespace lodestone::internal {
namespace {

struct Case {
  const char* path;
  const char* title;
  const char* text;
  Kind kind;
};

TEST(ClassifyKind, EachRuleOnItsFormula) {
  const Case cases[] = {
      {"/x/fact-sheets/a.md", "Anything", "", Kind::kFactSheet},
      {"/x/a.md", "FACT SHEET: Something", "", Kind::kFactSheet},
      {"/x/a.md", "中华人民共和国矿产资源法", "", Kind::kLaw},
      {"/x/a.md", "稀土管理条例", "", Kind::kRegulation},
      {"/x/a.md", "矿产资源管理办法", "", Kind::kRegulation},  // 办法 ends in 法 too
      {"/x/statements-releases/a.md", "Anything", "it is hereby ordered", Kind::kStatement},
      {"/x/a.md", "Executive Order on Something", "", Kind::kExecutiveOrder},
      {"/x/a.md", "Something", "By the authority vested in me, it is hereby ordered:", Kind::kExecutiveOrder},
      {"/x/a.md", "Something", "NOW, THEREFORE, I do hereby proclaim May 1 as Day.", Kind::kProclamation},
      {"/x/a.md", "Something", "MEMORANDUM FOR THE SECRETARY OF ENERGY\n\nSUBJECT: Things", Kind::kPresidentialMemorandum},
      {"/x/a.md", "Something", "Presidential Determination No. 2022-11", Kind::kPresidentialMemorandum},
      {"/x/a.md", "Notice on the Continuation of Something", "", Kind::kNotice},
      {"/x/a.md", "Statement by the President", "", Kind::kStatement},
      {"/x/a.md", "Readout of a Call", "", Kind::kStatement},
      {"/x/a.md", "Executive Grant of Clemency for A. Person", "To All to Whom These Presents Shall Come", Kind::kOther},
      {"/x/a.md", "Presidential Permit: Authorizing a Bridge", "I hereby grant this Presidential permit", Kind::kOther},
  };
  for (const Case& c : cases) EXPECT_EQ(ClassifyKind(c.path, c.title, c.text), c.kind) << c.title << " | " << c.text;
}

// issue 10: the White House pages of 2025-26 wrap lines inside the formulas,
// underline words one by one and open proclamations with a heading; their
// press releases (nominations, disaster declarations, bills signed) and
// messages to Congress are statements.
TEST(ClassifyKind, WhiteHousePagesOf2025) {
  const Case cases[] = {
      {"/x/a.md", "Unleashing Drones", "By the authority vested in me as President, it is hereby\nordered:",
       Kind::kExecutiveOrder},
      {"/x/a.md", "Unleashing Drones",
       "<span style=\"text-decoration: underline\">it</span> is\u00a0hereby <span>ordered</span>:",
       Kind::kExecutiveOrder},
      {"/x/a.md", "Adjusting Imports of Copper",
       "BY THE PRESIDENT OF THE UNITED STATES OF AMERICA\n\nA PROCLAMATION\n\n1. On June 30, the Secretary",
       Kind::kProclamation},
      {"/x/a.md", "Honoring a Memory", "By the President of the United States of America\n**A Proclamation**",
       Kind::kProclamation},
      {"/x/a.md", "Memorandum on the Designation of Officials",
       "SUBJECT: Designation\n\nBy the authority vested in me, it is hereby ordered:", Kind::kPresidentialMemorandum},
      {"/x/a.md", "Reviewing Actions", "MEMORANDUM FOR\nTHE ATTORNEY GENERAL\n\nit is hereby ordered:",
       Kind::kPresidentialMemorandum},
      {"/x/a.md", "Nominations Sent to the Senate", "A. Person, of Ohio, to be Judge.", Kind::kStatement},
      {"/x/a.md", "Nominations and Withdrawal Sent to the\\_Senate", "", Kind::kStatement},
      {"/x/a.md", "President Approves Maine Disaster\\_Declaration", "Today, the President declared", Kind::kStatement},
      {"/x/a.md", "Bill Signed: S.\\_3427", "On Tuesday, the President signed into law", Kind::kStatement},
      {"/x/a.md", "Taking Steps", "TO THE CONGRESS OF THE UNITED STATES:\n\nPursuant to", Kind::kStatement},
  };
  for (const Case& c : cases) EXPECT_EQ(ClassifyKind(c.path, c.title, c.text), c.kind) << c.title << " | " << c.text;
}

}  // namespace
}  // namespace lodestone::internal
