// parcelproof upload-set: the files each platform accepts, within its
// limits, from a package that verifies; summary.pdf checked with poppler.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "cli_runner.h"
#include "core/sha256.h"
#include "dispute_fixture.h"
#include "package_fixture.h"

namespace parcelproof {
namespace {

using nlohmann::json;
using testing::CliRun;
using testing::RunCli;

const std::vector<std::string> kEnv = {"SOURCE_DATE_EPOCH=1772712000"};

class UploadSetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const testing::DisputeFixture& f = testing::GetDisputeFixture();
    ASSERT_TRUE(f.error.empty()) << f.error;
    zip_ = f.pass_zip;
  }
  json Make(const std::string& platform, const std::string& out) {
    CliRun r = RunCli({"upload-set", zip_, "--platform", platform, "-o", out, "--json"}, kEnv);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    return json::parse(r.out, nullptr, false);
  }
  testing::TempDir dir_;
  std::string zip_;
};

json Limit(const json& set, const char* name) {
  return set["platform"]["limits"].contains(name) ? set["platform"]["limits"][name]["value"]
                                                  : json();
}

TEST_F(UploadSetTest, EveryProfileGetsFilesWithinItsLimitsListedWithTheirSources) {
  for (const char* p : {"stripe", "shopify", "paypal", "ebay", "amex", "mastercom", "aliexpress"}) {
    std::string out = dir_.File(p);
    json set = Make(p, out);
    ASSERT_TRUE(set.is_object()) << p;
    EXPECT_EQ(set, json::parse(testing::ReadFileOrDie(out + "/upload-set.json"))) << p;
    EXPECT_EQ(set["package"]["sha256"], *Sha256File(zip_));
    uint64_t total = 0;
    bool photo = false;
    for (const json& f : set["files"]) {
      std::string bytes = testing::ReadFileOrDie(out + "/" + f["name"].get<std::string>());
      EXPECT_EQ(Sha256Hex(bytes), f["sha256"]) << p << " " << f["name"];
      EXPECT_EQ(bytes.size(), f["size"].get<uint64_t>());
      if (!Limit(set, "max_file_bytes").is_null()) {
        EXPECT_LE(bytes.size(), Limit(set, "max_file_bytes").get<uint64_t>()) << p;
      }
      if (f["kind"] == "photo") {
        photo = true;
        EXPECT_EQ(f["name"], f["source"]["sha256"].get<std::string>().substr(0, 12) + ".jpg");
      }
      total += bytes.size();
    }
    EXPECT_EQ(total, set["total_bytes"].get<uint64_t>());
    if (!Limit(set, "max_total_bytes").is_null()) {
      EXPECT_LE(total, Limit(set, "max_total_bytes"));
    }
    if (!Limit(set, "max_files").is_null()) {
      EXPECT_LE(set["files"].size(), Limit(set, "max_files").get<size_t>());
    }
    EXPECT_TRUE(photo) << p;
    std::string first = set["files"][0]["name"];
    EXPECT_EQ(first, std::string(p) == "ebay" || std::string(p) == "aliexpress" ? "summary1.png"
                                                                                : "summary.pdf");
    EXPECT_FALSE(set["left_out"].empty()) << "the video-less package still leaves out the chat";
  }
}

TEST_F(UploadSetTest, ThisOrdersPhotosComeBeforeAnotherParcelsLabel) {
  json set = Make("amex", dir_.File("amex"));
  auto entries = testing::ReadEntries(zip_);
  json ev = json::parse(entries["dispute-a-1001-wrong-address/evidence.json"]);
  std::vector<std::string> order;  // the photos' sources, in upload order
  for (const json& f : set["files"]) {
    if (f["kind"] == "photo") order.push_back(f["source"]["path"]);
  }
  ASSERT_FALSE(order.empty());
  EXPECT_NE(order[0].find("data/label/"), std::string::npos) << "the label photo first";
  for (const json& it : ev["items"]) {
    if (it["path"] != order[0]) continue;
    EXPECT_EQ(it["order_ids"], json::array({"A-1001"})) << "this order's own label first";
  }
  // B-2002's label, added with --include, comes after A-1001's three photos
  // (amex takes 5 files: the summary and four photos).
  ASSERT_EQ(order.size(), 4u);
  for (const json& it : ev["items"]) {
    if (it["path"] == order[3]) {
      EXPECT_EQ(it["order_ids"], json::array({"B-2002"}));
    }
  }
}

