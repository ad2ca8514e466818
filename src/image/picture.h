// A decoded grey-scale picture (OpenCV inside, std types outside): decoding
// with EXIF orientation applied, scaling, masking, upright crops of rotated
// regions, and detection of 1-D barcodes at any angle.
#ifndef PARCELPROOF_IMAGE_PICTURE_H_
#define PARCELPROOF_IMAGE_PICTURE_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/gray_pixels.h"
#include "parcelproof/scan.h"
#include "parcelproof/status.h"

namespace parcelproof {

// A view of 8-bit grey pixels owned by a Picture.
struct GrayView {
  const uint8_t* data = nullptr;
  int width = 0;
  int height = 0;
  int stride = 0;
};

using Quad = std::array<PointF, 4>;

// Maps points of a derived picture (crop, scaled copy) back to its source.
struct Affine {
  double m[6] = {1, 0, 0, 0, 1, 0};  // x' = m0 x + m1 y + m2; y' = m3 x + m4 y + m5
  PointF Apply(PointF p) const {
    return {m[0] * p.x + m[1] * p.y + m[2], m[3] * p.x + m[4] * p.y + m[5]};
  }
  Quad Apply(const Quad& q) const { return {Apply(q[0]), Apply(q[1]), Apply(q[2]), Apply(q[3])}; }
  // outer.Then... : the map p -> outer(this(p)).
  Affine Then(const Affine& outer) const;
  // The inverse map (the matrix must be invertible).
  Affine Inverse() const;
};

class Picture {
 public:
  Picture();
  ~Picture();
  Picture(const Picture&);
  Picture& operator=(const Picture&);

  // Decodes JPEG/PNG/WebP bytes to grey and applies EXIF orientation 1..8
  // (other values: none). reduce (1, 2, 4 or 8) shrinks while decoding, which
  // JPEG does in the DCT domain, several times faster than a full decode.
  // Corrupt when the decoder yields nothing.
  static Result<Picture> Decode(const std::string& bytes, int orientation, int reduce = 1);
  // Wraps grey pixels (copied).
  static Picture FromGray(const uint8_t* data, int width, int height, int stride);
  // Takes the pixels over (no copy) and applies EXIF orientation 1..8.
  static Picture FromPixels(GrayPixels pixels, int orientation);

  int width() const;
  int height() const;
  GrayView view() const;
  // The pixels, writable (a picture decoded in parts fills its rows later);
  // copied first when another Picture shares them.
  uint8_t* mutable_data();

  // A copy scaled so that its longer side is at most max_side (bilinear);
  // *back maps its points to this picture's. Shares pixels when no scaling is
  // needed.
  Picture Downscaled(int max_side, Affine* back) const;
  // Paints the quadrilateral (grown by `grow` of its size on every side) white.
  void Mask(const Quad& q, double grow);
  // An upright crop of the rotated rectangle through q, long side horizontal,
  // padded by pad times its length and height, longer side scaled to at most
  // max_long pixels; *back maps crop points to this picture's.
  Picture CropUpright(const Quad& q, double pad_long, double pad_short, int max_long,
                      Affine* back) const;
  // Enhanced contrast copy (CLAHE), for glare and uneven light.
  Picture Equalized() const;
  // Each pixel stretched between the darkest and lightest values within
  // `window` pixels along its row: bars under a glare band or in deep shadow
  // regain full contrast (for upright crops of 1-D codes).
  Picture RowNormalized(int window) const;
  // The negative, for light-on-dark symbols.
  Picture Inverted() const;
  // True when the outer tenth of the picture is darker than its own Otsu
  // threshold: a crop around a light-on-dark symbol.
  bool DarkSurround() const;
  // A copy enlarged by factor (cubic) and sharpened (unsharp mask), for thin
  // bars blurred by the camera.
  Picture Sharpened(double factor) const;
  // Mean length in pixels of the dark and light runs across the middle rows:
  // for an upright crop of bars, about two modules. 0 for a flat picture.
  double MeanRunLength() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

// Rotated rectangles around 1-D barcodes at any angle, found from the
// gradient structure tensor (dense edges of one direction), heaviest first, at
// most 40, in this picture's coordinates; the first side runs across the bars.
// Never throws.
std::vector<Quad> DetectLinearBarcodes(const Picture& picture);

// Rotated rectangles around dense high-contrast texture (2-D symbols, bars),
// largest first, at most 24. Never throws.
std::vector<Quad> ProposeSymbolRegions(const Picture& picture);

// Disables OpenCV's own worker threads (we parallelise across processes).
void DisableImageThreads();

}  // namespace parcelproof

#endif  // PARCELPROOF_IMAGE_PICTURE_H_
