#include "image/pixel_ops.h"

#include <algorithm>
#include <cstdlib>

namespace parcelproof {

void MeanAbs(const int16_t* gx, const int16_t* gy, uint8_t* out, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    int a = std::min(std::abs(static_cast<int>(gx[i])), 255);
    int b = std::min(std::abs(static_cast<int>(gy[i])), 255);
    int s = a + b;
    // s / 2 rounded half to even: an odd sum ends in .5, which goes to
    // the even one of s / 2 and s / 2 + 1.
    int half = s >> 1;
    out[i] = static_cast<uint8_t>(half + (s & half & 1));
  }
}

void TwiceMinus(const uint8_t* a, const uint8_t* b, uint8_t* out, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    int v = 2 * static_cast<int>(a[i]) - static_cast<int>(b[i]);
    out[i] = static_cast<uint8_t>(std::clamp(v, 0, 255));
  }
}

}  // namespace parcelproof