TEST_F(UploadSetTest, TheSummaryPdfEmbedsItsFontsRendersEveryScriptAndIsReproducible) {
  if (!testing::HaveProgram("pdffonts")) GTEST_SKIP() << "poppler-utils are not installed";
  Make("stripe", dir_.File("a"));
  Make("stripe", dir_.File("b"));
  std::string pdf = dir_.File("a/summary.pdf");
  testing::WriteFileOrDie(testing::ArtefactDir("upload-set") + "/summary-stripe.pdf",
                          testing::ReadFileOrDie(pdf));
  EXPECT_EQ(testing::ReadFileOrDie(pdf), testing::ReadFileOrDie(dir_.File("b/summary.pdf")));
  CliRun fonts = testing::RunProgram("pdffonts", {pdf});
  ASSERT_EQ(fonts.exit_code, 0) << fonts.err;
  int lines = 0;
  std::istringstream in(fonts.out);
  std::string line;
  while (std::getline(in, line)) {
    if (++lines <= 2) continue;  // header
    EXPECT_NE(line.find(" yes "), std::string::npos) << "font not embedded: " << line;
  }
  EXPECT_GT(lines, 3);
  EXPECT_NE(fonts.out.find("CJK"), std::string::npos) << fonts.out;
  EXPECT_NE(fonts.out.find("Arabic"), std::string::npos) << fonts.out;
  CliRun info = testing::RunProgram("pdfinfo", {pdf});
  EXPECT_NE(info.out.find("Creator:         parcelproof"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("CreationDate:"), std::string::npos);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(info.out, m, std::regex("Pages:\\s+(\\d+)")));
  EXPECT_LE(std::stoi(m[1]), 6);
  CliRun text = testing::RunProgram("pdftotext", {pdf, "-"});
  EXPECT_NE(text.out.find("PASS"), std::string::npos);
  EXPECT_NE(text.out.find("RR123456785CN"), std::string::npos);
  EXPECT_NE(text.out.find("Shipped to the <address> on the order."), std::string::npos);
  EXPECT_NE(text.out.find("\xd0\x9e\xd1\x82\xd0\xbf\xd1\x80\xd0\xb0\xd0\xb2"), std::string::npos);
  EXPECT_NE(text.out.find(*Sha256File(zip_)), std::string::npos) << "the package hash is named";
  if (testing::HaveProgram("pdftoppm")) {
    CliRun png = testing::RunProgram(
        "pdftoppm", {"-png", "-r", "60", "-f", "1", "-l", "1", pdf, dir_.File("page")});
    EXPECT_EQ(png.exit_code, 0) << png.err;
  }
}

// The conversation excerpt is the parsed thread (sender, side, time in the
// order's zone, flags) around the dispute, with what was left out counted;
// every time in the PDF is in the one display format (no RFC 3339, no
// fractions), the findings' sentences included.
TEST_F(UploadSetTest, TheSummaryShowsTheParsedConversationAroundTheDisputeAndOneTimeFormat) {
  if (!testing::HaveProgram("pdftotext")) GTEST_SKIP() << "poppler-utils are not installed";
  Make("stripe", dir_.File("a"));
  std::string text = testing::RunProgram("pdftotext", {dir_.File("a/summary.pdf"), "-"}).out;
  size_t at = text.find("Conversation with the buyer (excerpt)");
  ASSERT_NE(at, std::string::npos) << text;
  // Rows wrap in their columns: compare with whitespace runs as one space.
  std::string chat = std::regex_replace(text.substr(at), std::regex("\\s+"), " ");
  EXPECT_NE(chat.find("chat.txt (whatsapp-android): 18 messages between Ana, Mei"),
            std::string::npos)
      << chat;
  // 12 shown: the last 10 before the dispute (16:00 +08:00) and 2 after it.
  EXPECT_EQ(chat.find("Hello, I ordered the red mug"), std::string::npos) << "too early";
  EXPECT_EQ(chat.find("Packed today"), std::string::npos) << "too early";
  EXPECT_NE(chat.find("buyer Ana: great"), std::string::npos) << chat;
  EXPECT_NE(chat.find("buyer Ana: This message was deleted [deleted]"), std::string::npos);
  EXPECT_NE(chat.find("seller Mei: It shows Hauptstr. 5 for me [edited]"), std::string::npos);
  EXPECT_NE(chat.find("<b>wrong</b>"), std::string::npos) << "markup is drawn as text";
  EXPECT_NE(chat.find("2026-03-03 08:00:00 +08:00 (00:00:00 UTC)"), std::string::npos) << chat;
  EXPECT_NE(chat.find("--- the dispute was opened 2026-03-04 16:00:00 +08:00 (08:00:00 UTC) ---"),
            std::string::npos)
      << chat;
  EXPECT_LT(chat.find("dispute was opened"), chat.find("buyer Ana: Dispute opened"));
  EXPECT_NE(chat.find("seller Mei: I sent the evidence to the platform"), std::string::npos);
  EXPECT_EQ(chat.find("buyer Ana: ok"), std::string::npos) << "too late";
  EXPECT_NE(chat.find("6 more messages in the package (5 earlier, 1 later): data/chat/"),
            std::string::npos)
      << chat;
  // The timeline leaves the messages to the excerpt.
  EXPECT_NE(text.find("18 chat message(s) are not listed here"), std::string::npos);
  std::regex raw("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}|\\d{2}:\\d{2}:\\d{2}\\.\\d");
  std::smatch m;
  EXPECT_FALSE(std::regex_search(text, m, raw)) << "raw time in summary.pdf: " << m.str();
  EXPECT_NE(text.find("only the ingest time"), std::string::npos);
}

