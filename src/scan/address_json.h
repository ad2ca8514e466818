// The "address" member of a scanned image in JSON (schemas/scan.schema.json).
#ifndef PARCELPROOF_SCAN_ADDRESS_JSON_H_
#define PARCELPROOF_SCAN_ADDRESS_JSON_H_

#include <nlohmann/json.hpp>

#include "parcelproof/scan.h"

namespace parcelproof {

// {"text","lines","fields":{"recipient":{"value","confidence"},...},
//  "confidence","corners","script","notes"}
nlohmann::ordered_json ShipToToJson(const ShipToRead& address);
// Reads back what ShipToToJson wrote; throws nlohmann::json::exception.
ShipToRead ShipToFromJson(const nlohmann::ordered_json& j);

}  // namespace parcelproof

#endif  // PARCELPROOF_SCAN_ADDRESS_JSON_H_
