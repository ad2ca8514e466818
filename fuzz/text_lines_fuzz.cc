// Text lines found on runs of ink against the pixel algorithm they replaced
// (text_lines_reference.h): any picture, the same lines and blocks. The
// first two bytes give the width, the rest are pixels (grown into a picture
// by repeating them, so that small inputs make pictures larger than a block).
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "fuzz_picture.h"
#include "image/text_lines.h"
#include "image/text_lines_reference.h"

namespace {

bool Same(const parcelproof::Box& a, const parcelproof::Box& b) {
  return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3) return 0;
  const parcelproof::GrayPixels p =
      parcelproof::fuzz::PictureFromBytes(data, size, {2, 8, 300, 8, 300});
  for (int min_h : {2, 6}) {
    auto got = parcelproof::FindTextBlocks(p, min_h, 45);
    auto want = parcelproof::reference::FindTextBlocks(p, min_h, 45);
    if (got.size() != want.size()) std::abort();
    for (size_t i = 0; i < got.size(); ++i) {
      if (got[i].lines.size() != want[i].lines.size()) std::abort();
      for (size_t j = 0; j < got[i].lines.size(); ++j) {
        if (!Same(got[i].lines[j], want[i].lines[j])) std::abort();
      }
    }
  }
  return 0;
}
