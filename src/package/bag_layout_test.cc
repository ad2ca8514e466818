#include "package/bag_layout.h"

#include <gtest/gtest.h>

namespace parcelproof::package {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST(BagInfoTest, ParsesLabelsValuesAndContinuations) {
  EXPECT_EQ(ParseBagInfo("Source-Organization: parcelproof user\r\n"
                         "External-Description: two\n  lines\n"
                         "Bag-Size:1 KB\n"
                         "no colon here\n"),
            (Pairs{{"Source-Organization", "parcelproof user"},
                   {"External-Description", "two lines"},
                   {"Bag-Size", "1 KB"}}));
}

// Regression (bagit_fuzz): a continuation line of blanks only threw
// std::out_of_range, so `verify` of such a package ended in an internal error.
TEST(BagInfoTest, BlankContinuationLineIsIgnored) {
  EXPECT_EQ(ParseBagInfo("Payload-Oxum: 23.1\n \n\t\nBag-Size: 1 KB\n"),
            (Pairs{{"Payload-Oxum", "23.1"}, {"Bag-Size", "1 KB"}}));
  EXPECT_NO_THROW(ParseBagInfo(" \n"));
  EXPECT_NO_THROW(ParseBagInfo("A: b\n "));
}

}  // namespace
}  // namespace parcelproof::package
