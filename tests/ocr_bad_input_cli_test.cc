// End to end, the address OCR on bad input (issue 13): ship-to blocks in a
// script without OCR data (Han, Greek, Arabic) get a note naming the script
// and no address fields; an invoice full of text, vertical print, a photo
// without text and a 50 MP photo end with PASS (the tracking number) and a
// note, never a crash nor a MISMATCH from text that is not the address.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <string>

#include "cli_runner.h"

namespace parcelproof::testing {
namespace {

using nlohmann::json;

class OcrBadInputTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir;
    gen_ = RunProgram(PP_SAMPLEGEN_PATH, {"--out", tmp_->path(), "--ocr-bad", "--megapixels", "2"});
  }
  static void TearDownTestSuite() { delete tmp_; }
  void SetUp() override { ASSERT_EQ(gen_.exit_code, 0) << gen_.err; }

  // check --json on the photos; the checks in order.
  static json Check(const std::vector<std::string>& files) {
    std::vector<std::string> args = {"check", "--json", "--order", tmp_->File("orders.json")};
    for (const std::string& f : files) args.push_back(tmp_->File(f));
    CliRun run = RunCli(args);
    json report = json::parse(run.out, nullptr, false);
    EXPECT_FALSE(report.is_discarded()) << run.out << run.err;
    EXPECT_EQ(run.exit_code, 0) << run.out;
    if (report.is_discarded()) return json::array();
    WriteFileOrDie(tmp_->File("check.json"), run.out);
    CliRun v = ValidateAgainstSchema("check.schema.json", tmp_->File("check.json"));
    EXPECT_EQ(v.exit_code, 0) << v.err;
    return report["checks"];
  }

  static std::string Notes(const json& check) {
    std::string all;
    for (const json& n : check["notes"]) all += n.get<std::string>() + "\n";
    return all;
  }

  static TempDir* tmp_;
  static CliRun gen_;
};

TempDir* OcrBadInputTest::tmp_ = nullptr;
CliRun OcrBadInputTest::gen_;

TEST_F(OcrBadInputTest, ScriptsWithoutDataAreNamedNotReadAsAnAddress) {
  json checks = Check({"b_han.jpg", "b_greek.jpg", "b_arabic.jpg"});
  ASSERT_EQ(checks.size(), 3u);
  const char* scripts[] = {"Han", "Greek", "Arabic"};
  for (size_t i = 0; i < 3; ++i) {
    SCOPED_TRACE(checks[i].dump(2));
    EXPECT_EQ(checks[i]["verdict"], "PASS");
    EXPECT_TRUE(checks[i].value("address", json::array()).empty());  // nothing garbled compared
    std::string notes = Notes(checks[i]);
    EXPECT_NE(notes.find(std::string(scripts[i])), std::string::npos) << notes;
    EXPECT_NE(notes.find("no OCR data"), std::string::npos) << notes;
  }
}

TEST_F(OcrBadInputTest, InvoiceAndVerticalPrintEndWithANote) {
  json checks = Check({"b_invoice.jpg", "b_vertical.jpg"});
  ASSERT_EQ(checks.size(), 2u);
  for (const json& c : checks) {
    SCOPED_TRACE(c.dump(2));
    EXPECT_EQ(c["verdict"], "PASS");
    for (const json& a : c.value("address", json::array())) EXPECT_NE(a["outcome"], "differs");
    EXPECT_NE(Notes(c).find("printed address"), std::string::npos);
  }
}

TEST_F(OcrBadInputTest, FiftyMegapixelPhotoAndPlainPhotoFinish) {
  cv::Mat photo = cv::imread(tmp_->File("b_vertical.jpg"), cv::IMREAD_COLOR);
  ASSERT_FALSE(photo.empty());
  cv::Mat big;
  cv::resize(photo, big, cv::Size(8192, 6144), 0, 0, cv::INTER_LINEAR);  // 50 MP
  ASSERT_TRUE(cv::imwrite(tmp_->File("big.jpg"), big, {cv::IMWRITE_JPEG_QUALITY, 80}));
  cv::imwrite(tmp_->File("blank.png"), cv::Mat(900, 1200, CV_8UC3, cv::Scalar(236, 236, 236)));
  CliRun run = RunCli(
      {"scan", "--json", "--timeout", "120", tmp_->File("big.jpg"), tmp_->File("blank.png")});
  json report = json::parse(run.out, nullptr, false);
  ASSERT_FALSE(report.is_discarded()) << run.out << run.err;
  ASSERT_EQ(report["images"].size(), 2u);
  const json& big_scan = report["images"][0];
  EXPECT_EQ(big_scan["width"], 8192) << big_scan.dump(2);
  EXPECT_FALSE(big_scan["barcodes"].empty()) << big_scan.dump(2);
  ASSERT_TRUE(big_scan.contains("address"));
  EXPECT_FALSE(big_scan["address"]["notes"].empty()) << big_scan.dump(2);
  const json& blank = report["images"][1]["address"];
  EXPECT_TRUE(blank["fields"].empty());
  EXPECT_FALSE(blank["notes"].empty());
}

}  // namespace
}  // namespace parcelproof::testing
