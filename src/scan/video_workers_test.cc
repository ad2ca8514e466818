// ScanVideos: a decoder crash costs only that video.
#include <gtest/gtest.h>

#include "cli_runner.h"
#include "parcelproof/video.h"
#include "video_gen.h"

namespace parcelproof {
namespace {

TEST(VideoWorkersTest, ACrashInOneVideoCostsOnlyThatVideo) {
  if (!testing::HaveFfmpeg()) GTEST_SKIP() << "ffmpeg with libx264 not installed";
  testing::TempDir dir;
  std::string clip = dir.File("clip.mp4");
  ASSERT_TRUE(testing::RunFfmpeg({"-f", "lavfi", "-i", "testsrc2=s=160x90:r=10:d=1", "-c:v",
                                  "libx264", "-preset", "ultrafast", clip}));
  VideoScanOptions crash;
  crash.debug_abort_after_frames = 2;
  std::vector<VideoScan> out = ScanVideos({clip, dir.File("missing.mp4")}, crash);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].status.code(), Status::Code::kCorrupt);
  EXPECT_NE(out[0].status.message().find("the video decoder crashed"), std::string::npos)
      << out[0].status.ToString();
  EXPECT_EQ(out[0].sha256.size(), 64u);
  EXPECT_FALSE(out[1].status.ok());
  EXPECT_NE(out[1].status.message().find("missing.mp4"), std::string::npos);
  out = ScanVideos({clip});
  ASSERT_TRUE(out[0].status.ok()) << out[0].status.ToString();
  EXPECT_EQ(out[0].frames_total, 10);
  EXPECT_NEAR(out[0].duration_s, 1.0, 1e-6);
}

TEST(VideoWorkersTest, AVideoThatTakesTooLongIsStoppedAtTheTimeoutPlusItsAllowance) {
  if (!testing::HaveFfmpeg()) GTEST_SKIP() << "ffmpeg with libx264 not installed";
  testing::TempDir dir;
  std::string clip = dir.File("clip.mp4");
  ASSERT_TRUE(testing::RunFfmpeg({"-f", "lavfi", "-i", "testsrc2=s=160x90:r=10:d=4", "-c:v",
                                  "libx264", "-preset", "ultrafast", clip}));
  VideoScanOptions slow;
  slow.timeout_seconds = 1;  // + 4 s / 4 = 2 s for this video
  slow.debug_frame_delay_ms = 1000;
  std::vector<VideoScan> out = ScanVideos({clip}, slow);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].status.code(), Status::Code::kUnsupported);
  EXPECT_NE(out[0].status.message().find("did not finish within 2 s"), std::string::npos)
      << out[0].status.ToString();
}

}  // namespace
}  // namespace parcelproof
