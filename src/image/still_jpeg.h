// Evidence stills: a decoded video frame encoded as a JPEG with fixed
// settings (quality 90, 4:2:0, baseline, no metadata), so that the same
// pixels always give the same bytes.
#ifndef PARCELPROOF_IMAGE_STILL_JPEG_H_
#define PARCELPROOF_IMAGE_STILL_JPEG_H_

#include <string>

#include "core/rgb_pixels.h"
#include "parcelproof/status.h"

namespace parcelproof {

constexpr int kStillJpegQuality = 90;

// Corrupt for empty or inconsistent pixels; Internal when encoding fails.
Result<std::string> EncodeStillJpeg(const RgbPixels& pixels);

}  // namespace parcelproof

#endif  // PARCELPROOF_IMAGE_STILL_JPEG_H_
