#include "timeline/capture_time.h"

#include <gtest/gtest.h>

namespace parcelproof {
namespace {

struct Case {
  const char* name;
  ExifFields exif;
  const char* value;  // "" = no capture time
  const char* source;
  bool zone_known;
};

ExifFields Fields(std::string dto, std::string sub, std::string off, std::string digitized = "",
                  std::string date_time = "", std::string gps = "") {
  ExifFields f;
  f.date_time_original = dto;
  f.subsec_time_original = sub;
  f.offset_time_original = off;
  f.date_time_digitized = digitized;
  f.date_time = date_time;
  f.gps_date_time = gps;
  return f;
}

TEST(CaptureTimeTest, GoldenTable) {
  const Case cases[] = {
      {"offset and subsec", Fields("2025:07:30 13:52:33", "512", "+08:00"),
       "2025-07-30T05:52:33.512Z", "DateTimeOriginal+OffsetTimeOriginal", true},
      {"negative offset crosses midnight", Fields("2025:07:30 22:10:00", "", "-05:30"),
       "2025-07-31T03:40:00Z", "DateTimeOriginal+OffsetTimeOriginal", true},
      {"gps beats zone-unknown original",
       Fields("2025:07:30 13:52:33", "", "", "", "", "2025-07-30T05:52:31Z"),
       "2025-07-30T05:52:31Z", "GPSDateStamp+GPSTimeStamp", true},
      {"zone unknown keeps subsec digits", Fields("2025:07:30 13:52:33", "05", ""),
       "2025-07-30T13:52:33.05", "DateTimeOriginal (zone unknown)", false},
      {"invalid original falls back to digitized",
       Fields("2025:13:30 13:52:33", "", "+08:00", "2025:07:30 13:52:34"), "2025-07-30T13:52:34",
       "DateTimeDigitized (zone unknown)", false},
      {"bad offset is not used", Fields("2025:07:30 13:52:33", "", "+25:00"), "2025-07-30T13:52:33",
       "DateTimeOriginal (zone unknown)", false},
      {"DateTime is the last EXIF resort", Fields("", "", "", "", "2025:07:31 09:00:00"),
       "2025-07-31T09:00:00", "DateTime (zone unknown)", false},
      {"absurd everything gives nothing",
       Fields("0000:00:00 00:00:00", "", "", "2025:07:30 25:61:61", "    :  :     :  :  "), "", "",
       false},
  };
  for (const Case& c : cases) {
    CaptureTime t = NormaliseCaptureTime(&c.exif, nullptr);
    EXPECT_EQ(t.value, c.value) << c.name;
    EXPECT_EQ(t.source, c.source) << c.name;
    EXPECT_EQ(t.known, *c.value != '\0') << c.name;
    if (t.known) {
      EXPECT_EQ(t.zone_known, c.zone_known) << c.name;
    }
  }
}

TEST(CaptureTimeTest, VideoTimes) {
  VideoTimes mp4;
  mp4.container = "MP4";
  mp4.creation_time = "2025-07-30T05:52:33Z";
  mp4.creation_source = "mvhd";
  CaptureTime t = NormaliseCaptureTime(nullptr, &mp4);
  EXPECT_EQ(t.value, "2025-07-30T05:52:33Z");
  EXPECT_EQ(t.source, "MP4 mvhd");
  EXPECT_TRUE(t.zone_known);
  VideoTimes avi;
  avi.container = "AVI";
  avi.creation_time_local = "2025-07-30T13:52:33";
  avi.creation_source = "IDIT";
  t = NormaliseCaptureTime(nullptr, &avi);
  EXPECT_EQ(t.value, "2025-07-30T13:52:33");
  EXPECT_EQ(t.source, "AVI IDIT (zone unknown)");
  EXPECT_FALSE(t.zone_known);
  EXPECT_FALSE(NormaliseCaptureTime(nullptr, nullptr).known);
}

TEST(CaptureTimeTest, QuickTimeCreationDateBeatsMvhd) {
  VideoTimes mov;
  mov.container = "MP4";
  mov.creation_time = "2026-03-03T03:00:05Z";
  mov.creation_source = "mvhd";
  mov.quicktime_creation_date = "2026-03-03T11:00:00+08:00";
  CaptureTime t = NormaliseCaptureTime(nullptr, &mov);
  EXPECT_EQ(t.value, "2026-03-03T03:00:00Z");
  EXPECT_EQ(t.source, "MP4 quicktime creationdate");
  EXPECT_TRUE(t.zone_known);
  EXPECT_EQ(t.micros, 1772506800000000);
  mov.quicktime_creation_date = "2026-03-03T11:00:00.250-05:30";
  t = NormaliseCaptureTime(nullptr, &mov);
  EXPECT_EQ(t.value, "2026-03-03T16:30:00.250Z");
  ExifFields no_time;  // an EXIF block without times does not hide it
  EXPECT_EQ(NormaliseCaptureTime(&no_time, &mov).source, "MP4 quicktime creationdate");
  mov.xmp_create_date = "2026-03-03T12:00:00+08:00";
  EXPECT_EQ(NormaliseCaptureTime(nullptr, &mov).source, "MP4 quicktime creationdate");
  mov.quicktime_creation_date = "2026-03-03T11:00:00+25:00";  // never set so, but not trusted
  t = NormaliseCaptureTime(nullptr, &mov);
  EXPECT_EQ(t.source, "MP4 XMP CreateDate");
  EXPECT_EQ(t.value, "2026-03-03T04:00:00Z");
  mov.xmp_create_date.clear();
  EXPECT_EQ(NormaliseCaptureTime(nullptr, &mov).source, "MP4 mvhd");
}

TEST(CaptureTimeTest, ParseCaptureTimeForms) {
  CaptureTime t;
  ASSERT_TRUE(ParseCaptureTime("2025-07-30T13:52:33.512+08:00", &t));
  EXPECT_TRUE(t.zone_known);
  EXPECT_EQ(t.micros, 1753854753512000);
  ASSERT_TRUE(ParseCaptureTime("2025-07-30T13:52:33", &t));
  EXPECT_FALSE(t.zone_known);
  EXPECT_FALSE(ParseCaptureTime("2025:07:30 13:52:33", &t));
  EXPECT_FALSE(ParseCaptureTime("", &t));
}

}  // namespace
}  // namespace parcelproof
