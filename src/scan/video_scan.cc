// Sampling strategy (README "scan of videos"): a coarse pass over frames
// 0.5 s apart (1 s beyond 2 min), each read by the photo Decoder. When key
// frames are at most about a second apart (as phones record), the pass
// decodes key frames only, then the frames on the grid between two of them
// where they are further apart than a second, or where the two read
// different symbols or one located 1-D bars it could not read. Then,
// around each run of sightings, a binary search of the exact first and last
// frame reading each symbol, and the sharpest frames near its sharpest
// sighting, so that first/last seen and the best frame are exact to the
// frame without scanning every frame.
#include "scan/video_scan.h"

#include <malloc.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <thread>
#include <utility>

#include "av/video_file.h"
#include "core/sha256.h"
#include "scan/decoder.h"
#include "scan/video_continuity.h"
#include "scan/video_frames.h"
#include "scan/video_scanner.h"

namespace parcelproof {
namespace {

constexpr double kShortVideoS = 120;
constexpr int kScanThreads = 2;  // coarse frames read at once (the decoder has threads of its own)
constexpr size_t kMaxDenseFrames = 1500;  // frames scanned after the coarse pass
constexpr double kMaxGapS = 1.05;         // longest gap between samples, whatever they show

bool IsMatrixFormat(const std::string& format) {
  static const std::set<std::string> kMatrix = {"QRCode", "MicroQRCode", "rMQRCode", "DataMatrix",
                                                "Aztec",  "MaxiCode",    "PDF417"};
  return kMatrix.count(format) > 0;
}

}  // namespace

VideoScanner::VideoScanner(VideoFile* file, VideoScan* out, const VideoScanHooks& hooks)
    : file_(file), out_(out), hooks_(hooks), lane_(file, &context_, &state_) {
  context_.coarse = &coarse_;
  context_.seen = &seen_;
  context_.width = out->width;
  context_.height = out->height;
  context_.delay_ms = hooks.frame_delay_ms;
  context_.max_dense = kMaxDenseFrames;
  context_.abort_after = hooks.abort_after_frames;
  context_.scanned_total = &scanned_total_;
}

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
  *keys_only = !gaps.empty() && median_gap <= kMaxGapS;
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

void VideoScanner::RecordCoarse(const FrameResult& r) {
  if (state_.read.count(r.pts)) return;
  Seen& seen = seen_[r.pts];
  int linear = 0;
  for (const FrameHit& h : r.hits) {
    seen.read.insert(h.barcode.format + '\n' + h.barcode.text);
    linear += IsMatrixFormat(h.barcode.format) ? 0 : 1;
  }
  seen.unread_bars = r.regions > linear;
  thumbs_[r.pts] = r.thumb;
  out_->samples.push_back({r.time_s, r.pts, r.index, r.sharpness});
  state_.Record(r, false, context_);
}

// A coarse pass: frames read on two threads while the decoder goes on;
// progress: report how far it got (the first pass only: the grid pass goes
// back in time).
Status VideoScanner::Coarse(const DecodeRequest& request, bool progress, FramePool* pool) {
  Status status = file_->Decode(request, [this, pool, progress](VideoFrame& f) {
    if (progress && hooks_.on_progress) hooks_.on_progress(f.time_s);
    pool->Add(std::move(f));
    return true;
  });
  for (const auto& [pts, r] : pool->Results()) RecordCoarse(r);
  return status;
}

// After a key-frame pass: the frames on the step grid between two samples
// further apart than a step (and before the first, after the last), in
// every gap longer than kMaxGapS, and in the others where the samples
// either side read different symbols or one of them located 1-D bars it
// could not read (something may come and go between them).
std::vector<int64_t> VideoScanner::GridTargets() const {
  const std::vector<int64_t>& pres = file_->presentation();
  int64_t n = static_cast<int64_t>(pres.size());
  struct Anchor {
    int64_t index;
    double time_s;
    const Seen* seen;
  };
  const Seen nothing;
  std::vector<Anchor> anchors = {{-1, file_->Seconds(pres.front()) - step_, &nothing}};
  for (const auto& [pts, seen] : seen_)
    anchors.push_back({IndexOf(pts), file_->Seconds(pts), &seen});
  anchors.push_back({n, out_->duration_s, &nothing});
  std::vector<int64_t> targets;
  for (size_t k = 1; k < anchors.size(); ++k) {
    const Anchor& a = anchors[k - 1];
    const Anchor& b = anchors[k];
    double gap = b.time_s - a.time_s;
    bool changes = a.seen->unread_bars || b.seen->unread_bars || a.seen->read != b.seen->read;
    if (gap <= step_ * 1.05 || (gap <= kMaxGapS && !changes)) continue;
    double want = a.time_s + step_;
    for (int64_t i = a.index + 1; i < b.index; ++i) {
      double t = file_->Seconds(pres[i]);
      if (t + 1e-9 < want) continue;
      if (b.time_s - t < step_ * 0.25) break;
      targets.push_back(pres[i]);
      want = t + step_;
    }
  }
  return targets;
}

// The coarse samples in presentation order (the grid frames came after the
// key frames).
void VideoScanner::SortSamples() {
  coarse_.clear();
  for (const auto& [pts, thumb] : thumbs_) coarse_.push_back(pts);
  std::sort(out_->samples.begin(), out_->samples.end(),
            [](const FrameSample& a, const FrameSample& b) { return a.pts < b.pts; });
}

void VideoScanner::Assemble() {
  out_->frames_scanned = state_.scanned;
  for (auto& [key, hits] : state_.hits) {
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
  for (const PacketFact& p : file_->packets())
    if (p.key && !p.discard) key_index_.push_back(IndexOf(p.pts));
  std::sort(key_index_.begin(), key_index_.end());
  bool keys_only = false;
  DecodeRequest coarse;
  coarse.targets = CoarseTargets(&keys_only);
  coarse.keyframes_only = keys_only;
  coarse.fast = !keys_only;
  coarse.max_side = kScanMaxSide;
  FramePool pool(kScanThreads, 2 * kScanThreads, out_->width, hooks_.frame_delay_ms);
  Status status = Coarse(coarse, true, &pool);
  if (status.ok() && keys_only) {
    DecodeRequest grid;
    grid.targets = GridTargets();
    grid.fast = true;
    grid.max_side = kScanMaxSide;
    if (!grid.targets.empty()) status = Coarse(grid, false, &pool);
  }
  pool.Finish();
  out_->frames_scanned = state_.scanned;
  PP_RETURN_IF_ERROR(status);
  // The scan threads' freed buffers go back to the system before windows of
  // decoded frames fill up (a 4K video's peak memory).
  malloc_trim(0);
  SortSamples();
  status = Refine();
  out_->frames_scanned = state_.scanned;
  PP_RETURN_IF_ERROR(status);
  std::vector<std::vector<uint8_t>> thumbs;
  for (const auto& [pts, thumb] : thumbs_) thumbs.push_back(thumb);
  AddVisualCuts(coarse_, thumbs, *file_, &out_->continuity);
  Assemble();
  return Status::Ok();
}

void WarmUpVideoScan() {
  std::vector<uint8_t> blank(64 * 64, 255);
  ImageScan scan;
  ImageSource source("", ImageHeader{ImageKind::kPng, 64, 64}, 1);
  source.SetBaseForTesting(Picture::FromGray(blank.data(), 64, 64, 64));
  Decoder(PipelineHooks(), &scan).Run(&source);
}

namespace {

// Everything but the file's hash.
void ScanOpened(const std::string& path, const VideoScanHooks& hooks, VideoScan* out) {
  Result<std::unique_ptr<VideoFile>> opened = VideoFile::Open(path);
  if (!opened.ok()) {
    out->status = opened.status();
    return;
  }
  VideoFile& file = **opened;
  out->status = file.Index();
  const VideoInfo& info = file.info();
  out->container = info.container;
  out->codec = info.codec;
  out->width = info.width;
  out->height = info.height;
  out->rotation = info.rotation;
  if (!out->status.ok()) return;
  out->duration_s = info.duration_s;
  out->frames_total = static_cast<int64_t>(file.presentation().size());
  if (hooks.on_duration) hooks.on_duration(out->duration_s);
  AddStreamFindings(file, &out->continuity, &out->problems);
  VideoScanner scanner(&file, out, hooks);
  out->status = scanner.Run();
  out->frames_decoded = file.frames_decoded();
  AddDecodeFindings(file, &out->continuity, &out->problems);
  if (out->barcodes.empty() && out->status.ok()) out->problems.push_back("no barcode found");
}

}  // namespace

VideoScan ScanVideoInProcess(const std::string& path, const VideoScanHooks& hooks) {
  // The hash of the bytes on a thread of its own while the video is read
  // (reading starts with one core busy); a file that cannot be hashed gives
  // only that error, as if it had been hashed first.
  Result<std::string> hash = Status::Internal("not hashed");
  std::thread hasher([&hash, &path] { hash = Sha256File(path); });
  VideoScan out;
  out.file = path;
  ScanOpened(path, hooks, &out);
  hasher.join();
  if (!hash.ok()) {
    VideoScan failed;
    failed.file = path;
    failed.status = hash.status();
    return failed;
  }
  out.sha256 = *hash;  // of the bytes, as stored
  return out;
}

}  // namespace parcelproof
