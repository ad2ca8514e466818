// The text line finder as it was before the run-length rewrite (pixels,
// cv::morphologyEx and cv::connectedComponentsWithStats), kept as the tests'
// and the fuzzer's reference: the rewrite must find the same lines and blocks.
// (Both group the lines they find with text_line_groups.h.)
#ifndef PARCELPROOF_IMAGE_TEXT_LINES_REFERENCE_H_
#define PARCELPROOF_IMAGE_TEXT_LINES_REFERENCE_H_

#include <vector>

#include "core/gray_pixels.h"
#include "image/text_lines.h"

namespace parcelproof {
namespace reference {

std::vector<TextBlock> FindTextBlocks(const GrayPixels& picture, int min_h, int max_h);

}  // namespace reference
}  // namespace parcelproof

#endif  // PARCELPROOF_IMAGE_TEXT_LINES_REFERENCE_H_
