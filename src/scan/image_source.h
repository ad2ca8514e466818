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
  // Maps base-picture points to full-resolution points of the upright image.
  const Affine& base_to_full() const { return base_to_full_; }
  // Maps points of Full() to the upright image (EXIF rotations are applied to
  // coordinates, not pixels; mirrored orientations to pixels).
  const Affine& full_to_upright() const { return full_to_upright_; }
  bool reduced() const { return reduce_ > 1; }
  // The full-resolution picture, decoded once; nullptr when that fails.
  const Picture* Full();
  // Size of the upright full-resolution image.
  int full_width() const;
  int full_height() const;
  // Uses pixels already decoded as the base (warm-up and tests).
  void SetBaseForTesting(const Picture& picture);

 private:
  Result<Picture> Decode(int reduce) const;
  std::string bytes_;
  ImageKind kind_;
  int pixel_orientation_;  // applied to pixels while decoding
  int coord_orientation_;  // applied to coordinates afterwards
  int reduce_ = 1;
  int decoded_width_ = 0;  // full resolution, before coordinate rotation
  int decoded_height_ = 0;
  Picture base_;
  Affine base_to_full_;
  Affine full_to_upright_;
  std::optional<Picture> full_;
  bool full_failed_ = false;
};

}  // namespace parcelproof

#endif  // PARCELPROOF_SCAN_IMAGE_SOURCE_H_
