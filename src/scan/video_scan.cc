// Sampling strategy (README "scan of videos"): a coarse pass over frames
// 0.5 s apart (1 s beyond 2 min; key frames only when they are that dense,
// which lets the decoder skip every other frame), each read by the photo
// Decoder; then every frame in the windows around the first and last
// sighting and the sharpest sighting of each symbol, so that first/last
// seen and the best frame are exact to the frame.
#include "scan/video_scan.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "av/video_file.h"
#include "core/sha256.h"
#include "scan/decoder.h"
#include "scan/video_continuity.h"

namespace parcelproof {
namespace {

constexpr int kScanMaxSide = 1920;
constexpr double kShortVideoS = 120;
constexpr size_t kMaxDenseFrames = 1500;

struct Hit {
  double time_s;
  int64_t pts;
  int64_t frame;
  Barcode barcode;
  double sharpness;
  double area;
};

double QuadArea(const std::array<PointF, 4>& q) {
  double a = 0;
  for (int i = 0; i < 4; ++i) a += q[i].x * q[(i + 1) % 4].y - q[(i + 1) % 4].x * q[i].y;
  return std::fabs(a) / 2;
}

class VideoScanner {
 public:
  VideoScanner(VideoFile* file, VideoScan* out, const VideoScanHooks& hooks)
      : file_(file), out_(out), hooks_(hooks) {}
  Status Run();

 private:
  std::vector<int64_t> CoarseTargets(bool* keys_only) const;
  bool OnFrame(const VideoFrame& frame, bool coarse);
  std::vector<int64_t> DenseTargets() const;
  void AddWindow(double from_s, double to_s, std::set<int64_t>* out) const;
  void Assemble();

  VideoFile* file_;
  VideoScan* out_;
  const VideoScanHooks& hooks_;
  double step_ = 0.5;
  std::map<std::string, std::vector<Hit>> hits_;  // by format + text
  std::set<int64_t> scanned_;
  std::vector<int64_t> coarse_;               // pts sampled in the coarse pass
  std::vector<std::vector<uint8_t>> thumbs_;  // 16x9 means of coarse frames
};

std::vector<int64_t> VideoScanner::CoarseTargets(bool* keys_only) const {
  const std::vector<int64_t>& pres = file_->presentation();
  std::vector<double> key_times;
  for (const PacketFact& p : file_->packets())
    if (p.key && !p.discard) key_times.push_back(file_->Seconds(p.pts));
  std::sort(key_times.begin(), key_times.end());
  std::vector<double> gaps;
  for (size_t i = 1; i < key_times.size(); ++i) gaps.push_back(key_times[i] - key_times[i - 1]);
  std::sort(gaps.begin(), gaps.end());
  double median_gap = gaps.empty() ? 1e9 : gaps[gaps.size() / 2];
  *keys_only = !gaps.empty() && median_gap <= step_ * 1.05 && gaps.back() <= step_ * 2.5;
  std::vector<int64_t> targets;
  double next = 0;
  for (int64_t pts : pres) {
    double t = file_->Seconds(pts);
    if (t + 1e-9 < next) continue;
    if (*keys_only && !std::binary_search(key_times.begin(), key_times.end(), t)) continue;
    targets.push_back(pts);
    next = t + step_ * (*keys_only ? 0.9 : 1.0);
  }
  return targets;
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

bool VideoScanner::OnFrame(const VideoFrame& frame, bool coarse) {
  if (!scanned_.insert(frame.pts).second) return true;
  const GrayPixels& g = frame.gray;
  if (coarse) {
    coarse_.push_back(frame.pts);
    thumbs_.push_back(Thumb(g));
    out_->samples.push_back(
        {frame.time_s, frame.pts, frame.index, Sharpness(g, 0, 0, g.width, g.height, 4)});
    if (hooks_.on_progress) hooks_.on_progress(frame.time_s);
  }
  ImageScan image;
  ImageSource source("", ImageHeader{ImageKind::kPng, g.width, g.height}, 1);
  source.SetBaseForTesting(Picture::FromGray(g.data.data(), g.width, g.height, g.width));
  Decoder(PipelineHooks(), &image).Run(&source);
  double scale = static_cast<double>(out_->width) / g.width;
  for (Barcode& b : image.barcodes) {
    double x0 = 1e9, y0 = 1e9, x1 = -1, y1 = -1;
    for (PointF& p : b.corners) {
      x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x),
      y1 = std::max(y1, p.y);
    }
    auto clamp = [](double v, int hi) { return std::clamp(static_cast<int>(v), 0, hi); };
    double sharp = Sharpness(g, clamp(x0, g.width), clamp(y0, g.height), clamp(x1, g.width),
                             clamp(y1, g.height), 1);
    double area = QuadArea(b.corners) / (static_cast<double>(g.width) * g.height);
    for (PointF& p : b.corners) p = {p.x * scale, p.y * scale};
    hits_[b.format + '\n' + b.text].push_back(
        {frame.time_s, frame.pts, frame.index, b, sharp, area});
  }
  ++out_->frames_scanned;
  if (hooks_.abort_after_frames > 0 && out_->frames_scanned >= hooks_.abort_after_frames)
    std::abort();
  return true;
}

void VideoScanner::AddWindow(double from_s, double to_s, std::set<int64_t>* out) const {
  const std::vector<int64_t>& pres = file_->presentation();
  for (int64_t pts : pres) {
    double t = file_->Seconds(pts);
    if (t > to_s + 1e-9) break;
    if (t >= from_s - 1e-9 && !scanned_.count(pts)) out->insert(pts);
  }
}

// Around each run of coarse sightings: the frames between the last miss and
// the first sighting, between the last sighting and the next miss, and half
// a step either side of the sharpest sighting.
std::vector<int64_t> VideoScanner::DenseTargets() const {
  std::set<int64_t> dense;
  for (const auto& [key, hits] : hits_) {
    std::set<int64_t> seen;
    for (const Hit& h : hits) seen.insert(h.pts);
    for (size_t i = 0; i < coarse_.size(); ++i) {
      if (!seen.count(coarse_[i])) continue;
      double t = file_->Seconds(coarse_[i]);
      if (i == 0 || !seen.count(coarse_[i - 1]))
        AddWindow(i == 0 ? 0 : file_->Seconds(coarse_[i - 1]), t, &dense);
      if (i + 1 == coarse_.size() || !seen.count(coarse_[i + 1]))
        AddWindow(t, i + 1 == coarse_.size() ? 1e18 : file_->Seconds(coarse_[i + 1]), &dense);
    }
    const Hit& best = *std::max_element(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
      return a.sharpness < b.sharpness;
    });
    AddWindow(best.time_s - step_ / 2, best.time_s + step_ / 2, &dense);
  }
  std::vector<int64_t> out(dense.begin(), dense.end());
  if (out.size() > kMaxDenseFrames) {
    std::vector<int64_t> thinned;
    for (size_t i = 0; i < kMaxDenseFrames; ++i)
      thinned.push_back(out[i * out.size() / kMaxDenseFrames]);
    out = thinned;
  }
  return out;
}

void VideoScanner::Assemble() {
  for (auto& [key, hits] : hits_) {
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.pts < b.pts; });
    VideoBarcode vb;
    const Hit* best = &hits.front();
    for (const Hit& h : hits) {
      if (h.sharpness > best->sharpness) best = &h;
      vb.max_area = std::max(vb.max_area, h.area);
    }
    vb.barcode = best->barcode;
    vb.first_seen_s = hits.front().time_s;
    vb.last_seen_s = hits.back().time_s;
    vb.frames_seen = static_cast<int>(hits.size());
    vb.best_time_s = best->time_s;
    vb.best_frame = best->frame;
    vb.best_sharpness = best->sharpness;
    out_->barcodes.push_back(vb);
  }
  std::sort(out_->barcodes.begin(), out_->barcodes.end(),
            [](const VideoBarcode& a, const VideoBarcode& b) {
              return a.first_seen_s != b.first_seen_s ? a.first_seen_s < b.first_seen_s
                                                      : a.barcode.text < b.barcode.text;
            });
}

