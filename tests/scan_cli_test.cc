// End-to-end: `parcelproof scan` and `check` on synthetic labels and on bad input.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <set>

#include "cli_runner.h"
#include "dispute_fixture.h"
#include "synthetic_label.h"

namespace parcelproof::testing {
namespace {

using nlohmann::json;

// A label with a tracking Code 128, a routing Code 128, a QR with address
// data and a GS1-128 ship-to postal code, turned 30 degrees.
const std::vector<SymbolSpec> kFullLabel = {
    {"Code128", "RR123456785CN", 60, 40, 700, 160},
    {"Code128", "R-DE-10115-B2", 60, 260, 500, 110},
    {"QRCode", R"({"postal_code":"10115","country":"DE","recipient":"Anna Schmidt"})", 620, 420,
     220, 220},
    {"Code128",
     "\xC3\xB1"
     "42010115",
     60, 430, 420, 110},  // U+00F1 = FNC1 in ZXing's writer
};

json ScanJson(const std::vector<std::string>& files, int* exit_code) {
  std::vector<std::string> args = {"scan", "--json"};
  args.insert(args.end(), files.begin(), files.end());
  CliRun run = RunCli(args);
  *exit_code = run.exit_code;
  return json::parse(run.out);
}

TEST(ScanCliTest, ReadsEveryBarcodeOnARotatedLabelExactlyOnce) {
  TempDir dir;
  WriteSyntheticLabel(dir.File("label.png"), 900, 700, kFullLabel, 30);
  int rc;
  json doc = ScanJson({dir.File("label.png")}, &rc);
  ASSERT_EQ(rc, 0) << doc.dump(2);
  const json& codes = doc["images"][0]["barcodes"];
  std::multiset<std::string> texts;
  for (const json& b : codes) texts.insert(b["text"].get<std::string>());
  EXPECT_EQ(texts.count("RR123456785CN"), 1u) << doc.dump(2);
  EXPECT_EQ(texts.count("R-DE-10115-B2"), 1u) << doc.dump(2);
  EXPECT_EQ(texts.count("42010115"), 1u) << doc.dump(2);
  EXPECT_EQ(codes.size(), 4u) << doc.dump(2);
  for (const json& b : codes) {
    if (b["text"] == "RR123456785CN") {
      EXPECT_EQ(b["tracking"]["scheme"], "UPU S10");
      EXPECT_EQ(b["tracking"]["check_digit_valid"], true);
    }
    if (b["text"] == "42010115") {
      EXPECT_EQ(b["gs1"]["420"], "10115");
    }
    if (b["format"] == "QRCode") {
      EXPECT_EQ(b["fields"]["postal_code"], "10115");
    }
  }
}

// A 4K video frame saved as a picture, the label small in it (about 300
// pixels wide): the reduced copy the photo decoder locates codes on is too
// coarse for it, so the photo path reads it on full-resolution tiles.
TEST(ScanCliTest, ReadsASmallLabelInAWide4kFrame) {
  TempDir dir;
  const std::vector<SymbolSpec> label = {
      {"Code128", "RR123456785CN", 60, 40, 700, 160},
      {"Code128", "R-DE-10115-B2", 60, 260, 700, 110},
      {"QRCode", R"({"postal_code":"10115","country":"DE"})", 620, 420, 220, 220},
      {"Code128",
       "\xC3\xB1"
       "42010115",
       60, 430, 420, 110}};
  WriteSyntheticLabel(dir.File("label.png"), 900, 700, label, 0);
  ASSERT_TRUE(
      WritePastedSmall(dir.File("label.png"), 0.42, 3840, 2160, 2210, 1260, dir.File("frame.png")));
  WriteFileOrDie(ArtefactDir("scan") + "/small-label-4k.png", ReadFileOrDie(dir.File("frame.png")));
  int rc;
  json doc = ScanJson({dir.File("frame.png")}, &rc);
  ASSERT_EQ(rc, 0) << doc.dump(2);
  std::set<std::string> texts;
  for (const json& b : doc["images"][0]["barcodes"]) texts.insert(b["text"].get<std::string>());
  EXPECT_EQ(texts.count("RR123456785CN"), 1u) << doc.dump(2);
  EXPECT_EQ(texts.count("R-DE-10115-B2"), 1u) << doc.dump(2);
  EXPECT_EQ(texts.count("42010115"), 1u) << doc.dump(2);
  EXPECT_EQ(texts.size(), 4u) << doc.dump(2);
  for (const json& b : doc["images"][0]["barcodes"]) {
    for (const json& c : b["corners"]) {  // in the frame's pixels, on the label
      EXPECT_GE(c[0].get<double>(), 2150);
      EXPECT_GE(c[1].get<double>(), 1200);
    }
  }
}

TEST(ScanCliTest, CornersAreInTheUprightImage) {
  TempDir dir;
  WriteSyntheticLabel(dir.File("l.png"), 800, 300,
                      {{"Code128", "1Z999AA10123456784", 50, 50, 700, 200}}, 0);
  int rc;
  json img = ScanJson({dir.File("l.png")}, &rc)["images"][0];
  ASSERT_EQ(img["barcodes"].size(), 1u);
  // The card is centred in a square frame of side hypot(800,300)+40 = 894.
  int off_x = (894 - 800) / 2, off_y = (894 - 300) / 2;
  for (const json& c : img["barcodes"][0]["corners"]) {
    EXPECT_GE(c[0].get<int>(), off_x + 50 - 25);
    EXPECT_LE(c[0].get<int>(), off_x + 750 + 25);
    EXPECT_GE(c[1].get<int>(), off_y + 50 - 25);
    EXPECT_LE(c[1].get<int>(), off_y + 250 + 25);
  }
}

TEST(ScanCliTest, BadInputsAreInputErrorsAndTheRestIsProcessed) {
  TempDir dir;
  WriteSyntheticLabel(dir.File("good.png"), 800, 300,
                      {{"Code128", "RR123456785CN", 50, 50, 700, 200}}, 0);
  WriteSyntheticLabel(dir.File("good.jpg"), 800, 300,
                      {{"Code128", "RR123456785CN", 50, 50, 700, 200}}, 0);
  std::string jpeg = ReadFileOrDie(dir.File("good.jpg"));
  WriteFileOrDie(dir.File("truncated.jpg"), jpeg.substr(0, jpeg.size() / 2));
  WriteFileOrDie(dir.File("empty.jpg"), "");
  WriteFileOrDie(dir.File("text.jpg"), "this is not a photo\n");
  std::string png = ReadFileOrDie(dir.File("good.png"));
  std::string huge =
      png.substr(0, 16) + std::string("\x00\x00\xFF\xFF\x00\x00\xFF\xFF", 8) + png.substr(24);
  WriteFileOrDie(dir.File("huge.png"), huge);
  ::mkdir(dir.File("folder.jpg").c_str(), 0755);
  ::mkfifo(dir.File("fifo.jpg").c_str(), 0644);
  std::vector<std::string> files = {dir.File("truncated.jpg"), dir.File("empty.jpg"),
                                    dir.File("text.jpg"),      dir.File("huge.png"),
                                    dir.File("folder.jpg"),    dir.File("fifo.jpg"),
                                    dir.File("missing.jpg"),   dir.File("good.png")};
  std::vector<std::string> args = {"scan", "--json"};
  args.insert(args.end(), files.begin(), files.end());
  CliRun run = RunCli(args);
  EXPECT_EQ(run.exit_code, 3) << run.err;
  json doc = json::parse(run.out);
  ASSERT_EQ(doc["images"].size(), files.size());
  const char* expected_errors[] = {"truncated JPEG",
                                   "empty file",
                                   "not a JPEG, PNG, WebP or HEIF image",
                                   "over the limit of 100 MP",
                                   "is a directory",
                                   "not a regular file",
                                   "no such file"};
  for (size_t i = 0; i < 7; ++i) {
    std::string err = doc["images"][i].value("error", "");
    EXPECT_NE(err.find(expected_errors[i]), std::string::npos) << files[i] << ": " << err;
    EXPECT_NE(run.err.find(files[i]), std::string::npos) << "stderr names " << files[i];
  }
  EXPECT_EQ(doc["images"][7]["barcodes"][0]["text"], "RR123456785CN");
  // One line per bad file on stderr.
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 7) << run.err;
}

TEST(ScanCliTest, ReadsHeicPhotos) {
  TempDir dir;
  WriteSyntheticLabel(dir.File("l.png"), 800, 300, {{"Code128", "RR123456785CN", 50, 50, 700, 200}},
                      12);
  if (!WriteHeic(dir.File("l.png"), dir.File("photo.heic")))
    GTEST_SKIP() << "no HEVC encoder to make a HEIC";
  int rc;
  json img = ScanJson({dir.File("photo.heic")}, &rc)["images"][0];
  EXPECT_EQ(rc, 0) << img.dump(2);
  ASSERT_EQ(img["barcodes"].size(), 1u) << img.dump(2);
  EXPECT_EQ(img["barcodes"][0]["text"], "RR123456785CN");
  // A truncated HEIC is an input error, not a crash.
  std::string heic = ReadFileOrDie(dir.File("photo.heic"));
  WriteFileOrDie(dir.File("cut.heic"), heic.substr(0, heic.size() / 3));
  json cut = ScanJson({dir.File("cut.heic")}, &rc)["images"][0];
  EXPECT_EQ(rc, 3) << cut.dump(2);
  EXPECT_TRUE(cut.contains("error"));
}

// JPEGs in CMYK go to OpenCV's decoder (ours reads YCbCr and grey only) and
// are read all the same; grey JPEGs take our own path.
TEST(ScanCliTest, CmykAndGreyJpegsAreRead) {
  TempDir dir;
  WriteFileOrDie(dir.File("cmyk.jpg"), RampJpeg(320, 240, 4));
  WriteFileOrDie(dir.File("grey.jpg"), RampJpeg(320, 240, 1));
  int rc;
  json doc = ScanJson({dir.File("cmyk.jpg"), dir.File("grey.jpg")}, &rc);
  EXPECT_EQ(rc, 0) << doc.dump(2);
  for (const json& img : doc["images"]) {
    EXPECT_FALSE(img.contains("error")) << img.dump(2);
    EXPECT_EQ(img["width"], 320);
    EXPECT_EQ(img["height"], 240);
    EXPECT_EQ(img["problems"], json::array({"no barcode found"})) << img.dump(2);
  }
}

TEST(ScanCliTest, TinyImageIsRefused) {
  TempDir dir;
  WritePlainImage(dir.File("tiny.png"), 1, 1);
  int rc;
  json doc = ScanJson({dir.File("tiny.png")}, &rc);
  EXPECT_EQ(rc, 3);
  EXPECT_NE(doc["images"][0]["error"].get<std::string>().find("too small"), std::string::npos);
}

TEST(ScanCliTest, UnreadableFileWhenNotRoot) {
  if (::geteuid() == 0)
    GTEST_SKIP() << "running as root: permissions do not stop reads (FIFO and directory cases "
                    "cover non-readable inputs)";
  TempDir dir;
  WritePlainImage(dir.File("locked.png"), 100, 100);
  ::chmod(dir.File("locked.png").c_str(), 0);
  int rc;
  json doc = ScanJson({dir.File("locked.png")}, &rc);
  EXPECT_EQ(rc, 3);
  EXPECT_NE(doc["images"][0]["error"].get<std::string>().find("Permission denied"),
            std::string::npos);
}

TEST(ScanCliTest, UsageErrors) {
  EXPECT_EQ(RunCli({"scan"}).exit_code, 2);
  EXPECT_EQ(RunCli({"scan", "--bogus", "x.jpg"}).exit_code, 2);
  EXPECT_EQ(RunCli({"frobnicate"}).exit_code, 2);
}

}  // namespace
}  // namespace parcelproof::testing
