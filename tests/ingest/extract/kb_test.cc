// The knowledge base (lodestone/ingest/kb.h): loading files, extending an
// entity, look-ups, "did you mean" and the administrations. Tiny files
// written here; the built-in one only where its facts are the point.
#include "lodestone/ingest/kb.h"

#include <gtest/gtest.h>

namespace lodestone {
namespace {

KnowledgeBase Tiny() {
  KnowledgeBase kb;
  Status s = kb.AddJson(R"({"type":"mineral","entities":[
      {"id":"mineral:lithium","name":"lithium","aliases":["Li metal"],"zh":["锂"]},
      {"id":"mineral:cobalt","name":"cobalt"}]})",
                        "minerals.json");
  EXPECT_TRUE(s.ok()) << s.message();
  s = kb.AddJson(R"({"type":"agency","entities":[
      {"id":"agency:energy-department","name":"Department of Energy","acronyms":["DOE"]}]})",
                 "agencies.json");
  EXPECT_TRUE(s.ok()) << s.message();
  return kb;
}

std::string Ids(const std::vector<const Entity*>& es) {
  std::string out;
  for (const Entity* e : es) out += (out.empty() ? "" : " ") + e->id;
  return out;
}

TEST(KnowledgeBaseTest, LookupByIdNameAliasAcronymAndChineseName) {
  KnowledgeBase kb = Tiny();
  const std::pair<const char*, const char*> cases[] = {
      {"mineral:lithium", "mineral:lithium"},
      {"LITHIUM", "mineral:lithium"},  // names and aliases ignore case
      {"li metal", "mineral:lithium"},
      {"锂", "mineral:lithium"},
      {"DOE", "agency:energy-department"},
      {"doe", ""},  // acronyms keep their case
      {"nickel", ""},
  };
  for (const auto& [name, want] : cases) EXPECT_EQ(Ids(kb.Lookup(name)), want) << name;
  ASSERT_NE(kb.Find("mineral:cobalt"), nullptr);
  EXPECT_EQ(kb.Find("mineral:cobalt")->type, "mineral");
  EXPECT_EQ(kb.Find("mineral:nickel"), nullptr);
}

TEST(KnowledgeBaseTest, AFileExtendsAnEntityThatExists) {
  KnowledgeBase kb = Tiny();
  ASSERT_TRUE(kb.AddJson(R"({"type":"mineral","entities":[{"id":"mineral:cobalt","name":"cobalt",
      "aliases":["Co metal"]}]})",
                         "mine.json")
                  .ok());
  EXPECT_EQ(Ids(kb.Lookup("co metal")), "mineral:cobalt");
  size_t cobalts = 0;
  for (const auto& e : kb.entities()) cobalts += e.id == "mineral:cobalt";
  EXPECT_EQ(cobalts, 1u);
}

TEST(KnowledgeBaseTest, DidYouMeanIsCloseIds) {
  KnowledgeBase kb = Tiny();
  auto near = kb.Similar("lithum", 5);
  ASSERT_FALSE(near.empty());
  EXPECT_EQ(near[0], "mineral:lithium");
  EXPECT_TRUE(kb.Similar("zzzzzzzzzzzz", 5).empty());
}

TEST(KnowledgeBaseTest, BuiltinAdministrations) {
  auto kb = KnowledgeBase::Builtin();
  ASSERT_TRUE(kb.ok()) << kb.status().message();
  ASSERT_FALSE(kb->Administrations().empty());
  // On an inauguration day the new president's.
  const Administration* on = kb->AdministrationOn("2021-01-20");
  ASSERT_NE(on, nullptr);
  const Administration* before = kb->AdministrationOn("2021-01-19");
  ASSERT_NE(before, nullptr);
  EXPECT_NE(on->president, before->president);
  EXPECT_EQ(kb->AdministrationOn("not a date"), nullptr);
}

}  // namespace
}  // namespace lodestone
