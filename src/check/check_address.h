// The printed ship-to block (read by OCR during the scan) against the order.
#ifndef PARCELPROOF_CHECK_CHECK_ADDRESS_H_
#define PARCELPROOF_CHECK_CHECK_ADDRESS_H_

#include "parcelproof/check.h"

namespace parcelproof {

// Compares postal code, country, city and recipient read from the label with
// the expectation and records the outcome in c->address. A confidently read
// postal code, country or city that differs is a MISMATCH with that reason; a
// differing recipient, or a difference read with low confidence, is a
// warning; an address that could not be read is a note (the verdict stays).
void CheckPrintedAddress(const ShipToRead& read, const Expectation& expect, LabelCheck* c);

}  // namespace parcelproof

#endif  // PARCELPROOF_CHECK_CHECK_ADDRESS_H_
