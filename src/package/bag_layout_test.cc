#include "package/bag_layout.h"

#include <gtest/gtest.h>

namespace parcelproof::package {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

PackageItem ChatItem(const std::string& capture_time, const std::string& name_time) {
  PackageItem it;
  it.sha256 = std::string(64, 'a');
  it.role = "chat";
  it.original_name = "WhatsApp Chat with Anna.txt";
  it.capture_time = capture_time;
  it.name_time = name_time;
  return it;
}

TEST(BundlePayloadPathTest, ChatExportIsNamedByItsFirstMessage) {
  std::vector<PackageItem> items = {ChatItem("", "2026-03-01T10:00:00+01:00"),
                                    ChatItem("", "2026-03-01T10:00:00"), ChatItem("", ""),
                                    ChatItem("2026-02-01T08:00:00Z", "2026-03-01T10:00:00Z"),
                                    ChatItem("", "2026-03-01 10:00")};
  for (size_t i = 0; i < items.size(); ++i) items[i].sha256[0] = static_cast<char>('0' + i);
  std::vector<std::string> paths = PayloadPaths(items);
  EXPECT_EQ(paths[0], "data/chat/2026-03-01T09-00-00Z_chat_0aaaaaaa.txt");
  EXPECT_EQ(paths[1], "data/chat/2026-03-01T10-00-00-local_chat_1aaaaaaa.txt");
  EXPECT_EQ(paths[2], "data/chat/unknown-time_chat_2aaaaaaa.txt");
  EXPECT_EQ(paths[3], "data/chat/2026-02-01T08-00-00Z_chat_3aaaaaaa.txt");  // capture time first
  EXPECT_EQ(paths[4], "data/chat/unknown-time_chat_4aaaaaaa.txt");
}

TEST(BagInfoTest, ParsesLabelsValuesAndContinuations) {
  EXPECT_EQ(ParseBagInfo("Source-Organization: parcelproof user\r\n"
                         "External-Description: two\n  lines\n"
                         "Bag-Size:1 KB\n"
                         "no colon here\n"),
            (Pairs{{"Source-Organization", "parcelproof user"},
                   {"External-Description", "two lines"},
                   {"Bag-Size", "1 KB"}}));
}

// Regression (bagit_fuzz): a continuation line of blanks only threw
// std::out_of_range, so `verify` of such a package ended in an internal error.
TEST(BagInfoTest, BlankContinuationLineIsIgnored) {
  EXPECT_EQ(ParseBagInfo("Payload-Oxum: 23.1\n \n\t\nBag-Size: 1 KB\n"),
            (Pairs{{"Payload-Oxum", "23.1"}, {"Bag-Size", "1 KB"}}));
  EXPECT_NO_THROW(ParseBagInfo(" \n"));
  EXPECT_NO_THROW(ParseBagInfo("A: b\n "));
}

}  // namespace
}  // namespace parcelproof::package
