// The fast paths of the chat parser and writer against plain references: the
// line reader's 16-byte scan, the JSON writer's escaping (checked with
// nlohmann), the cached time formatting, the sender cache, and the file and
// memory sources giving the same conversation.
#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "chat/chat_time.h"
#include "chat/line_reader.h"
#include "chat/whatsapp_header.h"
#include "core/file.h"
#include "parcelproof/chat.h"

namespace parcelproof {
namespace {

using Json = nlohmann::json;

struct RefLine {
  std::string text;
  uint64_t begin, end;
};

// Splits on "\r\n", "\n" and "\r" one byte at a time.
std::vector<RefLine> ReferenceLines(const std::string& s) {
  std::vector<RefLine> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != '\n' && s[i] != '\r') continue;
    if (i == s.size() && start == s.size()) break;
    out.push_back({s.substr(start, i - start), start, i});
    if (i + 1 < s.size() && s[i] == '\r' && s[i + 1] == '\n') ++i;
    start = i + 1;
  }
  return out;
}

std::vector<RefLine> ReaderLines(chat::ByteSource* source) {
  chat::LineReader reader(source);
  std::vector<RefLine> out;
  chat::Line line;
  while (reader.Next(&line)) out.push_back({std::string(line.text), line.begin, line.end});
  return out;
}

void ExpectSameLines(const std::vector<RefLine>& a, const std::vector<RefLine>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].text, b[i].text) << "line " << i;
    EXPECT_EQ(a[i].begin, b[i].begin) << "line " << i;
    EXPECT_EQ(a[i].end, b[i].end) << "line " << i;
  }
}

TEST(ChatFastTest, LineEndsAtEveryOffsetOfTheSixteenByteScan) {
  // Line lengths 0 to 40 (either side of 16 and 32), every terminator,
  // ASCII and two-byte letters, so that each end falls at each position of
  // a 16-byte block.
  const char* const kEnds[] = {"\n", "\r\n", "\r"};
  std::string s;
  for (int len = 0; len <= 40; ++len) {
    for (int e = 0; e < 3; ++e) {
      for (int k = 0; k < len; ++k) s += (k % 7 == 3) ? "\xC3\xA9" : "a";
      s += kEnds[e];
    }
  }
  s += "tail without terminator \xD0\x96";
  chat::MemorySource mem(s);
  ExpectSameLines(ReferenceLines(s), ReaderLines(&mem));
}

TEST(ChatFastTest, FileAndMemorySourcesReadTheSameLinesAcrossChunks) {
  // Random lines over several 64 KiB reads, with "\r\n" at chunk edges.
  std::mt19937 rng(7);
  std::string s;
  while (s.size() < 3 * chat::kReadChunk) {
    size_t len = rng() % 90;
    for (size_t k = 0; k < len; ++k) s += static_cast<char>('a' + rng() % 26);
    s += (rng() % 3 == 0) ? "\r\n" : (rng() % 2 ? "\n" : "\r");
  }
  s.replace(chat::kReadChunk - 1, 2, "\r\n");
  s.replace(2 * chat::kReadChunk - 1, 1, "\r");
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(std::fwrite(s.data(), 1, s.size(), f), s.size());
  std::rewind(f);
  chat::FileSource file(f);
  chat::MemorySource mem(s);
  std::vector<RefLine> expected = ReferenceLines(s);
  ExpectSameLines(expected, ReaderLines(&file));
  ExpectSameLines(expected, ReaderLines(&mem));
  std::fclose(f);
}

TEST(ChatFastTest, InvalidUtf8AfterAsciiRunsIsStillFound) {
  // An invalid byte at each position after 0 to 20 ASCII bytes.
  for (int before = 0; before <= 20; ++before) {
    std::string s = std::string(before, 'x') + "\xFF" + "y\n";
    chat::MemorySource mem(s);
    chat::LineReader reader(&mem);
    chat::Line line;
    ASSERT_TRUE(reader.Next(&line));
    EXPECT_EQ(line.text, std::string(before, 'x') + "\xEF\xBF\xBD" + "y");
    EXPECT_EQ(reader.invalid_sequences(), 1u);
    EXPECT_EQ(reader.first_invalid_offset(), static_cast<uint64_t>(before));
  }
}

