// The steps of the text line finder after the ink is found (boxes of words
// into lines, lines into blocks), shared by FindTextBlocks and the test
// reference of its pixel-based predecessor.
#ifndef PARCELPROOF_IMAGE_TEXT_LINE_GROUPS_H_
#define PARCELPROOF_IMAGE_TEXT_LINE_GROUPS_H_

#include <vector>

#include "image/text_lines.h"

namespace parcelproof {

// Words of one line joined into one box; lines narrower than twice their
// height dropped; top to bottom.
std::vector<Box> MergeLines(std::vector<Box> boxes);

// `lines` and those of `more` that overlap none of them, top to bottom.
std::vector<Box> AddNewLines(std::vector<Box> lines, const std::vector<Box>& more);

// Lines (top to bottom) grouped into blocks of aligned, evenly spaced lines.
std::vector<TextBlock> GroupIntoBlocks(const std::vector<Box>& lines);

}  // namespace parcelproof

#endif  // PARCELPROOF_IMAGE_TEXT_LINE_GROUPS_H_
