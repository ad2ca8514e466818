#include "core/image_header.h"

#include <gtest/gtest.h>

#include <string>

namespace parcelproof {
namespace {

std::string Be32(uint32_t v) { return {char(v >> 24), char(v >> 16), char(v >> 8), char(v)}; }

// A PNG signature, an IHDR claiming width x height, and an IEND: enough for
// the header reader, which looks no further.
std::string PngClaiming(uint32_t width, uint32_t height) {
  std::string b("\x89PNG\r\n\x1A\n", 8);
  b += Be32(13) + "IHDR" + Be32(width) + Be32(height) + std::string("\x08\x00\x00\x00\x00", 5);
  b += Be32(0);  // CRC (not checked here)
  b += Be32(0) + "IEND" + Be32(0xAE426082);
  return b;
}

TEST(ImageHeaderTest, ReadsClaimedPngSize) {
  auto h = ReadImageHeader(PngClaiming(640, 480), 100000000);
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  EXPECT_EQ(h->width, 640);
  EXPECT_EQ(h->height, 480);
}

TEST(ImageHeaderTest, RefusesOverThePixelLimit) {
  auto h = ReadImageHeader(PngClaiming(20000, 20000), 100000000);
  EXPECT_EQ(h.status().code(), Status::Code::kUnsupported);
  EXPECT_NE(h.status().message().find("over the limit of 100 MP"), std::string::npos);
}

// Regression (issue 14, found by fuzzing): sides of 2^31 or more made
// width * height overflow int64 and wrap negative, skipping the refusal.
TEST(ImageHeaderTest, SidesBeyondTheFormatLimitAreCorruptNotOverflowed) {
  for (uint32_t side : {0x80000000u, 0xFFFFFFFFu}) {
    auto h = ReadImageHeader(PngClaiming(side, side), 100000000);
    EXPECT_EQ(h.status().code(), Status::Code::kCorrupt) << side;
    EXPECT_NE(h.status().message().find("beyond the format's limit"), std::string::npos);
  }
  // Large but legal sides whose product overflows 32 bits are still refused.
  auto h = ReadImageHeader(PngClaiming(0x7FFFFFFF, 0x7FFFFFFF), 100000000);
  EXPECT_EQ(h.status().code(), Status::Code::kUnsupported);
}

}  // namespace
}  // namespace parcelproof
