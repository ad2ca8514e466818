// JPEG photos through libjpeg-turbo, without OpenCV's codecs (whose loading
// costs each process about 80 ms): the luminance only, reduced by 1, 2, 4 or
// 8 in the DCT domain, so that most of the work of a full decode is skipped.
#ifndef PARCELPROOF_JPEG_JPEG_DECODE_H_
#define PARCELPROOF_JPEG_JPEG_DECODE_H_

#include <string>
#include <vector>

#include "core/gray_pixels.h"
#include "parcelproof/status.h"

namespace parcelproof {

// True for JPEGs in YCbCr or grey, the colour spaces decoded here (CMYK and
// YCCK need a colour conversion: leave them to another decoder).
bool IsPlainJpeg(const std::string& bytes);

// Corrupt when libjpeg gives up on the data; warnings (damaged entropy data)
// are not errors, as in every other JPEG viewer.
Result<GrayPixels> DecodeJpegGray(const std::string& bytes, int reduce);

// Rows [begin, end) of a picture.
struct RowBand {
  int begin = 0;
  int end = 0;
};

// Decodes at full scale only the bands of rows given (sorted, disjoint) into
// `out`, a packed width x height buffer that must match the JPEG's size;
// rows outside the bands are left as they were. The rows between bands are
// entropy-decoded and skipped, the rows after the last band not read: the
// bands hold exactly the pixels of DecodeJpegGray(bytes, 1), for part of its
// cost. Errors as DecodeJpegGray's; InvalidArgument when the size differs.
Status DecodeJpegGrayRows(const std::string& bytes, const std::vector<RowBand>& bands, uint8_t* out,
                          int width, int height);

}  // namespace parcelproof

#endif  // PARCELPROOF_JPEG_JPEG_DECODE_H_
