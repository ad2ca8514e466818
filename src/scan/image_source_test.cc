// A large JPEG's full-resolution picture decoded in bands of rows on demand
// holds exactly the pixels of the whole decode, whatever order they are asked
// in, and a rotated photo's upright areas find their stored rows.
#include "scan/image_source.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "jpeg/jpeg_decode.h"
#include "synthetic_label.h"

namespace parcelproof {
namespace {

constexpr int kW = 4100, kH = 300;  // reduced by 2 for the base picture

std::vector<uint8_t> Rows(const GrayView& v, int begin, int end) {
  std::vector<uint8_t> out;
  for (int y = begin; y < end; ++y) {
    const uint8_t* row = v.data + static_cast<size_t>(y) * static_cast<size_t>(v.stride);
    out.insert(out.end(), row, row + v.width);
  }
  return out;
}

std::vector<uint8_t> Rows(const GrayPixels& g, int begin, int end) {
  return {g.data.begin() + static_cast<ptrdiff_t>(begin) * g.width,
          g.data.begin() + static_cast<ptrdiff_t>(end) * g.width};
}

Quad Box(double x0, double y0, double x1, double y1) {
  return {PointF{x0, y0}, PointF{x1, y0}, PointF{x1, y1}, PointF{x0, y1}};
}

class ImageSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    jpeg_ = testing::TexturedJpeg(kW, kH, false);
    Result<GrayPixels> whole = DecodeJpegGray(jpeg_, 1);
    ASSERT_TRUE(whole.ok());
    whole_ = *whole;
  }
  std::string jpeg_;
  GrayPixels whole_;
};

TEST_F(ImageSourceTest, BandsOnDemandAddUpToTheWholeDecode) {
  ImageSource source(jpeg_, ImageHeader{ImageKind::kJpeg, kW, kH}, 1);
  ASSERT_TRUE(source.Init(int64_t{1} << 30).ok());
  ASSERT_TRUE(source.reduced());
  const Picture* full = source.FullAround({Box(100, 120, 300, 160)});
  ASSERT_NE(full, nullptr);
  ASSERT_EQ(full->width(), kW);
  ASSERT_EQ(full->height(), kH);
  EXPECT_EQ(Rows(full->view(), 120, 161), Rows(whole_, 120, 161));
  EXPECT_NE(Rows(full->view(), 0, 100), Rows(whole_, 0, 100));  // not decoded yet
  // Rows above those decoded, then overlapping ones, then the rest.
  full = source.FullAround({Box(0, 10, 50, 20), Box(4000, 150, 4099, 200)});
  ASSERT_NE(full, nullptr);
  EXPECT_EQ(Rows(full->view(), 10, 21), Rows(whole_, 10, 21));
  EXPECT_EQ(Rows(full->view(), 120, 201), Rows(whole_, 120, 201));
  full = source.Full();
  ASSERT_NE(full, nullptr);
  EXPECT_EQ(Rows(full->view(), 0, kH), Rows(whole_, 0, kH));
  EXPECT_EQ(source.FullAround({Box(0, 0, 10, 10)}), full);
}

TEST_F(ImageSourceTest, RotatedPhotosMapUprightAreasToStoredRows) {
  // EXIF 6: the upright picture is kH wide and kW tall; its column x is
  // stored row kH - x.
  ImageSource source(jpeg_, ImageHeader{ImageKind::kJpeg, kW, kH}, 6);
  ASSERT_TRUE(source.Init(int64_t{1} << 30).ok());
  EXPECT_EQ(source.full_width(), kH);
  const Picture* full = source.FullAround({Box(250, 1000, 260, 1200)});
  ASSERT_NE(full, nullptr);
  EXPECT_EQ(Rows(full->view(), 40, 50), Rows(whole_, 40, 50));
}

TEST_F(ImageSourceTest, AreasOffThePictureOrNotANumberAreSafe) {
  ImageSource source(jpeg_, ImageHeader{ImageKind::kJpeg, kW, kH}, 1);
  ASSERT_TRUE(source.Init(int64_t{1} << 30).ok());
  const Picture* full = source.FullAround({Box(-500, -900, -100, -400)});
  ASSERT_NE(full, nullptr);
  EXPECT_EQ(Rows(full->view(), 0, 1), Rows(whole_, 0, 1));  // the edge row, replicated
  double nan = std::nan("");
  full = source.FullAround({Box(nan, nan, 10, 10)});  // the whole picture then
  ASSERT_NE(full, nullptr);
  EXPECT_EQ(Rows(full->view(), 0, kH), Rows(whole_, 0, kH));
}

TEST_F(ImageSourceTest, CutDataGivesTheSameAnswerAsTheWholeDecode) {
  std::string cut = jpeg_.substr(0, jpeg_.size() * 3 / 5);
  Result<GrayPixels> whole = DecodeJpegGray(cut, 1);
  ImageSource source(cut, ImageHeader{ImageKind::kJpeg, kW, kH}, 1);
  ASSERT_TRUE(source.Init(int64_t{1} << 30).ok());
  const Picture* full = source.FullAround({Box(0, 250, 100, 299)});
  ASSERT_EQ(full != nullptr, whole.ok());
  if (full) {
    EXPECT_EQ(Rows(full->view(), 250, 300), Rows(*whole, 250, 300));
  }
}

}  // namespace
}  // namespace parcelproof
