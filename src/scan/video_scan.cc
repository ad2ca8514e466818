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
#include <utility>

#include "av/video_file.h"
#include "core/sha256.h"
#include "scan/decoder.h"
#include "scan/video_continuity.h"
#include "scan/video_frames.h"

namespace parcelproof {
namespace {

// Frames are scanned at up to 4096 pixels on the long side, so that a small
// label in a 4K frame keeps its bars (the decoder detects on a reduced copy
// and reads regions from this picture).
constexpr int kScanMaxSide = 4096;
constexpr double kShortVideoS = 120;
constexpr int kScanThreads = 2;  // coarse frames read at once (the decoder has threads of its own)
constexpr size_t kMaxDenseFrames = 1500;      // frames scanned after the coarse pass
constexpr double kMaxGapS = 1.05;             // longest gap between samples, whatever they show
constexpr int64_t kWindowBytes = 96LL << 20;  // decoded frames kept for one window
constexpr int kBestCandidates = 2;            // sharpest unscanned frames tried near the best

// What a coarse sample showed: the symbols read, and whether it located
// more 1-D bars than it read 1-D symbols.
struct Seen {
  std::set<std::string> read;
  bool unread_bars = false;
};

bool IsMatrixFormat(const std::string& format) {
  static const std::set<std::string> kMatrix = {"QRCode", "MicroQRCode", "rMQRCode", "DataMatrix",
                                                "Aztec",  "MaxiCode",    "PDF417"};
  return kMatrix.count(format) > 0;
}

struct Hit {
  double time_s;
  int64_t pts;
  int64_t frame;
  Barcode barcode;
  double sharpness;
  double area;
};

class VideoScanner {
 public:
  VideoScanner(VideoFile* file, VideoScan* out, const VideoScanHooks& hooks)
      : file_(file), out_(out), hooks_(hooks) {}
  Status Run();

 private:
  std::vector<int64_t> CoarseTargets(bool* keys_only) const;
  std::vector<int64_t> GridTargets() const;
  void Record(const FrameResult& result, bool coarse);
  void SortSamples();
  bool OnFrame(const VideoFrame& frame);  // dense frames, read here
  Status Coarse(const DecodeRequest& request, bool progress, FramePool* pool);
  Status Refine();
  Status FindEdge(const std::string& key, int64_t lo, int64_t hi, bool first);
  Status SharpestReads();
  int64_t WindowFrames() const;
  void SetWindow(int64_t from, int64_t to);
  Status LoadWindow();
  Result<bool> Reads(int64_t index, const std::string& key);
  int64_t IndexOf(int64_t pts) const;
  void Assemble();

