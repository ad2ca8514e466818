// Reading decoded video frames: the photo Decoder on the frame and, when it
// is large, on overlapping tiles; frames read on threads while decoding
// goes on (results kept by presentation time, so output does not depend on
// which thread read what).
#include "scan/video_frames.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <utility>

#include "scan/decoder.h"
#include "scan/image_source.h"

namespace parcelproof {
namespace {

constexpr int kTileSide = 2400;  // frames with a longer side are read in tiles too

double QuadArea(const std::array<PointF, 4>& q) {
  double a = 0;
  for (int i = 0; i < 4; ++i) a += q[i].x * q[(i + 1) % 4].y - q[(i + 1) % 4].x * q[i].y;
  return std::fabs(a) / 2;
}

std::vector<uint8_t> Thumb(const GrayPixels& g) {
  std::vector<uint8_t> t(16 * 9);
  for (int ty = 0; ty < 9; ++ty) {
    for (int tx = 0; tx < 16; ++tx) {
      int x = (2 * tx + 1) * g.width / 32, y = (2 * ty + 1) * g.height / 18;
      t[ty * 16 + tx] = g.data[static_cast<size_t>(y) * g.width + x];
    }
  }
  return t;
}

// The symbols of one picture (corners in its pixels) through the photo
// Decoder. Frames larger than kTileSide are also read in overlapping tiles
// of about 1920x1080: the decoder locates symbols on a copy of at most 1200
// pixels, where a label that is small in a 4K frame would be lost.
// *regions counts the regions located as 1-D bars, whether they read or
// not (2-D proposals are not counted: any busy texture is one).
std::vector<Barcode> ScanPicture(const GrayPixels& g, int* regions) {
  PipelineHooks hooks;
  hooks.skip_last_resorts = true;
  hooks.on_step = [regions](int /*step*/, const std::string& what) {
    if (what == kLocatedLinearStep) ++*regions;
  };
  auto scan = [&hooks](const uint8_t* data, int w, int h, int stride, double dx, double dy,
                       std::vector<Barcode>* out) {
    ImageScan image;
    ImageSource source("", ImageHeader{ImageKind::kPng, w, h}, 1);
    source.SetBaseForTesting(Picture::FromGray(data, w, h, stride));
    Decoder(hooks, &image).Run(&source);
    for (Barcode& b : image.barcodes) {
      bool known = false;
      for (const Barcode& o : *out) known |= o.format == b.format && o.text == b.text;
      if (known) continue;
      for (PointF& p : b.corners) p = {p.x + dx, p.y + dy};
      out->push_back(std::move(b));
    }
  };
  std::vector<Barcode> out;
  scan(g.data.data(), g.width, g.height, g.width, 0, 0, &out);
  int nx = (g.width + kTileSide - 1) / kTileSide, ny = (g.height + kTileSide - 1) / kTileSide;
  nx = std::max(nx, g.width > kTileSide ? 2 : 1);
  ny = std::max(ny, g.height > kTileSide ? 2 : 1);
  if (nx * ny == 1) return out;
  int tw = std::min(g.width, g.width / nx + g.width / 8),
      th = std::min(g.height, g.height / ny + g.height / 8);
  for (int ty = 0; ty < ny; ++ty) {
    for (int tx = 0; tx < nx; ++tx) {
      int x = nx == 1 ? 0 : (g.width - tw) * tx / (nx - 1);
      int y = ny == 1 ? 0 : (g.height - th) * ty / (ny - 1);
      scan(g.data.data() + static_cast<size_t>(y) * g.width + x, tw, th, g.width, x, y, &out);
    }
  }
  return out;
}

}  // namespace

std::array<int, 4> BoxOf(const std::array<PointF, 4>& corners, double scale, const GrayPixels& g) {
  double x0 = 1e9, y0 = 1e9, x1 = -1, y1 = -1;
  for (const PointF& p : corners) {
    x0 = std::min(x0, p.x / scale), y0 = std::min(y0, p.y / scale);
    x1 = std::max(x1, p.x / scale), y1 = std::max(y1, p.y / scale);
  }
  auto clamp = [](double v, int hi) { return std::clamp(static_cast<int>(v), 0, hi); };
  return {clamp(x0, g.width), clamp(y0, g.height), clamp(x1, g.width), clamp(y1, g.height)};
}

double Sharpness(const GrayPixels& g, int x0, int y0, int x1, int y1, int step) {
  double sum = 0;
  int64_t n = 0;
  for (int y = std::max(y0, 1); y < std::min(y1, g.height - 1); y += step) {
    const uint8_t* r = &g.data[static_cast<size_t>(y) * g.width];
    for (int x = std::max(x0, 1); x < std::min(x1, g.width - 1); x += step) {
      int lap = 4 * r[x] - r[x - 1] - r[x + 1] - r[x - g.width] - r[x + g.width];
      sum += static_cast<double>(lap) * lap;
      ++n;
    }
  }
  return n > 0 ? sum / static_cast<double>(n) : 0;
}

FrameResult ScanFrame(const VideoFrame& frame, int full_width, int delay_ms) {
  FrameResult r;
  r.pts = frame.pts;
  r.time_s = frame.time_s;
  r.index = frame.index;
  const GrayPixels& g = frame.gray;
  r.thumb = Thumb(g);
  r.sharpness = Sharpness(g, 0, 0, g.width, g.height, 4);
  double scale = static_cast<double>(full_width) / g.width;
  for (Barcode& b : ScanPicture(g, &r.regions)) {
    std::array<int, 4> box = BoxOf(b.corners, 1.0, g);
    double sharp = Sharpness(g, box[0], box[1], box[2], box[3], 1);
    double area = QuadArea(b.corners) / (static_cast<double>(g.width) * g.height);
    for (PointF& p : b.corners) p = {p.x * scale, p.y * scale};
    r.hits.push_back({std::move(b), sharp, area});
  }
  if (delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
  return r;
}

FramePool::FramePool(int threads, size_t queue, int full_width, int delay_ms)
    : queue_(queue), full_width_(full_width), delay_ms_(delay_ms) {
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Work(); });
}

FramePool::~FramePool() { Finish(); }

void FramePool::Add(VideoFrame frame) {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [this] { return todo_.size() < queue_; });
  todo_.push_back(std::move(frame));
  changed_.notify_all();
}

void FramePool::Work() {
  for (;;) {
    VideoFrame frame;
    {
      std::unique_lock<std::mutex> lock(mu_);
      changed_.wait(lock, [this] { return closed_ || !todo_.empty(); });
      if (todo_.empty()) return;
      frame = std::move(todo_.front());
      todo_.pop_front();
      ++reading_;
      changed_.notify_all();
    }
    FrameResult r = ScanFrame(frame, full_width_, delay_ms_);
    std::lock_guard<std::mutex> lock(mu_);
    done_[r.pts] = std::move(r);
    --reading_;
    changed_.notify_all();
  }
}

std::map<int64_t, FrameResult> FramePool::Results() {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [this] { return todo_.empty() && reading_ == 0; });
  return std::exchange(done_, {});
}

std::map<int64_t, FrameResult> FramePool::Finish() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
  }
  changed_.notify_all();
  for (std::thread& t : threads_) t.join();
  threads_.clear();
  return std::move(done_);
}

}  // namespace parcelproof
