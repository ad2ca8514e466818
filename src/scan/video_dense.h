// Dense reads of a video: frames between two coarse samples, each read
// once, through a window of decoded frames (the edge searches and the
// sharpest reads of video_refine.cc). A DenseLane is used by one thread;
// lanes on other threads have a VideoFile and a ReadState of their own,
// merged afterwards in a fixed order (results never depend on timing).
#ifndef PARCELPROOF_SCAN_VIDEO_DENSE_H_
#define PARCELPROOF_SCAN_VIDEO_DENSE_H_

#include <atomic>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "av/video_file.h"
#include "parcelproof/scan.h"
#include "scan/video_frames.h"

namespace parcelproof {

// What a coarse sample showed: the symbols read, and whether it located
// more 1-D bars than it read 1-D symbols.
struct Seen {
  std::set<std::string> read;
  bool unread_bars = false;
};

struct Hit {
  double time_s;
  int64_t pts;
  int64_t frame;
  Barcode barcode;
  double sharpness;
  double area;
  uint64_t order = 0;  // when it was recorded (lanes' hits are merged in this order)
};

// What the frames read so far read.
struct ReadState {
  std::map<std::string, std::vector<Hit>> hits;      // by format + text
  std::map<int64_t, std::set<std::string>> read;     // pts scanned -> symbols read there
  std::map<int64_t, std::set<std::string>> partial;  // dense pts read no further than these
  int scanned = 0;                                   // frames scanned
  size_t dense_scans = 0;                            // dense reads (at most max_dense)
  uint64_t next_order = 0;

  // Records what frame r read (again: a dense frame read a second time, in
  // full: only what is new).
  void Record(const FrameResult& r, bool again, const struct DenseContext& context);
};

// Shared by the lanes, unchanged while they run.
struct DenseContext {
  const std::vector<int64_t>* coarse = nullptr;   // pts of the coarse samples, sorted
  const std::map<int64_t, Seen>* seen = nullptr;  // what each showed
  int width = 0;                                  // upright frame size
  int height = 0;
  int delay_ms = 0;  // tests of the time limit
  size_t max_dense = 0;
  int abort_after = 0;                        // tests of crash containment
  std::atomic<int>* scanned_total = nullptr;  // every frame scanned, on any thread
};

// Frames are scanned at up to 4096 pixels on the long side, so that a small
// label in a 4K frame keeps its bars (the decoder detects on a reduced copy
// and reads regions from this picture).
constexpr int kScanMaxSide = 4096;

class DenseLane {
 public:
  DenseLane(VideoFile* file, const DenseContext* context, ReadState* state)
      : file_(file), context_(context), state_(state) {}

  // Makes frames [from, to] (presentation indices) the current window:
  // decoded frames outside it are dropped; the others are decoded the first
  // time one is asked for, all together when they fit in WindowFrames().
  void SetWindow(int64_t from, int64_t to);
  Status LoadWindow();
  std::map<int64_t, VideoFrame>& window() { return window_; }
  // The frames a window of decoded frames may hold.
  int64_t WindowFrames() const;
  // Whether the frame at presentation index `index` reads `key` (scanning it
  // once, from the window or decoded on its own).
  Result<bool> Reads(int64_t index, const std::string& key);
  // Reads(index, key) of each of `indices` (different frames) in turn; when
  // the frames to scan are all in the window, they are scanned at once, one
  // on another thread, and recorded in the same order.
  Status ReadAll(const std::vector<int64_t>& indices, const std::string& key);
  // Binary search of the first (or last) frame reading `key` between the
  // presentation indices lo and hi (exclusive; -1 and the frame count stand
  // for the ends): first: lo does not read it and hi does; last: the reverse.
  Status FindEdge(const std::string& key, int64_t lo, int64_t hi, bool first);
  int64_t IndexOf(int64_t pts) const;
  ReadState* state() { return state_; }
  VideoFile* file() { return file_; }

 private:
  std::set<std::string> Expected(int64_t pts, const std::string& key) const;

  VideoFile* file_;
  const DenseContext* context_;
  ReadState* state_;
  std::map<int64_t, VideoFrame> window_;  // decoded frames of the current window
  int64_t from_ = 0, to_ = -1;            // the window's presentation indices
  bool loaded_ = false;
};

}  // namespace parcelproof

#endif  // PARCELPROOF_SCAN_VIDEO_DENSE_H_
