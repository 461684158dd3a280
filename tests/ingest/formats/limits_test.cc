// The limits on untrusted input (formats/limits.h; issue 11): the XML walks
// at any depth, libxml2's messages on one line, the BibTeX macro cap, the
// line and field limits of tagged records.
#include <gtest/gtest.h>

#include <string>

#include "formats/bibtex.h"
#include "formats/limits.h"
#include "formats/tagged_records.h"
#include "formats/xml.h"

namespace lodestone::internal {
namespace {

// A tree deeper than any parse would allow, built by hand: the walks must
// not recurse (a recursive Text overflowed the stack at 100,000 levels).
TEST(XmlWalks, TextFindAndFindAllSurviveADeepTree) {  // issue 11
  auto doc = ParseXml("<root/>");
  ASSERT_TRUE(doc.ok());
  xmlNode* root = xmlDocGetRootElement(doc->get());
  xmlNode* at = root;
  for (int i = 0; i < 200000; ++i) at = xmlNewChild(at, nullptr, reinterpret_cast<const xmlChar*>("p"), nullptr);
  xmlNewChild(at, nullptr, reinterpret_cast<const xmlChar*>("leaf"), reinterpret_cast<const xmlChar*>("x"));
  EXPECT_EQ(Text(root), "x");
  EXPECT_EQ(Name(Find(root, "leaf")), "leaf");
  EXPECT_EQ(Find(root, "leaf", /*deep=*/false), nullptr);
  std::vector<xmlNode*> all;
  FindAll(root, "leaf", &all);
  EXPECT_EQ(all.size(), 1u);
}

TEST(XmlWalks, TextKeepsBlocksSkipsAndOrder) {
  auto doc = ParseXml("<r><h>Head</h><p>one <i>two</i></p><note>no</note><p>three</p>tail</r>");
  ASSERT_TRUE(doc.ok());
  xmlNode* r = xmlDocGetRootElement(doc->get());
  EXPECT_EQ(Text(r, {"note"}, {"p", "h"}), "Head\none two\nthree\ntail");
  EXPECT_EQ(Text(r), "Headone twonothreetail");
  std::vector<xmlNode*> ps;
  FindAll(r, "p", &ps);
  EXPECT_EQ(ps.size(), 2u);
}

TEST(XmlLimits, DeepNestingIsRefusedNamingTheLimit) {  // issue 11
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  auto doc = ParseXml(deep);
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("(limit: XML nesting depth 256)"), std::string::npos)
      << doc.status().message();
}

TEST(XmlLimits, BillionLaughsInAnAttributeIsRefused) {  // issue 11
  std::string dtd = "<!DOCTYPE r [<!ENTITY l0 \"lol\">";
  for (int i = 1; i <= 9; ++i) {
    dtd += "<!ENTITY l" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) dtd += "&l" + std::to_string(i - 1) + ";";
    dtd += "\">";
  }
  auto doc = ParseXml(dtd + "]><r a=\"&l9;\"/>");
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("(limit: XML entity expansion)"), std::string::npos)
      << doc.status().message();
}

TEST(XmlLimits, AnAttributeOfManyEntityReferencesIsReadWithoutExpandingThem) {  // issue 11: it hung
  std::string refs;
  for (int i = 0; i < 200000; ++i) refs += "&big;";
  auto doc = ParseXml("<!DOCTYPE r [<!ENTITY big \"" + std::string(10000, 'x') + "\">]><r a=\"" + refs +
                      "\" b=\"plain &amp; &#65;\"/>");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  xmlNode* r = xmlDocGetRootElement(doc->get());
  EXPECT_EQ(Attr(r, "a"), "");
  EXPECT_EQ(Attr(r, "b"), "plain & A");
  EXPECT_EQ(Attr(r, "missing"), "");
}

TEST(XmlLimits, ErrorsAreOneLine) {  // issue 11: "path: problem" on one line
  for (const char* bad : {"<a>", "<a></b>", "<a x='1' x='2'/>", "<?xml version='9'?><a", "\x01"}) {
    auto doc = ParseXml(bad);
    ASSERT_FALSE(doc.ok()) << bad;
    EXPECT_EQ(doc.status().message().find('\n'), std::string::npos) << doc.status().message();
    EXPECT_NE(doc.status().message().find("line "), std::string::npos) << doc.status().message();
  }
}

TEST(BibtexLimits, MacrosExpandAsBeforeUnderTheCap) {
  auto e = ParseBibtex("@string{j = \"J. Imag.\"}\n@string{jj = j # \" and \" # j}\n@article{k, journal = jj}\n");
  ASSERT_TRUE(e.ok());
  ASSERT_EQ(e->size(), 1u);
  EXPECT_EQ((*e)[0].fields.at("journal"), "J. Imag. and J. Imag.");
}

TEST(BibtexLimits, ADoublingChainStopsAtTheCap) {  // issue 11: grew until bad_alloc
  std::string bib = "@string{s0 = \"0123456789\"}\n";
  for (int i = 1; i <= 60; ++i)
    bib += "@string{s" + std::to_string(i) + " = s" + std::to_string(i - 1) + " # s" + std::to_string(i - 1) + "}\n";
  auto e = ParseBibtex(bib + "@article{k, title = s60}\n");
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.status().message().find("(limit: BibTeX macro expansion 64 MiB)"), std::string::npos)
      << e.status().message();
}

bool ColonTag(std::string_view line, std::string* tag, std::string* value) {
  size_t c = line.find(": ");
  if (c == std::string_view::npos || c == 0) return false;
  *tag = std::string(line.substr(0, c));
  *value = std::string(line.substr(c + 2));
  return true;
}

TEST(TaggedRecordLimits, ALongLineAndALongFieldAreRefused) {  // issue 11
  TagSyntax syntax{ColonTag, {"Type"}, ""};
  auto ok = ReadTaggedRecords("Type: a\nTitle: one\n  more\n\nType: b\n", syntax);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->size(), 2u);
  EXPECT_EQ(Field((*ok)[0], "Title"), "one more");

  auto line = ReadTaggedRecords("Type: a\nTitle: " + std::string(kMaxLineBytes + 1, 'x') + "\n", syntax);
  ASSERT_FALSE(line.ok());
  EXPECT_NE(line.status().message().find("line 2 is"), std::string::npos) << line.status().message();
  EXPECT_NE(line.status().message().find("(limit: line length"), std::string::npos);

  std::string many = "Type: a\nTitle: x\n";
  std::string chunk(1 << 20, 'y');
  for (size_t i = 0; i <= kMaxFieldBytes >> 20; ++i) many += chunk + "\n";
  auto field = ReadTaggedRecords(many, syntax);
  ASSERT_FALSE(field.ok());
  EXPECT_NE(field.status().message().find("(limit: field length"), std::string::npos) << field.status().message();
}

TEST(TaggedRecordLimits, MoreRecordsThanTheLimitAreRefused) {  // issue 11
  TagSyntax syntax{ColonTag, {"Type"}, ""};
  std::string text;
  text.reserve((kMaxRecordsPerFile + 1) * 8);
  for (size_t i = 0; i < kMaxRecordsPerFile; ++i) text += "Type: a\n";
  auto at_limit = ReadTaggedRecords(text, syntax);
  ASSERT_TRUE(at_limit.ok());
  EXPECT_EQ(at_limit->size(), kMaxRecordsPerFile);
  auto over = ReadTaggedRecords(text + "Type: a\n", syntax);
  ASSERT_FALSE(over.ok());
  EXPECT_NE(over.status().message().find("(limit: records per file"), std::string::npos) << over.status().message();
}

}  // namespace
}  // namespace lodestone::internal
