// Thumbnails of stored photos: a small JPEG decoded at reduced scale (JPEG
// DCT scaling, so a 12-MP photo is never decoded at full size) with the
// EXIF orientation applied, or made from pixels another decoder produced
// (HEIF). Deterministic for the same input.
#ifndef PARCELPROOF_IMAGE_THUMBNAIL_H_
#define PARCELPROOF_IMAGE_THUMBNAIL_H_

#include <string>

#include "core/rgb_pixels.h"
#include "parcelproof/status.h"

namespace parcelproof {

struct Thumbnail {
  std::string jpeg;  // the encoded thumbnail
  int width = 0;
  int height = 0;
};

// Reads the image file at path, rotates/flips it upright for orientation
// (EXIF 1..8; other values: as stored) and scales it so that its longer
// side is at most max_side. Corrupt when it cannot be decoded.
Result<Thumbnail> MakeThumbnail(const std::string& path, int orientation, int max_side = 320);

// The same from pixels already decoded and upright (a HEIF's, oriented by
// its container): scaled so that the longer side is at most max_side and
// encoded the same way. Corrupt for empty or inconsistent pixels.
Result<Thumbnail> MakeThumbnailFromPixels(const RgbPixels& pixels, int max_side = 320);

}  // namespace parcelproof

#endif  // PARCELPROOF_IMAGE_THUMBNAIL_H_
