// One decoded video frame read by the photo Decoder (in tiles when it is
// large), and several frames read on threads of their own while the
// decoder goes on: the worker side of the video scan.
#ifndef PARCELPROOF_SCAN_VIDEO_FRAMES_H_
#define PARCELPROOF_SCAN_VIDEO_FRAMES_H_

#include <array>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "av/video_file.h"
#include "parcelproof/scan.h"
#include "scan/video_scan.h"

namespace parcelproof {

struct FrameHit {
  Barcode barcode;   // corners in upright full-size frame pixels
  double sharpness;  // inside the symbol's bounding box
  double area;       // outline as a fraction of the frame
};

struct FrameResult {
  int64_t pts = 0;
  double time_s = 0;
  int64_t index = -1;
  std::vector<uint8_t> thumb;  // 16x9 samples of the picture (visual cuts)
  double sharpness = 0;        // of the whole picture (every 4th pixel)
  std::vector<FrameHit> hits;
  int regions = 0;  // regions the decoder located as 1-D bars (read or not)
};

// Reads one frame; full_width is the upright frame's width (corners are
// scaled to it). delay_ms: tests of the time limit.
FrameResult ScanFrame(const VideoFrame& frame, int full_width, int delay_ms);

// Frames handed over with Add() are read by `threads` threads (at most
// `queue` frames waiting); Results() waits for them and returns the results
// so far in presentation order (the pool takes more frames after it: one
// pool, one set of threads and their memory, for several passes); Finish()
// also stops the threads.
class FramePool {
 public:
  FramePool(int threads, size_t queue, int full_width, int delay_ms);
  ~FramePool();
  FramePool(const FramePool&) = delete;
  FramePool& operator=(const FramePool&) = delete;
  void Add(VideoFrame frame);
  std::map<int64_t, FrameResult> Results();
  std::map<int64_t, FrameResult> Finish();

 private:
  void Work();
  const size_t queue_;
  const int full_width_;
  const int delay_ms_;
  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<VideoFrame> todo_;
  std::map<int64_t, FrameResult> done_;
  int reading_ = 0;  // frames taken by a thread and not done yet
  bool closed_ = false;
  std::vector<std::thread> threads_;
};

// The bounding box of corners (divided by scale) in grey-picture pixels,
// clamped to the picture: x0, y0, x1, y1.
std::array<int, 4> BoxOf(const std::array<PointF, 4>& corners, double scale, const GrayPixels& g);

}  // namespace parcelproof

#endif  // PARCELPROOF_SCAN_VIDEO_FRAMES_H_
