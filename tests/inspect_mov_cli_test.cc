// End-to-end: parcelproof inspect on iPhone-like MOV files whose
// moov/meta holds com.apple.quicktime.creationdate, checked against a golden
// file, the schema, and exiftool's reading of the same bytes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"
#include "mov_builder.h"
#include "parcelproof/order.h"
#include "parcelproof/version.h"

namespace parcelproof::testing {
namespace {

using Json = nlohmann::json;

Json InspectOne(const TempDir& tmp, const std::string& bytes) {
  WriteFileOrDie(tmp.File("clip.mov"), bytes);
  CliRun run = RunCli({"inspect", "--json", tmp.File("clip.mov")});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  Json doc = Json::parse(run.out);
  // The golden is version-independent; the version is checked here.
  EXPECT_EQ(doc["version"], Version());
  doc.erase("version");
  doc["files"][0]["file"] = "clip.mov";
  doc["files"][0]["sha256"] = "<sha256>";
  return doc;
}

TEST(InspectMovCliTest, CreationDateMatchesGolden) {
  TempDir tmp;
  Json doc = InspectOne(tmp, IphoneMov("2026-03-03T11:00:00+0800"));
  Json expected = Json::parse(
      ReadFileOrDie(std::string(PP_SOURCE_DIR) + "/tests/golden/inspect/iphone.expected.json"));
  EXPECT_EQ(doc, expected) << doc.dump(2);
}

TEST(InspectMovCliTest, BadCreationDateIsAProblemAndMvhdIsUsed) {
  TempDir tmp;
  Json file = InspectOne(tmp, IphoneMov("2026-03-03T11:00:00"))["files"][0];
  EXPECT_FALSE(file["video"].contains("quicktime_creation_date"));
  EXPECT_EQ(file["capture_time"]["value"], "2026-03-03T03:00:05Z");
  EXPECT_EQ(file["capture_time"]["source"], "MP4 mvhd");
  EXPECT_EQ(file["problems"],
            Json::array({"QuickTime metadata: creationdate '2026-03-03T11:00:00' is not an "
                         "ISO 8601 date with a zone"}));
}

TEST(InspectMovCliTest, OutputMatchesSchema) {
  if (RunProgram("python3", {"-c", "import jsonschema"}).exit_code != 0) {
    GTEST_SKIP() << "python3 jsonschema not installed";
  }
  TempDir tmp;
  WriteFileOrDie(tmp.File("clip.mov"), IphoneMov("2026-03-03T11:00+0800"));
  WriteFileOrDie(tmp.File("out.json"), RunCli({"inspect", "--json", tmp.File("clip.mov")}).out);
  const char* kScript =
      "import json,sys,jsonschema\n"
      "jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))\n";
  CliRun v = RunProgram("python3",
                        {"-c", kScript, std::string(PP_SOURCE_DIR) + "/schemas/inspect.schema.json",
                         tmp.File("out.json")});
  EXPECT_EQ(v.exit_code, 0) << v.err;
}

// exiftool's "2026:03:03 11:00:00+08:00" (seconds and fraction optional) as
// microseconds since 1970; false when it is not of that form.
bool ExiftoolMicros(std::string text, long long* micros) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  if (text.size() < 16 || text[4] != ':' || text[7] != ':' || text[10] != ' ') return false;
  text[4] = text[7] = '-';
  text[10] = 'T';
  if (text.size() > 16 && text[16] != ':') text.insert(16, ":00");
  return ParseRfc3339(text, micros);
}

TEST(InspectMovCliTest, AgreesWithExiftool) {
  if (!HaveProgram("exiftool")) GTEST_SKIP() << "exiftool not installed";
  TempDir tmp;
  for (const char* date :
       {"2026-03-03T11:00:00+0800", "2026-03-03T11:00+0800", "2026-03-03T11:00:00+08:00",
        "2026-03-03T11:00-05:30", "2026-03-03T03:00:00Z", "2026-03-03T11:00:00.123-0330",
        "2026-12-31T23:59:59-1200"}) {
    Json file = InspectOne(tmp, IphoneMov(date))["files"][0];
    CliRun et = RunProgram(
        "exiftool", {"-api", "QuickTimeUTC", "-s3", "-Keys:CreationDate", tmp.File("clip.mov")});
    long long theirs = 0, ours = 1;
    ASSERT_TRUE(ExiftoolMicros(et.out, &theirs)) << date << ": exiftool said " << et.out;
    ASSERT_TRUE(ParseRfc3339(file["capture_time"]["value"], &ours)) << file.dump();
    EXPECT_EQ(ours, theirs) << date << ": exiftool " << et.out << " ours " << file.dump();
    EXPECT_EQ(file["capture_time"]["source"], "MP4 quicktime creationdate");
  }
}

TEST(InspectMovCliTest, XmpCreateDateAgreesWithExiftool) {
  TempDir tmp;
  for (const char* date :
       {"2026-03-03T11:00:00+08:00", "2026-03-03T11:00-05:30", "2026-03-03T03:00:00Z"}) {
    Json file = InspectOne(tmp, XmpMov(date))["files"][0];
    EXPECT_EQ(file["capture_time"]["source"], "MP4 XMP CreateDate") << file.dump();
    if (!HaveProgram("exiftool")) continue;
    CliRun et = RunProgram("exiftool", {"-s3", "-XMP:CreateDate", tmp.File("clip.mov")});
    long long theirs = 0, ours = 1;
    ASSERT_TRUE(ExiftoolMicros(et.out, &theirs)) << date << ": exiftool said " << et.out;
    ASSERT_TRUE(ParseRfc3339(file["capture_time"]["value"], &ours)) << file.dump();
    EXPECT_EQ(ours, theirs) << date << ": exiftool " << et.out << " ours " << file.dump();
  }
  if (!HaveProgram("exiftool")) GTEST_SKIP() << "exiftool not installed: not compared";
}

}  // namespace
}  // namespace parcelproof::testing
