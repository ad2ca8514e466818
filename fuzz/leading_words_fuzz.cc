// Where a line's picture is cut to keep its leading words, on any picture:
// never outside the picture, and the cut is a column without ink between
// words (or the whole width). The first two bytes give the width, the third
// the number of words and the line's rows; the rest are pixels (repeated to
// fill the picture).
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "fuzz_picture.h"
#include "image/leading_words.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 4) return 0;
  const parcelproof::GrayPixels p =
      parcelproof::fuzz::PictureFromBytes(data, size, {3, 1, 600, 4, 120});
  const int words = data[2] % 5;
  const int top = (data[2] >> 3) % 8 - 2, bottom = p.height + 2 - (data[2] >> 5);
  const int keep = parcelproof::LeadingWordsWidth(p, top, bottom, words);
  if (keep < 0 || keep > p.width) std::abort();
  return 0;
}
