// A decoded 8-bit colour picture, as decoders outside the image module hand
// it over (no third-party types).
#ifndef PARCELPROOF_CORE_RGB_PIXELS_H_
#define PARCELPROOF_CORE_RGB_PIXELS_H_

#include <cstdint>
#include <vector>

namespace parcelproof {

struct RgbPixels {
  std::vector<uint8_t> data;  // width * height * 3 bytes, R G B, rows packed
  int width = 0;
  int height = 0;
};

}  // namespace parcelproof

#endif  // PARCELPROOF_CORE_RGB_PIXELS_H_
