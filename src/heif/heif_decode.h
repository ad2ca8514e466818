// HEIF/HEIC photos (the iPhone default) through libheif: the primary image,
// with the container's rotation and mirroring (irot/imir) applied, as 8-bit
// grey or RGB. EXIF Orientation inside a HEIF is never applied on top.
#ifndef PARCELPROOF_HEIF_HEIF_DECODE_H_
#define PARCELPROOF_HEIF_HEIF_DECODE_H_

#include <cstdint>
#include <string>

#include "core/gray_pixels.h"
#include "core/rgb_pixels.h"
#include "parcelproof/status.h"

namespace parcelproof {

// Refuses (Unsupported) a primary image over max_pixels before decoding it;
// Corrupt when libheif cannot read or decode the file.
Result<GrayPixels> DecodeHeifGray(const std::string& bytes, int64_t max_pixels);

// The same primary image in colour (R, G, B; a grey image gives R = G = B).
// Same refusals as DecodeHeifGray.
Result<RgbPixels> DecodeHeifRgb(const std::string& bytes, int64_t max_pixels);

}  // namespace parcelproof

#endif  // PARCELPROOF_HEIF_HEIF_DECODE_H_
