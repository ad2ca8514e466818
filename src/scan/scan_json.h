// ImageScan <-> JSON, for reports and for the worker protocol.
#ifndef PARCELPROOF_SCAN_SCAN_JSON_H_
#define PARCELPROOF_SCAN_SCAN_JSON_H_

#include <string>

#include "parcelproof/scan.h"

namespace parcelproof {

// One image as in schemas/scan.schema.json; an unreadable one carries
// "error": "<message>".
std::string ImageScanToJson(const ImageScan& scan);
// Reads back what ImageScanToJson wrote (status code included). False on malformed text.
bool ImageScanFromJson(const std::string& text, ImageScan* scan);
// One barcode as in the schema's "barcodes" items, and back (false on malformed text).
std::string BarcodeToJsonText(const Barcode& barcode);
bool BarcodeFromJsonText(const std::string& text, Barcode* barcode);

}  // namespace parcelproof

#endif  // PARCELPROOF_SCAN_SCAN_JSON_H_
