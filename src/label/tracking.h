// Tracking-number schemes and their check digits (see DOMAIN.md). A number
// is reported as found, with its check-digit verdict; it is never corrected.
#ifndef PARCELPROOF_LABEL_TRACKING_H_
#define PARCELPROOF_LABEL_TRACKING_H_

#include <optional>
#include <string>

#include "parcelproof/scan.h"

namespace parcelproof {

// UPU S10: AA 8 digits, check digit, AA ("RR123456785CN").
bool LooksLikeS10(const std::string& s);
bool S10CheckDigitValid(const std::string& s);
// UPS: "1Z" + 16 characters, the last a check digit.
bool LooksLikeUps(const std::string& s);
bool UpsCheckDigitValid(const std::string& s);
// GS1 mod-10 over all digits of s, the last being the check digit.
bool Gs1Mod10Valid(const std::string& digits);

// Recognises a tracking number in a linear barcode's plain text: UPU S10,
// UPS 1Z, else "Unknown" for tracking-like text (10 to 35 letters and digits
// holding at least 6 digits). Empty for anything else.
std::optional<TrackingCandidate> ClassifyTracking(const std::string& text);

// Upper case, spaces and hyphens removed: the form numbers are compared in.
std::string CanonicalTracking(const std::string& s);

}  // namespace parcelproof

#endif  // PARCELPROOF_LABEL_TRACKING_H_
