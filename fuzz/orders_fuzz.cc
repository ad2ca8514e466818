// Order files: JSON and CSV (LoadOrdersFile decides by content the same way),
// and the serialisation of whatever parsed.
#include <cstddef>
#include <cstdint>
#include <string>

#include "parcelproof/order.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (auto parse : {parcelproof::ParseOrdersJson, parcelproof::ParseOrdersCsv}) {
    auto orders = parse(text, "fuzz");
    if (!orders.ok()) continue;
    for (const parcelproof::Order& o : *orders) {
      // Must never throw, whatever the text held (issue 14: invalid UTF-8 in CSV).
      (void)parcelproof::OrderToJson(o);
    }
  }
  return 0;
}