TEST_F(UploadSetTest, APackageThatDoesNotVerifyIsRefusedWithVerifysFailures) {
  auto entries = testing::ReadEntries(zip_);
  for (auto& [name, bytes] : entries) {
    if (name.find("/data/label/") != std::string::npos) bytes[bytes.size() / 2] ^= 1;
  }
  testing::WriteEntries(dir_.File("bad.zip"), entries);
  CliRun r = RunCli(
      {"upload-set", dir_.File("bad.zip"), "--platform", "stripe", "-o", dir_.File("out")}, kEnv);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("payload-hash-mismatch"), std::string::npos) << r.err;
  struct stat st;
  EXPECT_NE(::stat(dir_.File("out").c_str(), &st), 0) << "nothing written";
}

TEST_F(UploadSetTest, AProfileThatCannotTakeTheSummarySaysSo) {
  testing::WriteFileOrDie(dir_.File("tiny.json"),
                          R"({"version":1,"platforms":{"tiny":{"name":"Tiny","formats":["pdf"],)"
                          R"("max_file_bytes":{"value":2000,"source":"test"}}}})");
  CliRun r = RunCli({"upload-set", zip_, "--platform", "tiny", "--platforms",
                     dir_.File("tiny.json"), "-o", dir_.File("out")},
                    kEnv);
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_NE(r.err.find("cannot take even the summary"), std::string::npos) << r.err;
  CliRun unknown = RunCli({"upload-set", zip_, "--platform", "myspace", "-o", dir_.File("o2")});
  EXPECT_EQ(unknown.exit_code, 3);
  EXPECT_NE(unknown.err.find("stripe"), std::string::npos) << "names the known platforms";
  EXPECT_EQ(RunCli({"upload-set", zip_}).exit_code, 2);
}

TEST_F(UploadSetTest, OutputFollowsItsSchema) {
  if (!testing::HaveProgram("python3") ||
      testing::RunProgram("python3", {"-c", "import jsonschema"}).exit_code != 0) {
    GTEST_SKIP() << "python3 with jsonschema is not installed";
  }
  Make("shopify", dir_.File("s"));
  std::string check =
      "import json,sys,jsonschema\n"
      "for schema, doc in [(sys.argv[1], sys.argv[2]), (sys.argv[3], sys.argv[4])]:\n"
      "  jsonschema.Draft202012Validator(json.load(open(schema))).validate(json.load(open(doc)))\n";
  CliRun v = testing::RunProgram(
      "python3", {"-c", check, std::string(PP_SOURCE_DIR) + "/schemas/upload-set.schema.json",
                  dir_.File("s/upload-set.json"),
                  std::string(PP_SOURCE_DIR) + "/schemas/platforms.schema.json",
                  std::string(PP_SOURCE_DIR) + "/data/platforms.json"});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
}

}  // namespace
}  // namespace parcelproof
