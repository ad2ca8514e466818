// Re-encoding a photo as a JPEG that fits a byte budget, for upload sets:
// upright (EXIF orientation applied), longer side at most max_side, the
// highest quality (85 down to 40) and then the largest size that fits.
// Deterministic for the same input.
#ifndef PARCELPROOF_IMAGE_FIT_JPEG_H_
#define PARCELPROOF_IMAGE_FIT_JPEG_H_

#include <cstdint>
#include <string>
#include <vector>

#include "parcelproof/status.h"

namespace parcelproof {

struct FittedJpeg {
  std::string jpeg;
  std::vector<uint8_t> rgb;  // the encoded picture decoded again, width*height*3
  int width = 0, height = 0;
  int quality = 0;
};

// bytes: an encoded image (JPEG, PNG, WebP). Corrupt when it cannot be
// decoded; Unsupported when even a 400-pixel version at quality 40 exceeds
// max_bytes.
Result<FittedJpeg> FitJpeg(const std::string& bytes, int orientation, int max_side,
                           uint64_t max_bytes);

}  // namespace parcelproof

#endif  // PARCELPROOF_IMAGE_FIT_JPEG_H_
