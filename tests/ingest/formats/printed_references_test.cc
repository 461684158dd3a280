// Printed reference lists (formats/printed_references.h): finding the
// section, splitting entries, and the fields of one entry. The texts are
// written for each heuristic.
#include "formats/printed_references.h"

#include <gtest/gtest.h>

namespace lodestone::internal {
namespace {

std::string_view Section(std::string_view text) {
  TextRange r = FindReferenceSection(text);
  return text.substr(r.begin, r.end - r.begin);
}

TEST(PrintedReferences, FindsTheLastReferencesHeadingUpToAnAppendix) {
  const std::string text =
      "Intro text cites references loosely.\n"
      "References\n"
      "[1] Doe J. A title. J Geol. 2018.\n"
      "Appendix A\n"
      "More text.\n";
  std::string_view s = Section(text);
  EXPECT_NE(s.find("[1] Doe J."), std::string_view::npos);
  EXPECT_EQ(s.find("Appendix"), std::string_view::npos);
  EXPECT_EQ(s.find("Intro"), std::string_view::npos);
  EXPECT_TRUE(Section("No list in this text.\n").empty());
  EXPECT_NE(Section("Body.\n7. REFERENCES\nSmith, J. (2001). T. X.\n").find("Smith"), std::string_view::npos);
}

TEST(PrintedReferences, SplitsAtLabelsNumbersAndAuthorLines) {
  auto labelled = SplitReferences("[1] Doe J. One. 2018.\n[2] Roe R. Two. 2019.\n");
  ASSERT_EQ(labelled.size(), 2u);
  EXPECT_EQ(labelled[1].label, "2");
  auto numbered = SplitReferences("1. Doe J. One. 2018.\n2. Roe R. Two. 2019.\n3. Poe P. Three. 2020.\n");
  EXPECT_EQ(numbered.size(), 3u);
  // No labels: a new entry starts at an author line after a line that ends one.
  auto by_author = SplitReferences(
      "Doe, J. (2018). A first title that runs\nover two lines. Journal A.\nRoe, R. (2019). Second. Journal B.\n");
  ASSERT_EQ(by_author.size(), 2u);
  EXPECT_NE(by_author[0].text.find("over two lines"), std::string::npos);
}

TEST(PrintedReferences, FieldsOfOneEntry) {
  Reference r = ParsePrintedReference("[3] Doe, J., Roe, R. (2018). Lithium in brines. J Geol 12:3. doi:10.1000/ABC");
  EXPECT_EQ(r.label, "3");
  EXPECT_EQ(r.doi, "10.1000/abc");
  EXPECT_EQ(r.year, "2018");
  EXPECT_EQ(r.title, "Lithium in brines");
  EXPECT_NE(r.text.find("Doe, J."), std::string::npos);
  EXPECT_EQ(r.text.find("[3]"), std::string::npos);  // the label is not part of the text
  Reference quoted = ParsePrintedReference("Doe J, \"A quoted title,\" Journal, 2001.");
  EXPECT_EQ(quoted.title, "A quoted title");
  EXPECT_EQ(quoted.year, "2001");
  // A year inside a DOI is not the entry's year.
  Reference doi_year = ParsePrintedReference("Doe J. Title. https://doi.org/10.1000/2017.55");
  EXPECT_EQ(doi_year.year, "");
}

}  // namespace
}  // namespace lodestone::internal
