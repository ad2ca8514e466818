// The area the ship-to step decodes at full resolution (ShipToFullArea),
// which full-resolution barcode retries decode in the same pass: the frame
// LocateShipTo warps around a small tracking barcode, nothing around one the
// base picture shows large enough.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "scan/image_source.h"
#include "scan/ship_to_locate.h"
#include "synthetic_label.h"

namespace parcelproof {
namespace {

constexpr int kW = 4100, kH = 300;  // reduced by 2 for the base picture

std::array<PointF, 4> Bars(double x, double y, double w, double h) {
  return {PointF{x, y}, PointF{x + w, y}, PointF{x + w, y + h}, PointF{x, y + h}};
}

class ShipToAreaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    source_.emplace(testing::TexturedJpeg(kW, kH, false), ImageHeader{ImageKind::kJpeg, kW, kH}, 1);
    ASSERT_TRUE(source_->Init(int64_t{1} << 30).ok());
    ASSERT_TRUE(source_->reduced());
  }
  std::optional<ImageSource> source_;
};

TEST_F(ShipToAreaTest, SmallBarcodeGivesItsFrameWithTheCropMargin) {
  // 400 pixels wide: 200 on the base picture, too small for the print.
  std::optional<Quad> area = ShipToFullArea(*source_, Bars(1000, 200, 400, 60));
  ASSERT_TRUE(area.has_value());
  double x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9;
  for (const PointF& p : *area) {
    x0 = std::min(x0, p.x);
    x1 = std::max(x1, p.x);
    y0 = std::min(y0, p.y);
    y1 = std::max(y1, p.y);
  }
  // 0.45 widths left and 1.45 right of the barcode's left edge, 1.7 widths
  // above its top and 0.7 below its bottom, and 64 pixels more each way
  // (within a pixel: the frame's size is whole pixels).
  EXPECT_NEAR(x0, 1000 - 180 - 64, 1.5);
  EXPECT_NEAR(x1, 1000 + 580 + 64, 1.5);
  EXPECT_NEAR(y0, 200 - 680 - 64, 1.5);
  EXPECT_NEAR(y1, 260 + 280 + 64, 1.5);
}

TEST_F(ShipToAreaTest, LargeOrTinyBarcodeNeedsNoFullResolution) {
  EXPECT_FALSE(ShipToFullArea(*source_, Bars(1000, 100, 1000, 80)).has_value());
  EXPECT_FALSE(ShipToFullArea(*source_, Bars(1000, 100, 15, 5)).has_value());
}

TEST(ShipToAreaSmallPhotoTest, PhotoDecodedWholeNeedsNoFullResolution) {
  ImageSource source(testing::TexturedJpeg(600, 300, false),
                     ImageHeader{ImageKind::kJpeg, 600, 300}, 1);
  ASSERT_TRUE(source.Init(int64_t{1} << 30).ok());
  ASSERT_FALSE(source.reduced());
  EXPECT_FALSE(ShipToFullArea(source, Bars(100, 100, 100, 30)).has_value());
}

}  // namespace
}  // namespace parcelproof
