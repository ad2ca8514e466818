#include "scan/video_stills.h"

#include <gtest/gtest.h>

namespace parcelproof {
namespace {

VideoBarcode Read(const std::string& format, const std::string& number, int64_t frame) {
  VideoBarcode b;
  b.barcode.format = format;
  b.barcode.text = number;
  TrackingCandidate t;
  t.number = number;
  b.barcode.tracking.push_back(t);
  b.best_frame = frame;
  b.best_time_s = frame / 30.0;
  return b;
}

TEST(VideoStillsTest, OneLabelStillPerTrackingNumberThenTheSharpestFrameOfEachWindow) {
  VideoScan scan;
  scan.duration_s = 6;
  scan.barcodes = {Read("Code128", "RR123456785CN", 31), Read("QRCode", "RR123456785CN", 73),
                   Read("Code128", "RR472518365CN", 120)};
  VideoBarcode plain;  // no tracking number: no still
  plain.best_frame = 5;
  scan.barcodes.push_back(plain);
  for (int i = 0; i < 12; ++i) {  // every 0.5 s; the sharpest of each 2-s window: 1, 4, 9
    double sharp = (i == 1 || i == 4 || i == 9) ? 50 : 10;
    scan.samples.push_back({i * 0.5, i * 7680LL, i * 15LL, sharp});
  }
  std::vector<StillPick> picks = PickStills(scan, 3);
  ASSERT_EQ(picks.size(), 5u);
  EXPECT_EQ(picks[0].purpose, "label");
  EXPECT_EQ(picks[0].frame, 31);
  EXPECT_TRUE(picks[0].has_barcode);
  EXPECT_EQ(picks[1].frame, 120);
  EXPECT_EQ(picks[2].purpose, "contents");
  EXPECT_EQ(picks[2].frame, 15);
  EXPECT_EQ(picks[3].frame, 60);
  EXPECT_EQ(picks[4].frame, 135);
  EXPECT_DOUBLE_EQ(picks[4].time_s, 4.5);
  EXPECT_EQ(PickStills(scan, 0).size(), 2u);  // label stills only
}

TEST(VideoStillsTest, AFrameIsKeptOnce) {
  VideoScan scan;
  scan.duration_s = 1;
  scan.barcodes = {Read("Code128", "RR123456785CN", 15)};
  scan.samples = {{0.5, 7680, 15, 99}};
  std::vector<StillPick> picks = PickStills(scan, 1);
  ASSERT_EQ(picks.size(), 1u);
  EXPECT_EQ(picks[0].purpose, "label");
}

}  // namespace
}  // namespace parcelproof
