// The two binaries (README "Start-up"): the light `parcelproof` links none of
// the heavy libraries and hands the media verbs to parcelproof-media, found
// next to it (the build tree) or in the install layout.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <string>
#include <utility>
#include <vector>

#include "cli_runner.h"

namespace parcelproof::testing {
namespace {

// Verbs the front end runs itself, and verbs it hands over.
const char* const kFrontVerbs[] = {"keygen", "verify", "init", "orders", "show",
                                   "export", "log",    "fsck", "chat"};
const char* const kMediaVerbs[] = {"scan",   "check",   "bundle",  "upload-set",
                                   "ingest", "inspect", "timeline"};

std::string BuildDir() {
  std::string cli = PP_CLI_PATH;
  return cli.substr(0, cli.rfind('/'));
}

std::string MediaPath() { return BuildDir() + "/parcelproof-media"; }

// The NEEDED entries of an ELF file's dynamic section (readelf -d).
std::vector<std::string> Needed(const std::string& binary) {
  CliRun r = RunProgram("readelf", {"-d", binary});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> out;
  for (size_t at = 0; (at = r.out.find("(NEEDED)", at)) != std::string::npos; ++at) {
    size_t open = r.out.find('[', at), close = r.out.find(']', open);
    out.push_back(r.out.substr(open + 1, close - open - 1));
  }
  return out;
}

bool IsHeavy(const std::string& lib) {
  for (const char* heavy : {"libavformat", "libavcodec", "libavutil", "libswscale", "libtesseract",
                            "liblept", "libopencv", "libZXing", "libgmime", "libglib", "libgobject",
                            "libpango", "libcairo", "libheif"}) {
    if (lib.rfind(heavy, 0) == 0) return true;
  }
  return false;
}

// Copies file to path, executable.
void CopyExecutable(const std::string& file, const std::string& path) {
  WriteFileOrDie(path, ReadFileOrDie(file));
  ASSERT_EQ(::chmod(path.c_str(), 0755), 0) << path;
}

TEST(StartupCliTest, FrontEndLinksNoHeavyLibrary) {
  if (!HaveProgram("readelf")) GTEST_SKIP() << "readelf (binutils) not installed";
  std::vector<std::string> front = Needed(PP_CLI_PATH);
  ASSERT_FALSE(front.empty());
  for (const std::string& lib : front) EXPECT_FALSE(IsHeavy(lib)) << lib;
  // The check itself sees heavy libraries where they are.
  int heavy = 0;
  for (const std::string& lib : Needed(MediaPath())) heavy += IsHeavy(lib);
  EXPECT_GE(heavy, 5);
}

TEST(StartupCliTest, EveryMediaVerbAnswersHelpThroughTheFrontEnd) {
  for (const char* verb : kMediaVerbs) {
    CliRun r = RunCli({verb, "--help"});
    EXPECT_EQ(r.exit_code, 0) << verb << ": " << r.err;
    EXPECT_NE(r.out.find(std::string("parcelproof ") + verb), std::string::npos) << r.out;
  }
}

TEST(StartupCliTest, WithoutTheMediaBinaryOnlyTheFrontVerbsRun) {
  TempDir tmp;
  CopyExecutable(PP_CLI_PATH, tmp.File("parcelproof"));
  for (const char* verb : kFrontVerbs) {
    CliRun r = RunProgram(tmp.File("parcelproof"), {verb, "--help"});
    EXPECT_EQ(r.exit_code, 0) << verb << ": " << r.err;
  }
  for (const char* verb : kMediaVerbs) {
    CliRun r = RunProgram(tmp.File("parcelproof"), {verb, "--help"});
    EXPECT_EQ(r.exit_code, 4) << verb;
    EXPECT_NE(r.err.find("cannot run parcelproof-media"), std::string::npos) << r.err;
  }
  std::string chats = std::string(PP_SOURCE_DIR) + "/tests/golden/chat/";
  EXPECT_EQ(RunProgram(tmp.File("parcelproof"), {"chat", chats + "android_de.txt"}).exit_code, 0);
  // E-mail is read through GMime: the media binary's job, before any output.
  for (const char* mail : {"email.eml", "mailbox.mbox"}) {
    CliRun r =
        RunProgram(tmp.File("parcelproof"), {"chat", chats + "android_de.txt", chats + mail});
    EXPECT_EQ(r.exit_code, 4) << mail;
    EXPECT_EQ(r.out, "") << mail;
  }
}

TEST(StartupCliTest, MailChatsRunInTheMediaBinary) {
  std::string chats = std::string(PP_SOURCE_DIR) + "/tests/golden/chat/";
  CliRun r = RunCli({"chat", "--json", chats + "android_de.txt", chats + "email.eml"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"email\""), std::string::npos);
  EXPECT_NE(r.out.find("\"whatsapp-android\""), std::string::npos);
}

TEST(StartupCliTest, InstallLayoutFindsTheMediaBinary) {
  TempDir tmp;
  ASSERT_EQ(::mkdir(tmp.File("bin").c_str(), 0755), 0);
  ASSERT_EQ(::mkdir(tmp.File("libexec").c_str(), 0755), 0);
  ASSERT_EQ(::mkdir(tmp.File("libexec/parcelproof").c_str(), 0755), 0);
  CopyExecutable(PP_CLI_PATH, tmp.File("bin/parcelproof"));
  CopyExecutable(MediaPath(), tmp.File("libexec/parcelproof/parcelproof-media"));
  CliRun r = RunProgram(tmp.File("bin/parcelproof"), {"scan", "--help"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("parcelproof scan"), std::string::npos);
  r = RunProgram(tmp.File("bin/parcelproof"), {"scan", tmp.File("missing.jpg")});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("missing.jpg"), std::string::npos) << r.err;
}

// The media verbs run with glibc's huge-page tunable (media_exec.cc), added
// to what the user set, never overriding a hugetlb value of theirs. A stand-in
// media binary prints the environment it was given.
TEST(StartupCliTest, MediaVerbsRunWithHugePagesUnlessTheUserChoseOtherwise) {
  TempDir tmp;
  CopyExecutable(PP_CLI_PATH, tmp.File("parcelproof"));
  WriteFileOrDie(tmp.File("parcelproof-media"),
                 "#!/bin/sh\nprintf '%s|%s' \"$1\" \"${GLIBC_TUNABLES-unset}\"\n");
  ASSERT_EQ(::chmod(tmp.File("parcelproof-media").c_str(), 0755), 0);
  const std::pair<std::vector<std::string>, std::string> cases[] = {
      {{}, "scan|glibc.malloc.hugetlb=1"},
      {{"GLIBC_TUNABLES=glibc.malloc.arena_max=2"},
       "scan|glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1"},
      {{"GLIBC_TUNABLES=glibc.malloc.hugetlb=0"}, "scan|glibc.malloc.hugetlb=0"},
  };
  for (const auto& [env, expected] : cases) {
    CliRun r = RunProgram(tmp.File("parcelproof"), {"scan", "x.jpg"}, env);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, expected);
  }
}

}  // namespace
}  // namespace parcelproof::testing
