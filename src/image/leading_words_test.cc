// Where a line's picture is cut to keep its leading words: at a gap between
// words, never inside a word, and not at all when there is nothing to cut.
#include "image/leading_words.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <string>

#include "gray_mat.h"

namespace parcelproof {
namespace {

constexpr int kLeft = 20, kBaseline = 45;
constexpr double kScale = 1.0;
constexpr int kThickness = 2;

// `text` printed on white in a Hershey font, its line in rows 20..50.
cv::Mat Line(const std::string& text, int width = 700) {
  cv::Mat m(66, width, CV_8UC1, cv::Scalar(255));
  cv::putText(m, text, cv::Point(kLeft, kBaseline), cv::FONT_HERSHEY_SIMPLEX, kScale, cv::Scalar(0),
              kThickness, cv::LINE_AA);
  return m;
}

int TextWidth(const std::string& text) {
  int baseline = 0;
  return cv::getTextSize(text, cv::FONT_HERSHEY_SIMPLEX, kScale, kThickness, &baseline).width;
}

bool InkInColumn(const cv::Mat& m, int x) {
  for (int y = 0; y < m.rows; ++y) {
    if (m.at<uint8_t>(y, x) < 128) return true;
  }
  return false;
}

TEST(LeadingWordsTest, CutsInTheGapAfterTheWordsWanted) {
  cv::Mat m = Line("SHIP TO: Anna Schmidt-Lehmann 12");
  int cut = LeadingWordsWidth(testing::GrayFromMat(m), 18, 52, 2);
  EXPECT_GT(cut, kLeft + TextWidth("SHIP TO:"));
  EXPECT_LT(cut, kLeft + TextWidth("SHIP TO: A"));
  EXPECT_FALSE(InkInColumn(m, cut));
  int three = LeadingWordsWidth(testing::GrayFromMat(m), 18, 52, 3);
  EXPECT_GT(three, kLeft + TextWidth("SHIP TO: Anna"));
  EXPECT_LT(three, kLeft + TextWidth("SHIP TO: Anna S"));
}

TEST(LeadingWordsTest, KeepsAWholeLineOfFewWords) {
  cv::Mat m = Line("Empfanger:");
  EXPECT_EQ(LeadingWordsWidth(testing::GrayFromMat(m), 18, 52, 2), m.cols);
  cv::Mat two = Line("CHINA POST");
  EXPECT_EQ(LeadingWordsWidth(testing::GrayFromMat(two), 18, 52, 2), two.cols);
  EXPECT_LT(LeadingWordsWidth(testing::GrayFromMat(two), 18, 52, 1), two.cols);
}

TEST(LeadingWordsTest, GapsBetweenLettersAreNoWordGaps) {
  // Letters 12 px wide, 3 px apart; words 12 px apart (text 20 px high).
  cv::Mat m(40, 300, CV_8UC1, cv::Scalar(250));
  int x = 10;
  for (int word = 0; word < 4; ++word) {
    for (int letter = 0; letter < 3; ++letter, x += 15) {
      cv::rectangle(m, cv::Rect(x, 10, 12, 20), cv::Scalar(20), cv::FILLED);
    }
    x += 9;  // 12 px from the last letter's right edge to the next word
  }
  // The second word's last letter ends at 106, the third word starts at 118.
  EXPECT_EQ(LeadingWordsWidth(testing::GrayFromMat(m), 10, 30, 2), 112);
  EXPECT_EQ(LeadingWordsWidth(testing::GrayFromMat(m), 10, 30, 1), 58);
}

TEST(LeadingWordsTest, InkOutsideTheLineRowsIsIgnored) {
  cv::Mat m = Line("SHIP TO: Anna Schmidt");
  // A line above touching the top rows fills every gap there.
  cv::rectangle(m, cv::Rect(0, 0, m.cols, 6), cv::Scalar(0), cv::FILLED);
  int cut = LeadingWordsWidth(testing::GrayFromMat(m), 18, 52, 2);
  EXPECT_LT(cut, kLeft + TextWidth("SHIP TO: A"));
  EXPECT_EQ(LeadingWordsWidth(testing::GrayFromMat(m), 0, 52, 2), m.cols);
}

TEST(LeadingWordsTest, FaintOrDegeneratePicturesAreKeptWhole) {
  cv::Mat faint(40, 300, CV_8UC1, cv::Scalar(200));
  cv::rectangle(faint, cv::Rect(10, 10, 40, 20), cv::Scalar(170), cv::FILLED);
  cv::rectangle(faint, cv::Rect(80, 10, 40, 20), cv::Scalar(170), cv::FILLED);
  cv::rectangle(faint, cv::Rect(150, 10, 40, 20), cv::Scalar(170), cv::FILLED);
  EXPECT_EQ(LeadingWordsWidth(testing::GrayFromMat(faint), 5, 35, 1), 300);
  GrayPixels empty;
  EXPECT_EQ(LeadingWordsWidth(empty, 0, 10, 2), 0);
  GrayPixels short_data;
  short_data.width = 10;
  short_data.height = 10;
  EXPECT_EQ(LeadingWordsWidth(short_data, 0, 10, 2), 10);
  EXPECT_EQ(LeadingWordsWidth(testing::GrayFromMat(Line("A B C")), 18, 52, 0), 700);
}

}  // namespace
}  // namespace parcelproof
