// Opening a video with FFmpeg: by content, with limits checked before any
// frame is decoded.
#include <cstring>

#include "av/video_file.h"
#include "av/video_impl.h"

extern "C" {
#include <libavutil/error.h>
#include <libavutil/log.h>
}

namespace parcelproof {
namespace {

constexpr int kIoBufferSize = 1 << 16;

int ReadBytes(void* opaque, uint8_t* buf, int size) {
  auto* impl = static_cast<VideoFile::Impl*>(opaque);
  size_t left = impl->bytes.size() - impl->bytes_pos;
  if (left == 0) return AVERROR_EOF;
  size_t n = std::min(left, static_cast<size_t>(size));
  std::memcpy(buf, impl->bytes.data() + impl->bytes_pos, n);
  impl->bytes_pos += n;
  return static_cast<int>(n);
}

int64_t SeekBytes(void* opaque, int64_t offset, int whence) {
  auto* impl = static_cast<VideoFile::Impl*>(opaque);
  int64_t size = static_cast<int64_t>(impl->bytes.size());
  if (whence == AVSEEK_SIZE) return size;
  int64_t base = whence == SEEK_CUR   ? static_cast<int64_t>(impl->bytes_pos)
                 : whence == SEEK_END ? size
                                      : 0;
  int64_t to = base + offset;
  if (to < 0 || to > size) return -1;
  impl->bytes_pos = static_cast<size_t>(to);
  return to;
}

Status OpenDecoder(VideoFile::Impl* impl) {
  AVStream* st = impl->fmt->streams[impl->stream];
  const AVCodec* decoder = avcodec_find_decoder(st->codecpar->codec_id);
  if (decoder == nullptr) {
    std::string what = avcodec_get_name(st->codecpar->codec_id);
    if (st->codecpar->codec_id == AV_CODEC_ID_NONE) {
      char tag[AV_FOURCC_MAX_STRING_SIZE] = {0};
      av_fourcc_make_string(tag, st->codecpar->codec_tag);
      what = std::string("'") + tag + "' (unknown to FFmpeg)";
    }
    return Status::Unsupported(impl->name + ": unsupported video codec " + what +
                               ": no decoder for it");
  }
  impl->codec = avcodec_alloc_context3(decoder);
  if (impl->codec == nullptr) return Status::Internal("out of memory");
  avcodec_parameters_to_context(impl->codec, st->codecpar);
  impl->codec->pkt_timebase = st->time_base;
  impl->codec->max_pixels = impl->limits.max_pixels;
  impl->codec->thread_count = 2;
  impl->codec->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
  int rc = avcodec_open2(impl->codec, decoder, nullptr);
  if (rc < 0) {
    return Status::Unsupported(impl->name + ": cannot open the " + decoder->name +
                               " decoder: " + AvErrorText(rc));
  }
  impl->packet = av_packet_alloc();
  impl->frame = av_frame_alloc();
  if (impl->packet == nullptr || impl->frame == nullptr) return Status::Internal("out of memory");
  return Status::Ok();
}

Status CheckStreams(VideoFile::Impl* impl) {
  AVFormatContext* fmt = impl->fmt;
  if (static_cast<int>(fmt->nb_streams) > impl->limits.max_streams) {
    return Status::Unsupported(impl->name + ": " + std::to_string(fmt->nb_streams) +
                               " streams (more than " + std::to_string(impl->limits.max_streams) +
                               "); refused");
  }
  for (unsigned i = 0; i < fmt->nb_streams; ++i) {
    const AVCodecParameters* par = fmt->streams[i]->codecpar;
    if (par->codec_type != AVMEDIA_TYPE_VIDEO) continue;
    if (static_cast<int64_t>(par->width) * par->height > impl->limits.max_pixels) {
      return Status::Unsupported(impl->name + ": claims " + std::to_string(par->width) + "x" +
                                 std::to_string(par->height) + " pixels (more than " +
                                 std::to_string(impl->limits.max_pixels) + "); refused");
    }
  }
  return Status::Ok();
}

Status OpenFormat(VideoFile::Impl* impl, const std::string& url) {
  av_log_set_level(AV_LOG_QUIET);
  impl->fmt = avformat_alloc_context();
  if (impl->fmt == nullptr) return Status::Internal("out of memory");
  impl->fmt->max_streams = impl->limits.max_streams + 1;
  if (impl->avio != nullptr) impl->fmt->pb = impl->avio;
  int rc = avformat_open_input(&impl->fmt, url.c_str(), nullptr, nullptr);
  if (rc < 0) {
    impl->fmt = nullptr;  // freed by avformat_open_input
    if (rc == AVERROR(ENOENT)) return Status::NotFound(impl->name + ": no such file");
    if (rc == AVERROR(ENOMEM)) {  // also what the demuxer says beyond max_streams
      return Status::Unsupported(impl->name + ": the container is beyond the limits (more than " +
                                 std::to_string(impl->limits.max_streams) +
                                 " streams, or too large a structure); refused");
    }
    return Status::Corrupt(impl->name + ": not a video FFmpeg can read (" + AvErrorText(rc) + ")");
  }
  PP_RETURN_IF_ERROR(CheckStreams(impl));
  rc = avformat_find_stream_info(impl->fmt, nullptr);
  if (rc < 0) {
    return Status::Corrupt(impl->name + ": cannot read the streams (" + AvErrorText(rc) + ")");
  }
  PP_RETURN_IF_ERROR(CheckStreams(impl));
  impl->stream = av_find_best_stream(impl->fmt, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
  if (impl->stream < 0) {
    bool audio = av_find_best_stream(impl->fmt, AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0) >= 0;
    return Status::Unsupported(impl->name +
                               (audio ? ": audio only, no video stream" : ": no video stream"));
  }
  PP_RETURN_IF_ERROR(ReadVideoInfo(impl));
  return OpenDecoder(impl);
}

}  // namespace

VideoFile::Impl::~Impl() {
  sws_freeContext(sws);
  av_frame_free(&frame);
  av_packet_free(&packet);
  avcodec_free_context(&codec);
  if (avio != nullptr) {
    if (fmt != nullptr) fmt->pb = nullptr;
    av_freep(&avio->buffer);
    avio_context_free(&avio);
  }
  avformat_close_input(&fmt);
}

std::string AvErrorText(int code) {
  char buf[AV_ERROR_MAX_STRING_SIZE] = {0};
  av_strerror(code, buf, sizeof buf);
  return buf;
}

VideoFile::VideoFile(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
VideoFile::~VideoFile() = default;

Result<std::unique_ptr<VideoFile>> VideoFile::Open(const std::string& path,
                                                   const VideoLimits& limits) {
  auto impl = std::make_unique<Impl>();
  impl->name = path;
  impl->limits = limits;
  PP_RETURN_IF_ERROR(OpenFormat(impl.get(), "file:" + path));
  return std::unique_ptr<VideoFile>(new VideoFile(std::move(impl)));
}

Result<std::unique_ptr<VideoFile>> VideoFile::OpenBytes(std::string bytes, const std::string& name,
                                                        const VideoLimits& limits) {
  auto impl = std::make_unique<Impl>();
  impl->name = name;
  impl->limits = limits;
  impl->bytes = std::move(bytes);
  auto* buffer = static_cast<uint8_t*>(av_malloc(kIoBufferSize));
  impl->avio =
      avio_alloc_context(buffer, kIoBufferSize, 0, impl.get(), ReadBytes, nullptr, SeekBytes);
  if (impl->avio == nullptr) {
    av_free(buffer);
    return Status::Internal("out of memory");
  }
  PP_RETURN_IF_ERROR(OpenFormat(impl.get(), ""));
  return std::unique_ptr<VideoFile>(new VideoFile(std::move(impl)));
}

Result<std::unique_ptr<VideoFile>> VideoFile::Reopen() const {
  const Impl& d = *impl_;
  Result<std::unique_ptr<VideoFile>> again =
      d.avio != nullptr ? OpenBytes(d.bytes, d.name, d.limits) : Open(d.name, d.limits);
  if (!again.ok()) return again.status();
  Impl& e = *(*again)->impl_;
  e.info = d.info;
  e.packets = d.packets;
  e.presentation = d.presentation;
  e.keyframes = d.keyframes;
  e.origin_pts = d.origin_pts;
  e.indexed = d.indexed;
  return again;
}

const VideoInfo& VideoFile::info() const { return impl_->info; }
const std::vector<PacketFact>& VideoFile::packets() const { return impl_->packets; }
const std::vector<int64_t>& VideoFile::presentation() const { return impl_->presentation; }
int64_t VideoFile::first_pts() const { return impl_->origin_pts; }
int VideoFile::corrupt_frames() const { return impl_->corrupt_frames; }
int64_t VideoFile::frames_decoded() const { return impl_->frames_decoded; }
const std::vector<std::string>& VideoFile::decode_problems() const {
  return impl_->decode_problems;
}

double VideoFile::Seconds(int64_t pts) const {
  return static_cast<double>(pts - impl_->origin_pts) * impl_->info.time_base_num /
         impl_->info.time_base_den;
}

bool LooksLikeVideo(const std::string& head) {
  if (head.size() >= 12 && head.compare(0, 4, "RIFF") == 0 && head.compare(8, 4, "AVI ") == 0)
    return true;
  if (head.size() >= 4 && head.compare(0, 4, "\x1a\x45\xdf\xa3") == 0) return true;
  if (head.size() < 8) return false;
  std::string box = head.substr(4, 4);
  if (box == "ftyp") {  // HEIF/AVIF still images share the ISO base media format
    std::string brand = head.size() >= 12 ? head.substr(8, 4) : "";
    for (const char* still : {"heic", "heix", "heim", "heis", "mif1", "msf1", "avif", "avis"})
      if (brand == still) return false;
    return true;
  }
  return box == "moov" || box == "mdat" || box == "wide" || box == "free" || box == "skip";
}

}  // namespace parcelproof
