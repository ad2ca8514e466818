// Text lines found beside a label's frame line and a 2-D code: the lines
// printed a few pixels from the frame are found (they used to join it and be
// dropped as too tall), and the code's modules make no lines.
#include "image/text_lines.h"

#include <gtest/gtest.h>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

#include "gray_mat.h"

namespace parcelproof {
namespace {

// Five lines of text whose left edge is a few pixels from a frame line,
// under a rule, with a code-like block of modules to their right.
cv::Mat LabelCorner() {
  cv::Mat m(400, 760, CV_8UC1, cv::Scalar(235));
  cv::line(m, cv::Point(100, 10), cv::Point(104, 390), cv::Scalar(20), 2);  // frame, tilted
  cv::line(m, cv::Point(100, 60), cv::Point(740, 56), cv::Scalar(20), 2);   // rule
  const std::vector<std::string> lines = {"SHIP TO:", "Emma Wilson", "88 George Street",
                                          "Sydney NSW 2000", "AUSTRALIA"};
  for (size_t i = 0; i < lines.size(); ++i) {
    cv::putText(m, lines[i], cv::Point(110, 110 + 30 * static_cast<int>(i)),
                cv::FONT_HERSHEY_SIMPLEX, 0.6, cv::Scalar(20), 2, cv::LINE_AA);
  }
  cv::RNG rng(7);
  for (int y = 0; y < 25; ++y) {
    for (int x = 0; x < 25; ++x) {
      // Every other row full, so that the modules hold together as in a
      // real code; loose modules between them.
      if (y % 2 == 1 && x > 0 && rng.uniform(0, 2) == 0) continue;
      cv::rectangle(m, cv::Rect(480 + 6 * x, 90 + 6 * y, 6, 6), cv::Scalar(20), cv::FILLED);
    }
  }
  return m;
}

TEST(TextLinesTest, LinesBesideTheFrameAreFoundWhole) {
  std::vector<TextBlock> blocks = FindTextBlocks(testing::GrayFromMat(LabelCorner()), 6, 45);
  const TextBlock* address = nullptr;
  for (const TextBlock& b : blocks) {
    if (b.bounds.x > 100 && b.bounds.x < 120 &&
        (!address || b.lines.size() > address->lines.size()))
      address = &b;
  }
  ASSERT_NE(address, nullptr);
  EXPECT_EQ(address->lines.size(), 5u);
  for (const Box& l : address->lines) EXPECT_GE(l.x, 105) << l.y;
}

TEST(TextLinesTest, ModulesOfACodeMakeNoLines) {
  for (const TextBlock& b : FindTextBlocks(testing::GrayFromMat(LabelCorner()), 6, 45)) {
    for (const Box& l : b.lines) {
      bool in_code = l.x + l.w > 470 && l.y + l.h > 85 && l.y < 245;
      EXPECT_FALSE(in_code) << l.x << "," << l.y << " " << l.w << "x" << l.h;
    }
  }
}

TEST(TextLinesTest, BlankAndTinyPicturesHaveNoLines) {
  EXPECT_TRUE(
      FindTextBlocks(testing::GrayFromMat(cv::Mat(300, 300, CV_8UC1, cv::Scalar(255))), 6, 45)
          .empty());
  EXPECT_TRUE(
      FindTextBlocks(testing::GrayFromMat(cv::Mat(4, 4, CV_8UC1, cv::Scalar(0))), 6, 45).empty());
}

}  // namespace
}  // namespace parcelproof
