#include "timeline/mapped_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

namespace parcelproof {
namespace {

std::string TempFileOfSize(size_t size) {
  char path[] = "/tmp/pp-mapped-XXXXXX";
  int fd = ::mkstemp(path);
  EXPECT_GE(fd, 0);
  EXPECT_EQ(::ftruncate(fd, static_cast<off_t>(size)), 0);
  ::close(fd);
  return path;
}

TEST(MappedFileTest, MapsWholeFilesAndRefusesFolders) {
  std::string path = TempFileOfSize(10000);
  Result<MappedFile> f = MappedFile::Open(path);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->bytes().size(), 10000u);
  EXPECT_EQ(f->bytes()[9999], '\0');
  std::remove(path.c_str());
  EXPECT_EQ(MappedFile::Open("/tmp").status().code(), Status::Code::kUnsupported);
  EXPECT_EQ(MappedFile::Open(path).status().code(), Status::Code::kNotFound);
}

// Truncated by another program while mapped: one line naming the file and
// the input-error exit code, not a crash by SIGBUS.
TEST(MappedFileDeathTest, FileShrinkingWhileReadIsAnInputError) {
  std::string path = TempFileOfSize(1 << 20);
  auto shrink_then_read = [&] {
    Result<MappedFile> f = MappedFile::Open(path);
    if (!f.ok()) std::exit(9);
    if (::truncate(path.c_str(), 0) != 0) std::exit(8);
    volatile char c = f->bytes()[(1 << 20) - 1];
    (void)c;
    std::exit(0);
  };
  EXPECT_EXIT(shrink_then_read(), ::testing::ExitedWithCode(3), "shrank while being read");
  std::remove(path.c_str());
}

}  // namespace
}  // namespace parcelproof
