// End-to-end: one generated packing video through ingest (scan in a worker,
// link by tracking number, label verdict with times, evidence stills),
// show, bundle, verify and report; stills byte-identical across stores and
// reproduced by the stock ffmpeg command; the checklist's "continuous
// packing video" with a video that has footage cut out.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "core/media_time.h"
#include "package_fixture.h"
#include "synthetic_label.h"
#include "video_gen.h"

namespace parcelproof::testing {
namespace {

using nlohmann::json;

const char kOwn[] = "RR123456785CN";

std::string MakeStore(const TempDir& dir, const std::string& name) {
  std::string store = dir.File(name);
  EXPECT_EQ(RunCli({"init", "--store", store}).exit_code, 0);
  WriteFileOrDie(dir.File("orders.json"),
                 R"({"id":"ORD-9","recipient":{"name":"Ana","postal_code":"10115",)"
                 R"("country":"DE"},"tracking":[{"carrier":"UPU","number":"RR123456785CN"}],)"
                 R"("times":{"placed":"2026-02-27T09:00:00Z"}})");
  EXPECT_EQ(RunCli({"orders", "import", dir.File("orders.json"), "--store", store}).exit_code, 0);
  return store;
}

// One generated packing video (4 s, 640x360, the label panned through the
// frame from 1 s to 3 s) shared by the tests of this file.
class VideoStoreCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!HaveFfmpeg()) return;
    clip_dir_ = new TempDir();
    LabelClipSpec spec;
    spec.label_png = clip_dir_->File("label.png");
    WriteTrackingLabel(spec.label_png, kOwn);
    clip_ = clip_dir_->File("packing.mp4");
    if (!MakeLabelClip(spec, clip_)) clip_.clear();
  }
  static void TearDownTestSuite() {
    delete clip_dir_;
    clip_dir_ = nullptr;
  }
  void SetUp() override {
    if (!HaveFfmpeg()) GTEST_SKIP() << "ffmpeg with libx264 not installed";
    ASSERT_FALSE(clip_.empty()) << "the packing video could not be generated";
  }
  static TempDir* clip_dir_;
  static std::string clip_;
};

TempDir* VideoStoreCliTest::clip_dir_ = nullptr;
std::string VideoStoreCliTest::clip_;

json ShowJson(const std::string& store) {
  CliRun r = RunCli({"show", "ORD-9", "--json", "--store", store});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

// Grey pixels of one picture or frame, through ffmpeg.
std::string GreyPixels(const std::vector<std::string>& input_args, const std::string& raw) {
  std::vector<std::string> args = input_args;
  for (const char* a : {"-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray"}) args.push_back(a);
  args.push_back(raw);
  EXPECT_TRUE(RunFfmpeg(args));
  return ReadFileOrDie(raw);
}

double MeanAbsDiff(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || a.empty()) return 1e9;
  double sum = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    sum += std::abs(static_cast<int>(static_cast<unsigned char>(a[i])) -
                    static_cast<int>(static_cast<unsigned char>(b[i])));
  }
  return sum / static_cast<double>(a.size());
}

const json* LabelStill(const json& item) {
  for (const json& d : item["derived"]) {
    if (d["kind"] == "still" && d.value("purpose", "") == "label") return &d;
  }
  return nullptr;
}

std::string EntryEndingWith(const std::map<std::string, std::string>& entries,
                            const std::string& suffix) {
  for (const auto& [name, data] : entries) {
    if (name.size() >= suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return data;
    }
  }
  return "";
}

