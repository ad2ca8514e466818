#include "image/thumbnail.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/file.h"

namespace parcelproof {
namespace {

class ThumbnailTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/pp-thumb-test-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    cv::Mat img(1200, 1600, CV_8UC3, cv::Scalar(255, 255, 255));
    cv::rectangle(img, cv::Rect(100, 100, 400, 300), cv::Scalar(0, 0, 255), cv::FILLED);
    ASSERT_TRUE(cv::imwrite(dir_ + "/photo.jpg", img));
  }
  void TearDown() override { ASSERT_EQ(system(("rm -rf '" + dir_ + "'").c_str()), 0); }
  std::string dir_;
};

TEST_F(ThumbnailTest, FitsTheBoxAndKeepsTheAspect) {
  auto t = MakeThumbnail(dir_ + "/photo.jpg", 1, 320);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->width, 320);
  EXPECT_EQ(t->height, 240);
  cv::Mat back = cv::imdecode(std::vector<uchar>(t->jpeg.begin(), t->jpeg.end()), cv::IMREAD_COLOR);
  EXPECT_EQ(back.cols, 320);
}

TEST_F(ThumbnailTest, AppliesOrientationAndIsDeterministic) {
  auto a = MakeThumbnail(dir_ + "/photo.jpg", 6, 320);
  auto b = MakeThumbnail(dir_ + "/photo.jpg", 6, 320);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->width, 240);
  EXPECT_EQ(a->height, 320);
  EXPECT_EQ(a->jpeg, b->jpeg);
}

// Pixels from another decoder (HEIF): scaled, never turned, in colour, and
// the same bytes every time.
TEST_F(ThumbnailTest, FromPixelsFitsTheBoxKeepsColourAndIsDeterministic) {
  RgbPixels p;
  p.width = 600;
  p.height = 900;
  p.data.assign(size_t{600} * 900 * 3, 255);
  for (int y = 0; y < 300; ++y) {
    for (int x = 0; x < 300; ++x) {
      uint8_t* px = &p.data[(size_t{static_cast<size_t>(y)} * 600 + x) * 3];
      px[1] = px[2] = 0;  // red
    }
  }
  auto a = MakeThumbnailFromPixels(p, 320);
  auto b = MakeThumbnailFromPixels(p, 320);
  ASSERT_TRUE(a.ok() && b.ok()) << a.status().ToString();
  EXPECT_EQ(a->width, 213);
  EXPECT_EQ(a->height, 320);
  EXPECT_EQ(a->jpeg, b->jpeg);
  cv::Mat back = cv::imdecode(std::vector<uchar>(a->jpeg.begin(), a->jpeg.end()), cv::IMREAD_COLOR);
  ASSERT_EQ(back.rows, 320);
  cv::Vec3b red = back.at<cv::Vec3b>(50, 50), white = back.at<cv::Vec3b>(300, 200);
  EXPECT_GT(red[2], 200);  // BGR
  EXPECT_LT(red[1], 60);
  EXPECT_GT(white[0], 200);
  p.data.pop_back();
  EXPECT_EQ(MakeThumbnailFromPixels(p, 320).status().code(), Status::Code::kCorrupt);
  EXPECT_EQ(MakeThumbnailFromPixels(RgbPixels(), 320).status().code(), Status::Code::kCorrupt);
}

TEST_F(ThumbnailTest, RefusesWhatIsNotAnImage) {
  ASSERT_TRUE(WriteFile(dir_ + "/bad.jpg", "not a jpeg at all").ok());
  auto t = MakeThumbnail(dir_ + "/bad.jpg", 1, 320);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), Status::Code::kCorrupt);
}

}  // namespace
}  // namespace parcelproof
