// Issue 12: the labels real warehouses photograph. MaxiCode in phone photos
// (the fixtures' parcels; pure symbols turned and put in perspective), and
// the generated hard conditions (pp-samplegen --hard): MaxiCode on UPS-style
// labels, sheets of EAN-13, trays of light-on-dark DataMatrix.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <set>

#include "cli_runner.h"
#include "parcelproof/scan.h"

namespace parcelproof::testing {
namespace {

namespace fs = std::filesystem;

std::string Field(const Barcode& b, const std::string& key) {
  for (const auto& [k, v] : b.fields) {
    if (k == key) return v;
  }
  return "";
}

const Barcode* FindFormat(const ImageScan& s, const std::string& format) {
  for (const Barcode& b : s.barcodes) {
    if (b.format == format) return &b;
  }
  return nullptr;
}

// The fixture README gives no expected texts for these photos: what is
// checked is what a UPS label must hold, read through Reed-Solomon error
// correction (the tracking numbers are those printed on the labels' text).
TEST(MaxiCodePhotoTest, ReadsTheCarrierMessageOnEveryParcelPhoto) {
  std::string root = FixturesDir();
  if (root.empty()) GTEST_SKIP() << "../shared/fixtures is absent: MaxiCode photos not checked";
  std::string dir = root + "/barcodes/zxing-cpp-v1.4.0/maxicode-2/";
  const std::map<std::string, std::string> tracking = {{"01.png", "1Z40411695"},
                                                       {"03.png", "1Z40411757"},
                                                       {"04.png", "1Z40411757"},
                                                       {"05.png", "1Z40411757"}};
  std::vector<std::string> paths;
  for (const auto& [file, number] : tracking) paths.push_back(dir + file);
  std::vector<ImageScan> scans = ScanImages(paths);
  size_t i = 0;
  for (const auto& [file, number] : tracking) {
    const Barcode* b = FindFormat(scans[i++], "MaxiCode");
    ASSERT_NE(b, nullptr) << file;
    EXPECT_EQ(b->text.rfind(std::string("[)>\x1E"
                                        "01\x1D"
                                        "96100110000\x1D"),
                            0),
              0u)
        << file;
    EXPECT_EQ(Field(*b, "postal_code"), "100110000") << file;
    EXPECT_EQ(Field(*b, "country"), "US") << file;
    EXPECT_EQ(Field(*b, "service_class"), "001") << file;
    EXPECT_EQ(Field(*b, "tracking_number"), number) << file;
    EXPECT_EQ(Field(*b, "carrier"), "UPSN") << file;
    EXPECT_EQ(Field(*b, "city"), "NEW YORK") << file;
  }
}

// A pure symbol (which ZXing alone reads only axis-aligned) turned to odd
// angles, foreshortened, blurred, on a grey ground.
TEST(MaxiCodePhotoTest, ReadsAPureSymbolAtAnyAngleAndInPerspective) {
  std::string root = FixturesDir();
  if (root.empty()) GTEST_SKIP() << "../shared/fixtures is absent: MaxiCode angles not checked";
  std::string base = root + "/barcodes/zxing-cpp-v1.4.0/maxicode-1/MODE2";
  cv::Mat sym = cv::imread(base + ".png", cv::IMREAD_GRAYSCALE);
  ASSERT_FALSE(sym.empty());
  std::string want = ReadFileOrDie(base + ".txt");
  TempDir tmp;
  std::vector<std::string> paths;
  const double angles[] = {17, 73, 136, 205, 290};
  for (double a : angles) {
    cv::Mat frame(900, 1100, CV_8U, cv::Scalar(120));
    cv::Point2f c(550, 450);
    double r = a * CV_PI / 180, s = 2.0;
    std::vector<cv::Point2f> from = {
        {0, 0}, {float(sym.cols), 0}, {float(sym.cols), float(sym.rows)}, {0, float(sym.rows)}};
    std::vector<cv::Point2f> to;
    for (size_t k = 0; k < 4; ++k) {
      double x = (from[k].x - sym.cols / 2.0) * s * (k == 1 || k == 2 ? 0.9 : 1.05);
      double y = (from[k].y - sym.rows / 2.0) * s;
      to.emplace_back(float(c.x + x * std::cos(r) - y * std::sin(r)),
                      float(c.y + x * std::sin(r) + y * std::cos(r)));
    }
    cv::warpPerspective(sym, frame, cv::getPerspectiveTransform(from, to), frame.size(),
                        cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);
    cv::GaussianBlur(frame, frame, cv::Size(0, 0), 1.2);
    paths.push_back(tmp.File("turned_" + std::to_string(int(a)) + ".png"));
    ASSERT_TRUE(cv::imwrite(paths.back(), frame));
  }
  std::vector<ImageScan> scans = ScanImages(paths);
  for (size_t i = 0; i < scans.size(); ++i) {
    const Barcode* b = FindFormat(scans[i], "MaxiCode");
    ASSERT_NE(b, nullptr) << paths[i];
    EXPECT_EQ(b->text, want) << paths[i];
  }
}

struct HardSet {
  std::map<std::string, std::vector<std::pair<std::string, std::string>>>
      expected;  // file -> codes
  std::vector<std::string> files;
};

HardSet Generate(const TempDir& tmp, const std::string& condition, int photos) {
  CliRun gen = RunProgram(PP_SAMPLEGEN_PATH, {"--out", tmp.path(), "--hard", std::to_string(photos),
                                              "--only", condition, "--threads", "2"});
  EXPECT_EQ(gen.exit_code, 0) << gen.err;
  HardSet set;
  std::string exp = tmp.path() + "/" + condition + "/expected.json";
  if (!fs::exists(exp)) return set;
  nlohmann::json doc = nlohmann::json::parse(ReadFileOrDie(exp));
  for (const auto& p : doc["photos"]) {
    std::string file = tmp.path() + "/" + condition + "/" + p["file"].get<std::string>();
    set.files.push_back(file);
    for (const auto& b : p["barcodes"])
      set.expected[file].emplace_back(b["format"].get<std::string>(), b["text"].get<std::string>());
  }
  return set;
}

// Every expected code of the set that `scan` found, by format.
std::map<std::string, std::pair<int, int>> Rates(const HardSet& set) {
  std::map<std::string, std::pair<int, int>> out;  // format -> (read, placed)
  std::vector<ImageScan> scans = ScanImages(set.files);
  for (size_t i = 0; i < scans.size(); ++i) {
    std::set<std::string> texts;
    for (const Barcode& b : scans[i].barcodes) texts.insert(b.text);
    for (const auto& [format, text] : set.expected.at(set.files[i])) {
      out[format].second++;
      out[format].first += texts.count(text) ? 1 : 0;
    }
  }
  return out;
}

TEST(HardLabelsTest, ReadsUpsMaxiCodesAtAnyAngleAndInPerspective) {
  TempDir tmp;
  HardSet set = Generate(tmp, "maxicode", 4);
  if (set.files.empty()) GTEST_SKIP() << "pp-samplegen was built without libzint: no MaxiCode set";
  auto rates = Rates(set);
  EXPECT_EQ(rates["MaxiCode"].first, 4);
  EXPECT_EQ(rates["Code128"].first, 4);
}

TEST(HardLabelsTest, ReadsEveryCodeOnASheetOfEan13) {
  TempDir tmp;
  HardSet set = Generate(tmp, "ean13_sheet", 1);
  ASSERT_EQ(set.files.size(), 1u);
  auto rates = Rates(set);
  EXPECT_EQ(rates["EAN-13"], std::make_pair(14, 14));
  if (RunProgram("python3", {"-c", "import jsonschema"}).exit_code != 0) return;
  const char* kScript =
      "import json,sys,jsonschema\n"
      "jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))\n";
  CliRun v = RunProgram(
      "python3",
      {"-c", kScript, std::string(PP_SOURCE_DIR) + "/schemas/samples_hard_expected.schema.json",
       tmp.path() + "/ean13_sheet/expected.json"});
  EXPECT_EQ(v.exit_code, 0) << v.err;
}

TEST(HardLabelsTest, ReadsLightOnDarkDataMatrixOnATray) {
  TempDir tmp;
  HardSet set = Generate(tmp, "inverted_dm", 1);
  ASSERT_EQ(set.files.size(), 1u);
  auto rates = Rates(set);
  EXPECT_EQ(rates["DataMatrix"], std::make_pair(20, 20));
}

}  // namespace
}  // namespace parcelproof::testing
