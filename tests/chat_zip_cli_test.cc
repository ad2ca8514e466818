// WhatsApp exports "with media" (a zip): `chat` reads the chat text inside
// and ties each media member to the message that attached it; `ingest`
// stores the zip byte-identical, the conversation as a derived item and each
// member with the zip as its parent (photos scanned and thumbnailed); unsafe
// zips are refused with one line, exit 3, nothing stored. The zips are made
// at test time with python3's zipfile.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cli_runner.h"
#include "synthetic_label.h"

namespace parcelproof::testing {
namespace {

using Json = nlohmann::json;

const char kOrder[] =
    R"({"id":"ORD-7","recipient":{"name":"Anna","postal_code":"10115","country":"DE"},)"
    R"("tracking":[{"carrier":"UPU","number":"RR123456785CN"}],)"
    R"("times":{"placed":"2026-02-27T09:00:00+08:00"}})";

const char kChat[] =
    "[01/03/2026, 10:00:00] Anna: Where is my parcel?\n"
    "[01/03/2026, 10:05:00] Li Wei: Shipped, here is the label\n"
    "[01/03/2026, 10:05:30] Li Wei: <attached: 00000002-PHOTO-2026-03-01-10-05-30.jpg>\n"
    "[02/03/2026, 11:00:00] Anna: <attached: 00000003-AUDIO-2026-03-02-11-00-00.opus>\n";

const char kPhoto[] = "00000002-PHOTO-2026-03-01-10-05-30.jpg";
const char kAudio[] = "00000003-AUDIO-2026-03-02-11-00-00.opus";

// python3 MAKE.py OUT.zip KIND CHAT PHOTO: a WhatsApp zip, made unsafe by KIND.
const char kMakeZip[] = R"PY(
import sys, zipfile
out, kind, chat, photo = sys.argv[1:5]
z = zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED)
z.writestr('_chat.txt', open(chat, 'rb').read())
z.write(photo, '00000002-PHOTO-2026-03-01-10-05-30.jpg', zipfile.ZIP_STORED)
z.writestr('00000003-AUDIO-2026-03-02-11-00-00.opus', b'OggS' + bytes(range(200)))
if kind == 'traversal':
    z.writestr('../../evil.jpg', b'x')
elif kind == 'absolute':
    z.writestr('/etc/evil.jpg', b'x')
elif kind == 'symlink':
    i = zipfile.ZipInfo('link.jpg')
    i.create_system = 3
    i.external_attr = (0o120777 << 16)
    z.writestr(i, '/etc/passwd')
elif kind == 'duplicate':
    import warnings
    warnings.simplefilter('ignore')
    z.writestr('_chat.txt', b'again')
elif kind == 'bomb':
    z.writestr('00000009-PHOTO.jpg', b'\0' * (8 << 20))
elif kind == 'nochat':
    z.close()
    z = zipfile.ZipFile(out, 'w')
    z.writestr('notes.md', b'hello')
z.close()
)PY";

class ChatZipCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFileOrDie(tmp_.File("chat.txt"), kChat);
    WriteSyntheticLabel(tmp_.File("photo.jpg"), 480, 320,
                        {{"Code128", "RR123456785CN", 40, 60, 400, 120}}, 0);
    WriteFileOrDie(tmp_.File("make.py"), kMakeZip);
  }
  std::string MakeZip(const std::string& kind) {
    std::string out = tmp_.File(kind + ".zip");
    CliRun r = RunProgram("python3", {tmp_.File("make.py"), out, kind, tmp_.File("chat.txt"),
                                      tmp_.File("photo.jpg")});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return out;
  }
  CliRun Store(std::vector<std::string> args) {
    args.insert(args.begin() + 1, {"--store", tmp_.File("store")});
    return RunCli(args, {"SOURCE_DATE_EPOCH=1773500000"});
  }
  void InitStore() {
    ASSERT_EQ(Store({"init"}).exit_code, 0);
    WriteFileOrDie(tmp_.File("orders.json"), kOrder);
    ASSERT_EQ(Store({"orders", "import", tmp_.File("orders.json")}).exit_code, 0);
  }
  TempDir tmp_;
};