Status VideoScanner::Run() {
  step_ = out_->duration_s <= kShortVideoS ? 0.5 : 1.0;
  bool keys_only = false;
  DecodeRequest coarse;
  coarse.targets = CoarseTargets(&keys_only);
  coarse.keyframes_only = keys_only;
  coarse.fast = !keys_only;
  coarse.max_side = kScanMaxSide;
  PP_RETURN_IF_ERROR(
      file_->Decode(coarse, [this](const VideoFrame& f) { return OnFrame(f, true); }));
  DecodeRequest dense;
  dense.targets = DenseTargets();
  dense.max_side = kScanMaxSide;
  if (!dense.targets.empty()) {
    PP_RETURN_IF_ERROR(
        file_->Decode(dense, [this](const VideoFrame& f) { return OnFrame(f, false); }));
  }
  AddVisualCuts(coarse_, thumbs_, *file_, &out_->continuity);
  Assemble();
  return Status::Ok();
}

}  // namespace

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

VideoScan ScanVideoInProcess(const std::string& path, const VideoScanHooks& hooks) {
  VideoScan out;
  out.file = path;
  Result<std::string> hash = Sha256File(path);
  if (!hash.ok()) {
    out.status = hash.status();
    return out;
  }
  out.sha256 = *hash;  // of the bytes, before any parsing
  Result<std::unique_ptr<VideoFile>> opened = VideoFile::Open(path);
  if (!opened.ok()) {
    out.status = opened.status();
    return out;
  }
  VideoFile& file = **opened;
  out.status = file.Index();
  const VideoInfo& info = file.info();
  out.container = info.container;
  out.codec = info.codec;
  out.width = info.width;
  out.height = info.height;
  out.rotation = info.rotation;
  if (!out.status.ok()) return out;
  out.duration_s = info.duration_s;
  out.frames_total = static_cast<int64_t>(file.presentation().size());
  if (hooks.on_duration) hooks.on_duration(out.duration_s);
  AddStreamFindings(file, &out.continuity, &out.problems);
  VideoScanner scanner(&file, &out, hooks);
  out.status = scanner.Run();
  out.frames_decoded = file.frames_decoded();
  AddDecodeFindings(file, &out.continuity, &out.problems);
  if (out.barcodes.empty() && out.status.ok()) out.problems.push_back("no barcode found");
  return out;
}

}  // namespace parcelproof
