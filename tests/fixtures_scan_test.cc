// The real-world images of ../shared/fixtures/barcodes (zxing-cpp v1.4.0
// test samples) against upstream's own "slow" pass thresholds.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "cli_runner.h"
#include "parcelproof/scan.h"
#include "synthetic_label.h"

namespace parcelproof::testing {
namespace {

namespace fs = std::filesystem;

struct Threshold {
  const char* folder;
  int at0, at90, at180, at270;  // -1: not required at that rotation
};

// From fixtures/README.md.
const Threshold kThresholds[] = {
    {"code128-1", 6, -1, 6, -1},      {"code128-3", 2, -1, 2, -1},
    {"qrcode-1", 16, 16, 16, 16},     {"qrcode-3", 25, 25, 25, 24},
    {"qrcode-5", 16, 16, 16, 16},     {"datamatrix-1", 26, 26, 26, 26},
    {"datamatrix-2", 13, 13, 13, 13}, {"pdf417-1", 17, 17, 17, 17},
    {"pdf417-2", 25, 25, 25, 25},     {"maxicode-1", 9, -1, -1, -1},
};

std::string Latin1ToUtf8(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x80)
      out.push_back(static_cast<char>(c));
    else {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

struct Sample {
  std::string image;
  std::vector<std::string> accepted;  // any of these texts counts as a correct read
};

std::vector<Sample> Samples(const std::string& dir) {
  std::vector<Sample> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string ext = e.path().extension().string();
    if (ext != ".png" && ext != ".jpg") continue;
    fs::path base = e.path();
    base.replace_extension();
    Sample s{e.path().string(), {}};
    if (fs::exists(base.string() + ".txt"))
      s.accepted.push_back(ReadFileOrDie(base.string() + ".txt"));
    if (fs::exists(base.string() + ".bin")) {
      std::string bin = ReadFileOrDie(base.string() + ".bin");
      s.accepted.push_back(bin);
      s.accepted.push_back(Latin1ToUtf8(bin));
    }
    out.push_back(s);
  }
  std::sort(out.begin(), out.end(),
            [](const Sample& a, const Sample& b) { return a.image < b.image; });
  return out;
}

int CountCorrect(const std::vector<Sample>& samples, const std::vector<std::string>& paths) {
  std::vector<ImageScan> scans = ScanImages(paths);
  int correct = 0;
  for (size_t i = 0; i < samples.size(); ++i) {
    bool ok = false;
    for (const Barcode& b : scans[i].barcodes) {
      for (const std::string& t : samples[i].accepted) ok |= b.text == t;
    }
    correct += ok;
  }
  return correct;
}

int CountAtRotation(const std::vector<Sample>& samples, int degrees, const TempDir& tmp) {
  std::vector<std::string> paths;
  for (size_t i = 0; i < samples.size(); ++i) {
    if (degrees == 0) {
      paths.push_back(samples[i].image);
      continue;
    }
    paths.push_back(tmp.File(std::to_string(degrees) + "_" + std::to_string(i) + ".png"));
    if (!WriteRotated(samples[i].image, degrees, paths.back())) ADD_FAILURE() << samples[i].image;
  }
  return CountCorrect(samples, paths);
}

class FixtureFolderTest : public ::testing::TestWithParam<Threshold> {};

TEST_P(FixtureFolderTest, MeetsUpstreamSlowThresholds) {
  std::string root = FixturesDir();
  if (root.empty())
    GTEST_SKIP() << "../shared/fixtures is absent: real-image thresholds not checked";
  const Threshold& t = GetParam();
  std::vector<Sample> samples = Samples(root + "/barcodes/zxing-cpp-v1.4.0/" + t.folder);
  ASSERT_FALSE(samples.empty());
  TempDir tmp;
  const int rotations[] = {0, 90, 180, 270};
  const int required[] = {t.at0, t.at90, t.at180, t.at270};
  for (int r = 0; r < 4; ++r) {
    if (required[r] < 0) continue;
    int got = CountAtRotation(samples, rotations[r], tmp);
    std::cout << "[ fixtures ] " << t.folder << " at " << rotations[r] << " deg: " << got << "/"
              << samples.size() << " (must read " << required[r] << ")\n";
    EXPECT_GE(got, required[r]) << t.folder << " at " << rotations[r] << " degrees";
  }
}

INSTANTIATE_TEST_SUITE_P(Zxing140, FixtureFolderTest, ::testing::ValuesIn(kThresholds),
                         [](const auto& info) {
                           std::string n = info.param.folder;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

TEST(FixtureFalsePositivesTest, ReadsNothingOnFalsePositives) {
  std::string root = FixturesDir();
  if (root.empty()) GTEST_SKIP() << "../shared/fixtures is absent: false-positive check not run";
  std::vector<Sample> samples = Samples(root + "/barcodes/zxing-cpp-v1.4.0/falsepositives-2");
  ASSERT_EQ(samples.size(), 25u);
  TempDir tmp;
  for (int degrees : {0, 90, 180, 270}) {
    std::vector<std::string> paths;
    for (size_t i = 0; i < samples.size(); ++i) {
      paths.push_back(degrees ? tmp.File(std::to_string(degrees) + "_" + std::to_string(i) + ".png")
                              : samples[i].image);
      if (degrees) WriteRotated(samples[i].image, degrees, paths.back());
    }
    int reads = 0;
    for (const ImageScan& s : ScanImages(paths)) reads += static_cast<int>(s.barcodes.size());
    EXPECT_EQ(reads, 0) << "false reads at " << degrees << " degrees";
  }
}

}  // namespace
}  // namespace parcelproof::testing
