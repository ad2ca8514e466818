// pp-samplegen: deterministic output, expected.json consistent with
// orders.json, and the barcodes it claims to place are really there.
#include <ZXing/ReadBarcode.h>
#include <dirent.h>
#include <gtest/gtest.h>
#include <libexif/exif-data.h>

#include <map>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <set>
#include <string>

#include "cli_runner.h"
#include "parcelproof/order.h"

namespace parcelproof::testing {
namespace {

using nlohmann::json;

std::vector<std::string> ListFiles(const std::string& dir) {
  std::vector<std::string> out;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name != "." && name != "..") out.push_back(name);
    }
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

int S10Check(const std::string& digits) {
  const int w[8] = {8, 6, 4, 2, 3, 5, 9, 7};
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (digits[i] - '0') * w[i];
  int c = 11 - sum % 11;
  return c == 10 ? 0 : c == 11 ? 5 : c;
}

int UpsCheck(const std::string& body) {
  int total = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    int v = isdigit(static_cast<unsigned char>(body[i])) ? body[i] - '0' : (body[i] - 'A' + 2) % 10;
    total += i % 2 == 0 ? v : 2 * v;
  }
  return (10 - total % 10) % 10;
}

bool CheckDigitValid(const std::string& t) {
  if (t.size() == 13) return S10Check(t.substr(2, 8)) == t[10] - '0';
  if (t.size() == 18 && t.rfind("1Z", 0) == 0) return UpsCheck(t.substr(2, 15)) == t[17] - '0';
  return false;
}

class SamplegenTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir;
    run_ = RunProgram(PP_SAMPLEGEN_PATH, {"--out", Dir(), "--flat-labels"});
    if (run_.exit_code == 0) {
      expected_ = json::parse(ReadFileOrDie(Dir() + "/expected.json"));
      orders_ = json::parse(ReadFileOrDie(Dir() + "/orders.json"));
    }
  }
  static void TearDownTestSuite() { delete tmp_; }
  void SetUp() override { ASSERT_EQ(run_.exit_code, 0) << run_.err; }
  static std::string Dir() { return tmp_->path() + "/set"; }
  static const json& Order(const std::string& id) {
    for (const json& o : orders_) {
      if (o["id"] == id) return o;
    }
    static const json kNone;
    return kNone;
  }
  static const json* Find(const json& photo, const std::string& role) {
    for (const json& b : photo["barcodes"]) {
      if (b["role"] == role) return &b;
    }
    return nullptr;
  }

  // The checks, run by one test so that the set is generated once per process.
  static void EveryVerdictKindIsPresent();
  static void ExpectedListsWhatTheOrdersSay();
  static void PhotosHaveTheirExifAndOrientation();
  static void OrdersLoadThroughTheLibrary();
  static void OutputsMatchTheirSchemas();
  static void FlatLabelsCarryThePlacedBarcodes();

  static TempDir* tmp_;
  static CliRun run_;
  static json expected_, orders_;
};

TempDir* SamplegenTest::tmp_ = nullptr;
CliRun SamplegenTest::run_;
json SamplegenTest::expected_, SamplegenTest::orders_;

TEST(SamplegenDeterminism, SameArgumentsGiveIdenticalBytes) {
  TempDir tmp;
  std::vector<std::string> only = {"--only", "s02", "--only", "s05", "--only", "s11"};
  std::vector<std::string> a = {"--out", tmp.File("a"), "--threads", "2"};
  std::vector<std::string> b = {"--out", tmp.File("b"), "--threads", "1"};
  a.insert(a.end(), only.begin(), only.end());
  b.insert(b.end(), only.begin(), only.end());
  CliRun ra = RunProgram(PP_SAMPLEGEN_PATH, a), rb = RunProgram(PP_SAMPLEGEN_PATH, b);
  ASSERT_EQ(ra.exit_code, 0) << ra.err;
  ASSERT_EQ(rb.exit_code, 0) << rb.err;
  std::vector<std::string> files = ListFiles(tmp.File("a"));
  ASSERT_EQ(files, ListFiles(tmp.File("b")));
  ASSERT_EQ(files.size(), 5u);  // three photos, orders.json, expected.json
  for (const std::string& f : files) {
    EXPECT_TRUE(ReadFileOrDie(tmp.File("a/" + f)) == ReadFileOrDie(tmp.File("b/" + f))) << f;
  }
}

