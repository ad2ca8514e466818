// Evidence stills of a video: which frames to keep (the best frame of each
// tracking-number read, and the sharpest sampled frame in each of N evenly
// spaced windows) and their extraction as JPEGs, decoded at full size and
// upright in a worker process of their own, so that a decoder crash or hang
// costs the stills of that video only.
#ifndef PARCELPROOF_SCAN_VIDEO_STILLS_H_
#define PARCELPROOF_SCAN_VIDEO_STILLS_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "parcelproof/scan.h"
#include "parcelproof/status.h"
#include "parcelproof/video.h"

namespace parcelproof {

struct StillPick {
  std::string purpose;  // "label" (best frame of a tracking-number read) or "contents"
  int64_t frame = -1;   // index in presentation order
  double time_s = 0;    // presentation time, from the stream's first frame
  // Label stills: the symbol read in this frame (corners in the upright frame).
  bool has_barcode = false;
  Barcode barcode;
};

struct VideoStill {
  StillPick pick;
  int64_t pts = 0;  // in the stream's time base
  int width = 0;    // upright
  int height = 0;
  std::string decoder;  // "h264 (FFmpeg libavcodec 59.37.100)"
  std::string jpeg;     // deterministic encoding (image/still_jpeg.h)
};

// The stills to keep for a scanned video: label stills first (one per
// tracking number: the best frame of the first symbol that carries it,
// in the order of the barcodes), then up to `contents`
// contents stills in time order; a frame already kept is not kept twice.
std::vector<StillPick> PickStills(const VideoScan& scan, int contents);

// Decodes the picked frames of the video at path (the same bytes that were
// scanned) in a worker process and encodes them. Stills are returned in the
// order of the picks; a frame that cannot be decoded is left out with a
// problem in *problems. Fails (Corrupt, Unsupported on timeout) only when
// the worker dies or gives up before producing anything.
Result<std::vector<VideoStill>> ExtractStills(const std::string& path,
                                              const std::vector<StillPick>& picks, double timeout_s,
                                              std::vector<std::string>* problems);

}  // namespace parcelproof

#endif  // PARCELPROOF_SCAN_VIDEO_STILLS_H_
