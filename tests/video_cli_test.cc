// End-to-end: `parcelproof scan` and `check` on videos generated with the
// ffmpeg tool (labels panned through the frame, portrait phone video, a
// splice of two parcels, timestamp gaps, edit lists), and on bad videos.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "cli_runner.h"
#include "synthetic_label.h"
#include "video_gen.h"

namespace parcelproof::testing {
namespace {

using nlohmann::json;

const char kOwn[] = "RR123456785CN";
const char kOther[] = "RR472518365CN";

json ScanVideoJson(const std::vector<std::string>& files, int* rc) {
  std::vector<std::string> args = {"scan", "--json"};
  args.insert(args.end(), files.begin(), files.end());
  CliRun r = RunCli(args);
  *rc = r.exit_code;
  return json::parse(r.out);
}

// Validates scan --json output against schemas/scan.schema.json when
// python3-jsonschema is installed.
void ExpectMatchesSchema(const TempDir& dir, const json& doc) {
  if (RunProgram("python3", {"-c", "import jsonschema"}).exit_code != 0) return;
  WriteFileOrDie(dir.File("scan.json"), doc.dump());
  const char* kScript =
      "import json,sys,jsonschema\n"
      "jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))\n";
  CliRun v = RunProgram("python3",
                        {"-c", kScript, std::string(PP_SOURCE_DIR) + "/schemas/scan.schema.json",
                         dir.File("scan.json")});
  EXPECT_EQ(v.exit_code, 0) << v.err;
}

std::string LabelClip(const TempDir& dir, const std::string& name, const std::string& tracking,
                      LabelClipSpec spec = {}) {
  spec.label_png = dir.File(name + ".png");
  WriteTrackingLabel(spec.label_png, tracking);
  std::string out = dir.File(name + ".mp4");
  EXPECT_TRUE(MakeLabelClip(spec, out));
  return out;
}

TEST(VideoCliTest, ScanReadsAPannedLabelWithExactFirstAndLastTimes) {
  SKIP_WITHOUT_FFMPEG();
  TempDir dir;
  std::string clip = LabelClip(dir, "pan", kOwn);
  WriteSyntheticLabel(dir.File("photo.png"), 600, 300, {{"Code128", kOther, 20, 20, 560, 200}}, 0);
  int rc;
  json doc = ScanVideoJson({clip, dir.File("photo.png")}, &rc);
  ASSERT_EQ(rc, 0) << doc.dump(2);
  ASSERT_EQ(doc["images"].size(), 1u);
  EXPECT_EQ(doc["images"][0]["barcodes"][0]["text"], kOther);
  ASSERT_EQ(doc["videos"].size(), 1u) << doc.dump(2);
  const json& v = doc["videos"][0];
  EXPECT_EQ(v["codec"], "h264");
  EXPECT_EQ(v["width"], 640);
  EXPECT_EQ(v["height"], 360);
  EXPECT_EQ(v["rotation"], 0);
  EXPECT_NEAR(v["duration_s"].get<double>(), 4.0, 1e-6);
  EXPECT_EQ(v["frames"]["total"], 120);
  const json* b = FindCode(v, kOwn);
  ASSERT_NE(b, nullptr) << v.dump(2);
  EXPECT_EQ((*b)["tracking"]["scheme"], "UPU S10");
  // Shown from 1 s to 3 s (overlay enable is inclusive; the encoder shows
  // it from frame 29, zbarimg reads it there too): frames 29..90.
  EXPECT_NEAR((*b)["first_seen_s"].get<double>(), 1.0, 0.07) << b->dump();
  EXPECT_NEAR((*b)["last_seen_s"].get<double>(), 3.0, 0.07) << b->dump();
  EXPECT_GE((*b)["best"]["frame"].get<int>(), 29);
  EXPECT_LE((*b)["best"]["frame"].get<int>(), 90);
  EXPECT_GE((*b)["best"]["time_s"].get<double>(), (*b)["first_seen_s"].get<double>());
  EXPECT_LE((*b)["best"]["time_s"].get<double>(), (*b)["last_seen_s"].get<double>());
  for (const json& c : (*b)["best"]["corners"]) {
    EXPECT_GE(c[0].get<int>(), 0);
    EXPECT_LE(c[0].get<int>(), 640);
  }
  bool editor = false;
  for (const json& c : v["continuity"]) editor |= c["code"] == "editor-encoder";
  EXPECT_TRUE(editor) << "ffmpeg writes a Lavf encoder tag";
  ExpectMatchesSchema(dir, doc);
}

TEST(VideoCliTest, PortraitPhoneVideoIsScannedUpright) {
  SKIP_WITHOUT_FFMPEG();
  TempDir dir;
  LabelClipSpec spec;
  spec.width = 360;
  spec.height = 640;
  spec.pan = false;
  spec.seconds = 2;
  spec.shown_from = 0;
  spec.shown_to = 2;
  spec.label_png = dir.File("label.png");
  WriteTrackingLabel(spec.label_png, kOwn, 300, 200);
  ASSERT_TRUE(MakeLabelClip(spec, dir.File("upright.mp4")));
  // Stored landscape (turned counter-clockwise) with the iPhone's matrix.
  ASSERT_TRUE(RunFfmpeg({"-i", dir.File("upright.mp4"), "-vf", "transpose=2", "-c:v", "libx264",
                         "-preset", "ultrafast", dir.File("stored.mp4")}));
  ASSERT_TRUE(RunFfmpeg({"-i", dir.File("stored.mp4"), "-c", "copy", "-metadata:s:v:0",
                         "rotate=270", dir.File("portrait.mp4")}));
  int rc;
  json doc = ScanVideoJson({dir.File("portrait.mp4")}, &rc);
  ASSERT_EQ(rc, 0) << doc.dump(2);
  const json& v = doc["videos"][0];
  EXPECT_EQ(v["rotation"], 90);
  EXPECT_EQ(v["width"], 360);
  EXPECT_EQ(v["height"], 640);
  const json* b = FindCode(v, kOwn);
  ASSERT_NE(b, nullptr) << v.dump(2);
  // Upright, the label is centred with its bars horizontal-ish: corners
  // inside the 360x640 frame.
  for (const json& c : (*b)["best"]["corners"]) {
    EXPECT_LE(c[0].get<int>(), 360);
    EXPECT_LE(c[1].get<int>(), 640);
  }
}

TEST(VideoCliTest, CheckPassesMismatchesOnASpliceAndIsUnreadableWithoutALabel) {
  SKIP_WITHOUT_FFMPEG();
  TempDir dir;
  std::string own = LabelClip(dir, "own", kOwn);
  std::string other = LabelClip(dir, "other", kOther);
  std::string splice = dir.File("splice.mp4");
  ASSERT_TRUE(RunFfmpeg({"-i", own, "-i", other, "-filter_complex", "[0:v][1:v]concat=n=2:v=1",
                         "-c:v", "libx264", "-preset", "ultrafast", "-g", "30", splice}));
  LabelClipSpec none;
  none.shown_from = 10;
  none.shown_to = 11;
  std::string empty = LabelClip(dir, "empty", kOther, none);
  CliRun pass = RunCli({"check", own, "--tracking", kOwn});
  EXPECT_EQ(pass.exit_code, 0) << pass.out << pass.err;
  EXPECT_NE(pass.out.find("PASS"), std::string::npos) << pass.out;
  // The overlay shows the label from frame 29 or 30 (0.967 s or 1.0 s).
  EXPECT_TRUE(pass.out.find("read at 0.967") != std::string::npos ||
              pass.out.find("read at 1.000") != std::string::npos)
      << pass.out;
  CliRun mix = RunCli({"check", splice, "--tracking", kOwn, "--json"});
  EXPECT_EQ(mix.exit_code, 1) << mix.out << mix.err;
  json doc = json::parse(mix.out);
  EXPECT_EQ(doc["checks"][0]["verdict"], "MISMATCH");
  EXPECT_NE(doc.dump().find("two parcels' labels in one video"), std::string::npos) << mix.out;
  EXPECT_TRUE(doc.dump().find("read at 4.967") != std::string::npos ||
              doc.dump().find("read at 5.000") != std::string::npos)
      << mix.out;
  CliRun unreadable = RunCli({"check", empty, "--tracking", kOwn});
  EXPECT_EQ(unreadable.exit_code, 3) << unreadable.out << unreadable.err;
  EXPECT_NE(unreadable.out.find("UNREADABLE"), std::string::npos);
}

TEST(VideoCliTest, ABriefSmallBackgroundLabelDoesNotMakeAMismatch) {
  SKIP_WITHOUT_FFMPEG();
  TempDir dir;
  std::string own_png = dir.File("own.png"), small_png = dir.File("small.png");
  WriteTrackingLabel(own_png, kOwn);
  WriteTrackingLabel(small_png, kOther, 150, 80);
  // The other parcel's small label is visible for 0.4 s only.
  std::string out = dir.File("busy.mp4");
  ASSERT_TRUE(RunFfmpeg({"-f",
                         "lavfi",
                         "-i",
                         "color=c=0x707070:s=1280x720:r=30:d=4",
                         "-loop",
                         "1",
                         "-i",
                         own_png,
                         "-loop",
                         "1",
                         "-i",
                         small_png,
                         "-filter_complex",
                         "[0][1]overlay=x=100:y=200:shortest=1[a];[a][2]overlay=x=1050:y=560:"
                         "enable='between(t,2,2.4)':shortest=1,format=yuv420p",
                         "-c:v",
                         "libx264",
                         "-preset",
                         "ultrafast",
                         "-g",
                         "30",
                         out}));
  CliRun r = RunCli({"check", out, "--tracking", kOwn});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("PASS"), std::string::npos) << r.out;
  if (r.out.find(kOther) != std::string::npos) {
    EXPECT_NE(r.out.find("not counted"), std::string::npos) << r.out;
  }
}

// Key frames a second apart: key frames are read first, grid frames
// (0.5 s) only where the reads change, so most frames are never decoded,
// and the first and last frame are still exact. Key frames 3 s apart: the
// full 0.5-s grid, so a label shown between two key frames is read.
TEST(VideoCliTest, KeyFramesFirstAndTheFullGridWhenKeyFramesAreSparse) {
  SKIP_WITHOUT_FFMPEG();
  TempDir dir;
  LabelClipSpec dense;
  dense.seconds = 20;
  dense.pan = false;
  dense.shown_from = 10.2;
  dense.shown_to = 12.8;
  std::string keys = LabelClip(dir, "keys", kOwn, dense);
  LabelClipSpec sparse = dense;
  sparse.seconds = 14;
  sparse.gop = 90;
  sparse.shown_to = 10.9;
  std::string grid = LabelClip(dir, "grid", kOther, sparse);
  int rc;
  json doc = ScanVideoJson({keys, grid}, &rc);
  ASSERT_EQ(rc, 0) << doc.dump(2);
  const json& v = doc["videos"][0];
  const json* b = FindCode(v, kOwn);
  ASSERT_NE(b, nullptr) << v.dump(2);
  EXPECT_NEAR((*b)["first_seen_s"].get<double>(), 10.2, 0.04) << b->dump();
  EXPECT_NEAR((*b)["last_seen_s"].get<double>(), 12.8, 0.04) << b->dump();
  EXPECT_LT(v["frames"]["decoded"].get<int>(), 600 / 2) << v["frames"].dump();
  EXPECT_LT(v["frames"]["scanned"].get<int>(), 36) << v["frames"].dump();  // 40 on the grid
  const json* g = FindCode(doc["videos"][1], kOther);
  ASSERT_NE(g, nullptr) << doc["videos"][1].dump(2);
  EXPECT_NEAR((*g)["first_seen_s"].get<double>(), 10.2, 0.04) << g->dump();
  EXPECT_NEAR((*g)["last_seen_s"].get<double>(), 10.9, 0.04) << g->dump();
}

TEST(VideoCliTest, ContinuityFindingsForAGapAndAnEditList) {
  SKIP_WITHOUT_FFMPEG();
  TempDir dir;
  std::string clip = LabelClip(dir, "base", kOwn);
  std::string gap = dir.File("gap.mp4");
  ASSERT_TRUE(RunFfmpeg({"-i", clip, "-vf", "setpts='PTS+if(gte(T,2),3/TB,0)'", "-fps_mode",
                         "passthrough", "-c:v", "libx264", "-preset", "ultrafast", gap}));
  std::string trimmed = dir.File("trimmed.mp4");
  ASSERT_TRUE(RunFfmpeg({"-ss", "0.5", "-i", clip, "-c", "copy", trimmed}));
  int rc;
  json doc = ScanVideoJson({gap, trimmed}, &rc);
  ASSERT_EQ(rc, 0) << doc.dump(2);
  auto codes = [](const json& v) {
    std::set<std::string> out;
    for (const json& c : v["continuity"]) out.insert(c["code"].get<std::string>());
    return out;
  };
  EXPECT_TRUE(codes(doc["videos"][0]).count("pts-gap")) << doc["videos"][0].dump(2);
  bool serious = false;
  for (const json& c : doc["videos"][0]["continuity"])
    serious |= c["code"] == "pts-gap" && c["severity"] == "serious";
  EXPECT_TRUE(serious);
  EXPECT_TRUE(codes(doc["videos"][1]).count("edit-list")) << doc["videos"][1].dump(2);
}

TEST(VideoCliTest, BadVideosGiveOneLineErrorsAndTheOthersAreStillScanned) {
  SKIP_WITHOUT_FFMPEG();
  TempDir dir;
  std::string clip = LabelClip(dir, "good", kOwn);
  std::string bytes = ReadFileOrDie(clip);
  WriteFileOrDie(dir.File("truncated.mp4"), bytes.substr(0, bytes.size() / 2));
  std::string huge = bytes;
  size_t avc1 = huge.find("avc1", huge.find("stsd"));  // the sample entry
  ASSERT_NE(avc1, std::string::npos);
  huge[avc1 + 28] = '\x75', huge[avc1 + 29] = '\x30', huge[avc1 + 30] = '\x75',
              huge[avc1 + 31] = '\x30';  // 30000 x 30000
  WriteFileOrDie(dir.File("huge.mp4"), huge);
  ASSERT_TRUE(RunFfmpeg({"-f", "lavfi", "-i", "sine=d=1", "-c:a", "aac", dir.File("audio.m4a")}));
  int rc;
  json doc = ScanVideoJson(
      {dir.File("truncated.mp4"), dir.File("huge.mp4"), dir.File("audio.m4a"), clip}, &rc);
  EXPECT_EQ(rc, 3);
  const json& v = doc["videos"];
  ASSERT_EQ(v.size(), 4u) << doc.dump(2);
  EXPECT_TRUE(v[0].contains("error")) << v[0].dump();
  EXPECT_NE(v[1]["error"].get<std::string>().find("30000x30000"), std::string::npos) << v[1].dump();
  EXPECT_NE(v[2]["error"].get<std::string>().find("audio only"), std::string::npos) << v[2].dump();
  EXPECT_NE(FindCode(v[3], kOwn), nullptr) << v[3].dump();
  ExpectMatchesSchema(dir, doc);
}

}  // namespace
}  // namespace parcelproof::testing
