// ScanImages: images are decoded in forked worker processes (a few images
// each), so that a decoder that aborts (ZXing 1.4 asserts), crashes or hangs
// costs one step of one image, never the run. A worker reports each step
// before it runs it; an image whose worker died is re-run alone without the
// step it died in, and the images the worker had not begun are handed out
// again.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <thread>

#include "core/file.h"
#include "image/picture.h"
#include "scan/pipeline.h"
#include "scan/scan_json.h"
#include "scan/worker_process.h"

namespace parcelproof {
namespace {

constexpr int kMaxRetries = 3;

struct Task {
  size_t index;
  std::set<int> skip;
  std::vector<std::string> crash_notes;
};

// A worker process and the images it was given, decoded one after another.
struct Running {
  std::vector<Task> batch;
  size_t results = 0;  // tasks finished, in order
  bool busy = false;   // batch[results] has begun
  int last_step = 0;
  std::string last_what;
  int fd = -1;
  std::string pending;  // bytes after the last complete line
  std::chrono::steady_clock::time_point started;
};

// Protocol, one line each: "BEGIN", "STEP n what" before every decoder step,
// "RESULT <json>" per image.
[[noreturn]] void WorkerMain(const std::vector<std::string>& paths, const ScanOptions& options,
                             const std::vector<Task>& batch, int fd) {
  EnterWorkerProcess(4ull << 30);
  for (const Task& task : batch) {
    WriteAllToFd(fd, "BEGIN\n");
    PipelineHooks hooks;
    hooks.skip_steps = task.skip;
    hooks.on_step = [fd, &options](int step, const std::string& what) {
      WriteAllToFd(fd, "STEP " + std::to_string(step) + " " + what + "\n");
      if (step == options.debug_abort_at_step) std::abort();
      while (step == options.debug_hang_at_step) ::pause();
    };
    ImageScan scan = RunPipeline(paths[task.index], options, hooks);
    WriteAllToFd(fd, "RESULT " + ImageScanToJson(scan) + "\n");
  }
  ::_exit(0);
}

class Pool {
 public:
  Pool(const std::vector<std::string>& paths, const ScanOptions& options)
      : paths_(paths), options_(options), results_(paths.size()) {
    for (size_t i = 0; i < paths.size(); ++i) queue_.push_back({i, {}, {}});
    jobs_ = options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  }

  std::vector<ImageScan> Run() {
    while (!queue_.empty() || !running_.empty()) {
      while (!queue_.empty() && static_cast<int>(running_.size()) < jobs_) Start();
      Wait();
    }
    return std::move(results_);
  }

 private:
  // Up to 32 images per worker, and a share of what is left, so that the
  // workers end together. Each fork costs its worker fresh heap pages and
  // copies of the pages it writes (OCR engines' buffers): on the 200-photo
  // OCR bench, batches of 32 instead of 8 took a third fewer page faults.
  std::vector<Task> TakeBatch() {
    size_t n = std::clamp<size_t>(queue_.size() / jobs_, 1, 32);
    std::vector<Task> batch;
    while (batch.size() < n && !queue_.empty()) {
      batch.push_back(std::move(queue_.front()));
      queue_.pop_front();
      if (!batch.back().skip.empty()) break;  // a retried image runs alone
    }
    return batch;
  }

  void Start() {
    std::vector<Task> batch = TakeBatch();
    int fds[2];
    pid_t pid = ::pipe2(fds, O_CLOEXEC) == 0 ? ::fork() : -2;
    if (pid < 0) {
      if (pid == -1) {
        ::close(fds[0]);
        ::close(fds[1]);
      }
      for (const Task& t : batch) Finish(t, Status::Internal("cannot start a worker process"));
      return;
    }
    if (pid == 0) {
      ::close(fds[0]);
      WorkerMain(paths_, options_, batch, fds[1]);
    }
    ::close(fds[1]);
    Running r;
    r.batch = std::move(batch);
    r.fd = fds[0];
    r.started = std::chrono::steady_clock::now();
    running_[pid] = std::move(r);
  }

  void Finish(const Task& task, const Status& status) {
    ImageScan& s = results_[task.index];
    s.file = paths_[task.index];
    s.status = status.WithContext(s.file);
  }