  VideoFile* file_;
  VideoScan* out_;
  const VideoScanHooks& hooks_;
  double step_ = 0.5;
  std::map<std::string, std::vector<Hit>> hits_;    // by format + text
  std::map<int64_t, std::set<std::string>> read_;   // pts scanned -> symbols read there
  std::map<int64_t, Seen> seen_;                    // what each coarse sample showed
  std::map<int64_t, std::vector<uint8_t>> thumbs_;  // 16x9 samples of coarse frames
  std::vector<int64_t> coarse_;                     // pts sampled in the coarse pass, sorted
  std::vector<int64_t> key_index_;                  // presentation indices of key frames, sorted
  std::map<int64_t, VideoFrame> window_;            // decoded frames of the current window
  int64_t from_ = 0, to_ = -1;                      // the window's presentation indices
  bool loaded_ = false;
  size_t dense_scans_ = 0;
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

void VideoScanner::Record(const FrameResult& r, bool coarse) {
  if (read_.count(r.pts)) return;
  std::set<std::string>& read_here = read_[r.pts];
  if (coarse) {
    Seen& seen = seen_[r.pts];
    int linear = 0;
    for (const FrameHit& h : r.hits) {
      seen.read.insert(h.barcode.format + '\n' + h.barcode.text);
      linear += IsMatrixFormat(h.barcode.format) ? 0 : 1;
    }
    seen.unread_bars = r.regions > linear;
    thumbs_[r.pts] = r.thumb;
    out_->samples.push_back({r.time_s, r.pts, r.index, r.sharpness});
  }
  for (const FrameHit& h : r.hits) {
    std::string key = h.barcode.format + '\n' + h.barcode.text;
    read_here.insert(key);
    hits_[key].push_back({r.time_s, r.pts, r.index, h.barcode, h.sharpness, h.area});
  }
  ++out_->frames_scanned;
  if (hooks_.abort_after_frames > 0 && out_->frames_scanned >= hooks_.abort_after_frames)
    std::abort();
}

bool VideoScanner::OnFrame(const VideoFrame& frame) {
  Record(ScanFrame(frame, out_->width, hooks_.frame_delay_ms), false);
  return true;
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
  for (const auto& [pts, r] : pool->Results()) Record(r, true);
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

int64_t VideoScanner::IndexOf(int64_t pts) const {
  const std::vector<int64_t>& pres = file_->presentation();
  return std::lower_bound(pres.begin(), pres.end(), pts) - pres.begin();
}

// Makes frames [from, to] (presentation indices) the current window:
// decoded frames outside it are dropped; the others are decoded the first
// time one is asked for, all together when they fit in kWindowBytes.
void VideoScanner::SetWindow(int64_t from, int64_t to) {
  from_ = std::max<int64_t>(from, 0);
  to_ = std::min<int64_t>(to, static_cast<int64_t>(file_->presentation().size()) - 1);
  for (auto it = window_.begin(); it != window_.end();) {
    int64_t i = IndexOf(it->first);
    it = i < from_ || i > to_ ? window_.erase(it) : std::next(it);
  }
  loaded_ = false;
}

Status VideoScanner::LoadWindow() {
  if (loaded_) return Status::Ok();
  loaded_ = true;
  const std::vector<int64_t>& pres = file_->presentation();
  DecodeRequest req;
  req.max_side = kScanMaxSide;
  for (int64_t i = from_; i <= to_; ++i)
    if (!read_.count(pres[i]) && !window_.count(pres[i])) req.targets.push_back(pres[i]);
  int64_t frames = static_cast<int64_t>(req.targets.size() + window_.size());
  if (req.targets.empty() || frames > WindowFrames()) return Status::Ok();
  return file_->Decode(req, [this](VideoFrame& v) {
    int64_t pts = v.pts;
    window_[pts] = std::move(v);
    return true;
  });
}

// Whether the frame at presentation index `index` reads `key` (scanning it
// once, from the window or decoded on its own).
Result<bool> VideoScanner::Reads(int64_t index, const std::string& key) {
  int64_t pts = file_->presentation()[index];
  if (!read_.count(pts)) {
    if (dense_scans_ >= kMaxDenseFrames) return false;
    ++dense_scans_;
    PP_RETURN_IF_ERROR(LoadWindow());
    auto it = window_.find(pts);
    if (it != window_.end()) {
      OnFrame(it->second);
    } else {
      DecodeRequest req;
      req.targets = {pts};
      req.max_side = kScanMaxSide;
      PP_RETURN_IF_ERROR(file_->Decode(req, [this](const VideoFrame& v) { return OnFrame(v); }));
      read_[pts];  // an undecodable frame counts as read without symbols
    }
  }
  return read_[pts].count(key) > 0;
}

// Binary search of the first (or last) frame reading `key` between the
// presentation indices lo and hi (exclusive; -1 and the frame count stand
// for the ends): first: lo does not read it and hi does; last: the reverse.
Status VideoScanner::FindEdge(const std::string& key, int64_t lo, int64_t hi, bool first) {
  if (hi - lo <= 1) return Status::Ok();
  SetWindow(lo + 1, hi - 1);
  while (hi - lo > 1) {
    int64_t mid = lo + (hi - lo) / 2;
    Result<bool> seen = Reads(mid, key);
    if (!seen.ok()) return seen.status();
    ((*seen == first) ? hi : lo) = mid;
  }
  return Status::Ok();
}

// The frames a window of decoded frames may hold.
int64_t VideoScanner::WindowFrames() const {
  int64_t side = std::max(out_->width, out_->height);
  double f = side > kScanMaxSide ? static_cast<double>(kScanMaxSide) / side : 1.0;
  double frame_bytes = std::max(1.0, f * f * out_->width * out_->height);
  return static_cast<int64_t>(static_cast<double>(kWindowBytes) / frame_bytes);
}

// For each symbol, half a step either side of its sharpest read (not
// reaching back before that frame's key frame: the previous group of
// pictures would be decoded for a few frames): the frames whose symbol
// region is sharper than there (measured without scanning) are scanned,
// the sharpest first. Symbols whose ranges overlap share one decoded window.
Status VideoScanner::SharpestReads() {
  const std::vector<int64_t>& pres = file_->presentation();
  int64_t n = static_cast<int64_t>(pres.size());
  struct Range {
    int64_t from, to;
    std::string key;
    Hit best;
  };
  std::vector<Range> ranges;
  for (const auto& [key, hits] : hits_) {
    const Hit best = *std::max_element(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
      return a.sharpness < b.sharpness;
    });
    int64_t at = IndexOf(best.pts), from = at, to = at;
    auto k = std::upper_bound(key_index_.begin(), key_index_.end(), at);
    int64_t gop_start = k == key_index_.begin() ? 0 : *(k - 1);
    while (from > gop_start && file_->Seconds(pres[from - 1]) >= best.time_s - step_ / 2) --from;
    while (to + 1 < n && file_->Seconds(pres[to + 1]) <= best.time_s + step_ / 2) ++to;
    ranges.push_back({from, to, key, best});
  }
  std::sort(ranges.begin(), ranges.end(),
            [](const Range& a, const Range& b) { return a.from < b.from; });
  const int64_t most = WindowFrames();
  for (size_t i = 0; i < ranges.size();) {
    int64_t from = ranges[i].from, to = ranges[i].to;
    size_t j = i + 1;
    while (j < ranges.size() && ranges[j].from <= to + 1 &&
           std::max(to, ranges[j].to) - from + 1 <= most)
      to = std::max(to, ranges[j++].to);
    SetWindow(from, to);
    PP_RETURN_IF_ERROR(LoadWindow());
    for (; i < j; ++i) {
      const Range& r = ranges[i];
      std::vector<std::pair<double, int64_t>> ranked;  // (-sharpness, index)
      for (const auto& [pts, frame] : window_) {
        int64_t index = IndexOf(pts);
        if (index < r.from || index > r.to) continue;
        double scale = static_cast<double>(out_->width) / frame.gray.width;
        std::array<int, 4> box = BoxOf(r.best.barcode.corners, scale, frame.gray);
        double sharp = Sharpness(frame.gray, box[0], box[1], box[2], box[3], 1);
        if (sharp > r.best.sharpness) ranked.push_back({-sharp, index});
      }
      std::sort(ranked.begin(), ranked.end());
      for (size_t c = 0; c < ranked.size() && c < static_cast<size_t>(kBestCandidates); ++c) {
        Result<bool> seen = Reads(ranked[c].second, r.key);
        if (!seen.ok()) return seen.status();
      }
    }
  }
  return Status::Ok();
}

// Around each run of coarse sightings, the exact first and last frame by
// binary search between the samples without and with the symbol (a symbol
// is taken to stay readable between its first and last sighting); near the
// sharpest sighting, a sharper frame.
Status VideoScanner::Refine() {
  std::map<std::string, std::set<int64_t>> seen;  // coarse sightings, before refining
  for (const auto& [key, hits] : hits_)
    for (const Hit& h : hits) seen[key].insert(h.pts);
  int64_t n = static_cast<int64_t>(file_->presentation().size());
  for (const auto& [key, at] : seen) {
    for (size_t i = 0; i < coarse_.size(); ++i) {
      if (!at.count(coarse_[i])) continue;
      int64_t here = IndexOf(coarse_[i]);
      if (i == 0 || !at.count(coarse_[i - 1]))
        PP_RETURN_IF_ERROR(FindEdge(key, i == 0 ? -1 : IndexOf(coarse_[i - 1]), here, true));
      if (i + 1 == coarse_.size() || !at.count(coarse_[i + 1]))
        PP_RETURN_IF_ERROR(
            FindEdge(key, here, i + 1 == coarse_.size() ? n : IndexOf(coarse_[i + 1]), false));
    }
  }
  PP_RETURN_IF_ERROR(SharpestReads());
  window_.clear();
  return Status::Ok();
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
  PP_RETURN_IF_ERROR(Coarse(coarse, true, &pool));
  if (keys_only) {
    DecodeRequest grid;
    grid.targets = GridTargets();
    grid.fast = true;
    grid.max_side = kScanMaxSide;
    if (!grid.targets.empty()) PP_RETURN_IF_ERROR(Coarse(grid, false, &pool));
  }
  pool.Finish();
  // The scan threads' freed buffers go back to the system before windows of
  // decoded frames fill up (a 4K video's peak memory).
  malloc_trim(0);
  SortSamples();
  PP_RETURN_IF_ERROR(Refine());
  std::vector<std::vector<uint8_t>> thumbs;
  for (const auto& [pts, thumb] : thumbs_) thumbs.push_back(thumb);
  AddVisualCuts(coarse_, thumbs, *file_, &out_->continuity);
  Assemble();
  return Status::Ok();
}

}  // namespace

void WarmUpVideoScan() {
  std::vector<uint8_t> blank(64 * 64, 255);
  ImageScan scan;
  ImageSource source("", ImageHeader{ImageKind::kPng, 64, 64}, 1);
  source.SetBaseForTesting(Picture::FromGray(blank.data(), 64, 64, 64));
  Decoder(PipelineHooks(), &scan).Run(&source);
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
