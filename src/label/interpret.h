// What a decoded barcode means on a parcel label.
#ifndef PARCELPROOF_LABEL_INTERPRET_H_
#define PARCELPROOF_LABEL_INTERPRET_H_

#include "parcelproof/scan.h"

namespace parcelproof {

// Fills barcode->tracking, ->gs1 and ->fields from barcode->format and
// ->text. `gs1` says the symbol carried GS1 data (FNC1 in first position).
void InterpretBarcode(bool gs1, Barcode* barcode);

// True for 1-D formats (Code128, Code39, Code93, ITF, EAN/UPC).
bool IsLinearFormat(const std::string& format);

}  // namespace parcelproof

#endif  // PARCELPROOF_LABEL_INTERPRET_H_
