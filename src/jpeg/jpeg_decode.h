// JPEG photos through libjpeg-turbo, without OpenCV's codecs (whose loading
// costs each process about 80 ms): the luminance only, reduced by 1, 2, 4 or
// 8 in the DCT domain, so that most of the work of a full decode is skipped.
#ifndef PARCELPROOF_JPEG_JPEG_DECODE_H_
#define PARCELPROOF_JPEG_JPEG_DECODE_H_

#include <string>

#include "core/gray_pixels.h"
#include "parcelproof/status.h"

namespace parcelproof {

// True for JPEGs in YCbCr or grey, the colour spaces decoded here (CMYK and
// YCCK need a colour conversion: leave them to another decoder).
bool IsPlainJpeg(const std::string& bytes);

// Corrupt when libjpeg gives up on the data; warnings (damaged entropy data)
// are not errors, as in every other JPEG viewer.
Result<GrayPixels> DecodeJpegGray(const std::string& bytes, int reduce);

}  // namespace parcelproof

#endif  // PARCELPROOF_JPEG_JPEG_DECODE_H_
