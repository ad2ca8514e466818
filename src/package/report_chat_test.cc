// The report's thread: times in the order's zone with UTC alongside, local
// times without zone marked as such, a zip's attachments that are package
// items shown as thumbnails linked to their originals, and the line standing
// for the messages a long conversation leaves out.
#include "package/report_chat.h"

#include <gtest/gtest.h>

namespace parcelproof::package {
namespace {

ChatMessage Message(const std::string& time, bool zone_known, const std::string& text) {
  ChatMessage m;
  m.time = time;
  m.has_time = true;
  m.zone_known = zone_known;
  m.sender = "Anna";
  m.side = "buyer";
  m.text = text;
  return m;
}

TEST(ReportChatTest, TimesInOrderZoneAndUnzonedAsLocal) {
  PackageConversation c;
  c.source_sha256 = std::string(64, 'a');
  c.info.format = "whatsapp-ios";
  c.messages = {Message("2026-03-01T10:05:30+08:00", true, "zoned"),
                Message("2026-03-01T10:00:00", false, "unzoned")};
  c.info.message_count = 2;
  PackageModel m;
  ReportZone zone{8 * 60, "the order's times"};
  std::string h = ConversationThreadHtml(c, "data/chat/x.zip", zone, m);
  EXPECT_NE(h.find("2026-03-01 10:05:30 +08:00 (02:05:30 UTC)"), std::string::npos) << h;
  EXPECT_NE(h.find("2026-03-01 10:00:00 (local time, zone unknown)"), std::string::npos) << h;
  ReportZone utc{0, ""};
  h = ConversationThreadHtml(c, "data/chat/x.zip", utc, m);
  EXPECT_NE(h.find("2026-03-01 02:05:30 UTC"), std::string::npos) << h;
}

TEST(ReportChatTest, AttachmentThumbnailAndOmittedLine) {
  PackageConversation c;
  c.source_sha256 = std::string(64, 'a');
  c.info.format = "whatsapp-ios";
  c.info.media = {{"IMG-1.jpg", std::string(64, 'b'), 10, 1, "buyer"}};
  ChatMessage first = Message("2026-03-01T10:00:00Z", true, "hi");
  ChatMessage photo = Message("2026-03-01T10:01:00Z", true, "<attached: IMG-1.jpg>");
  photo.attachments = {"IMG-1.jpg", "missing.jpg"};
  c.messages = {first, photo};
  c.info.message_count = 7;
  c.omitted = 5;
  c.omitted_from = 1;
  PackageItem item;
  item.sha256 = std::string(64, 'b');
  PackageModel m;
  m.items = {item};
  m.paths = {"data/other/IMG-1.jpg"};
  m.thumbs = {"thumbnails/IMG-1.jpg"};
  std::string h = ConversationThreadHtml(c, "data/chat/x.zip", ReportZone{}, m);
  EXPECT_NE(h.find("<a href=\"data/other/IMG-1.jpg\"><img src=\"thumbnails/IMG-1.jpg\""),
            std::string::npos)
      << h;
  EXPECT_NE(h.find("attached: missing.jpg</div>"), std::string::npos) << h;
  EXPECT_NE(h.find("5 more message(s) (messages 1 to 5)"), std::string::npos) << h;
  // The message after the gap keeps its index in the whole conversation.
  EXPECT_NE(h.find("id=\"msg-aaaaaaaaaaaa-6\""), std::string::npos) << h;
}

}  // namespace
}  // namespace parcelproof::package
