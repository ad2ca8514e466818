// Crash safety of ingest: SIGKILL at random moments, at least 50 times.
// After each kill, fsck must be clean and every item that ingest reported
// "stored" before the kill must be in the store with its hash.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <random>
#include <set>
#include <string>

#include "cli_runner.h"
#include "core/sha256.h"
#include "parcelproof/store.h"
#include "synthetic_label.h"

namespace parcelproof {
namespace {

using testing::ReadFileOrDie;
using testing::RunCli;
using testing::TempDir;
using testing::WriteFileOrDie;

constexpr int kKills = 50;
constexpr int kFilesPerRun = 6;

// Starts `parcelproof ingest dir --store store` with stdout on a non-blocking pipe.
pid_t StartIngest(const std::string& dir, const std::string& store, int* out_fd) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], 1);
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 2);
    close(fds[0]);
    execl(PP_CLI_PATH, PP_CLI_PATH, "ingest", dir.c_str(), "--store", store.c_str(), "--jobs", "2",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  fcntl(fds[0], F_SETFL, O_NONBLOCK);
  *out_fd = fds[0];
  return pid;
}

std::string Drain(int fd) {
  std::string out;
  char buf[4096];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof(buf));
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  return out;
}

// Paths that the output reports as stored ("stored     <hash12> <path> (...").
std::set<std::string> StoredPaths(const std::string& out) {
  std::set<std::string> paths;
  size_t pos = 0;
  while ((pos = out.find("stored     ", pos)) != std::string::npos) {
    size_t start = pos + 11 + 13;
    size_t end = out.find(" (", start);
    size_t eol = out.find('\n', start);
    if (end != std::string::npos && eol != std::string::npos && end < eol) {
      paths.insert(out.substr(start, end - start));
    }
    pos = start;
  }
  return paths;
}

// Files whose bytes differ in every run: small JPEGs (a trailing run
// marker after the end-of-image marker) and text notes.
void WriteRunFiles(const std::string& dir, int run, const std::string& jpeg) {
  mkdir(dir.c_str(), 0755);
  for (int i = 0; i < kFilesPerRun; ++i) {
    std::string tag = "run " + std::to_string(run) + " file " + std::to_string(i);
    if (i % 3 == 2) {
      WriteFileOrDie(dir + "/note" + std::to_string(i) + ".txt", tag + "\n");
    } else {
      WriteFileOrDie(dir + "/photo" + std::to_string(i) + ".jpg", jpeg + tag);
    }
  }
}

TEST(StoreCrashTest, SigkillAtRandomMomentsLeavesAConsistentStore) {
  TempDir tmp;
  std::string store = tmp.File("store");
  ASSERT_EQ(RunCli({"init", "--store", store}).exit_code, 0);
  testing::WriteSyntheticLabel(tmp.File("base.jpg"), 320, 200,
                               {{"Code128", "RR123456785NL", 20, 40, 280, 100}}, 0);
  std::string jpeg = ReadFileOrDie(tmp.File("base.jpg"));

  // One uninterrupted run tells how long a run takes.
  WriteRunFiles(tmp.File("run-full"), 1000, jpeg);
  auto t0 = std::chrono::steady_clock::now();
  ASSERT_EQ(RunCli({"ingest", tmp.File("run-full"), "--store", store}).exit_code, 0);
  double full_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();

  std::mt19937 rng(20260301);
  // Up to 1.3 runs long: most runs die mid-way, some finish and report what
  // they stored (a slow build, e.g. under sanitizers, must not kill them all
  // before their first line).
  std::uniform_real_distribution<double> when(0.0, full_ms * 1.3);
  std::map<std::string, std::string> reported;  // sha256 -> path
  int killed_mid_run = 0;
  for (int run = 0; killed_mid_run < kKills && run < 4 * kKills; ++run) {
    std::string dir = tmp.File("run-" + std::to_string(run));
    WriteRunFiles(dir, run, jpeg);
    int fd = -1;
    pid_t pid = StartIngest(dir, store, &fd);
    ASSERT_GT(pid, 0);
    usleep(static_cast<useconds_t>(when(rng) * 1000));
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == 0) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      ++killed_mid_run;
    }
    for (const std::string& path : StoredPaths(Drain(fd))) {
      reported[Sha256Hex(ReadFileOrDie(path))] = path;
    }
    testing::CliRun fsck = RunCli({"fsck", "--store", store});
    ASSERT_EQ(fsck.exit_code, 0) << "after kill " << run << ":\n" << fsck.out << fsck.err;
  }
  EXPECT_EQ(killed_mid_run, kKills);

  std::unique_ptr<Clock> clock = MakeFixedClock(0);
  Store::Options options;
  options.clock = clock.get();
  options.read_only = true;
  auto opened = Store::Open(store, options);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  for (const auto& [sha, path] : reported) {
    auto item = (*opened)->GetItem(sha);
    EXPECT_TRUE(item.ok()) << path << " was reported stored but is missing";
    auto blob = (*opened)->BlobPath(sha);
    ASSERT_TRUE(blob.ok());
    EXPECT_EQ(Sha256Hex(ReadFileOrDie(*blob)), sha);
  }
  EXPECT_GT(reported.size(), 0u);
}

}  // namespace
}  // namespace parcelproof
