// End-to-end: a store with an order and generated photos (real JPEGs with
// hand-built EXIF), then parcelproof timeline ORDER --json.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <set>

#include "cli_runner.h"
#include "exif_builder.h"

namespace parcelproof::testing {
namespace {

using Json = nlohmann::json;

// A decodable 64x64 JPEG whose APP1 holds the given EXIF times.
std::string PhotoWithExif(const std::string& date_time_original, const std::string& offset,
                          const std::string& software) {
  std::vector<uchar> jpeg;
  cv::imencode(".jpg", cv::Mat(64, 64, CV_8UC3, cv::Scalar(90, 120, 150)), jpeg);
  TiffBuilder b;
  if (!software.empty()) b.ifd0 = {AsciiEntry(0x0131, software)};
  b.exif = {AsciiEntry(0x9003, date_time_original), AsciiEntry(0x9011, offset)};
  std::string with_exif = JpegWithExif(b.Build());
  std::string app1 = with_exif.substr(2, with_exif.find("\xFF\xDA") - 2);
  std::string bytes(jpeg.begin(), jpeg.end());
  return bytes.substr(0, 2) + app1 + bytes.substr(2);
}

class TimelineCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = tmp_.File("store");
    ASSERT_EQ(Run({"init", "--station", "A"}).exit_code, 0);
    WriteFileOrDie(tmp_.File("orders.json"),
                   R"({"id":"PP-1","recipient":{"name":"Ann","lines":["1 Road"],"city":"Lyon",)"
                   R"("postal_code":"69001","country":"FR"},"tracking":[{"carrier":"LP",)"
                   R"("number":"LA123456789FR"}],"times":{"placed":"2025-07-29T10:00:00Z",)"
                   R"("shipped":"2025-07-31T00:00:00Z"}})");
    CliRun imp = Run({"orders", "import", tmp_.File("orders.json")});
    ASSERT_EQ(imp.exit_code, 0) << imp.err;
  }
  CliRun Run(std::vector<std::string> args) {
    args.push_back("--store");
    args.push_back(store_);
    return RunCli(args, {"SOURCE_DATE_EPOCH=1754000000"});  // 2025-07-31T22:13:20Z
  }
  void Ingest(const std::string& name, const std::string& bytes, const std::string& role) {
    WriteFileOrDie(tmp_.File(name), bytes);
    CliRun r =
        Run({"ingest", tmp_.File(name), "--order", "PP-1", "--role", role, "--no-thumbnails"});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  }
  TempDir tmp_;
  std::string store_;
};

TEST_F(TimelineCliTest, MergesOrderAndItemsWithFindings) {
  Ingest("IMG_0001.jpg", PhotoWithExif("2025:07:30 13:52:33", "+08:00", ""), "packing");
  Ingest("IMG_0002.jpg", PhotoWithExif("2025:07:28 09:00:00", "+08:00", "GIMP 2.10"), "label");
  CliRun run = Run({"timeline", "PP-1", "--dispute-opened", "2025-08-05T00:00:00Z", "--json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  Json tl = Json::parse(run.out);
  EXPECT_EQ(tl["order_id"], "PP-1");
  std::vector<std::string> kinds;
  for (const Json& e : tl["events"]) kinds.push_back(e["kind"]);
  EXPECT_EQ(kinds, (std::vector<std::string>{"captured", "order-placed", "captured",
                                             "order-shipped", "dispute-opened"}))
      << run.out;
  EXPECT_EQ(tl["events"][2]["time"], "2025-07-30T05:52:33Z");
  std::set<std::string> codes;
  for (const Json& f : tl["findings"]) codes.insert(f["code"]);
  // IMG_0002 (label) is dated before the order and before IMG_0001: four findings.
  EXPECT_EQ(codes, (std::set<std::string>{"before-order-placed", "editor-software",
                                          "session-out-of-order", "session-hours-apart"}))
      << run.out;
  EXPECT_EQ(tl["findings"][0]["severity"], "serious");
}

TEST_F(TimelineCliTest, TextOutputUnknownOrderAndBadFlag) {
  Ingest("IMG_0001.jpg", PhotoWithExif("2025:07:30 13:52:33", "+08:00", ""), "packing");
  CliRun text = Run({"timeline", "PP-1"});
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("packing IMG_0001.jpg captured"), std::string::npos) << text.out;
  EXPECT_EQ(Run({"timeline", "NOPE"}).exit_code, 3);
  EXPECT_EQ(Run({"timeline", "PP-1", "--dispute-opened", "soon"}).exit_code, 2);
  EXPECT_EQ(Run({"timeline"}).exit_code, 2);
}

}  // namespace
}  // namespace parcelproof::testing
