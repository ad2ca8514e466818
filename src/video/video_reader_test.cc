#include "video/video_reader.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

namespace parcelproof {
namespace {

// 2025-07-30T05:52:33Z in seconds since 1970.
constexpr uint64_t kT = 1753854753;

std::string Be(uint64_t v, int n) {
  std::string s;
  for (int i = n - 1; i >= 0; --i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
  return s;
}
std::string Le(uint64_t v, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
  return s;
}
std::string Box(const std::string& type, const std::string& body) {
  return Be(body.size() + 8, 4) + type + body;
}
std::string FullHeader(int version, uint64_t created, uint32_t scale, uint64_t duration) {
  int w = version == 1 ? 8 : 4;
  return Be(version, 1) + Be(0, 3) + Be(created, w) + Be(created, w) + Be(scale, 4) +
         Be(duration, w) + std::string(80, '\0');
}
std::string Mp4(const std::string& moov_body) {
  return Box("ftyp", "isom" + Be(0, 4) + "isom") + Box("moov", moov_body) + Box("mdat", "xx");
}

TEST(VideoReaderTest, Mp4MvhdVersion0And1) {
  for (int version : {0, 1}) {
    VideoTimes v =
        ReadVideoTimes(Mp4(Box("mvhd", FullHeader(version, kT + 2082844800, 1000, 12500))));
    EXPECT_EQ(v.container, "MP4");
    EXPECT_EQ(v.creation_time, "2025-07-30T05:52:33Z") << version;
    EXPECT_EQ(v.creation_source, "mvhd");
    EXPECT_TRUE(v.has_duration);
    EXPECT_DOUBLE_EQ(v.duration_s, 12.5);
    EXPECT_TRUE(v.problems.empty());
  }
}

TEST(VideoReaderTest, Mp4FallsBackToTrackHeaders) {
  std::string mdhd = Box("mdhd", FullHeader(0, kT + 2082844800, 600, 1200));
  std::string trak = Box("trak", Box("mdia", mdhd));
  VideoTimes v = ReadVideoTimes(Mp4(Box("mvhd", FullHeader(0, 0, 1000, 0)) + trak));
  EXPECT_EQ(v.creation_time, "2025-07-30T05:52:33Z");
  EXPECT_EQ(v.creation_source, "mdhd");
  EXPECT_DOUBLE_EQ(v.duration_s, 2.0);
}

TEST(VideoReaderTest, Mp4TruncatedBoxIsAProblem) {
  std::string file = Mp4(Box("mvhd", FullHeader(0, kT + 2082844800, 1000, 12500)));
  VideoTimes v = ReadVideoTimes(file.substr(0, 40));
  EXPECT_TRUE(v.creation_time.empty());
  ASSERT_FALSE(v.problems.empty());
  EXPECT_NE(v.problems[0].find("runs past its end"), std::string::npos) << v.problems[0];
}

std::string Ebml(uint64_t id, int id_len, const std::string& body) {
  return Be(id, id_len) + Be(0x0100000000000000ULL | body.size(), 8) + body;
}

std::string Webm(bool with_date) {
  double duration = 12500.0;
  uint64_t bits;
  std::memcpy(&bits, &duration, 8);
  int64_t ns_since_2001 = (static_cast<int64_t>(kT) - 978307200) * 1000000000LL;
  std::string info = Ebml(0x2AD7B1, 3, Be(1000000, 3)) + Ebml(0x4489, 2, Be(bits, 8));
  if (with_date) info += Ebml(0x4461, 2, Be(static_cast<uint64_t>(ns_since_2001), 8));
  std::string header = Ebml(0x1A45DFA3, 4, Ebml(0x4282, 2, "webm"));
  std::string segment = Be(0x18538067, 4) + "\x01\xFF\xFF\xFF\xFF\xFF\xFF\xFF" +
                        Ebml(0x114D9B74, 4, "seek") + Ebml(0x1549A966, 4, info);
  return header + segment;
}

TEST(VideoReaderTest, WebmDateUtcAndDuration) {
  VideoTimes v = ReadVideoTimes(Webm(true));
  EXPECT_EQ(v.container, "WebM");
  EXPECT_EQ(v.creation_time, "2025-07-30T05:52:33Z");
  EXPECT_EQ(v.creation_source, "DateUTC");
  EXPECT_DOUBLE_EQ(v.duration_s, 12.5);
  EXPECT_TRUE(v.problems.empty()) << v.problems[0];
  VideoTimes no_date = ReadVideoTimes(Webm(false));
  EXPECT_TRUE(no_date.creation_time.empty());
  EXPECT_TRUE(no_date.has_duration);
}

std::string Chunk(const std::string& id, const std::string& body) {
  return id + Le(body.size(), 4) + body + (body.size() % 2 ? std::string(1, '\0') : "");
}

std::string Avi(const std::string& hdrl_extra) {
  std::string avih = Le(40000, 4) + std::string(12, '\0') + Le(250, 4) + std::string(36, '\0');
  std::string hdrl = Chunk("LIST", "hdrl" + Chunk("avih", avih) + hdrl_extra);
  std::string body = "AVI " + hdrl + Chunk("LIST", "movi");
  return "RIFF" + Le(body.size(), 4) + body;
}

TEST(VideoReaderTest, AviIditIsLocalTimeWithDuration) {
  VideoTimes v =
      ReadVideoTimes(Avi(Chunk("IDIT", std::string("WED JUL 30 13:52:33 2025\n\0", 26))));
  EXPECT_EQ(v.container, "AVI");
  EXPECT_TRUE(v.creation_time.empty());
  EXPECT_EQ(v.creation_time_local, "2025-07-30T13:52:33");
  EXPECT_EQ(v.creation_source, "IDIT");
  EXPECT_DOUBLE_EQ(v.duration_s, 10.0);
  VideoTimes strd =
      ReadVideoTimes(Avi(Chunk("strd", std::string("NIKON\0\0 2025:07:30 13:52:33 junk", 33))));
  EXPECT_EQ(strd.creation_time_local, "2025-07-30T13:52:33");
  EXPECT_EQ(strd.creation_source, "strd");
  VideoTimes none = ReadVideoTimes(Avi(""));
  EXPECT_TRUE(none.creation_time_local.empty());
  EXPECT_TRUE(none.creation_source.empty());
}

TEST(VideoReaderTest, NotAVideo) {
  EXPECT_EQ(ReadVideoTimes("\xFF\xD8\xFF\xE0 jpeg").container, "");
  EXPECT_EQ(ReadVideoTimes("").container, "");
}

// Every prefix and every byte corrupted: no crash, no hang, no 5-digit years.
TEST(VideoReaderTest, SurvivesEveryTruncationAndByteFlip) {
  std::string files[] = {Mp4(Box("mvhd", FullHeader(1, kT + 2082844800, 1000, 12500))), Webm(true),
                         Avi(Chunk("IDIT", "WED JUL 30 13:52:33 2025"))};
  for (const std::string& file : files) {
    for (size_t n = 0; n <= file.size(); ++n) ReadVideoTimes(file.substr(0, n));
    for (size_t i = 0; i < file.size(); ++i) {
      for (unsigned char b : {0x00, 0xFF, 0x01, 0x80}) {
        std::string bad = file;
        bad[i] = static_cast<char>(b);
        VideoTimes v = ReadVideoTimes(bad);
        if (!v.creation_time.empty()) {
          EXPECT_EQ(v.creation_time.size(), 20u) << v.creation_time;
        }
      }
    }
  }
}

}  // namespace
}  // namespace parcelproof
