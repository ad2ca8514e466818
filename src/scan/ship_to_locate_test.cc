// The ship-to locator on pictures drawn here (Hershey fonts), so that every
// compiler's build reads the same geometry: a sender's block cut by the
// photo's top edge (its "FROM:" head lost) is never taken for the ship-to
// block, a block that runs off the photo is never confident enough for a
// verdict, and cues found by reading a first line's leading words
// ("SHIP TO: EMMA WILSON", "FROM: ACME TRADING LTD") decide as before.
#include "scan/ship_to_locate.h"

#include <gtest/gtest.h>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

#include "ocr/ocr.h"

namespace parcelproof {
namespace {

// Lines printed from `top` (the first line's baseline) at x 300.
void Print(const std::vector<std::string>& lines, int top, cv::Mat* pixels) {
  for (size_t i = 0; i < lines.size(); ++i) {
    cv::putText(*pixels, lines[i], cv::Point(300, top + 48 * static_cast<int>(i)),
                cv::FONT_HERSHEY_SIMPLEX, 1.2, cv::Scalar(0), 3, cv::LINE_AA);
  }
}

// A white 1600 x 1200 photo with a barcode-like anchor at (400..1000,
// 900..1000) and `lines` printed from `top`, and `more` from `more_top`.
ImageSource Photo(const std::vector<std::string>& lines, int top, cv::Mat* pixels,
                  const std::vector<std::string>& more = {}, int more_top = 0) {
  *pixels = cv::Mat(1200, 1600, CV_8UC1, cv::Scalar(255));
  Print(lines, top, pixels);
  Print(more, more_top, pixels);
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

// Only the leading word of a block's first line is read at first: a cue
// that starts with it is read whole. Here a block of four lines that is no
// address comes first, the cued block second.
TEST_F(ShipToLocateTest, CueLineBeyondItsFirstWordIsReadWhole) {
  cv::Mat pixels;
  ImageSource source =
      Photo({"WEIGHT 450 G", "SHIP DATE 2026-03-03", "ORDER 0200189", "REF 77812"}, 140, &pixels,
            {"SHIP TO: EMMA WILSON", "88 GEORGE STREET", "AUSTRALIA"}, 500);
  LocatedBlock block = LocateShipTo(&source, kAnchor);
  ASSERT_TRUE(block.found) << block.why;
  ASSERT_TRUE(block.readable) << block.why;
  ASSERT_FALSE(block.text.lines.empty());
  EXPECT_NE(block.text.lines.back().text.find("AUSTRALIA"), std::string::npos);
}

TEST_F(ShipToLocateTest, SenderCueBeyondItsFirstWordKeepsTheSenderOut) {
  // Without its cue, the sender's block would parse as an address.
  cv::Mat pixels;
  ImageSource source =
      Photo({"WEIGHT 450 G", "SHIP DATE 2026-03-03", "ORDER 0200189", "REF 77812"}, 140, &pixels,
            {"FROM: ACME TRADING LTD", "LONDON SW1A 1AA", "UNITED KINGDOM"}, 500);
  LocatedBlock block = LocateShipTo(&source, kAnchor);
  EXPECT_FALSE(block.found) << block.text.lines.size() << " lines read";
}

}  // namespace
}  // namespace parcelproof
