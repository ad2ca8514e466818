// Dense reads on two lanes give exactly what one lane gives: the same frames
// decoded, scanned and recorded (the scan JSON byte for byte), on a splice
// of two parcels' clips and on a clip with corrupt frames, scan after scan.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "cli_runner.h"
#include "scan/video_json.h"
#include "scan/video_scan.h"
#include "video_gen.h"

namespace parcelproof {
namespace {

using testing::HaveFfmpeg;
using testing::LabelClipSpec;
using testing::TempDir;

std::string LabelClip(const TempDir& dir, const std::string& name, const std::string& tracking) {
  LabelClipSpec spec;
  spec.label_png = dir.File(name + ".png");
  testing::WriteTrackingLabel(spec.label_png, tracking);
  std::string out = dir.File(name + ".mp4");
  EXPECT_TRUE(testing::MakeLabelClip(spec, out));
  return out;
}

// The scan JSON with samples; *lanes: which phases ran on two lanes.
std::string ScanJson(const std::string& path, bool one_lane,
                     std::map<std::string, bool>* lanes = nullptr) {
  VideoScanHooks hooks;
  hooks.one_lane = one_lane;
  hooks.on_lanes = [lanes](const std::string& phase, bool two) {
    if (lanes != nullptr) (*lanes)[phase] = two;
  };
  VideoScan scan = ScanVideoInProcess(path, hooks);
  EXPECT_TRUE(scan.status.ok()) << scan.status.ToString();
  return VideoScanToJson(scan, true);
}

TEST(VideoLanesTest, TwoLanesGiveWhatOneLaneGivesOnASplice) {
  SKIP_WITHOUT_FFMPEG();
  TempDir dir;
  std::string own = LabelClip(dir, "own", "RR123456785CN");
  std::string other = LabelClip(dir, "other", "RR472518365CN");
  std::string splice = dir.File("splice.mp4");
  ASSERT_TRUE(
      testing::RunFfmpeg({"-i", own, "-i", other, "-filter_complex", "[0:v][1:v]concat=n=2:v=1",
                          "-c:v", "libx264", "-preset", "ultrafast", "-g", "30", splice}));
  std::map<std::string, bool> lanes;
  std::string two = ScanJson(splice, false, &lanes);
  EXPECT_TRUE(lanes["edges"]);
  EXPECT_TRUE(lanes["sharpest"]);
  EXPECT_NE(two.find("RR123456785CN"), std::string::npos) << two;
  EXPECT_NE(two.find("RR472518365CN"), std::string::npos) << two;
  EXPECT_EQ(two, ScanJson(splice, true));
  EXPECT_EQ(two, ScanJson(splice, false));
}

TEST(VideoLanesTest, TwoLanesGiveWhatOneLaneGivesAroundCorruptFrames) {
  SKIP_WITHOUT_FFMPEG();
  TempDir dir;
  LabelClipSpec spec;
  spec.label_png = dir.File("label.png");
  testing::WriteTrackingLabel(spec.label_png, "RR123456785CN");
  spec.shown_from = 0.5;
  spec.shown_to = 3.5;
  spec.pan = false;
  std::string clip = dir.File("clip.mp4");
  ASSERT_TRUE(testing::MakeLabelClip(spec, clip));
  std::string bytes = testing::ReadFileOrDie(clip);
  size_t mdat = bytes.find("mdat"), moov = bytes.find("moov");
  ASSERT_LT(mdat, moov);
  size_t at = mdat + (moov - mdat) * 6 / 10;  // garbage over a frame near 2.4 s
  for (size_t i = at; i < at + 3000; ++i) bytes[i] = static_cast<char>(i * 37);
  std::string corrupt = dir.File("corrupt.mp4");
  testing::WriteFileOrDie(corrupt, bytes);
  std::map<std::string, bool> lanes;
  std::string two = ScanJson(corrupt, false, &lanes);
  EXPECT_TRUE(lanes["edges"]);
  EXPECT_NE(two.find("corrupt-frames"), std::string::npos) << two;
  EXPECT_EQ(two, ScanJson(corrupt, true));
  EXPECT_EQ(two, ScanJson(corrupt, false));
}

}  // namespace
}  // namespace parcelproof