TEST(ChatFastTest, JsonEscapingAgreesWithNlohmann) {
  // Every byte below 0x20, quotes, backslashes, DEL and multi-byte letters
  // at each position around the 16-byte blocks of the escape scan.
  std::vector<std::string> texts;
  const std::string kSpecial[] = {"\"", "\\", "\x7F", "\xC3\xA9", "\xE2\x80\xAE", "/"};
  for (int c = 0; c < 0x20; ++c) texts.push_back("a" + std::string(1, static_cast<char>(c)) + "b");
  for (const std::string& sp : kSpecial) {
    for (int at = 0; at <= 34; ++at) texts.push_back(std::string(at, 'x') + sp + "yz");
  }
  texts.push_back(std::string(100, 'q'));
  texts.push_back("");
  Conversation c;
  c.info.file = "tricky \"name\"\n";
  for (const std::string& t : texts) {
    ChatMessage m;
    m.text = t;
    m.sender = t.empty() ? "" : "S" + t;
    m.side = m.sender.empty() ? "" : "buyer";
    m.attachments = {t};
    c.messages.push_back(m);
  }
  Json j = Json::parse(ConversationJson(c));
  ASSERT_EQ(j["messages"].size(), texts.size());
  EXPECT_EQ(j["file"], c.info.file);
  for (size_t i = 0; i < texts.size(); ++i) {
    const Json& m = j["messages"][i];
    EXPECT_EQ(m["text"], texts[i]) << i;
    EXPECT_EQ(m["attachments"][0], texts[i]) << i;
    if (!texts[i].empty()) {
      EXPECT_EQ(m["sender"], "S" + texts[i]) << i;
    }
  }
}

std::string Reference(int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  return buf;
}

TEST(ChatFastTest, CachedTimeTextMatchesTheCalendar) {
  chat::TimeFormatter f;
  std::string out;
  std::mt19937_64 rng(3);
  int64_t t = 1600000000;
  for (int i = 0; i < 20000; ++i) {
    // Mostly small steps (same day), sometimes jumps back or far ahead.
    t += static_cast<int64_t>(rng() % 5000) - (rng() % 50 == 0 ? 400000 : 0);
    if (rng() % 100 == 0) t = static_cast<int64_t>(rng() % 4000000000ull);
    f.Format(t, false, 0, &out);
    ASSERT_EQ(out, Reference(t)) << t;
  }
  f.Format(86399, true, 0, &out);
  EXPECT_EQ(out, "1970-01-01T23:59:59Z");
  f.Format(0, true, -330, &out);
  EXPECT_EQ(out, "1970-01-01T00:00:00-05:30");
  f.Format(-1, true, 14 * 60, &out);
  EXPECT_EQ(out, "1969-12-31T23:59:59+14:00");
  EXPECT_EQ(chat::FormatWithOffset(0, 480), "1970-01-01T00:00:00+08:00");
}

// A line longer than kMaxLineBytes is cut the same way whether the bytes
// come from a file (read in chunks) or from memory (read in place), also
// when its end arrives in the chunk that crosses the limit.
TEST(ChatFastTest, LongLinesAreCutAlikeFromFileAndMemory) {
  for (size_t extra : {size_t{1}, size_t{5000}, chat::kReadChunk + 7, 2 * chat::kMaxLineBytes}) {
    std::string text = "13/1/26, 10:00 - A: ";
    text += std::string(chat::kMaxLineBytes + extra - text.size(), 'x');
    text += "\n13/1/26, 10:01 - B: end\n";
    std::string path = ::testing::TempDir() + "/chat_fast_long.txt";
    ASSERT_TRUE(WriteFile(path, text).ok());
    ChatOptions options;
    Result<Conversation> from_file = LoadConversation(path, options);
    ASSERT_TRUE(from_file.ok()) << from_file.status().ToString();
    Conversation from_bytes = LoadConversationBytes(text, path, options);
    ASSERT_EQ(from_bytes.messages.size(), 2u) << extra;
    EXPECT_EQ(from_bytes.messages[0].text.size(), chat::kMaxLineBytes - 20) << extra;
    EXPECT_EQ(from_bytes.messages[0].span_end, chat::kMaxLineBytes + extra) << extra;
    EXPECT_EQ(ConversationJson(*from_file), ConversationJson(from_bytes)) << extra;
    std::remove(path.c_str());
  }
}

