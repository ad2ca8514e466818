// The 1-D barcode locator and the bar-run estimate, on synthetic pictures.
#include <gtest/gtest.h>

#include <cmath>
#include <opencv2/imgproc.hpp>

#include "cli_runner.h"
#include "core/file.h"
#include "image/picture.h"
#include "synthetic_label.h"

namespace parcelproof::testing {
namespace {

constexpr int kCardWidth = 900, kCardHeight = 700;
constexpr double kAngle = 30;

const std::vector<SymbolSpec> kLabel = {
    {"Code128", "RR123456785CN", 60, 40, 700, 160},
    {"Code128", "R-DE-10115-B2", 60, 260, 500, 110},
    {"QRCode", "postal_code=10115;country=DE", 620, 420, 220, 220},
};

Picture Load(const std::string& path) {
  Result<std::string> bytes = ReadFileLimited(path, 64 << 20);
  EXPECT_TRUE(bytes.ok());
  Result<Picture> picture = Picture::Decode(*bytes, 1, 1);
  EXPECT_TRUE(picture.ok());
  return *picture;
}

// Where WriteSyntheticLabel puts the centre of a symbol.
PointF CentreInPhoto(const SymbolSpec& s) {
  int side = static_cast<int>(std::hypot(kCardWidth, kCardHeight)) + 40;
  cv::Mat rot = cv::getRotationMatrix2D(cv::Point2f(side / 2.f, side / 2.f), kAngle, 1.0);
  double x = s.x + s.width / 2.0 + (side - kCardWidth) / 2;
  double y = s.y + s.height / 2.0 + (side - kCardHeight) / 2;
  return {rot.at<double>(0, 0) * x + rot.at<double>(0, 1) * y + rot.at<double>(0, 2),
          rot.at<double>(1, 0) * x + rot.at<double>(1, 1) * y + rot.at<double>(1, 2)};
}

bool Inside(const Quad& q, PointF p) {
  int sign = 0;
  for (int i = 0; i < 4; ++i) {
    const PointF &a = q[i], &b = q[(i + 1) % 4];
    double cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    int s = cross > 0 ? 1 : -1;
    if (sign != 0 && s != sign) return false;
    sign = s;
  }
  return true;
}

// Angle of the quad's first side (across the bars), in degrees modulo 180.
double FirstSideDegrees(const Quad& q) {
  double deg = std::atan2(q[1].y - q[0].y, q[1].x - q[0].x) * 180 / M_PI;
  return std::fmod(deg + 360, 180);
}

TEST(LinearLocatorTest, FindsEachCodeOfARotatedLabelOnceWithItsDirection) {
  TempDir dir;
  WriteSyntheticLabel(dir.File("label.png"), kCardWidth, kCardHeight, kLabel, kAngle);
  std::vector<Quad> quads = DetectLinearBarcodes(Load(dir.File("label.png")));
  ASSERT_EQ(quads.size(), 2u);
  for (int i = 0; i < 2; ++i) {
    PointF centre = CentreInPhoto(kLabel[i]);
    int holding = 0;
    for (const Quad& q : quads) {
      if (!Inside(q, centre)) continue;
      ++holding;
      // Rotated 30 degrees counter-clockwise on screen: the bars' normal
      // points at -30 degrees, 150 modulo 180.
      EXPECT_NEAR(FirstSideDegrees(q), 180 - kAngle, 4) << kLabel[i].text;
    }
    EXPECT_EQ(holding, 1) << kLabel[i].text;
  }
  for (const Quad& q : quads) EXPECT_FALSE(Inside(q, CentreInPhoto(kLabel[2])));
}

TEST(LinearLocatorTest, IgnoresSmoothGrainAndPlainPictures) {
  cv::Mat grain(600, 800, CV_8U);
  for (int y = 0; y < grain.rows; ++y) {
    for (int x = 0; x < grain.cols; ++x)
      grain.at<uint8_t>(y, x) = cv::saturate_cast<uint8_t>(128 + 20 * std::sin(x * 2 * M_PI / 24));
  }
  EXPECT_TRUE(DetectLinearBarcodes(Picture::FromGray(grain.data, 800, 600, 800)).empty());
  cv::Mat plain(600, 800, CV_8U, cv::Scalar(200));
  EXPECT_TRUE(DetectLinearBarcodes(Picture::FromGray(plain.data, 800, 600, 800)).empty());
  EXPECT_TRUE(DetectLinearBarcodes(Picture::FromGray(plain.data, 8, 8, 800)).empty());
}

TEST(PictureTest, MeanRunLengthMeasuresStripes) {
  cv::Mat stripes(40, 400, CV_8U);
  for (int x = 0; x < stripes.cols; ++x) stripes.col(x).setTo((x / 5) % 2 ? 30 : 220);
  EXPECT_NEAR(Picture::FromGray(stripes.data, 400, 40, 400).MeanRunLength(), 5.0, 0.3);
  cv::Mat flat(40, 400, CV_8U, cv::Scalar(90));
  EXPECT_EQ(Picture::FromGray(flat.data, 400, 40, 400).MeanRunLength(), 0);
}

}  // namespace
}  // namespace parcelproof::testing
