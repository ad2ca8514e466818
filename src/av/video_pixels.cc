// Decoded frames to grey and RGB buffers, scaled with libswscale and turned
// upright by the display matrix's rotation.
#include <algorithm>
#include <cstddef>
#include <utility>

#include "av/video_impl.h"

namespace parcelproof {
namespace {

// Turns a packed w x h picture of `channels` bytes a pixel clockwise by
// rotation degrees (0, 90, 180, 270).
std::vector<uint8_t> Rotate(std::vector<uint8_t> in, int w, int h, int channels, int rotation) {
  if (rotation == 0) return in;
  std::vector<uint8_t> out(in.size());
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      int nx = x, ny = y, nw = w;
      if (rotation == 90) {
        nx = h - 1 - y;
        ny = x;
        nw = h;
      } else if (rotation == 180) {
        nx = w - 1 - x;
        ny = h - 1 - y;
      } else {
        nx = y;
        ny = w - 1 - x;
        nw = h;
      }
      const uint8_t* src = &in[(static_cast<size_t>(y) * w + x) * channels];
      uint8_t* dst = &out[(static_cast<size_t>(ny) * nw + nx) * channels];
      std::copy(src, src + channels, dst);
    }
  }
  return out;
}

Status Scale(VideoFile::Impl* impl, const AVFrame* frame, int w, int h, AVPixelFormat to,
             int channels, std::vector<uint8_t>* out) {
  impl->sws = sws_getCachedContext(
      impl->sws, frame->width, frame->height, static_cast<AVPixelFormat>(frame->format), w, h, to,
      SWS_BILINEAR | SWS_ACCURATE_RND | SWS_BITEXACT, nullptr, nullptr, nullptr);
  if (impl->sws == nullptr) {
    return Status::Unsupported(impl->name + ": cannot convert frames of pixel format " +
                               std::to_string(frame->format));
  }
  out->assign(static_cast<size_t>(w) * h * channels, 0);
  uint8_t* dst[4] = {out->data(), nullptr, nullptr, nullptr};
  int stride[4] = {w * channels, 0, 0, 0};
  sws_scale(impl->sws, frame->data, frame->linesize, 0, frame->height, dst, stride);
  return Status::Ok();
}

// round((v - 16) * 255 / 219) clamped to 0..255 (libswscale's limited to
// full range), in 16-bit fixed point: a loop the compiler vectorises,
// where a table lookup a pixel is not.
constexpr uint8_t LimitedToFull(int v) {
  int r = ((v > 16 ? v - 16 : 0) * 76307 + 32768) >> 16;
  return static_cast<uint8_t>(r > 255 ? 255 : r);
}

// The same as exact rounding for every 8-bit value (no value is a tie).
constexpr bool LimitedToFullIsExact() {
  for (int v = 0; v < 256; ++v) {
    int d = v > 16 ? v - 16 : 0;
    int exact = (2 * d * 255 + 219) / (2 * 219);
    if (LimitedToFull(v) != (exact > 255 ? 255 : exact)) return false;
  }
  return true;
}
static_assert(LimitedToFullIsExact(), "fixed-point range expansion differs from rounding");

// The luma plane stretched from limited (16-235) to full range, as
// libswscale converts it to grey (same values), for full-size frames of
// 8-bit limited-range YUV: no scaler pass over the picture.
bool CopyLuma(const AVFrame* frame, std::vector<uint8_t>* out) {
  switch (frame->format) {
    case AV_PIX_FMT_YUV420P:
    case AV_PIX_FMT_YUV422P:
    case AV_PIX_FMT_YUV444P:
    case AV_PIX_FMT_NV12:
    case AV_PIX_FMT_NV21:
      break;
    default:
      return false;
  }
  if (frame->color_range == AVCOL_RANGE_JPEG || frame->linesize[0] < frame->width) return false;
  size_t w = static_cast<size_t>(frame->width);
  out->resize(w * static_cast<size_t>(frame->height));
  for (int y = 0; y < frame->height; ++y) {
    const uint8_t* row = frame->data[0] + static_cast<ptrdiff_t>(y) * frame->linesize[0];
    uint8_t* dst = out->data() + w * static_cast<size_t>(y);
    for (size_t x = 0; x < w; ++x) dst[x] = LimitedToFull(row[x]);
  }
  return true;
}

}  // namespace

Status ConvertFrame(VideoFile::Impl* impl, const AVFrame* frame, int max_side, bool colour,
                    VideoFrame* out) {
  int w = frame->width, h = frame->height;
  if (w <= 0 || h <= 0) return Status::Corrupt(impl->name + ": a frame has no size");
  int longest = std::max(w, h);
  if (max_side > 0 && longest > max_side) {
    w = std::max(1, static_cast<int>(static_cast<int64_t>(w) * max_side / longest));
    h = std::max(1, static_cast<int>(static_cast<int64_t>(h) * max_side / longest));
  }
  int rot = impl->info.rotation;
  bool turned = rot == 90 || rot == 270;
  std::vector<uint8_t> grey;
  bool copied = w == frame->width && h == frame->height && CopyLuma(frame, &grey);
  if (!copied) PP_RETURN_IF_ERROR(Scale(impl, frame, w, h, AV_PIX_FMT_GRAY8, 1, &grey));
  out->gray.data = Rotate(std::move(grey), w, h, 1, rot);
  out->gray.width = turned ? h : w;
  out->gray.height = turned ? w : h;
  if (!colour) return Status::Ok();
  std::vector<uint8_t> rgb;
  PP_RETURN_IF_ERROR(Scale(impl, frame, frame->width, frame->height, AV_PIX_FMT_RGB24, 3, &rgb));
  out->rgb.data = Rotate(std::move(rgb), frame->width, frame->height, 3, rot);
  out->rgb.width = turned ? frame->height : frame->width;
  out->rgb.height = turned ? frame->width : frame->height;
  return Status::Ok();
}

}  // namespace parcelproof
