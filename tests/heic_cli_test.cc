// End-to-end: HEIC photos (made with libheif's encoder at test time, EXIF
// from exif_builder.h) through `inspect --json`, `ingest` (capture time and
// thumbnail) and `bundle` (the report shows the thumbnail). Skips visibly
// when no HEVC encoder is available.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "cli_runner.h"
#include "core/sha256.h"
#include "exif_builder.h"
#include "package_fixture.h"
#include "synthetic_label.h"

namespace parcelproof::testing {
namespace {

using Json = nlohmann::json;

std::string PhoneTiff() {
  TiffBuilder b;
  b.ifd0 = {AsciiEntry(0x010F, "Apple"), AsciiEntry(0x0110, "iPhone 15"), ShortEntry(0x0112, 6)};
  b.exif = {AsciiEntry(0x9003, "2025:07:30 13:52:33"), AsciiEntry(0x9011, "+08:00"),
            AsciiEntry(0x9291, "512")};
  return b.Build();
}

std::string Be32(uint32_t v) {
  return {char(v >> 24), char((v >> 16) & 0xFF), char((v >> 8) & 0xFF), char(v & 0xFF)};
}

bool EndsWith(const std::string& s, const std::string& end) {
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

class HeicCliTest : public ::testing::Test {
 protected:
  // A new store with order ORD-7 in it.
  std::string NewStore(const std::string& name) {
    std::string store = tmp_.File(name);
    EXPECT_EQ(RunCli({"init", "--store", store}).exit_code, 0);
    WriteFileOrDie(tmp_.File("orders.json"),
                   R"({"id":"ORD-7","recipient":{"name":"Ana","postal_code":"10115",)"
                   R"("country":"DE"},"tracking":[{"carrier":"UPU","number":"RR123456785CN"}],)"
                   R"("times":{"placed":"2026-02-27T09:00:00Z"}})");
    EXPECT_EQ(RunCli({"orders", "import", tmp_.File("orders.json"), "--store", store}).exit_code,
              0);
    return store;
  }
  // The hash of the item ingested from `name` other than the original (its
  // thumbnail), from the custody log; "" when none.
  static std::string ThumbnailHash(const std::string& store, const std::string& original_sha) {
    Json log = Json::parse(RunCli({"log", "--json", "--store", store}).out);
    for (const Json& e : log["entries"]) {
      if (e["action"] == "ingest" && e["item_sha256"] != original_sha) return e["item_sha256"];
    }
    return "";
  }
  // A 400x200 white card with a red square top-left, stored with irot for
  // "turn 90 degrees clockwise" (shown 200x400, square top-right), as a
  // phone held upright writes it; false without an HEVC encoder.
  bool MakeHeic(const std::string& name, const HeicOptions& options) {
    cv::Mat img(200, 400, CV_8UC3, cv::Scalar(255, 255, 255));
    cv::rectangle(img, cv::Rect(0, 0, 100, 100), cv::Scalar(0, 0, 255), cv::FILLED);
    return cv::imwrite(tmp_.File("card.png"), img) &&
           WriteColourHeic(tmp_.File("card.png"), tmp_.File(name), options);
  }
  HeicOptions Phone() {
    HeicOptions o;
    o.exif = PhoneTiff();
    o.orientation = 6;
    return o;
  }
  TempDir tmp_;
};

TEST_F(HeicCliTest, InspectShowsTheCaptureTimeOfAHeic) {
  if (!MakeHeic("photo.heic", Phone())) GTEST_SKIP() << "no HEVC encoder to make a HEIC";
  CliRun run = RunCli({"inspect", "--json", tmp_.File("photo.heic")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  Json file = Json::parse(run.out)["files"][0];
  EXPECT_EQ(file["sha256"], Sha256Hex(ReadFileOrDie(tmp_.File("photo.heic"))));
  EXPECT_EQ(file["capture_time"]["value"], "2025-07-30T05:52:33.512Z") << file.dump(2);
  EXPECT_EQ(file["capture_time"]["source"], "DateTimeOriginal+OffsetTimeOriginal");
  EXPECT_EQ(file["capture_time"]["zone_known"], true);
  EXPECT_EQ(file["exif"]["make"], "Apple");
  EXPECT_EQ(file["exif"]["model"], "iPhone 15");
  EXPECT_EQ(file["exif"]["orientation"], 6);
  EXPECT_EQ(file["problems"], Json::array()) << file.dump(2);
}

// Broken Exif items and a HEIC without one: problems per file, exit 0.
TEST_F(HeicCliTest, InspectListsProblemsOfBrokenHeicExif) {
  std::string tiff = PhoneTiff();
  struct Case {
    std::string name, item, problem;
  } cases[] = {
      {"short.heic", "\x01\x02", "too short for its TIFF header offset"},
      {"offset.heic", Be32(5000) + tiff, "TIFF header offset 5000 points past its end"},
      {"garbage.heic", Be32(0) + std::string(64, '\x5A'), "EXIF block has no TIFF header"},
      {"cut.heic", Be32(0) + tiff.substr(0, 30), "EXIF IFD0 truncated"},
      {"none.heic", "", "no EXIF data"},
  };
  std::vector<std::string> args = {"inspect", "--json"};
  for (const Case& c : cases) {
    HeicOptions o;
    o.exif = c.item;
    o.raw_exif = true;
    if (!MakeHeic(c.name, o)) GTEST_SKIP() << "no HEVC encoder to make a HEIC";
    args.push_back(tmp_.File(c.name));
  }
  CliRun run = RunCli(args);
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  Json files = Json::parse(run.out)["files"];
  ASSERT_EQ(files.size(), std::size(cases));
  for (size_t i = 0; i < files.size(); ++i) {
    std::string problems = files[i]["problems"].dump();
    EXPECT_NE(problems.find(cases[i].problem), std::string::npos) << problems;
    EXPECT_NE(problems.find("no capture time"), std::string::npos) << problems;
    EXPECT_FALSE(files[i].contains("capture_time")) << files[i].dump(2);
  }
}

TEST_F(HeicCliTest, IngestRecordsTheCaptureTimeAndAnUprightThumbnail) {
  if (!MakeHeic("photo.heic", Phone())) GTEST_SKIP() << "no HEVC encoder to make a HEIC";
  std::string store = NewStore("store");
  CliRun in = RunCli({"ingest", tmp_.File("photo.heic"), "--order", "ORD-7", "--role", "packing",
                      "--store", store});
  ASSERT_EQ(in.exit_code, 0) << in.out << in.err;
  EXPECT_EQ(in.out.find("no thumbnail"), std::string::npos) << in.out;
  CliRun show = RunCli({"show", "ORD-7", "--json", "--store", store});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  std::string sha = Sha256Hex(ReadFileOrDie(tmp_.File("photo.heic")));
  Json doc = Json::parse(show.out), photo;
  for (const Json& item : doc["items"]) {
    if (item["sha256"] == sha) photo = item;
  }
  ASSERT_FALSE(photo.is_null()) << show.out;
  EXPECT_EQ(photo["media_type"], "image/heif");
  EXPECT_EQ(photo["capture_time"], "2025-07-30T05:52:33.512Z") << photo.dump(2);
  EXPECT_EQ(photo["capture_time_source"], "exif DateTimeOriginal+OffsetTimeOriginal");
  CliRun tl = RunCli({"timeline", "ORD-7", "--json", "--store", store});
  ASSERT_EQ(tl.exit_code, 0) << tl.err;
  Json timeline = Json::parse(tl.out);
  bool captured = false;
  for (const Json& e : timeline["events"]) {
    captured |= e["kind"] == "captured" && e["time"] == "2025-07-30T05:52:33.512Z";
  }
  EXPECT_TRUE(captured) << tl.out;
  // The thumbnail is the other item ingested (show lists originals only),
  // the same bytes from a second store.
  std::string thumb_sha = ThumbnailHash(store, sha);
  ASSERT_FALSE(thumb_sha.empty());
  std::string again = NewStore("again");
  ASSERT_EQ(RunCli({"ingest", tmp_.File("photo.heic"), "--store", again}).exit_code, 0);
  EXPECT_EQ(ThumbnailHash(again, sha), thumb_sha);
  ASSERT_EQ(RunCli({"export", thumb_sha, "-o", tmp_.File("t.jpg"), "--store", store}).exit_code, 0);
  // Turned once by the container (200x400 shown -> 160x320), not again by EXIF.
  cv::Mat t = cv::imread(tmp_.File("t.jpg"), cv::IMREAD_COLOR);
  ASSERT_EQ(t.cols, 160);
  ASSERT_EQ(t.rows, 320);
  cv::Vec3b top_right = t.at<cv::Vec3b>(20, 140), top_left = t.at<cv::Vec3b>(20, 20);
  EXPECT_GT(top_right[2], 200);  // red (BGR)
  EXPECT_LT(top_right[1], 80);
  EXPECT_GT(top_left[1], 200);  // white

  // The package's report shows the HEIC through its thumbnail.
  ASSERT_EQ(RunCli({"keygen", tmp_.File("k")}).exit_code, 0);
  CliRun b = RunCli({"bundle", "ORD-7", "--reason", "damaged", "--key", tmp_.File("k.key"), "-o",
                     tmp_.File("p.zip"), "--store", store},
                    {"SOURCE_DATE_EPOCH=1772712000"});
  ASSERT_EQ(b.exit_code, 0) << b.out << b.err;
  std::string report, evidence, thumb_entry;
  for (const auto& [name, data] : ReadEntries(tmp_.File("p.zip"))) {
    if (EndsWith(name, "/report.html")) report = data;
    if (EndsWith(name, "/evidence.json")) evidence = data;
    if (name.find("/thumbnails/packing/") != std::string::npos) thumb_entry = name;
  }
  ASSERT_FALSE(thumb_entry.empty()) << "no thumbnail in the package";
  std::string rel = thumb_entry.substr(thumb_entry.find("thumbnails/"));
  EXPECT_NE(report.find("src=\"" + rel + "\""), std::string::npos) << rel << "\n" << report;
  // evidence.json records the thumbnail's own hash and its parent's.
  bool recorded = false;
  Json ev = Json::parse(evidence);
  for (const Json& item : ev["items"]) {
    if (item.contains("thumbnail") && item["thumbnail"]["sha256"] == thumb_sha) {
      recorded = item["thumbnail"]["parent_sha256"] == sha && item["sha256"] == sha;
    }
  }
  EXPECT_TRUE(recorded) << evidence;
}

// A HEIC whose Exif item is broken is stored all the same, with the problem
// in its metadata, no capture time and a thumbnail; a cut HEIC is refused
// and the run goes on.
TEST_F(HeicCliTest, IngestKeepsAHeicWithBrokenExifAndRefusesACutOne) {
  HeicOptions o;
  o.exif = Be32(5000) + PhoneTiff();
  o.raw_exif = true;
  if (!MakeHeic("offset.heic", o)) GTEST_SKIP() << "no HEVC encoder to make a HEIC";
  std::string heic = ReadFileOrDie(tmp_.File("offset.heic"));
  WriteFileOrDie(tmp_.File("cut.heic"), heic.substr(0, heic.size() / 2));
  std::string store = NewStore("store");
  CliRun in = RunCli({"ingest", tmp_.File("offset.heic"), tmp_.File("cut.heic"), "--order", "ORD-7",
                      "--role", "packing", "--store", store});
  EXPECT_EQ(in.exit_code, 3) << in.out << in.err;
  EXPECT_NE(in.out.find("refused    " + tmp_.File("cut.heic")), std::string::npos) << in.out;
  EXPECT_NE(in.out.find("1 stored, 0 duplicate, 1 refused"), std::string::npos) << in.out;
  CliRun show = RunCli({"show", "ORD-7", "--json", "--store", store});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  Json doc = Json::parse(show.out);
  ASSERT_EQ(doc["items"].size(), 1u) << show.out;
  const Json& item = doc["items"][0];
  EXPECT_FALSE(item.contains("capture_time") && !item["capture_time"].get<std::string>().empty())
      << item.dump(2);
  EXPECT_NE(item["metadata"]["exif"]["problems"].dump().find("points past its end"),
            std::string::npos)
      << item.dump(2);
  EXPECT_FALSE(ThumbnailHash(store, item["sha256"]).empty());
}

}  // namespace
}  // namespace parcelproof::testing
