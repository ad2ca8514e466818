// The leading words of a printed line, found without reading it: where to
// cut a line's picture so that OCR reads only its first words, at a gap
// between words, never in the middle of one.
#ifndef PARCELPROOF_IMAGE_LEADING_WORDS_H_
#define PARCELPROOF_IMAGE_LEADING_WORDS_H_

#include "core/gray_pixels.h"

namespace parcelproof {

// The width to keep of `line` (dark print on light paper, one line of text
// in rows [top, bottom)) so that its first `words` words are kept whole:
// the middle of the gap after them. A gap between words is a run of columns
// without ink at least 0.3 x the text's height wide. `line.width` when the
// line has no more than `words` words, or too little contrast to tell.
int LeadingWordsWidth(const GrayPixels& line, int top, int bottom, int words);

}  // namespace parcelproof

#endif  // PARCELPROOF_IMAGE_LEADING_WORDS_H_
