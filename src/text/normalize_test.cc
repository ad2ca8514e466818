#include "text/normalize.h"

#include <gtest/gtest.h>

namespace parcelproof {

TEST(FoldForCompareTest, FoldsCaseSpacesHyphensAndNormalForm) {
  EXPECT_EQ(FoldForCompare("SW1A 1AA"), FoldForCompare("sw1a1aa"));
  EXPECT_EQ(FoldForCompare("10115"), FoldForCompare("10-115"));
  // "ü" precomposed vs u + combining diaeresis, and upper vs lower case.
  EXPECT_EQ(FoldForCompare("M\xC3\xBCller"), FoldForCompare("MU\xCC\x88LLER"));
  EXPECT_EQ(FoldForCompare("Stra\xC3\x9F"
                           "e"),
            FoldForCompare("STRASSE"));
  EXPECT_NE(FoldForCompare("101000"), FoldForCompare("101001"));
}

TEST(FoldForCompareTest, SurvivesInvalidUtf8) {
  EXPECT_EQ(FoldForCompare("A\xFF"
                           "B"),
            FoldForCompare("a\xFF"
                           "b"));
}

}  // namespace parcelproof

namespace parcelproof {

TEST(FoldForMatchTest, RemovesAccentsCaseAndPunctuation) {
  EXPECT_EQ(FoldForMatch("Invalidenstra\xC3\x9F"
                         "e 117"),
            "invalidenstrasse 117");
  EXPECT_EQ(FoldForMatch("  Chlo\xC3\xA9 -- MARTIN, "), "chloe martin");
  // "Москва" in capitals folds to lower-case Cyrillic.
  EXPECT_EQ(FoldForMatch("\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90"),
            "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
  EXPECT_EQ(FoldForMatch("a\xFF"
                         "b"),
            "a b");
}

}  // namespace parcelproof
