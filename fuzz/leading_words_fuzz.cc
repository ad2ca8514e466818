// Where a line's picture is cut to keep its leading words, on any picture:
// never outside the picture, and the cut is a column without ink between
// words (or the whole width). The first two bytes give the width, the third
// the number of words and the line's rows; the rest are pixels (repeated to
// fill the picture).
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "image/leading_words.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 4) return 0;
  parcelproof::GrayPixels p;
  p.width = 1 + (data[0] | data[1] << 8) % 600;
  const size_t pixels = size - 3;
  p.height = 1 + static_cast<int>(pixels * 4 / static_cast<size_t>(p.width)) % 120;
  p.data.resize(static_cast<size_t>(p.width) * static_cast<size_t>(p.height));
  for (size_t i = 0; i < p.data.size(); ++i) p.data[i] = data[3 + i % pixels];
  const int words = data[2] % 5;
  const int top = (data[2] >> 3) % 8 - 2, bottom = p.height + 2 - (data[2] >> 5);
  const int keep = parcelproof::LeadingWordsWidth(p, top, bottom, words);
  if (keep < 0 || keep > p.width) std::abort();
  return 0;
}
