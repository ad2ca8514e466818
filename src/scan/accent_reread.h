// When a line the English model read is worth reading again with the
// Latin-script model: the English model lacks the accented letters of names
// and places and reads look-alikes ("Griin", "Krakéw"), or breaks a postal
// code ("1015 C)"), and is then unsure of the word. An unsure word that
// cannot hide such a letter (a postal code that fits, a two-letter code, digits
// or punctuation) is no reason to pay for the second model.
#ifndef PARCELPROOF_SCAN_ACCENT_REREAD_H_
#define PARCELPROOF_SCAN_ACCENT_REREAD_H_

#include <string>

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

}  // namespace parcelproof

#endif  // PARCELPROOF_SCAN_ACCENT_REREAD_H_
