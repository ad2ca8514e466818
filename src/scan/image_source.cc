#include "scan/image_source.h"

#include <algorithm>
#include <cmath>
#include <new>
#include <utility>

#include "heif/heif_decode.h"
#include "jpeg/jpeg_decode.h"

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

bool IsRotation(int orientation) {
  return orientation == 3 || orientation == 6 || orientation == 8;
}

// Maps decoded (stored, unrotated) coordinates of a w x h frame to the upright
// view for EXIF rotations 3, 6 and 8: cheaper than turning the pixels.
Affine RotationToUpright(int orientation, double w, double h) {
  Affine a;
  switch (orientation) {
    case 3:
      a.m[0] = -1;
      a.m[2] = w;
      a.m[4] = -1;
      a.m[5] = h;
      break;
    case 6:
      a.m[0] = 0;
      a.m[1] = -1;
      a.m[2] = h;
      a.m[3] = 1;
      a.m[4] = 0;
      break;
    case 8:
      a.m[0] = 0;
      a.m[1] = 1;
      a.m[3] = -1;
      a.m[4] = 0;
      a.m[5] = w;
      break;
    default:
      break;
  }
  return a;
}

}  // namespace

ImageSource::ImageSource(std::string bytes, const ImageHeader& header, int orientation)
    : bytes_(std::move(bytes)),
      kind_(header.kind),
      pixel_orientation_(IsRotation(orientation) ? 1 : orientation),
      coord_orientation_(IsRotation(orientation) ? orientation : 1),
      reduce_(ReduceFor(header)),
      decoded_width_(static_cast<int>(header.width)),
      decoded_height_(static_cast<int>(header.height)) {
  if (pixel_orientation_ == 5 || pixel_orientation_ == 7)
    std::swap(decoded_width_, decoded_height_);
}

Status ImageSource::Init(int64_t max_pixels) {
  if (kind_ == ImageKind::kHeif) {
    Result<GrayPixels> g = DecodeHeifGray(bytes_, max_pixels);
    if (!g.ok()) return g.status();
    base_ = Picture::FromGray(g->data.data(), g->width, g->height, g->width);
  } else {
    Result<Picture> p = Decode(reduce_);
    if (!p.ok()) return p.status();
    base_ = *p;
  }
  partial_ =
      reduce_ > 1 && kind_ == ImageKind::kJpeg && pixel_orientation_ == 1 && IsPlainJpeg(bytes_);
  if (reduce_ == 1) {
    decoded_width_ = base_.width();
    decoded_height_ = base_.height();
    bytes_ = std::string();
  }
  full_to_upright_ = RotationToUpright(coord_orientation_, decoded_width_, decoded_height_);
  Affine scale;
  scale.m[0] = static_cast<double>(decoded_width_) / base_.width();
  scale.m[4] = static_cast<double>(decoded_height_) / base_.height();
  base_to_full_ = scale.Then(full_to_upright_);
  return Status::Ok();
}

// JPEGs in YCbCr or grey through libjpeg (no OpenCV codecs to load), the
// rest through OpenCV.
Result<Picture> ImageSource::Decode(int reduce) const {
  if (kind_ == ImageKind::kJpeg && IsPlainJpeg(bytes_)) {
    Result<GrayPixels> g = DecodeJpegGray(bytes_, reduce);
    if (!g.ok()) return g.status();
    return Picture::FromPixels(std::move(*g), pixel_orientation_);
  }
  return Picture::Decode(bytes_, pixel_orientation_, reduce);
}

int ImageSource::full_width() const {
  return coord_orientation_ == 6 || coord_orientation_ == 8 ? decoded_height_ : decoded_width_;
}

int ImageSource::full_height() const {
  return coord_orientation_ == 6 || coord_orientation_ == 8 ? decoded_width_ : decoded_height_;
}

void ImageSource::SetBaseForTesting(const Picture& picture) {
  base_ = picture;
  reduce_ = 1;
  decoded_width_ = picture.width();
  decoded_height_ = picture.height();
}

const Picture* ImageSource::Full() {
  if (reduce_ == 1) return &base_;
  if (full_ && !full_rows_.empty()) {
    if (!FillRows({{0, decoded_height_}})) return nullptr;
  } else if (!full_ && !full_failed_) {
    Result<Picture> p = Decode(1);
    full_failed_ = !p.ok();
    if (p.ok()) full_ = *p;
    bytes_ = std::string();
  }
  return full_ ? &*full_ : nullptr;
}

const Picture* ImageSource::FullAround(const std::vector<Quad>& areas) {
  if (reduce_ == 1) return &base_;
  if (!partial_ || full_failed_ || (full_ && full_rows_.empty())) return Full();
  Affine to_decoded = full_to_upright_.Inverse();
  std::vector<std::pair<int, int>> want;
  for (const Quad& q : areas) {
    // From the far edges: an area off the picture still gets the edge rows
    // that crops replicate beyond the border.
    double top = decoded_height_, bottom = 0;
    for (const PointF& p : to_decoded.Apply(q)) {
      if (!std::isfinite(p.y)) return Full();
      top = std::min(top, p.y);
      bottom = std::max(bottom, p.y);
    }
    // Bilinear interpolation reads the rows on either side of a point.
    top = std::clamp(std::floor(top) - 2, 0.0, static_cast<double>(decoded_height_));
    bottom = std::clamp(std::ceil(bottom) + 3, 0.0, static_cast<double>(decoded_height_));
    want.emplace_back(static_cast<int>(top), static_cast<int>(bottom));
  }
  if (!FillRows(std::move(want))) return nullptr;
  return &*full_;
}

bool ImageSource::FillRows(std::vector<std::pair<int, int>> want) {
  if (!full_) {
    GrayPixels blank;
    blank.width = decoded_width_;
    blank.height = decoded_height_;
    try {
      blank.data.resize(static_cast<size_t>(blank.width) * static_cast<size_t>(blank.height));
    } catch (const std::bad_alloc&) {
      full_failed_ = true;  // as the whole decode fails on a picture too large
      return false;
    }
    full_ = Picture::FromPixels(std::move(blank), 1);
    full_rows_.assign(static_cast<size_t>(decoded_height_), 0);
  }
  std::sort(want.begin(), want.end());
  std::vector<RowBand> bands;  // the blank rows wanted, merged, top to bottom
  for (const auto& [begin, end] : want) {
    for (int y = std::max(begin, bands.empty() ? 0 : bands.back().end); y < end; ++y) {
      if (full_rows_[static_cast<size_t>(y)]) continue;
      if (!bands.empty() && bands.back().end == y)
        ++bands.back().end;
      else
        bands.push_back({y, y + 1});
    }
  }
  if (bands.empty()) return true;
  Status s =
      DecodeJpegGrayRows(bytes_, bands, full_->mutable_data(), decoded_width_, decoded_height_);
  if (!s.ok()) {
    // Left to the whole-picture decode, which decides as before.
    full_.reset();
    full_rows_.clear();
    return Full() != nullptr;
  }
  for (const RowBand& b : bands) {
    std::fill(full_rows_.begin() + b.begin, full_rows_.begin() + b.end, 1);
  }
  if (std::find(full_rows_.begin(), full_rows_.end(), 0) == full_rows_.end()) {
    full_rows_.clear();  // whole now
    bytes_ = std::string();
  }
  return true;
}

}  // namespace parcelproof
