#include "archive/zip_writer.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

#include "archive/zip_reader.h"
#include "core/sha256.h"
#include "package_fixture.h"

namespace parcelproof::archive {
namespace {

TEST(ZipWriter, DosTimeIsUtcAndClamped) {
  uint16_t d = 0, t = 0;
  DosDateTime(1772712000, &d, &t);  // 2026-03-05T12:00:00Z
  EXPECT_EQ(d, ((2026 - 1980) << 9) | (3 << 5) | 5);
  EXPECT_EQ(t, 12 << 11);
  DosDateTime(0, &d, &t);
  EXPECT_EQ(d, (1 << 5) | 1);  // 1980-01-01
}

TEST(ZipWriter, WritesSortedEntriesThatTheStrictReaderAccepts) {
  testing::TempDir dir;
  std::string big(3 << 20, 'v');
  for (size_t i = 0; i < big.size(); i += 4096) big[i] = static_cast<char>(i / 4096);
  testing::WriteBytes(dir.File("big.bin"), big);
  ZipWriter w(1772712000);
  w.AddBytes("z/last.txt", "last", true);
  w.AddFile("a/big.bin", dir.File("big.bin"), big.size(), Sha256Hex(big), false);
  w.AddBytes("m/mid.txt", std::string(10000, 'm'), true);
  ASSERT_TRUE(w.WriteTo(dir.File("o.zip")).ok());
  ZipLayout layout = InspectZip(dir.File("o.zip"));
  ASSERT_TRUE(layout.problems.empty()) << layout.problems[0].message;
  ASSERT_EQ(layout.entries.size(), 3u);
  EXPECT_EQ(layout.entries[0].name, "a/big.bin");
  EXPECT_EQ(layout.entries[0].method, 0);
  EXPECT_EQ(layout.entries[2].method, 8);
  auto reader = ZipReader::Open(dir.File("o.zip"));
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(*(*reader)->ReadAll(layout.entries[0], 1 << 30), big);
  EXPECT_EQ((*reader)->ReadAll(layout.entries[0], 10).status().code(), Status::Code::kUnsupported);
}

TEST(ZipWriter, FailsWithoutOutputWhenASourceChangesSize) {
  testing::TempDir dir;
  testing::WriteBytes(dir.File("f"), "12345");
  ZipWriter w(0);
  w.AddFile("f", dir.File("f"), 4, "", false);
  Status st = w.WriteTo(dir.File("o.zip"));
  EXPECT_EQ(st.code(), Status::Code::kCorrupt) << st.ToString();
  EXPECT_TRUE(testing::ReadBytes(dir.File("o.zip")).empty());
  ZipWriter dup(0);
  dup.AddBytes("x", "1", false);
  dup.AddBytes("x", "2", false);
  EXPECT_EQ(dup.WriteTo(dir.File("d.zip")).code(), Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace parcelproof::archive

namespace parcelproof::archive {
namespace {

TEST(ZipWriter, EntryTimesAreUtcFieldsEvenInADaylightSavingGap) {
  testing::TempDir dir;
  const char* old_tz = std::getenv("TZ");
  std::string saved = old_tz ? old_tz : "";
  ::setenv("TZ", "America/New_York", 1);  // 2026-03-08 02:30 local does not exist
  ::tzset();
  ZipWriter w(1772937000);  // 2026-03-08T02:30:00Z
  w.AddBytes("a.txt", "a", false);
  Status st = w.WriteTo(dir.File("o.zip"));
  if (old_tz)
    ::setenv("TZ", saved.c_str(), 1);
  else
    ::unsetenv("TZ");
  ::tzset();
  ASSERT_TRUE(st.ok()) << st.ToString();
  std::string bytes = testing::ReadBytes(dir.File("o.zip"));
  uint16_t d = 0, t = 0;
  DosDateTime(1772937000, &d, &t);
  EXPECT_EQ(t, (2 << 11) | (30 << 5));
  auto u16 = [&](size_t o) {
    return static_cast<uint16_t>(static_cast<unsigned char>(bytes[o]) |
                                 static_cast<unsigned char>(bytes[o + 1]) << 8);
  };
  EXPECT_EQ(u16(10), t);
  EXPECT_EQ(u16(12), d);
  ZipLayout layout = InspectZip(dir.File("o.zip"));
  ASSERT_EQ(layout.entries.size(), 1u);
  EXPECT_EQ(u16(layout.entries[0].central_offset + 12), t);
}

}  // namespace
}  // namespace parcelproof::archive
