// A grey picture grown from a fuzzer's bytes, for the picture targets: the
// first two bytes give the width, the bytes after `header` are the pixels,
// repeated to fill the picture, so that small inputs make pictures larger
// than a block.
#ifndef PARCELPROOF_FUZZ_FUZZ_PICTURE_H_
#define PARCELPROOF_FUZZ_FUZZ_PICTURE_H_

#include <cstddef>
#include <cstdint>

#include "core/gray_pixels.h"

namespace parcelproof::fuzz {

struct PictureShape {
  size_t header;  // bytes before the pixels (at least 2; size must exceed it)
  int min_side;   // smallest width and height
  int widths;     // width: min_side + (first two bytes) % widths
  int rows_per;   // height: min_side + (pixels * rows_per / width) % heights
  int heights;
};

inline GrayPixels PictureFromBytes(const uint8_t* data, size_t size, const PictureShape& s) {
  GrayPixels p;
  p.width = s.min_side + (data[0] | data[1] << 8) % s.widths;
  const size_t pixels = size - s.header;
  p.height = s.min_side + static_cast<int>(pixels * static_cast<size_t>(s.rows_per) /
                                           static_cast<size_t>(p.width)) %
                              s.heights;
  p.data.resize(static_cast<size_t>(p.width) * static_cast<size_t>(p.height));
  for (size_t i = 0; i < p.data.size(); ++i) p.data[i] = data[s.header + i % pixels];
  return p;
}

}  // namespace parcelproof::fuzz

#endif  // PARCELPROOF_FUZZ_FUZZ_PICTURE_H_
