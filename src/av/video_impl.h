// VideoFile's insides (FFmpeg types): shared by the files of src/av only.
#ifndef PARCELPROOF_AV_VIDEO_IMPL_H_
#define PARCELPROOF_AV_VIDEO_IMPL_H_

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswscale/swscale.h>
}

#include <set>
#include <string>
#include <vector>

#include "av/video_file.h"

namespace parcelproof {

struct VideoFile::Impl {
  ~Impl();
  std::string name;  // path, for messages
  VideoLimits limits;
  std::string bytes;  // OpenBytes only: the data the custom AVIOContext reads
  size_t bytes_pos = 0;
  AVIOContext* avio = nullptr;
  AVFormatContext* fmt = nullptr;
  AVCodecContext* codec = nullptr;
  int stream = -1;
  AVPacket* packet = nullptr;
  AVFrame* frame = nullptr;
  SwsContext* sws = nullptr;
  VideoInfo info;
  std::vector<PacketFact> packets;
  std::vector<int64_t> presentation;
  std::vector<PacketFact> keyframes;  // key packets sorted by pts
  int64_t origin_pts = 0;             // pts of time 0
  bool indexed = false;
  int corrupt_frames = 0;
  int64_t frames_decoded = 0;
  std::set<int64_t> corrupt_pts;  // counted once however often decoded
  struct Problem {
    int64_t pts;     // INT64_MIN: not a frame's
    uint64_t order;  // problem_order when it was noted
    std::string text;
  };
  std::vector<Problem> problems;             // the first few, in order (merging files)
  std::vector<std::string> decode_problems;  // the first kMaxProblemTexts texts
  uint64_t problem_order = 0;
};

// Decode problems: texts listed, and kept for merging another file's.
constexpr size_t kMaxProblemTexts = 5;
constexpr size_t kKeptProblems = 64;
void NoteProblem(VideoFile::Impl* impl, int64_t pts, const std::string& text);

// "Invalid data found when processing input" for an FFmpeg error code.
std::string AvErrorText(int code);
// Fills info from the opened format context and chosen stream.
Status ReadVideoInfo(VideoFile::Impl* impl);
// Copies a decoded frame into grey (scaled to max_side) and, when asked,
// full-size RGB pixels, both turned upright by impl->info.rotation.
Status ConvertFrame(VideoFile::Impl* impl, const AVFrame* frame, int max_side, bool colour,
                    VideoFrame* out);

}  // namespace parcelproof

#endif  // PARCELPROOF_AV_VIDEO_IMPL_H_
