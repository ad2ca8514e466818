// The ship-to locator on pictures drawn here (Hershey fonts), so that every
// compiler's build reads the same geometry: a sender's block cut by the
// photo's top edge (its "FROM:" head lost) is never taken for the ship-to
// block, and a block that runs off the photo is never confident enough for
// a verdict.
#include "scan/ship_to_locate.h"

#include <gtest/gtest.h>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

#include "ocr/ocr.h"

namespace parcelproof {
namespace {

// A white 1600 x 1200 photo with a barcode-like anchor at (400..1000,
// 900..1000) and `lines` printed from `top` (the first line's baseline) at x 300.
ImageSource Photo(const std::vector<std::string>& lines, int top, cv::Mat* pixels) {
  *pixels = cv::Mat(1200, 1600, CV_8UC1, cv::Scalar(255));
  for (size_t i = 0; i < lines.size(); ++i) {
    cv::putText(*pixels, lines[i], cv::Point(300, top + 48 * static_cast<int>(i)),
                cv::FONT_HERSHEY_SIMPLEX, 1.2, cv::Scalar(0), 3, cv::LINE_AA);
  }
  for (int x = 400; x < 1000; x += 12) {
    cv::rectangle(*pixels, cv::Rect(x, 900, 6, 100), cv::Scalar(0), cv::FILLED);
  }
  ImageSource source("", ImageHeader{ImageKind::kPng, 1600, 1200}, 1);
  source.SetBaseForTesting(
      Picture::FromGray(pixels->data, pixels->cols, pixels->rows, static_cast<int>(pixels->step)));
  return source;
}

const std::array<PointF, 4> kAnchor = {PointF{400, 900}, PointF{1000, 900}, PointF{1000, 1000},
                                       PointF{400, 1000}};

class ShipToLocateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!InitOcr().ok()) GTEST_SKIP() << "Tesseract data not installed";
  }
};

TEST_F(ShipToLocateTest, UncuedBlockInsideThePhotoIsRead) {
  cv::Mat pixels;
  ImageSource source =
      Photo({"4100 COMMERCE DR", "COLUMBUS OH 43219", "UNITED STATES"}, 300, &pixels);
  LocatedBlock block = LocateShipTo(&source, kAnchor);
  ASSERT_TRUE(block.found) << block.why;
  ASSERT_TRUE(block.readable) << block.why;
  ASSERT_FALSE(block.text.lines.empty());
  EXPECT_NE(block.text.lines.back().text.find("UNITED"), std::string::npos);
}

TEST_F(ShipToLocateTest, UncuedBlockCutByTheTopEdgeIsNotTaken) {
  // The sender's block of a close-up: "FROM: ..." above the frame, the rest
  // of its lines parse as an address (the defect: a false MISMATCH on
  // COLUMBUS / US).
  cv::Mat pixels;
  ImageSource source =
      Photo({"4100 COMMERCE DR", "COLUMBUS OH 43219", "UNITED STATES"}, 22, &pixels);
  LocatedBlock block = LocateShipTo(&source, kAnchor);
  EXPECT_FALSE(block.found) << block.text.lines.size() << " lines read";
  EXPECT_NE(block.why.find("reads as an address"), std::string::npos) << block.why;
}

TEST_F(ShipToLocateTest, CuedBlockRunningOffThePhotoIsNeverConfident) {
  cv::Mat pixels;
  ImageSource source = Photo(
      {"SHIP TO:", "EMMA WILSON", "88 GEORGE STREET", "SYDNEY NSW 2000", "AUSTRALIA"}, 24, &pixels);
  LocatedBlock block = LocateShipTo(&source, kAnchor);
  ASSERT_TRUE(block.found) << block.why;
  ASSERT_TRUE(block.readable) << block.why;
  EXPECT_NE(block.why.find("runs off the photo"), std::string::npos) << block.why;
  ASSERT_FALSE(block.text.lines.empty());
  for (const OcrLine& l : block.text.lines) {
    EXPECT_LE(l.confidence, 0.5) << l.text;
    for (const OcrWord& w : l.words) EXPECT_LE(w.confidence, 0.5) << l.text;
  }
}

}  // namespace
}  // namespace parcelproof