TEST_F(VideoStoreCliTest, IngestShowBundleVerifyReportAndStillsAreByteIdentical) {
  TempDir dir;
  std::string store = MakeStore(dir, "store");
  const std::string& clip = clip_;
  CliRun in = RunCli({"ingest", clip, "--store", store, "--stills", "3", "--json"});
  ASSERT_EQ(in.exit_code, 0) << in.out << in.err;
  json line = json::parse(in.out)["files"][0];
  EXPECT_EQ(line["kind"], "video");
  EXPECT_EQ(line["role"], "packing");  // linked by the tracking number it shows
  ASSERT_EQ(line["verdicts"].size(), 1u) << in.out;
  EXPECT_EQ(line["verdicts"][0]["verdict"], "PASS");
  EXPECT_NE(line["verdicts"][0].dump().find("read at"), std::string::npos) << in.out;

  json show = ShowJson(store);
  ASSERT_EQ(show["items"].size(), 1u) << show.dump(2);
  const json& video = show["items"][0];
  EXPECT_EQ(video["metadata"]["scan"]["videos"][0]["barcodes"][0]["text"], kOwn);
  const json* label = LabelStill(video);
  ASSERT_NE(label, nullptr) << video["derived"].dump(2);
  EXPECT_EQ((*label)["media_type"], "image/jpeg");
  double t = (*label)["time_s"].get<double>();
  EXPECT_GE(t, 0.9);
  EXPECT_LE(t, 3.1);
  int contents = 0, labels = 0;
  for (const json& d : video["derived"]) {
    contents += d.value("purpose", "") == "contents";
    labels += d.value("purpose", "") == "label";
  }
  EXPECT_EQ(labels, 1);  // one per tracking number (Code 128 and QR code carry the same)
  EXPECT_GE(contents, 2);
  EXPECT_LE(contents, 3);
  WriteFileOrDie(dir.File("show.json"), show.dump());
  if (HaveJsonSchema()) {
    CliRun v = ValidateAgainstSchema("show.schema.json", dir.File("show.json"));
    EXPECT_EQ(v.exit_code, 0) << v.err;
  }
  CliRun human = RunCli({"show", "ORD-9", "--store", store});
  EXPECT_NE(human.out.find("derived still"), std::string::npos) << human.out;

  // The stock command reproduces the still's frame (within JPEG tolerance),
  // and not a later one (two frames on: the label card is overlaid at 25 fps,
  // so the next 30-fps frame may be identical).
  std::string hash = (*label)["sha256"];
  ASSERT_EQ(RunCli({"export", hash, "-o", dir.File("still.jpg"), "--store", store}).exit_code, 0);
  std::string still = GreyPixels({"-i", dir.File("still.jpg")}, dir.File("still.gray"));
  char ss[32];
  std::snprintf(ss, sizeof ss, "%.3f", std::floor(t * 1000 + 1e-6) / 1000);
  std::string same = GreyPixels({"-ss", ss, "-i", clip}, dir.File("same.gray"));
  std::snprintf(ss, sizeof ss, "%.3f", std::floor((t + 2.0 / 30) * 1000 + 1e-6) / 1000);
  std::string next = GreyPixels({"-ss", ss, "-i", clip}, dir.File("next.gray"));
  double d_same = MeanAbsDiff(still, same), d_next = MeanAbsDiff(still, next);
  EXPECT_LT(d_same, 2.0);
  EXPECT_LT(d_same, d_next) << "t=" << t << " next -ss " << ss;

  ASSERT_EQ(RunCli({"keygen", dir.File("k")}).exit_code, 0);
  CliRun b = RunCli({"bundle", "ORD-9", "--reason", "not-working", "--key", dir.File("k.key"), "-o",
                     dir.File("p.zip"), "--store", store, "--json"},
                    {"SOURCE_DATE_EPOCH=1772712000"});
  ASSERT_EQ(b.exit_code, 0) << b.out << b.err;
  EXPECT_NE(b.out.find("\"packing-video\""), std::string::npos) << b.out;
  json summary = json::parse(b.out);
  for (const json& l : summary["checklist"]) {  // summary outlives the loop
    if (l["id"] == "packing-video") {
      EXPECT_EQ(l["status"], "present") << l.dump();
    }
  }
  CliRun v = RunCli({"verify", dir.File("p.zip"), "--pubkey", dir.File("k.pub")});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  std::map<std::string, std::string> entries = ReadEntries(dir.File("p.zip"));
  json evidence = json::parse(EntryEndingWith(entries, "/evidence.json"));
  if (HaveJsonSchema()) {
    WriteFileOrDie(dir.File("evidence.json"), evidence.dump());
    CliRun ev = ValidateAgainstSchema("evidence.schema.json", dir.File("evidence.json"));
    EXPECT_EQ(ev.exit_code, 0) << ev.err;
  }
  int stills = 0;
  for (const json& item : evidence["items"]) {
    if (item["role"] != "still") continue;
    ++stills;
    EXPECT_EQ(item["parent_sha256"], video["sha256"]);
    EXPECT_TRUE(item["metadata"]["still"].contains("decoder")) << item.dump();
    EXPECT_EQ(EntryEndingWith(entries, item["path"].get<std::string>()).empty(), false);
  }
  EXPECT_EQ(stills, static_cast<int>(video["derived"].size()));
  std::string report = EntryEndingWith(entries, "/report.html");
  EXPECT_NE(report.find("frame at 00:00:0"), std::string::npos);
  EXPECT_NE(report.find("ffmpeg -ss "), std::string::npos);
  EXPECT_NE(report.find("-frames:v 1 still.png"), std::string::npos);
  EXPECT_NE(report.find("(FFmpeg libavcodec "), std::string::npos);

  // The same video in another store gives the same stills, byte for byte.
  std::string again = MakeStore(dir, "again");
  ASSERT_EQ(RunCli({"ingest", clip, "--store", again, "--stills", "3"}).exit_code, 0);
  json other = ShowJson(again);
  std::vector<std::string> first, second;
  for (const json& d : video["derived"]) first.push_back(d["sha256"]);
  for (const json& d : other["items"][0]["derived"]) second.push_back(d["sha256"]);
  EXPECT_GE(first.size(), 3u);
  EXPECT_EQ(first, second);
}

