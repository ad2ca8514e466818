// The pictures of one photo: a base picture decoded at reduced scale when the
// photo is large (fast), and the full resolution decoded only on demand.
#ifndef PARCELPROOF_SCAN_IMAGE_SOURCE_H_
#define PARCELPROOF_SCAN_IMAGE_SOURCE_H_

#include <optional>
#include <string>
#include <vector>

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
  // The full-resolution picture with at least the pixels inside `areas`
  // (upright full-resolution coordinates) decoded: a plain JPEG decodes only
  // the rows they cover (and the rows above them, without their pixels), so
  // that other rows may still be blank, filled when a later call asks for
  // them. nullptr when decoding fails.
  const Picture* FullAround(const std::vector<Quad>& areas);
  // Size of the upright full-resolution image.
  int full_width() const;
  int full_height() const;
  // Uses pixels already decoded as the base (warm-up and tests).
  void SetBaseForTesting(const Picture& picture);

 private:
  Result<Picture> Decode(int reduce) const;
  // Decodes the rows of the full picture in `want` (decoded coordinates)
  // that are still blank; false when that fails.
  bool FillRows(std::vector<std::pair<int, int>> want);
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
  bool partial_ = false;            // full_ may be decoded in bands of rows
  std::vector<uint8_t> full_rows_;  // per row of a partial full_: 1 once decoded
  bool full_failed_ = false;
};

}  // namespace parcelproof

#endif  // PARCELPROOF_SCAN_IMAGE_SOURCE_H_