TEST(ChatFastTest, SidesAndParticipantsBeyondTheSenderCache) {
  // Twelve senders (more than the cache holds), two of them the seller.
  std::string text;
  for (int i = 0; i < 48; ++i) {
    text += "01/02/21, 10:" + std::string(i < 10 ? "0" : "") + std::to_string(i) + " - P" +
            std::to_string(i % 12) + ": hi\n";
  }
  ChatOptions options;
  options.me = {"P3", "P11"};
  Conversation c = LoadConversationBytes(text, "x.txt", options);
  ASSERT_EQ(c.messages.size(), 48u);
  ASSERT_EQ(c.info.participants.size(), 12u);
  for (int i = 0; i < 12; ++i) EXPECT_EQ(c.info.participants[i], "P" + std::to_string(i));
  for (const ChatMessage& m : c.messages) {
    bool seller = m.sender == "P3" || m.sender == "P11";
    EXPECT_EQ(m.side, seller ? "seller" : "buyer") << m.sender;
  }
}

TEST(ChatFastTest, FileAndBytesGiveTheSameConversation) {
  std::string text =
      "\xEF\xBB\xBF"
      "12/31/21, 11:59\xE2\x80\xAFPM - Ann: a \"quoted\" line\r\n"
      "second line\r"
      "1/1/22, 12:00\xE2\x80\xAF"
      "AM - Bob: <Media omitted>\n"
      "1/1/22, 12:01\xE2\x80\xAF"
      "AM - Bob changed the group name\n"
      "1/13/22, 1:00\xE2\x80\xAFPM - Ann: IMG-1.jpg (file attached)\n";
  std::string path = ::testing::TempDir() + "/chat_fast_same.txt";
  ASSERT_TRUE(WriteFile(path, text).ok());
  ChatOptions options;
  Result<Conversation> from_file = LoadConversation(path, options);
  ASSERT_TRUE(from_file.ok()) << from_file.status().ToString();
  Conversation from_bytes = LoadConversationBytes(text, path, options);
  EXPECT_EQ(ConversationJson(*from_file), ConversationJson(from_bytes));
  ASSERT_EQ(from_bytes.messages.size(), 4u);
  EXPECT_EQ(from_bytes.messages[0].time, "2021-12-31T23:59:00");
  EXPECT_EQ(from_bytes.messages[0].text, "a \"quoted\" line\nsecond line");
  EXPECT_EQ(from_bytes.messages[2].side, "");
  EXPECT_EQ(from_bytes.messages[3].attachments, std::vector<std::string>{"IMG-1.jpg"});
  std::remove(path.c_str());
}

std::string Pick(std::mt19937* rng, const std::vector<std::string>& options) {
  return options[(*rng)() % options.size()];
}

