#include "barcode/maxicode_read.h"

#include <vector>

namespace parcelproof {
namespace {

constexpr int kCell = 6;  // pixels per module in the pure image

}  // namespace

Picture RenderPureMaxiCode(const MaxiGrid& grid) {
  const int w = kMaxiCols * kCell, h = kMaxiRows * kCell;
  std::vector<uint8_t> px(static_cast<size_t>(w) * h, 255);
  for (int r = 0; r < kMaxiRows; ++r) {
    for (int c = 0; c < kMaxiCols; ++c) {
      if (!grid[r * kMaxiCols + c]) continue;
      // ZXing samples (x * w + w / 2 + (y & 1) * w / 2) / 30, (y * h + h / 2) / 33.
      int x = (c * w + w / 2 + (r & 1) * w / 2) / kMaxiCols;
      int y = (r * h + h / 2) / kMaxiRows;
      for (int dy = -1; dy <= 1; ++dy) {
        for (int dx = -1; dx <= 1; ++dx) {
          int xx = x + dx, yy = y + dy;
          if (xx >= 0 && xx < w && yy >= 0 && yy < h) px[static_cast<size_t>(yy) * w + xx] = 0;
        }
      }
    }
  }
  px[0] = 0;
  px[px.size() - 1] = 0;
  return Picture::FromGray(px.data(), w, h, w);
}

std::optional<RawCode> ReadMaxiGrid(const MaxiGrid& grid) {
  ReadOptions o;
  o.try_harder = false;
  o.try_rotate = false;
  o.pure = true;
  Picture pure = RenderPureMaxiCode(grid);
  return ReadOne(pure.view(), CodeFamily::kMaxiCode, o);
}

}  // namespace parcelproof
