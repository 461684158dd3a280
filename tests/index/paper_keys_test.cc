// Matching keys: the normalisation that lets a Web of Science "ALHO JM, 1990,
// BIOMETRICS, V46, P623" meet the record "Alho, J. M." 1990 46:623-630.
#include <gtest/gtest.h>

#include "lodestone/index/paper_keys.h"

namespace lodestone {
namespace {

TEST(PaperKeys, SurnamesFromEveryPrintedForm) {
  EXPECT_EQ(SurnameKey("Alho, J. M."), "alho");
  EXPECT_EQ(SurnameKey("ALHO JM"), "alho");
  EXPECT_EQ(SurnameKey("J. M. Alho"), "alho");
  EXPECT_EQ(SurnameKey("de Valpine P"), "devalpine");
  EXPECT_EQ(SurnameKey("de Valpine, Perry"), "devalpine");
  EXPECT_EQ(SurnameKey("Müller-Lüdenscheidt, K."), "mullerludenscheidt");
  EXPECT_EQ(SurnameKey("MARQUES T. A."), "marques");
  EXPECT_EQ(SurnameKey("Jane Doe"), "doe");
  EXPECT_EQ(SurnameKey("Juha M. Alho"), "alho");
  EXPECT_EQ(SurnameKey("Perry de Valpine"), "devalpine");
  EXPECT_EQ(SurnameKey("[Anonymous]"), "");
  EXPECT_EQ(SurnameKey(""), "");
}

TEST(PaperKeys, VolumesPagesTitles) {
  EXPECT_EQ(VolumeKey("V46"), "46");
  EXPECT_EQ(VolumeKey("046"), "46");
  EXPECT_EQ(PageKey("P623"), "623");
  EXPECT_EQ(PageKey("623-630"), "623");
  EXPECT_EQ(PageKey("pp. 12-19"), "12");
  EXPECT_EQ(PageKey("PS445"), "s445");
  EXPECT_EQ(PageKey("S445"), "s445");
  EXPECT_EQ(PageKey("e0123456"), "e0123456");
  EXPECT_EQ(TitleKey("The Estimation of Population Size: a Review of Methods"),
            "estimation-population-size-review-methods");
  EXPECT_EQ(TitleKey("On it"), "") << "too short to identify a work";
  EXPECT_EQ(DoiInText("Schuman MC 2012 eLife 1 e00007 10.7554/eLife.00007."), "10.7554/elife.00007");
  EXPECT_EQ(DoiInText("page e0000710.7554/x"), "") << "a DOI starts a word";
}

TEST(PaperKeys, ReferenceAndPaperMeet) {
  Reference r;
  r.authors = {"ALHO JM"};
  r.year = "1990";
  r.volume = "V46";
  r.page = "P623";
  r.doi = "10.2307/2532083";
  Document d;
  d.kind = Kind::kPaper;
  d.authors = {"Alho, Juha M."};
  d.date = "1990-09-01";
  d.meta = {{"volume", "46"}, {"page", "623"}};
  d.title = "Logistic regression in capture-recapture models";
  auto rk = ReferenceKeys(r), pk = PaperKeys(d);
  ASSERT_EQ(rk.size(), 1u);
  EXPECT_EQ(rk[0], "avp:alho|1990|46|623");
  EXPECT_NE(std::find(pk.begin(), pk.end(), rk[0]), pk.end());
  // An article number is a second key of the paper.
  d.meta["article_number"] = "e77";
  pk = PaperKeys(d);
  EXPECT_NE(std::find(pk.begin(), pk.end(), "avp:alho|1990|46|e77"), pk.end());
  // Packed: ids first, then keys; unpacked back.
  std::string packed = PackReference(r);
  EXPECT_EQ(packed, "doi:10.2307/2532083 avp:alho|1990|46|623");
  auto u = UnpackReference(packed);
  EXPECT_EQ(u.ids, std::vector<std::string>{"doi:10.2307/2532083"});
  EXPECT_EQ(u.keys, std::vector<std::string>{"avp:alho|1990|46|623"});
  // Nothing structured: a hash of the text, the same for the same text.
  Reference bare;
  bare.text = "Some report, unpublished.";
  Reference same = bare;
  same.text = "SOME REPORT unpublished";
  EXPECT_EQ(PackReference(bare).rfind("txt:", 0), 0u);
  EXPECT_EQ(PackReference(bare), PackReference(same));
  EXPECT_EQ(PackReference(Reference{}), "");
}

}  // namespace
}  // namespace lodestone
