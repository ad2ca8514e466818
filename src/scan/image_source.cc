#include "scan/image_source.h"

#include <algorithm>

#include "heif/heif_decode.h"

namespace parcelproof {
namespace {

// Large JPEGs are decoded reduced so that the long side stays at least this
// many pixels: enough for labels down to a tenth of the frame.
constexpr int64_t kBaseMinSide = 2000;

int ReduceFor(const ImageHeader& h) {
  if (h.kind != ImageKind::kJpeg) return 1;
  int64_t longest = std::max(h.width, h.height);
  int reduce = 1;
  while (reduce < 8 && longest / (reduce * 2) >= kBaseMinSide) reduce *= 2;
  return reduce;
}

}  // namespace

ImageSource::ImageSource(std::string bytes, const ImageHeader& header, int orientation)
    : bytes_(std::move(bytes)),
      kind_(header.kind),
      orientation_(orientation),
      reduce_(ReduceFor(header)) {
  bool swap = orientation >= 5 && orientation <= 8;
  full_width_ = static_cast<int>(swap ? header.height : header.width);
  full_height_ = static_cast<int>(swap ? header.width : header.height);
}

Status ImageSource::Init(int64_t max_pixels) {
  if (kind_ == ImageKind::kHeif) {
    Result<GrayPixels> g = DecodeHeifGray(bytes_, max_pixels);
    if (!g.ok()) return g.status();
    base_ = Picture::FromGray(g->data.data(), g->width, g->height, g->width);
  } else {
    Result<Picture> p = Picture::Decode(bytes_, orientation_, reduce_);
    if (!p.ok()) return p.status();
    base_ = *p;
  }
  if (reduce_ == 1) {
    full_width_ = base_.width();
    full_height_ = base_.height();
    bytes_ = std::string();
  }
  base_to_full_.m[0] = static_cast<double>(full_width_) / base_.width();
  base_to_full_.m[4] = static_cast<double>(full_height_) / base_.height();
  return Status::Ok();
}

void ImageSource::SetBaseForTesting(const Picture& picture) {
  base_ = picture;
  reduce_ = 1;
  full_width_ = picture.width();
  full_height_ = picture.height();
}

const Picture* ImageSource::Full() {
  if (reduce_ == 1) return &base_;
  if (!full_ && !full_failed_) {
    Result<Picture> p = Picture::Decode(bytes_, orientation_, 1);
    full_failed_ = !p.ok();
    if (p.ok()) full_ = *p;
    bytes_ = std::string();
  }
  return full_ ? &*full_ : nullptr;
}

}  // namespace parcelproof
