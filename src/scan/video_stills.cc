// Stills: picking frames from a scan, and decoding them in a forked worker
// that streams "STILL <pick> <pts> <w> <h> <bytes>\n<jpeg>" records back.
#include "scan/video_stills.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include "av/av_version.h"
#include "av/video_file.h"
#include "core/file.h"
#include "core/media_time.h"
#include "core/sanitizer.h"
#include "image/codecs.h"
#include "image/picture.h"
#include "image/still_jpeg.h"

namespace parcelproof {
namespace {

constexpr int kGreyMaxSide = 64;  // the grey copy is not used; keep it small

// One still per tracking number: the best frame of the first symbol (in
// the scan's order: first seen, then text) that carries it.
void AddLabelStills(const VideoScan& scan, std::vector<StillPick>* out, std::set<int64_t>* frames) {
  std::set<std::string> numbers;
  for (const VideoBarcode& b : scan.barcodes) {
    if (b.barcode.tracking.empty() || b.best_frame < 0) continue;
    bool new_number = false;
    for (const TrackingCandidate& t : b.barcode.tracking) {
      new_number |= numbers.insert(t.number).second;
    }
    if (!new_number || !frames->insert(b.best_frame).second) continue;
    StillPick p;
    p.purpose = "label";
    p.frame = b.best_frame;
    p.time_s = b.best_time_s;
    p.has_barcode = true;
    p.barcode = b.barcode;
    out->push_back(p);
  }
}

void AddContentsStills(const VideoScan& scan, int n, std::vector<StillPick>* out,
                       std::set<int64_t>* frames) {
  if (n <= 0 || scan.duration_s <= 0) return;
  std::vector<StillPick> contents;
  for (int w = 0; w < n; ++w) {
    double from = scan.duration_s * w / n, to = scan.duration_s * (w + 1) / n;
    const FrameSample* best = nullptr;
    for (const FrameSample& s : scan.samples) {
      if (s.frame < 0 || s.time_s < from - 1e-9 || s.time_s >= to - 1e-9) continue;
      if (best == nullptr || s.sharpness > best->sharpness) best = &s;
    }
    if (best == nullptr || !frames->insert(best->frame).second) continue;
    StillPick p;
    p.purpose = "contents";
    p.frame = best->frame;
    p.time_s = best->time_s;
    out->push_back(p);
  }
}

// The worker: decodes every picked frame and writes the records to fd.
[[noreturn]] void StillsWorker(const std::string& path, const std::vector<StillPick>& picks,
                               int fd) {
  DisableImageThreads();
  if (!kUnderAddressSanitizer) {
    struct rlimit lim = {6ull << 30, 6ull << 30};
    setrlimit(RLIMIT_AS, &lim);
  }
  Result<std::unique_ptr<VideoFile>> file = VideoFile::Open(path);
  if (!file.ok() || !(*file)->Index().ok()) {
    WriteAllToFd(fd, "ERROR cannot open the video again for stills\n");
    ::_exit(0);
  }
  const std::vector<int64_t>& order = (*file)->presentation();
  std::map<int64_t, std::vector<size_t>> wanted;  // pts -> picks
  for (size_t i = 0; i < picks.size(); ++i) {
    if (picks[i].frame >= 0 && picks[i].frame < static_cast<int64_t>(order.size())) {
      wanted[order[static_cast<size_t>(picks[i].frame)]].push_back(i);
    }
  }
  DecodeRequest req;
  for (const auto& [pts, unused] : wanted) req.targets.push_back(pts);
  req.colour = true;
  req.max_side = kGreyMaxSide;
  WriteAllToFd(fd, "DECODER " + DecoderDescription((*file)->info().codec) + "\n");
  Status s = (*file)->Decode(req, [&](const VideoFrame& f) {
    auto it = wanted.find(f.pts);
    if (it == wanted.end()) return true;
    Result<std::string> jpeg = EncodeStillJpeg(f.rgb);
    if (!jpeg.ok()) return true;
    for (size_t i : it->second) {
      WriteAllToFd(fd, "STILL " + std::to_string(i) + " " + std::to_string(f.pts) + " " +
                           std::to_string(f.rgb.width) + " " + std::to_string(f.rgb.height) + " " +
                           std::to_string(jpeg->size()) + "\n" + *jpeg);
    }
    return true;
  });
  if (!s.ok()) WriteAllToFd(fd, "ERROR " + s.ToString() + "\n");
  ::_exit(0);
}

// Reads everything the worker writes, until it closes the pipe or the
// time is up. False on timeout.
bool ReadAll(int fd, double timeout_s, std::string* out) {
  auto start = std::chrono::steady_clock::now();
  char buf[1 << 16];
  for (;;) {
    double left =
        timeout_s - std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (left <= 0) return false;
    pollfd p = {fd, POLLIN, 0};
    int r = ::poll(&p, 1, static_cast<int>(std::min(left * 1000, 1000.0)) + 1);
    if (r < 0 && errno != EINTR) return true;
    if (r <= 0) continue;
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return true;
    out->append(buf, static_cast<size_t>(n));
  }
}

void ParseRecords(const std::string& data, const std::vector<StillPick>& picks,
                  std::vector<VideoStill>* stills, std::vector<std::string>* problems) {
  std::string decoder;
  std::map<size_t, VideoStill> got;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t eol = data.find('\n', pos);
    if (eol == std::string::npos) break;
    std::string line = data.substr(pos, eol - pos);
    pos = eol + 1;
    if (line.rfind("DECODER ", 0) == 0) {
      decoder = line.substr(8);
    } else if (line.rfind("ERROR ", 0) == 0) {
      problems->push_back("stills: " + line.substr(6));
    } else if (line.rfind("STILL ", 0) == 0) {
      unsigned long long index = 0, size = 0;
      long long pts = 0;
      int w = 0, h = 0;
      if (std::sscanf(line.c_str() + 6, "%llu %lld %d %d %llu", &index, &pts, &w, &h, &size) != 5 ||
          index >= picks.size() || size > data.size() - pos) {
        break;
      }
      VideoStill s{picks[index], pts, w, h, decoder, data.substr(pos, size)};
      pos += size;
      got.emplace(index, std::move(s));
    }
  }
  for (size_t i = 0; i < picks.size(); ++i) {
    auto it = got.find(i);
    if (it != got.end()) {
      stills->push_back(std::move(it->second));
    } else {
      problems->push_back("stills: frame " + std::to_string(picks[i].frame) + " at " +
                          MediaClock(picks[i].time_s) + " could not be decoded");
    }
  }
}

}  // namespace

