// The scan of one video inside its worker (video_scan.h): a coarse pass
// over sampled frames (video_scan.cc), then the exact edges and the
// sharpest frame of each sighting (video_refine.cc).
#ifndef PARCELPROOF_SCAN_VIDEO_SCANNER_H_
#define PARCELPROOF_SCAN_VIDEO_SCANNER_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "av/video_file.h"
#include "parcelproof/video.h"
#include "scan/video_dense.h"
#include "scan/video_frames.h"
#include "scan/video_scan.h"

namespace parcelproof {

class VideoScanner {
 public:
  VideoScanner(VideoFile* file, VideoScan* out, const VideoScanHooks& hooks);
  Status Run();

 private:
  // video_scan.cc
  std::vector<int64_t> CoarseTargets(bool* keys_only) const;
  std::vector<int64_t> GridTargets() const;
  void RecordCoarse(const FrameResult& result);
  void SortSamples();
  Status Coarse(const DecodeRequest& request, bool progress, FramePool* pool);
  int64_t IndexOf(int64_t pts) const { return lane_.IndexOf(pts); }
  void Assemble();
  // video_refine.cc
  struct EdgeSearch;
  struct Range {  // frames near a symbol's sharpest read
    int64_t from, to;
    std::string key;
    Hit best;
  };
  struct Window;
  Status Refine();
  bool TwoLanes() const;
  std::vector<EdgeSearch> EdgeSearches() const;
  Status FindEdges();
  std::vector<Window> SharpestWindows() const;
  Status ReadSharpest(DenseLane* lane, const Window& w);
  Status SharpestReads();
  // video_lanes.cc: task(lane, i) for each i, on lane lane_of[i]; phases
  // (1, 2, ...) in the order they run.
  using LaneTask = std::function<Status(DenseLane* lane, size_t i)>;
  Status OnTwoLanes(int phase, const std::vector<int>& lane_of, const LaneTask& task);
  void MergeLanes(std::array<ReadState, 2>* states);

  VideoFile* file_;
  VideoScan* out_;
  const VideoScanHooks& hooks_;
  double step_ = 0.5;
  std::map<int64_t, Seen> seen_;                    // what each coarse sample showed
  std::map<int64_t, std::vector<uint8_t>> thumbs_;  // 16x9 samples of coarse frames
  std::vector<int64_t> coarse_;                     // pts sampled in the coarse pass, sorted
  std::vector<int64_t> key_index_;                  // presentation indices of key frames, sorted
  std::atomic<int> scanned_total_{0};
  DenseContext context_;
  ReadState state_;                   // every frame read, coarse and dense
  DenseLane lane_;                    // dense reads on this thread, with file_
  std::unique_ptr<VideoFile> other_;  // the second lane's decoder, while refining
};

}  // namespace parcelproof

#endif  // PARCELPROOF_SCAN_VIDEO_SCANNER_H_
