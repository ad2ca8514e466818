// Packing and unboxing videos: the barcodes seen over time, continuity
// indicators, and the label verdict of a packing video. Crash-contained like
// photos: each video is decoded in a worker process.
#ifndef PARCELPROOF_VIDEO_H_
#define PARCELPROOF_VIDEO_H_

#include <cstdint>
#include <string>
#include <vector>

#include "parcelproof/check.h"
#include "parcelproof/scan.h"
#include "parcelproof/status.h"

namespace parcelproof {

// One symbol (same format and text) over the whole video.
struct VideoBarcode {
  Barcode barcode;  // corners: in the upright frame `best_frame`
  double first_seen_s = 0;
  double last_seen_s = 0;
  int frames_seen = 0;  // frames in which it was read, among the frames scanned
  double best_time_s = 0;
  int64_t best_frame = -1;  // index in presentation order
  double best_sharpness = 0;
  double max_area = 0;  // largest outline, as a fraction of the frame area
};

// An indicator about the recording (never proof): "pts-gap", "pts-backwards",
// "edit-list", "several-video-tracks", "duration-mismatch", "editor-encoder",
// "creation-time-mismatch", "visual-cut", "corrupt-frames".
struct ContinuityFinding {
  std::string code;
  std::string severity;  // "serious", "warning", "info"
  double time_s = -1;    // -1 when it concerns the whole file
  std::string explanation;
};

// A frame picked while sampling: for contents stills.
struct FrameSample {
  double time_s = 0;
  int64_t pts = 0;
  int64_t frame = -1;
  double sharpness = 0;
};

struct VideoScan {
  std::string file;
  std::string sha256;
  std::string container;  // FFmpeg's demuxer name
  std::string codec;
  int width = 0;  // upright
  int height = 0;
  int rotation = 0;  // degrees clockwise from the display matrix
  double duration_s = 0;
  int64_t frames_decoded = 0;
  int64_t frames_scanned = 0;
  int64_t frames_total = 0;  // frames in the stream (presentation order)
  std::vector<VideoBarcode> barcodes;
  std::vector<ContinuityFinding> continuity;
  std::vector<FrameSample> samples;  // sampled frames with their sharpness (not in scan JSON)
  std::vector<std::string> problems;
  Status status;  // not OK when the video could not be read at all
};

struct VideoScanOptions {
  int jobs = 0;  // worker processes; 0 = number of cores
  // A video may take timeout_seconds plus a quarter of its duration, at most
  // ten times timeout_seconds; then its worker is killed.
  int timeout_seconds = 60;
  bool progress = false;             // progress lines on stderr (a terminal)
  int debug_abort_after_frames = 0;  // tests: the worker aborts after N scanned frames
  int debug_frame_delay_ms = 0;      // tests: the worker sleeps this long on each scanned frame
};

// True when the file starts like a video container (MP4/MOV, Matroska/WebM, AVI).
bool IsVideoFile(const std::string& path);

// Scans every video in a worker process of its own. Results in input order.
std::vector<VideoScan> ScanVideos(const std::vector<std::string>& paths,
                                  const VideoScanOptions& options = {});

// {"images":[...],"videos":[...]} as documented in schemas/scan.schema.json
// ("videos" only when there are videos).
std::string ScanReportJson(const std::vector<ImageScan>& images,
                           const std::vector<VideoScan>& videos);

// Whether a read counts for a verdict: seen for at least 1 s, or its outline
// covered at least 1% of the frame. Brief small reads (a label in the
// background of a busy station) are reported but do not make a MISMATCH.
bool CountsForVerdict(const VideoBarcode& b);

// The label verdict of a packing video against the expectation: PASS when
// the order's number is read, MISMATCH when another parcel's number counts
// (with both numbers and their times when both are read), UNREADABLE when
// no tracking number is read. Reasons give the times in the video.
LabelCheck CheckVideo(const VideoScan& scan, const Expectation& expect);
LabelCheck CheckVideoAgainstOrders(const VideoScan& scan, const std::vector<Order>& orders);

}  // namespace parcelproof

#endif  // PARCELPROOF_VIDEO_H_
