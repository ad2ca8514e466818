// The facts of an opened video: container, codec, upright size from the
// display matrix, durations, rates, tags.
#include <cmath>

#include "av/video_impl.h"

extern "C" {
#include <libavutil/dict.h>
#include <libavutil/display.h>
}

namespace parcelproof {
namespace {

// Degrees clockwise that turn stored frames upright (what players apply).
int RotationOf(const AVStream* st) {
  size_t size = 0;
  const uint8_t* matrix = av_stream_get_side_data(st, AV_PKT_DATA_DISPLAYMATRIX, &size);
  if (matrix == nullptr || size < 9 * sizeof(int32_t)) return 0;
  double ccw = av_display_rotation_get(reinterpret_cast<const int32_t*>(matrix));
  if (std::isnan(ccw)) return 0;
  int cw = static_cast<int>(std::lround(-ccw / 90.0)) * 90;
  return ((cw % 360) + 360) % 360;
}

std::string Tag(const AVDictionary* dict, const char* key) {
  const AVDictionaryEntry* e = av_dict_get(dict, key, nullptr, 0);
  return e != nullptr && e->value != nullptr ? e->value : "";
}

void CountStreams(const AVFormatContext* fmt, VideoInfo* info) {
  for (unsigned i = 0; i < fmt->nb_streams; ++i) {
    const AVStream* st = fmt->streams[i];
    if (st->codecpar->codec_type == AVMEDIA_TYPE_AUDIO) ++info->audio_streams;
    if (st->codecpar->codec_type == AVMEDIA_TYPE_VIDEO &&
        (st->disposition & AV_DISPOSITION_ATTACHED_PIC) == 0) {
      ++info->video_streams;
    }
  }
}

}  // namespace

Status ReadVideoInfo(VideoFile::Impl* impl) {
  const AVFormatContext* fmt = impl->fmt;
  const AVStream* st = fmt->streams[impl->stream];
  const AVCodecParameters* par = st->codecpar;
  VideoInfo& info = impl->info;
  info.container = fmt->iformat->name;
  info.codec = avcodec_get_name(par->codec_id);
  if (par->width <= 0 || par->height <= 0) {
    return Status::Corrupt(impl->name + ": the video stream has no picture size");
  }
  info.rotation = RotationOf(st);
  bool turned = info.rotation == 90 || info.rotation == 270;
  info.width = turned ? par->height : par->width;
  info.height = turned ? par->width : par->height;
  info.time_base_num = st->time_base.num;
  info.time_base_den = st->time_base.den;
  if (st->time_base.num <= 0 || st->time_base.den <= 0) {
    return Status::Corrupt(impl->name + ": the video stream has no time base");
  }
  if (fmt->duration != AV_NOPTS_VALUE && fmt->duration > 0)
    info.container_duration_s = static_cast<double>(fmt->duration) / AV_TIME_BASE;
  if (st->duration != AV_NOPTS_VALUE && st->duration > 0)
    info.stream_duration_s = static_cast<double>(st->duration) * av_q2d(st->time_base);
  if (st->avg_frame_rate.num > 0 && st->avg_frame_rate.den > 0)
    info.frame_rate = av_q2d(st->avg_frame_rate);
  CountStreams(fmt, &info);
  info.encoder = Tag(fmt->metadata, "encoder");
  if (info.encoder.empty()) info.encoder = Tag(st->metadata, "encoder");
  info.creation_time = Tag(fmt->metadata, "creation_time");
  if (info.creation_time.empty()) info.creation_time = Tag(st->metadata, "creation_time");
  info.apple_creation_date = Tag(fmt->metadata, "com.apple.quicktime.creationdate");
  return Status::Ok();
}

}  // namespace parcelproof
