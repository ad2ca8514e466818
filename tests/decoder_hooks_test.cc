// The decoder hooks video frames use to read less: `enough` (stop once the
// symbols a frame is read for are read) and `lean_when_blank` (one plain
// read of each proposed 2-D region while nothing is found).
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "scan/pipeline.h"
#include "synthetic_label.h"

namespace parcelproof {
namespace {

using testing::SymbolSpec;
using testing::TempDir;
using testing::WriteSyntheticLabel;

std::set<std::string> Read(const ImageScan& scan) {
  std::set<std::string> out;
  for (const Barcode& b : scan.barcodes) out.insert(b.format + '\n' + b.text);
  return out;
}

ScanOptions NoOcr() {
  ScanOptions o;
  o.read_address = false;
  return o;
}

// A QR code and a Code 128 side by side on a card.
std::string TwoSymbolCard(const TempDir& dir) {
  std::string path = dir.File("card.png");
  WriteSyntheticLabel(path, 900, 500,
                      {{"QRCode", "PP-HOOKS-QR", 40, 60, 300, 300},
                       {"Code128", "RR472518365CN", 400, 150, 460, 140}},
                      0);
  return path;
}

TEST(DecoderHooksTest, EnoughStopsOnceTheSymbolsAskedForAreRead) {
  TempDir dir;
  std::string path = TwoSymbolCard(dir);
  PipelineHooks full;
  std::set<std::string> all = Read(RunPipeline(path, NoOcr(), full));
  ASSERT_TRUE(all.count("QRCode\nPP-HOOKS-QR")) << path;
  ASSERT_TRUE(all.count("Code128\nRR472518365CN")) << path;

  // Asked for both: both read, as without the hook.
  PipelineHooks both;
  both.enough = all;
  EXPECT_EQ(Read(RunPipeline(path, NoOcr(), both)), all);

  // Asked for the QR code only (read by the first, whole-picture 2-D pass):
  // no step after it runs, so the Code 128 is not looked for.
  PipelineHooks qr;
  qr.enough = {"QRCode\nPP-HOOKS-QR"};
  std::vector<std::string> steps;
  qr.on_step = [&steps](int, const std::string& what) { steps.push_back(what); };
  EXPECT_EQ(Read(RunPipeline(path, NoOcr(), qr)), std::set<std::string>{"QRCode\nPP-HOOKS-QR"});
  EXPECT_EQ(steps, std::vector<std::string>{"2-D codes"});
}

TEST(DecoderHooksTest, LeanReadingOfBlankFramesKeepsLabelsWithBars) {
  TempDir dir;
  std::string path = TwoSymbolCard(dir);
  PipelineHooks full;
  PipelineHooks lean;
  lean.lean_when_blank = true;
  EXPECT_EQ(Read(RunPipeline(path, NoOcr(), lean)), Read(RunPipeline(path, NoOcr(), full)));
}

}  // namespace
}  // namespace parcelproof