// The OCR corpus too (its thermal print's noise once came from OpenCV's
// per-thread generator, whose state depended on the photos the thread had
// made before: other bytes with --threads 2 than with 1).
TEST(SamplegenDeterminism, OcrCorpusIsTheSameOnAnyNumberOfThreads) {
  TempDir tmp;
  for (const char* threads : {"1", "2"}) {
    CliRun run = RunProgram(PP_SAMPLEGEN_PATH, {"--out", tmp.File(threads), "--ocr-corpus", "8",
                                                "--megapixels", "1", "--threads", threads});
    ASSERT_EQ(run.exit_code, 0) << run.err;
  }
  std::vector<std::string> files = ListFiles(tmp.File("1"));
  ASSERT_EQ(files, ListFiles(tmp.File("2")));
  ASSERT_EQ(files.size(), 10u);  // eight photos, orders.json, expected.json
  for (const std::string& f : files) {
    EXPECT_TRUE(ReadFileOrDie(tmp.File("1/" + f)) == ReadFileOrDie(tmp.File("2/" + f))) << f;
  }
}

// Corpus mode: every barcode lies inside the frame, on the photo's own order.
TEST(SamplegenCorpus, SmallCorpusIsConsistent) {
  TempDir tmp;
  CliRun run =
      RunProgram(PP_SAMPLEGEN_PATH, {"--out", tmp.path(), "--corpus", "6", "--megapixels", "1"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  json expected = json::parse(ReadFileOrDie(tmp.File("expected.json")));
  json orders = json::parse(ReadFileOrDie(tmp.File("orders.json")));
  ASSERT_EQ(expected["photos"].size(), 6u);
  ASSERT_EQ(orders.size(), 6u);
  for (size_t i = 0; i < orders.size(); ++i) {
    const json& p = expected["photos"][i];
    SCOPED_TRACE(p["file"].get<std::string>());
    EXPECT_EQ(p["order_id"], orders[i]["id"]);
    EXPECT_EQ(p["verdict"], "PASS");
    EXPECT_LE(std::abs(p["rotation_deg"].get<double>()), 45.0);
    EXPECT_GT(p["label_fill"].get<double>(), 0.05);
    EXPECT_EQ(p["barcodes"].size(), 4u);
    for (const json& b : p["barcodes"]) {
      if (b["role"] == "tracking") {
        EXPECT_EQ(b["text"], orders[i]["tracking"][0]["number"]);
      }
      for (const json& c : b["corners"]) {
        EXPECT_GE(c[0].get<double>(), 0);
        EXPECT_GE(c[1].get<double>(), 0);
        EXPECT_LE(c[0].get<double>(), p["width"].get<double>());
        EXPECT_LE(c[1].get<double>(), p["height"].get<double>());
      }
    }
    EXPECT_FALSE(cv::imread(tmp.File(p["file"]), cv::IMREAD_COLOR).empty());
  }
}

TEST(SamplegenUsage, BadArgumentsExitTwo) {
  EXPECT_EQ(RunProgram(PP_SAMPLEGEN_PATH, {}).exit_code, 2);
  EXPECT_EQ(RunProgram(PP_SAMPLEGEN_PATH, {"--out", "/tmp/x", "--corpus", "-3"}).exit_code, 2);
  EXPECT_EQ(RunProgram(PP_SAMPLEGEN_PATH, {"--bogus"}).exit_code, 2);
}

void SamplegenTest::EveryVerdictKindIsPresent() {
  std::map<std::string, int> verdicts;
  for (const json& p : expected_["photos"]) ++verdicts[p["verdict"].get<std::string>()];
  EXPECT_GE(verdicts["PASS"], 6);
  EXPECT_EQ(verdicts["MISMATCH"], 3);
  EXPECT_EQ(verdicts["UNREADABLE"], 1);
  EXPECT_EQ(expected_["photos"].size(), 12u);
}

void SamplegenTest::ExpectedListsWhatTheOrdersSay() {
  for (const json& p : expected_["photos"]) {
    SCOPED_TRACE(p["file"].get<std::string>());
    const json& order = Order(p["order_id"]);
    ASSERT_TRUE(order.is_object());
    std::string number = order["tracking"][0]["number"];
    std::string postal = order["recipient"]["postal_code"];
    EXPECT_TRUE(CheckDigitValid(number)) << number;
    if (p["verdict"] == "UNREADABLE") {
      EXPECT_TRUE(p["barcodes"].empty());
      EXPECT_EQ(p["hidden_barcodes"].size(), 4u);
      continue;
    }
    const json* tracking = Find(p, "tracking");
    const json* address = Find(p, "address");
    ASSERT_NE(tracking, nullptr);
    EXPECT_TRUE(CheckDigitValid(tracking->at("text"))) << tracking->at("text");
    std::string file = p["file"];
    if (p["verdict"] == "PASS") {
      EXPECT_EQ(tracking->at("text"), number);
      ASSERT_NE(address, nullptr);
      EXPECT_NE(address->at("text").get<std::string>().find(number), std::string::npos);
      EXPECT_EQ(p["barcodes"].size(), 4u);
    } else if (file.find("tracking") != std::string::npos) {
      EXPECT_NE(tracking->at("text"), number);
    } else if (file.find("postal") != std::string::npos) {
      EXPECT_EQ(tracking->at("text"), number);
      EXPECT_EQ(address->at("text").get<std::string>().find("\"" + postal + "\""),
                std::string::npos);
    } else if (file.find("stacked") != std::string::npos) {
      std::set<std::string> numbers;
      for (const json& b : p["barcodes"]) {
        if (b["role"] == "tracking") numbers.insert(b["text"].get<std::string>());
      }
      EXPECT_EQ(numbers.size(), 2u);
      EXPECT_EQ(numbers.count(number), 1u);
      EXPECT_EQ(p["hidden_barcodes"].size(), 3u);  // the top label covers them
    }
  }
}

void SamplegenTest::PhotosHaveTheirExifAndOrientation() {
  for (const json& p : expected_["photos"]) {
    SCOPED_TRACE(p["file"].get<std::string>());
    std::string path = Dir() + "/" + p["file"].get<std::string>();
    cv::Mat view = cv::imread(path, cv::IMREAD_COLOR);
    ASSERT_FALSE(view.empty());
    EXPECT_EQ(view.cols, p["width"]);
    EXPECT_EQ(view.rows, p["height"]);
    if (p["format"] != "jpeg") continue;
    ExifData* exif = exif_data_new_from_file(path.c_str());
    ASSERT_NE(exif, nullptr);
    char buf[64];
    auto get = [&](ExifIfd ifd, ExifTag tag) {
      ExifEntry* e = exif_content_get_entry(exif->ifd[ifd], tag);
      return e ? std::string(exif_entry_get_value(e, buf, sizeof(buf))) : std::string("?");
    };
    EXPECT_EQ(get(EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL), p["exif"]["DateTimeOriginal"]);
    EXPECT_EQ(get(EXIF_IFD_EXIF, EXIF_TAG_OFFSET_TIME_ORIGINAL), p["exif"]["OffsetTimeOriginal"]);
    EXPECT_EQ(get(EXIF_IFD_0, EXIF_TAG_MAKE), p["exif"]["Make"]);
    ExifEntry* o = exif_content_get_entry(exif->ifd[EXIF_IFD_0], EXIF_TAG_ORIENTATION);
    ASSERT_NE(o, nullptr);
    EXPECT_EQ(exif_get_short(o->data, exif_data_get_byte_order(exif)), p["orientation"]);
    exif_data_unref(exif);
    if (HaveProgram("exiftool")) {
      CliRun v = RunProgram("/usr/bin/env", {"exiftool", "-validate", "-warning", "-a", path});
      EXPECT_NE(v.out.find(": OK"), std::string::npos) << v.out;
    }
  }
}

void SamplegenTest::OrdersLoadThroughTheLibrary() {
  Result<std::vector<parcelproof::Order>> orders = LoadOrdersFile(Dir() + "/orders.json");
  ASSERT_TRUE(orders.ok()) << orders.status().ToString();
  EXPECT_EQ(orders->size(), orders_.size());
  for (const parcelproof::Order& o : *orders) {
    EXPECT_EQ(o.tracking.size(), 1u) << o.id;
    EXPECT_FALSE(o.recipient.postal_code.empty()) << o.id;
  }
}

// Validates orders.json and expected.json against their schemas with Python's
// jsonschema when it is installed.
void SamplegenTest::OutputsMatchTheirSchemas() {
  if (RunProgram("/usr/bin/env", {"python3", "-c", "import jsonschema"}).exit_code != 0) {
    std::printf("[  SKIPPED ] schema validation: python3 jsonschema not installed\n");
    return;
  }
  const char kScript[] =
      "import json,sys,jsonschema\n"
      "jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))\n";
  std::string schemas = std::string(PP_SOURCE_DIR) + "/schemas/";
  CliRun v = RunProgram("/usr/bin/env",
                        {"python3", "-c", kScript, schemas + "samples_expected.schema.json",
                         Dir() + "/expected.json"});
  EXPECT_EQ(v.exit_code, 0) << v.err;
  v = RunProgram("/usr/bin/env",
                 {"python3", "-c", kScript, schemas + "order.schema.json", Dir() + "/orders.json"});
  EXPECT_EQ(v.exit_code, 0) << v.err;
}

// zbarimg reads Code 128 and QR on the un-warped labels; ZXing reads DataMatrix
// on the label's upper half.
void SamplegenTest::FlatLabelsCarryThePlacedBarcodes() {
  if (!HaveProgram("zbarimg")) {
    std::printf("[  SKIPPED ] flat label reads: zbarimg not installed\n");
    return;
  }
  for (const json& p : expected_["photos"]) {
    SCOPED_TRACE(p["file"].get<std::string>());
    std::string file = p["file"];
    std::string label = Dir() + "/labels/" + file.substr(0, file.rfind('.')) + ".png";
    CliRun zbar = RunProgram("/usr/bin/env", {"zbarimg", "--raw", "-q", label});
    cv::Mat full = cv::imread(label, cv::IMREAD_GRAYSCALE);
    ASSERT_FALSE(full.empty());
    // ZXing 1.4 finds a DataMatrix next to text, not next to the linear codes below it.
    cv::Mat grey = full(cv::Rect(0, 0, full.cols, full.rows / 2)).clone();
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::DataMatrix);
    ZXing::Result dm =
        ZXing::ReadBarcode({grey.data, grey.cols, grey.rows, ZXing::ImageFormat::Lum}, hints);
    for (const char* key : {"barcodes", "hidden_barcodes"}) {
      bool visible = std::string(key) == "barcodes" || p["verdict"] == "UNREADABLE";
      for (const json& b : p[key]) {
        std::string text = b["text"];
        bool found = b["format"] == "DataMatrix" ? dm.isValid() && dm.text() == text
                                                 : zbar.out.find(text) != std::string::npos;
        EXPECT_EQ(found, visible) << b["format"] << " " << text;
      }
    }
  }
}

TEST_F(SamplegenTest, DemoSet) {
  {
    SCOPED_TRACE("EveryVerdictKindIsPresent");
    EveryVerdictKindIsPresent();
  }
  {
    SCOPED_TRACE("ExpectedListsWhatTheOrdersSay");
    ExpectedListsWhatTheOrdersSay();
  }
  {
    SCOPED_TRACE("PhotosHaveTheirExifAndOrientation");
    PhotosHaveTheirExifAndOrientation();
  }
  {
    SCOPED_TRACE("OrdersLoadThroughTheLibrary");
    OrdersLoadThroughTheLibrary();
  }
  {
    SCOPED_TRACE("OutputsMatchTheirSchemas");
    OutputsMatchTheirSchemas();
  }
  {
    SCOPED_TRACE("FlatLabelsCarryThePlacedBarcodes");
    FlatLabelsCarryThePlacedBarcodes();
  }
}

}  // namespace
}  // namespace parcelproof::testing
