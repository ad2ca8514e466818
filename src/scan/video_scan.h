// One video scanned in this process (the worker side of ScanVideos):
// sampled frames through the photo Decoder, then every frame around the
// sightings, continuity indicators from the stream's timestamps.
#ifndef PARCELPROOF_SCAN_VIDEO_SCAN_H_
#define PARCELPROOF_SCAN_VIDEO_SCAN_H_

#include <functional>
#include <string>

#include "core/gray_pixels.h"
#include "parcelproof/video.h"

namespace parcelproof {

struct VideoScanHooks {
  std::function<void(double duration_s)> on_duration;  // once, after opening
  std::function<void(double time_s)> on_progress;      // as sampling advances
  int abort_after_frames = 0;                          // tests of crash containment
  int frame_delay_ms = 0;                              // tests of the time limit
  // Tests: dense reads on this thread only, and which phases of them
  // ("edges", "sharpest") ran on two lanes.
  bool one_lane = false;
  std::function<void(const std::string& phase, bool two_lanes)> on_lanes;
};

// Runs the frame decoder once on a blank picture before workers are forked
// (lazy initialisation once, not in every worker; no OCR: videos do not use it).
void WarmUpVideoScan();

VideoScan ScanVideoInProcess(const std::string& path, const VideoScanHooks& hooks);

// Sharpness of a grey picture inside [x0,x1) x [y0,y1): mean squared
// Laplacian (every `step`-th pixel).
double Sharpness(const GrayPixels& g, int x0, int y0, int x1, int y1, int step);

}  // namespace parcelproof

#endif  // PARCELPROOF_SCAN_VIDEO_SCAN_H_
