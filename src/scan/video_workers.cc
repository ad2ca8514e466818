// ScanVideos: each video in a forked worker process of its own, so that a
// decoder that crashes or hangs costs that video only. The worker reports
// the duration first; the video may then take timeout + duration / 4
// seconds, at most ten times the timeout.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <thread>

#include "av/video_file.h"
#include "core/file.h"
#include "core/sha256.h"
#include "image/picture.h"
#include "scan/pipeline.h"
#include "scan/video_json.h"
#include "scan/video_scan.h"
#include "scan/worker_process.h"

namespace parcelproof {
namespace {

using Clock = std::chrono::steady_clock;

struct Worker {
  size_t index = 0;
  int fd = -1;
  Clock::time_point started;
  double limit_s = 0;
  double duration_s = 0;
  std::string pending;
  bool done = false;
};

[[noreturn]] void WorkerMain(const std::string& path, const VideoScanOptions& options, int fd) {
  EnterWorkerProcess(6ull << 30);
  VideoScanHooks hooks;
  hooks.abort_after_frames = options.debug_abort_after_frames;
  hooks.frame_delay_ms = options.debug_frame_delay_ms;
  hooks.on_duration = [fd](double d) { WriteAllToFd(fd, "DURATION " + std::to_string(d) + "\n"); };
  hooks.on_progress = [fd](double t) { WriteAllToFd(fd, "PROGRESS " + std::to_string(t) + "\n"); };
  VideoScan scan = ScanVideoInProcess(path, hooks);
  WriteAllToFd(fd, "RESULT " + VideoScanToJson(scan, true) + "\n");
  ::_exit(0);
}

class VideoPool {
 public:
  VideoPool(const std::vector<std::string>& paths, const VideoScanOptions& options)
      : paths_(paths), options_(options), results_(paths.size()) {
    jobs_ = options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  }

  std::vector<VideoScan> Run() {
    size_t next = 0;
    while (next < paths_.size() || !running_.empty()) {
      while (next < paths_.size() && static_cast<int>(running_.size()) < jobs_) Start(next++);
      Wait();
    }
    return std::move(results_);
  }

 private:
  void Fail(size_t index, const Status& status) {
    results_[index].file = paths_[index];
    if (results_[index].sha256.empty()) {
      Result<std::string> h = Sha256File(paths_[index]);
      if (h.ok()) results_[index].sha256 = *h;
    }
    results_[index].status = status.WithContext(paths_[index]);
  }

  void Start(size_t index) {
    int fds[2];
    pid_t pid = ::pipe2(fds, O_CLOEXEC) == 0 ? ::fork() : -2;
    if (pid < 0) {
      if (pid == -1) {
        ::close(fds[0]);
        ::close(fds[1]);
      }
      return Fail(index, Status::Internal("cannot start a worker process"));
    }
    if (pid == 0) {
      ::close(fds[0]);
      WorkerMain(paths_[index], options_, fds[1]);
    }
    ::close(fds[1]);
    Worker w;
    w.index = index;
    w.fd = fds[0];
    w.started = Clock::now();
    w.limit_s = options_.timeout_seconds;
    running_[pid] = w;
  }

  void OnLine(Worker* w, const std::string& line) {
    if (line.rfind("DURATION ", 0) == 0) {
      double d = std::atof(line.c_str() + 9);
      w->duration_s = d;
      w->limit_s = std::min(options_.timeout_seconds + d / 4, 10.0 * options_.timeout_seconds);
    } else if (line.rfind("PROGRESS ", 0) == 0 && options_.progress) {
      std::fprintf(stderr, "\r%s: %.0f of %.0f s scanned ", paths_[w->index].c_str(),
                   std::atof(line.c_str() + 9), w->duration_s);
    } else if (line.rfind("RESULT ", 0) == 0) {
      VideoScan scan;
      if (VideoScanFromJson(line.substr(7), &scan)) {
        results_[w->index] = std::move(scan);
      } else {
        Fail(w->index, Status::Internal("unreadable result from a worker"));
      }
      w->done = true;
    }
  }

  void Wait() {
    std::vector<pollfd> pfds;
    std::vector<pid_t> pids;
    for (auto& [pid, w] : running_) {
      pfds.push_back({w.fd, POLLIN, 0});
      pids.push_back(pid);
    }
    ::poll(pfds.data(), pfds.size(), 200);
    for (size_t i = 0; i < pfds.size(); ++i) {
      Worker& w = running_[pids[i]];
      if (pfds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
        char buf[65536];
        ssize_t n = ::read(w.fd, buf, sizeof buf);
        if (n > 0) {
          w.pending.append(buf, static_cast<size_t>(n));
          size_t start = 0, eol;
          while ((eol = w.pending.find('\n', start)) != std::string::npos) {
            OnLine(&w, w.pending.substr(start, eol - start));
            start = eol + 1;
          }
          w.pending.erase(0, start);
          continue;
        }
        if (n < 0 && errno == EINTR) continue;
        Reap(pids[i], false);
      } else if (std::chrono::duration<double>(Clock::now() - w.started).count() > w.limit_s) {
        Reap(pids[i], true);
      }
    }
  }

  void Reap(pid_t pid, bool timed_out) {
    Worker w = running_[pid];
    running_.erase(pid);
    if (timed_out) ::kill(pid, SIGKILL);
    int wstatus = 0;
    while (::waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
    }
    ::close(w.fd);
    if (options_.progress) std::fprintf(stderr, "\r\033[K");
    if (w.done) return;
    if (timed_out) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.0f", w.limit_s);
      return Fail(w.index, Status::Unsupported(std::string("scanning did not finish within ") +
                                               buf + " s (--timeout); stopped"));
    }
    Fail(w.index, Status::Corrupt("the video decoder crashed (" + DescribeExit(wstatus) + ")"));
  }

  const std::vector<std::string>& paths_;
  const VideoScanOptions& options_;
  std::vector<VideoScan> results_;
  std::map<pid_t, Worker> running_;
  int jobs_ = 1;
};

}  // namespace

bool IsVideoFile(const std::string& path) {
  Result<std::string> head = ReadFilePrefix(path, 16);
  return head.ok() && LooksLikeVideo(*head);
}

std::vector<VideoScan> ScanVideos(const std::vector<std::string>& paths,
                                  const VideoScanOptions& options) {
  if (paths.empty()) return {};
  DisableImageThreads();
  WarmUpVideoScan();
  return VideoPool(paths, options).Run();
}

}  // namespace parcelproof
