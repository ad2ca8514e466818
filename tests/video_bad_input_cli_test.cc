// End-to-end: `parcelproof scan` on bad and odd videos crafted at test time
// (corrupt frames mid-stream, an unknown codec, zero and absurd frame
// rates, 100,000 boxes or tracks, a 10-hour video, variable frame rate):
// one-line errors or per-video problems, documented exit codes, no crash,
// no hang, and times from the real presentation timestamps.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"
#include "video_gen.h"

namespace parcelproof::testing {
namespace {

using nlohmann::json;

const char kOwn[] = "RR123456785CN";

json Scan(const std::vector<std::string>& args, int* rc) {
  std::vector<std::string> all = {"scan", "--json"};
  all.insert(all.end(), args.begin(), args.end());
  CliRun r = RunCli(all);
  *rc = r.exit_code;
  EXPECT_TRUE(r.out.find("\"videos\"") != std::string::npos) << r.out << r.err;
  return json::parse(r.out);
}

bool HasContinuity(const json& video, const std::string& code) {
  for (const json& c : video["continuity"])
    if (c["code"] == code) return true;
  return false;
}

std::string Joined(const json& strings) {
  std::string all;
  for (const json& s : strings) all += s.get<std::string>() + "\n";
  return all;
}

uint32_t Be32(const std::string& b, size_t at) {
  return static_cast<uint32_t>(static_cast<uint8_t>(b[at])) << 24 |
         static_cast<uint32_t>(static_cast<uint8_t>(b[at + 1])) << 16 |
         static_cast<uint32_t>(static_cast<uint8_t>(b[at + 2])) << 8 |
         static_cast<uint32_t>(static_cast<uint8_t>(b[at + 3]));
}

std::string Box(const std::string& type, const std::string& body = "") {
  uint32_t n = static_cast<uint32_t>(8 + body.size());
  std::string out = {static_cast<char>(n >> 24), static_cast<char>(n >> 16),
                     static_cast<char>(n >> 8), static_cast<char>(n)};
  return out + type + body;
}

// A 4-second 640x360 clip, the label still and centred from 0.5 to 3.5 s
// (ffmpeg writes ftyp, free, mdat, then moov).
std::string Clip(const TempDir& dir, LabelClipSpec spec = {}) {
  spec.label_png = dir.File("label.png");
  WriteTrackingLabel(spec.label_png, kOwn);
  spec.shown_from = 0.5;
  spec.shown_to = 3.5;
  spec.pan = false;
  std::string out = dir.File("clip.mp4");
  EXPECT_TRUE(MakeLabelClip(spec, out));
  return ReadFileOrDie(out);
}

TEST(VideoBadInputCliTest, CorruptFramesMidStreamAreReportedWithTheirTimesAndScanningGoesOn) {
  SKIP_WITHOUT_FFMPEG();
  TempDir dir;
  std::string bytes = Clip(dir);
  size_t mdat = bytes.find("mdat"), moov = bytes.find("moov");
  ASSERT_LT(mdat, moov);
  // Garbage over 3 KB at 60% of the picture data (a frame near 2.4 s).
  size_t at = mdat + (moov - mdat) * 6 / 10;
  for (size_t i = at; i < at + 3000; ++i) bytes[i] = static_cast<char>(i * 37);
  WriteFileOrDie(dir.File("corrupt.mp4"), bytes);
  int rc;
  json doc = Scan({dir.File("corrupt.mp4")}, &rc);
  EXPECT_EQ(rc, 0) << doc.dump(2);
  const json& v = doc["videos"][0];
  EXPECT_TRUE(HasContinuity(v, "corrupt-frames")) << v.dump(2);
  std::string problems = Joined(v["problems"]);
  EXPECT_NE(problems.find("frame at "), std::string::npos) << problems;
  EXPECT_NE(problems.find(" s "), std::string::npos) << problems;
  const json* b = FindCode(v, kOwn);
  ASSERT_NE(b, nullptr) << "scanning went on around the corrupt frames: " << v.dump(2);
  EXPECT_NEAR((*b)["first_seen_s"].get<double>(), 0.5, 0.07);
}

TEST(VideoBadInputCliTest, AnUnknownCodecOrTooManyTracksIsRefusedInOneLine) {
  SKIP_WITHOUT_FFMPEG();
  TempDir dir;
  std::string bytes = Clip(dir);
  std::string fourcc = bytes;
  size_t entry = fourcc.find("avc1", fourcc.find("stsd"));
  ASSERT_NE(entry, std::string::npos);
  fourcc.replace(entry, 4, "zzzz");
  WriteFileOrDie(dir.File("fourcc.mp4"), fourcc);
  // 100,000 (empty) tracks in the moov.
  size_t ftyp_end = Be32(bytes, 0);
  std::string traks;
  for (int i = 0; i < 100000; ++i) traks += Box("trak");
  WriteFileOrDie(dir.File("tracks.mp4"), bytes.substr(0, ftyp_end) + Box("moov", traks));
  int rc;
  json doc = Scan({dir.File("fourcc.mp4"), dir.File("tracks.mp4")}, &rc);
  EXPECT_EQ(rc, 3);
  const json& v = doc["videos"];
  ASSERT_EQ(v.size(), 2u);
  std::string e0 = v[0]["error"], e1 = v[1]["error"];
  EXPECT_NE(e0.find("unsupported video codec 'zzzz'"), std::string::npos) << e0;
  EXPECT_NE(e1.find("more than 64 streams"), std::string::npos) << e1;
  EXPECT_EQ(e0.find('\n'), std::string::npos);
  EXPECT_EQ(e1.find('\n'), std::string::npos);
  CliRun text = RunCli({"scan", dir.File("fourcc.mp4")});
  EXPECT_EQ(text.exit_code, 3);
  EXPECT_NE(text.err.find("fourcc.mp4: unsupported video codec"), std::string::npos) << text.err;
}

TEST(VideoBadInputCliTest, HundredThousandBoxesAreWalkedAndTheVideoIsStillRead) {
  SKIP_WITHOUT_FFMPEG();
  TempDir dir;
  std::string bytes = Clip(dir);
  size_t moov = bytes.find("moov") - 4;  // after mdat: chunk offsets stay valid
  std::string frees;
  for (int i = 0; i < 100000; ++i) frees += Box("free");
  WriteFileOrDie(dir.File("boxes.mp4"), bytes.substr(0, moov) + frees + bytes.substr(moov));
  int rc;
  json doc = Scan({dir.File("boxes.mp4")}, &rc);
  EXPECT_EQ(rc, 0) << doc.dump(2);
  EXPECT_NE(FindCode(doc["videos"][0], kOwn), nullptr) << doc.dump(2);
}

TEST(VideoBadInputCliTest, ZeroAndAbsurdFrameRatesAreProblemsNotCrashes) {
  SKIP_WITHOUT_FFMPEG();
  TempDir dir;
  std::string bytes = Clip(dir);
  // Every sample lasting 0 ticks: all frames at one presentation time.
  size_t stts = bytes.find("stts");
  ASSERT_NE(stts, std::string::npos);
  uint32_t entries = Be32(bytes, stts + 8);
  for (uint32_t i = 0; i < entries; ++i) bytes.replace(stts + 16 + 8 * i, 4, std::string(4, '\0'));
  WriteFileOrDie(dir.File("zero.mp4"), bytes);
  // 100,000 frames a second in a 1/100000 time base.
  ASSERT_TRUE(RunFfmpeg({"-f", "lavfi", "-i", "color=c=gray:s=64x64:r=100000:d=0.002", "-c:v",
                         "libx264", "-preset", "ultrafast", dir.File("absurd.mp4")}));
  int rc;
  json doc = Scan({dir.File("zero.mp4"), dir.File("absurd.mp4")}, &rc);
  EXPECT_EQ(rc, 0) << doc.dump(2);
  const json& zero = doc["videos"][0];
  EXPECT_FALSE(zero.contains("error")) << zero.dump(2);
  EXPECT_TRUE(HasContinuity(zero, "pts-backwards")) << zero.dump(2);
  const json& absurd = doc["videos"][1];
  EXPECT_EQ(absurd["frames"]["total"], 200);
  EXPECT_NEAR(absurd["duration_s"].get<double>(), 0.002, 1e-6);
  EXPECT_NE(Joined(absurd["problems"]).find("absurd frame rate"), std::string::npos)
      << absurd.dump(2);
}

TEST(VideoBadInputCliTest, VariableFrameRateTimesAreThePresentationTimes) {
  SKIP_WITHOUT_FFMPEG();
  TempDir dir;
  WriteTrackingLabel(dir.File("label.png"), kOwn);
  // Frames 0-29 every 1/30 s, then one every 0.2 s: frame n >= 30 is at
  // 1 + (n - 30) / 5 s. The label is in frames 40 to 60: 3.0 to 7.0 s (at a
  // nominal 30 fps they would be 1.33 to 2.0 s).
  ASSERT_TRUE(RunFfmpeg({"-f", "lavfi", "-i", "color=c=0x707070:s=640x360:r=30:d=3", "-loop", "1",
                         "-i", dir.File("label.png"), "-filter_complex",
                         "[0][1]overlay=x=(W-w)/2:y=(H-h)/2:enable='between(t,1.32,2.01)':"
                         "shortest=1,format=yuv420p",
                         "-c:v", "libx264", "-preset", "ultrafast", dir.File("cfr.mp4")}));
  ASSERT_TRUE(
      RunFfmpeg({"-i", dir.File("cfr.mp4"), "-vf", "setpts='if(lt(N,30),N/30,1+(N-30)/5)/TB'",
                 "-fps_mode", "vfr", "-c:v", "libx264", "-preset", "ultrafast", "-g", "30",
                 "-video_track_timescale", "30000", dir.File("vfr.mp4")}));
  int rc;
  json doc = Scan({dir.File("vfr.mp4")}, &rc);
  EXPECT_EQ(rc, 0) << doc.dump(2);
  const json& v = doc["videos"][0];
  EXPECT_EQ(v["frames"]["total"], 90);
  // The last frame at 12.8 s, plus the mean frame interval.
  EXPECT_NEAR(v["duration_s"].get<double>(), 12.8 + 12.8 / 89, 1e-3);
  const json* b = FindCode(v, kOwn);
  ASSERT_NE(b, nullptr) << v.dump(2);
  // (The overlay may show it a frame early: 0.2 s on this grid.)
  double first = (*b)["first_seen_s"].get<double>(), last = (*b)["last_seen_s"].get<double>();
  EXPECT_NEAR(first, 3.0, 0.21) << b->dump();
  EXPECT_NEAR(last, 7.0, 0.21) << b->dump();
  EXPECT_NEAR((first - 1) * 5, std::round((first - 1) * 5), 1e-6) << "on the frames' grid";
  EXPECT_NEAR((last - 1) * 5, std::round((last - 1) * 5), 1e-6) << "on the frames' grid";
  double best = (*b)["best"]["time_s"].get<double>();
  int frame = (*b)["best"]["frame"].get<int>();
  EXPECT_NEAR(best, 1 + (frame - 30) / 5.0, 1e-6) << b->dump();
}

TEST(VideoBadInputCliTest, ATenHourVideoIsScannedWithProgressOnATerminalOnly) {
  SKIP_WITHOUT_FFMPEG();
  TempDir dir;
  // Ten hours cheaply: 32x32 pixels, one frame every 100 s (360 frames).
  ASSERT_TRUE(RunFfmpeg({"-f", "lavfi", "-i", "color=c=gray:s=32x32:r=1/100:d=36000", "-c:v",
                         "libx264", "-preset", "ultrafast", dir.File("long.mp4")}));
  int rc;
  json doc = Scan({"--timeout", "30", dir.File("long.mp4")}, &rc);
  EXPECT_EQ(rc, 0) << doc.dump(2);
  EXPECT_NEAR(doc["videos"][0]["duration_s"].get<double>(), 36000, 1);
  EXPECT_EQ(doc["videos"][0]["frames"]["total"], 360);
  // Progress goes to stderr on a terminal only (script(1) gives a pty).
  if (HaveProgram("script")) {
    std::string cmd = std::string(PP_CLI_PATH) + " scan " + dir.File("long.mp4") + " >/dev/null";
    CliRun tty = RunProgram("script", {"-qec", cmd, "/dev/null"});
    EXPECT_NE(tty.out.find("s scanned"), std::string::npos) << tty.out;
    CliRun plain = RunCli({"scan", dir.File("long.mp4")});
    EXPECT_EQ(plain.err.find("s scanned"), std::string::npos) << plain.err;
  }
}

}  // namespace
}  // namespace parcelproof::testing
