// ScanImages: every image is decoded in a forked worker process, so that a
// decoder that aborts (ZXing 1.4 asserts), crashes or hangs costs one step of
// one image, never the run. A worker reports each step before it runs it; a
// worker that dies is re-run without the step it died in.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <thread>

#include "image/picture.h"
#include "scan/pipeline.h"
#include "scan/scan_json.h"

namespace parcelproof {
namespace {

constexpr int kMaxRetries = 3;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

struct Task {
  size_t index;
  std::set<int> skip;
  std::vector<std::string> crash_notes;
};

struct Running {
  Task task;
  int fd;
  std::string out;
  std::chrono::steady_clock::time_point start;
};

void WriteAll(int fd, const std::string& s) {
  size_t done = 0;
  while (done < s.size()) {
    ssize_t w = ::write(fd, s.data() + done, s.size() - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return;
    done += static_cast<size_t>(w);
  }
}

[[noreturn]] void WorkerMain(const std::string& path, const ScanOptions& options, const Task& task,
                             int fd) {
  DisableImageThreads();
  if (!kSanitized) {
    struct rlimit lim = {4ull << 30, 4ull << 30};  // a decompression bomb fails, not the machine
    setrlimit(RLIMIT_AS, &lim);
    int devnull = ::open("/dev/null", O_WRONLY);
    if (devnull >= 0) ::dup2(devnull, 2);  // decoder chatter ("Corrupt JPEG data...")
  }
  PipelineHooks hooks;
  hooks.skip_steps = task.skip;
  hooks.on_step = [fd, &options](int step, const std::string& what) {
    WriteAll(fd, "STEP " + std::to_string(step) + " " + what + "\n");
    if (step == options.debug_abort_at_step) std::abort();
    while (step == options.debug_hang_at_step) ::pause();
  };
  ImageScan scan = RunPipeline(path, options, hooks);
  WriteAll(fd, "RESULT " + ImageScanToJson(scan) + "\n");
  ::_exit(0);
}

// The last "STEP n what" line of a worker's output.
bool LastStep(const std::string& out, int* step, std::string* what) {
  size_t p = out.rfind("STEP ");
  if (p == std::string::npos) return false;
  size_t eol = out.find('\n', p);
  std::string line = out.substr(p + 5, eol == std::string::npos ? std::string::npos : eol - p - 5);
  size_t sp = line.find(' ');
  *step = std::atoi(line.substr(0, sp).c_str());
  *what = sp == std::string::npos ? "" : line.substr(sp + 1);
  return *step > 0;
}

std::string DescribeExit(int wstatus) {
  if (WIFSIGNALED(wstatus)) {
    return std::string("signal ") + std::to_string(WTERMSIG(wstatus)) + " (" +
           strsignal(WTERMSIG(wstatus)) + ")";
  }
  return "exit status " + std::to_string(WEXITSTATUS(wstatus));
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
  void Start() {
    Task task = queue_.front();
    queue_.pop_front();
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return Finish(task, Status::Internal("cannot create a pipe"));
    pid_t pid = ::fork();
    if (pid < 0) {
      ::close(fds[0]);
      ::close(fds[1]);
      return Finish(task, Status::Internal("cannot start a worker process"));
    }
    if (pid == 0) {
      ::close(fds[0]);
      WorkerMain(paths_[task.index], options_, task, fds[1]);
    }
    ::close(fds[1]);
    running_[pid] = Running{task, fds[0], "", std::chrono::steady_clock::now()};
  }

  void Finish(const Task& task, const Status& status) {
    ImageScan& s = results_[task.index];
    s.file = paths_[task.index];
    s.status = status.WithContext(s.file);
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
          r.out.append(buf, static_cast<size_t>(n));
          continue;
        }
        if (n < 0 && errno == EINTR) continue;
        Reap(pids[i], false);
      } else if (std::chrono::steady_clock::now() - r.start >
                 std::chrono::seconds(options_.timeout_seconds)) {
        Reap(pids[i], true);
      }
    }
  }

  void Reap(pid_t pid, bool timed_out) {
    Running r = std::move(running_[pid]);
    running_.erase(pid);
    if (timed_out) ::kill(pid, SIGKILL);
    int wstatus = 0;
    while (::waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
    }
    ::close(r.fd);
    if (timed_out) {
      return Finish(r.task,
                    Status::Unsupported("decoding did not finish within " +
                                        std::to_string(options_.timeout_seconds) + " s; stopped"));
    }
    size_t res = r.out.rfind("RESULT ");
    ImageScan scan;
    if (res != std::string::npos && WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0 &&
        ImageScanFromJson(r.out.substr(res + 7), &scan)) {
      for (const std::string& note : r.task.crash_notes) scan.problems.push_back(note);
      results_[r.task.index] = std::move(scan);
      return;
    }
    Crashed(std::move(r), wstatus);
  }

  void Crashed(Running r, int wstatus) {
    int step;
    std::string what;
    if (!LastStep(r.out, &step, &what) || r.task.skip.size() >= kMaxRetries) {
      return Finish(r.task,
                    Status::Corrupt("the image decoder crashed (" + DescribeExit(wstatus) + ")"));
    }
    r.task.skip.insert(step);
    r.task.crash_notes.push_back("decoder crashed (" + DescribeExit(wstatus) + ") in step " +
                                 std::to_string(step) + " (" + what + "); that step was skipped");
    queue_.push_front(r.task);
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
  return Pool(paths, options).Run();
}

}  // namespace parcelproof
