#include "jpeg/jpeg_decode.h"

#include <gtest/gtest.h>

#include <string>

#include "synthetic_label.h"

namespace parcelproof {
namespace {

using testing::RampJpeg;

TEST(JpegDecodeTest, ReducesInTheDctDomainAndKeepsTheRamp) {
  std::string jpeg = RampJpeg(401, 203, 3);
  ASSERT_TRUE(IsPlainJpeg(jpeg));
  for (int reduce : {1, 2, 4, 8}) {
    Result<GrayPixels> g = DecodeJpegGray(jpeg, reduce);
    ASSERT_TRUE(g.ok()) << g.status().ToString();
    EXPECT_EQ(g->width, (401 + reduce - 1) / reduce) << reduce;
    EXPECT_EQ(g->height, (203 + reduce - 1) / reduce) << reduce;
    ASSERT_EQ(g->data.size(), static_cast<size_t>(g->width) * g->height);
    int mid = g->height / 2 * g->width;
    EXPECT_LT(g->data[mid + 1], 40) << reduce;
    EXPECT_GT(g->data[mid + g->width - 2], 215) << reduce;
    EXPECT_NEAR(g->data[mid + g->width / 2], 128, 12) << reduce;
  }
}

TEST(JpegDecodeTest, GreyJpegDecodes) {
  Result<GrayPixels> g = DecodeJpegGray(RampJpeg(64, 16, 1), 1);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->width, 64);
}

TEST(JpegDecodeTest, CmykIsLeftToAnotherDecoder) {
  std::string cmyk = RampJpeg(64, 16, 4);
  EXPECT_FALSE(IsPlainJpeg(cmyk));
  Result<GrayPixels> g = DecodeJpegGray(cmyk, 1);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), Status::Code::kUnsupported);
}

TEST(JpegDecodeTest, GarbageIsCorruptNotACrash) {
  EXPECT_FALSE(IsPlainJpeg(""));
  EXPECT_FALSE(DecodeJpegGray("", 1).ok());
  std::string junk = "\xFF\xD8\xFF\xC0\x00\x11\x08\xFF\xFF\xFF\xFF\x03garbage";
  Result<GrayPixels> g = DecodeJpegGray(junk, 2);
  EXPECT_FALSE(g.ok());
  // A frame header cut short after valid tables.
  std::string jpeg = RampJpeg(64, 16, 3);
  for (size_t cut : {size_t{20}, size_t{100}, jpeg.size() / 2}) {
    Result<GrayPixels> part = DecodeJpegGray(jpeg.substr(0, cut), 1);
    if (part.ok()) {
      EXPECT_EQ(part->width, 64);  // libjpeg pads a cut scan: a warning
    }
  }
}

TEST(JpegDecodeTest, DamagedScanDataStillGivesAPicture) {
  std::string jpeg = RampJpeg(256, 256, 3);
  for (size_t i = jpeg.size() / 2; i < jpeg.size() / 2 + 40; ++i) jpeg[i] = '\x5A';
  Result<GrayPixels> g = DecodeJpegGray(jpeg, 1);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->width, 256);
  EXPECT_EQ(g->height, 256);
}

}  // namespace
}  // namespace parcelproof
