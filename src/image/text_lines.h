// Printed text on a label photo, found without reading it (OpenCV): an
// upright warp of a region given in a barcode's frame, and the boxes of the
// text lines in it, grouped into blocks.
#ifndef PARCELPROOF_IMAGE_TEXT_LINES_H_
#define PARCELPROOF_IMAGE_TEXT_LINES_H_

#include <vector>

#include "core/gray_pixels.h"
#include "image/picture.h"

namespace parcelproof {

// An axis-parallel box in pixels.
struct Box {
  int x = 0;
  int y = 0;
  int w = 0;
  int h = 0;
};

// Lines of text that belong together (same left edge, regular spacing), top to bottom.
struct TextBlock {
  std::vector<Box> lines;
  Box bounds;
};

// The picture seen through `to_source` (which maps output pixels to `source`
// pixels), width x height pixels, white outside the source. Never throws.
GrayPixels WarpToGray(const Picture& source, const Affine& to_source, int width, int height);

// Text lines of dark print on light paper whose height is between min_h and
// max_h pixels, grouped into blocks, top to bottom. Tall dense texture (bars
// of barcodes, photos) is not text. Never throws.
std::vector<TextBlock> FindTextBlocks(const GrayPixels& picture, int min_h, int max_h);

}  // namespace parcelproof

#endif  // PARCELPROOF_IMAGE_TEXT_LINES_H_
