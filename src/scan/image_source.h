// The pictures of one photo: a base picture decoded at reduced scale when the
// photo is large (fast), and the full resolution decoded only on demand.
#ifndef PARCELPROOF_SCAN_IMAGE_SOURCE_H_
#define PARCELPROOF_SCAN_IMAGE_SOURCE_H_

#include <optional>
#include <string>

#include "core/image_header.h"
#include "image/picture.h"

namespace parcelproof {

class ImageSource {
 public:
  // bytes must outlive nothing: the source keeps its own copy until Full().
  ImageSource(std::string bytes, const ImageHeader& header, int orientation);

  // Decodes the base picture (HEIF through libheif, with its own rotation;
  // the others through OpenCV). Corrupt when the image data cannot be
  // decoded; Unsupported when a HEIF primary image exceeds max_pixels.
  Status Init(int64_t max_pixels);
  const Picture& base() const { return base_; }
  // Maps base-picture points to full-resolution points.
  const Affine& base_to_full() const { return base_to_full_; }
  bool reduced() const { return reduce_ > 1; }
  // The full-resolution picture, decoded once; nullptr when that fails.
  const Picture* Full();
  int full_width() const { return full_width_; }
  int full_height() const { return full_height_; }
  // Uses pixels already decoded as the base (warm-up and tests).
  void SetBaseForTesting(const Picture& picture);

 private:
  std::string bytes_;
  ImageKind kind_;
  int orientation_;
  int reduce_ = 1;
  int full_width_ = 0;
  int full_height_ = 0;
  Picture base_;
  Affine base_to_full_;
  std::optional<Picture> full_;
  bool full_failed_ = false;
};

}  // namespace parcelproof

#endif  // PARCELPROOF_SCAN_IMAGE_SOURCE_H_
