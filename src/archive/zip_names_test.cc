#include "archive/zip_names.h"

#include <gtest/gtest.h>

namespace parcelproof::archive {
namespace {

TEST(ZipNames, RefusesUnsafeNames) {
  EXPECT_EQ(UnsafeNameReason("bag/data/a.jpg"), "");
  EXPECT_EQ(UnsafeNameReason("bag/data/"), "");
  for (const char* bad :
       {"", "/etc/passwd", "bag/../x", "..", "bag/..", "a\\b", "C:/x", "c:x", "bag//x", "bag/./x",
        "a\x01"
        "b",
        "bad\xff"}) {
    EXPECT_NE(UnsafeNameReason(bad), "") << bad;
  }
  EXPECT_NE(UnsafeNameReason("bag/../x").find("traversal"), std::string::npos);
}

TEST(ZipNames, FoldKeyCollidesCaseAndUnicodeForms) {
  EXPECT_EQ(NameFoldKey("Bag/Data/A.JPG"), NameFoldKey("bag/data/a.jpg"));
  EXPECT_EQ(NameFoldKey("caf\xc3\xa9"), NameFoldKey("cafe\xcc\x81"));  // NFC vs NFD
  EXPECT_EQ(NameFoldKey("\xc3\x89t\xc3\xa9"), NameFoldKey("e\xcc\x81te\xcc\x81"));
  EXPECT_EQ(NameFoldKey("\xef\xbc\xa1"), NameFoldKey("a"));  // full-width A
  EXPECT_NE(NameFoldKey("a.jpg"), NameFoldKey("b.jpg"));
  EXPECT_NE(NameFoldKey("caf\xc3\xa9"), NameFoldKey("cafe"));  // accents are not case
}

}  // namespace
}  // namespace parcelproof::archive