  void OnLine(Running* r, const std::string& line) {
    if (line == "BEGIN") {
      r->busy = true;
      r->last_step = 0;
      r->started = std::chrono::steady_clock::now();
    } else if (line.rfind("STEP ", 0) == 0) {
      size_t sp = line.find(' ', 5);
      r->last_step = std::atoi(line.substr(5, sp - 5).c_str());
      r->last_what = sp == std::string::npos ? "" : line.substr(sp + 1);
    } else if (line.rfind("RESULT ", 0) == 0 && r->results < r->batch.size()) {
      const Task& task = r->batch[r->results];
      ImageScan scan;
      if (ImageScanFromJson(line.substr(7), &scan)) {
        for (const std::string& note : task.crash_notes) scan.problems.push_back(note);
        results_[task.index] = std::move(scan);
      } else {
        Finish(task, Status::Internal("unreadable result from a worker"));
      }
      ++r->results;
      r->busy = false;
    }
  }

  void Consume(Running* r, const char* data, size_t n) {
    r->pending.append(data, n);
    size_t start = 0, eol;
    while ((eol = r->pending.find('\n', start)) != std::string::npos) {
      OnLine(r, r->pending.substr(start, eol - start));
      start = eol + 1;
    }
    r->pending.erase(0, start);
  }

  void Wait() {
    std::vector<pollfd> pfds;
    std::vector<pid_t> pids;
    for (auto& [pid, r] : running_) {
      pfds.push_back({r.fd, POLLIN, 0});
      pids.push_back(pid);
    }
    ::poll(pfds.data(), pfds.size(), 200);
    for (size_t i = 0; i < pfds.size(); ++i) {
      Running& r = running_[pids[i]];
      if (pfds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
        char buf[65536];
        ssize_t n = ::read(r.fd, buf, sizeof buf);
        if (n > 0) {
          Consume(&r, buf, static_cast<size_t>(n));
          continue;
        }
        if (n < 0 && errno == EINTR) continue;
        Reap(pids[i], false);
      } else if (r.busy && std::chrono::steady_clock::now() - r.started >
                               std::chrono::seconds(options_.timeout_seconds)) {
        Reap(pids[i], true);
      }
    }
  }

  // The worker is gone (or is killed now): the image it was on failed, the
  // images it had not begun go back to the front of the queue.
  void Reap(pid_t pid, bool timed_out) {
    Running r = std::move(running_[pid]);
    running_.erase(pid);
    if (timed_out) ::kill(pid, SIGKILL);
    int wstatus = 0;
    while (::waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
    }
    ::close(r.fd);
    size_t next = r.results;
    // A worker that died before beginning anything must not loop forever.
    bool stalled = r.results == 0 && !r.busy && !timed_out;
    if (next < r.batch.size() && (r.busy || timed_out || stalled)) {
      Task& task = r.batch[next++];
      if (timed_out) {
        Finish(task, Status::Unsupported("decoding did not finish within " +
                                         std::to_string(options_.timeout_seconds) + " s; stopped"));
      } else {
        Crashed(std::move(task), r.last_step, r.last_what, wstatus);
      }
    }
    for (size_t k = r.batch.size(); k > next; --k) queue_.push_front(std::move(r.batch[k - 1]));
  }

  void Crashed(Task task, int step, const std::string& what, int wstatus) {
    if (step <= 0 || task.skip.size() >= kMaxRetries) {
      return Finish(task,
                    Status::Corrupt("the image decoder crashed (" + DescribeExit(wstatus) + ")"));
    }
    task.skip.insert(step);
    task.crash_notes.push_back("decoder crashed (" + DescribeExit(wstatus) + ") in step " +
                               std::to_string(step) + " (" + what + "); that step was skipped");
    queue_.push_front(std::move(task));
  }

  const std::vector<std::string>& paths_;
  const ScanOptions& options_;
  std::vector<ImageScan> results_;
  std::deque<Task> queue_;
  std::map<pid_t, Running> running_;
  int jobs_ = 1;
};

}  // namespace

std::vector<ImageScan> ScanImages(const std::vector<std::string>& paths,
                                  const ScanOptions& options) {
  // No photos (a scan of videos only): no OCR and decoder warm-up either.
  if (paths.empty()) return {};
  // Initialised once here, so that each forked worker inherits the decoders
  // ready. OpenCV must not start its thread pool before the fork: a child
  // would wait forever on threads it does not have.
  DisableImageThreads();
  WarmUpPipeline(paths, options.read_address);
  return Pool(paths, options).Run();
}

}  // namespace parcelproof
