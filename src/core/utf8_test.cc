#include "core/utf8.h"

#include <gtest/gtest.h>

namespace parcelproof {
namespace {

TEST(Utf8Test, AcceptsValidText) {
  EXPECT_EQ(FindInvalidUtf8(""), std::string::npos);
  EXPECT_EQ(FindInvalidUtf8("Jonas M\xC3\xBCller"), std::string::npos);
  EXPECT_EQ(FindInvalidUtf8("\xE6\x94\xB6\xE4\xBB\xB6\xE4\xBA\xBA"), std::string::npos);  // 收件人
  EXPECT_EQ(FindInvalidUtf8("\xF0\x9F\x93\xA6"), std::string::npos);                      // U+1F4E6
  EXPECT_EQ(DescribeInvalidUtf8("ok"), "");
}

TEST(Utf8Test, FindsTheFirstBadByte) {
  EXPECT_EQ(FindInvalidUtf8("DE\xB9"), 2u);            // lone continuation byte
  EXPECT_EQ(FindInvalidUtf8("a\xC3"), 1u);             // cut sequence
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("\xE0\x80\xAF"), 0u);      // overlong, 3 bytes
  EXPECT_EQ(FindInvalidUtf8("x\xED\xA0\x80"), 1u);     // surrogate U+D800
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // past U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("\xC3\xA9\xFF"), 2u);      // 0xFF never valid
  EXPECT_EQ(DescribeInvalidUtf8("DE\xB9"), "invalid UTF-8 (byte 0xB9 at offset 2)");
}

}  // namespace
}  // namespace parcelproof
