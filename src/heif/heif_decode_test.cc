// DecodeHeifRgb/DecodeHeifGray on HEICs made with libheif's encoder at test
// time: colours survive, the container's rotation (irot) is applied once and
// the EXIF Orientation inside is not applied on top.
#include "heif/heif_decode.h"

#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "cli_runner.h"
#include "exif_builder.h"
#include "synthetic_label.h"

namespace parcelproof {
namespace {

// A 128x64 white card with a red 32x32 square in its top-left corner.
std::string MakeHeic(const testing::TempDir& dir, int orientation, const std::string& exif) {
  cv::Mat img(64, 128, CV_8UC3, cv::Scalar(255, 255, 255));
  cv::rectangle(img, cv::Rect(0, 0, 32, 32), cv::Scalar(0, 0, 255), cv::FILLED);
  if (!cv::imwrite(dir.File("card.png"), img)) return "";
  testing::HeicOptions options;
  options.orientation = orientation;
  options.exif = exif;
  if (!testing::WriteColourHeic(dir.File("card.png"), dir.File("card.heic"), options)) return "";
  return testing::ReadFileOrDie(dir.File("card.heic"));
}

const uint8_t* At(const RgbPixels& p, int x, int y) {
  return &p.data[(static_cast<size_t>(y) * p.width + x) * 3];
}

TEST(HeifDecodeTest, RgbKeepsColours) {
  testing::TempDir dir;
  std::string heic = MakeHeic(dir, 1, "");
  if (heic.empty()) GTEST_SKIP() << "no HEVC encoder to make a HEIC";
  Result<RgbPixels> p = DecodeHeifRgb(heic, 100000000);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_EQ(p->width, 128);
  ASSERT_EQ(p->height, 64);
  ASSERT_EQ(p->data.size(), 128u * 64 * 3);
  const uint8_t* red = At(*p, 16, 16);
  EXPECT_GT(red[0], 200);
  EXPECT_LT(red[1], 60);
  EXPECT_LT(red[2], 60);
  const uint8_t* white = At(*p, 100, 40);
  EXPECT_GT(white[0] + white[1] + white[2], 700);
  // A colour photo (YCbCr 4:2:0, as phones write) also decodes to grey.
  Result<GrayPixels> g = DecodeHeifGray(heic, 100000000);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  ASSERT_EQ(g->width, 128);
  EXPECT_LT(g->data[16 * 128 + 16], 150);  // red is darker than white
  EXPECT_GT(g->data[40 * 128 + 100], 230);
}

// irot says "turn 90 degrees clockwise" and the EXIF says the same (as an
// iPhone writes both): the picture is turned once, to 64x128, with the red
// square now top-right.
TEST(HeifDecodeTest, ContainerRotationOnlyNeverTheExifOrientation) {
  testing::TempDir dir;
  testing::TiffBuilder exif;
  exif.ifd0 = {testing::ShortEntry(0x0112, 6)};
  std::string heic = MakeHeic(dir, 6, exif.Build());
  if (heic.empty()) GTEST_SKIP() << "no HEVC encoder to make a HEIC";
  Result<RgbPixels> p = DecodeHeifRgb(heic, 100000000);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_EQ(p->width, 64);
  ASSERT_EQ(p->height, 128);
  EXPECT_GT(At(*p, 48, 16)[0], 200);
  EXPECT_LT(At(*p, 48, 16)[1], 60);
  EXPECT_GT(At(*p, 16, 16)[1], 200);  // top-left is white
  Result<GrayPixels> g = DecodeHeifGray(heic, 100000000);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->width, 64);
  EXPECT_EQ(g->height, 128);
}

TEST(HeifDecodeTest, RefusesOversizeAndBrokenFiles) {
  testing::TempDir dir;
  std::string heic = MakeHeic(dir, 1, "");
  if (heic.empty()) GTEST_SKIP() << "no HEVC encoder to make a HEIC";
  Result<RgbPixels> big = DecodeHeifRgb(heic, 1000);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), Status::Code::kUnsupported);
  for (size_t cut : {size_t{0}, size_t{30}, heic.size() / 2}) {
    Result<RgbPixels> p = DecodeHeifRgb(heic.substr(0, cut), 100000000);
    ASSERT_FALSE(p.ok()) << cut;
    EXPECT_EQ(p.status().code(), Status::Code::kCorrupt) << p.status().ToString();
  }
}

}  // namespace
}  // namespace parcelproof
