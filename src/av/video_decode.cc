// Decoding frames at chosen presentation times: seek to the key frame at or
// before each target only when the decoder has not passed it yet, decode
// forward, hand over the first frame at or after the target.
#include <algorithm>
#include <cstdio>
#include <set>

#include "av/video_impl.h"

namespace parcelproof {
namespace {

struct Run {
  VideoFile* file;
  VideoFile::Impl* d;
  const DecodeRequest* req;
  const FrameSink* sink;
  size_t next = 0;               // first target not yet served
  int64_t sent_key = INT64_MIN;  // pts of the last key packet sent to the decoder
  bool stop = false;
  Status status;
};

// Seeks the demuxer so that the next packet is the key frame k (or an
// earlier one) and empties the decoder.
void SeekToKey(VideoFile::Impl* d, const PacketFact& k) {
  int64_t ts = k.dts != AV_NOPTS_VALUE ? std::min(k.dts, k.pts) : k.pts;
  if (av_seek_frame(d->fmt, d->stream, ts, AVSEEK_FLAG_BACKWARD) < 0) {
    av_seek_frame(d->fmt, d->stream, ts, AVSEEK_FLAG_BACKWARD | AVSEEK_FLAG_ANY);
  }
  avcodec_flush_buffers(d->codec);
}

std::string Secs(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f s", s);
  return buf;
}

void NoteCorrupt(VideoFile::Impl* d, std::set<int64_t>* seen, int64_t pts, const std::string& why) {
  if (!seen->insert(pts).second) return;
  ++d->corrupt_frames;
  NoteProblem(d, pts, why);
}

void OnFrame(Run* run, AVFrame* f) {
  VideoFile::Impl* d = run->d;
  int64_t pts = f->best_effort_timestamp != AV_NOPTS_VALUE ? f->best_effort_timestamp : f->pts;
  ++d->frames_decoded;
  if ((f->flags & AV_FRAME_FLAG_CORRUPT) != 0 || f->decode_error_flags != 0) {
    NoteCorrupt(d, &d->corrupt_pts, pts,
                "frame at " + Secs(run->file->Seconds(pts)) + " is corrupt");
    return;
  }
  const std::vector<int64_t>& targets = run->req->targets;
  if (!targets.empty()) {
    if (run->next >= targets.size() || targets[run->next] > pts) return;
    while (run->next < targets.size() && targets[run->next] <= pts) ++run->next;
  }
  VideoFrame out;
  out.pts = pts;
  out.time_s = run->file->Seconds(pts);
  out.key = f->key_frame != 0;
  const std::vector<int64_t>& order = d->presentation;
  auto it = std::lower_bound(order.begin(), order.end(), pts);
  out.index = it != order.end() && *it == pts ? it - order.begin() : -1;
  run->status = ConvertFrame(d, f, run->req->max_side, run->req->colour, &out);
  if (!run->status.ok() || !(*run->sink)(out)) run->stop = true;
}

void Drain(Run* run) {
  while (!run->stop && avcodec_receive_frame(run->d->codec, run->d->frame) >= 0) {
    OnFrame(run, run->d->frame);
    av_frame_unref(run->d->frame);
  }
}

// Seeks when the next target's key frame has not been sent yet.
void SeekIfNeeded(Run* run) {
  const std::vector<int64_t>& targets = run->req->targets;
  if (targets.empty() || run->next >= targets.size()) return;
  const std::vector<PacketFact>& keys = run->d->keyframes;
  auto it = std::upper_bound(keys.begin(), keys.end(), targets[run->next],
                             [](int64_t t, const PacketFact& k) { return t < k.pts; });
  if (it == keys.begin()) return;
  const PacketFact& k = *(it - 1);
  if (k.pts <= run->sent_key) return;
  SeekToKey(run->d, k);
  run->sent_key = k.pts;
}

void Send(Run* run, AVPacket* pkt) {
  VideoFile::Impl* d = run->d;
  int rc = avcodec_send_packet(d->codec, pkt);
  if (rc == AVERROR(EAGAIN)) {
    Drain(run);
    rc = avcodec_send_packet(d->codec, pkt);
  }
  if (rc < 0 && rc != AVERROR_EOF && pkt != nullptr) {
    int64_t pts = pkt->pts != AV_NOPTS_VALUE ? pkt->pts : pkt->dts;
    NoteCorrupt(
        d, &d->corrupt_pts, pts,
        "frame at " + Secs(run->file->Seconds(pts)) + " could not be decoded: " + AvErrorText(rc));
  }
  Drain(run);
}

}  // namespace

Status VideoFile::Decode(const DecodeRequest& request, const FrameSink& sink) {
  PP_RETURN_IF_ERROR(Index());
  Impl* d = impl_.get();
  d->codec->skip_frame = request.keyframes_only ? AVDISCARD_NONKEY : AVDISCARD_DEFAULT;
  d->codec->skip_loop_filter = request.fast ? AVDISCARD_ALL : AVDISCARD_DEFAULT;
  Run run{this, d, &request, &sink, 0, INT64_MIN, false, Status::Ok()};
  if (request.targets.empty()) {
    PacketFact first = d->packets.front();
    for (const PacketFact& p : d->packets) first.dts = std::min(first.dts, p.dts);
    first.pts = first.dts;
    SeekToKey(d, first);
  }
  while (!run.stop && (request.targets.empty() || run.next < request.targets.size())) {
    SeekIfNeeded(&run);
    int rc = av_read_frame(d->fmt, d->packet);
    if (rc < 0) break;
    bool mine = d->packet->stream_index == d->stream;
    bool skip = request.keyframes_only && (d->packet->flags & AV_PKT_FLAG_KEY) == 0;
    if (mine && !skip) {
      if ((d->packet->flags & AV_PKT_FLAG_KEY) != 0 && d->packet->pts != AV_NOPTS_VALUE)
        run.sent_key = std::max(run.sent_key, d->packet->pts);
      Send(&run, d->packet);
    }
    av_packet_unref(d->packet);
  }
  if (!run.stop) Send(&run, nullptr);
  avcodec_flush_buffers(d->codec);
  return run.status;
}

void NoteProblem(VideoFile::Impl* impl, int64_t pts, const std::string& text) {
  if (impl->problems.size() < kKeptProblems)
    impl->problems.push_back({pts, impl->problem_order, text});
  if (impl->decode_problems.size() < kMaxProblemTexts) impl->decode_problems.push_back(text);
}

void VideoFile::set_problem_order(uint64_t order) { impl_->problem_order = order; }

void VideoFile::AddDecodeCounts(const VideoFile& other) {
  Impl& d = *impl_;
  const Impl& o = *other.impl_;
  d.frames_decoded += o.frames_decoded;
  for (int64_t pts : o.corrupt_pts)
    if (d.corrupt_pts.insert(pts).second) ++d.corrupt_frames;
  std::vector<Impl::Problem> all = d.problems;
  all.insert(all.end(), o.problems.begin(), o.problems.end());
  std::stable_sort(all.begin(), all.end(), [](const Impl::Problem& a, const Impl::Problem& b) {
    return a.order < b.order;
  });
  std::set<int64_t> told;
  d.problems.clear();
  d.decode_problems.clear();
  for (Impl::Problem& p : all) {
    if (p.pts != INT64_MIN && !told.insert(p.pts).second) continue;  // told before
    if (d.problems.size() == kKeptProblems) break;
    if (d.decode_problems.size() < kMaxProblemTexts) d.decode_problems.push_back(p.text);
    d.problems.push_back(std::move(p));
  }
}

}  // namespace parcelproof
