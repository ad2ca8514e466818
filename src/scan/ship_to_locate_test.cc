// The ship-to locator on pictures drawn here (Hershey fonts), so that every
// compiler's build reads the same geometry: a sender's block cut by the
// photo's top edge (its "FROM:" head lost) is never taken for the ship-to
// block, a block that runs off the photo is never confident enough for a
// verdict, and cues found by reading a first line's leading words
// ("SHIP TO: EMMA WILSON", "FROM: ACME TRADING LTD") decide as before.
#include "scan/ship_to_locate.h"

#include <gtest/gtest.h>

#include <fstream>
#include <opencv2/core.hpp>
#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

#include "ocr/ocr.h"

namespace parcelproof {
namespace {

constexpr char kDejaVu[] = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

// A white 1600 x 1200 photo with a barcode-like anchor at (400..1000,
// 900..1000) and `lines` printed from `top` (the first line's baseline) at
// x 300, in a Hershey font, or in DejaVu Sans when `font` names it (Cyrillic).
ImageSource Photo(const std::vector<std::string>& lines, int top, cv::Mat* pixels,
                  const char* font = nullptr) {
  cv::Mat canvas(1200, 1600, font ? CV_8UC3 : CV_8UC1, cv::Scalar::all(255));
  cv::Ptr<cv::freetype::FreeType2> ft;
  if (font) {
    ft = cv::freetype::createFreeType2();
    ft->loadFontData(font, 0);
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    cv::Point at(300, top + 48 * static_cast<int>(i));
    if (ft) {
      ft->putText(canvas, lines[i], at, 36, cv::Scalar::all(0), -1, cv::LINE_AA, true);
    } else {
      cv::putText(canvas, lines[i], at, cv::FONT_HERSHEY_SIMPLEX, 1.2, cv::Scalar(0), 3,
                  cv::LINE_AA);
    }
  }
  if (font) {
    cv::cvtColor(canvas, *pixels, cv::COLOR_BGR2GRAY);
  } else {
    *pixels = canvas;
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

// A barcode naming a country that writes Cyrillic has the block read in
// Russian first: under a Latin cue and a Latin country line, English alone
// reads the Cyrillic lines as Latin look-alikes at 0.82 ("NetpoBa AHHa"),
// sure enough to keep.
TEST_F(ShipToLocateTest, BarcodeCountryWritingCyrillicReadsRussianFirst) {
  if (!std::ifstream(kDejaVu).good()) GTEST_SKIP() << kDejaVu << " missing (fonts-dejavu-core)";
  cv::Mat pixels;
  ImageSource source =
      Photo({"SHIP TO:", "Петрова Анна", "ул. Ленина 47", "г. Самара", "443099", "ITALIA"}, 300,
            &pixels, kDejaVu);
  LocatedBlock block = LocateShipTo(&source, kAnchor, "RU");
  ASSERT_TRUE(block.readable) << block.why;
  EXPECT_EQ(block.script, "Cyrillic");
  ASSERT_GE(block.text.lines.size(), 2u);
  EXPECT_EQ(block.text.lines[1].text, "Петрова Анна");
  EXPECT_EQ(block.text.lines.back().text, "ITALIA");  // read again in English
}

// ... and a Latin block under such a barcode (a wrong hint) is read as
// without it: the Russian reading is unsure, English reads it.
TEST_F(ShipToLocateTest, LatinBlockUnderACyrillicCountryBarcodeReadsAsWithout) {
  if (!std::ifstream(kDejaVu).good()) GTEST_SKIP() << kDejaVu << " missing (fonts-dejavu-core)";
  cv::Mat pixels;
  ImageSource source =
      Photo({"SHIP TO:", "Felix Weber", "Hauptstrasse 5", "10115 Berlin", "GERMANY"}, 300, &pixels,
            kDejaVu);
  LocatedBlock hinted = LocateShipTo(&source, kAnchor, "RU");
  LocatedBlock plain = LocateShipTo(&source, kAnchor, "");
  ASSERT_TRUE(hinted.readable) << hinted.why;
  EXPECT_EQ(hinted.script, "Latin");
  ASSERT_EQ(hinted.text.lines.size(), plain.text.lines.size());
  for (size_t i = 0; i < plain.text.lines.size(); ++i) {
    EXPECT_EQ(hinted.text.lines[i].text, plain.text.lines[i].text);
  }
  ASSERT_GE(hinted.text.lines.size(), 2u);
  EXPECT_EQ(hinted.text.lines[1].text, "Felix Weber");
}

// A transliterated address to Russia, printed in Latin letters, is read in
// English with or without a barcode naming Russia (Russian read "Samara" as
// "5атага", a false city mismatch).
TEST_F(ShipToLocateTest, TransliteratedAddressToRussiaStaysLatin) {
  if (!std::ifstream(kDejaVu).good()) GTEST_SKIP() << kDejaVu << " missing (fonts-dejavu-core)";
  cv::Mat pixels;
  ImageSource source =
      Photo({"SHIP TO:", "Anna Petrova", "ul. Lenina 47", "Samara 443099", "RUSSIA"}, 300, &pixels,
            kDejaVu);
  for (const char* country : {"RU", ""}) {
    LocatedBlock block = LocateShipTo(&source, kAnchor, country);
    ASSERT_TRUE(block.readable) << block.why;
    EXPECT_EQ(block.script, "Latin") << country;
    ASSERT_EQ(block.text.lines.size(), 5u) << country;
    EXPECT_EQ(block.text.lines[3].text, "Samara 443099") << country;
  }
}

// Only the two leading words of a block's first line are read at first: a
// cue that they begin is read whole. Here a block of four lines that is no
// address comes first, the cued block (three empty lines lower) second.
TEST_F(ShipToLocateTest, CueLineBeyondItsLeadingWordsIsReadWhole) {
  cv::Mat pixels;
  ImageSource source = Photo({"WEIGHT 450 G", "SHIP DATE 2026-03-03", "ORDER 0200189", "REF 77812",
                              "", "", "", "SHIP TO: EMMA WILSON", "88 GEORGE STREET", "AUSTRALIA"},
                             140, &pixels);
  LocatedBlock block = LocateShipTo(&source, kAnchor);
  ASSERT_TRUE(block.found) << block.why;
  ASSERT_TRUE(block.readable) << block.why;
  ASSERT_FALSE(block.text.lines.empty());
  EXPECT_NE(block.text.lines.back().text.find("AUSTRALIA"), std::string::npos);
}

TEST_F(ShipToLocateTest, SenderCueBeyondItsLeadingWordsKeepsTheSenderOut) {
  // Without its cue, the sender's block would parse as an address.
  cv::Mat pixels;
  ImageSource source =
      Photo({"WEIGHT 450 G", "SHIP DATE 2026-03-03", "ORDER 0200189", "REF 77812", "", "", "",
             "FROM: ACME TRADING LTD", "LONDON SW1A 1AA", "UNITED KINGDOM"},
            140, &pixels);
  LocatedBlock block = LocateShipTo(&source, kAnchor);
  EXPECT_FALSE(block.found) << block.text.lines.size() << " lines read";
}

}  // namespace
}  // namespace parcelproof