// A stored video ingested again for another order gets that order's label
// verdict (from the scan its metadata keeps), as a re-added label photo
// does; the first order's verdict stays.
TEST_F(VideoStoreCliTest, ReaddingAStoredVideoForAnotherOrderRecordsItsVerdict) {
  TempDir dir;
  std::string store = MakeStore(dir, "store");
  WriteFileOrDie(dir.File("other.json"),
                 R"({"id":"ORD-10","recipient":{"name":"Bo","postal_code":"0150",)"
                 R"("country":"NO"},"tracking":[{"carrier":"UPU","number":"UA284703196CN"}]})");
  ASSERT_EQ(RunCli({"orders", "import", dir.File("other.json"), "--store", store}).exit_code, 0);
  CliRun first = RunCli({"ingest", clip_, "--store", store, "--stills", "0", "--json"});
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  CliRun again =
      RunCli({"ingest", clip_, "--order", "ORD-10", "--store", store, "--stills", "0", "--json"});
  ASSERT_EQ(again.exit_code, 0) << again.out << again.err;
  json line = json::parse(again.out)["files"][0];
  EXPECT_EQ(line["outcome"], "duplicate");
  std::map<std::string, std::string> verdicts;
  for (const json& v : line["verdicts"]) verdicts[v["order_id"]] = v["verdict"];
  EXPECT_EQ(verdicts["ORD-9"], "PASS") << line.dump();
  EXPECT_EQ(verdicts["ORD-10"], "MISMATCH") << line.dump();
  CliRun show = RunCli({"show", "ORD-10", "--json", "--store", store});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  json item = json::parse(show.out)["items"][0];
  bool found = false;
  for (const json& v : item["verdicts"]) {
    if (v["order_id"] != "ORD-10") continue;
    found = true;
    EXPECT_EQ(v["verdict"], "MISMATCH");
    EXPECT_NE(v.dump().find("read at"), std::string::npos) << v.dump();
  }
  EXPECT_TRUE(found) << item.dump(2);
  // The same again adds nothing.
  CliRun third =
      RunCli({"ingest", clip_, "--order", "ORD-10", "--store", store, "--stills", "0", "--json"});
  EXPECT_EQ(json::parse(third.out)["files"][0]["verdicts"].size(), 2u) << third.out;
}

TEST_F(VideoStoreCliTest, AVideoWithFootageCutOutIsOnlyPresentButAsAPackingVideo) {
  TempDir dir;
  std::string store = MakeStore(dir, "store");
  const std::string& clip = clip_;
  std::string cut = dir.File("cut.mp4");
  ASSERT_TRUE(RunFfmpeg({"-i", clip, "-vf", "setpts='PTS+if(gte(T,2),3/TB,0)'", "-fps_mode",
                         "passthrough", "-c:v", "libx264", "-preset", "ultrafast", cut}));
  CliRun in = RunCli(
      {"ingest", cut, "--store", store, "--stills", "0", "--order", "ORD-9", "--role", "packing"});
  ASSERT_EQ(in.exit_code, 0) << in.out << in.err;
  CliRun tl = RunCli({"timeline", "ORD-9", "--json", "--store", store});
  ASSERT_EQ(tl.exit_code, 0) << tl.out << tl.err;
  json timeline = json::parse(tl.out);  // outlives the loop below
  bool gap = false;
  for (const json& f : timeline["findings"]) {
    if (f["code"] != "video-pts-gap") continue;
    gap = true;
    EXPECT_EQ(f["severity"], "serious");
    EXPECT_NE(f["explanation"].get<std::string>().find("indicator"), std::string::npos);
  }
  EXPECT_TRUE(gap) << tl.out;
  if (HaveJsonSchema()) {
    WriteFileOrDie(dir.File("timeline.json"), tl.out);
    CliRun v = ValidateAgainstSchema("timeline.schema.json", dir.File("timeline.json"));
    EXPECT_EQ(v.exit_code, 0) << v.err;
  }
  ASSERT_EQ(RunCli({"keygen", dir.File("k")}).exit_code, 0);
  CliRun b = RunCli({"bundle", "ORD-9", "--reason", "not-working", "--key", dir.File("k.key"), "-o",
                     dir.File("p.zip"), "--store", store, "--json"});
  ASSERT_EQ(b.exit_code, 0) << b.out << b.err;
  bool seen = false;
  json summary = json::parse(b.out);
  for (const json& l : summary["checklist"]) {
    if (l["id"] != "packing-video") continue;
    seen = true;
    EXPECT_EQ(l["status"], "present-but") << l.dump();
  }
  EXPECT_TRUE(seen) << b.out;
}

