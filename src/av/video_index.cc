// The packet index of the video stream: every packet's timestamps, read by
// demuxing only (no decoding), and the presentation order built from it.
#include <algorithm>

#include "av/video_impl.h"

namespace parcelproof {

Status VideoFile::Index() {
  Impl& d = *impl_;
  if (d.indexed) return Status::Ok();
  int rc = 0;
  while ((rc = av_read_frame(d.fmt, d.packet)) >= 0) {
    if (d.packet->stream_index == d.stream) {
      if (static_cast<int64_t>(d.packets.size()) >= d.limits.max_packets) {
        av_packet_unref(d.packet);
        return Status::Unsupported(d.name + ": more than " + std::to_string(d.limits.max_packets) +
                                   " video frames; refused");
      }
      PacketFact f;
      f.dts = d.packet->dts;
      f.pts = d.packet->pts != AV_NOPTS_VALUE ? d.packet->pts : d.packet->dts;
      f.key = (d.packet->flags & AV_PKT_FLAG_KEY) != 0;
      f.discard = (d.packet->flags & AV_PKT_FLAG_DISCARD) != 0;
      if (f.pts != AV_NOPTS_VALUE) d.packets.push_back(f);
    }
    av_packet_unref(d.packet);
  }
  if (rc != AVERROR_EOF) {
    NoteProblem(&d, INT64_MIN, "reading stopped before the end: " + AvErrorText(rc));
  }
  for (const PacketFact& f : d.packets) {
    if (f.discard) continue;
    d.presentation.push_back(f.pts);
    if (f.key) d.keyframes.push_back(f);
  }
  if (d.presentation.empty()) return Status::Corrupt(d.name + ": the video stream has no frames");
  std::sort(d.presentation.begin(), d.presentation.end());
  std::sort(d.keyframes.begin(), d.keyframes.end(),
            [](const PacketFact& a, const PacketFact& b) { return a.pts < b.pts; });
  d.origin_pts = d.presentation.front();
  if (d.fmt->start_time != AV_NOPTS_VALUE) {
    int64_t start = av_rescale_q(d.fmt->start_time, AVRational{1, AV_TIME_BASE},
                                 d.fmt->streams[d.stream]->time_base);
    d.origin_pts = std::min(start, d.origin_pts);
  }
  size_t n = d.presentation.size();
  double frame = n > 1 ? (Seconds(d.presentation.back()) - Seconds(d.presentation.front())) /
                             static_cast<double>(n - 1)
                       : 0;
  d.info.duration_s = Seconds(d.presentation.back()) + frame;
  d.indexed = true;
  return Status::Ok();
}

}  // namespace parcelproof
