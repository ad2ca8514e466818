// Decoding a sampled MaxiCode module grid with ZXing, which reads MaxiCode
// only from a pure, axis-aligned symbol image: the grid is drawn as one.
#ifndef PARCELPROOF_BARCODE_MAXICODE_READ_H_
#define PARCELPROOF_BARCODE_MAXICODE_READ_H_

#include <optional>

#include "barcode/reader.h"
#include "image/maxicode_grid.h"

namespace parcelproof {

// The grid as a pure symbol image: each module a 3x3 block at the very point
// ZXing's pure-symbol reader samples, one dark pixel in two opposite corners
// so that the symbol's bounding box is the whole image.
Picture RenderPureMaxiCode(const MaxiGrid& grid);

// Empty when the grid is not a MaxiCode that error correction accepts.
std::optional<RawCode> ReadMaxiGrid(const MaxiGrid& grid);

}  // namespace parcelproof

#endif  // PARCELPROOF_BARCODE_MAXICODE_READ_H_