// The scan JSON of one generated video, with the file name, hash and the
// counts that depend on the sampling strategy (frames decoded, scanned and
// seen, which change with speed work) taken out. PP_UPDATE_GOLDEN=1 rewrites the golden file.
TEST_F(VideoStoreCliTest, ScanJsonOfAGeneratedPackingVideoMatchesGolden) {
  const std::string& clip = clip_;
  CliRun r = RunCli({"scan", "--json", clip});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  json doc = json::parse(r.out);
  doc.erase("version");
  json& video = doc["videos"][0];
  EXPECT_EQ(video["file"], clip);
  video["file"] = "packing.mp4";
  video["sha256"] = "<sha256>";
  video["frames"].erase("decoded");
  video["frames"].erase("scanned");
  for (json& b : video["barcodes"]) b.erase("frames_seen");
  std::string golden =
      std::string(PP_SOURCE_DIR) + "/tests/golden/video/packing.scan.expected.json";
  if (std::getenv("PP_UPDATE_GOLDEN") != nullptr) WriteFileOrDie(golden, doc.dump(2) + "\n");
  EXPECT_EQ(doc, json::parse(ReadFileOrDie(golden))) << doc.dump(2);
}

// The ffmpeg -ss argument recorded with a still (SeekArgument of its time)
// outputs the still's frame, not one 0.5 s away, when the video's first
// frame is not at time 0: audio from 0 s and video from 0.5 s, and an edit
// list hiding the video's first 0.5 s (time 0 is then the first frame shown).
TEST_F(VideoStoreCliTest, StillSeekHoldsWhenTheFirstFrameIsNotAtTimeZero) {
  TempDir dir;
  std::string late = dir.File("late.mp4"), edited = dir.File("edited.mp4");
  ASSERT_TRUE(RunFfmpeg({"-f", "lavfi", "-i", "sine=d=5", "-itsoffset", "0.5", "-i", clip_, "-map",
                         "1:v", "-map", "0:a", "-c:v", "copy", "-c:a", "aac", late}));
  ASSERT_TRUE(RunFfmpeg({"-ss", "0.5", "-i", clip_, "-c", "copy", edited}));
  int n = 0;
  for (const std::string& video : {late, edited}) {
    std::string store = MakeStore(dir, "store" + std::to_string(++n));
    ASSERT_EQ(RunCli({"ingest", video, "--store", store, "--stills", "1"}).exit_code, 0) << video;
    json item = ShowJson(store)["items"][0];
    const json* label = LabelStill(item);
    ASSERT_NE(label, nullptr) << item.dump(2);
    std::string jpg = dir.File(std::to_string(n) + ".jpg");
    ASSERT_EQ(RunCli({"export", (*label)["sha256"], "-o", jpg, "--store", store}).exit_code, 0);
    std::string still = GreyPixels({"-i", jpg}, jpg + ".gray");
    double t = (*label)["time_s"].get<double>();
    double d_at =
        MeanAbsDiff(still, GreyPixels({"-ss", SeekArgument(t), "-i", video}, dir.File("at.gray")));
    EXPECT_LT(d_at, 2.0) << video << " t=" << t;
    for (double off : {-0.5, 0.5}) {
      std::string other =
          GreyPixels({"-ss", SeekArgument(t + off), "-i", video}, dir.File("other.gray"));
      EXPECT_LT(d_at, MeanAbsDiff(still, other)) << video << " t=" << t << " offset " << off;
    }
  }
}

}  // namespace
}  // namespace parcelproof::testing
