#include "upload/summary_chat.h"

#include <gtest/gtest.h>

#include <cstdio>

namespace parcelproof::upload {
namespace {

using nlohmann::json;

json Thread(int n) {
  json msgs = json::array();
  for (int i = 0; i < n; ++i) {
    char t[32];
    std::snprintf(t, sizeof t, "2026-03-%02dT10:00:00Z", i + 1);
    msgs.push_back({{"time", t},
                    {"zone_known", true},
                    {"sender", i % 2 ? "Mei" : "Ana"},
                    {"side", i % 2 ? "seller" : "buyer"},
                    {"text", "m" + std::to_string(i)},
                    {"flags", i == 3 ? json::array({"deleted"}) : json::array()}});
  }
  return {{"items", json::array({{{"sha256", "ab"}, {"path", "data/chat/x.txt"}}})},
          {"conversations", json::array({{{"file", "x.txt"},
                                          {"format", "whatsapp-android"},
                                          {"source_sha256", "ab"},
                                          {"participants", {"Ana", "Mei"}},
                                          {"messages", msgs}}})}};
}

TEST(SummaryChatTest, WindowEndsTwoMessagesAfterTheDispute) {
  json ev = Thread(20);
  ev["dispute_opened"] = "2026-03-10T12:00:00Z";  // after message 9, before 10
  std::vector<ChatExcerpt> x = ChatExcerpts(ev, {480, ""}, 5, 3);
  ASSERT_EQ(x.size(), 1u);
  ASSERT_EQ(x[0].messages.size(), 5u);
  EXPECT_EQ(x[0].messages.front().text, "m7");
  EXPECT_EQ(x[0].messages.back().text, "m11");
  EXPECT_EQ(x[0].dispute_before, 3u);
  EXPECT_EQ(x[0].earlier, 7u);
  EXPECT_EQ(x[0].later, 8u);
  EXPECT_EQ(x[0].path, "data/chat/x.txt");
  EXPECT_EQ(x[0].messages[0].who, "seller Mei");
  EXPECT_EQ(x[0].messages[0].time, "2026-03-08 18:00:00 +08:00 (10:00:00 UTC)");
  EXPECT_EQ(x[0].heading, "x.txt (whatsapp-android): 20 messages between Ana, Mei");
}

TEST(SummaryChatTest, WithoutADisputeTimeTheLastMessages) {
  std::vector<ChatExcerpt> x = ChatExcerpts(Thread(6), {0, ""}, 4, 3);
  ASSERT_EQ(x.size(), 1u);
  EXPECT_EQ(x[0].messages.front().text, "m2");
  EXPECT_EQ(x[0].messages[1].flags, std::vector<std::string>{"deleted"});
  EXPECT_EQ(x[0].dispute_before, 4u);
  EXPECT_EQ(x[0].earlier, 2u);
  EXPECT_EQ(x[0].later, 0u);
}

TEST(SummaryChatTest, OddJsonIsSkippedNotThrown) {
  json ev = Thread(3);
  ev["dispute_opened"] = "2026-03-01T12:00:00Z";
  ev["conversations"][0]["messages"].push_back(7);
  ev["conversations"][0]["messages"][0]["zone_known"] = "yes";
  ev["conversations"][0]["messages"][1]["flags"] = "deleted";
  ev["conversations"].push_back("junk");
  ev["conversations"].push_back({{"messages", "none"}});
  std::vector<ChatExcerpt> x;
  ASSERT_NO_THROW(x = ChatExcerpts(ev, {0, ""}, 1, 3));
  ASSERT_EQ(x.size(), 1u);
  EXPECT_EQ(x[0].messages.size(), 1u);
  EXPECT_TRUE(ChatExcerpts(json::object(), {0, ""}, 5, 3).empty());
}

}  // namespace
}  // namespace parcelproof::upload
