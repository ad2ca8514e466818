// Videos through FFmpeg's libraries (libavformat, libavcodec, libavutil,
// libswscale): open by content with limits, the facts of the main video
// stream, every packet's timestamps, and decoded frames at exact
// presentation times, turned upright by the display matrix. Std types only.
#ifndef PARCELPROOF_AV_VIDEO_FILE_H_
#define PARCELPROOF_AV_VIDEO_FILE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/gray_pixels.h"
#include "core/rgb_pixels.h"
#include "parcelproof/status.h"

namespace parcelproof {

// Refused before any frame is decoded.
struct VideoLimits {
  int64_t max_pixels = 8192LL * 8192;  // coded width x height
  int max_streams = 64;                // streams of any kind in the container
  int64_t max_packets = 5000000;       // video packets indexed (~23 h at 60 fps)
  double max_frame_rate = 1000;        // a claimed average rate above this is absurd
};

// The facts of the file and of its main video stream.
struct VideoInfo {
  std::string container;  // FFmpeg's demuxer: "mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "avi"
  std::string codec;      // "h264", "hevc", "vp9", "av1", "mjpeg", ...
  int width = 0;          // upright (after the display matrix)
  int height = 0;
  int rotation = 0;                  // degrees clockwise applied to stored frames: 0, 90, 180, 270
  double duration_s = 0;             // of the video stream's frames (first to last + one frame)
  double container_duration_s = -1;  // the container's claim; -1 when absent
  double stream_duration_s = -1;     // the stream header's claim; -1 when absent
  double frame_rate = 0;             // average frames per second (0 when unknown)
  int video_streams = 0;             // attached pictures (cover art) not counted
  int audio_streams = 0;
  std::string encoder;        // container "encoder" tag (e.g. "Lavf59.27.100"), else the stream's
  std::string creation_time;  // container "creation_time" tag as written
  std::string apple_creation_date;  // "com.apple.quicktime.creationdate" tag as written
  int time_base_num = 1;            // of the video stream
  int time_base_den = 1;
};

// One video packet, in file (decode) order.
struct PacketFact {
  int64_t pts = 0;  // presentation timestamp in time_base units (dts when absent)
  int64_t dts = 0;
  bool key = false;
  bool discard = false;  // hidden by an edit list
};

struct VideoFrame {
  int64_t pts = 0;
  double time_s = 0;  // pts * time_base, relative to the stream's first frame
  int64_t index = 0;  // position in presentation order (0-based), -1 when unknown
  bool key = false;
  GrayPixels gray;  // upright; scaled so that the long side is at most max_side
  RgbPixels rgb;    // filled only when colour was asked for (full size, upright)
};

struct DecodeRequest {
  // Presentation timestamps to decode (sorted); empty = every frame.
  std::vector<int64_t> targets;
  bool keyframes_only = false;  // let the decoder skip every non-key frame
  bool fast = false;            // skip the loop filter (sampling passes only, never stills)
  int max_side = 0;             // 0 = full size
  bool colour = false;          // also fill VideoFrame::rgb at full size
};

// Called for each decoded frame; return false to stop. The sink may take
// (move) the frame's pixels.
using FrameSink = std::function<bool(VideoFrame& frame)>;

class VideoFile {
 public:
  ~VideoFile();
  VideoFile(const VideoFile&) = delete;
  VideoFile& operator=(const VideoFile&) = delete;

  // Opens the file by content. Unsupported (no video stream, audio only, a
  // codec this FFmpeg cannot decode, claimed size or rate beyond the limits,
  // too many streams), Corrupt (not a container FFmpeg recognises, truncated
  // beyond use), NotFound. Messages name the path.
  static Result<std::unique_ptr<VideoFile>> Open(const std::string& path,
                                                 const VideoLimits& limits = {});
  // The same from bytes in memory (fuzzing); `name` is used in messages.
  static Result<std::unique_ptr<VideoFile>> OpenBytes(std::string bytes, const std::string& name,
                                                      const VideoLimits& limits = {});

  const VideoInfo& info() const;
  // Demuxes every packet of the video stream once (no decoding) and keeps
  // their timestamps; Unsupported beyond limits.max_packets, Corrupt when
  // there is not a single packet.
  Status Index();
  const std::vector<PacketFact>& packets() const;
  // Presentation timestamps of the packets not hidden by an edit list, sorted.
  const std::vector<int64_t>& presentation() const;
  // Times in seconds from pts (relative to the first presented frame).
  double Seconds(int64_t pts) const;
  int64_t first_pts() const;

  // Decodes as requested and calls sink for each frame at or just after
  // each target. Frames the decoder reports as corrupt are counted and
  // skipped; decoding goes on.
  Status Decode(const DecodeRequest& request, const FrameSink& sink);
  // Frames the decoder could not decode so far (corrupt data), with the
  // first few messages.
  int corrupt_frames() const;
  // Frames the decoder has produced so far (handed over or not).
  int64_t frames_decoded() const;
  const std::vector<std::string>& decode_problems() const;

  // A second VideoFile on the same file (or bytes) with its own demuxer and
  // decoder and a copy of this one's index, for decoding on another thread.
  Result<std::unique_ptr<VideoFile>> Reopen() const;
  // Problems noted from now on are listed after those noted with a smaller
  // order when AddDecodeCounts merges two files' (0 at first).
  void set_problem_order(uint64_t order);
  // Adds what `other` (a Reopen of this file) decoded: its frame count, its
  // corrupt frames (each counted once across both, its message the one
  // noted with the smaller order) and their first few messages, in order.
  void AddDecodeCounts(const VideoFile& other);

  struct Impl;  // FFmpeg state (video_impl.h, this module only)

 private:
  explicit VideoFile(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// True when the first bytes look like a container FFmpeg reads as video
// (MP4/MOV boxes, Matroska/WebM, AVI); HEIF/AVIF stills (ftyp brands heic, mif1, avif, ...) are
// not.
bool LooksLikeVideo(const std::string& head);

}  // namespace parcelproof

#endif  // PARCELPROOF_AV_VIDEO_FILE_H_
