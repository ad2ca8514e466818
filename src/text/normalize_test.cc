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
