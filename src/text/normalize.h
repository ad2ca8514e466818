// Unicode text folding for comparisons (GNU libunistring).
#ifndef PARCELPROOF_TEXT_NORMALIZE_H_
#define PARCELPROOF_TEXT_NORMALIZE_H_

#include <string>

namespace parcelproof {

// Case-folded NFC text with spaces, hyphens, dots and commas removed, so
// that "Müller-Lüdenscheidt" matches "MU\u0308LLER LU\u0308DENSCHEIDT" and
// "sw1a 1aa" matches "SW1A1AA". Invalid UTF-8 is folded byte-wise (ASCII only).
std::string FoldForCompare(const std::string& s);

// Full Unicode case folding with NFKC normalisation, nothing removed: the key
// under which two names are "the same name". Invalid UTF-8 is lower-cased
// byte-wise (ASCII only).
std::string FoldCaseCompat(const std::string& s);

// Words for fuzzy matching: NFKD, full case folding, combining marks removed
// ("Straße" -> "strasse", "Chloé" -> "chloe", "ё" -> "е"), every run of
// characters that are neither letters nor digits replaced by one space, no
// space at either end. Invalid UTF-8 bytes count as separators.
std::string FoldForMatch(const std::string& s);

}  // namespace parcelproof

#endif  // PARCELPROOF_TEXT_NORMALIZE_H_
