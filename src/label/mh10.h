// ANSI MH10.8.3 / ISO 15434 messages ("[)>" RS "01" GS "96" ...), as in UPS
// MaxiCode and FedEx PDF417 labels.
#ifndef PARCELPROOF_LABEL_MH10_H_
#define PARCELPROOF_LABEL_MH10_H_

#include <string>

#include "parcelproof/scan.h"

namespace parcelproof {

bool IsMh10Message(const std::string& text);

// Adds postal_code, country (alpha-2 when known, else the numeric code),
// service_class, tracking_number, carrier and address fields, and the
// tracking number as a candidate. False when the message is malformed.
bool InterpretMh10(const std::string& text, Barcode* barcode);

}  // namespace parcelproof

#endif  // PARCELPROOF_LABEL_MH10_H_
