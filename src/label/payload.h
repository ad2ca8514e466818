// Structured payloads in 2-D codes: a JSON object, or key=value / key: value
// pairs separated by new lines, ';', '|' or '&'.
#ifndef PARCELPROOF_LABEL_PAYLOAD_H_
#define PARCELPROOF_LABEL_PAYLOAD_H_

#include <string>

#include "parcelproof/scan.h"

namespace parcelproof {

// Parses text into fields with canonical names where we know the meaning
// (postal_code, country, recipient, tracking_number, city, ...); other keys
// are kept as given. False when the text is neither form.
bool ParsePayload(const std::string& text, FieldList* fields);

// The canonical name of a payload key ("Zip" -> "postal_code"), or the key
// lower-cased when unknown.
std::string CanonicalFieldName(const std::string& key);

}  // namespace parcelproof

#endif  // PARCELPROOF_LABEL_PAYLOAD_H_
