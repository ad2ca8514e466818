#include "exif/exif_reader.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "exif_builder.h"

namespace parcelproof {
namespace {

using testing::AsciiEntry;
using testing::JpegWithExif;
using testing::Le32;
using testing::RationalEntry;
using testing::ShortEntry;
using testing::TiffBuilder;

TiffBuilder GoodTiff() {
  TiffBuilder b;
  b.ifd0 = {AsciiEntry(0x010F, "Acme"), AsciiEntry(0x0110, "Cam 1"), ShortEntry(0x0112, 6),
            AsciiEntry(0x0131, "Adobe Photoshop 25.0"), AsciiEntry(0x0132, "2025:07:31 09:00:00")};
  b.exif = {AsciiEntry(0x9003, "2025:07:30 13:52:33"), AsciiEntry(0x9004, "2025:07:30 13:52:33"),
            AsciiEntry(0x9011, "+08:00"), AsciiEntry(0x9291, "512")};
  b.gps = {AsciiEntry(0x0001, "S"),
           RationalEntry(0x0002, {{22, 1}, {30, 1}, {0, 1}}),
           AsciiEntry(0x0003, "E"),
           RationalEntry(0x0004, {{114, 1}, {0, 1}, {0, 1}}),
           RationalEntry(0x0007, {{5, 1}, {52, 1}, {31, 1}}),
           AsciiEntry(0x001D, "2025:07:30")};
  return b;
}

bool HasProblem(const ExifFields& f, const std::string& text) {
  return std::any_of(f.problems.begin(), f.problems.end(),
                     [&](const std::string& p) { return p.find(text) != std::string::npos; });
}

std::string Joined(const ExifFields& f) {
  std::string s;
  for (const std::string& p : f.problems) s += p + "; ";
  return s;
}

TEST(ExifReaderTest, ReadsEveryFieldOfAGoodJpeg) {
  Result<ExifFields> r = ReadExif(JpegWithExif(GoodTiff().Build()));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->date_time_original, "2025:07:30 13:52:33");
  EXPECT_EQ(r->subsec_time_original, "512");
  EXPECT_EQ(r->offset_time_original, "+08:00");
  EXPECT_EQ(r->date_time_digitized, "2025:07:30 13:52:33");
  EXPECT_EQ(r->date_time, "2025:07:31 09:00:00");
  EXPECT_EQ(r->make, "Acme");
  EXPECT_EQ(r->model, "Cam 1");
  EXPECT_EQ(r->software, "Adobe Photoshop 25.0");
  EXPECT_EQ(r->orientation, 6);
  EXPECT_EQ(r->gps_date_time, "2025-07-30T05:52:31Z");
  EXPECT_TRUE(r->has_gps_position);
  EXPECT_DOUBLE_EQ(r->gps_latitude, -22.5);
  EXPECT_DOUBLE_EQ(r->gps_longitude, 114.0);
  EXPECT_TRUE(r->problems.empty()) << Joined(*r);
}

TEST(ExifReaderTest, NoExifIsOkAndEmpty) {
  for (const std::string& bytes :
       {std::string("\xFF\xD8\xFF\xD9", 4), std::string("hello"), std::string()}) {
    Result<ExifFields> r = ReadExif(bytes);
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->date_time_original.empty());
    EXPECT_EQ(r->orientation, 0);
  }
}

TEST(ExifReaderTest, ReadsPngAndWebpChunks) {
  std::string tiff = GoodTiff().Build();
  auto be32 = [](uint32_t v) {
    std::string l = Le32(v);
    return std::string(l.rbegin(), l.rend());
  };
  std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + be32(tiff.size()) + "eXIf" + tiff +
                    std::string(4, '\0') + be32(0) + "IEND" + std::string(4, '\0');
  std::string chunk = "EXIF" + Le32(tiff.size()) + tiff + (tiff.size() % 2 ? "\0" : "");
  std::string webp = "RIFF" + Le32(4 + chunk.size()) + "WEBP" + chunk;
  for (const std::string& file : {png, webp}) {
    Result<ExifFields> r = ReadExif(file);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->date_time_original, "2025:07:30 13:52:33");
    EXPECT_EQ(r->orientation, 6);
  }
}

struct AbsurdCase {
  const char* stored;
  const char* problem;
};

