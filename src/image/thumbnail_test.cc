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

TEST_F(ThumbnailTest, RefusesWhatIsNotAnImage) {
  ASSERT_TRUE(WriteFile(dir_ + "/bad.jpg", "not a jpeg at all").ok());
  auto t = MakeThumbnail(dir_ + "/bad.jpg", 1, 320);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), Status::Code::kCorrupt);
}

}  // namespace
}  // namespace parcelproof
