// End to end on the generated sample photos: `parcelproof check` reaches the
// verdict samples/expected.json names, and `parcelproof scan` finds every
// barcode placed on each photo exactly once, where it was placed.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cli_runner.h"

namespace parcelproof::testing {
namespace {

using nlohmann::json;

class SamplesCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir;
    gen_ = RunProgram(PP_SAMPLEGEN_PATH, {"--out", tmp_->path()});
    if (gen_.exit_code != 0) return;
    expected_ = json::parse(ReadFileOrDie(tmp_->File("expected.json")));
    std::vector<std::string> args = {"scan", "--json"};
    for (const json& p : expected_["photos"]) args.push_back(tmp_->File(p["file"]));
    scan_ = RunCli(args);
  }
  static void TearDownTestSuite() { delete tmp_; }
  void SetUp() override { ASSERT_EQ(gen_.exit_code, 0) << gen_.err; }

  // The checks, run by one test so that the set is generated once per process.
  static void CheckGivesTheExpectedVerdicts();
  static void ScanFindsEveryPlacedBarcodeOnceWhereItWasPlaced();

  static TempDir* tmp_;
  static CliRun gen_, scan_;
  static json expected_;
};

TempDir* SamplesCliTest::tmp_ = nullptr;
CliRun SamplesCliTest::gen_, SamplesCliTest::scan_;
json SamplesCliTest::expected_;

int ExitFor(const std::string& verdict) {
  return verdict == "PASS" ? 0 : verdict == "MISMATCH" ? 1 : 3;
}

void SamplesCliTest::CheckGivesTheExpectedVerdicts() {
  for (const json& p : expected_["photos"]) {
    SCOPED_TRACE(p["file"].get<std::string>());
    CliRun run = RunCli({"check", tmp_->File(p["file"]), "--order", tmp_->File("orders.json"),
                         "--order-id", p["order_id"], "--json"});
    json report = json::parse(run.out, nullptr, false);
    ASSERT_FALSE(report.is_discarded()) << run.out << run.err;
    ASSERT_EQ(report["checks"].size(), 1u);
    EXPECT_EQ(report["checks"][0]["verdict"], p["verdict"]) << report.dump(2);
    EXPECT_EQ(run.exit_code, ExitFor(p["verdict"]));
  }
}

double CentroidDistance(const json& a, const json& b) {
  double ax = 0, ay = 0, bx = 0, by = 0;
  for (int i = 0; i < 4; ++i) {
    ax += a[i][0].get<double>() / 4, ay += a[i][1].get<double>() / 4;
    bx += b[i][0].get<double>() / 4, by += b[i][1].get<double>() / 4;
  }
  return std::hypot(ax - bx, ay - by);
}

void SamplesCliTest::ScanFindsEveryPlacedBarcodeOnceWhereItWasPlaced() {
  json report = json::parse(scan_.out, nullptr, false);
  ASSERT_FALSE(report.is_discarded()) << scan_.out << scan_.err;
  ASSERT_EQ(report["images"].size(), expected_["photos"].size());
  int placed = 0, found = 0;
  for (size_t i = 0; i < report["images"].size(); ++i) {
    const json& image = report["images"][i];
    const json& photo = expected_["photos"][i];
    std::string file = photo["file"];
    SCOPED_TRACE(file);
    EXPECT_EQ(image["width"], photo["width"]);
    EXPECT_EQ(image["height"], photo["height"]);
    EXPECT_EQ(image["orientation"], photo["orientation"]);
    double diagonal = std::hypot(photo["width"].get<double>(), photo["height"].get<double>());
    for (const json& b : photo["barcodes"]) {
      ++placed;
      std::vector<const json*> hits;
      for (const json& got : image["barcodes"]) {
        if (got["format"] == b["format"] && got["text"] == b["text"]) hits.push_back(&got);
      }
      ASSERT_EQ(hits.size(), 1u) << b["format"] << " " << b["text"];
      ++found;
      EXPECT_LT(CentroidDistance((*hits[0])["corners"], b["corners"]), 0.02 * diagonal)
          << b["text"];
    }
    // Nothing else: no covered or blurred-away code, no phantom read.
    for (const json& got : image["barcodes"]) {
      bool placed_here = false;
      for (const json& b : photo["barcodes"]) placed_here |= got["text"] == b["text"];
      EXPECT_TRUE(placed_here) << "unexpected " << got["format"] << " " << got["text"];
    }
  }
  std::printf("scanner found %d of %d placed barcodes\n", found, placed);
  EXPECT_EQ(found, placed);
}

TEST_F(SamplesCliTest, DemoSet) {
  {
    SCOPED_TRACE("check verdicts");
    CheckGivesTheExpectedVerdicts();
  }
  {
    SCOPED_TRACE("scan");
    ScanFindsEveryPlacedBarcodeOnceWhereItWasPlaced();
  }
}

}  // namespace
}  // namespace parcelproof::testing
