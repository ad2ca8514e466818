// Label payloads: what a barcode's text means (tracking schemes, GS1 AIs,
// MH10.8.3, JSON and key=value) for every format and GS1 flag.
#include <cstddef>
#include <cstdint>
#include <string>

#include "label/gs1.h"
#include "label/interpret.h"
#include "label/mh10.h"
#include "label/payload.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const char* format : {"Code128", "QRCode", "DataMatrix", "PDF417", "MaxiCode"}) {
    for (bool gs1 : {false, true}) {
      parcelproof::Barcode b;
      b.format = format;
      b.text = text;
      parcelproof::InterpretBarcode(gs1, &b);
    }
  }
  (void)parcelproof::ParseGs1(text);
  parcelproof::Barcode b;
  (void)parcelproof::InterpretMh10(text, &b);
  parcelproof::FieldList fields;
  (void)parcelproof::ParsePayload(text, &fields);
  return 0;
}
