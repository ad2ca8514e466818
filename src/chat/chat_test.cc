// Golden tests: every input under tests/golden/chat/ beside NAME.expected.json
// (LoadConversation with --me "Li Wei", pretty-printed). PP_UPDATE_GOLDEN=1
// rewrites the expected files. Then the rules one at a time.
#include "parcelproof/chat.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace parcelproof {
namespace {

using Json = nlohmann::json;

std::string GoldenDir() { return std::string(PP_SOURCE_DIR) + "/tests/golden/chat/"; }

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Conversation Parse(const std::string& bytes, std::vector<std::string> me = {"Li Wei"}) {
  ChatOptions options;
  options.me = std::move(me);
  return LoadConversationBytes(bytes, "input", options);
}

void CheckGolden(const std::string& input) {
  ChatOptions options;
  options.me = {"Li Wei"};
  Result<Conversation> c = LoadConversation(GoldenDir() + input, options);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  c->info.file = input;
  Json actual = Json::parse(ConversationJson(*c));
  std::string stem = input.substr(0, input.rfind('.'));
  std::string expected_path = GoldenDir() + stem + ".expected.json";
  if (std::getenv("PP_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(expected_path) << actual.dump(2) << "\n";
  }
  Json expected = Json::parse(Slurp(expected_path), nullptr, false);
  EXPECT_EQ(actual, expected) << input << " actual:\n" << actual.dump(2);
}

class ChatGolden : public ::testing::TestWithParam<const char*> {};

TEST_P(ChatGolden, MatchesExpected) { CheckGolden(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Formats, ChatGolden,
                         ::testing::Values("android_en_12h.txt", "ios_en_24h.txt", "android_de.txt",
                                           "android_es_12h.txt", "android_pt.txt", "android_fr.txt",
                                           "android_ru.txt", "android_zh.txt",
                                           "android_ambiguous.txt", "android_bad.txt",
                                           "ios_utf16.txt", "empty.txt", "notes.txt",
                                           "telegram.json", "telegram_array.json", "market_csv.csv",
                                           "market_jsonl.jsonl", "email.eml", "mailbox.mbox"));

TEST(ChatTest, MonthFirstInferredFromTheWholeFile) {
  // The first line alone reads day-first; the last proves month-first.
  Conversation c = Parse("3/1/26, 10:00 - A: x\n3/2/26, 10:00 - B: y\n3/20/26, 10:00 - A: z\n");
  ASSERT_EQ(c.messages.size(), 3u);
  EXPECT_EQ(c.messages[0].time, "2026-03-01T10:00:00");
  EXPECT_EQ(c.messages[2].time, "2026-03-20T10:00:00");
}

TEST(ChatTest, DayFirstInferredFromTheWholeFile) {
  Conversation c = Parse("3/1/26, 10:00 - A: x\n20/1/26, 10:00 - B: y\n");
  ASSERT_EQ(c.messages.size(), 2u);
  EXPECT_EQ(c.messages[0].time, "2026-01-03T10:00:00");
}

TEST(ChatTest, TwelveHourClockMidnightAndNoon) {
  Conversation c = Parse(
      "[13/1/26, 12:05:00 AM] A: x\n[13/1/26, 12:05:00 PM] A: y\n"
      "[13/1/26, 1:05:00\xE2\x80\xAFPM] A: z\n");
  ASSERT_EQ(c.messages.size(), 3u);
  EXPECT_EQ(c.messages[0].time, "2026-01-13T00:05:00");
  EXPECT_EQ(c.messages[1].time, "2026-01-13T12:05:00");
  EXPECT_EQ(c.messages[2].time, "2026-01-13T13:05:00");
  EXPECT_EQ(c.info.format, "whatsapp-ios");
}

TEST(ChatTest, ZoneOptionMakesTimesRfc3339AndSidesFollowMe) {
  ChatOptions options;
  options.has_zone = true;
  options.zone_offset_minutes = 8 * 60;
  options.me = {"Shop"};
  Conversation c =
      LoadConversationBytes("13/1/26, 10:00 - Shop: hi\n13/1/26, 10:01 - Bob: yo\n", "x", options);
  ASSERT_EQ(c.messages.size(), 2u);
  EXPECT_EQ(c.messages[0].time, "2026-01-13T10:00:00+08:00");
  EXPECT_TRUE(c.messages[0].zone_known);
  EXPECT_EQ(c.messages[0].side, "seller");
  EXPECT_EQ(c.messages[1].side, "buyer");
}

TEST(ChatTest, SpansPointAtTheOriginalBytes) {
  std::string text = "13/1/26, 10:00 - A: one\r\nline two\r\n13/1/26, 10:01 - B: three\n";
  Conversation c = Parse(text);
  ASSERT_EQ(c.messages.size(), 2u);
  const ChatMessage& m = c.messages[0];
  EXPECT_EQ(text.substr(m.span_begin, m.span_end - m.span_begin),
            "13/1/26, 10:00 - A: one\r\nline two");
  EXPECT_EQ(m.text, "one\nline two");
  EXPECT_EQ(text.substr(c.messages[1].span_begin), "13/1/26, 10:01 - B: three\n");
}

TEST(ChatTest, UnrecognisedAndEmptyAreReportedNotGuessed) {
  for (const char* bytes : {"", "hello world\n", "[1,2,3]", "{\"a\":1}\n", "\n\n  \n"}) {
    Conversation c = Parse(bytes);
    EXPECT_EQ(c.info.format, "unrecognised") << bytes;
    ASSERT_FALSE(c.info.problems.empty());
    EXPECT_EQ(c.info.problems[0].rfind("format not recognised", 0), 0u) << c.info.problems[0];
    EXPECT_TRUE(c.messages.empty());
  }
}

TEST(ChatTest, InvalidUtf8IsReplacedAndReported) {
  Conversation c = Parse("13/1/26, 10:00 - A: caf\xE9 \xC0\xAF\n");
  ASSERT_EQ(c.messages.size(), 1u);
  EXPECT_EQ(c.messages[0].text, "caf\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD");
  ASSERT_FALSE(c.info.problems.empty());
  EXPECT_NE(c.info.problems.back().find("invalid UTF-8: 3 byte(s)"), std::string::npos)
      << c.info.problems.back();
}

TEST(ChatTest, LongLinesAreCutWithoutLosingTheSpan) {
  std::string big(3u << 20, 'x');
  std::string text = "13/1/26, 10:00 - A: " + big + "\n13/1/26, 10:01 - B: end\n";
  Conversation c = Parse(text);
  ASSERT_EQ(c.messages.size(), 2u);
  EXPECT_EQ(c.messages[1].text, "end");
  EXPECT_EQ(c.messages[1].span_begin, text.size() - 24);
}

// Regression: a "\r\n" split between two reads was taken for two line ends
// and the next header was missed.
TEST(ChatTest, CrLfAcrossTheReadBoundary) {
  std::string head = "13/1/26, 10:00 - A: ";
  std::string text = head + std::string((1u << 20) - 1 - head.size(), 'y') +
                     "\r\n13/1/26, 10:01 - B: two\r\nmore\n";
  ASSERT_EQ(text[(1u << 20) - 1], '\r');
  Conversation c = Parse(text);
  ASSERT_EQ(c.messages.size(), 2u);
  EXPECT_EQ(c.messages[1].text, "two\nmore");
  EXPECT_EQ(c.messages[0].span_end, (1u << 20) - 1);
}

TEST(ChatTest, DisplaySafeEscapesOverridesAndControls) {
  EXPECT_EQ(DisplaySafe("\xE2\x80\xAEgpj.exe\x07", false), "<U+202E>gpj.exe<0x07>");
  EXPECT_EQ(DisplaySafe("a\nb", true), "a\nb");
  EXPECT_EQ(DisplaySafe("a\nb", false), "a<0x0A>b");
}

TEST(ChatTest, ZoneOffsets) {
  EXPECT_EQ(*ParseZoneOffset("+08:00"), 480);
  EXPECT_EQ(*ParseZoneOffset("-0530"), -330);
  EXPECT_EQ(*ParseZoneOffset("Z"), 0);
  EXPECT_FALSE(ParseZoneOffset("Europe/Berlin").ok());
  EXPECT_FALSE(ParseZoneOffset("+25:00").ok());
}

TEST(ChatTest, ManyNestedMimePartsStopAtTheLimit) {
  std::string mail =
      "From: a@b.c\r\nDate: Sun, 01 Mar 2026 14:05:00 +0100\r\nSubject: deep\r\n"
      "MIME-Version: 1.0\r\n";
  std::string tail;
  for (int i = 0; i < 1100; ++i) {
    mail += "Content-Type: multipart/mixed; boundary=\"b" + std::to_string(i) + "\"\r\n\r\n--b" +
            std::to_string(i) + "\r\n";
    tail = "\r\n--b" + std::to_string(i) + "--" + tail;
  }
  mail += "Content-Type: text/plain\r\n\r\nbottom" + tail + "\r\n";
  Conversation c = Parse(mail);
  EXPECT_EQ(c.info.format, "email");
  ASSERT_EQ(c.messages.size(), 1u);
  bool limited = false;
  for (const std::string& p : c.info.problems)
    limited |= p.find("1000 MIME parts") != std::string::npos;
  EXPECT_TRUE(limited) << ConversationJson(c);
}

}  // namespace
}  // namespace parcelproof