TEST(ExifReaderTest, AbsurdDatesGiveProblems) {
  const AbsurdCase cases[] = {
      {"0000:07:30 13:52:33", "year 0 in DateTimeOriginal"},
      {"2025:13:30 13:52:33", "month 13 in DateTimeOriginal"},
      {"2025:02:30 13:52:33", "day 30 of month 2 in DateTimeOriginal"},
      {"2025:07:30 25:61:61", "hour 25 in DateTimeOriginal"},
      {"2025:07:30 13:61:00", "minute 61 in DateTimeOriginal"},
      {"    :  :     :  :  ", "DateTimeOriginal is blank"},
      {"yesterday", "malformed DateTimeOriginal 'yesterday'"},
  };
  for (const AbsurdCase& c : cases) {
    TiffBuilder b;
    b.exif = {AsciiEntry(0x9003, c.stored)};
    Result<ExifFields> r = ReadExif(JpegWithExif(b.Build()));
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(HasProblem(*r, c.problem)) << c.stored << " -> " << Joined(*r);
  }
}

TEST(ExifReaderTest, BadOffsetOrientationAndGpsGiveProblems) {
  TiffBuilder b;
  b.ifd0 = {ShortEntry(0x0112, 9)};
  b.exif = {AsciiEntry(0x9011, "+25:00"), AsciiEntry(0x9291, "5x")};
  b.gps = {RationalEntry(0x0007, {{24, 1}, {0, 1}, {0, 1}}), AsciiEntry(0x001D, "2025:07:30")};
  Result<ExifFields> r = ReadExif(JpegWithExif(b.Build()));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->orientation, 0);
  EXPECT_EQ(r->gps_date_time, "");
  EXPECT_TRUE(HasProblem(*r, "invalid Orientation 9")) << Joined(*r);
  EXPECT_TRUE(HasProblem(*r, "offset +25:00 out of range in OffsetTimeOriginal")) << Joined(*r);
  EXPECT_TRUE(HasProblem(*r, "malformed SubSecTimeOriginal '5x'")) << Joined(*r);
  EXPECT_TRUE(HasProblem(*r, "invalid GPSTimeStamp")) << Joined(*r);
}

TEST(ExifReaderTest, TruncatedIfdIsReported) {
  std::string tiff = GoodTiff().Build();
  Result<ExifFields> r = ReadExif(JpegWithExif(tiff.substr(0, 30)));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(HasProblem(*r, "EXIF IFD0 truncated")) << Joined(*r);
  EXPECT_TRUE(r->date_time_original.empty());
}

TEST(ExifReaderTest, IfdLoopIsReported) {
  TiffBuilder b;
  b.ifd0 = {ShortEntry(0x0112, 1)};
  std::string tiff = b.Build();
  tiff.replace(8 + 2 + 12, 4, Le32(8));  // IFD0's next-IFD pointer back to IFD0
  Result<ExifFields> r = ReadExif(JpegWithExif(tiff));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(HasProblem(*r, "EXIF IFD loop")) << Joined(*r);
}

TEST(ExifReaderTest, HugeCountIsReported) {
  TiffBuilder b;
  b.exif = {AsciiEntry(0x9003, "2025:07:30 13:52:33")};
  std::string tiff = b.Build();
  size_t ifd = tiff.size() - 20 - 18;  // the ExifIFD holds one entry, then its string
  ASSERT_EQ(tiff.substr(ifd + 2, 2), testing::Le16(0x9003));
  tiff.replace(ifd + 2 + 4, 4, Le32(0xFFFFFFF0u));
  Result<ExifFields> r = ReadExif(JpegWithExif(tiff));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(HasProblem(*r, "points outside the block")) << Joined(*r);
  EXPECT_TRUE(r->date_time_original.empty());
}

TEST(ExifReaderTest, UnterminatedStringIsReadWithinItsCount) {
  TiffBuilder b;
  b.exif = {{0x9003, 2, 19, "2025:07:30 13:52:33"}};
  Result<ExifFields> r = ReadExif(JpegWithExif(b.Build()));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->date_time_original, "2025:07:30 13:52:33");
  EXPECT_TRUE(HasProblem(*r, "DateTimeOriginal is not NUL-terminated")) << Joined(*r);
}

// Every prefix and every single-byte corruption of a good block: no crash,
// no hang (run under ASan/UBSan in CI).
TEST(ExifReaderTest, SurvivesEveryTruncationAndByteFlip) {
  std::string tiff = GoodTiff().Build();
  for (size_t n = 0; n <= tiff.size(); ++n) {
    EXPECT_TRUE(ReadExif(JpegWithExif(tiff.substr(0, n))).ok());
  }
  for (size_t i = 0; i < tiff.size(); ++i) {
    for (unsigned char v : {0x00, 0xFF, 0x80, 0x7F}) {
      std::string bad = tiff;
      bad[i] = static_cast<char>(v);
      Result<ExifFields> r = ReadExif(JpegWithExif(bad));
      ASSERT_TRUE(r.ok());
      if (!r->orientation) continue;
      EXPECT_GE(r->orientation, 1);
      EXPECT_LE(r->orientation, 8);
    }
  }
}

}  // namespace
}  // namespace parcelproof
