// A decoded 8-bit grey picture, as decoders outside the image module hand it
// over (no third-party types).
#ifndef PARCELPROOF_CORE_GRAY_PIXELS_H_
#define PARCELPROOF_CORE_GRAY_PIXELS_H_

#include <cstdint>
#include <vector>

namespace parcelproof {

struct GrayPixels {
  std::vector<uint8_t> data;  // width * height bytes, rows packed
  int width = 0;
  int height = 0;
};

// The rectangle [x0, x1) x [y0, y1) of `p`, clipped to it (empty when
// nothing is left).
GrayPixels CutRect(const GrayPixels& p, int x0, int y0, int x1, int y1);

}  // namespace parcelproof

#endif  // PARCELPROOF_CORE_GRAY_PIXELS_H_
