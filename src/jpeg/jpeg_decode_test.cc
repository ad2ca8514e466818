#include "jpeg/jpeg_decode.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "synthetic_label.h"

namespace parcelproof {
namespace {

using testing::RampJpeg;
using testing::TexturedJpeg;

// The rows [begin, end) of a packed picture `width` wide.
std::vector<uint8_t> Rows(const std::vector<uint8_t>& data, int width, int begin, int end) {
  return {data.begin() + static_cast<ptrdiff_t>(begin) * width,
          data.begin() + static_cast<ptrdiff_t>(end) * width};
}

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
  const std::string junk("\xFF\xD8\xFF\xC0\x00\x11\x08\xFF\xFF\xFF\xFF\x03garbage", 19);
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

TEST(JpegDecodeTest, RowBandsHoldTheWholeDecodesPixelsAndNothingElse) {
  for (bool progressive : {false, true}) {
    std::string jpeg = TexturedJpeg(333, 250, progressive);
    Result<GrayPixels> whole = DecodeJpegGray(jpeg, 1);
    ASSERT_TRUE(whole.ok()) << whole.status().ToString();
    // Bands starting and ending inside and on iMCU rows (16 rows in 4:2:0).
    std::vector<RowBand> bands = {{0, 5}, {16, 17}, {37, 90}, {200, 250}};
    std::vector<uint8_t> part(whole->data.size(), 7);
    Status s = DecodeJpegGrayRows(jpeg, bands, part.data(), 333, 250);
    ASSERT_TRUE(s.ok()) << s.ToString();
    int next = 0;
    for (const RowBand& b : bands) {
      EXPECT_EQ(Rows(part, 333, b.begin, b.end), Rows(whole->data, 333, b.begin, b.end))
          << progressive << " rows " << b.begin << ".." << b.end;
      // Rows between bands are left as they were.
      EXPECT_EQ(Rows(part, 333, next, b.begin),
                std::vector<uint8_t>(static_cast<size_t>(b.begin - next) * 333, 7));
      next = b.end;
    }
  }
}

TEST(JpegDecodeTest, RowBandsStopEarlyAndMayEndAtTheLastRow) {
  std::string jpeg = TexturedJpeg(64, 48, false);
  Result<GrayPixels> whole = DecodeJpegGray(jpeg, 1);
  ASSERT_TRUE(whole.ok());
  std::vector<uint8_t> part(whole->data.size(), 7);
  ASSERT_TRUE(DecodeJpegGrayRows(jpeg, {{3, 4}}, part.data(), 64, 48).ok());
  EXPECT_EQ(Rows(part, 64, 3, 4), Rows(whole->data, 64, 3, 4));
  EXPECT_EQ(Rows(part, 64, 4, 48), std::vector<uint8_t>(44 * 64, 7));
  ASSERT_TRUE(DecodeJpegGrayRows(jpeg, {{47, 48}}, part.data(), 64, 48).ok());
  EXPECT_EQ(Rows(part, 64, 47, 48), Rows(whole->data, 64, 47, 48));
}

TEST(JpegDecodeTest, RowBandsOfBadDataOrAnotherSizeAreCleanErrors) {
  std::vector<uint8_t> out(64 * 48, 0);
  std::string jpeg = TexturedJpeg(64, 48, false);
  Status wrong = DecodeJpegGrayRows(jpeg, {{0, 8}}, out.data(), 64, 40);
  EXPECT_EQ(wrong.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(DecodeJpegGrayRows("", {{0, 8}}, out.data(), 64, 48).code(), Status::Code::kCorrupt);
  const std::string junk("\xFF\xD8\xFF\xC0\x00\x11\x08\xFF\xFF\xFF\xFF\x03garbage", 19);
  EXPECT_FALSE(DecodeJpegGrayRows(junk, {{0, 8}}, out.data(), 64, 48).ok());
  EXPECT_EQ(DecodeJpegGrayRows(RampJpeg(64, 48, 4), {{0, 8}}, out.data(), 64, 48).code(),
            Status::Code::kUnsupported);
  // Cut or damaged scan data: a picture (libjpeg warns) or an error, never a crash.
  for (size_t cut : {size_t{20}, size_t{200}, jpeg.size() / 2}) {
    Status s = DecodeJpegGrayRows(jpeg.substr(0, cut), {{0, 8}, {40, 48}}, out.data(), 64, 48);
    if (!s.ok()) {
      EXPECT_EQ(s.code(), Status::Code::kCorrupt) << cut;
    }
  }
}

}  // namespace
}  // namespace parcelproof
