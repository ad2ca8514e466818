// Conversations through the store end to end: ingest recognises a WhatsApp
// export by content and stores the parsed conversation as a derived item;
// the timeline shows its messages and the chat findings; bundle puts the
// export, the normalised conversation and a readable thread in the package.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "cli_runner.h"

namespace parcelproof::testing {
namespace {

using Json = nlohmann::json;

const char kOrder[] =
    R"({"id":"ORD-9","recipient":{"name":"Anna","postal_code":"10115","country":"DE"},)"
    R"("tracking":[{"carrier":"UPU","number":"RR123456785CN"}],)"
    R"("times":{"placed":"2026-02-27T09:00:00Z"}})";

// Three people, an edit, a deletion, the clock going back, a message after
// the dispute opened (2026-03-10), an overriding name.
const char kChat[] =
    "01/03/2026, 10:00 - Anna: Where is my parcel?\n"
    "01/03/2026, 10:05 - Li Wei: It shipped yesterday <This message was edited>\n"
    "01/03/2026, 09:00 - Anna: This message was deleted\n"
    "13/03/2026, 12:00 - \xE2\x80\xAE"
    "Bob: hello\n";

class ChatStoreCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = tmp_.File("store");
    ASSERT_EQ(Run({"init"}).exit_code, 0);
    WriteFileOrDie(tmp_.File("orders.json"), kOrder);
    ASSERT_EQ(Run({"orders", "import", tmp_.File("orders.json")}).exit_code, 0);
    WriteFileOrDie(tmp_.File("WhatsApp Chat with Anna.txt"), kChat);
    CliRun in = Run({"ingest", tmp_.File("WhatsApp Chat with Anna.txt"), "--order", "ORD-9",
                     "--zone", "+01:00", "--json", "--me", "Li Wei"});
    ASSERT_EQ(in.exit_code, 0) << in.out << in.err;
    Json j = Json::parse(in.out);
    EXPECT_EQ(j["files"][0]["kind"], "chat");
    EXPECT_EQ(j["files"][0]["role"], "chat");
    sha_ = j["files"][0]["sha256"].get<std::string>();
  }
  CliRun Run(std::vector<std::string> args) {
    args.insert(args.begin() + 1, {"--store", store_});
    return RunCli(args, {"SOURCE_DATE_EPOCH=1773500000"});
  }
  TempDir tmp_;
  std::string store_, sha_;
};

TEST_F(ChatStoreCliTest, IngestStoresTheConversationAsDerivedItem) {
  CliRun show = Run({"show", "ORD-9", "--json"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  Json item = Json::parse(show.out)["items"][0];
  EXPECT_EQ(item["metadata"]["conversation"]["format"], "whatsapp-android");
  EXPECT_EQ(item["metadata"]["conversation"]["messages"], 4);
  EXPECT_EQ(item["metadata"]["conversation"]["zone"], "+01:00");
  CliRun log = Run({"log", "--json"});
  bool derived = false;
  Json entries = Json::parse(log.out)["entries"];
  for (const Json& e : entries) {
    derived |= e["detail"].get<std::string>().find("from " + sha_) != std::string::npos;
  }
  EXPECT_TRUE(derived) << sha_ << "\n" << log.out;
  EXPECT_EQ(Run({"fsck"}).exit_code, 0);
}

TEST_F(ChatStoreCliTest, TimelineShowsMessagesAndFindings) {
  CliRun tl = Run({"timeline", "ORD-9", "--json", "--dispute-opened", "2026-03-10T00:00:00Z"});
  ASSERT_EQ(tl.exit_code, 0) << tl.err;
  Json j = Json::parse(tl.out);
  int messages = 0;
  for (const Json& e : j["events"]) {
    if (e["kind"] != "message") continue;
    ++messages;
    EXPECT_EQ(e["item"], sha_);
    EXPECT_TRUE(e["zone_known"].get<bool>());
  }
  EXPECT_EQ(messages, 4);
  std::set<std::string> codes;
  for (const Json& f : j["findings"]) codes.insert(f["code"].get<std::string>());
  for (const char* c : {"chat-out-of-order", "chat-edited", "chat-deleted", "chat-participants",
                        "chat-after-dispute"}) {
    EXPECT_TRUE(codes.count(c)) << c << "\n" << tl.out;
  }
  EXPECT_FALSE(codes.count("chat-zone-unknown"));
  EXPECT_FALSE(codes.count("chat-ends-before-dispute"));
  tl = Run({"timeline", "ORD-9", "--json", "--dispute-opened", "2026-04-01T00:00:00Z"});
  EXPECT_NE(tl.out.find("chat-ends-before-dispute"), std::string::npos) << tl.out;
}

TEST_F(ChatStoreCliTest, BundleCarriesTheThread) {
  if (!HaveProgram("unzip")) GTEST_SKIP() << "unzip not installed";
  ASSERT_EQ(RunCli({"keygen", tmp_.File("k")}).exit_code, 0);
  CliRun b = Run({"bundle", "ORD-9", "--reason", "not-received", "--key", tmp_.File("k.key"), "-o",
                  tmp_.File("p.zip"), "--dispute-opened", "2026-03-10T00:00:00Z"});
  ASSERT_EQ(b.exit_code, 0) << b.out << b.err;
  EXPECT_NE(b.out.find("[present] Conversation"), std::string::npos) << b.out;
  ASSERT_EQ(RunProgram("unzip", {"-q", tmp_.File("p.zip"), "-d", tmp_.File("x")}).exit_code, 0);
  std::string bag = tmp_.File("x/dispute-ord-9-not-received");
  // Named by its first message (10:00 at +01:00), not "unknown-time".
  std::string listing = RunProgram("ls", {bag + "/data/chat"}).out;
  EXPECT_NE(listing.find("2026-03-01T09-00-00Z_chat_" + sha_.substr(0, 8) + ".txt"),
            std::string::npos)
      << listing;
  Json ev = Json::parse(ReadFileOrDie(bag + "/evidence.json"));
  ASSERT_EQ(ev["conversations"].size(), 1u);
  EXPECT_EQ(ev["conversations"][0]["source_sha256"], sha_);
  EXPECT_EQ(ev["conversations"][0]["messages"][1]["side"], "seller");
  EXPECT_EQ(ev["conversations"][0]["messages"][0]["span"], Json::array({0, 45}));
  std::string html = ReadFileOrDie(bag + "/report.html");
  std::string anchor = "msg-" + sha_.substr(0, 12) + "-1";
  EXPECT_NE(html.find("id=\"" + anchor + "\""), std::string::npos);
  EXPECT_NE(html.find("href=\"#" + anchor + "\""), std::string::npos);
  EXPECT_NE(html.find("msg seller"), std::string::npos);
  EXPECT_NE(html.find("&lt;U+202E&gt;Bob"), std::string::npos);
  EXPECT_EQ(html.find("\xE2\x80\xAE"), std::string::npos);
  EXPECT_EQ(RunCli({"verify", tmp_.File("p.zip")}).exit_code, 0);
}

}  // namespace
}  // namespace parcelproof::testing
