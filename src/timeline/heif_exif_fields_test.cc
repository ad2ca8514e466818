// ReadHeifExifFields on HEICs made with libheif's encoder at test time:
// a good Exif item (with and without "Exif\0\0" before the TIFF header), no
// item, and broken items (too short, offset past the end, garbage,
// truncated IFD, a file libheif cannot parse).
#include "timeline/heif_exif_fields.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "cli_runner.h"
#include "exif_builder.h"
#include "synthetic_label.h"

namespace parcelproof {
namespace {

using testing::AsciiEntry;
using testing::HeicOptions;
using testing::RationalEntry;
using testing::ShortEntry;
using testing::TiffBuilder;

std::string GoodTiff() {
  TiffBuilder b;
  b.ifd0 = {AsciiEntry(0x010F, "Apple"), AsciiEntry(0x0110, "iPhone 15"), ShortEntry(0x0112, 6)};
  b.exif = {AsciiEntry(0x9003, "2025:07:30 13:52:33"), AsciiEntry(0x9011, "+08:00"),
            AsciiEntry(0x9291, "512")};
  b.gps = {AsciiEntry(0x0001, "N"), RationalEntry(0x0002, {{41, 1}, {9, 1}, {0, 1}}),
           AsciiEntry(0x0003, "W"), RationalEntry(0x0004, {{8, 1}, {36, 1}, {0, 1}})};
  return b.Build();
}

std::string Be32(uint32_t v) {
  return {char(v >> 24), char((v >> 16) & 0xFF), char((v >> 8) & 0xFF), char(v & 0xFF)};
}

class HeifExifFieldsTest : public ::testing::Test {
 protected:
  void SetUp() override { testing::WritePlainImage(dir_.File("plain.png"), 128, 64); }
  // The bytes of a HEIC with these options; skips the test without an encoder.
  std::string Heic(const HeicOptions& options) {
    std::string out = dir_.File("photo.heic");
    if (!testing::WriteColourHeic(dir_.File("plain.png"), out, options)) return "";
    return testing::ReadFileOrDie(out);
  }
  ExifFields Read(const HeicOptions& options, bool* found) {
    std::string bytes = Heic(options);
    EXPECT_FALSE(bytes.empty()) << "no HEVC encoder";
    Result<ExifFields> f = ReadHeifExifFields(bytes, found);
    EXPECT_TRUE(f.ok()) << f.status().ToString();
    return f.ok() ? *f : ExifFields();
  }
  bool HaveEncoder() { return !Heic({}).empty(); }

  testing::TempDir dir_;
};

std::string Joined(const ExifFields& f) {
  std::string s;
  for (const std::string& p : f.problems) s += p + "; ";
  return s;
}

TEST_F(HeifExifFieldsTest, ReadsTheFieldsOfTheHeicExifItem) {
  if (!HaveEncoder()) GTEST_SKIP() << "no HEVC encoder to make a HEIC";
  for (const std::string& prefix : {std::string(), std::string("Exif\0\0", 6)}) {
    bool found = false;
    ExifFields f = Read({prefix + GoodTiff()}, &found);
    EXPECT_TRUE(found);
    EXPECT_TRUE(f.problems.empty()) << Joined(f);
    EXPECT_EQ(f.date_time_original, "2025:07:30 13:52:33");
    EXPECT_EQ(f.offset_time_original, "+08:00");
    EXPECT_EQ(f.subsec_time_original, "512");
    EXPECT_EQ(f.make, "Apple");
    EXPECT_EQ(f.model, "iPhone 15");
    EXPECT_EQ(f.orientation, 6);  // reported as stored, never applied to HEIF pixels
    ASSERT_TRUE(f.has_gps_position);
    EXPECT_NEAR(f.gps_latitude, 41.15, 1e-9);
    EXPECT_NEAR(f.gps_longitude, -8.6, 1e-9);
  }
}

TEST_F(HeifExifFieldsTest, NoExifItemIsOkAndEmpty) {
  if (!HaveEncoder()) GTEST_SKIP() << "no HEVC encoder to make a HEIC";
  bool found = true;
  ExifFields f = Read({}, &found);
  EXPECT_FALSE(found);
  EXPECT_TRUE(f.problems.empty()) << Joined(f);
  EXPECT_TRUE(f.date_time_original.empty());
}

TEST_F(HeifExifFieldsTest, BrokenItemsGiveProblems) {
  if (!HaveEncoder()) GTEST_SKIP() << "no HEVC encoder to make a HEIC";
  std::string tiff = GoodTiff();
  struct Case {
    std::string item, problem;
  } cases[] = {
      {std::string("\0\0", 2), "HEIF Exif item of 2 bytes is too short for its TIFF header offset"},
      {Be32(1000) + tiff, "HEIF Exif item's TIFF header offset 1000 points past its end"},
      {Be32(0xFFFFFFFFu) + tiff, "offset 4294967295 points past its end"},
      {Be32(0) + "garbage, not EXIF at all", "EXIF block has no TIFF header"},
      {Be32(2) + "xx" + tiff.substr(0, 24), "EXIF IFD0 truncated"},
      {Be32(0), "HEIF Exif item holds no EXIF data"},
  };
  for (const Case& c : cases) {
    bool found = false;
    ExifFields f = Read({c.item, true}, &found);
    EXPECT_TRUE(found);
    EXPECT_NE(Joined(f).find(c.problem), std::string::npos) << Joined(f);
    EXPECT_TRUE(f.date_time_original.empty()) << c.problem;
  }
}

TEST_F(HeifExifFieldsTest, UnparseableHeifGivesAProblem) {
  if (!HaveEncoder()) GTEST_SKIP() << "no HEVC encoder to make a HEIC";
  std::string bytes = Heic({GoodTiff()});
  for (size_t cut : {size_t{12}, size_t{40}, bytes.size() / 3}) {
    bool found = true;
    Result<ExifFields> f = ReadHeifExifFields(bytes.substr(0, cut), &found);
    ASSERT_TRUE(f.ok());
    EXPECT_FALSE(found);
    EXPECT_NE(Joined(*f).find("HEIF "), std::string::npos) << cut << ": " << Joined(*f);
  }
}

// Every byte of the Exif item flipped in the file, and every truncation of
// its TIFF block: problems
// or fields, never a crash (ASan/UBSan run this too).
TEST_F(HeifExifFieldsTest, SurvivesEveryTruncationAndByteFlipOfTheItem) {
  if (!HaveEncoder()) GTEST_SKIP() << "no HEVC encoder to make a HEIC";
  std::string bytes = Heic({GoodTiff()});
  std::string tiff = GoodTiff();
  size_t at = bytes.find(tiff);
  ASSERT_NE(at, std::string::npos);
  for (size_t i = at - 4; i < at + tiff.size(); ++i) {
    std::string flipped = bytes;
    flipped[i] = static_cast<char>(flipped[i] ^ 0xFF);
    EXPECT_TRUE(ReadHeifExifFields(flipped, nullptr).ok());
  }
  for (size_t n = 0; n < tiff.size(); ++n) EXPECT_TRUE(ReadExifBlock(tiff.substr(0, n)).ok());
}

}  // namespace
}  // namespace parcelproof
