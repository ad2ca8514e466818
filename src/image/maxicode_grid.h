// MaxiCode in photos: finds the bullseye (concentric rings), estimates the
// hexagonal module grid around it (rotation from the lattice itself, affine
// shape from the rings' ellipses, perspective from the isolated modules) and
// samples the 33 rows of 30 modules, so that a decoder that only accepts a
// pure, axis-aligned symbol can read it.
#ifndef PARCELPROOF_IMAGE_MAXICODE_GRID_H_
#define PARCELPROOF_IMAGE_MAXICODE_GRID_H_

#include <array>
#include <cstdint>
#include <vector>

#include "image/picture.h"

namespace parcelproof {

constexpr int kMaxiRows = 33;
constexpr int kMaxiCols = 30;
// Row-major, 1 = dark module; odd rows are shifted half a module right.
using MaxiGrid = std::array<uint8_t, kMaxiRows * kMaxiCols>;

struct MaxiCandidate {
  // The grid sampled in each of the six orientations the lattice allows (60
  // degrees apart): the decoder's error correction picks the right one.
  std::vector<MaxiGrid> grids;
  std::vector<Quad> corners;  // per grid: the symbol's outline in the picture
};

// Bullseyes in the picture, most ring-like first, at most max_symbols.
// Never throws.
std::vector<MaxiCandidate> LocateMaxiCodes(const Picture& picture, int max_symbols = 2);

}  // namespace parcelproof

#endif  // PARCELPROOF_IMAGE_MAXICODE_GRID_H_
