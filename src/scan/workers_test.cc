// Crash containment: a worker that aborts or hangs costs one step of one image.
#include <gtest/gtest.h>

#include "cli_runner.h"
#include "parcelproof/scan.h"
#include "synthetic_label.h"

namespace parcelproof {
namespace {

using testing::TempDir;
using testing::WriteSyntheticLabel;

TEST(ScanWorkersTest, AbortInAStepIsContainedAndTheStepSkipped) {
  TempDir dir;
  WriteSyntheticLabel(dir.File("a.png"), 800, 300, {{"Code128", "RR123456785CN", 50, 50, 700, 200}},
                      0);
  ScanOptions options;
  options.debug_abort_at_step = 1;  // the first 2-D pass
  std::vector<ImageScan> scans = ScanImages({dir.File("a.png"), dir.File("a.png")}, options);
  ASSERT_EQ(scans.size(), 2u);
  for (const ImageScan& s : scans) {
    ASSERT_TRUE(s.status.ok()) << s.status.ToString();
    ASSERT_EQ(s.barcodes.size(), 1u);
    EXPECT_EQ(s.barcodes[0].text, "RR123456785CN");
    bool noted = false;
    for (const std::string& p : s.problems)
      noted |= p.find("decoder crashed (signal 6") != std::string::npos;
    EXPECT_TRUE(noted) << "the crash is reported as a problem of the image";
  }
}

TEST(ScanWorkersTest, HangIsStoppedByTheTimeout) {
  TempDir dir;
  WriteSyntheticLabel(dir.File("a.png"), 400, 200, {{"Code128", "RR123456785CN", 20, 20, 360, 160}},
                      0);
  ScanOptions options;
  options.debug_hang_at_step = 1;
  options.timeout_seconds = 1;
  std::vector<ImageScan> scans = ScanImages({dir.File("a.png")}, options);
  ASSERT_EQ(scans.size(), 1u);
  EXPECT_FALSE(scans[0].status.ok());
  EXPECT_NE(scans[0].status.message().find("did not finish within 1 s"), std::string::npos);
}

TEST(ScanWorkersTest, ResultsKeepInputOrderWithManyJobs) {
  TempDir dir;
  std::vector<std::string> paths;
  const char* numbers[] = {"RR123456785CN", "1Z999AA10123456784", "LP00123456789", "EE000000005DE"};
  for (int i = 0; i < 4; ++i) {
    paths.push_back(dir.File(std::to_string(i) + ".png"));
    WriteSyntheticLabel(paths.back(), 700, 250, {{"Code128", numbers[i], 40, 40, 620, 170}},
                        10.0 * i);
  }
  ScanOptions options;
  options.jobs = 3;
  std::vector<ImageScan> scans = ScanImages(paths, options);
  ASSERT_EQ(scans.size(), 4u);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(scans[i].file, paths[i]);
    ASSERT_EQ(scans[i].barcodes.size(), 1u) << paths[i];
    EXPECT_EQ(scans[i].barcodes[0].text, numbers[i]);
  }
}

}  // namespace
}  // namespace parcelproof
