// The scan of one video inside its worker (video_scan.h): a coarse pass
// over sampled frames (video_scan.cc), then the exact edges and the
// sharpest frame of each sighting (video_refine.cc).
#ifndef PARCELPROOF_SCAN_VIDEO_SCANNER_H_
#define PARCELPROOF_SCAN_VIDEO_SCANNER_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
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
  struct EdgeSearch;
  // video_scan.cc
  std::vector<int64_t> CoarseTargets(bool* keys_only) const;
  std::vector<int64_t> GridTargets() const;
  void RecordCoarse(const FrameResult& result);
  void SortSamples();
  Status Coarse(const DecodeRequest& request, bool progress, FramePool* pool);
  int64_t IndexOf(int64_t pts) const { return lane_.IndexOf(pts); }
  void Assemble();
  // video_refine.cc
  Status Refine();
  std::vector<EdgeSearch> EdgeSearches() const;
  bool EdgesInParallel(const std::vector<EdgeSearch>& searches) const;
  Status EdgesOnTwoLanes(const std::vector<EdgeSearch>& searches);
  void MergeLanes(std::array<ReadState, 2>* states);
  Status SharpestReads();

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
  ReadState state_;  // every frame read, coarse and dense
  DenseLane lane_;   // dense reads on this thread, with file_
};

}  // namespace parcelproof

#endif  // PARCELPROOF_SCAN_VIDEO_SCANNER_H_
