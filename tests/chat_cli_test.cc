// parcelproof chat end to end: text and JSON output, --zone and --me, exit
// codes for unreadable and unrecognised files, schema validation.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace parcelproof::testing {
namespace {

using Json = nlohmann::json;

std::string Golden(const std::string& name) {
  return std::string(PP_SOURCE_DIR) + "/tests/golden/chat/" + name;
}

TEST(ChatCliTest, PrintsTheThreadWithSides) {
  CliRun run = RunCli({"chat", Golden("android_de.txt"), "--me", "Li Wei"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("2026-03-01T14:05:00"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("buyer Anna Schmidt: Wo ist mein Paket?"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("seller Li Wei: Es ist unterwegs."), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("[deleted]"), std::string::npos);
  EXPECT_NE(run.out.find("format whatsapp-android, 6 message(s)"), std::string::npos) << run.out;
}

TEST(ChatCliTest, JsonWithZone) {
  CliRun run = RunCli({"chat", "--json", "--zone", "+01:00", Golden("ios_en_24h.txt"),
                       Golden("telegram.json"), "--me", "Li Wei", "Somebody Else"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  Json j = Json::parse(run.out);
  ASSERT_EQ(j["conversations"].size(), 2u);
  const Json& ios = j["conversations"][0];
  EXPECT_EQ(ios["format"], "whatsapp-ios");
  EXPECT_EQ(ios["messages"][1]["time"], "2026-02-28T21:15:10+01:00");
  EXPECT_EQ(ios["messages"][1]["zone_known"], true);
  EXPECT_EQ(ios["messages"][3]["attachments"][0], "00000012-PHOTO-2026-03-01-08-01-12.jpg");
  const Json& tg = j["conversations"][1];
  EXPECT_EQ(tg["messages"][0]["time"], "2026-03-01T14:05:00+01:00");
  EXPECT_EQ(tg["messages"][1]["side"], "seller");
}

TEST(ChatCliTest, BadFilesGiveExitCodes) {
  CliRun run = RunCli({"chat", Golden("notes.txt")});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.err.find("format not recognised"), std::string::npos) << run.err;
  run = RunCli({"chat", Golden("empty.txt"), "--json"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(Json::parse(run.out)["conversations"][0]["format"], "unrecognised");
  run = RunCli({"chat", "/nonexistent/chat.txt", "--json"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.err.find("/nonexistent/chat.txt"), std::string::npos);
  EXPECT_TRUE(Json::parse(run.out)["conversations"][0].contains("error"));
  EXPECT_EQ(RunCli({"chat", Golden("notes.txt"), "--zone", "Berlin"}).exit_code, 2);
  EXPECT_EQ(RunCli({"chat"}).exit_code, 2);
}

TEST(ChatCliTest, ControlCharactersAreShownEscaped) {
  CliRun run = RunCli({"chat", Golden("android_bad.txt")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("<U+202E>Seller gpj.exe"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("bell <0x07> here"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("invalid UTF-8"), std::string::npos);
}

TEST(ChatCliTest, OutputMatchesSchema) {
  if (RunProgram("python3", {"-c", "import jsonschema"}).exit_code != 0) {
    GTEST_SKIP() << "python3 jsonschema not installed";
  }
  TempDir tmp;
  std::vector<std::string> args = {"chat", "--json", "/nonexistent.txt"};
  for (const char* f :
       {"android_en_12h.txt", "ios_utf16.txt", "android_bad.txt", "telegram.json", "market_csv.csv",
        "market_jsonl.jsonl", "email.eml", "mailbox.mbox", "empty.txt"}) {
    args.push_back(Golden(f));
  }
  args.insert(args.end(), {"--me", "Li Wei"});
  CliRun run = RunCli(args);
  WriteFileOrDie(tmp.File("out.json"), run.out);
  const char* kScript =
      "import json,sys,jsonschema\n"
      "jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))\n";
  CliRun v = RunProgram(
      "python3", {"-c", kScript, std::string(PP_SOURCE_DIR) + "/schemas/conversation.schema.json",
                  tmp.File("out.json")});
  EXPECT_EQ(v.exit_code, 0) << v.err;
}

}  // namespace
}  // namespace parcelproof::testing
