#include "image/pixel_ops.h"

#include <gtest/gtest.h>

#include <opencv2/core.hpp>

namespace parcelproof {
namespace {

// Every pair of saturated magnitudes (and values beyond 255 and below
// -255, which saturate), against the OpenCV calls MeanAbs replaces.
TEST(PixelOpsTest, MeanAbsMatchesOpenCvForEveryPair) {
  std::vector<int16_t> values;
  for (int v = -300; v <= 300; ++v) values.push_back(static_cast<int16_t>(v));
  values.push_back(-32768);
  values.push_back(32767);
  int n = static_cast<int>(values.size());
  cv::Mat gx(n, n, CV_16S), gy(n, n, CV_16S);
  for (int r = 0; r < n; ++r) {
    for (int c = 0; c < n; ++c) {
      gx.at<int16_t>(r, c) = values[static_cast<size_t>(r)];
      gy.at<int16_t>(r, c) = values[static_cast<size_t>(c)];
    }
  }
  cv::Mat ax, ay, want;
  cv::convertScaleAbs(gx, ax);
  cv::convertScaleAbs(gy, ay);
  cv::addWeighted(ax, 0.5, ay, 0.5, 0, want);
  cv::Mat got(n, n, CV_8U);
  MeanAbs(gx.ptr<int16_t>(), gy.ptr<int16_t>(), got.ptr<uint8_t>(), gx.total());
  EXPECT_EQ(cv::countNonZero(got != want), 0);
}

TEST(PixelOpsTest, TwiceMinusMatchesOpenCvForEveryPair) {
  cv::Mat a(256, 256, CV_8U), b(256, 256, CV_8U);
  for (int r = 0; r < 256; ++r) {
    for (int c = 0; c < 256; ++c) {
      a.at<uint8_t>(r, c) = static_cast<uint8_t>(r);
      b.at<uint8_t>(r, c) = static_cast<uint8_t>(c);
    }
  }
  cv::Mat want;
  cv::addWeighted(a, 2.0, b, -1.0, 0, want);
  cv::Mat got(256, 256, CV_8U);
  TwiceMinus(a.ptr<uint8_t>(), b.ptr<uint8_t>(), got.ptr<uint8_t>(), a.total());
  EXPECT_EQ(cv::countNonZero(got != want), 0);
}

}  // namespace
}  // namespace parcelproof