// Decodes one sequence the slow way: its length when valid, else 0.
size_t ReferenceSequence(const std::string& s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (n == 0 || c > 0xF7 || i + n > s.size()) return 0;
  uint32_t cp = c & (0xFF >> (n + 1));
  for (size_t k = 1; k < n; ++k) {
    auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

bool ReferenceValid(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = ReferenceSequence(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

TEST(ChatFastTest, Utf8CheckAgreesWithAReferenceDecoder) {
  const unsigned char kNext[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
  int checked = 0;
  for (int lead = 0x80; lead <= 0xFF; ++lead) {
    for (unsigned char b1 : kNext) {
      for (unsigned char b2 : kNext) {
        for (unsigned char b3 : {0x80, 0x41}) {
          for (size_t pad : {0, 15, 17}) {  // before and across the 16-byte scan
            for (size_t len = 1; len <= 4; ++len) {
              std::string seq;
              seq += static_cast<char>(lead);
              seq += static_cast<char>(b1);
              seq += static_cast<char>(b2);
              seq += static_cast<char>(b3);
              std::string s =
                  std::string(pad, 'a') + seq.substr(0, len) + std::string(pad % 7, 'b');
              ASSERT_EQ(chat::IsValidUtf8(s), ReferenceValid(s))
                  << "lead " << lead << " b1 " << int(b1) << " b2 " << int(b2) << " pad " << pad;
              ++checked;
              if (pad == 0) continue;  // (the first bytes may read as a BOM)
              // A line reader repairs exactly the bytes the decoder rejects.
              uint64_t invalid = 0, first = 0;
              std::string repaired = chat::RepairUtf8(s, &invalid, &first);
              chat::MemorySource source(s);
              std::vector<RefLine> lines = ReaderLines(&source);
              std::string read;
              for (const RefLine& l : lines) read += l.text;
              std::string expected;
              for (const RefLine& l : ReferenceLines(repaired)) expected += l.text;
              ASSERT_EQ(read, expected) << "lead " << lead << " pad " << pad;
            }
          }
        }
      }
    }
  }
  EXPECT_GT(checked, 5000);
}

// Messages viewed in the bytes in memory and messages copied from a file
// read in chunks (and from "\r\n" or repaired lines) come out the same.
TEST(ChatFastTest, ViewedAndCopiedMessagesAgreeOnRandomExports) {
  std::mt19937 rng(10);
  const std::vector<std::string> kEnds = {"\n", "\n", "\n", "\r\n", "\r"};
  const std::vector<std::string> kTexts = {"plain text",
                                           "<Media omitted>",
                                           "This message was deleted",
                                           "IMG-1.jpg (file attached)",
                                           "<attached: 00000012-PHOTO.jpg>",
                                           "edited text <This message was edited>",
                                           "bad \xC3 byte",
                                           "\xE2\x80\x8E<attached: a.pdf>",
                                           "Pérez ok  ",
                                           ""};
  std::string path = ::testing::TempDir() + "/chat_fast_views.txt";
  for (int round = 0; round < 60; ++round) {
    std::string text;
    int messages = 1 + static_cast<int>(rng() % 30);
    for (int m = 0; m < messages; ++m) {
      text += "[1/" + std::to_string(1 + m % 28) + "/21, 7:5" + std::to_string(m % 10) +
              ":07\xE2\x80\xAFPM] " + Pick(&rng, {"Ann", "Carlos Pérez", "Bob"}) + ": " +
              Pick(&rng, kTexts);
      int extra = static_cast<int>(rng() % 3);
      for (int k = 0; k < extra; ++k) text += Pick(&rng, kEnds) + Pick(&rng, kTexts);
      text += Pick(&rng, kEnds);
    }
    if (rng() % 2 == 0) text.pop_back();
    ASSERT_TRUE(WriteFile(path, text).ok());
    ChatOptions options;
    Result<Conversation> from_file = LoadConversation(path, options);
    ASSERT_TRUE(from_file.ok()) << from_file.status().ToString();
    Conversation from_bytes = LoadConversationBytes(text, path, options);
    ASSERT_EQ(ConversationJson(*from_file), ConversationJson(from_bytes)) << "round " << round;
  }
  std::remove(path.c_str());
}

std::string Digits(std::mt19937* rng, int max) {
  std::string d;
  int n = 1 + static_cast<int>((*rng)() % max);
  for (int i = 0; i < n; ++i) d += static_cast<char>('0' + (*rng)() % 10);
  return d;
}

// The sender ends at the first ": " whatever its length (the colons of 16
// bytes at a time, then byte by byte).
TEST(ChatFastTest, SenderEndsAtTheFirstColonSpaceAtEveryLength) {
  for (size_t len = 1; len <= 40; ++len) {
    std::string name;
    for (size_t i = 0; i < len; ++i) name += (i % 5 == 2) ? ':' : static_cast<char>('a' + i % 26);
    for (const std::string& rest :
         {std::string(": hi: there"), std::string(":"), std::string(": ")}) {
      std::string text = "1/13/21, 10:00 - " + name + rest + "\n";
      Conversation c = LoadConversationBytes(text, "x.txt", ChatOptions());
      ASSERT_EQ(c.messages.size(), 1u);
      std::string body = name + rest;
      size_t colon = body.find(": ");
      if (colon == std::string::npos || colon == 0) {
        EXPECT_EQ(c.messages[0].sender, "") << body;
        EXPECT_EQ(c.messages[0].text, body);
      } else {
        EXPECT_EQ(c.messages[0].sender, body.substr(0, colon)) << body;
        EXPECT_EQ(c.messages[0].text, body.substr(colon + 2)) << body;
      }
    }
  }
}

TEST(ChatFastTest, FastHeaderPathAgreesWithTheGeneralParser) {
  // Header-like lines from the pieces phones write (and some they do not):
  // the fast path must give the general parser's answer on every one.
  std::mt19937 rng(11);
  // Phones' choices repeated so that most lines are headers.
  const std::vector<std::string> seps = {"/", "/", "/", ".", "-", ":", " "};
  const std::vector<std::string> gaps = {
      ", ",   ", ", ", ", ", ", ",", " ", ". ", ",\xC2\xA0", ", \xE4\xB8\x8B\xE5\x8D\x88",
      " um ", ""};
  const std::vector<std::string> clock_seps = {":", ":", ":", ".", ""};
  const std::vector<std::string> halves = {"",
                                           "",
                                           "",
                                           "",
                                           " AM",
                                           "\xE2\x80\xAFPM",
                                           " p. m.",
                                           " a.m.",
                                           " x",
                                           " pm",
                                           "\xE2\x80\xAF"
                                           "am",
                                           "AM",
                                           " AM.",
                                           " Am",
                                           " P",
                                           " M",
                                           " p.m.",
                                           " A. M.",
                                           " a.\xC2\xA0m.",
                                           "\xE2\x80\xAFp. m",
                                           " pm."};
  const std::vector<std::string> ends = {
      " - ", " - ", " - x: y", "] ", "] ", "] A: b", " -", " \xE2\x80\x93 ", "]", "  - ", ""};
  const std::vector<std::string> starts = {"", "", "", "[", "[", "\xE2\x80\x8E[", "\xE2\x80\x8E",
                                           " "};
  auto number = [&rng](int max) { return Digits(&rng, rng() % 8 == 0 ? max : 2); };
  int parsed = 0;
  for (int i = 0; i < 50000; ++i) {
    std::string line = Pick(&rng, starts) + number(5) + Pick(&rng, seps) + number(5) +
                       Pick(&rng, seps) + number(5) + Pick(&rng, gaps) + number(3) +
                       Pick(&rng, clock_seps) + number(3);
    if (rng() % 2) line += Pick(&rng, clock_seps) + number(3);
    line += Pick(&rng, halves) + Pick(&rng, ends);
    chat::WaHeader fast, general;
    bool a = chat::ParseWaHeader(line, &fast);
    bool b = chat::ParseWaHeaderGeneral(line, &general);
    ASSERT_EQ(a, b) << line;
    if (!a) continue;
    ++parsed;
    for (int k = 0; k < 3; ++k) {
      ASSERT_EQ(fast.number[k], general.number[k]) << line;
      ASSERT_EQ(fast.digits[k], general.digits[k]) << line;
    }
    ASSERT_EQ(fast.hour, general.hour) << line;
    ASSERT_EQ(fast.minute, general.minute) << line;
    ASSERT_EQ(fast.second, general.second) << line;
    ASSERT_EQ(fast.half, general.half) << line;
    ASSERT_EQ(fast.bracket, general.bracket) << line;
    ASSERT_EQ(fast.body, general.body) << line;
  }
  EXPECT_GT(parsed, 1000);  // the generator does make headers
}

}  // namespace
}  // namespace parcelproof
