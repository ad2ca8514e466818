// When a line the English model read is worth reading again with the
// Latin-script model: the English model lacks the accented letters of names
// and places and reads look-alikes ("Griin", "Krakéw"), or breaks a postal
// code ("1015 C)"), and is then unsure of the word. An unsure word that
// cannot hide such a letter (a postal code that fits, a two-letter code, digits
// or punctuation) is no reason to pay for the second model.
#ifndef PARCELPROOF_SCAN_ACCENT_REREAD_H_
#define PARCELPROOF_SCAN_ACCENT_REREAD_H_

#include <string>

#include "core/gray_pixels.h"
#include "ocr/ocr.h"

namespace parcelproof {

// True when `word` (as read, punctuation included) could hide a letter the
// English model lacks: it holds a letter (or a byte beyond ASCII: the English
// model's look-alikes) and is not a code of two capitals ("ON", "TX", "LX").
bool MayHideLetter(const std::string& word);

// True when a word of `line` read below `sure` may hide a letter and is not
// part of a postal code that fits `country` (ISO alpha-2; any known format
// when empty), or is the letters of such a code read below kConfidentOcr.
bool WorthLatinReread(const OcrLine& line, const std::string& country, double sure);

// The bytes [*begin, *end) of `line` for the Latin model to read when
// WorthLatinReread: from the first to the last word that may hide a letter
// (sure or not: English reads "Sao" sure), leaving out a postal code that
// fits and the codes and punctuation around it, which the Latin model would
// only read again at its cost per character. The whole line when a digit
// stands outside such a code (a broken code: "1015 C)" is read with its
// digits) or the code's own letters are the reason to read.
void LatinSpan(const OcrLine& line, const std::string& country, double sure, size_t* begin,
               size_t* end);

// The picture of bytes [begin, end) of line `l` of `crop`: SubPicture's
// rows, its columns cut at the middle of the gaps before and after those
// words (not to read a sliver of a neighbour); empty when the words' boxes
// are unknown.
GrayPixels SpanPicture(const GrayPixels& crop, const OcrLine& l, size_t begin, size_t end);

}  // namespace parcelproof

#endif  // PARCELPROOF_SCAN_ACCENT_REREAD_H_
