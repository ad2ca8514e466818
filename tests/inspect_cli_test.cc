// End-to-end: parcelproof inspect on generated JPEGs, a broken one, a
// missing file and a folder.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "core/sha256.h"
#include "exif_builder.h"
#include "parcelproof/version.h"

namespace parcelproof::testing {
namespace {

using Json = nlohmann::json;

std::string GoodJpeg() {
  TiffBuilder b;
  b.ifd0 = {AsciiEntry(0x010F, "Acme"), AsciiEntry(0x0110, "Cam 1"), ShortEntry(0x0112, 6),
            AsciiEntry(0x0131, "Cam firmware 1.0"), AsciiEntry(0x0132, "2025:07:30 13:52:33")};
  b.exif = {AsciiEntry(0x9003, "2025:07:30 13:52:33"), AsciiEntry(0x9004, "2025:07:30 13:52:33"),
            AsciiEntry(0x9011, "+08:00"), AsciiEntry(0x9291, "512")};
  b.gps = {RationalEntry(0x0007, {{5, 1}, {52, 1}, {31, 1}}), AsciiEntry(0x001D, "2025:07:30")};
  return JpegWithExif(b.Build());
}

std::string BrokenJpeg() {
  TiffBuilder b;
  b.ifd0 = {ShortEntry(0x0112, 1), AsciiEntry(0x0132, "2025:13:30 25:61:61")};
  std::string tiff = b.Build();
  return JpegWithExif(tiff.substr(0, 24));  // IFD0 cut after its first entry
}

TEST(InspectCliTest, GoodFileMatchesGolden) {
  TempDir tmp;
  std::string bytes = GoodJpeg();
  WriteFileOrDie(tmp.File("good.jpg"), bytes);
  CliRun run = RunCli({"inspect", "--json", tmp.File("good.jpg")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  Json doc = Json::parse(run.out);
  // The golden is version-independent; the version is checked here.
  EXPECT_EQ(doc["version"], Version());
  doc.erase("version");
  Json& file = doc["files"][0];
  EXPECT_EQ(file["file"], tmp.File("good.jpg"));
  EXPECT_EQ(file["sha256"], Sha256Hex(bytes));
  file["file"] = "good.jpg";
  file["sha256"] = "<sha256>";
  Json expected = Json::parse(
      ReadFileOrDie(std::string(PP_SOURCE_DIR) + "/tests/golden/inspect/good.expected.json"));
  EXPECT_EQ(doc, expected) << doc.dump(2);
}

TEST(InspectCliTest, BrokenFileGivesProblemsNotFailure) {
  TempDir tmp;
  WriteFileOrDie(tmp.File("broken.jpg"), BrokenJpeg());
  CliRun run = RunCli({"inspect", "--json", tmp.File("broken.jpg")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  Json file = Json::parse(run.out)["files"][0];
  EXPECT_FALSE(file.contains("capture_time"));
  std::string problems = file["problems"].dump();
  EXPECT_NE(problems.find("EXIF IFD0 truncated"), std::string::npos) << problems;
  EXPECT_NE(problems.find("no capture time"), std::string::npos) << problems;
}

TEST(InspectCliTest, MissingFileAndFolderExit3OthersStillProcessed) {
  TempDir tmp;
  WriteFileOrDie(tmp.File("good.jpg"), GoodJpeg());
  CliRun run =
      RunCli({"inspect", "--json", tmp.File("nope.jpg"), tmp.path(), tmp.File("good.jpg")});
  EXPECT_EQ(run.exit_code, 3);
  Json files = Json::parse(run.out)["files"];
  ASSERT_EQ(files.size(), 3u);
  EXPECT_NE(files[0]["error"].get<std::string>().find("Not found"), std::string::npos);
  EXPECT_NE(files[1]["error"].get<std::string>().find("folder"), std::string::npos);
  EXPECT_EQ(files[2]["capture_time"]["value"], "2025-07-30T05:52:33.512Z");
  EXPECT_NE(run.err.find("nope.jpg"), std::string::npos);
}

TEST(InspectCliTest, FifoIsRefusedWithoutWaiting) {
  TempDir tmp;
  ASSERT_EQ(::mkfifo(tmp.File("pipe").c_str(), 0600), 0);
  CliRun run = RunCli({"inspect", "--json", tmp.File("pipe")});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.out.find("not a regular file"), std::string::npos) << run.out;
}

TEST(InspectCliTest, TextOutputAndUsage) {
  TempDir tmp;
  WriteFileOrDie(tmp.File("good.jpg"), GoodJpeg());
  CliRun run = RunCli({"inspect", tmp.File("good.jpg")});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("2025-07-30T05:52:33.512Z  (DateTimeOriginal+OffsetTimeOriginal)"),
            std::string::npos)
      << run.out;
  EXPECT_EQ(RunCli({"inspect"}).exit_code, 2);
  EXPECT_EQ(RunCli({"inspect", "--bogus", tmp.File("good.jpg")}).exit_code, 2);
}

// A minimal MP4: ftyp, moov/mvhd (version 0, 1904 epoch), mdat.
std::string TinyMp4() {
  auto be = [](uint64_t v, int n) {
    std::string s;
    for (int i = n - 1; i >= 0; --i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
    return s;
  };
  auto box = [&](const std::string& type, const std::string& body) {
    return be(body.size() + 8, 4) + type + body;
  };
  uint64_t created = 1753854753ULL + 2082844800ULL;  // 2025-07-30T05:52:33Z
  std::string mvhd =
      be(0, 4) + be(created, 4) + be(created, 4) + be(600, 4) + be(4500, 4) + std::string(80, '\0');
  return box("ftyp", "isom" + be(0, 4) + "isom") + box("moov", box("mvhd", mvhd)) +
         box("mdat", "data");
}

TEST(InspectCliTest, VideoContainerTime) {
  TempDir tmp;
  WriteFileOrDie(tmp.File("clip.mp4"), TinyMp4());
  CliRun run = RunCli({"inspect", "--json", tmp.File("clip.mp4")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  Json file = Json::parse(run.out)["files"][0];
  EXPECT_EQ(file["video"],
            Json::parse(R"({"container":"MP4","creation_time":"2025-07-30T05:52:33Z",)"
                        R"("creation_source":"mvhd","duration_s":7.5})"));
  EXPECT_EQ(file["capture_time"]["value"], "2025-07-30T05:52:33Z");
  EXPECT_EQ(file["capture_time"]["source"], "MP4 mvhd");
  EXPECT_FALSE(file.contains("exif"));
  EXPECT_EQ(file["problems"], Json::array());
}

// Validates inspect and timeline output against their schemas with Python's
// jsonschema when it is installed.
TEST(InspectCliTest, OutputMatchesSchemas) {
  if (RunProgram("python3", {"-c", "import jsonschema"}).exit_code != 0) {
    GTEST_SKIP() << "python3 jsonschema not installed";
  }
  TempDir tmp;
  WriteFileOrDie(tmp.File("good.jpg"), GoodJpeg());
  WriteFileOrDie(tmp.File("broken.jpg"), BrokenJpeg());
  CliRun run = RunCli(
      {"inspect", "--json", tmp.File("good.jpg"), tmp.File("broken.jpg"), tmp.File("missing.jpg")});
  WriteFileOrDie(tmp.File("out.json"), run.out);
  const char* kScript =
      "import json,sys,jsonschema\n"
      "jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))\n";
  std::string src = PP_SOURCE_DIR;
  CliRun v = RunProgram(
      "python3", {"-c", kScript, src + "/schemas/inspect.schema.json", tmp.File("out.json")});
  EXPECT_EQ(v.exit_code, 0) << v.err;
  for (const char* golden : {"disputed", "clean"}) {
    v = RunProgram("python3", {"-c", kScript, src + "/schemas/timeline.schema.json",
                               src + "/tests/golden/timeline/" + golden + ".expected.json"});
    EXPECT_EQ(v.exit_code, 0) << golden << ": " << v.err;
  }
}

}  // namespace
}  // namespace parcelproof::testing
