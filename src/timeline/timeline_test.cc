// Golden tests: tests/golden/timeline/NAME.input.json (order, items, now)
// beside NAME.expected.json (TimelineJson output, pretty-printed).
// PP_UPDATE_GOLDEN=1 rewrites the expected files.
#include "parcelproof/timeline.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "parcelproof/order.h"

namespace parcelproof {
namespace {

using Json = nlohmann::json;

std::string GoldenPath(const std::string& name) {
  return std::string(PP_SOURCE_DIR) + "/tests/golden/timeline/" + name;
}

Json ReadJson(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return Json::parse(ss.str(), nullptr, false);
}

std::string Get(const Json& o, const char* key) { return o.value(key, std::string()); }

Timeline BuildFromInput(const Json& in) {
  const Json& o = in["order"];
  TimelineOrder order{Get(o, "id"),         Get(o, "placed_at"),    Get(o, "paid_at"),
                      Get(o, "shipped_at"), Get(o, "delivered_at"), Get(o, "dispute_opened_at")};
  std::vector<TimelineItem> items;
  for (const Json& j : in["items"]) {
    TimelineItem i;
    i.sha256 = Get(j, "sha256");
    i.name = Get(j, "name");
    i.role = Get(j, "role");
    i.station = Get(j, "station");
    i.capture_time = Get(j, "capture_time");
    i.capture_source = Get(j, "capture_source");
    i.ingested_at = Get(j, "ingested_at");
    i.file_modified_at = Get(j, "file_modified_at");
    i.date_time_original = Get(j, "date_time_original");
    i.subsec_time_original = Get(j, "subsec_time_original");
    i.offset_time_original = Get(j, "offset_time_original");
    i.date_time = Get(j, "date_time");
    i.software = Get(j, "software");
    i.gps_date_time = Get(j, "gps_date_time");
    items.push_back(i);
  }
  TimelineOptions options;
  long long now = 0;
  EXPECT_TRUE(ParseRfc3339(Get(in, "now"), &now));
  options.now_micros = now;
  options.display_offset_minutes = TimelineZone(order, items).offset_minutes;
  return BuildTimeline(order, items, options);
}

void CheckGolden(const std::string& name) {
  Json input = ReadJson(GoldenPath(name + ".input.json"));
  ASSERT_TRUE(input.is_object()) << name;
  Json actual = Json::parse(TimelineJson(BuildFromInput(input)));
  std::string expected_path = GoldenPath(name + ".expected.json");
  if (std::getenv("PP_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(expected_path) << actual.dump(2) << "\n";
  }
  Json expected = ReadJson(expected_path);
  EXPECT_EQ(actual, expected) << "actual:\n"
                              << actual.dump(2) << "\nexpected:\n"
                              << expected.dump(2);
}

TEST(TimelineTest, GoldenDisputed) { CheckGolden("disputed"); }
TEST(TimelineTest, GoldenClean) { CheckGolden("clean"); }

TEST(TimelineTest, CleanStoryHasNoFindings) {
  Timeline tl = BuildFromInput(ReadJson(GoldenPath("clean.input.json")));
  EXPECT_TRUE(tl.findings.empty()) << TimelineJson(tl);
  ASSERT_EQ(tl.events.size(), 5u);
  EXPECT_EQ(tl.events.front().kind, "order-placed");
  EXPECT_EQ(tl.events.back().role, "unboxing");
}

TEST(TimelineTest, DisputedStoryHasEveryFinding) {
  Timeline tl = BuildFromInput(ReadJson(GoldenPath("disputed.input.json")));
  std::set<std::string> codes;
  for (const Finding& f : tl.findings) codes.insert(f.code);
  for (const char* code :
       {"no-capture-time", "resaved", "editor-software", "gps-clock-skew", "captured-after-ingest",
        "captured-after-file-modified", "captured-in-future", "before-order-placed",
        "after-shipped", "buyer-photo-before-shipment", "session-out-of-order",
        "session-hours-apart", "zone-inconsistent", "zone-unknown"}) {
    EXPECT_EQ(codes.count(code), 1u) << code << " missing in " << TimelineJson(tl);
  }
  EXPECT_EQ(tl.findings.front().severity, Severity::kSerious);
}

// Every sentence shows times in the one display format, in the case's zone
// (the order's +02:00 here): local with offset, UTC alongside, no fraction,
// never RFC 3339 as stored.
TEST(TimelineTest, FindingsShowTimesInTheCaseZoneWithoutFractions) {
  Timeline tl = BuildFromInput(ReadJson(GoldenPath("disputed.input.json")));
  std::regex raw("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}|\\d{2}:\\d{2}:\\d{2}\\.\\d");
  for (const Finding& f : tl.findings) {
    EXPECT_FALSE(std::regex_search(f.explanation, raw)) << f.explanation;
  }
  std::map<std::string, std::string> by_code;
  for (const Finding& f : tl.findings) by_code[f.code] = f.explanation;
  EXPECT_NE(by_code["before-order-placed"].find(
                "captured 2025-07-28 03:00:00 +02:00 (01:00:00 UTC), before the order was placed "
                "(2025-07-29 12:00:00 +02:00 (10:00:00 UTC))"),
            std::string::npos)
      << by_code["before-order-placed"];
  EXPECT_NE(by_code["zone-unknown"].find("2025-07-30 13:58:00 (local time, zone unknown)"),
            std::string::npos)
      << by_code["zone-unknown"];
  EXPECT_NE(by_code["session-out-of-order"].find("(2025-07-30 07:52:33 +02:00 (05:52:33 UTC))"),
            std::string::npos)
      << by_code["session-out-of-order"];
}

TEST(TimelineTest, DisplayTimeFormat) {
  EXPECT_EQ(FormatDisplayTime("2026-03-02T02:00:00.123456Z", 480),
            "2026-03-02 10:00:00 +08:00 (02:00:00 UTC)");
  EXPECT_EQ(FormatDisplayTime("2026-03-02T01:00:00+08:00", 480),
            "2026-03-02 01:00:00 +08:00 (2026-03-01 17:00:00 UTC)");
  EXPECT_EQ(FormatDisplayTime("2026-03-02T02:00:00Z", 0), "2026-03-02 02:00:00 UTC");
  EXPECT_EQ(FormatDisplayTime("2026-03-02T02:00:00Z", -330),
            "2026-03-01 20:30:00 -05:30 (2026-03-02 02:00:00 UTC)");
  EXPECT_EQ(FormatDisplayTime("2026-03-02T10:00:00.5", 480),
            "2026-03-02 10:00:00 (local time, zone unknown)");
  EXPECT_EQ(FormatDisplayTime("junk", 480), "junk");
  EXPECT_EQ(FormatDisplayTime("", 480), "");
  EXPECT_EQ(ChooseDisplayZone({"", "2026-03-02T02:00:00Z", "2026-03-02T02:00:00-04:00"},
                              {"2026-03-02T02:00:00+08:00"})
                .offset_minutes,
            -240);
  EXPECT_EQ(ChooseDisplayZone({"2026-03-02T02:00:00Z"}, {"x", "2026-03-02T02:00:00+08:00"}).from,
            "the station's capture times");
}

TimelineItem Packing(const std::string& name, const std::string& time) {
  TimelineItem item;
  item.sha256 = std::string(64, name[0]);
  item.name = name;
  item.role = "packing";
  item.station = "pack-1";
  item.capture_time = time;
  item.capture_source = "exif DateTimeOriginal+OffsetTimeOriginal";
  item.ingested_at = "2026-03-05T00:00:00Z";
  return item;
}

int OutOfOrderCount(const std::vector<TimelineItem>& items) {
  TimelineOrder order;
  order.id = "A";
  Timeline tl = BuildTimeline(order, items, TimelineOptions{});
  int n = 0;
  for (const Finding& f : tl.findings) n += f.code == "session-out-of-order";
  return n;
}

// Regression (issue 14): a phone's IMG_... and a scanner's s12_... names were
// compared with each other; only names of one numbering scheme are.
TEST(TimelineTest, OutOfOrderComparesOnlyNamesOfOneScheme) {
  EXPECT_EQ(OutOfOrderCount({Packing("IMG_0001.jpg", "2026-03-01T10:00:00Z"),
                             Packing("s12_scan.jpg", "2026-03-01T09:00:00Z")}),
            0);
  // Within one scheme, numbers in numeric order (IMG_9 before IMG_10).
  EXPECT_EQ(OutOfOrderCount({Packing("IMG_10.jpg", "2026-03-01T10:01:00Z"),
                             Packing("IMG_9.jpg", "2026-03-01T10:00:00Z")}),
            0);
  EXPECT_EQ(OutOfOrderCount({Packing("IMG_0002.JPG", "2026-03-01T09:00:00Z"),
                             Packing("img_0001.jpg", "2026-03-01T10:00:00Z"),
                             Packing("s12_scan.jpg", "2026-03-01T08:00:00Z")}),
            1);
  // Names without a number have no scheme.
  EXPECT_EQ(OutOfOrderCount({Packing("b.jpg", "2026-03-01T09:00:00Z"),
                             Packing("a.jpg", "2026-03-01T10:00:00Z")}),
            0);
}

// A conversation item named chat.txt, its hash filled with one character.
TimelineItem ChatItem(char fill, size_t participants) {
  TimelineItem chat;
  chat.sha256 = std::string(64, fill);
  chat.name = "chat.txt";
  chat.role = "chat";
  chat.conversation = true;
  chat.participants = participants;
  return chat;
}

TEST(TimelineTest, BadOrderTimeIsAFindingNotACrash) {
  TimelineOrder order{"X", "yesterday", "", "", "", ""};
  Timeline tl = BuildTimeline(order, {}, TimelineOptions{});
  ASSERT_EQ(tl.findings.size(), 1u);
  EXPECT_EQ(tl.findings[0].code, "bad-order-time");
  EXPECT_TRUE(tl.events.empty());
}

// A long conversation streamed through replay_messages: the first and last
// messages become events with one "N more" line between them, while the
// findings count every message.
TEST(TimelineTest, LongConversationIsCappedButCountedWhole) {
  constexpr size_t n = kHeadMessages + kTailMessages + 500;
  TimelineItem chat = ChatItem('c', 2);
  chat.replay_messages = [](const std::function<void(const TimelineMessage&)>& on) {
    for (size_t i = 0; i < n; ++i) {
      TimelineMessage m;
      int minute = static_cast<int>(i);
      char t[32];
      std::snprintf(t, sizeof t, "2026-03-%02dT%02d:%02d:00Z", 1 + minute / 1440,
                    minute % 1440 / 60, minute % 60);
      m.time = t;
      m.zone_known = true;
      m.sender = i % 2 ? "Anna" : "Li";
      m.side = "buyer";
      m.text = "hello";
      m.edited = i == n - 1;
      on(m);
    }
  };
  TimelineOrder order{"X", "", "", "", "", ""};
  Timeline tl = BuildTimeline(order, {chat}, TimelineOptions{});
  size_t messages = 0, more = 0;
  for (const TimelineEvent& e : tl.events) {
    if (e.kind != "message") continue;
    if (e.message < 0) {
      ++more;
      EXPECT_NE(e.what.find("500 more message(s)"), std::string::npos) << e.what;
    } else {
      ++messages;
    }
  }
  EXPECT_EQ(messages, kHeadMessages + kTailMessages);
  EXPECT_EQ(more, 1u);
  bool edited = false;
  for (const Finding& f : tl.findings) edited |= f.code == "chat-edited";
  EXPECT_TRUE(edited);  // the last message, beyond the head
}

// Undated messages (an impossible header date) count in the windows as in
// the package: the events are of the first and last messages by position,
// not the last dated ones, and the "N more" line names the same messages as
// the report's.
TEST(TimelineTest, CappedWindowsCountUndatedMessagesLikeThePackage) {
  constexpr size_t n = kHeadMessages + kTailMessages + 500;
  auto undated = [](size_t i) { return i % 10 == 3; };
  TimelineItem chat = ChatItem('d', 2);
  chat.replay_messages = [&](const std::function<void(const TimelineMessage&)>& on) {
    for (size_t i = 0; i < n; ++i) {
      TimelineMessage m;
      int minute = static_cast<int>(i);
      char t[32];
      std::snprintf(t, sizeof t, "2026-03-%02dT%02d:%02d:00Z", 1 + minute / 1440,
                    minute % 1440 / 60, minute % 60);
      if (!undated(i)) m.time = t;
      m.zone_known = true;
      m.sender = "Li";
      m.side = "buyer";
      m.text = "hello";
      on(m);
    }
  };
  TimelineOrder order{"X", "", "", "", "", ""};
  Timeline tl = BuildTimeline(order, {chat}, TimelineOptions{});
  size_t dated_in_windows = 0;
  for (size_t i = 0; i < n; ++i) {
    bool in_window = i < kHeadMessages || i >= n - kTailMessages;
    dated_in_windows += in_window && !undated(i);
  }
  size_t messages = 0, more = 0;
  for (const TimelineEvent& e : tl.events) {
    if (e.kind != "message") continue;
    if (e.message < 0) {
      ++more;
      std::string range =
          "500 more message(s) of chat chat.txt from here on are not listed "
          "(messages " +
          std::to_string(kHeadMessages) + " to " + std::to_string(kHeadMessages + 499) + ";";
      EXPECT_NE(e.what.find(range), std::string::npos) << e.what;
      continue;
    }
    ++messages;
    auto i = static_cast<size_t>(e.message);
    EXPECT_TRUE(i < kHeadMessages || i >= n - kTailMessages) << i;
  }
  EXPECT_EQ(messages, dated_in_windows);
  EXPECT_EQ(more, 1u);
}

// The participants are counted as the messages are replayed (the export is
// read once): three senders make the finding even when the item says 0.
TEST(TimelineTest, ParticipantsAreCountedFromTheMessages) {
  TimelineItem chat = ChatItem('e', 0);
  for (const char* who : {"Anna", "Li", "Bo", "Li", ""}) {
    TimelineMessage m;
    m.time = "2026-03-01T10:00:00Z";
    m.zone_known = true;
    m.sender = who;
    m.text = "hi";
    chat.messages.push_back(m);
  }
  TimelineOrder order{"X", "", "", "", "", ""};
  Timeline tl = BuildTimeline(order, {chat}, TimelineOptions{});
  bool found = false;
  for (const Finding& f : tl.findings) {
    if (f.code != "chat-participants") continue;
    found = true;
    EXPECT_NE(f.explanation.find("3 people wrote"), std::string::npos) << f.explanation;
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace parcelproof
