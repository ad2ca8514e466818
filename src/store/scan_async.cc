#include "store/scan_async.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <exception>

#include "core/file.h"
#include "scan/scan_json.h"

namespace parcelproof::store {
namespace {

[[noreturn]] void CoordinatorMain(const std::vector<std::string>& paths, const ScanOptions& options,
                                  int fd) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  std::vector<ImageScan> scans = ScanImages(paths, options);
  for (const ImageScan& s : scans) {
    std::string json = ImageScanToJson(s);
    WriteAllToFd(fd, std::to_string(json.size()) + "\n" + json);
  }
  ::close(fd);
  ::_exit(0);
}

// Splits "<len>\n<json>..." frames; false when malformed.
bool ParseFrames(const std::string& data, std::vector<ImageScan>* out) {
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string::npos) return false;
    size_t len = std::stoul(data.substr(pos, nl - pos));
    if (nl + 1 + len > data.size()) return false;
    ImageScan scan;
    if (!ImageScanFromJson(data.substr(nl + 1, len), &scan)) return false;
    out->push_back(std::move(scan));
    pos = nl + 1 + len;
  }
  return true;
}

}  // namespace

AsyncScan::~AsyncScan() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  if (fd_ >= 0) ::close(fd_);
}

void AsyncScan::Start(const std::vector<std::string>& paths, const ScanOptions& options) {
  paths_ = paths;
  options_ = options;
  if (paths.empty()) return;
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return;
  std::fflush(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    CoordinatorMain(paths, options, fds[1]);
  }
  ::close(fds[1]);
  if (pid < 0) {
    ::close(fds[0]);
    return;
  }
  pid_ = pid;
  fd_ = fds[0];
}

std::vector<ImageScan> AsyncScan::Collect() {
  std::vector<ImageScan> scans;
  if (paths_.empty()) return scans;
  bool ok = false;
  if (pid_ > 0) {
    std::string data;
    char buf[65536];
    for (;;) {
      ssize_t n = ::read(fd_, buf, sizeof(buf));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      data.append(buf, static_cast<size_t>(n));
    }
    ::close(fd_);
    fd_ = -1;
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    try {
      ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && ParseFrames(data, &scans) &&
           scans.size() == paths_.size();
    } catch (const std::exception&) {
      ok = false;
    }
  }
  if (!ok) scans = ScanImages(paths_, options_);  // the coordinator failed: scan here
  return scans;
}

}  // namespace parcelproof::store
