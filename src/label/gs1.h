// GS1 element strings: application identifiers (AIs) with their values.
#ifndef PARCELPROOF_LABEL_GS1_H_
#define PARCELPROOF_LABEL_GS1_H_

#include <string>

#include "parcelproof/scan.h"
#include "parcelproof/status.h"

namespace parcelproof {

// Parses raw GS1 data (AI digits then value; variable-length values end at
// ASCII 29 or the end) or the human-readable "(420)10115(00)..." form.
// Corrupt names the position of the first AI it cannot read.
Result<FieldList> ParseGs1(const std::string& text);

// Adds what the AIs mean for a parcel: SSCC (00), consignment (401) and
// shipment (402) numbers as tracking candidates; ship-to postal code (420,
// 421) and country (421) as fields.
void InterpretGs1(const FieldList& ais, Barcode* barcode);

}  // namespace parcelproof

#endif  // PARCELPROOF_LABEL_GS1_H_