std::vector<StillPick> PickStills(const VideoScan& scan, int contents) {
  std::vector<StillPick> out;
  std::set<int64_t> frames;
  AddLabelStills(scan, &out, &frames);
  AddContentsStills(scan, contents, &out, &frames);
  return out;
}

Result<std::vector<VideoStill>> ExtractStills(const std::string& path,
                                              const std::vector<StillPick>& picks, double timeout_s,
                                              std::vector<std::string>* problems) {
  std::vector<VideoStill> stills;
  if (picks.empty()) return stills;
  LoadImageCodecs();  // inherited by the worker
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return Status::Internal("stills: cannot create a pipe");
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return Status::Internal("stills: cannot start a worker process");
  }
  if (pid == 0) {
    ::close(fds[0]);
    StillsWorker(path, picks, fds[1]);
  }
  ::close(fds[1]);
  std::string data;
  bool finished = ReadAll(fds[0], timeout_s, &data);
  ::close(fds[0]);
  if (!finished) ::kill(pid, SIGKILL);
  int wstatus = 0;
  while (::waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  ParseRecords(data, picks, &stills, problems);
  if (!finished && stills.empty()) {
    return Status::Unsupported(path + ": stills were not decoded within the time limit");
  }
  if (WIFSIGNALED(wstatus) && stills.empty()) {
    return Status::Corrupt(path + ": the video decoder crashed while decoding stills (signal " +
                           std::to_string(WTERMSIG(wstatus)) + ")");
  }
  return stills;
}

}  // namespace parcelproof