TEST_F(ChatZipCliTest, ChatReadsTheZipAndTiesMediaToMessages) {
  std::string zip = MakeZip("ok");
  CliRun r = RunCli({"chat", zip, "--json", "--zone", "+08:00", "--me", "Li Wei"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  Json c = Json::parse(r.out)["conversations"][0];
  EXPECT_EQ(c["format"], "whatsapp-ios");
  EXPECT_EQ(c["member"], "_chat.txt");
  EXPECT_EQ(c["message_count"], 4);
  EXPECT_EQ(c["messages"][2]["attachments"][0], kPhoto);
  EXPECT_EQ(c["messages"][0]["span"], Json::array({0, 48}));
  ASSERT_EQ(c["media"].size(), 2u);
  EXPECT_EQ(c["media"][0]["name"], kPhoto);
  EXPECT_EQ(c["media"][0]["message"], 2);
  EXPECT_EQ(c["media"][1]["name"], kAudio);
  EXPECT_EQ(c["media"][1]["message"], 3);
  CliRun sha = RunProgram("sha256sum", {tmp_.File("photo.jpg")});
  EXPECT_EQ(sha.out.substr(0, 64), c["media"][0]["sha256"]);
  sha = RunProgram("sha256sum", {zip});
  EXPECT_EQ(sha.out.substr(0, 64), c["sha256"]);
  if (HaveJsonSchema()) {
    WriteFileOrDie(tmp_.File("c.json"), r.out);
    CliRun v = ValidateAgainstSchema("conversation.schema.json", tmp_.File("c.json"));
    EXPECT_EQ(v.exit_code, 0) << v.err;
  }
}

TEST_F(ChatZipCliTest, UnsafeZipsAreRefusedAndNothingIsStored) {
  InitStore();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"traversal", "zip-unsafe-name"},
      {"absolute", "zip-unsafe-name"},
      {"symlink", "zip-symlink"},
      {"duplicate", "zip-duplicate-name"},
      {"bomb", "zip-bomb"},
      {"nochat", "no single WhatsApp chat text"}};
  for (const auto& [kind, code] : cases) {
    std::string zip = MakeZip(kind);
    CliRun chat = RunCli({"chat", zip});
    EXPECT_EQ(chat.exit_code, 3) << kind << chat.out << chat.err;
    EXPECT_NE(chat.err.find(code), std::string::npos) << kind << ": " << chat.err;
    EXPECT_EQ(std::count(chat.err.begin(), chat.err.end(), '\n'), 1) << chat.err;
    CliRun in = Store({"ingest", zip, "--order", "ORD-7"});
    EXPECT_EQ(in.exit_code, 3) << kind << in.out << in.err;
    EXPECT_NE(in.out.find("refused"), std::string::npos) << in.out;
    EXPECT_NE(in.out.find(code), std::string::npos) << kind << ": " << in.out;
  }
  CliRun show = Store({"show", "ORD-7", "--json"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_TRUE(Json::parse(show.out)["items"].empty()) << show.out;
  EXPECT_EQ(Store({"fsck"}).exit_code, 0);
}

TEST_F(ChatZipCliTest, IngestStoresZipConversationAndMembersAndBundleShowsThumbnails) {
  InitStore();
  std::string zip = MakeZip("ok");
  CliRun in =
      Store({"ingest", zip, "--order", "ORD-7", "--zone", "+08:00", "--json", "--me", "Li Wei"});
  ASSERT_EQ(in.exit_code, 0) << in.out << in.err;
  Json files = Json::parse(in.out)["files"];
  ASSERT_EQ(files.size(), 3u) << in.out;
  std::string zip_sha = files[0]["sha256"];
  EXPECT_EQ(files[0]["kind"], "chat");
  EXPECT_EQ(files[1]["kind"], "image");
  EXPECT_EQ(files[1]["path"], zip + ":" + kPhoto);
  EXPECT_EQ(files[2]["outcome"], "stored");
  CliRun show = Store({"show", "ORD-7", "--json"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  Json photo, shown = Json::parse(show.out);
  for (const Json& it : shown["items"]) {
    if (it["sha256"] == files[1]["sha256"]) photo = it;
  }
  ASSERT_FALSE(photo.is_null()) << in.out;
  EXPECT_EQ(photo["parent_sha256"], zip_sha) << show.out;
  EXPECT_EQ(photo["metadata"]["member_of"]["name"], kPhoto);
  EXPECT_EQ(photo["role"], "other");  // sent by the seller
  EXPECT_NE(show.out.find("RR123456785CN"), std::string::npos) << show.out;
  EXPECT_EQ(Store({"fsck"}).exit_code, 0);

  if (!HaveProgram("unzip")) GTEST_SKIP() << "unzip not installed";
  ASSERT_EQ(RunCli({"keygen", tmp_.File("k")}).exit_code, 0);
  CliRun b = Store({"bundle", "ORD-7", "--reason", "not-received", "--key", tmp_.File("k.key"),
                    "-o", tmp_.File("p.zip")});
  ASSERT_EQ(b.exit_code, 0) << b.out << b.err;
  ASSERT_EQ(RunProgram("unzip", {"-q", tmp_.File("p.zip"), "-d", tmp_.File("x")}).exit_code, 0);
  std::string bag = tmp_.File("x/dispute-ord-7-not-received");
  Json ev = Json::parse(ReadFileOrDie(bag + "/evidence.json"));
  ASSERT_EQ(ev["conversations"].size(), 1u);
  EXPECT_EQ(ev["conversations"][0]["media"][0]["sha256"], files[1]["sha256"]);
  std::string html = ReadFileOrDie(bag + "/report.html");
  // The photo's thumbnail in the thread, linked to the original in data/.
  size_t att = html.find("<div class=\"att\"><a href=\"data/");
  ASSERT_NE(att, std::string::npos) << html;
  EXPECT_NE(html.find("<img src=\"thumbnails/", att), std::string::npos);
  // Times in the order's zone with the offset and UTC alongside.
  EXPECT_NE(html.find("2026-03-01 10:05:30 +08:00 (02:05:30 UTC)"), std::string::npos);
  EXPECT_EQ(RunCli({"verify", tmp_.File("p.zip")}).exit_code, 0);
}

// The same zip ingested again for another order: the zip is a duplicate
// (nothing stored twice) and its media members are linked to that order
// too, under the roles they were stored with.
TEST_F(ChatZipCliTest, ReingestForAnotherOrderLinksTheStoredMedia) {
  InitStore();
  std::string zip = MakeZip("ok");
  CliRun first = Store({"ingest", zip, "--order", "ORD-7", "--json", "--me", "Li Wei"});
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  Json files = Json::parse(first.out)["files"];
  ASSERT_EQ(files.size(), 3u) << first.out;
  std::string other = R"({"id":"ORD-8","recipient":{"name":"Bo","postal_code":"1","country":"DE"},)"
                      R"("times":{"placed":"2026-02-27T09:00:00+08:00"}})";
  WriteFileOrDie(tmp_.File("o8.json"), other);
  ASSERT_EQ(Store({"orders", "import", tmp_.File("o8.json")}).exit_code, 0);
  CliRun again = Store({"ingest", zip, "--order", "ORD-8", "--json"});
  ASSERT_EQ(again.exit_code, 0) << again.out << again.err;
  Json lines = Json::parse(again.out)["files"];
  ASSERT_EQ(lines.size(), 1u) << again.out;
  EXPECT_EQ(lines[0]["outcome"], "duplicate");
  CliRun show = Store({"show", "ORD-8", "--json"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  std::set<std::string> linked;
  Json shown = Json::parse(show.out);
  for (const Json& it : shown["items"]) {
    linked.insert(it["sha256"].get<std::string>());
    if (it["sha256"] == files[1]["sha256"]) {
      EXPECT_EQ(it["role"], "other") << show.out;
    }
  }
  EXPECT_TRUE(linked.count(files[0]["sha256"].get<std::string>())) << show.out;  // the zip
  EXPECT_TRUE(linked.count(files[1]["sha256"].get<std::string>())) << show.out;  // the photo
  // The voice note (shown under the zip's derived items) is linked too, and
  // a third ingest for the same order adds no second link.
  ASSERT_EQ(Store({"ingest", zip, "--order", "ORD-8"}).exit_code, 0);
  CliRun log = Store({"log"});
  ASSERT_EQ(log.exit_code, 0) << log.err;
  std::string voice =
      files[2]["sha256"].get<std::string>().substr(0, 12) + " order ORD-8 role other";
  size_t at = log.out.find(voice);
  EXPECT_NE(at, std::string::npos) << log.out;
  EXPECT_EQ(log.out.find(voice, at + 1), std::string::npos) << log.out;
  EXPECT_EQ(Store({"fsck"}).exit_code, 0);
}

}  // namespace
}  // namespace parcelproof::testing
