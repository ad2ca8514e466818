#include <gtest/gtest.h>

#include <string>

#include "mov_builder.h"
#include "video/mp4_box.h"
#include "video/video_reader.h"

namespace parcelproof {
namespace {

using testing::IphoneMov;
using testing::MovBe;
using testing::MovBox;
using testing::MovFile;
using testing::MovItem;
using testing::MovKeys;
using testing::MovMeta;

const std::vector<std::string> kOneKey = {"com.apple.quicktime.creationdate"};

std::string Problems(const VideoTimes& v) {
  std::string all;
  for (const std::string& p : v.problems) all += p + "\n";
  return all;
}

// A MOV whose moov holds only the given meta box body pieces.
VideoTimes ReadMeta(const std::string& keys_body, const std::string& ilst_body) {
  return ReadVideoTimes(MovFile(MovMeta(keys_body, ilst_body)));
}

TEST(QuickTimeMetaTest, IphoneCreationDateBesideMvhd) {
  VideoTimes v = ReadVideoTimes(IphoneMov("2026-03-03T11:00:00+0800"));
  EXPECT_EQ(v.container, "MP4");
  EXPECT_EQ(v.quicktime_creation_date, "2026-03-03T11:00:00+08:00");
  EXPECT_EQ(v.creation_time, "2026-03-03T03:00:05Z");
  EXPECT_EQ(v.creation_source, "mvhd");
  EXPECT_TRUE(v.problems.empty()) << Problems(v);
}

TEST(QuickTimeMetaTest, IsoFullBoxMetaAndOtherHandlers) {
  std::string hdlr = MovBe(0, 8) + "mdta" + std::string(13, '\0');
  std::string full = MovBe(0, 4) + MovBox("hdlr", hdlr) + MovBox("keys", MovKeys(1, kOneKey)) +
                     MovBox("ilst", MovItem(1, "2026-03-03T11:00:00Z"));
  VideoTimes v = ReadVideoTimes(MovFile(MovBox("meta", full)));
  EXPECT_EQ(v.quicktime_creation_date, "2026-03-03T11:00:00Z") << Problems(v);
  VideoTimes mdir = ReadVideoTimes(
      MovFile(MovMeta(MovKeys(1, kOneKey), MovItem(1, "2026-03-03T11:00:00Z"), "mdir")));
  EXPECT_TRUE(mdir.quicktime_creation_date.empty());
  EXPECT_EQ(Problems(mdir), "MP4 has no mvhd box\n");
}

TEST(QuickTimeMetaTest, DateFormsGolden) {
  const std::pair<const char*, const char*> cases[] = {
      {"2026-03-03T11:00:00+0800", "2026-03-03T11:00:00+08:00"},
      {"2026-03-03T11:00+0800", "2026-03-03T11:00:00+08:00"},
      {"2026-03-03T11:00:00+08:00", "2026-03-03T11:00:00+08:00"},
      {"2026-03-03T11:00-05:30", "2026-03-03T11:00:00-05:30"},
      {"2026-03-03T03:00:00Z", "2026-03-03T03:00:00Z"},
      {"2026-03-03T11:00:00.123-0330", "2026-03-03T11:00:00.123-03:30"},
      {"2026-03-03T11:00:00", ""},            // no zone
      {"2026-03-03 11:00:00+0800", ""},       // space
      {"2026-13-03T11:00:00+0800", ""},       // month 13
      {"2026-02-30T11:00:00+0800", ""},       // 30 February
      {"2026-03-03T24:00:00+0800", ""},       // hour 24
      {"2026-03-03T11:00:00+2500", ""},       // offset +25:00
      {"2026-03-03T11:00:00+08", ""},         // short zone
      {"2026-03-03T11:00:00.+0800", ""},      // empty fraction
      {"2026-03-03T11:00:00+0800 junk", ""},  // trailing text
      {"2026:03:03 11:00:00", ""},            // EXIF form
      {"", ""},
  };
  for (const auto& [text, expected] : cases) {
    std::string out, why;
    bool ok = video::NormaliseQuickTimeDate(text, &out, &why);
    EXPECT_EQ(ok, *expected != '\0') << text << ": " << why;
    EXPECT_EQ(ok ? out : "", expected) << text;
    EXPECT_EQ(why.empty(), ok) << text;
  }
}

TEST(QuickTimeMetaTest, BadDateIsAProblem) {
  VideoTimes v = ReadVideoTimes(IphoneMov("2026-13-03T11:00:00+0800"));
  EXPECT_TRUE(v.quicktime_creation_date.empty());
  EXPECT_EQ(v.creation_time, "2026-03-03T03:00:05Z");
  EXPECT_EQ(Problems(v),
            "QuickTime metadata: creationdate '2026-13-03T11:00:00+0800' is not a valid date, "
            "time or zone\n");
}

struct BadCase {
  const char* name;
  std::string keys, ilst;
  const char* problem;
  bool date_read = false;  // the problem does not stop the date being read
};

TEST(QuickTimeMetaTest, MalformedMetadataGivesProblems) {
  const std::string date = "2026-03-03T11:00:00+0800";
  const std::string key = kOneKey[0];
  const BadCase cases[] = {
      {"keys box truncated", MovBe(0, 4) + "\x01", MovItem(1, date), "keys box truncated"},
      {"key runs past the box", MovBe(0, 4) + MovBe(1, 4) + MovBe(200, 4) + "mdta" + key,
       MovItem(1, date), "key 1 runs past the keys box"},
      {"key size below 8", MovBe(0, 4) + MovBe(1, 4) + MovBe(4, 4) + "mdta", MovItem(1, date),
       "key 1 runs past the keys box"},
      {"absurd key count", MovKeys(0xFFFFFFFFu, kOneKey), MovItem(1, date),
       "keys box declares 4294967295 keys but holds 1", true},
      {"index out of range", MovKeys(1, kOneKey), MovItem(7, date),
       "ilst item refers to key 7 of 1"},
      {"index zero", MovKeys(1, kOneKey), MovItem(0, date), "ilst item refers to key 0 of 1"},
      {"data atom too short", MovKeys(1, kOneKey), MovBox(MovBe(1, 4), MovBox("data", MovBe(1, 4))),
       "creationdate data atom too short"},
      {"no data atom", MovKeys(1, kOneKey), MovBox(MovBe(1, 4), MovBox("name", date)),
       "creationdate has no data atom"},
      {"not UTF-8 type", MovKeys(1, kOneKey), MovItem(1, date, 13),
       "creationdate is not UTF-8 text (data type 13)"},
      {"invalid UTF-8", MovKeys(1, kOneKey), MovItem(1, "2026-03-03T11:00:00\xC3\x28+0800"),
       "creationdate is not valid UTF-8"},
      {"ilst item truncated", MovKeys(1, kOneKey), MovBe(500, 4) + MovBe(1, 4) + date,
       "in ilst runs past its end"},
      {"no value for the key", MovKeys(1, kOneKey), "", "creationdate key has no value in ilst"},
  };
  for (const BadCase& c : cases) {
    VideoTimes v = ReadMeta(c.keys, c.ilst);
    EXPECT_EQ(v.quicktime_creation_date.empty(), !c.date_read) << c.name;
    EXPECT_NE(Problems(v).find(c.problem), std::string::npos) << c.name << ":\n" << Problems(v);
  }
}

TEST(QuickTimeMetaTest, OutOfRangeItemsAreReportedOnceAndSkipped) {
  std::string ilst = MovItem(9, "x") + MovItem(8, "y") + MovItem(1, "2026-03-03T11:00+0800");
  VideoTimes v = ReadMeta(MovKeys(1, kOneKey), ilst);
  EXPECT_EQ(v.quicktime_creation_date, "2026-03-03T11:00:00+08:00");
  EXPECT_EQ(Problems(v),
            "MP4 has no mvhd box\nQuickTime metadata: ilst item refers to key 9 of 1\n");
}

// Every prefix and every byte corrupted: no crash, no hang, only valid dates.
TEST(QuickTimeMetaTest, SurvivesEveryTruncationAndByteFlip) {
  std::string file = IphoneMov("2026-03-03T11:00:00+0800");
  for (size_t n = 0; n <= file.size(); ++n) ReadVideoTimes(file.substr(0, n));
  for (size_t i = 0; i < file.size(); ++i) {
    for (unsigned char b : {0x00, 0xFF, 0x01, 0x80, 0x7F}) {
      std::string bad = file;
      bad[i] = static_cast<char>(b);
      VideoTimes v = ReadVideoTimes(bad);
      if (!v.quicktime_creation_date.empty()) {
        std::string out, why;
        EXPECT_TRUE(video::NormaliseQuickTimeDate(v.quicktime_creation_date, &out, &why))
            << v.quicktime_creation_date;
      }
    }
  }
}

}  // namespace
}  // namespace parcelproof
