// Our EXIF readings against exiftool's, on every JPEG of
// ../shared/fixtures/exif/exif-samples, run at test time. Full agreement is
// required wherever exiftool reports a field; broken files must give problems.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "exif/exif_reader.h"
#include "exif_builder.h"
#include "parcelproof/inspect.h"

namespace parcelproof::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::vector<std::string> Jpegs(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".jpg") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// exiftool's JSON, one object per file, keyed by SourceFile.
std::map<std::string, Json> Exiftool(const std::vector<std::string>& files, bool numeric) {
  std::vector<std::string> args = {"-j",
                                   "-EXIF:DateTimeOriginal",
                                   "-EXIF:OffsetTimeOriginal",
                                   "-EXIF:SubSecTimeOriginal",
                                   "-EXIF:Orientation",
                                   "-Composite:GPSDateTime",
                                   "-Composite:GPSLatitude",
                                   "-Composite:GPSLongitude"};
  if (numeric) args.insert(args.begin(), "-n");
  args.insert(args.end(), files.begin(), files.end());
  CliRun run = RunProgram("exiftool", args);
  std::map<std::string, Json> out;
  Json doc = Json::parse(run.out, nullptr, false);
  if (!doc.is_array()) return out;
  for (const Json& o : doc) out[o.value("SourceFile", "")] = o;
  return out;
}

std::string Text(const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

// "2025:07:30 05:52:31Z" (exiftool) -> "2025-07-30T05:52:31Z".
std::string GpsRfc3339(std::string s) {
  if (s.size() >= 19) s[4] = s[7] = '-', s[10] = 'T';
  return s;
}

struct Tally {
  int agree = 0, disagree = 0;
  void Check(bool same, const std::string& what) {
    same ? ++agree : ++disagree;
    EXPECT_TRUE(same) << what;
  }
};

// Compares every file's reading with exiftool's; counts agreements.
Tally CompareWithExiftool(const std::vector<std::string>& files) {
  std::map<std::string, Json> text = Exiftool(files, false), num = Exiftool(files, true);
  EXPECT_EQ(text.size(), files.size());
  Tally tally;
  for (const std::string& f : files) {
    Result<ExifFields> r = ReadExif(ReadFileOrDie(f));
    EXPECT_TRUE(r.ok()) << f;
    if (!r.ok()) continue;
    const Json& t = text[f];
    const Json& n = num[f];
    auto field = [&](const char* key, const std::string& ours) {
      if (t.contains(key)) {
        tally.Check(Text(t[key]) == ours,
                    f + " " + key + ": exiftool " + Text(t[key]) + ", ours " + ours);
      } else {
        EXPECT_EQ(ours, "") << f << " " << key << ": we report a value exiftool does not";
      }
    };
    field("DateTimeOriginal", r->date_time_original);
    field("OffsetTimeOriginal", r->offset_time_original);
    field("SubSecTimeOriginal", r->subsec_time_original);
    if (n.contains("Orientation"))
      tally.Check(n["Orientation"] == r->orientation, f + " Orientation");
    if (t.contains("GPSDateTime")) {
      tally.Check(GpsRfc3339(Text(t["GPSDateTime"])) == r->gps_date_time, f + " GPSDateTime");
    }
    if (n.contains("GPSLatitude") && n["GPSLatitude"].is_number()) {
      tally.Check(std::fabs(n["GPSLatitude"].get<double>() - r->gps_latitude) < 1e-6, f + " lat");
      tally.Check(std::fabs(n["GPSLongitude"].get<double>() - r->gps_longitude) < 1e-6, f + " lon");
    }
  }
  return tally;
}

TEST(ExifFixturesTest, AgreesWithExiftool) {
  if (FixturesDir().empty()) GTEST_SKIP() << "fixtures folder absent: " << PP_FIXTURES_DIR;
  std::string dir = FixturesDir() + "/exif/exif-samples";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "exif fixtures absent: " << dir;
  if (!HaveProgram("exiftool")) GTEST_SKIP() << "exiftool not installed";
  std::vector<std::string> files = Jpegs(dir);
  Tally tally = CompareWithExiftool(files);
  std::printf("[ exiftool ] %zu files, %d field readings agree, %d disagree\n", files.size(),
              tally.agree, tally.disagree);
  RecordProperty("files", static_cast<int>(files.size()));
  RecordProperty("agreements", tally.agree);
  RecordProperty("disagreements", tally.disagree);
  EXPECT_GT(tally.agree, 30);
  EXPECT_EQ(tally.disagree, 0);
}

// The fixtures hold no offsets, subseconds or GPS times: a generated file does.
TEST(ExifFixturesTest, GeneratedFileAgreesWithExiftool) {
  if (!HaveProgram("exiftool")) GTEST_SKIP() << "exiftool not installed";
  TiffBuilder b;
  b.ifd0 = {ShortEntry(0x0112, 8)};
  b.exif = {AsciiEntry(0x9003, "2025:07:30 13:52:33"), AsciiEntry(0x9011, "-03:30"),
            AsciiEntry(0x9291, "512")};
  b.gps = {AsciiEntry(0x0001, "N"),
           RationalEntry(0x0002, {{22, 1}, {30, 1}, {36, 10}}),
           AsciiEntry(0x0003, "W"),
           RationalEntry(0x0004, {{114, 1}, {10, 1}, {0, 1}}),
           RationalEntry(0x0007, {{17, 1}, {22, 1}, {31, 1}}),
           AsciiEntry(0x001D, "2025:07:30")};
  TempDir tmp;
  WriteFileOrDie(tmp.File("gen.jpg"), JpegWithExif(b.Build()));
  Tally tally = CompareWithExiftool({tmp.File("gen.jpg")});
  std::printf("[ exiftool ] generated file: %d field readings agree, %d disagree\n", tally.agree,
              tally.disagree);
  EXPECT_EQ(tally.agree, 7);
  EXPECT_EQ(tally.disagree, 0);
}

TEST(ExifFixturesTest, BrokenFilesGiveProblems) {
  std::string dir = FixturesDir() + "/exif/exif-samples";
  if (FixturesDir().empty() || !fs::is_directory(dir)) GTEST_SKIP() << "exif fixtures absent";
  std::vector<std::string> broken = Jpegs(dir + "/invalid");
  broken.push_back(dir + "/corrupted.jpg");
  ASSERT_GE(broken.size(), 2u);
  for (const std::string& f : broken) {
    FileInspection i = InspectFile(f);
    EXPECT_TRUE(i.status.ok()) << f;
    EXPECT_FALSE(i.problems.empty()) << f;
    EXPECT_EQ(i.sha256.size(), 64u);
  }
  FileInspection corrupted = InspectFile(dir + "/corrupted.jpg");
  EXPECT_NE(corrupted.problems.front().find("JPEG image data corrupt"), std::string::npos)
      << corrupted.problems.front();
}

}  // namespace
}  // namespace parcelproof::testing
