#include "core/gray_pixels.h"

#include <algorithm>
#include <cstddef>

namespace parcelproof {

GrayPixels CutRect(const GrayPixels& p, int x0, int y0, int x1, int y1) {
  x0 = std::max(0, x0);
  y0 = std::max(0, y0);
  x1 = std::min(p.width, x1);
  y1 = std::min(p.height, y1);
  GrayPixels out;
  if (x1 <= x0 || y1 <= y0) return out;
  out.width = x1 - x0;
  out.height = y1 - y0;
  out.data.reserve(static_cast<size_t>(out.width) * static_cast<size_t>(out.height));
  for (int y = y0; y < y1; ++y) {
    const uint8_t* row = p.data.data() + static_cast<size_t>(y) * static_cast<size_t>(p.width);
    out.data.insert(out.data.end(), row + x0, row + x1);
  }
  return out;
}

}  // namespace parcelproof
