#include <gtest/gtest.h>

#include <string>

#include "mov_builder.h"
#include "video/mp4_box.h"
#include "video/video_reader.h"

namespace parcelproof {
namespace {

using testing::MovBox;
using testing::MovFile;
using testing::MovMvhd;

const std::string kXmpUuid("\xBE\x7A\xCF\xCB\x97\xA9\x42\xE8\x9C\x71\x99\x94\x91\xE3\xAF\xAC", 16);
const uint64_t kMvhd1904 = 1772506805ull + 2082844800ull;  // 2026-03-03T03:00:05Z

std::string Packet(const std::string& description) {
  return "<?xpacket begin='\xEF\xBB\xBF' id='W5M0MpCehiHzreSzNTczkc9d'?>"
         "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
         "xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
         "<rdf:Description rdf:about='' xmlns:xmp='http://ns.adobe.com/xap/1.0/'" +
         description + "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end='w'?>";
}

// A MOV with mvhd and the packet in a top-level uuid box after moov.
std::string UuidMov(const std::string& packet) {
  return MovFile(MovMvhd(kMvhd1904, 1000)) + MovBox("uuid", kXmpUuid + packet);
}

std::string UdtaMov(const std::string& packet) {
  return MovFile(MovMvhd(kMvhd1904, 1000) + MovBox("udta", MovBox("XMP_", packet)));
}

TEST(Mp4XmpTest, AttributeAndElementForms) {
  VideoTimes a = ReadVideoTimes(UuidMov(Packet(" xmp:CreateDate=\"2026-03-03T11:00:00+08:00\">")));
  EXPECT_EQ(a.xmp_create_date, "2026-03-03T11:00:00+08:00");
  EXPECT_TRUE(a.problems.empty()) << a.problems[0];
  VideoTimes e =
      ReadVideoTimes(UdtaMov(Packet("><xmp:CreateDate>2026-03-03T11:00Z</xmp:CreateDate>")));
  EXPECT_EQ(e.xmp_create_date, "2026-03-03T11:00:00Z");
  EXPECT_TRUE(e.problems.empty()) << e.problems[0];
  VideoTimes q = ReadVideoTimes(UuidMov(Packet(" xmp:CreateDate = '2026-03-03T11:00:00-0330'>")));
  EXPECT_EQ(q.xmp_create_date, "2026-03-03T11:00:00-03:30");
}

TEST(Mp4XmpTest, UnusableValuesAreProblems) {
  const std::pair<std::string, const char*> cases[] = {
      {" xmp:CreateDate='2026-03-03T11:00:00'>",
       "XMP: CreateDate '2026-03-03T11:00:00' is not an ISO 8601 date with a zone"},
      {" xmp:CreateDate='2026-03-03'>", "XMP: CreateDate '2026-03-03' is not an ISO 8601 date"},
      {" xmp:CreateDate='2026-03-03T11:00:00+08:00", "XMP: xmp:CreateDate has no readable value"},
      {" xmp:CreateDate=2026>", "XMP: xmp:CreateDate has no readable value"},
      {" xmp:CreateDate='" + std::string(100, '9') + "'>",
       "XMP: xmp:CreateDate has no readable value"},
  };
  for (const auto& [description, problem] : cases) {
    VideoTimes v = ReadVideoTimes(UuidMov(Packet(description)));
    EXPECT_TRUE(v.xmp_create_date.empty()) << description;
    ASSERT_EQ(v.problems.size(), 1u) << description;
    EXPECT_EQ(v.problems[0].rfind(problem, 0), 0u) << v.problems[0];
  }
}

TEST(Mp4XmpTest, OtherUuidsAndOddUdtaAreIgnored) {
  std::string other = MovFile(MovMvhd(kMvhd1904, 1000)) +
                      MovBox("uuid", std::string(16, 'x') + "xmp:CreateDate='2026-03-03T11:00Z'");
  VideoTimes v = ReadVideoTimes(other);
  EXPECT_TRUE(v.xmp_create_date.empty());
  EXPECT_TRUE(v.problems.empty());
  VideoTimes odd = ReadVideoTimes(
      MovFile(MovMvhd(kMvhd1904, 1000) + MovBox("udta", std::string("\0\0\x01\0name", 8))));
  EXPECT_TRUE(odd.problems.empty()) << odd.problems[0];
  EXPECT_EQ(odd.creation_time, "2026-03-03T03:00:05Z");
}

TEST(Mp4XmpTest, SurvivesEveryTruncationAndByteFlip) {
  std::string files[] = {UuidMov(Packet(" xmp:CreateDate='2026-03-03T11:00:00+08:00'>")),
                         UdtaMov(Packet("><xmp:CreateDate>2026-03-03T11:00Z</xmp:CreateDate>"))};
  for (const std::string& file : files) {
    for (size_t n = 0; n <= file.size(); ++n) ReadVideoTimes(file.substr(0, n));
    for (size_t i = 0; i < file.size(); ++i) {
      for (unsigned char b : {0x00, 0xFF, 0x27, 0x3C}) {
        std::string bad = file;
        bad[i] = static_cast<char>(b);
        VideoTimes v = ReadVideoTimes(bad);
        std::string out, why;
        if (!v.xmp_create_date.empty()) {
          EXPECT_TRUE(video::NormaliseQuickTimeDate(v.xmp_create_date, &out, &why));
        }
      }
    }
  }
}

}  // namespace
}  // namespace parcelproof
